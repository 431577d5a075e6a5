import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlSession } from '@tsukasa/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Begun {
  client: pg.PoolClient;
  session: SqlSession;
  /** The municipality's authorization epoch as the transaction began (null without a tenant). */
  epoch: string | null;
}

/**
 * One database transaction per GraphQL request, begun on first use, on one connection checked out
 * of the pool for the request. The tenant is set on it (`app.municipality_id`, read by the
 * row-level-security policies) from the session — never from arguments. Committed when the
 * response is ready; rolled back if the request fails as a whole.
 *
 * BEGIN, the tenant and the municipality's authorization epoch (the key of the decision-fact
 * caches, modules/authz) travel in one round trip: a simple-protocol query of three statements,
 * the id a UUID from the session row, checked before it is placed in the text. The repositories'
 * statements then go straight to the driver, one after another. Round trips are most of what a
 * small read costs (npm run bench).
 */
export class RequestDb {
  #begun: Promise<Begun> | undefined;
  /** The last statement sent: statements of a request run one after another on its connection. */
  #tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    readonly municipalityId: string | null,
  ) {
    if (municipalityId !== null && !UUID.test(municipalityId)) throw new Error('municipality id is not a UUID');
  }

  /** The transaction; every repository call of the request goes through it. */
  async em(): Promise<SqlSession> {
    return (await this.#begin()).session;
  }

  /** The municipality's authorization epoch, read as the transaction began. */
  async authzEpoch(): Promise<string> {
    return (await this.#begin()).epoch ?? 'none';
  }

  get started(): boolean {
    return this.#begun !== undefined;
  }

  #begin(): Promise<Begun> {
    this.#begun ??= (async () => {
      // The ORM's pool: the same connections, role and search path as everything else.
      const pool = (await this.orm.driver.getConnection().getNativeClient()) as pg.Pool;
      const client = await pool.connect();
      let epoch: string | null = null;
      try {
        if (this.municipalityId) {
          const results = (await client.query(
            `begin; select set_config('app.municipality_id', '${this.municipalityId}', true); select epoch::text from authz_epoch`,
          )) as unknown as pg.QueryResult<{ epoch: string }>[];
          epoch = results[2]?.rows[0]?.epoch ?? '0';
        } else {
          await client.query('begin');
        }
      } catch (e) {
        client.release(e instanceof Error ? e : true);
        throw e;
      }
      const session: SqlSession = {
        kind: 'sql-session',
        query: <T>(sql: string, params: readonly unknown[]) => {
          const run = this.#tail.then(() => client.query({ text: sql, values: params as unknown[] }));
          this.#tail = run.catch(() => undefined);
          return run.then((r) => r.rows as T[]);
        },
      };
      return { client, session, epoch };
    })();
    return this.#begun;
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.#begun) return;
    const begun = this.#begun;
    this.#begun = undefined;
    let client: pg.PoolClient;
    try {
      ({ client } = await begun);
    } catch {
      return; // never began: nothing to end, the connection was already given back
    }
    await this.#tail;
    try {
      await client.query(commit ? 'commit' : 'rollback');
    } catch (e) {
      // The connection's state is unknown: the pool discards it rather than lend it again.
      client.release(e instanceof Error ? e : true);
      throw e;
    }
    client.release();
  }
}
