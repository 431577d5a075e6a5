import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMunicipalities } from '@tsukasa/seed';
import { createOrm } from '../orm.ts';
import { registryRepo } from '../index.ts';
import { municipalityIdOf, seedDemo } from '../seed/demo-seeder.ts';
import { hashPassword } from '../seed/password.ts';
import { freePort } from './embedded-postgres.ts';
import { openDatabase } from './database.ts';
import { CONFINED, probeConfinement } from '../testing/confinement.ts';

// DATABASE_URL: an external PostgreSQL 15 (Debian's, the oldest version Tsukasa supports),
// reached as an ordinary user with CREATEROLE — not a superuser.
const BIN = '/usr/lib/postgresql/15/bin';
const available = existsSync(join(BIN, 'postgres'));
if (!available && process.env.CI) throw new Error(`PostgreSQL 15 is expected at ${BIN} in CI (Debian package postgresql-15)`);
const isRoot = process.getuid?.() === 0;

const APP_PASSWORD = 'app-login-password-for-tests';
let dir: string;
let server: ChildProcess;
let url: string;

function asPostgres(cmd: string, args: string[]) {
  return isRoot ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')]) : execFileSync(cmd, args);
}

describe.runIf(available)('an external PostgreSQL 15 through DATABASE_URL', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsukasa-pg15-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    // Passwords over TCP, as a municipality's server would ask: the application's login must really work.
    writeFileSync(join(dir, 'pw'), 'superuser-pass\n');
    chmodSync(join(dir, 'pw'), 0o644);
    asPostgres(join(BIN, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      `--pwfile=${join(dir, 'pw')}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
    const port = await freePort();
    const cmd = [
      join(BIN, 'postgres'),
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${dir}`,
      '-c',
      'fsync=off',
    ];
    server = isRoot ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', cmd.join(' ')], { stdio: 'ignore' }) : spawn(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
    const superUrl = `postgres://postgres:superuser-pass@127.0.0.1:${port}/postgres`;
    for (let i = 0; ; i++) {
      try {
        const c = new pg.Client({ connectionString: superUrl });
        await c.connect();
        await c.query(`create role integrator login password 'integrator-pass' createrole`);
        await c.query(`create database municipal owner integrator`);
        await c.end();
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    url = `postgres://integrator:integrator-pass@127.0.0.1:${port}/municipal`;
    writeFileSync(join(dir, 'ready'), '');
  }, 60_000);

  afterAll(async () => {
    if (server?.pid) {
      try {
        asPostgres(join(BIN, 'pg_ctl'), ['stop', '-D', join(dir, 'data'), '-m', 'immediate']);
      } catch {
        server.kill('SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its roles and schema, migrates, seeds, and serves as the RLS-bound role', async () => {
    const target = await openDatabase({ databaseUrl: url, appPassword: APP_PASSWORD, dataDir: '/nonexistent' });
    expect(target.embedded).toBeUndefined();
    await seedDemo(target.url, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
    const again = await openDatabase({ databaseUrl: url, appPassword: APP_PASSWORD, dataDir: '/nonexistent' }); // idempotent
    // The application logs in as its own role: confined to row-level security whatever SQL it runs.
    expect(new URL(again.appUrl).username).toBe('tsukasa_app');
    expect(await probeConfinement(again.appUrl)).toEqual(CONFINED);
    const orm = await createOrm({ clientUrl: again.appUrl, as: 'app' });
    try {
      const em = orm.em.fork();
      em.setSessionContext({ variables: { 'app.municipality_id': municipalityIdOf('arakawa') } });
      await em.begin();
      const page = await registryRepo.listSystems(em, { sort: { field: 'name', direction: 'asc' }, first: 5, text: '住民' });
      const version = (await em.getConnection().execute('show server_version'))[0] as { server_version: string };
      await em.rollback();
      expect(version.server_version).toMatch(/^15\./);
      expect(page.totalCount).toBeGreaterThanOrEqual(3);
      const bare = orm.em.fork();
      expect((await registryRepo.listSystems(bare, { sort: { field: 'name', direction: 'asc' }, first: 5 })).totalCount).toBe(0);
    } finally {
      await orm.close(true);
    }
  }, 60_000);
});
