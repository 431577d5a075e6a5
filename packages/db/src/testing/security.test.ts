import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoMunicipalities } from '@tsukasa/seed';
import { APP_ROLE, createOrm, UnsafeDatabaseLoginError } from '../orm.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { municipalityIdOf, seedDemo, ProductionDatabaseError } from '../seed/demo-seeder.ts';
import { hashPassword } from '../seed/password.ts';
import { CONFINED, createTestDatabase, probeConfinement, type TestDatabase } from './index.ts';

// Row-level security is tested as the application's own database role, not through the gateway:
// whatever bug a resolver may have, the database does not hand out another municipality's rows.

// Every table with a municipality_id column, read from the catalog: a new table cannot slip past.
let TENANT_TABLES: string[] = [];

let db: TestDatabase;
let app: pg.Client;
let owner: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  app = new pg.Client({ connectionString: db.appUrl, options: `-c search_path=${SCHEMA}` });
  owner = new pg.Client({ connectionString: db.url, options: `-c search_path=${SCHEMA}` });
  await Promise.all([app.connect(), owner.connect()]);
  // Partitions (the audit log's months) are reached through their parent only: the role has no privilege on them.
  TENANT_TABLES = (
    await owner.query(
      `select table_name from information_schema.columns where table_schema = $1 and column_name = 'municipality_id'
    and table_name::text not in (select relname from pg_class where relispartition and relnamespace = $1::regnamespace) order by 1`,
      [SCHEMA],
    )
  ).rows.map((r) => r.table_name);
  expect(TENANT_TABLES.length).toBeGreaterThanOrEqual(28);
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
  await db.drop();
});

async function asTenant<T>(code: string | null, fn: () => Promise<T>): Promise<T> {
  await app.query('begin');
  try {
    if (code) await app.query(`select set_config('app.municipality_id', $1, true)`, [municipalityIdOf(code)]);
    return await fn();
  } finally {
    await app.query('rollback');
  }
}

describe('the login the application uses', () => {
  it('cannot become another role or session user, and reads no tenant row without a tenant', async () => {
    expect(await probeConfinement(db.appUrl)).toEqual(CONFINED);
    // The same probe as the provisioning login (a superuser) shows what the probe would catch.
    const admin = await probeConfinement(db.url);
    expect(admin.superuser).toBe(true);
    expect(admin.setRole.tsukasa_owner).toMatch(/^allowed/);
    expect(admin.systemsWithoutTenant).toBeGreaterThan(100);
  });

  it('is the only login the application ORM accepts: a superuser or owner login is refused before it serves', async () => {
    await expect(createOrm({ clientUrl: db.url, as: 'app' })).rejects.toBeInstanceOf(UnsafeDatabaseLoginError);
    const orm = await createOrm({ clientUrl: db.appUrl, as: 'app' });
    await orm.close(true);
  });
});

describe('row-level security for the application role', () => {
  it('runs as a role that is neither superuser nor owner nor BYPASSRLS', async () => {
    const r = await app.query(`select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user`);
    expect(r.rows[0]).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false });
    const owned = await app.query(`select count(*)::int as n from pg_tables where schemaname = $1 and tableowner = current_user`, [SCHEMA]);
    expect(owned.rows[0].n).toBe(0);
  });

  it('sees no tenant row at all without a municipality on the transaction', async () => {
    await asTenant(null, async () => {
      for (const table of TENANT_TABLES) {
        const r = await app.query(`select count(*)::int as n from ${table}`);
        expect(r.rows[0].n, table).toBe(0);
      }
    });
  });

  it("sees exactly its own municipality's rows in every tenant table", async () => {
    for (const code of ['kawasaki', 'arakawa']) {
      await asTenant(code, async () => {
        for (const table of TENANT_TABLES) {
          const mine = await app.query(`select count(*)::int as n from ${table}`);
          const truth = await owner.query(`select count(*)::int as n from ${table} where municipality_id = $1`, [municipalityIdOf(code)]);
          expect(mine.rows[0].n, `${code} ${table}`).toBe(truth.rows[0].n);
        }
      });
    }
    const arakawaSystems = await asTenant('arakawa', async () => (await app.query('select count(*)::int as n from system')).rows[0].n);
    expect(arakawaSystems).toBe(117);
  });

  it('cannot write rows into another municipality, nor move its rows there', async () => {
    await asTenant('kawasaki', async () => {
      await expect(
        app.query(`insert into contractor (id, municipality_id, key, name) values (gen_random_uuid(), $1, 'x', 'x')`, [municipalityIdOf('arakawa')]),
      ).rejects.toThrow(/row-level security/);
    });
    await asTenant('kawasaki', async () => {
      await expect(app.query(`update system set municipality_id = $1`, [municipalityIdOf('arakawa')])).rejects.toThrow(/row-level security/);
    });
    await asTenant('kawasaki', async () => {
      const touched = await app.query(`update system set name = 'x' where municipality_id = $1`, [municipalityIdOf('arakawa')]);
      expect(touched.rowCount).toBe(0);
    });
  });

  it('may only append to the audit log: no update, delete or truncate', async () => {
    for (const sql of ['update audit_event set action = $1', 'delete from audit_event where action = $1', 'truncate audit_event']) {
      await asTenant('arakawa', async () => {
        await expect(app.query(sql, sql.includes('$1') ? ['x'] : [])).rejects.toThrow(/permission denied/);
      });
    }
  });

  it('resolves a session token before the tenant is known, and nothing more', async () => {
    await asTenant(null, async () => {
      const r = await app.query(`select * from resolve_session($1, now())`, ['0'.repeat(64)]);
      expect(r.rowCount).toBe(0);
      await expect(app.query('select token_hash from session')).resolves.toMatchObject({ rowCount: 0 });
    });
  });
});

describe('demo seeding', () => {
  it('is idempotent: a second run creates nothing twice and keeps registry edits', async () => {
    const counts = async () =>
      Object.fromEntries(await Promise.all(TENANT_TABLES.map(async (t) => [t, (await owner.query(`select count(*)::int as n from ${t}`)).rows[0].n])));
    await owner.query(`update system set name = '住民記録システム（更新済）', version = version + 1 where name = '住民記録システム'`);
    const before = await counts();
    await seedDemo(db.url, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
    expect(await counts()).toEqual(before);
    const kept = await owner.query(`select count(*)::int as n from system where name = '住民記録システム（更新済）'`);
    expect(kept.rows[0].n).toBe(1);
  });

  it('refuses to run against a database marked production, changing nothing', async () => {
    await owner.query(`insert into deployment_setting (key, value) values ('environment', 'production')`);
    const people = (await owner.query('select count(*)::int as n from contractor_person')).rows[0].n;
    await owner.query(`delete from contractor_person`);
    await expect(seedDemo(db.url, demoMunicipalities, { hashPassword, demoPassword: 'x' })).rejects.toBeInstanceOf(ProductionDatabaseError);
    expect(people).toBeGreaterThan(0);
    expect((await owner.query('select count(*)::int as n from contractor_person')).rows[0].n).toBe(0);
  });
});
