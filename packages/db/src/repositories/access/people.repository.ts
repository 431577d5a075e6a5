// People and protected records: staff, the data items of assets, contractors and their people,
// contact networks, and the security details of systems.
import { sql, type InferResult } from 'kysely';
import { anyOf, first, run, tables, type Db, type Stored } from '../sql.ts';
import { orgUnitSubtree } from '../designation.repository.ts';

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
