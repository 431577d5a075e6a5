import type pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlSession } from '@tsukasa/db';

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
function refuseWrite(e: unknown): never {
  if ((e as { code?: unknown })?.code === '25006') {
    throw new Error('A write reached the read replica: a replica-routed request writes through RequestDb.writer() (graphql/request-db.ts)', { cause: e });
  }
  throw e;
}

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
 *
 * An API token's query may instead read a streaming replica (graphql/read-replica.ts): one
 * read-only snapshot for the whole request, the same tenant; what such a request writes goes to the
 * primary through `writer()`.
 */
export class RequestDb {
  #begun: Promise<Begun> | undefined;
  /** The last statement sent: statements of a request run one after another on its connection. */
  #tail: Promise<unknown> = Promise.resolve();
  /** Set before the first statement when the request reads the replica. */
  #replica: MikroORM | undefined;
  /** The primary transaction of a replica-routed request's writes, begun on first write. */
  #writes: RequestDb | undefined;

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

  /** The request reads the replica (decided before any statement: one snapshot throughout). */
  readFromReplica(replica: MikroORM): void {
    if (this.#begun) throw new Error('the request already began on the primary');
    this.#replica = replica;
  }

  get onReplica(): boolean {
    return this.#replica !== undefined;
  }

  /**
   * Where a write that serves a read goes (the audit of protected reads): the request's transaction;
   * for a request on the replica, which takes no writes, a short transaction of its own on the
   * primary, committed by finish() before the response is sent — no audit, no data still holds.
   */
  writer(): Promise<SqlSession> {
    if (!this.#replica) return this.em();
    this.#writes ??= new RequestDb(this.orm, this.municipalityId);
    return this.#writes.em();
  }

  #begin(): Promise<Begun> {
    this.#begun ??= (async () => {
      const replica = this.#replica !== undefined;
      // The ORM's pool: the same connections, role and search path as everything else.
      const pool = (await (this.#replica ?? this.orm).driver.getConnection().getNativeClient()) as pg.Pool;
      const client = await pool.connect();
      // On the replica: one snapshot for every statement of the request, and no write can slip in.
      const begin = replica ? 'begin transaction isolation level repeatable read, read only' : 'begin';
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
      const session: SqlSession = {
        kind: 'sql-session',
        query: <T>(sql: string, params: readonly unknown[]) => {
          const run = this.#tail.then(() => client.query(prepared(sql, params)));
          this.#tail = run.catch(() => undefined);
          const rows = run.then((r) => r.rows as T[]);
          return replica ? rows.catch(refuseWrite) : rows;
        },
      };
      return { client, session, epoch };
    })();
    return this.#begun;
  }

  async finish(commit: boolean): Promise<void> {
    const writes = this.#writes;
    this.#writes = undefined;
    try {
      // A replica-routed request's writes are stored before its response is sent.
      await writes?.finish(commit);
    } finally {
      await this.#end(commit);
    }
  }

  async #end(commit: boolean): Promise<void> {
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
