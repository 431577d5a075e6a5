import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle, type SupervisionOptions } from './embedded-postgres.ts';

// npm start's embedded PostgreSQL, supervised: killed, it comes back on the same port and data.
const postmasterPid = async (dir: string) => Number((await readFile(join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe('the supervised embedded PostgreSQL', () => {
  let dir: string | undefined;
  let server: EmbeddedPostgresHandle | undefined;
  afterEach(async () => {
    await server?.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
    server = dir = undefined;
  });

  function supervision(lines: string[], gaveUp: unknown[]): SupervisionOptions {
    return { log: (level, message) => lines.push(`${level}: ${message}`), backoffMs: [100, 200], maxAttempts: 3, onGiveUp: (e) => gaveUp.push(e) };
  }

  it('is started again after it dies, with its data: committed work is there, the one in flight is not', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsukasa-supervised-'));
    const lines: string[] = [];
    const gaveUp: unknown[] = [];
    server = await startEmbeddedPostgres({ dataDir: dir, persistent: true, supervise: supervision(lines, gaveUp) });
    const url = server.adminUrl;
    await query(url, 'create table kept (n int); insert into kept values (1)');
    const inFlight = new pg.Client({ connectionString: url });
    inFlight.on('error', () => undefined);
    await inFlight.connect();
    await inFlight.query('begin; insert into kept values (2)');
    const before = await postmasterPid(dir);
    process.kill(before, 'SIGKILL');
    await until('the restart', () => lines.some((l) => l.startsWith('info: embedded PostgreSQL restarted')));
    expect(await postmasterPid(dir)).not.toBe(before);
    expect(await query<{ n: number }>(url, 'select n from kept order by n')).toEqual([{ n: 1 }]);
    expect(lines[0]).toBe('error: embedded PostgreSQL stopped unexpectedly; restarting it');
    expect(gaveUp).toEqual([]);
    // It is watched again after the restart.
    process.kill(await postmasterPid(dir), 'SIGKILL');
    await until('the second restart', () => lines.filter((l) => l.startsWith('info: embedded PostgreSQL restarted')).length === 2);
  }, 60_000);

  it('gives up after its attempts when the server cannot start, and says so', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsukasa-supervised-'));
    const lines: string[] = [];
    const gaveUp: unknown[] = [];
    server = await startEmbeddedPostgres({ dataDir: dir, persistent: true, supervise: supervision(lines, gaveUp) });
    await rename(join(dir, 'pg', 'PG_VERSION'), join(dir, 'PG_VERSION.away'));
    process.kill(await postmasterPid(dir), 'SIGKILL');
    await until('giving up', () => gaveUp.length === 1);
    expect(lines.filter((l) => l.includes('did not start'))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^error: embedded PostgreSQL could not be restarted after 3 attempts; giving up/);
    await rename(join(dir, 'PG_VERSION.away'), join(dir, 'pg', 'PG_VERSION'));
  }, 60_000);

  it('is not restarted when it is stopped on purpose', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsukasa-supervised-'));
    const lines: string[] = [];
    server = await startEmbeddedPostgres({ dataDir: dir, persistent: true, supervise: supervision(lines, []) });
    await server.stop();
    await new Promise((ok) => setTimeout(ok, 500));
    expect(lines).toEqual([]);
  }, 60_000);
});
