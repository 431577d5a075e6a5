import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';

/**
 * One database transaction per GraphQL request, begun on first use. The tenant is set on it
 * (`app.municipality_id`, read by the row-level-security policies) from the session — never from
 * arguments. Committed when the response is ready; rolled back if the request fails as a whole.
 */
export class RequestDb {
  readonly #em: EntityManager;
  #begun: Promise<EntityManager> | undefined;

  constructor(orm: MikroORM, readonly municipalityId: string | null) {
    this.#em = orm.em.fork({ clear: true, useContext: false });
    if (municipalityId) this.#em.setSessionContext({ variables: { 'app.municipality_id': municipalityId } });
  }

  /** The transaction's entity manager; every repository call of the request goes through it. */
  em(): Promise<EntityManager> {
    this.#begun ??= this.#em.begin().then(() => this.#em);
    return this.#begun;
  }

  get started(): boolean {
    return this.#begun !== undefined;
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.#begun) return;
    const em = await this.#begun;
    this.#begun = undefined;
    if (commit) await em.commit();
    else await em.rollback();
  }
}
