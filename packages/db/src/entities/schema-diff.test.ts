// The entities are the one description of the tables (DESIGN.md "One source per concept"): what the
// committed migrations create, MikroORM must read back from the entities without a single change —
// every table, column type, nullability, default, primary key, unique constraint, index (partial,
// descending, GIN), check constraint and foreign key with its name and ON UPDATE / ON DELETE rules.
// Row-level security policies, triggers and functions stay in the migrations (orm.ts tells the schema
// generator to ignore them), and so do the audit log's month partitions: MikroORM lists no partition
// as a table of its own, and leaves the partitioning of a table whose entity declares none alone.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, OWNER_ROLE, SCHEMA, type MikroORM } from '../orm.ts';
import { withDatabase } from '../runtime/provision.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';

let migrated: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  migrated = await createTestDatabase(inject('pgAdminUrl'));
  orm = await createOrm({ clientUrl: migrated.url, as: 'owner' });
});
afterAll(async () => {
  await orm.close(true);
  await migrated.drop();
});

describe('the entities describe every table exactly as the migrations create it', () => {
  it('MikroORM finds nothing to change in a migrated database', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim(), `the entities and the migrations disagree; MikroORM would run:\n${diff}`).toBe('');
  });

  it('a migration created now from the entities would be empty (the migrations snapshot agrees with them)', async () => {
    expect(await orm.migrator.checkSchema()).toBe(false);
  });

  it("a database created from the entities' DDL has the tables, columns, keys, constraints and indexes the migrations create", async () => {
    const name = `t_ddl_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`create database ${name} owner ${OWNER_ROLE}`);
    const url = withDatabase(inject('pgAdminUrl'), name);
    try {
      const created = await createOrm({ clientUrl: url, as: 'owner' });
      try {
        await created.em.getConnection().execute(`create schema ${SCHEMA} authorization ${OWNER_ROLE}`);
        await created.schema.create();
      } finally {
        await created.close(true);
      }
      const [fromMigrations, fromEntities] = await Promise.all([catalog(migrated.url), catalog(url)]);
      const onlyInMigrations = fromMigrations.filter((line) => !fromEntities.includes(line) && !line.startsWith('partition of '));
      const onlyFromEntities = fromEntities.filter((line) => !fromMigrations.includes(line));
      expect(onlyFromEntities).toEqual([]);
      // What only the migrations make, and why the entities leave it to them:
      expect(onlyInMigrations).toEqual([
        // the feed's numbering, taken by the account_touch trigger
        'sequence account_change_seq',
        // the migrator's own bookkeeping
        'sequence mikro_orm_migrations_id_seq',
        // the month partitions of the audit log, created by ensure_audit_partitions()
        'table audit_event partitioned: RANGE (occurred_at)',
        'table mikro_orm_migrations',
        expect.stringMatching(/^table mikro_orm_migrations column /),
        expect.stringMatching(/^table mikro_orm_migrations column /),
        expect.stringMatching(/^table mikro_orm_migrations column /),
        'table mikro_orm_migrations constraint mikro_orm_migrations_pkey: PRIMARY KEY (id)',
      ]);
      expect(fromMigrations.filter((line) => line.startsWith('partition of audit_event')).length).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

/**
 * The schema as lines that compare between two databases: tables (and whether they are partitioned),
 * columns in any order with type, nullability and default, every constraint but NOT NULL, every index
 * that backs none, sequences; partitions only as a count (they are created at run time).
 */
async function catalog(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const lines: string[] = [];
    const tables = await c.query<{ oid: number; name: string; partitioned: string | null; partition_of: string | null }>(
      `select c.oid, c.relname as name, pg_get_partkeydef(c.oid) as partitioned,
              (select p.relname from pg_inherits i join pg_class p on p.oid = i.inhparent where i.inhrelid = c.oid) as partition_of
         from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p') order by c.relname`,
      [SCHEMA],
    );
    for (const t of tables.rows) {
      if (t.partition_of) {
        lines.push(`partition of ${t.partition_of}`);
        continue;
      }
      lines.push(`table ${t.name}`);
      if (t.partitioned) lines.push(`table ${t.name} partitioned: ${t.partitioned}`);
      const columns = await c.query<{ line: string }>(
        `select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end
                || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') as line
           from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
          where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped`,
        [t.oid],
      );
      for (const r of columns.rows) lines.push(`table ${t.name} column ${r.line}`);
      const constraints = await c.query<{ line: string }>(
        `select conname || ': ' || pg_get_constraintdef(oid) as line from pg_constraint where conrelid = $1 and contype <> 'n'`,
        [t.oid],
      );
      for (const r of constraints.rows) lines.push(`table ${t.name} constraint ${r.line}`);
      const indexes = await c.query<{ line: string }>(
        `select i.relname || ': ' || replace(pg_get_indexdef(x.indexrelid), ' ON ONLY ', ' ON ') as line
           from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = $1 and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid)`,
        [t.oid],
      );
      for (const r of indexes.rows) lines.push(`table ${t.name} index ${r.line}`);
    }
    const sequences = await c.query<{ name: string }>(`select relname as name from pg_class where relnamespace = $1::regnamespace and relkind = 'S'`, [SCHEMA]);
    for (const s of sequences.rows) lines.push(`sequence ${s.name}`);
    return lines.sort();
  } finally {
    await c.end();
  }
}
