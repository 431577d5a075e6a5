import pg from 'pg';
import { releaseLostConnections, type MikroORM } from '@tsukasa/db';
import { systemClock, type Clock } from '@tsukasa/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The connections GraphQL requests run on (graphql/request-db.ts): a pool of their own, never lent
 * to anything else, with the ORM pool's settings (the application role, the search path, the type
 * parsers) and two differences:
 *
 * - The tenant (`app.municipality_id`, read by every row-level-security policy) is a session
 *   setting the connection keeps between requests. Each request that takes a connection gives it
 *   its own tenant first unless the connection already has it — so a busy municipality's requests
 *   spend no statement on it. A connection whose setting is in doubt (a transaction rolled back, a
 *   statement failed) is set again next time.
 * - Transactions are read-only unless begun `read write`: the statements of a read that runs
 *   without a transaction (an API token's query) cannot write, whatever a resolver tries.
 * - Prepared statements (request-db.ts names every repository statement) keep one generic plan.
 *   Left to choose, PostgreSQL re-plans `id = any($1)` lookups on every execution (it cannot tell
 *   the array is short), and planning a row-level-security join costs several times executing it
 *   (0.3 ms against 0.07 ms for a system's assets with their owners on the benchmark dataset).
 *   The statements are tenant-scoped key lookups and pages, for which the generic plan is the plan.
 */
export class TenantPool {
  readonly #pool: pg.Pool;
  readonly #tenantOf = new WeakMap<pg.ClientBase, string>();

  private constructor(
    pool: pg.Pool,
    /** The gateway's clock: what the requests on these connections record as "now" (request-db.ts). */
    readonly clock: Clock,
  ) {
    this.#pool = pool;
  }

  static async open(orm: MikroORM, clock: Clock = systemClock): Promise<TenantPool> {
    const base = (await orm.driver.getConnection().getNativeClient()) as pg.Pool;
    const options = base.options as pg.PoolConfig;
    // (pg-pool keeps the password as a non-enumerable property: copied by name.)
    const settings = '-c default_transaction_read_only=on -c plan_cache_mode=force_generic_plan';
    const pool = new pg.Pool({ ...options, password: options.password, options: `${options.options ?? ''} ${settings}`.trim() });
    // A connection the server drops is discarded by the pool; without listeners the error would end the process.
    pool.on('connect', (client) => client.on('error', () => undefined));
    pool.on('error', () => undefined);
    releaseLostConnections(pool);
    return new TenantPool(pool, clock);
  }

  connect(): Promise<pg.PoolClient> {
    return this.#pool.connect();
  }

  /** The statement that gives the connection this tenant (none: no tenant), or null when it has it already. */
  tenantStatement(client: pg.ClientBase, municipalityId: string | null): string | null {
    const want = municipalityId ?? '';
    if (this.#tenantOf.get(client) === want) return null;
    // A UUID or empty: safe in the text of a simple-protocol query (RequestDb checks it too).
    if (want !== '' && !UUID.test(want)) throw new Error('municipality id is not a UUID');
    return `select set_config('app.municipality_id', '${want}', false)`;
  }

  /** The connection now has this tenant (its statement succeeded outside any transaction that could undo it). */
  settled(client: pg.ClientBase, municipalityId: string | null): void {
    this.#tenantOf.set(client, municipalityId ?? '');
  }

  /** The connection's tenant is not known any more: the next request sets it. */
  unsettled(client: pg.ClientBase): void {
    this.#tenantOf.delete(client);
  }

  end(): Promise<void> {
    return this.#pool.end();
  }
}
