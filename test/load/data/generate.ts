// The benchmark dataset: one large city and many small municipalities, generated from a seeded
// PRNG and loaded with COPY … FROM STDIN. Rows are shaped as the product writes them (the same
// tables, triggers fire: inbox entries, authz epochs, account change sequence), and the audit log
// is a valid hash chain (version 2, as append_audit_events() links it) that `npm run audit:verify`
// accepts (while a chain fits its memory; verify-chain.ts streams one of any length). Rule IDs in
// the data are the rulebooks' own (typed RuleId). Password hashes are the only values
// that differ between runs (argon2id salts them).
import pg from 'pg';
import { OWNER_ROLE, SCHEMA, hashPassword } from '@tsukasa/db';
import { auditChain, type ChainHead } from './audit-chain.ts';
import { buildCity } from './city.ts';
import { BENCH_PASSWORD, CITY_CODE, RULES, SMALL_CODE_PREFIX, T0, T1 } from './constants.ts';
import { copyRows, type CopyResult, type Row } from './copy.ts';
import { Prng } from './prng.ts';
import { cityRequestSteps, cityRequests, smallRequests } from './requests.ts';
import type { BenchSizes } from './sizes.ts';
import { buildSmall } from './small.ts';
import { COLUMNS, Tables, type Table } from './tables.ts';

export { BENCH_PASSWORD, CITY_CODE, SMALL_CODE_PREFIX } from './constants.ts';

export interface GenerateReport {
  /** Per table, in load order: rows and the time COPY took (generation included: it is streamed). */
  tables: CopyResult[];
  /** Time spent outside COPY: preparing rows, chain heads, VACUUM ANALYZE. */
  steps: { name: string; ms: number }[];
  totalMs: number;
  city: { id: string; code: string; admin: string; approver: string; approverPositionId: string };
  smallCodes: string[];
  /** False when the audit log was loaded without its per-row foreign-key triggers (as a superuser). */
  auditForeignKeyChecks: boolean;
}

// --- loading -------------------------------------------------------------------------------

export interface GenerateOptions {
  log?: (line: string) => void;
}

/**
 * Loads the dataset into the database at `url` (the owner role is used; roles and schema must be
 * migrated). Refuses a database marked as production or one that already holds the large city.
 */
export async function generateBenchData(url: string, sizes: BenchSizes, opts: GenerateOptions = {}): Promise<GenerateReport> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const steps: GenerateReport['steps'] = [];
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    steps.push({ name, ms: performance.now() - t });
    return r;
  };
  const client = new pg.Client({ connectionString: url, options: `-c role=${OWNER_ROLE} -c search_path=${SCHEMA} -c synchronous_commit=off` });
  await client.connect();
  const results = new Map<string, CopyResult>();
  let fkChecksSkipped = false;
  const record = (r: CopyResult) => {
    const prev = results.get(r.table);
    results.set(r.table, prev ? { table: r.table, rows: prev.rows + r.rows, ms: prev.ms + r.ms } : r);
    log(
      `  ${r.table.padEnd(24)} ${r.rows.toLocaleString('en').padStart(11)} rows  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${Math.round(
        r.rows / (r.ms / 1000 || 1),
      )
        .toLocaleString('en')
        .padStart(9)} rows/s`,
    );
  };
  try {
    const env = await client.query<{ value: string }>(`select value from deployment_setting where key = 'environment'`);
    if (env.rows[0]?.value === 'production') throw new Error('Refusing to load benchmark data into a database marked as production.');
    const existing = await client.query(`select 1 from municipality where code = $1 or code like $2 limit 1`, [CITY_CODE, `${SMALL_CODE_PREFIX}%`]);
    if (existing.rowCount)
      throw new Error(
        `This database already holds benchmark data (${CITY_CODE}); load into a fresh one (the audit log is append-only, so it cannot be removed).`,
      );

    const passwordHash = await timed('hash the sign-in password (argon2id, once)', () => hashPassword(BENCH_PASSWORD));
    const seed = new Prng(sizes.seed);
    const t = new Tables();
    const city = await timed('prepare the large city (rows in memory)', () => buildCity(t, sizes, seed.fork('city'), passwordHash));
    const smalls = await timed(`prepare ${sizes.municipalities} small municipalities`, () => {
      const rnd = seed.fork('small');
      return Array.from({ length: sizes.municipalities }, (_, i) => buildSmall(t, i + 1, rnd, passwordHash));
    });
    log(`loading (${CITY_CODE} and ${sizes.municipalities} small municipalities) …`);
    await client.query('begin');
    for (const table of Object.keys(COLUMNS) as Table[]) {
      if (table === 'request' || table === 'request_step' || table === 'audit_event') continue;
      const rows = t.rows.get(table) ?? [];
      if (rows.length) record(await copyRows(client, table, COLUMNS[table], rows));
      t.rows.delete(table);
    }
    record(await copyRows(client, 'request', COLUMNS.request, cityRequests(city, sizes, seed)));
    record(await copyRows(client, 'request_step', COLUMNS.request_step, cityRequestSteps(city, sizes, seed)));
    const smallSteps: Row[] = [];
    record(await copyRows(client, 'request', COLUMNS.request, smallRequests(smalls, seed, smallSteps)));
    record(await copyRows(client, 'request_step', COLUMNS.request_step, smallSteps));
    await client.query('commit');

    // The audit log: the large city's chain, then a short chain per small municipality. Loading as a
    // superuser, the per-row foreign-key triggers are skipped (session_replication_role = replica):
    // every row references a municipality committed above, and the checks queued for ten million rows
    // would run after the COPY, one by one. BENCH_AUDIT_FK_CHECKS=1 keeps them.
    const audit = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA} -c synchronous_commit=off` });
    await audit.connect();
    try {
      const superuser = (await audit.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true;
      fkChecksSkipped = superuser && process.env.BENCH_AUDIT_FK_CHECKS !== '1';
      await audit.query(fkChecksSkipped ? 'set session_replication_role = replica' : `set role ${OWNER_ROLE}`);
      await audit.query('begin');
      // The log's months (T0 … T1, Japan time) get their partitions first: otherwise every row would wait in the default partition.
      await audit.query(`select ${SCHEMA}.create_audit_partitions($1, $2)`, [new Date(T0), new Date(T1)]);
      const heads: ChainHead[] = [];
      const auditRnd = seed.fork('audit');
      const cityHead: ChainHead = { municipalityId: city.id, seq: 0, hash: '' };
      const cityRules = (action: string) =>
        action === 'read'
          ? RULES.read
          : action.startsWith('account')
            ? RULES.account
            : action.startsWith('request')
              ? RULES.modification
              : action === 'auth.sign_in'
                ? []
                : RULES.system;
      if (sizes.auditEvents > 0) {
        record(
          await copyRows(
            audit,
            'audit_event',
            COLUMNS.audit_event,
            auditChain(
              city.id,
              sizes.auditEvents,
              T0,
              T1,
              auditRnd,
              {
                staff: () => city.staff[auditRnd.int(city.staff.length)]!,
                system: () => city.systems[auditRnd.int(city.systems.length)]!,
                ruleIds: cityRules,
              },
              cityHead,
            ),
          ),
        );
        heads.push(cityHead);
      }
      const smallRnd = seed.fork('small-audit');
      function* smallChains(): Generator<string> {
        for (const m of smalls) {
          const head: ChainHead = { municipalityId: m.id, seq: 0, hash: '' };
          yield* auditChain(
            m.id,
            5,
            T0,
            T1,
            smallRnd,
            {
              staff: () => m.staff[smallRnd.int(m.staff.length)]!,
              system: () => m.systems[smallRnd.int(m.systems.length)]!,
              ruleIds: (action) => (action.startsWith('request') || action.startsWith('system') ? RULES.smallModification[m.rulebook]! : []),
            },
            head,
          );
          heads.push(head);
        }
      }
      if (smalls.length) record(await copyRows(audit, 'audit_event', COLUMNS.audit_event, smallChains()));
      await timed('chain heads', () =>
        copyRows(
          audit,
          'audit_chain_head',
          ['municipality_id', 'last_seq', 'last_hash'],
          heads.map((h) => [h.municipalityId, h.seq, h.hash]),
        ),
      );
      await audit.query('commit');
    } catch (e) {
      await audit.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      await audit.end();
    }
    // VACUUM sets the visibility map (index-only scans) and spares the benchmark an autovacuum of
    // the fresh tables while it measures; ANALYZE gives the planner the new sizes.
    await timed('VACUUM ANALYZE', () => client.query('vacuum (analyze)'));
    const approverPositionId = city.approverPositionId;
    return {
      tables: [...results.values()],
      steps,
      totalMs: performance.now() - started,
      city: { id: city.id, code: CITY_CODE, admin: 'admin', approver: 'approver', approverPositionId },
      smallCodes: smalls.map((m) => m.code),
      auditForeignKeyChecks: !fkChecksSkipped,
    };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
