// Backup and restore round trips of the demo data (with an audit history) into fresh databases:
// every table's rows identical, sequences where they were, the audit hash chains intact, and the
// restored database serving the application role under row-level security. The logical format runs
// on this run's PostgreSQL 18; pg_dump's custom format on Debian's PostgreSQL 15 when it is installed
// (pg_dump refuses servers newer than itself, and the embedded PostgreSQL ships without one).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoMunicipalities } from '@tsukasa/seed';
import { verifyAuditChains } from '../audit/verify.ts';
import { createOrm } from '../orm.ts';
import { appendAuditEvents } from '../repositories/audit.repository.ts';
import { rows } from '../repositories/sql.ts';
import { startEmbeddedPostgres, freePort } from '../runtime/embedded-postgres.ts';
import { appLoginUrl, migrate, provisionRolesAndSchema, SCHEMA, withDatabase } from '../runtime/provision.ts';
import { municipalityIdOf, seedDemo } from '../seed/demo-seeder.ts';
import { hashPassword } from '../seed/password.ts';
import { createTestDatabase } from '../testing/index.ts';
import { backupDatabase, schemaTables, tableCounts } from '../backup/backup.ts';
import { restoreDatabase } from '../backup/restore.ts';

const runFile = promisify(execFile);
const root = new URL('../../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'tsukasa-backup-'));
chmodSync(work, 0o755); // as root, the embedded PostgreSQL runs as the postgres user and must reach it
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query(`set timezone = 'UTC'`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A history to keep: events appended as the gateway appends them, as the application role. */
async function writeHistory(url: string, appPassword?: string) {
  const orm = await createOrm({ clientUrl: appLoginUrl(url, appPassword), as: 'app' });
  try {
    for (const code of ['arakawa', 'kitami', 'minato']) {
      const em = orm.em.fork();
      em.setSessionContext({ variables: { 'app.municipality_id': municipalityIdOf(code) } });
      await em.begin();
      for (let i = 0; i < 4; i++) {
        await appendAuditEvents(em, municipalityIdOf(code), [
          {
            actorStaffId: null,
            action: 'system.update',
            targetType: 'system',
            targetId: `s${i}`,
            before: { name: `旧システム${i}`, n: i, quote: 'a"b\\c' },
            after: { name: `新システム${i}`, nested: { b: [1, 2.5, null], a: '改行\nあり' } },
            ruleIds: ['ARK-4'],
          },
          { actorStaffId: null, action: 'read', targetType: 'staff', targetId: `p${i}`, fields: ['personalPhone', 'email'], ruleIds: ['ARK-14-1'] },
        ]);
      }
      await em.commit();
    }
  } finally {
    await orm.close(true);
  }
}

/**
 * Every table as a digest of its rows (as text, in order), the sequences' positions, the applied
 * migrations, the audit chains: equal for two databases holding the same data.
 */
async function fingerprint(url: string) {
  return withClient(url, async (c) => {
    const tables: Record<string, string> = {};
    for (const t of await schemaTables(c)) {
      if (t.name === 'mikro_orm_migrations') continue; // restore re-applies them: their times differ
      tables[t.name] = (
        await c.query<{ d: string }>(`select coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as d from ${SCHEMA}."${t.name}" t`)
      ).rows[0]!.d;
    }
    const sequences: Record<string, string> = {};
    for (const { name } of (
      await c.query<{ name: string }>(
        `select relname as name from pg_class where relkind = 'S' and relnamespace = $1::regnamespace and relname <> 'mikro_orm_migrations_id_seq'`,
        [SCHEMA],
      )
    ).rows) {
      const s = (await c.query<{ v: string }>(`select last_value::text || '/' || is_called::text as v from ${SCHEMA}."${name}"`)).rows[0]!.v;
      sequences[name] = s;
    }
    const migrations = (await c.query<{ name: string }>(`select name from ${SCHEMA}.mikro_orm_migrations order by id`)).rows.map((r) => r.name);
    const chains = (await verifyAuditChains(c)).map((r) => ({ code: r.code, events: r.events, ok: r.ok }));
    const policies = Number((await c.query<{ n: string }>(`select count(*) as n from pg_policies where schemaname = $1`, [SCHEMA])).rows[0]!.n);
    const triggers = Number(
      (
        await c.query<{ n: string }>(
          `select count(*) as n from pg_trigger g join pg_class t on t.oid = g.tgrelid where t.relnamespace = $1::regnamespace and not g.tgisinternal`,
          [SCHEMA],
        )
      ).rows[0]!.n,
    );
    const appGrants = Number(
      (
        await c.query<{ n: string }>(`select count(*) as n from information_schema.role_table_grants where grantee = 'tsukasa_app' and table_schema = $1`, [
          SCHEMA,
        ])
      ).rows[0]!.n,
    );
    return { counts: await tableCounts(c), tables, sequences, migrations, chains, policies, triggers, appGrants };
  });
}

/** The audit log partitioned by month: where its events are (none waiting in the default partition). */
async function auditPartitioning(url: string) {
  return withClient(url, async (c) => ({
    kind: (await c.query<{ k: string }>(`select relkind as k from pg_class where oid = 'audit_event'::regclass`)).rows[0]!.k,
    rows: (await c.query<{ part: string; n: number }>(`select tableoid::regclass::text as part, count(*)::int as n from audit_event group by 1 order by 1`))
      .rows,
  }));
}

/** The restored database serves the application role: RLS scopes it, and it appends to the audit chain. */
async function servesAsApplication(url: string, appPassword?: string) {
  const orm = await createOrm({ clientUrl: appLoginUrl(url, appPassword), as: 'app' });
  try {
    const em = orm.em.fork();
    em.setSessionContext({ variables: { 'app.municipality_id': municipalityIdOf('arakawa') } });
    await em.begin();
    const [visible] = await rows<{ n: string }>(em, 'select count(*)::text as n from system');
    const [others] = await rows<{ n: string }>(em, `select count(*)::text as n from system where municipality_id <> $1`, [municipalityIdOf('arakawa')]);
    await appendAuditEvents(em, municipalityIdOf('arakawa'), [
      { actorStaffId: null, action: 'system.update', targetType: 'system', targetId: 'after-restore', ruleIds: ['ARK-4'] },
    ]);
    await em.commit();
    return { visible: Number(visible!.n), others: Number(others!.n) };
  } finally {
    await orm.close(true);
  }
}

describe('the logical format (PostgreSQL 18, no pg_dump 18 needed)', () => {
  let source: { url: string; drop(): Promise<void> };
  const adminUrl = () => inject('pgAdminUrl');
  const dump = join(work, 'demo.dump');
  const restored = `restored_${process.pid}`;

  beforeAll(async () => {
    source = await createTestDatabase(adminUrl());
    await writeHistory(source.url);
    await withClient(source.url, (c) => c.query(`select nextval('${SCHEMA}.account_change_seq')`));
  });
  afterAll(async () => {
    await source.drop();
    await withClient(adminUrl(), (c) => c.query(`drop database if exists ${restored} with (force)`));
  });

  it('backs up every table in one snapshot, to a file only its owner reads', async () => {
    const r = await backupDatabase({ url: source.url, out: dump, format: 'logical' });
    expect(r.format).toBe('logical');
    expect(statSync(dump).mode & 0o777).toBe(0o600);
    const expected = await withClient(source.url, (c) => tableCounts(c));
    const { mikro_orm_migrations: _m, ...data } = expected;
    expect(r.rows).toEqual(data);
    expect(r.rows.audit_event).toBe(24);
    expect(r.rows.staff).toBeGreaterThan(100);
    // A backup never overwrites a file.
    await expect(backupDatabase({ url: source.url, out: dump, format: 'logical' })).rejects.toThrow(/exists/);
  });

  it('restores into a new database: the same rows in every table, sequences, migrations, policies and grants; the audit chains verify', async () => {
    const into = withDatabase(adminUrl(), restored);
    const r = await restoreDatabase({ file: dump, into });
    expect(r.format).toBe('logical');
    expect(r.database).not.toContain(new URL(adminUrl()).password);
    const [before, after] = [await fingerprint(source.url), await fingerprint(into)];
    expect(after.counts).toEqual(before.counts);
    expect(after.tables).toEqual(before.tables);
    expect(after.sequences).toEqual(before.sequences);
    expect(after.migrations).toEqual(before.migrations);
    expect([after.policies, after.triggers, after.appGrants]).toEqual([before.policies, before.triggers, before.appGrants]);
    expect(after.chains.every((c) => c.ok)).toBe(true);
    expect(after.chains.find((c) => c.code === 'kitami')!.events).toBe(8);
    expect(await auditPartitioning(into)).toEqual(await auditPartitioning(source.url));
    // The product can go on from here: RLS scopes the application role, and the chain continues.
    expect(await servesAsApplication(into)).toEqual({ visible: 117, others: 0 });
    const chains = await withClient(into, (c) => verifyAuditChains(c));
    expect(chains.find((c) => c.code === 'arakawa')).toMatchObject({ ok: true, events: 9 });
  });

  it('never restores over a database that holds data, nor from a truncated file', async () => {
    await expect(restoreDatabase({ file: dump, into: withDatabase(adminUrl(), restored) })).rejects.toThrow(/already holds/);
    const cut = join(work, 'cut.dump');
    const text = gunzipSync(readFileSync(dump)).toString('utf8');
    writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    const target = `cut_${process.pid}`;
    try {
      await expect(restoreDatabase({ file: cut, into: withDatabase(adminUrl(), target) })).rejects.toThrow(/incomplete|damaged|malformed/);
      // Refused before anything was created: not even the database.
      const created = await withClient(adminUrl(), (c) => c.query('select 1 from pg_database where datname = $1', [target]));
      expect(created.rowCount).toBe(0);
    } finally {
      await withClient(adminUrl(), (c) => c.query(`drop database if exists ${target} with (force)`));
    }
  });

  it('restores into a new embedded PostgreSQL data directory the product can start on', async () => {
    const dir = join(work, 'new-data');
    const r = await restoreDatabase({ file: dump, into: dir });
    expect(r.dataDir).toBe(dir);
    expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(true);
    const server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
    try {
      const url = withDatabase(server.adminUrl, 'tsukasa');
      const [before, after] = [await fingerprint(source.url), await fingerprint(url)];
      expect(after.counts).toEqual(before.counts);
      expect(after.tables).toEqual(before.tables);
      expect(after.chains.every((c) => c.ok)).toBe(true);
    } finally {
      await server.stop();
    }
    await expect(restoreDatabase({ file: dump, into: dir })).rejects.toThrow(/already holds a PostgreSQL/);
  });

  it('npm run db:backup -- --out … uses DATABASE_URL and says what it wrote', async () => {
    const out = join(work, 'cli.dump');
    const { stdout } = await runFile(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/backup.ts', '--out', out, '--format', 'logical'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: source.url },
    });
    expect(stdout).toMatch(/backup written: .*cli\.dump \(logical format, .* tables, \d{1,3}(,\d{3})* rows, PostgreSQL 18/);
    expect(statSync(out).size).toBeGreaterThan(10_000);
    const usage = await runFile(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/restore.ts'], { cwd: root }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((usage as { code: number }).code).toBe(2);
    expect((usage as { stderr: string }).stderr).toContain('usage: npm run db:restore');
  });
});

// pg_dump's custom format against Debian's PostgreSQL 15 (the oldest version Tsukasa supports), as
// an operator with matching client tools runs it.
const PG15 = '/usr/lib/postgresql/15/bin';
const pg15 = existsSync(join(PG15, 'postgres')) && existsSync(join(PG15, 'pg_dump'));
if (!pg15 && process.env.CI)
  throw new Error(`PostgreSQL 15 with its client tools is expected at ${PG15} in CI (Debian packages postgresql-15, postgresql-client-15)`);
const isRoot = process.getuid?.() === 0;
const asPostgres = (cmd: string, args: string[]) =>
  isRoot ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')]) : execFileSync(cmd, args);

describe.runIf(pg15)('the custom format (pg_dump / pg_restore, PostgreSQL 15)', () => {
  let dir: string;
  let server: ChildProcess;
  let adminUrl: string;
  let sourceUrl: string;
  const PG15_APP_PASSWORD = 'app-login-of-the-pg15-test';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsukasa-pg15-backup-'));
    chmodSync(dir, 0o777);
    asPostgres(join(PG15, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const cmd = [
      join(PG15, 'postgres'),
      '-D',
      join(dir, 'data'),
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
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    for (let i = 0; ; i++) {
      try {
        await withClient(adminUrl, (c) => c.query('select 1'));
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    sourceUrl = await provisionRolesAndSchema(adminUrl, { createDatabase: 'tsukasa', appPassword: PG15_APP_PASSWORD });
    await migrate(sourceUrl);
    await seedDemo(sourceUrl, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
    await writeHistory(sourceUrl, PG15_APP_PASSWORD);
  }, 90_000);

  afterAll(() => {
    try {
      asPostgres(join(PG15, 'pg_ctl'), ['stop', '-D', join(dir, 'data'), '-m', 'immediate']);
    } catch {
      server?.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('auto picks pg_dump when it is new enough; pg_restore rebuilds the schema, rows, grants and policies; the audit chains verify', async () => {
    const file = join(work, 'pg15.dump');
    const b = await backupDatabase({ url: sourceUrl, out: file });
    expect(b.format).toBe('custom');
    expect(b.tool).toMatch(/pg_dump$/);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const into = withDatabase(adminUrl, 'tsukasa_restored');
    const r = await restoreDatabase({ file, into });
    expect(r.format).toBe('custom');
    const [before, after] = [await fingerprint(sourceUrl), await fingerprint(into)];
    expect(after).toEqual(before);
    expect(after.chains.every((c) => c.ok)).toBe(true);
    expect(after.chains.find((c) => c.code === 'minato')!.events).toBe(8);
    expect(await auditPartitioning(into)).toEqual(await auditPartitioning(sourceUrl));
    expect(await servesAsApplication(into, PG15_APP_PASSWORD)).toEqual({ visible: 117, others: 0 });
  });

  it('a logical backup of PostgreSQL 15 restores into the embedded PostgreSQL 18 (an upgrade path)', async () => {
    const file = join(work, 'pg15-logical.dump');
    await backupDatabase({ url: sourceUrl, out: file, format: 'logical' });
    const into = withDatabase(inject('pgAdminUrl'), `from15_${process.pid}`);
    try {
      await restoreDatabase({ file, into });
      const [before, after] = [await fingerprint(sourceUrl), await fingerprint(into)];
      expect(after.counts).toEqual(before.counts);
      expect(after.tables).toEqual(before.tables);
      expect(after.chains).toEqual(before.chains);
    } finally {
      await withClient(inject('pgAdminUrl'), (c) => c.query(`drop database if exists from15_${process.pid} with (force)`));
    }
  });
});
