import type { RuleId } from '@tsukasa/domain';
import { expressionBuilder, sql, type InferResult } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../entities/kysely.types.ts';
import { anyOf, first, nowOf, prepared, run, tables, toDate, type Db, type Stored } from './sql.ts';
import { WINDOW_COLUMNS, type MaintenanceWindowRow } from './maintenance.repository.ts';
import { orgUnitSubtree } from './designation.repository.ts';

// Facts for authorization decisions, loaded in a handful of statements per request.

const tenureColumns = expressionBuilder<Database & { t: Database['position_tenure']; p: Database['position'] }, 't' | 'p'>();

const TENURE_COLUMNS = [
  't.staff_id',
  't.position_id',
  'p.org_unit_id',
  tenureColumns.fn<string>('to_char', ['t.valid_from', sql.lit('YYYY-MM-DD')]).as('valid_from'),
  tenureColumns.fn<string | null>('to_char', ['t.valid_to', sql.lit('YYYY-MM-DD')]).as('valid_to'),
] as const;

const tenures = () => tables.selectFrom('position_tenure as t').innerJoin('position as p', 'p.id', 't.position_id').select(TENURE_COLUMNS);

/** A position held over a period (dates as 'YYYY-MM-DD'). */
export type TenureRow = Stored<InferResult<ReturnType<typeof tenures>>[number]>;

export async function tenuresOfStaff(db: Db, staffIds: readonly string[]): Promise<TenureRow[]> {
  return run(db, tenures().where('t.staff_id', '=', anyOf(staffIds, 'uuid')).orderBy('t.valid_from'));
}

export async function tenuresOfPositions(db: Db, positionIds: readonly string[]): Promise<TenureRow[]> {
  return run(db, tenures().where('t.position_id', '=', anyOf(positionIds, 'uuid')).orderBy('t.valid_from'));
}

const bindings = () => tables.selectFrom('role_binding').select(['rulebook_id', 'role_key', 'position_id', 'scope_key', 'scope_label', 'rule_ids']);

export type BindingRow = Stored<InferResult<ReturnType<typeof bindings>>[number]>;

export async function bindingsOfPositions(db: Db, positionIds: readonly string[]): Promise<BindingRow[]> {
  return run(db, bindings().where('position_id', '=', anyOf(positionIds, 'uuid')));
}

const deputationColumns = expressionBuilder<Database, 'deputation'>();

const deputations = () =>
  tables
    .selectFrom('deputation')
    .select([
      'id',
      'deputy_staff_id',
      'principal_position_id',
      'rulebook_id',
      'role_keys',
      deputationColumns.fn<string>('to_char', ['valid_from', sql.lit('YYYY-MM-DD')]).as('valid_from'),
      deputationColumns.fn<string | null>('to_char', ['valid_to', sql.lit('YYYY-MM-DD')]).as('valid_to'),
      'rule_ids',
    ]);

export type DeputationRow = Stored<InferResult<ReturnType<typeof deputations>>[number]>;

export async function deputationsOfStaff(db: Db, staffIds: readonly string[]): Promise<DeputationRow[]> {
  return run(db, deputations().where('deputy_staff_id', '=', anyOf(staffIds, 'uuid')));
}

const grantColumns = expressionBuilder<Database & { g: Database['access_grant'] }, 'g'>();

// array(select …): Kysely has no ARRAY constructor over a subquery; the subqueries themselves are typed.
const GRANT_COLUMNS = [
  'g.id',
  'g.asset_id',
  'g.grantee_id',
  'g.position_id',
  'g.valid_from',
  'g.valid_to',
  'g.suspended_at',
  'g.revoked_at',
  'g.fields',
  'g.purpose',
  'g.requested_by_id',
  'g.created_at',
  sql<
    string[]
  >`array(${grantColumns.selectFrom('information_asset_owner as o').select('o.position_id').whereRef('o.asset_id', '=', 'g.asset_id').orderBy('o.sort_order')})`.as(
    'owner_position_ids',
  ),
  sql<string[]>`array(${grantColumns.selectFrom('access_grant_approval as a').select('a.owner_position_id').whereRef('a.grant_id', '=', 'g.id')})`.as(
    'approved_position_ids',
  ),
] as const;

const grants = () => tables.selectFrom('access_grant as g').select(GRANT_COLUMNS);

/** A grant, with its asset's owner positions (in order) and those that have approved it. */
export type GrantRow = Stored<InferResult<ReturnType<typeof grants>>[number]>;

export async function grantsOfStaff(db: Db, staffIds: readonly string[]): Promise<GrantRow[]> {
  return run(db, grants().where('g.grantee_id', '=', anyOf(staffIds, 'uuid')).where('g.revoked_at', 'is', null).orderBy('g.created_at'));
}

export async function listGrants(db: Db, filter: { assetId?: string | null; granteeId?: string | null }): Promise<GrantRow[]> {
  return run(
    db,
    grants()
      .$if(Boolean(filter.assetId), (q) => q.where('g.asset_id', '=', filter.assetId!))
      .$if(Boolean(filter.granteeId), (q) => q.where('g.grantee_id', '=', filter.granteeId!))
      .orderBy('g.created_at', 'desc')
      .orderBy('g.id'),
  );
}

export async function grantById(db: Db, id: string): Promise<GrantRow | undefined> {
  return first(db, grants().where('g.id', '=', id));
}

const assetColumns = expressionBuilder<Database & { a: Database['information_asset'] }, 'a'>();

const ownerPositionIds = sql<
  string[]
>`array(${assetColumns.selectFrom('information_asset_owner as o').select('o.position_id').whereRef('o.asset_id', '=', 'a.id').orderBy('o.sort_order')})`;

const assetFacts = () =>
  tables
    .selectFrom('information_asset as a')
    .select([
      'a.id',
      'a.kind',
      'a.confidentiality',
      ownerPositionIds.as('owner_position_ids'),
      sql<string[]>`array(${assetColumns
        .selectFrom('information_asset_system as x')
        .innerJoin('system as s', 's.id', 'x.system_id')
        .select('s.rulebook_id')
        .distinct()
        .whereRef('x.asset_id', '=', 'a.id')
        .where('s.rulebook_id', 'is not', null)})`.as('rulebook_ids'),
    ]);

/** What a decision on an asset's protected fields reads: its kind, classification, owners and governing rulebooks. */
export type AssetFactRow = Stored<InferResult<ReturnType<typeof assetFacts>>[number]>;

export async function assetFactsByIds(db: Db, ids: readonly string[]): Promise<AssetFactRow[]> {
  return run(db, assetFacts().where('a.id', '=', anyOf(ids, 'uuid')));
}

/**
 * The assets holding the API's protected fields cover every system of the municipality, so their
 * governing rulebooks are the municipality's own (no need to walk every system that handles them).
 */
export async function assetFactsByKinds(db: Db, kinds: readonly string[]): Promise<AssetFactRow[]> {
  return run(
    db,
    tables
      .selectFrom('information_asset as a')
      .select((eb) => [
        'a.id',
        'a.kind',
        'a.confidentiality',
        ownerPositionIds.as('owner_position_ids'),
        eb.selectFrom('municipality as m').select('m.rulebook_ids').whereRef('m.id', '=', 'a.municipality_id').as('rulebook_ids'),
      ])
      // Every asset belongs to a municipality: the subquery always finds its row.
      .$narrowType<{ rulebook_ids: string[] }>()
      .where('a.kind', '=', anyOf(kinds, 'text'))
      .orderBy('a.key'),
  );
}

// ---- accounts -------------------------------------------------------------------------------

const accountColumns = expressionBuilder<Database & { a: Database['account'] }, 'a'>();

const ACCOUNT_FIELDS = [
  'id',
  'staff_id',
  'system_id',
  'authority_profile',
  'valid_from',
  'valid_to',
  'duty_position_id',
  'suspended_at',
  'suspension_reason',
  'ended_at',
  'end_reason',
  'rule_ids',
  'version',
  'updated_at',
] as const;

/** The feed position as text (bigint), for the accounts feed's cursor. */
const ACCOUNT_COLUMNS = [...ACCOUNT_FIELDS.map((c) => `a.${c}` as const), accountColumns.cast<string>('a.change_seq', 'text').as('change_seq')];

/** The same columns as an insert returns them (Kysely's insertInto takes no alias). */
const INSERTED_ACCOUNT_COLUMNS = [...ACCOUNT_FIELDS, expressionBuilder<Database, 'account'>().cast<string>('change_seq', 'text').as('change_seq')];

const accounts = () => tables.selectFrom('account as a').select(ACCOUNT_COLUMNS);

export type AccountRow = Stored<InferResult<ReturnType<typeof accounts>>[number]>;

/** The account a person has on a system: the open one, else the most recently ended. */
export async function accountOf(db: Db, staffId: string, systemId: string): Promise<AccountRow | undefined> {
  return first(
    db,
    accounts()
      .where('a.staff_id', '=', staffId)
      .where('a.system_id', '=', systemId)
      .orderBy((eb) => eb('a.ended_at', 'is', null), 'desc')
      .orderBy('a.valid_from', 'desc')
      .limit(sql.lit(1)),
  );
}

const decisionFactsQuery = ({ staffId, systemId, after }: { staffId: string; systemId: string; after: Date }) =>
  tables
    .selectFrom('system as s')
    .crossJoin('staff as st')
    .select((eb) => [
      's.id as system_id',
      's.lifecycle_status',
      's.rulebook_id',
      jsonObjectFrom(
        eb
          .selectFrom('account as a')
          .select(ACCOUNT_COLUMNS)
          .whereRef('a.staff_id', '=', 'st.id')
          .whereRef('a.system_id', '=', 's.id')
          .orderBy((o) => o('a.ended_at', 'is', null), 'desc')
          .orderBy('a.valid_from', 'desc')
          .limit(sql.lit(1)),
      )
        .$castTo<AccountRow | null>()
        .as('account'),
      jsonArrayFrom(
        eb
          .selectFrom('position_tenure as t')
          .innerJoin('position as p', 'p.id', 't.position_id')
          .select(TENURE_COLUMNS)
          .whereRef('t.staff_id', '=', 'st.id')
          .orderBy('t.valid_from'),
      )
        .$castTo<TenureRow[]>()
        .as('tenures'),
      jsonArrayFrom(
        eb
          .selectFrom('maintenance_window as w')
          .select(WINDOW_COLUMNS)
          .whereRef('w.system_id', '=', 's.id')
          .where('w.announced_at', 'is not', null)
          .where('w.cancelled_at', 'is', null)
          .where('w.ends_at', '>', after)
          .orderBy('w.starts_at')
          .orderBy('w.id'),
      )
        .$castTo<MaintenanceWindowRow[]>()
        .as('windows'),
    ])
    .where('s.id', '=', systemId)
    .where('st.id', '=', staffId);

/** Everything an access decision reads, for one person and one system (null when either does not exist). */
export type DecisionFactsRow = Stored<InferResult<ReturnType<typeof decisionFactsQuery>>[number]>;

/**
 * The facts of an access decision in one statement (one round trip): the system, the person's
 * account on it (the open one, else the most recently ended), their tenures, and the system's
 * announced maintenance windows ending after `after`. Nested rows come as JSON; their timestamps
 * as ISO strings, which `toDate` reads like the driver's.
 */
export async function decisionFacts(db: Db, staffId: string, systemId: string, after: Date): Promise<DecisionFactsRow | undefined> {
  return (await decisionFactsStatement.run(db, { staffId, systemId, after }))[0];
}

/** Built and compiled once: the access decision is the hottest read (sql.ts `prepared`). */
const decisionFactsStatement = prepared(decisionFactsQuery);

export async function accountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  return run(db, accounts().where('a.id', '=', anyOf(ids, 'uuid')));
}

export async function accountsOfSystem(db: Db, systemId: string, firstN: number, afterId: string | null): Promise<{ rows: AccountRow[]; totalCount: number }> {
  const page = await run(
    db,
    accounts()
      .where('a.system_id', '=', systemId)
      .$if(afterId != null, (q) => q.where('a.id', '>', afterId!))
      .orderBy('a.id')
      .limit(firstN),
  );
  const total = await first(
    db,
    tables
      .selectFrom('account')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('system_id', '=', systemId),
  );
  return { rows: page, totalCount: total?.n ?? 0 };
}

export async function accountsOfStaff(db: Db, staffIds: readonly string[]): Promise<AccountRow[]> {
  return run(db, accounts().where('a.staff_id', '=', anyOf(staffIds, 'uuid')).orderBy('a.valid_from'));
}

/**
 * Changes to a system's accounts after a cursor, for login systems to sync. Only changes whose
 * transaction is older than every transaction still in progress are returned, so a change can
 * never appear later with a smaller sequence number than one already handed out.
 */
export async function accountChanges(db: Db, systemId: string, afterSeq: string, firstN: number): Promise<AccountRow[]> {
  return run(
    db,
    accounts()
      .where('a.system_id', '=', systemId)
      .where('a.change_seq', '>', (eb) => eb.cast<bigint>(eb.val(afterSeq), 'bigint'))
      .where('a.change_xid', '<', (eb) => eb.fn<string>('pg_snapshot_xmin', [eb.fn('pg_current_snapshot')]))
      .orderBy('a.change_seq')
      .limit(firstN),
  );
}

export const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

// ---- people and protected records -----------------------------------------------------------

const STAFF_COLUMNS = [
  'id',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'employee_number',
  'email',
  'extension',
  'personal_phone',
  'username',
  'registry_admin',
] as const;

const staff = () => tables.selectFrom('staff').select(STAFF_COLUMNS);

export type StaffRow = Stored<InferResult<ReturnType<typeof staff>>[number]>;

export async function staffByIds(db: Db, ids: readonly string[]): Promise<StaffRow[]> {
  return run(db, staff().where('id', '=', anyOf(ids, 'uuid')));
}

/** Staff list: free text over names and kana (never over protected fields), by org unit. */
export async function listStaff(db: Db, q: { text?: string | null; orgUnitId?: string | null; first: number; after?: { name: string; id: string } | null }) {
  const text = q.text?.trim()
    ? `%${q.text
        .trim()
        .normalize('NFKC')
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const orgUnitId = q.orgUnitId || null;
  const filtered = tables
    .selectFrom('staff')
    .$if(text !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(eb('family_name', '||', eb.ref('given_name')), 'ilike', text!),
          eb(eb('family_name_kana', '||', eb.ref('given_name_kana')), 'ilike', text!),
          eb(eb(eb('family_name', '||', sql.lit(' ')), '||', eb.ref('given_name')), 'ilike', text!),
          eb('employee_number', 'ilike', text!),
        ]),
      ),
    )
    .$if(orgUnitId !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('position_tenure as t')
            .innerJoin('position as pos', 'pos.id', 't.position_id')
            .select(sql.lit(1).as('one'))
            .whereRef('t.staff_id', '=', 'staff.id')
            .where('t.valid_to', 'is', null)
            .where('pos.org_unit_id', 'in', orgUnitSubtree(orgUnitId!)),
        ),
      ),
    );
  const sortKey = sql<string>`family_name_kana || given_name_kana`;
  const page = await run(
    db,
    filtered
      .select([...STAFF_COLUMNS, sortKey.as('sort_key')])
      // A row comparison, so the keyset follows the order by: Kysely's builder has no tuple of expressions.
      .$if(Boolean(q.after), (qb) => qb.where(sql<boolean>`(${sortKey}, id) > (${q.after!.name}, ${q.after!.id}::uuid)`))
      .orderBy(sortKey)
      .orderBy('id')
      .limit(q.first + 1),
  );
  const total = await first(
    db,
    filtered.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')),
  );
  return { rows: page.slice(0, q.first), hasNextPage: page.length > q.first, totalCount: total?.n ?? 0 };
}

const dataItems = () => tables.selectFrom('data_item').select(['id', 'asset_id', 'name', 'basic_resident_item', 'personal']);

export type DataItemRow = Stored<InferResult<ReturnType<typeof dataItems>>[number]>;

export async function dataItemsOfAssets(db: Db, assetIds: readonly string[]): Promise<DataItemRow[]> {
  return run(db, dataItems().where('asset_id', '=', anyOf(assetIds, 'uuid')).orderBy('sort_order'));
}

const contractors = () => tables.selectFrom('contractor').select(['id', 'key', 'name']);

export type ContractorRow = Stored<InferResult<ReturnType<typeof contractors>>[number]>;

const contractorPersons = () => tables.selectFrom('contractor_person').select(['id', 'contractor_id', 'name', 'email', 'phone']);

export type ContractorPersonRow = Stored<InferResult<ReturnType<typeof contractorPersons>>[number]>;

export async function listContractors(db: Db): Promise<ContractorRow[]> {
  return run(db, contractors().orderBy('name'));
}

export async function contractorPeople(db: Db, contractorIds: readonly string[]): Promise<ContractorPersonRow[]> {
  return run(db, contractorPersons().where('contractor_id', '=', anyOf(contractorIds, 'uuid')).orderBy('key'));
}

export async function contractorPeopleByIds(db: Db, ids: readonly string[]): Promise<ContractorPersonRow[]> {
  return run(db, contractorPersons().where('id', '=', anyOf(ids, 'uuid')));
}

const networks = () =>
  tables
    .selectFrom('contact_network as n')
    .innerJoin('system as s', 's.id', 'n.system_id')
    .select(['n.id', 'n.system_id', 'n.name', 'n.rule_ids', 's.managing_org_unit_id', 's.rulebook_id']);

export type ContactNetworkRow = Stored<InferResult<ReturnType<typeof networks>>[number]>;

export async function networksOfSystems(db: Db, systemIds: readonly string[]): Promise<ContactNetworkRow[]> {
  return run(db, networks().where('n.system_id', '=', anyOf(systemIds, 'uuid')).orderBy('n.name'));
}

export async function listNetworks(db: Db): Promise<ContactNetworkRow[]> {
  return run(db, networks().orderBy('s.name').orderBy('n.name'));
}

const networkMembers = () =>
  tables.selectFrom('contact_network_member').select(['id', 'network_id', 'duty', 'staff_id', 'contractor_person_id', 'can_inform', 'can_decide', 'phone']);

export type ContactNetworkMemberRow = Stored<InferResult<ReturnType<typeof networkMembers>>[number]>;

export async function membersOfNetworks(db: Db, networkIds: readonly string[]): Promise<ContactNetworkMemberRow[]> {
  return run(db, networkMembers().where('network_id', '=', anyOf(networkIds, 'uuid')).orderBy('sort_order'));
}

const systemSecurity = () => tables.selectFrom('system').select(['id', 'network_description', 'vulnerability_notes']);

export type SystemSecurityRow = Stored<InferResult<ReturnType<typeof systemSecurity>>[number]>;

/** Loaded only when a security field is asked for (and allowed). */
export async function systemSecurityByIds(db: Db, ids: readonly string[]): Promise<SystemSecurityRow[]> {
  return run(db, systemSecurity().where('id', '=', anyOf(ids, 'uuid')));
}

// ---- writes ---------------------------------------------------------------------------------

export async function insertAccount(
  db: Db,
  a: {
    municipalityId: string;
    staffId: string;
    systemId: string;
    authorityProfile: string;
    validFrom: Date;
    validTo: Date | null;
    dutyPositionId: string | null;
    ruleIds: readonly RuleId[];
  },
): Promise<AccountRow> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .insertInto('account')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: a.municipalityId,
        staff_id: a.staffId,
        system_id: a.systemId,
        authority_profile: a.authorityProfile,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        duty_position_id: a.dutyPositionId,
        rule_ids: [...a.ruleIds],
        change_seq: sql<bigint>`0`,
        version: 1,
        created_at: now,
        updated_at: now,
      }))
      .returning(INSERTED_ACCOUNT_COLUMNS),
  );
  return row!;
}

export async function updateAccountIfVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Record<'suspended_at' | 'suspension_reason' | 'ended_at' | 'end_reason', Date | string | null>>,
): Promise<AccountRow | undefined> {
  return first(
    db,
    tables
      .updateTable('account as a')
      .set({ ...(patch as Partial<Record<'suspended_at' | 'ended_at', Date | null>>), version: (eb) => eb(eb.ref('a.version'), '+', 1), updated_at: nowOf(db) })
      .where('a.id', '=', id)
      .where('a.version', '=', version)
      .returning(ACCOUNT_COLUMNS),
  );
}

export async function insertPasswordResetRequest(db: Db, municipalityId: string, accountId: string): Promise<string> {
  const row = await first(
    db,
    tables
      .insertInto('password_reset_request')
      .values((eb) => ({ id: eb.fn<string>('gen_random_uuid'), municipality_id: municipalityId, account_id: accountId, requested_at: nowOf(db) }))
      .returning('id'),
  );
  return row!.id;
}

export async function insertGrant(
  db: Db,
  g: {
    municipalityId: string;
    assetId: string;
    granteeId: string;
    positionId: string | null;
    validFrom: Date;
    validTo: Date | null;
    fields: string[] | null;
    purpose: string;
    requestedBy: string;
  },
): Promise<string> {
  const row = await first(
    db,
    tables
      .insertInto('access_grant')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: g.municipalityId,
        asset_id: g.assetId,
        grantee_id: g.granteeId,
        position_id: g.positionId,
        valid_from: g.validFrom,
        valid_to: g.validTo,
        fields: g.fields,
        purpose: g.purpose,
        requested_by_id: g.requestedBy,
        created_at: nowOf(db),
      }))
      .returning('id'),
  );
  return row!.id;
}

/**
 * Holds the (asset, grantee) pair's grant requests until the transaction ends: a concurrent request
 * for the same asset and grantee waits here until the first has committed, then sees it.
 */
export async function lockGrantRequests(db: Db, assetId: string, granteeId: string): Promise<void> {
  const key = `access_grant.request:${assetId}:${granteeId}`;
  await first(
    db,
    tables.selectNoFrom((eb) => eb.cast<string>(eb.fn('pg_advisory_xact_lock', [eb.fn('hashtextextended', [eb.val(key), eb.lit(0)])]), 'text').as('locked')),
  );
}

/**
 * A grant for the same access — asset, grantee, duty position, fields (as a set; null = all) and
 * period — still awaiting an owner's approval (not revoked, not over, some owner not yet approved).
 */
export async function pendingIdenticalGrant(
  db: Db,
  g: { assetId: string; granteeId: string; positionId: string | null; validFrom: Date; validTo: Date | null; fields: string[] | null; at: Date },
): Promise<string | undefined> {
  const fields = g.fields === null ? null : sql<string[]>`${g.fields}::text[]`;
  const row = await first(
    db,
    tables
      .selectFrom('access_grant as g')
      .select('g.id')
      .where('g.asset_id', '=', g.assetId)
      .where('g.grantee_id', '=', g.granteeId)
      .where('g.position_id', 'is not distinct from', g.positionId)
      .where('g.valid_from', '=', g.validFrom)
      .where('g.valid_to', 'is not distinct from', g.validTo)
      .where((eb) => (fields === null ? eb('g.fields', 'is', null) : eb.and([eb('g.fields', '@>', fields), eb('g.fields', '<@', fields)])))
      .where('g.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>', g.at)]))
      .where((eb) =>
        eb.not(
          eb.and([
            eb.exists(eb.selectFrom('information_asset_owner as o').select(sql.lit(1).as('one')).whereRef('o.asset_id', '=', 'g.asset_id')),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('information_asset_owner as o')
                  .select(sql.lit(1).as('one'))
                  .whereRef('o.asset_id', '=', 'g.asset_id')
                  .where((inner) =>
                    inner.not(
                      inner.exists(
                        inner
                          .selectFrom('access_grant_approval as a')
                          .select(sql.lit(1).as('one'))
                          .whereRef('a.grant_id', '=', 'g.id')
                          .whereRef('a.owner_position_id', '=', 'o.position_id'),
                      ),
                    ),
                  ),
              ),
            ),
          ]),
        ),
      )
      .orderBy('g.created_at')
      .orderBy('g.id')
      .limit(sql.lit(1)),
  );
  return row?.id;
}

/** Records one owner's approval; a second approval of the same owner position changes nothing. */
export async function approveGrant(
  db: Db,
  municipalityId: string,
  grantId: string,
  ownerPositionId: string,
  approvedBy: string,
  onBehalfOf: string | null,
): Promise<boolean> {
  const row = await first(
    db,
    tables
      .insertInto('access_grant_approval')
      .values({
        grant_id: grantId,
        owner_position_id: ownerPositionId,
        municipality_id: municipalityId,
        approved_by_id: approvedBy,
        on_behalf_of_id: onBehalfOf,
        approved_at: nowOf(db),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('grant_id'),
  );
  return row !== undefined;
}

export async function setGrantState(db: Db, id: string, patch: { suspended_at?: Date | null; revoked_at?: Date | null }): Promise<void> {
  await run(db, tables.updateTable('access_grant').set(patch).where('id', '=', id));
}

const grantApprovals = () =>
  tables.selectFrom('access_grant_approval').select(['grant_id', 'owner_position_id', 'approved_by_id', 'on_behalf_of_id', 'approved_at']);

export type GrantApprovalRow = Stored<InferResult<ReturnType<typeof grantApprovals>>[number]>;

/** Each owner's approval of the grants, oldest first. */
export async function approvalsOfGrants(db: Db, grantIds: readonly string[]): Promise<GrantApprovalRow[]> {
  return run(db, grantApprovals().where('grant_id', '=', anyOf(grantIds, 'uuid')).orderBy('approved_at').orderBy('owner_position_id'));
}

const grantChanges = () => tables.selectFrom('access_grant_change').select(['grant_id', 'change', 'changed_at', 'changed_by_id', 'on_behalf_of_id']);

export type GrantChangeRow = Stored<InferResult<ReturnType<typeof grantChanges>>[number]>;

/** Who suspended, reinstated or revoked the grants, and when, oldest first. */
export async function changesOfGrants(db: Db, grantIds: readonly string[]): Promise<GrantChangeRow[]> {
  return run(db, grantChanges().where('grant_id', '=', anyOf(grantIds, 'uuid')).orderBy('changed_at').orderBy('id'));
}

export async function insertGrantChange(
  db: Db,
  c: { municipalityId: string; grantId: string; change: GrantChangeRow['change']; at: Date; by: string; onBehalfOf: string | null },
): Promise<void> {
  await run(
    db,
    tables.insertInto('access_grant_change').values((eb) => ({
      id: eb.fn<string>('gen_random_uuid'),
      municipality_id: c.municipalityId,
      grant_id: c.grantId,
      change: c.change,
      changed_at: c.at,
      changed_by_id: c.by,
      on_behalf_of_id: c.onBehalfOf,
    })),
  );
}

export async function insertNotifications(
  db: Db,
  municipalityId: string,
  notes: { recipientId: string; kind: string; subject: string; body: string; targetType: string; targetId: string; ruleIds: readonly RuleId[] }[],
): Promise<void> {
  for (const n of notes) {
    await run(
      db,
      tables.insertInto('notification').values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: municipalityId,
        recipient_id: n.recipientId,
        kind: n.kind,
        subject: n.subject,
        body: n.body,
        target_type: n.targetType,
        target_id: n.targetId,
        rule_ids: [...n.ruleIds],
        created_at: nowOf(db),
      })),
    );
  }
}

// Who heads a section and the designations of KWO-6 (org walks, designation rows) live beside: the
// API reads them all as accessRepo.
export * from './designation.repository.ts';
