// The audit log partitioned by month (Migration20261121160000_audit_partitions): the partitions a
// running installation has, the default partition and ensure_audit_partitions() moving events out
// of it, the application role kept to the parent (where row-level security applies), and the
// migration of a database that already holds events.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE, createOrm } from '../orm.ts';
import { municipalityIdOf } from '../seed/demo-seeder.ts';
import { migrate, provisionRolesAndSchema, SCHEMA, withDatabase } from '../runtime/provision.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { appendAt, inMonth, monthFromNow, partitionOf } from './test-events.ts';
import { verifyAuditChains } from './verify.ts';

const partitionsOf = async (c: pg.ClientBase) =>
  (
    await c.query<{ name: string; bound: string }>(
      `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = '${SCHEMA}.audit_event'::regclass order by 1`,
    )
  ).rows;

const whereIs = async (c: pg.ClientBase, code: string) =>
  (
    await c.query<{ part: string; seq: string }>(
      `select tableoid::regclass::text as part, seq::text from ${SCHEMA}.audit_event where municipality_id = $1 order by audit_event.seq`,
      [municipalityIdOf(code)],
    )
  ).rows;

let db: TestDatabase;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  owner = new pg.Client({ connectionString: db.url, options: `-c search_path=${SCHEMA}` });
  app = new pg.Client({ connectionString: db.appUrl, options: `-c search_path=${SCHEMA}` });
  await Promise.all([owner.connect(), app.connect()]);
});
afterAll(async () => {
  await Promise.all([owner.end(), app.end()]);
  await db.drop();
});

describe('month partitions of the audit log', () => {
  it('has a partition for this month and the next 3 (Japan time), and a default one', async () => {
    const parts = await partitionsOf(owner);
    const months = [0, 1, 2, 3].map(monthFromNow);
    expect(parts.map((p) => p.name)).toEqual(expect.arrayContaining([...months.map(partitionOf), 'audit_event_default']));
    const current = parts.find((p) => p.name === partitionOf(months[0]!))!;
    // Bounds at midnight of the 1st in Japan time (15:00 UTC the day before).
    const start = new Date(`${months[0]}-01T00:00:00+09:00`).toISOString().replace('T', ' ').replace('.000Z', '+00');
    const end = new Date(`${months[1]}-01T00:00:00+09:00`).toISOString().replace('T', ' ').replace('.000Z', '+00');
    expect(current.bound).toBe(`FOR VALUES FROM ('${start}') TO ('${end}')`);
    expect(parts.find((p) => p.name === 'audit_event_default')!.bound).toBe('DEFAULT');
  });

  it('files an event by its month in Japan time (00:30 on the 1st in Japan is 15:30 UTC the day before)', async () => {
    const next = monthFromNow(1);
    const lastDayUtc = new Date(new Date(`${next}-01T00:00:00+09:00`).getTime() - 30 * 60_000); // 23:30 JST on the last day of this month
    await appendAt(owner, 'kawasaki', [lastDayUtc, new Date(`${next}-01T00:30:00+09:00`)]);
    expect(await whereIs(owner, 'kawasaki')).toEqual([
      { part: partitionOf(monthFromNow(0)), seq: '1' },
      { part: partitionOf(next), seq: '2' },
    ]);
  });

  it('puts an event of a month without a partition in the default partition; ensure_audit_partitions creates that month and moves it there', async () => {
    const far = monthFromNow(6);
    await appendAt(owner, 'kawasaki', [inMonth(far)]);
    expect((await whereIs(owner, 'kawasaki')).at(-1)).toEqual({ part: 'audit_event_default', seq: '3' });
    const before = (await owner.query(`select id::text, hash from audit_event where municipality_id = $1 and seq = 3`, [municipalityIdOf('kawasaki')])).rows[0];

    // PostgreSQL alone refuses a partition for a month whose rows are in the default partition.
    await expect(
      owner.query(`create table audit_event_test partition of audit_event for values from ('${far}-01 00:00:00+09') to ('${monthFromNow(7)}-01 00:00:00+09')`),
    ).rejects.toThrow(/default partition/);

    const created = (await owner.query<{ n: number }>('select ensure_audit_partitions(6) as n')).rows[0]!.n;
    expect(created).toBe(3); // months +4, +5 and +6
    expect((await whereIs(owner, 'kawasaki')).at(-1)).toEqual({ part: partitionOf(far), seq: '3' });
    expect(
      (await owner.query(`select id::text, hash from audit_event where municipality_id = $1 and seq = 3`, [municipalityIdOf('kawasaki')])).rows[0],
    ).toEqual(before);
    expect((await owner.query('select count(*)::int as n from audit_event_default')).rows[0].n).toBe(0);
    // Idempotent.
    expect((await owner.query('select ensure_audit_partitions(6) as n')).rows[0].n).toBe(0);
    expect((await verifyAuditChains(owner)).find((r) => r.code === 'kawasaki')).toMatchObject({ ok: true, events: 3 });
  });

  it('moves events of a past month out of the default partition too (a restored or bulk-loaded log)', async () => {
    const past = monthFromNow(-14);
    await appendAt(owner, 'kitami', [inMonth(past, 2), inMonth(past, 3)], ['KTM-13-1']);
    expect((await whereIs(owner, 'kitami')).map((r) => r.part)).toEqual(['audit_event_default', 'audit_event_default']);
    expect((await owner.query('select ensure_audit_partitions(3) as n')).rows[0].n).toBe(1);
    expect((await whereIs(owner, 'kitami')).map((r) => r.part)).toEqual([partitionOf(past), partitionOf(past)]);
    expect((await verifyAuditChains(owner)).filter((r) => !r.ok)).toEqual([]);
  });

  it('protects every partition as it protects the log: append-only, no truncate, nothing for the application role', async () => {
    const part = partitionOf(monthFromNow(0));
    const grants = (
      await owner.query(
        `select count(*)::int as n from information_schema.role_table_grants where table_schema = $1 and table_name ~ '^audit_event_' and grantee in ($2, 'PUBLIC')`,
        [SCHEMA, APP_ROLE],
      )
    ).rows[0].n;
    expect(grants).toBe(0);
    const rls = (
      await owner.query(
        `select count(*)::int as n from pg_class c join pg_inherits i on i.inhrelid = c.oid where i.inhparent = 'audit_event'::regclass and not c.relrowsecurity`,
      )
    ).rows[0].n;
    expect(rls).toBe(0);
    // Even the owner: the append-only triggers apply to the partitions.
    await expect(owner.query(`update ${part} set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`delete from ${part}`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`truncate ${part}`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`truncate audit_event_default`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`truncate audit_event`)).rejects.toThrow(/append-only/);

    await app.query('begin');
    try {
      await app.query(`select set_config('app.municipality_id', $1, true)`, [municipalityIdOf('kawasaki')]);
      await expect(app.query(`select count(*) from ${part}`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.query('rollback');
    }
    for (const sql of [
      `insert into audit_event_default (municipality_id, seq, occurred_at, action, target_type, rule_ids, prev_hash, hash) values ('${municipalityIdOf('kawasaki')}', 99, now() + interval '5 years', 'x', 'x', '{}', 'x', 'x')`,
      `insert into ${part} (municipality_id, seq, occurred_at, action, target_type, rule_ids, prev_hash, hash) values ('${municipalityIdOf('kawasaki')}', 99, now(), 'x', 'x', '{}', 'x', 'x')`,
      'select ensure_audit_partitions(3)',
      `select create_audit_partitions(now(), now() + interval '2 years')`,
    ]) {
      await app.query('begin');
      try {
        await app.query(`select set_config('app.municipality_id', $1, true)`, [municipalityIdOf('kawasaki')]);
        await expect(app.query(sql), sql).rejects.toThrow(/permission denied/);
      } finally {
        await app.query('rollback');
      }
    }
  });

  it('keeps row-level security on the parent: a municipality reads and appends only its own events', async () => {
    {
      const total = Number((await owner.query('select count(*) from audit_event')).rows[0].count);
      const kawasaki = Number((await owner.query('select count(*) from audit_event where municipality_id = $1', [municipalityIdOf('kawasaki')])).rows[0].count);
      expect(total).toBeGreaterThan(kawasaki);
      await app.query('begin');
      try {
        await app.query(`select set_config('app.municipality_id', $1, true)`, [municipalityIdOf('kawasaki')]);
        expect(Number((await app.query('select count(*) from audit_event')).rows[0].count)).toBe(kawasaki);
        expect(Number((await app.query('select count(*) from audit_event where municipality_id <> $1', [municipalityIdOf('kawasaki')])).rows[0].count)).toBe(0);
        await expect(
          app.query(
            `select append_audit_events($1, jsonb_build_array(jsonb_build_object('occurredAt', $2::text, 'action', 'x', 'targetType', 'x', 'ruleIds', '[]'::jsonb, 'digest', 'x')))`,
            [municipalityIdOf('arakawa'), new Date().toISOString()],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await app.query('rollback');
      }
    }
  });
});

describe('the migration of a log that already holds events', () => {
  const name = `t_migrate_${process.pid}`;
  let url: string;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('moves every row into its month, ids and hashes unchanged; the id sequence goes on; the chains verify', async () => {
    url = await provisionRolesAndSchema(inject('pgAdminUrl'), { createDatabase: name });
    const orm = await createOrm({ clientUrl: url, as: 'owner' });
    try {
      const all = (await orm.migrator.getPending()).map((m) => m.name);
      const mine = all.indexOf('Migration20261121160000-audit-partitions');
      expect(mine).toBeGreaterThan(0);
      await orm.migrator.up({ to: all[mine - 1]! });
    } finally {
      await orm.close(true);
    }
    const c = new pg.Client({ connectionString: withDatabase(url, name), options: `-c search_path=${SCHEMA}` });
    await c.connect();
    try {
      await c.query(
        `insert into municipality (id, code, name, name_en, prefecture, classification_scale, rulebook_ids, created_at)
        values ($1, 'arakawa', '荒川区', 'Arakawa', '東京都', 'ARK', '{ARK}', now())`,
        [municipalityIdOf('arakawa')],
      );
      const old = monthFromNow(-20);
      await appendAt(c, 'arakawa', [inMonth(old, 1, 0), inMonth(monthFromNow(-2)), new Date(), inMonth(monthFromNow(5))]);
      const before = (await c.query(`select id::text, seq::text, hash from audit_event order by seq`)).rows;
      expect((await c.query(`select relkind from pg_class where oid = 'audit_event'::regclass`)).rows[0].relkind).toBe('r');

      await migrate(url);

      expect((await c.query(`select relkind from pg_class where oid = 'audit_event'::regclass`)).rows[0].relkind).toBe('p');
      expect((await c.query(`select id::text, seq::text, hash from audit_event order by audit_event.seq`)).rows).toEqual(before);
      expect((await whereIs(c, 'arakawa')).map((r) => r.part)).toEqual([
        partitionOf(old),
        partitionOf(monthFromNow(-2)),
        partitionOf(monthFromNow(0)),
        partitionOf(monthFromNow(5)),
      ]);
      // Every month from the oldest event's through 3 months ahead (and the newest event's).
      const names = (await partitionsOf(c)).map((p) => p.name);
      expect(names).toContain(partitionOf(monthFromNow(-11)));
      expect(names).toContain(partitionOf(monthFromNow(3)));
      expect(names.length).toBe(20 + 5 + 1 + 1);
      expect((await c.query(`select pg_get_serial_sequence('audit_event', 'id') as s`)).rows[0].s).toBe('tsukasa.audit_event_id_seq');
      await appendAt(c, 'arakawa', [new Date()]);
      const ids = (await c.query(`select id::int from audit_event order by audit_event.seq`)).rows.map((r) => r.id);
      expect(ids).toEqual([1, 2, 3, 4, 5]);
      expect(await verifyAuditChains(c)).toEqual([{ municipalityId: municipalityIdOf('arakawa'), code: 'arakawa', events: 5, ok: true }]);
    } finally {
      await c.end();
    }
  });
});
