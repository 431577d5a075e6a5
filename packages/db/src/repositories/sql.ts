import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type Compilable,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
} from 'kysely';
import type { Database } from '../entities/kysely.types.ts';
import { isValidRuleId, parseStoredRuleIds, systemClock } from '@tsukasa/domain';

/**
 * One connection of the pool, checked out for a whole request and inside its transaction (the
 * gateway's RequestDb): statements go straight to the driver, one round trip each, one at a time.
 */
export interface SqlSession {
  readonly kind: 'sql-session';
  /** The gateway's clock: what the request records as "now" (never the database server's time). */
  now(): Date;
  query<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

/**
 * Where repository SQL runs: a request's transaction (SqlSession), or an entity manager — its
 * transaction when it has one, else the pool (seeding, command-line tools, tests).
 */
export type Db = EntityManager | SqlSession;

interface Executor {
  executeQuery<R>(query: CompiledQuery<R>): Promise<{ rows: R[] }>;
}

const isSession = (db: Db): db is SqlSession => (db as Partial<SqlSession>).kind === 'sql-session';

/**
 * "Now" for what a repository records (created, updated, decided, revoked …): the request's clock —
 * the product's one clock, which tests move — or, for seeding and the command-line tools that run on
 * an entity manager, the system time. SQL never asks the database server for the time.
 */
export function nowOf(db: Db): Date {
  return isSession(db) ? db.now() : systemClock();
}

/**
 * Runs SQL with server-side parameters ($1, $2 …) on the request's connection, on the entity
 * manager's transaction, or on the pool when there is none. (MikroORM's `em.execute` interpolates
 * parameters into the text instead.)
 */
export async function rows<T>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result = await recordedRows<T>(db, sql, params);
  for (const row of result) checkRuleIdColumns(row, sql);
  return result;
}

export async function one<T>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

/**
 * Rows exactly as stored, their rule IDs unchecked: for the audit log alone, whose events cite the
 * rules as they stood when the events happened (append-only and hash-chained, an event is never
 * rewritten after a rulebook is amended). Everything else reads through `rows`.
 */
export async function recordedRows<T>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  if (isSession(db)) return db.query<T>(sql, params);
  const trx = db.getTransactionContext<Executor>();
  const executor: Executor = trx ?? (db.getConnection().getClient() as unknown as Executor);
  const result = await executor.executeQuery(CompiledQuery.raw(sql, params as unknown[]));
  return result.rows as T[];
}

/**
 * The one place rule IDs come back from the database: every row read through `rows` has the columns
 * that cite rules — `rule_ids` (text[]), `clause_rule_id`, and the `ruleIds` of a request's
 * `route_notes` — parsed against the rulebooks, so the RuleId types of the repositories' rows hold. An
 * ID the rulebooks lack fails the read, naming it (parseStoredRuleIds).
 */
function checkRuleIdColumns(row: unknown, sql: string): void {
  if (row === null || typeof row !== 'object') return;
  const r = row as Record<string, unknown>;
  const check = (ids: readonly unknown[]) => {
    if (!ids.every((id) => typeof id === 'string' && isValidRuleId(id)))
      parseStoredRuleIds(ids.map(String), `a row of ${sql.replace(/\s+/g, ' ').trim().slice(0, 120)}`);
  };
  if (Array.isArray(r['rule_ids'])) check(r['rule_ids']);
  if (r['clause_rule_id'] !== undefined && r['clause_rule_id'] !== null) check([r['clause_rule_id']]);
  if (Array.isArray(r['route_notes'])) {
    for (const note of r['route_notes'] as { ruleIds?: unknown }[]) if (Array.isArray(note?.ruleIds)) check(note.ruleIds);
  }
}

export async function exec(db: Db, sql: string, params: readonly unknown[] = []): Promise<void> {
  await rows(db, sql, params);
}

/**
 * Queries typed from the entities: `tables.selectFrom('incident as i').select(['i.id', 'i.status'])…`
 * names tables and columns as the migrations create them (entities/kysely.types.ts), so a renamed
 * column fails to compile. The builder never connects: `run` and `first` compile a query to text with
 * $n parameters and send it down the same path as `rows` — the request's connection and its
 * prepared statements, or the entity manager's transaction — with the rule-ID check of `rows`.
 */
export const tables = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A row as the repositories receive it: the columns a query selects, typed from the entities, with
 * timestamps as a Date or as the text the pool hands over (`toDate` reads both).
 */
export type Stored<Row> = { [K in keyof Row]: StoredValue<Row[K]> };
type StoredValue<V> = V extends Date ? Date | string : V;

/**
 * `= any($n::uuid[])`: one array parameter, so the statement's text does not change with the number
 * of values (one prepared statement, one plan), unlike `in ($1, $2, …)`.
 */
export function anyOf<T extends string>(values: readonly T[], type: 'uuid' | 'text'): RawBuilder<T> {
  return sql<T>`any(${values}::${sql.raw(type)}[])`;
}

/** `['id', 'name']` as `['s.id', 's.name']`, typed: one list of a table's columns, qualified by its alias. */
export function qualified<A extends string, const C extends readonly string[]>(alias: A, columns: C): { readonly [K in keyof C]: `${A}.${C[K]}` } {
  return columns.map((c) => `${alias}.${c}`) as { readonly [K in keyof C]: `${A}.${C[K]}` };
}

/** What an expression may refer to inside a query: `(eb: ScopeOf<typeof query>) => …` for a part shared by queries. */
export type ScopeOf<Q> = Q extends SelectQueryBuilder<infer DB, infer TB, infer _O> ? ExpressionBuilder<DB, TB> : never;

/**
 * A value for a json or jsonb column: one text parameter, read as jsonb (the driver would send a
 * JavaScript array as a PostgreSQL array); `null` is SQL null, in the same statement text.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;
}

/** Runs a typed query (`tables.…`) and returns its rows. */
export async function run<Row>(db: Db, query: Compilable<Row>): Promise<Stored<Row>[]> {
  const compiled = query.compile();
  return rows<Stored<Row>>(db, compiled.sql, compiled.parameters);
}

/**
 * Where an argument goes in a prepared query while it is built: replaced by the call's value each
 * time the query runs. Reading one while building (in a condition, a template, a computation) fails.
 */
class Slot {
  constructor(readonly key: string) {}
  [Symbol.toPrimitive](): never {
    throw new Error(`a prepared query's argument "${this.key}" may only be passed into the query, not read while it is built`);
  }
  toJSON(): never {
    return this[Symbol.toPrimitive]();
  }
}

/** Stands in for every argument: `args.staffId` is the slot of `staffId`. */
const slots = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? new Slot(key) : undefined) });

/**
 * A typed query built and compiled once per shape, then only bound on each call: for the hot paths,
 * where building and compiling a Kysely query on every request costs more CPU than PostgreSQL spends
 * on the statement (npm run bench, the access decision and a system by id).
 *
 * `build(args, shape)` runs once per distinct `shape` (compared as JSON): it may branch on the shape,
 * but may only pass `args` into the query — as values compared or inserted, or through `anyOf` —
 * never read them (they are stand-ins while it runs). The statement text is the same as building
 * the query per call, so it stays one named prepared statement per shape (RequestDb).
 */
export function prepared<A extends object, Row, S = undefined>(build: (args: A, shape: S) => Compilable<Row>) {
  const compiled = new Map<string, CompiledQuery<Row>>();
  const compile = (shape: S): CompiledQuery<Row> => {
    const key = shape === undefined ? '' : JSON.stringify(shape);
    let query = compiled.get(key);
    if (!query) compiled.set(key, (query = build(slots as A, shape).compile()));
    return query;
  };
  const bind = (query: CompiledQuery<Row>, args: A) => query.parameters.map((p) => (p instanceof Slot ? (args as Record<string, unknown>)[p.key] : p));
  return {
    /** The rows of the query for these arguments. */
    async run(db: Db, args: A, ...shape: S extends undefined ? [] : [S]): Promise<Stored<Row>[]> {
      const query = compile(shape[0] as S);
      return rows<Stored<Row>>(db, query.sql, bind(query, args));
    },
    /** The statement and its parameters, as `run` sends them. */
    compile(args: A, ...shape: S extends undefined ? [] : [S]): { sql: string; parameters: unknown[] } {
      const query = compile(shape[0] as S);
      return { sql: query.sql, parameters: bind(query, args) };
    },
  };
}

/** Runs a typed query and returns its first row, if any. */
export async function first<Row>(db: Db, query: Compilable<Row>): Promise<Stored<Row> | undefined> {
  return (await run(db, query))[0];
}

/** Escapes LIKE wildcards and NFKC-normalises, so ＲＰＡ finds RPA and 50% is literal. */
export function likePattern(text: string): string {
  return `%${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * timestamptz as MikroORM's pool hands it over ("2026-04-01 09:00:00.123456+09") or as a Date.
 * Microseconds beyond milliseconds are dropped.
 */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`unreadable timestamp: ${value}`);
  return d;
}

/** A nullable timestamp as a Date. */
export function toDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : toDate(value);
}

/** A nullable timestamp as an ISO string. */
export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toDate(value).toISOString();
}

/**
 * `"column" = $n` for each defined entry of a patch, appending the values to `params` (after the
 * parameters the caller already placed). Column names come from code, never from input.
 */
export function setClauses(patch: object, params: unknown[]): string[] {
  return Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => `"${column}" = $${params.push(value)}`);
}
