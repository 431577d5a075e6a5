import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlSession } from '@tsukasa/db';
import type { TenantPool } from './tenant-pool.ts';

/** Statement names by text: the same text always has the same name, in every connection. */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 5_000;

/**
 * A repository statement as a named prepared statement: each connection parses and plans it once
 * and then only binds and executes (row-level-security quals and joins make planning a good part of
 * a small read's cost in PostgreSQL). Past the cap — generated texts — statements stay unnamed.
 */
function prepared(text: string, params: readonly unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `t${statementNames.size + 1}`));
  return name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQLSTATE 25006: read_only_sql_transaction. */
function refuseReadOnlyWrite(e: unknown): never {
  if ((e as { code?: unknown })?.code === '25006') {
    throw new Error('A write reached a read-only request: it writes through RequestDb.writer() (graphql/request-db.ts)', { cause: e });
  }
  throw e;
}

function refuseWrite(e: unknown): never {
  if ((e as { code?: unknown })?.code === '25006') {
    throw new Error('A write reached the read replica: a replica-routed request writes through RequestDb.writer() (graphql/request-db.ts)', { cause: e });
  }
  throw e;
}

interface Begun {
  client: pg.PoolClient;
  session: SqlSession;
  /** The municipality's authorization epoch as the transaction began (null: not read). */
  epoch: string | null;
  /** Whether the request runs in a transaction (else: an API token's read, statement by statement). */
  transaction: boolean;
}

/**
 * The database of one GraphQL request: one connection of the tenant pool (graphql/tenant-pool.ts),
 * checked out on first use and held until the response is ready. The tenant (`app.municipality_id`,
 * read by the row-level-security policies) comes from the session — never from arguments.
 *
 * - Staff requests and every mutation run in one transaction, committed when the response is ready
 *   and rolled back if the request fails as a whole. BEGIN, the tenant (when the connection does
 *   not have it yet) and the municipality's authorization epoch (the key of the decision-fact
 *   caches, modules/authz; staff only) travel in one round trip: a simple-protocol query whose only
 *   value is a UUID from the session row, checked before it is placed in the text.
 * - An API token's query (`readStatementByStatement`, decided before any statement) runs without
 *   BEGIN and COMMIT: each statement in its own read-only transaction — read committed, as inside
 *   a transaction of this isolation level, and no statement of it can write. What such a request
 *   must write goes to the primary through `writer()`.
 * - An API token's query may instead read a streaming replica (graphql/read-replica.ts): one
 *   read-only snapshot for the whole request, the same tenant; writes through `writer()` as well.
 *
 * The repositories' statements go straight to the driver as named prepared statements, one after
 * another. Round trips are most of what a small read costs (npm run bench).
 */
export class RequestDb {
  #begun: Promise<Begun> | undefined;
  /** The last statement sent: statements of a request run one after another on its connection. */
  #tail: Promise<unknown> = Promise.resolve();
  /** Set before the first statement when the request reads the replica. */
  #replica: MikroORM | undefined;
  /** Set before the first statement when the request reads statement by statement. */
  #statementByStatement = false;
  /** The transaction of a replica-routed or statement-by-statement request's writes, begun on first write. */
  #writes: RequestDb | undefined;

  constructor(
    private readonly tenants: TenantPool,
    readonly municipalityId: string | null,
    /** Read the authorization epoch as the transaction begins (staff requests). */
    private readonly withEpoch = false,
  ) {
    if (municipalityId !== null && !UUID.test(municipalityId)) throw new Error('municipality id is not a UUID');
  }

  /** The request's statements; every repository call of the request goes through it. */
  async em(): Promise<SqlSession> {
    return (await this.#begin()).session;
  }

  /** The municipality's authorization epoch (read as the transaction began, for staff requests). */
  async authzEpoch(): Promise<string> {
    const begun = await this.#begin();
    if (begun.epoch === null && this.municipalityId) {
      begun.epoch = (await begun.session.query<{ epoch: string }>('select epoch::text as epoch from authz_epoch', []))[0]?.epoch ?? '0';
    }
    return begun.epoch ?? 'none';
  }

  get started(): boolean {
    return this.#begun !== undefined;
  }

  /** The request reads the replica (decided before any statement: one snapshot throughout). */
  readFromReplica(replica: MikroORM): void {
    if (this.#begun) throw new Error('the request already began on the primary');
    this.#replica = replica;
  }

  get onReplica(): boolean {
    return this.#replica !== undefined;
  }

  /** The request only reads, statement by statement, on the primary (decided before any statement). */
  readStatementByStatement(): void {
    if (this.#begun) throw new Error('the request already began');
    this.#statementByStatement = true;
  }

  /**
   * Where a write that serves a read goes (the audit of protected reads): the request's transaction;
   * for a request on the replica or read statement by statement, which take no writes, a short
   * transaction of its own on the primary, committed by finish() before the response is sent — no
   * audit, no data still holds.
   */
  writer(): Promise<SqlSession> {
    if (!this.#replica && !this.#statementByStatement) return this.em();
    this.#writes ??= new RequestDb(this.tenants, this.municipalityId);
    return this.#writes.em();
  }

  #begin(): Promise<Begun> {
    this.#begun ??= this.#replica ? this.#beginOnReplica(this.#replica) : this.#beginOnPrimary();
    return this.#begun;
  }

  async #beginOnPrimary(): Promise<Begun> {
    const client = await this.tenants.connect();
    const tenant = this.tenants.tenantStatement(client, this.municipalityId);
    const transaction = !this.#statementByStatement;
    let epoch: string | null = null;
    try {
      if (transaction) {
        const epochStatement = this.withEpoch && this.municipalityId ? 'select epoch::text from authz_epoch' : null;
        const statements = ['begin read write', tenant, epochStatement].filter((x): x is string => x !== null);
        const results = (await client.query(statements.join('; '))) as unknown as pg.QueryResult<{ epoch: string }> | pg.QueryResult<{ epoch: string }>[];
        if (epochStatement) epoch = (Array.isArray(results) ? results.at(-1) : results)?.rows[0]?.epoch ?? '0';
        // The tenant is the connection's once the transaction commits (finish).
        if (tenant) this.tenants.unsettled(client);
      } else if (tenant) {
        await client.query(tenant);
        this.tenants.settled(client, this.municipalityId);
      }
    } catch (e) {
      this.tenants.unsettled(client);
      client.release(e instanceof Error ? e : true);
      throw e;
    }
    return { client, session: this.#session(client, false), epoch, transaction };
  }

  async #beginOnReplica(replica: MikroORM): Promise<Begun> {
    // The replica ORM's pool: a physical copy, the same role and search path.
    const pool = (await replica.driver.getConnection().getNativeClient()) as pg.Pool;
    const client = await pool.connect();
    // One snapshot for every statement of the request, and no write can slip in.
    const begin = 'begin transaction isolation level repeatable read, read only';
    let epoch: string | null = null;
    try {
      if (this.municipalityId) {
        const results = (await client.query(
          `${begin}; select set_config('app.municipality_id', '${this.municipalityId}', true); select epoch::text from authz_epoch`,
        )) as unknown as pg.QueryResult<{ epoch: string }>[];
        epoch = results[2]?.rows[0]?.epoch ?? '0';
      } else {
        await client.query(begin);
      }
    } catch (e) {
      client.release(e instanceof Error ? e : true);
      throw e;
    }
    return { client, session: this.#session(client, true), epoch, transaction: true };
  }

  #session(client: pg.PoolClient, replica: boolean): SqlSession {
    return {
      kind: 'sql-session',
      now: this.tenants.clock,
      query: <T>(sql: string, params: readonly unknown[]) => {
        const run = this.#tail.then(() => client.query(prepared(sql, params)));
        this.#tail = run.catch(() => undefined);
        const rows = run.then((r) => r.rows as T[]);
        return replica ? rows.catch(refuseWrite) : rows.catch(refuseReadOnlyWrite);
      },
    };
  }

  async finish(commit: boolean): Promise<void> {
    const writes = this.#writes;
    this.#writes = undefined;
    try {
      // A replica-routed or statement-by-statement request's writes are stored before its response is sent.
      await writes?.finish(commit);
    } finally {
      await this.#end(commit);
    }
  }

  async #end(commit: boolean): Promise<void> {
    if (!this.#begun) return;
    const begun = this.#begun;
    this.#begun = undefined;
    let b: Begun;
    try {
      b = await begun;
    } catch {
      return; // never began: nothing to end, the connection was already given back
    }
    const { client } = b;
    await this.#tail;
    if (!b.transaction) {
      client.release();
      return;
    }
    try {
      await client.query(commit ? 'commit' : 'rollback');
    } catch (e) {
      // The connection's state is unknown: the pool discards it rather than lend it again.
      if (!this.#replica) this.tenants.unsettled(client);
      client.release(e instanceof Error ? e : true);
      throw e;
    }
    if (!this.#replica) {
      if (commit) this.tenants.settled(client, this.municipalityId);
      else this.tenants.unsettled(client);
    }
    client.release();
  }
}
