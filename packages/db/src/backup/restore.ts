// Restores a backup of backup.ts (npm run db:restore, cli/restore.ts) into a NEW database — never over existing data:
// - `--into postgres://user:pw@host:5432/name`: the database `name` is created when missing (the
//   user needs CREATEROLE and CREATEDB, as for DATABASE_URL) and must hold no Tsukasa tables yet;
// - `--into DIR`: a new embedded PostgreSQL is initialised in DIR (it must not hold one) and the
//   backup restored into its `tsukasa` database; start the product on it with
//   `TSUKASA_DATA_DIR=DIR npm start`.
// The roles (`tsukasa_owner`, `tsukasa_app`) are created as at first start. A pg_dump archive is
// restored with pg_restore in one transaction; a logical dump through the migrations it names,
// then its rows in one transaction with triggers quiet (session_replication_role = replica: the
// rows are restored as they were, not re-derived). Row counts are checked against the backup's.
import pg from 'pg';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { spawn } from 'node:child_process';
import { createOrm } from '../orm.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../runtime/embedded-postgres.ts';
import { provisionRolesAndSchema, SCHEMA, withDatabase } from '../runtime/provision.ts';
import { CUSTOM_MAGIC, LOGICAL_FORMAT, LOGICAL_VERSION, findPgTool, splitPassword, tableCounts, type BackupFormat, type LogicalHeader } from './backup.ts';
import { countOf } from '@tsukasa/domain';

export interface RestoreResult {
  format: BackupFormat;
  /** The restored database (without its password). */
  database: string;
  /** Set when restored into a new embedded PostgreSQL. */
  dataDir?: string;
  rows: Record<string, number>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function detectFormat(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead === 5 && buffer.toString('latin1') === CUSTOM_MAGIC) return 'custom';
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'logical';
  } finally {
    await handle.close();
  }
  throw new Error(`${file} is neither a pg_dump custom archive nor a Tsukasa logical dump`);
}

/** The lines of a logical dump, parsed. */
async function* logicalLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as unknown;
}

async function readHeader(file: string): Promise<LogicalHeader> {
  for await (const first of logicalLines(file)) {
    const h = first as Partial<LogicalHeader>;
    if (h.format !== LOGICAL_FORMAT) throw new Error(`${file} is not a Tsukasa logical dump`);
    if (h.version !== LOGICAL_VERSION) throw new Error(`${file} is a logical dump of version ${h.version}; this release reads version ${LOGICAL_VERSION}`);
    return h as LogicalHeader;
  }
  throw new Error(`${file} is empty`);
}

/**
 * Reads the whole logical dump once before anything is created: a truncated or corrupted file is
 * refused while the target is still untouched.
 */
async function checkLogical(file: string): Promise<void> {
  let table: string | undefined;
  let n = 0;
  let complete = false;
  let first = true;
  for await (const line of logicalLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    if (Array.isArray(line)) {
      if (!table) throw new Error('malformed dump: rows outside a table');
      n++;
      continue;
    }
    const l = line as { table?: string; end?: string; rows?: number; complete?: boolean };
    if (l.table !== undefined) [table, n] = [l.table, 0];
    else if (l.end !== undefined) {
      if (l.end !== table || l.rows !== n) throw new Error(`malformed dump: table ${l.end} announces ${l.rows} rows and holds ${n}`);
      table = undefined;
    } else if (l.complete) complete = true;
  }
  if (!complete) throw new Error('the backup is incomplete (the file ends early): nothing was restored');
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, opts: { raw?: boolean } = {}): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    ...(opts.raw ? { types: { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig } : {}),
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The migrations the code knows, in order; the dump's must be the first of them. */
async function migrateTo(url: string, migrations: string[], log: (line: string) => void): Promise<void> {
  const orm = await createOrm({ clientUrl: url, as: 'owner' });
  try {
    const known = (await orm.migrator.getPending()).map((m) => m.name);
    const unknown = migrations.filter((m) => !known.includes(m));
    if (unknown.length)
      throw new Error(`the backup was taken by a newer release (migrations unknown here: ${unknown.join(', ')}): restore it with that release`);
    if (migrations.some((m, i) => known[i] !== m))
      throw new Error("the backup's migrations are not a prefix of this release's: restore it with the release that took it");
    if (migrations.length) await orm.migrator.up({ to: migrations.at(-1)! });
    log(
      `schema created by ${countOf(migrations.length, 'migration')} (${countOf(known.length - migrations.length, 'newer one')} applied when the product starts)`,
    );
  } finally {
    await orm.close(true);
  }
}

async function loadLogical(url: string, file: string, header: LogicalHeader): Promise<Record<string, number>> {
  return withClient(
    url,
    async (c) => {
      await c.query(`set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'`);
      await c.query('begin');
      try {
        await c.query('set local session_replication_role = replica');
      } catch (e) {
        throw new Error(`restoring needs a superuser (or SET on session_replication_role) on the target: ${(e as Error).message}`);
      }
      const columnTypes = async (table: string) =>
        new Map(
          (
            await c.query<{ name: string; type: string; identity: string }>(
              `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity from pg_attribute a
        where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
              [`${SCHEMA}.${quoteIdent(table)}`],
            )
          ).rows.map((r) => [r.name, r]),
        );
      let table: { name: string; columns: string[]; sql: (n: number) => string; perBatch: number } | undefined;
      let batch: unknown[][] = [];
      const counts: Record<string, number> = {};
      let complete: { rows: Record<string, number> } | undefined;
      const flush = async () => {
        if (!table || batch.length === 0) return;
        await c.query(table.sql(batch.length), batch.flat());
        counts[table.name] = (counts[table.name] ?? 0) + batch.length;
        batch = [];
      };
      let first = true;
      for await (const line of logicalLines(file)) {
        if (first) {
          first = false;
          continue; // the header
        }
        if (Array.isArray(line)) {
          if (!table) throw new Error('malformed dump: rows outside a table');
          batch.push(line);
          if (batch.length >= table.perBatch) await flush();
          continue;
        }
        const l = line as {
          table?: string;
          end?: string;
          rows?: number;
          sequences?: { name: string; lastValue: string; isCalled: boolean }[];
          complete?: boolean;
        };
        if (l.table !== undefined) {
          const def = header.tables.find((t) => t.name === l.table);
          if (!def) throw new Error(`malformed dump: table ${l.table} is not in its header`);
          const types = await columnTypes(def.name);
          const missing = def.columns.filter((col) => !types.has(col));
          if (missing.length) throw new Error(`the restored schema has no ${def.name}.${missing.join(', ')}: the backup and the migrations disagree`);
          const identity = def.columns.some((col) => types.get(col)!.identity === 'a');
          const cols = def.columns.map(quoteIdent).join(', ');
          const casts = def.columns.map((col) => types.get(col)!.type);
          table = {
            name: def.name,
            columns: def.columns,
            perBatch: Math.max(1, Math.min(1000, Math.floor(30_000 / Math.max(1, def.columns.length)))),
            sql: (n) => {
              const values = Array.from({ length: n }, (_, r) => `(${casts.map((t, i) => `$${r * casts.length + i + 1}::${t}`).join(', ')})`).join(', ');
              return `insert into ${quoteIdent(SCHEMA)}.${quoteIdent(def.name)} (${cols})${identity ? ' overriding system value' : ''} values ${values}`;
            },
          };
          counts[def.name] = 0;
        } else if (l.end !== undefined) {
          await flush();
          if (counts[l.end] !== l.rows) throw new Error(`table ${l.end}: ${counts[l.end]} rows restored, the backup holds ${l.rows}`);
          table = undefined;
        } else if (l.sequences) {
          for (const s of l.sequences)
            await c.query('select setval($1::regclass, $2::bigint, $3::boolean)', [`${SCHEMA}.${quoteIdent(s.name)}`, s.lastValue, s.isCalled]);
        } else if (l.complete) {
          complete = l as unknown as { rows: Record<string, number> };
        }
      }
      if (!complete) throw new Error('the backup is incomplete (the file ends early): nothing was restored');
      for (const [name, n] of Object.entries(complete.rows)) {
        if ((counts[name] ?? 0) !== n) throw new Error(`table ${name}: ${counts[name] ?? 0} rows restored, the backup holds ${n}`);
      }
      await c.query('commit');
      await c.query('analyze');
      return counts;
    },
    { raw: true },
  );
}

async function pgRestore(url: string, file: string, pgBin: string | undefined, log: (line: string) => void): Promise<void> {
  const { tool, all } = await findPgTool('pg_restore', 0, pgBin);
  if (!tool)
    throw new Error(
      `no pg_restore found (looked in --pg-bin, beside the embedded PostgreSQL, on PATH and in the usual directories; ${all.length} candidates): install PostgreSQL's client tools or pass --pg-bin`,
    );
  log(`pg_restore: ${tool.path}`);
  // The archive creates the schema itself (with its grants and default privileges).
  await withClient(url, (c) => c.query(`drop schema if exists ${quoteIdent(SCHEMA)}`));
  const { url: bare, password } = splitPassword(url);
  await new Promise<void>((ok, fail) => {
    const child = spawn(tool.path, ['--exit-on-error', '--single-transaction', '--no-password', `--dbname=${bare}`, file], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`pg_restore exited with ${code}: ${stderr.trim()}`))));
  });
  await withClient(url, (c) => c.query('analyze'));
}

export async function restoreDatabase(opts: { file: string; into: string; pgBin?: string; log?: (line: string) => void }): Promise<RestoreResult> {
  const log = opts.log ?? (() => undefined);
  const file = resolve(opts.file);
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const format = await detectFormat(file);
  const header = format === 'logical' ? await readHeader(file) : undefined;
  if (format === 'logical') {
    await checkLogical(file).catch((e: Error & { code?: string }) => {
      throw e.code?.startsWith('Z_') || e instanceof SyntaxError ? new Error(`the backup is damaged or incomplete (${e.message}): nothing was restored`) : e;
    });
  }

  let adminUrl: string;
  let database: string;
  let embedded: EmbeddedPostgresHandle | undefined;
  let dataDir: string | undefined;
  let createdDir = false;
  if (/^postgres(ql)?:\/\//.test(opts.into)) {
    database = decodeURIComponent(new URL(opts.into).pathname.slice(1));
    if (!database || database === 'postgres' || database === 'template1') throw new Error('name the new database in the URL (postgres://…/tsukasa_restored)');
    adminUrl = withDatabase(opts.into, 'postgres');
  } else {
    dataDir = resolve(opts.into);
    if (existsSync(join(dataDir, 'pg', 'PG_VERSION'))) throw new Error(`${dataDir} already holds a PostgreSQL: restore into a new directory`);
    createdDir = !existsSync(dataDir) || (await readdir(dataDir)).length === 0;
    await mkdir(dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    log(`new embedded PostgreSQL in ${dataDir}`);
    adminUrl = embedded.adminUrl;
    database = 'tsukasa';
  }
  try {
    // Into a new embedded cluster: its application login is derived as npm start derives it. Into a
    // server given by URL: DATABASE_APP_PASSWORD when set, else the login keeps the password it has
    // (the cluster may be serving another Tsukasa database with it).
    const appPassword = embedded ? undefined : process.env.DATABASE_APP_PASSWORD || null;
    const url = await provisionRolesAndSchema(adminUrl, { createDatabase: database, appPassword });
    const tables = await withClient(url, async (c) =>
      Number(
        (
          await c.query<{ n: string }>(
            `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'p')`,
            [SCHEMA],
          )
        ).rows[0]!.n,
      ),
    );
    if (tables > 0) throw new Error(`the database ${database} already holds Tsukasa's tables: restore into a new database`);
    let rows: Record<string, number>;
    if (format === 'logical') {
      // Checked before the migrations create anything: loading the rows needs this.
      await withClient(url, async (c) => {
        await c.query('begin');
        try {
          await c.query('set local session_replication_role = replica');
        } catch (e) {
          throw new Error(`restoring needs a superuser (or SET on session_replication_role) on the target: ${(e as Error).message}`);
        } finally {
          await c.query('rollback').catch(() => undefined);
        }
      });
      await migrateTo(url, header!.migrations, log);
      rows = await loadLogical(url, file, header!);
    } else {
      await pgRestore(url, file, opts.pgBin, log);
      rows = await withClient(url, (c) => tableCounts(c));
    }
    return { format, database: splitPassword(url).url, rows, ...(dataDir ? { dataDir } : {}) };
  } catch (e) {
    if (embedded) {
      await embedded.stop().catch(() => undefined);
      embedded = undefined;
      if (createdDir && dataDir) await rm(dataDir, { recursive: true, force: true });
    }
    throw e;
  } finally {
    await embedded?.stop();
  }
}
