// The Kysely view of the tables, inferred from the entities. The type assertions are checked by
// `npm run typecheck` (tsc compiles this file); the queries are compiled to SQL without a database,
// then one is run through the entity manager to show that rows come back as typed.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Generated, type Selectable } from 'kysely';
import { describe, expect, expectTypeOf, inject, it } from 'vitest';
import { createOrm } from '../orm.ts';
import { createTestDatabase } from '../testing/index.ts';
import type { Database } from './kysely.types.ts';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const municipalityId = '6c1e0a52-2a0c-4f5e-9d43-1f6f3e0a7b10';

describe('Database: the tables as the migrations create them, typed from the entities', () => {
  it('names tables and columns as the database does, typed as their columns', () => {
    expectTypeOf<'access_grant' | 'meeting_signoff' | 'audit_chain_anchor' | 'request_inbox_entry' | 'audit_event'>().toExtend<keyof Database>();
    expectTypeOf<'Grant'>().not.toExtend<keyof Database>();
    expectTypeOf<'mikro_orm_migrations'>().not.toExtend<keyof Database>();

    expectTypeOf<Database['system']['lifecycle_status']>().toEqualTypeOf<string>();
    expectTypeOf<Database['system']['vulnerability_notes']>().toEqualTypeOf<string | null>();
    expectTypeOf<Database['account']['valid_to']>().toEqualTypeOf<Date | null>();
    expectTypeOf<Database['account']['version']>().toEqualTypeOf<Generated<number>>();
    // date columns come as 'YYYY-MM-DD'
    expectTypeOf<Database['position_tenure']['valid_from']>().toEqualTypeOf<string>();
    expectTypeOf<Database['audit_event']['target_ids']>().toEqualTypeOf<string[] | null>();
    expectTypeOf<Database['audit_event']['hash_version']>().toEqualTypeOf<Generated<number>>();
    expectTypeOf<Database['request']['content']>().toEqualTypeOf<Record<string, unknown>>();
    // A column the database checks against a set of values is typed as that set.
    expectTypeOf<Database['meeting']['status']>().toEqualTypeOf<'draft' | 'frozen' | 'held' | 'closed' | 'cancelled'>();
    expectTypeOf<Database['incident_notice']['recipient_staff_ids']>().toEqualTypeOf<Generated<string[]>>();
  });

  it('has every column of a composite key, and a reference to a row of the same municipality as its own column', () => {
    type Approval = Selectable<Database['access_grant_approval']>;
    expectTypeOf<Pick<Approval, 'grant_id' | 'owner_position_id' | 'municipality_id'>>().toEqualTypeOf<{
      grant_id: string;
      owner_position_id: string;
      municipality_id: string;
    }>();
    expectTypeOf<Database['sign_in_throttle']['username' | 'client_address' | 'municipality_id']>().toEqualTypeOf<string>();
    expectTypeOf<Database['access_grant']['asset_id']>().toEqualTypeOf<string>();
    expectTypeOf<Database['access_grant']['position_id']>().toEqualTypeOf<string | null>();
    // The relations that describe the foreign keys are no columns.
    expectTypeOf<Database['access_grant']>().not.toHaveProperty('asset');
    expectTypeOf<Database['access_grant']>().not.toHaveProperty('asset_municipality');
    expectTypeOf<Database['access_grant']>().not.toHaveProperty('assetId');
  });

  it('compiles a query over tables with composite keys, joined on both key columns', () => {
    const query = db
      .selectFrom('access_grant_approval as a')
      .innerJoin('access_grant as g', (join) => join.onRef('g.id', '=', 'a.grant_id').onRef('g.municipality_id', '=', 'a.municipality_id'))
      .select(['a.grant_id', 'a.owner_position_id', 'a.approved_at', 'g.valid_to'])
      .where('a.municipality_id', '=', municipalityId)
      .where('g.revoked_at', 'is', null)
      .orderBy('a.approved_at');
    const compiled = query.compile();
    expect(compiled.sql).toBe(
      'select "a"."grant_id", "a"."owner_position_id", "a"."approved_at", "g"."valid_to" from "access_grant_approval" as "a" ' +
        'inner join "access_grant" as "g" on "g"."id" = "a"."grant_id" and "g"."municipality_id" = "a"."municipality_id" ' +
        'where "a"."municipality_id" = $1 and "g"."revoked_at" is null order by "a"."approved_at"',
    );
    expect(compiled.parameters).toEqual([municipalityId]);
    type Row = Awaited<ReturnType<typeof query.executeTakeFirstOrThrow>>;
    expectTypeOf<Row>().toEqualTypeOf<{ grant_id: string; owner_position_id: string; approved_at: Date; valid_to: Date | null }>();
  });

  it('leaves columns with a default out of an insert, and refuses a column the table does not have', () => {
    const insert = db
      .insertInto('sign_in_throttle')
      .values({
        municipality_id: municipalityId,
        username: 'admin',
        client_address: '127.0.0.1',
        failures: 1,
        last_failure_at: new Date(0),
        blocked_until: null,
      })
      .onConflict((oc) =>
        oc.columns(['username', 'client_address', 'municipality_id']).doUpdateSet((eb) => ({ failures: eb('sign_in_throttle.failures', '+', 1) })),
      )
      .compile();
    expect(insert.sql).toBe(
      'insert into "sign_in_throttle" ("municipality_id", "username", "client_address", "failures", "last_failure_at", "blocked_until") values ($1, $2, $3, $4, $5, $6) ' +
        'on conflict ("username", "client_address", "municipality_id") do update set "failures" = "sign_in_throttle"."failures" + $7',
    );
    // @ts-expect-error — system has no column `status` (it is lifecycle_status)
    db.selectFrom('system').select('status');
    db.insertInto('meeting_counter')
      // @ts-expect-error — the counter's key needs its committee
      .values({ municipality_id: municipalityId, fiscal_year: 2026 });
  });

  it("run through the entity manager's Kysely with convertValues, rows come back as the type says", async () => {
    const db = await createTestDatabase(inject('pgAdminUrl'));
    const orm = await createOrm({ clientUrl: db.url, as: 'owner' });
    try {
      // Without convertValues, the pool's own type parsers keep timestamps and dates as text.
      const kysely = orm.em.fork().getKysely<Database>({ convertValues: true });
      const account = await kysely
        .selectFrom('account')
        .select(['valid_from', 'valid_to', 'change_seq', 'rule_ids'])
        .where('valid_to', 'is', null)
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(account.valid_from).toBeInstanceOf(Date);
      expect(account.valid_to).toBeNull();
      expect(typeof account.change_seq).toBe('bigint');
      expect(account.rule_ids).toEqual(expect.arrayContaining([expect.any(String)]));
      const tenure = await kysely.selectFrom('position_tenure').select(['valid_from']).limit(1).executeTakeFirstOrThrow();
      expect(tenure.valid_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const approval = await kysely
        .selectFrom('access_grant_approval as a')
        .innerJoin('access_grant as g', (join) => join.onRef('g.id', '=', 'a.grant_id').onRef('g.municipality_id', '=', 'a.municipality_id'))
        .select(['a.approved_at', 'g.valid_from'])
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(approval.approved_at).toBeInstanceOf(Date);
      expect(approval.valid_from).toBeInstanceOf(Date);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
