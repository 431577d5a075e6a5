import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFINED, probeConfinement } from '../testing/confinement.ts';
import { openDatabase, type DatabaseTarget } from './database.ts';

// npm start's database: the embedded PostgreSQL, kept in a data directory between runs.
describe('the embedded PostgreSQL of npm start', () => {
  let dir: string;
  let target: DatabaseTarget;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsukasa-start-'));
    target = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  }, 120_000);
  afterAll(async () => {
    await target?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the application a login of its own, confined to row-level security', async () => {
    expect(new URL(target.appUrl).username).toBe('tsukasa_app');
    expect(new URL(target.appUrl).password).not.toBe(new URL(target.url).password);
    expect(await probeConfinement(target.appUrl)).toEqual(CONFINED);
  });

  it('gives a data directory of an earlier version (a role that could not log in) the same login on the next start', async () => {
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query('alter role tsukasa_app nologin password null');
    await admin.end();
    await target.stop();
    target = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    expect(await probeConfinement(target.appUrl)).toEqual(CONFINED);
  }, 60_000);
});
