import type { RuleId } from '@tsukasa/domain';
import { exec, nowOf, one, rows, setClauses, toDate, type Db } from './sql.ts';
import { WINDOW_COLUMNS, type MaintenanceWindowRow } from './operations.repository.ts';

// Facts for authorization decisions, loaded in a handful of statements per request.

export interface TenureRow {
  staff_id: string;
  position_id: string;
  org_unit_id: string;
  valid_from: string;
  valid_to: string | null;
}

export interface BindingRow {
  rulebook_id: string;
  role_key: string;
  position_id: string;
  scope_key: string | null;
  scope_label: string | null;
  rule_ids: RuleId[];
}

export interface DeputationRow {
  id: string;
  deputy_staff_id: string;
  principal_position_id: string;
  rulebook_id: string;
  role_keys: string[];
  valid_from: string;
  valid_to: string | null;
  rule_ids: RuleId[];
}

export interface GrantRow {
  id: string;
  asset_id: string;
  grantee_id: string;
  position_id: string | null;
  valid_from: Date | string;
  valid_to: Date | string | null;
  suspended_at: Date | string | null;
  revoked_at: Date | string | null;
  fields: string[] | null;
  purpose: string;
  requested_by_id: string;
  created_at: Date | string;
  owner_position_ids: string[];
  approved_position_ids: string[];
}

export interface AssetFactRow {
  id: string;
  kind: string;
  confidentiality: string;
  owner_position_ids: string[];
  rulebook_ids: string[];
}

const TENURE_COLUMNS = `t.staff_id, t.position_id, p.org_unit_id, to_char(t.valid_from, 'YYYY-MM-DD') as valid_from, to_char(t.valid_to, 'YYYY-MM-DD') as valid_to`;

export async function tenuresOfStaff(db: Db, staffIds: readonly string[]): Promise<TenureRow[]> {
  return rows<TenureRow>(db, `select ${TENURE_COLUMNS} from position_tenure t join position p on p.id = t.position_id where t.staff_id = any($1::uuid[]) order by t.valid_from`, [staffIds]);
}

export async function tenuresOfPositions(db: Db, positionIds: readonly string[]): Promise<TenureRow[]> {
  return rows<TenureRow>(db, `select ${TENURE_COLUMNS} from position_tenure t join position p on p.id = t.position_id where t.position_id = any($1::uuid[]) order by t.valid_from`, [positionIds]);
}

export async function bindingsOfPositions(db: Db, positionIds: readonly string[]): Promise<BindingRow[]> {
  return rows<BindingRow>(db, 'select rulebook_id, role_key, position_id, scope_key, scope_label, rule_ids from role_binding where position_id = any($1::uuid[])', [positionIds]);
}

export async function deputationsOfStaff(db: Db, staffIds: readonly string[]): Promise<DeputationRow[]> {
  return rows<DeputationRow>(
    db,
    `select id, deputy_staff_id, principal_position_id, rulebook_id, role_keys, to_char(valid_from, 'YYYY-MM-DD') as valid_from,
            to_char(valid_to, 'YYYY-MM-DD') as valid_to, rule_ids from deputation where deputy_staff_id = any($1::uuid[])`,
    [staffIds],
  );
}

const GRANT_COLUMNS = `g.id, g.asset_id, g.grantee_id, g.position_id, g.valid_from, g.valid_to, g.suspended_at, g.revoked_at, g.fields, g.purpose,
  g.requested_by_id, g.created_at,
  array(select o.position_id from information_asset_owner o where o.asset_id = g.asset_id order by o.sort_order) as owner_position_ids,
  array(select a.owner_position_id from access_grant_approval a where a.grant_id = g.id) as approved_position_ids`;

export async function grantsOfStaff(db: Db, staffIds: readonly string[]): Promise<GrantRow[]> {
  return rows<GrantRow>(db, `select ${GRANT_COLUMNS} from access_grant g where g.grantee_id = any($1::uuid[]) and g.revoked_at is null order by g.created_at`, [staffIds]);
}

export async function listGrants(db: Db, filter: { assetId?: string | null; granteeId?: string | null }): Promise<GrantRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.assetId) where.push(`g.asset_id = $${params.push(filter.assetId)}`);
  if (filter.granteeId) where.push(`g.grantee_id = $${params.push(filter.granteeId)}`);
  return rows<GrantRow>(db, `select ${GRANT_COLUMNS} from access_grant g where ${where.join(' and ') || 'true'} order by g.created_at desc, g.id`, params);
}

export async function grantById(db: Db, id: string): Promise<GrantRow | undefined> {
  return one<GrantRow>(db, `select ${GRANT_COLUMNS} from access_grant g where g.id = $1`, [id]);
}

const ASSET_FACT_COLUMNS = `a.id, a.kind, a.confidentiality,
  array(select o.position_id from information_asset_owner o where o.asset_id = a.id order by o.sort_order) as owner_position_ids,
  array(select distinct s.rulebook_id from information_asset_system x join system s on s.id = x.system_id where x.asset_id = a.id and s.rulebook_id is not null) as rulebook_ids`;

export async function assetFactsByIds(db: Db, ids: readonly string[]): Promise<AssetFactRow[]> {
  return rows<AssetFactRow>(db, `select ${ASSET_FACT_COLUMNS} from information_asset a where a.id = any($1::uuid[])`, [ids]);
}

/**
 * The assets holding the API's protected fields cover every system of the municipality, so their
 * governing rulebooks are the municipality's own (no need to walk every system that handles them).
 */
export async function assetFactsByKinds(db: Db, kinds: readonly string[]): Promise<AssetFactRow[]> {
  return rows<AssetFactRow>(
    db,
    `select a.id, a.kind, a.confidentiality,
            array(select o.position_id from information_asset_owner o where o.asset_id = a.id order by o.sort_order) as owner_position_ids,
            (select m.rulebook_ids from municipality m where m.id = a.municipality_id) as rulebook_ids
       from information_asset a where a.kind = any($1::text[]) order by a.key`,
    [kinds],
  );
}

// ---- accounts -------------------------------------------------------------------------------

export interface AccountRow {
  id: string;
  staff_id: string;
  system_id: string;
  authority_profile: string;
  valid_from: Date | string;
  valid_to: Date | string | null;
  duty_position_id: string | null;
  suspended_at: Date | string | null;
  suspension_reason: string | null;
  ended_at: Date | string | null;
  end_reason: string | null;
  rule_ids: RuleId[];
  change_seq: string;
  version: number;
  updated_at: Date | string;
}

const ACCOUNT_COLUMNS = `a.id, a.staff_id, a.system_id, a.authority_profile, a.valid_from, a.valid_to, a.duty_position_id, a.suspended_at,
  a.suspension_reason, a.ended_at, a.end_reason, a.rule_ids, a.change_seq::text as change_seq, a.version, a.updated_at`;

/** The account a person has on a system: the open one, else the most recently ended. */
export async function accountOf(db: Db, staffId: string, systemId: string): Promise<AccountRow | undefined> {
  return one<AccountRow>(
    db,
    `select ${ACCOUNT_COLUMNS} from account a where a.staff_id = $1 and a.system_id = $2 order by (a.ended_at is null) desc, a.valid_from desc limit 1`,
    [staffId, systemId],
  );
}

/** Everything an access decision reads, for one person and one system (null when either does not exist). */
export interface DecisionFactsRow {
  system_id: string;
  lifecycle_status: string;
  rulebook_id: string | null;
  account: AccountRow | null;
  tenures: TenureRow[];
  windows: MaintenanceWindowRow[];
}

/**
 * The facts of an access decision in one statement (one round trip): the system, the person's
 * account on it (the open one, else the most recently ended), their tenures, and the system's
 * announced maintenance windows ending after `after`. Nested rows come as JSON; their timestamps
 * as ISO strings, which `toDate` reads like the driver's.
 */
export async function decisionFacts(db: Db, staffId: string, systemId: string, after: Date): Promise<DecisionFactsRow | undefined> {
  return one<DecisionFactsRow>(
    db,
    `select s.id as system_id, s.lifecycle_status, s.rulebook_id,
       (select row_to_json(x) from (select ${ACCOUNT_COLUMNS} from account a where a.staff_id = st.id and a.system_id = s.id
          order by (a.ended_at is null) desc, a.valid_from desc limit 1) x) as account,
       coalesce((select json_agg(x) from (select ${TENURE_COLUMNS} from position_tenure t join position p on p.id = t.position_id
          where t.staff_id = st.id order by t.valid_from) x), '[]') as tenures,
       coalesce((select json_agg(x) from (select ${WINDOW_COLUMNS} from maintenance_window w
          where w.system_id = s.id and w.announced_at is not null and w.cancelled_at is null and w.ends_at > $3
          order by w.starts_at, w.id) x), '[]') as windows
     from system s cross join staff st where s.id = $2 and st.id = $1`,
    [staffId, systemId, after],
  );
}

export async function accountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  return rows<AccountRow>(db, `select ${ACCOUNT_COLUMNS} from account a where a.id = any($1::uuid[])`, [ids]);
}

export async function accountsOfSystem(db: Db, systemId: string, first: number, afterId: string | null): Promise<{ rows: AccountRow[]; totalCount: number }> {
  const page = await rows<AccountRow>(
    db,
    `select ${ACCOUNT_COLUMNS} from account a where a.system_id = $1 and ($2::uuid is null or a.id > $2::uuid) order by a.id limit $3`,
    [systemId, afterId, first],
  );
  const total = await one<{ n: number }>(db, 'select count(*)::int as n from account where system_id = $1', [systemId]);
  return { rows: page, totalCount: total?.n ?? 0 };
}

export async function accountsOfStaff(db: Db, staffIds: readonly string[]): Promise<AccountRow[]> {
  return rows<AccountRow>(db, `select ${ACCOUNT_COLUMNS} from account a where a.staff_id = any($1::uuid[]) order by a.valid_from`, [staffIds]);
}

/**
 * Changes to a system's accounts after a cursor, for login systems to sync. Only changes whose
 * transaction is older than every transaction still in progress are returned, so a change can
 * never appear later with a smaller sequence number than one already handed out.
 */
export async function accountChanges(db: Db, systemId: string, afterSeq: string, first: number): Promise<AccountRow[]> {
  return rows<AccountRow>(
    db,
    `select ${ACCOUNT_COLUMNS} from account a
      where a.system_id = $1 and a.change_seq > $2::bigint and a.change_xid < pg_snapshot_xmin(pg_current_snapshot())
      order by a.change_seq limit $3`,
    [systemId, afterSeq, first],
  );
}

export const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

// ---- people and protected records -----------------------------------------------------------

export interface StaffRow {
  id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string;
  given_name_kana: string;
  employee_number: string;
  email: string;
  extension: string;
  personal_phone: string | null;
  username: string | null;
  registry_admin: boolean;
}

const STAFF_COLUMNS = 'id, family_name, given_name, family_name_kana, given_name_kana, employee_number, email, extension, personal_phone, username, registry_admin';

export async function staffByIds(db: Db, ids: readonly string[]): Promise<StaffRow[]> {
  return rows<StaffRow>(db, `select ${STAFF_COLUMNS} from staff where id = any($1::uuid[])`, [ids]);
}

/** Staff list: free text over names and kana (never over protected fields), by org unit. */
export async function listStaff(db: Db, q: { text?: string | null; orgUnitId?: string | null; first: number; after?: { name: string; id: string } | null }) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.text?.trim()) {
    const p = `$${params.push(`%${q.text.trim().normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    where.push(`(family_name || given_name ilike ${p} or family_name_kana || given_name_kana ilike ${p} or family_name || ' ' || given_name ilike ${p} or employee_number ilike ${p})`);
  }
  if (q.orgUnitId) {
    const p = `$${params.push(q.orgUnitId)}`;
    where.push(`exists (select 1 from position_tenure t join position pos on pos.id = t.position_id
      where t.staff_id = staff.id and t.valid_to is null and pos.org_unit_id in (
        with recursive sub(id) as (select ${p}::uuid union all select o.id from org_unit o join sub on o.parent_id = sub.id) select id from sub))`);
  }
  const filter = where.join(' and ') || 'true';
  const countParams = [...params];
  let keyset = 'true';
  if (q.after) keyset = `(family_name_kana || given_name_kana, id) > ($${params.push(q.after.name)}, $${params.push(q.after.id)}::uuid)`;
  const page = await rows<StaffRow & { sort_key: string }>(
    db,
    `select ${STAFF_COLUMNS}, family_name_kana || given_name_kana as sort_key from staff where ${filter} and ${keyset}
      order by family_name_kana || given_name_kana, id limit $${params.push(q.first + 1)}`,
    params,
  );
  const total = await one<{ n: number }>(db, `select count(*)::int as n from staff where ${filter}`, countParams);
  return { rows: page.slice(0, q.first), hasNextPage: page.length > q.first, totalCount: total?.n ?? 0 };
}

export interface DataItemRow {
  id: string;
  asset_id: string;
  name: string;
  basic_resident_item: number | null;
  personal: boolean;
}

export async function dataItemsOfAssets(db: Db, assetIds: readonly string[]): Promise<DataItemRow[]> {
  return rows<DataItemRow>(db, 'select id, asset_id, name, basic_resident_item, personal from data_item where asset_id = any($1::uuid[]) order by sort_order', [assetIds]);
}

export interface ContractorRow {
  id: string;
  key: string;
  name: string;
}

export interface ContractorPersonRow {
  id: string;
  contractor_id: string;
  name: string;
  email: string;
  phone: string;
}

export async function listContractors(db: Db): Promise<ContractorRow[]> {
  return rows<ContractorRow>(db, 'select id, key, name from contractor order by name');
}

export async function contractorPeople(db: Db, contractorIds: readonly string[]): Promise<ContractorPersonRow[]> {
  return rows<ContractorPersonRow>(db, 'select id, contractor_id, name, email, phone from contractor_person where contractor_id = any($1::uuid[]) order by key', [contractorIds]);
}

export async function contractorPeopleByIds(db: Db, ids: readonly string[]): Promise<ContractorPersonRow[]> {
  return rows<ContractorPersonRow>(db, 'select id, contractor_id, name, email, phone from contractor_person where id = any($1::uuid[])', [ids]);
}

export interface ContactNetworkRow {
  id: string;
  system_id: string;
  name: string;
  rule_ids: RuleId[];
  managing_org_unit_id: string;
  rulebook_id: string | null;
}

const NETWORK_COLUMNS = 'n.id, n.system_id, n.name, n.rule_ids, s.managing_org_unit_id, s.rulebook_id';

export async function networksOfSystems(db: Db, systemIds: readonly string[]): Promise<ContactNetworkRow[]> {
  return rows<ContactNetworkRow>(db, `select ${NETWORK_COLUMNS} from contact_network n join system s on s.id = n.system_id where n.system_id = any($1::uuid[]) order by n.name`, [systemIds]);
}

export async function listNetworks(db: Db): Promise<ContactNetworkRow[]> {
  return rows<ContactNetworkRow>(db, `select ${NETWORK_COLUMNS} from contact_network n join system s on s.id = n.system_id order by s.name, n.name`);
}

export interface ContactNetworkMemberRow {
  id: string;
  network_id: string;
  duty: string;
  staff_id: string | null;
  contractor_person_id: string | null;
  can_inform: boolean;
  can_decide: boolean;
  phone: string;
}

export async function membersOfNetworks(db: Db, networkIds: readonly string[]): Promise<ContactNetworkMemberRow[]> {
  return rows<ContactNetworkMemberRow>(
    db,
    'select id, network_id, duty, staff_id, contractor_person_id, can_inform, can_decide, phone from contact_network_member where network_id = any($1::uuid[]) order by sort_order',
    [networkIds],
  );
}

export interface SystemSecurityRow {
  id: string;
  network_description: string | null;
  vulnerability_notes: string | null;
}

/** Loaded only when a security field is asked for (and allowed). */
export async function systemSecurityByIds(db: Db, ids: readonly string[]): Promise<SystemSecurityRow[]> {
  return rows<SystemSecurityRow>(db, 'select id, network_description, vulnerability_notes from system where id = any($1::uuid[])', [ids]);
}

// ---- writes ---------------------------------------------------------------------------------

export async function insertAccount(
  db: Db,
  a: { municipalityId: string; staffId: string; systemId: string; authorityProfile: string; validFrom: Date; validTo: Date | null; dutyPositionId: string | null; ruleIds: readonly RuleId[] },
): Promise<AccountRow> {
  const row = await one<AccountRow>(
    db,
    `insert into account (id, municipality_id, staff_id, system_id, authority_profile, valid_from, valid_to, duty_position_id, rule_ids, change_seq, version, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, 0, 1, $9, $9)
     returning ${ACCOUNT_COLUMNS.replaceAll('a.', '')}`,
    [a.municipalityId, a.staffId, a.systemId, a.authorityProfile, a.validFrom, a.validTo, a.dutyPositionId, a.ruleIds, nowOf(db)],
  );
  return row!;
}

export async function updateAccountIfVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Record<'suspended_at' | 'suspension_reason' | 'ended_at' | 'end_reason', Date | string | null>>,
): Promise<AccountRow | undefined> {
  const params: unknown[] = [id, version];
  const sets = [...setClauses(patch, params), 'version = version + 1', `updated_at = $${params.push(nowOf(db))}`];
  return one<AccountRow>(db, `update account set ${sets.join(', ')} where id = $1 and version = $2 returning ${ACCOUNT_COLUMNS.replaceAll('a.', '')}`, params);
}

export async function insertPasswordResetRequest(db: Db, municipalityId: string, accountId: string): Promise<string> {
  const row = await one<{ id: string }>(db, `insert into password_reset_request (id, municipality_id, account_id, requested_at) values (gen_random_uuid(), $1, $2, $3) returning id`, [municipalityId, accountId, nowOf(db)]);
  return row!.id;
}

export async function insertGrant(
  db: Db,
  g: { municipalityId: string; assetId: string; granteeId: string; positionId: string | null; validFrom: Date; validTo: Date | null; fields: string[] | null; purpose: string; requestedBy: string },
): Promise<string> {
  const row = await one<{ id: string }>(
    db,
    `insert into access_grant (id, municipality_id, asset_id, grantee_id, position_id, valid_from, valid_to, fields, purpose, requested_by_id, created_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [g.municipalityId, g.assetId, g.granteeId, g.positionId, g.validFrom, g.validTo, g.fields, g.purpose, g.requestedBy, nowOf(db)],
  );
  return row!.id;
}

/**
 * Holds the (asset, grantee) pair's grant requests until the transaction ends: a concurrent request
 * for the same asset and grantee waits here until the first has committed, then sees it.
 */
export async function lockGrantRequests(db: Db, assetId: string, granteeId: string): Promise<void> {
  await one(db, `select pg_advisory_xact_lock(hashtextextended('access_grant.request:' || $1 || ':' || $2, 0))::text as locked`, [assetId, granteeId]);
}

/**
 * A grant for the same access — asset, grantee, duty position, fields (as a set; null = all) and
 * period — still awaiting an owner's approval (not revoked, not over, some owner not yet approved).
 */
export async function pendingIdenticalGrant(
  db: Db,
  g: { assetId: string; granteeId: string; positionId: string | null; validFrom: Date; validTo: Date | null; fields: string[] | null; at: Date },
): Promise<string | undefined> {
  const row = await one<{ id: string }>(
    db,
    `select g.id from access_grant g
      where g.asset_id = $1 and g.grantee_id = $2 and g.position_id is not distinct from $3
        and g.valid_from = $4 and g.valid_to is not distinct from $5
        and ((g.fields is null and $6::text[] is null) or (g.fields @> $6::text[] and g.fields <@ $6::text[]))
        and g.revoked_at is null and (g.valid_to is null or g.valid_to > $7)
        and not (exists (select 1 from information_asset_owner o where o.asset_id = g.asset_id)
                 and not exists (select 1 from information_asset_owner o where o.asset_id = g.asset_id
                                   and not exists (select 1 from access_grant_approval a where a.grant_id = g.id and a.owner_position_id = o.position_id)))
      order by g.created_at, g.id limit 1`,
    [g.assetId, g.granteeId, g.positionId, g.validFrom, g.validTo, g.fields, g.at],
  );
  return row?.id;
}

/** Records one owner's approval; a second approval of the same owner position changes nothing. */
export async function approveGrant(db: Db, municipalityId: string, grantId: string, ownerPositionId: string, approvedBy: string, onBehalfOf: string | null): Promise<boolean> {
  const row = await one<{ grant_id: string }>(
    db,
    `insert into access_grant_approval (grant_id, owner_position_id, municipality_id, approved_by_id, on_behalf_of_id, approved_at)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning grant_id`,
    [grantId, ownerPositionId, municipalityId, approvedBy, onBehalfOf, nowOf(db)],
  );
  return row !== undefined;
}

export async function setGrantState(db: Db, id: string, patch: { suspended_at?: Date | null; revoked_at?: Date | null }): Promise<void> {
  const params: unknown[] = [id];
  await exec(db, `update access_grant set ${setClauses(patch, params).join(', ')} where id = $1`, params);
}

export interface GrantApprovalRow {
  grant_id: string;
  owner_position_id: string;
  approved_by_id: string;
  on_behalf_of_id: string | null;
  approved_at: Date | string;
}

/** Each owner's approval of the grants, oldest first. */
export async function approvalsOfGrants(db: Db, grantIds: readonly string[]): Promise<GrantApprovalRow[]> {
  return rows<GrantApprovalRow>(
    db,
    'select grant_id, owner_position_id, approved_by_id, on_behalf_of_id, approved_at from access_grant_approval where grant_id = any($1::uuid[]) order by approved_at, owner_position_id',
    [grantIds],
  );
}

export interface GrantChangeRow {
  grant_id: string;
  change: 'suspended' | 'reinstated' | 'revoked';
  changed_at: Date | string;
  changed_by_id: string;
  on_behalf_of_id: string | null;
}

/** Who suspended, reinstated or revoked the grants, and when, oldest first. */
export async function changesOfGrants(db: Db, grantIds: readonly string[]): Promise<GrantChangeRow[]> {
  return rows<GrantChangeRow>(
    db,
    'select grant_id, change, changed_at, changed_by_id, on_behalf_of_id from access_grant_change where grant_id = any($1::uuid[]) order by changed_at, id',
    [grantIds],
  );
}

export async function insertGrantChange(
  db: Db,
  c: { municipalityId: string; grantId: string; change: GrantChangeRow['change']; at: Date; by: string; onBehalfOf: string | null },
): Promise<void> {
  await exec(
    db,
    `insert into access_grant_change (id, municipality_id, grant_id, change, changed_at, changed_by_id, on_behalf_of_id)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
    [c.municipalityId, c.grantId, c.change, c.at, c.by, c.onBehalfOf],
  );
}

export async function insertNotifications(
  db: Db,
  municipalityId: string,
  notes: { recipientId: string; kind: string; subject: string; body: string; targetType: string; targetId: string; ruleIds: readonly RuleId[] }[],
): Promise<void> {
  for (const n of notes) {
    await exec(
      db,
      `insert into notification (id, municipality_id, recipient_id, kind, subject, body, target_type, target_id, rule_ids, created_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [municipalityId, n.recipientId, n.kind, n.subject, n.body, n.targetType, n.targetId, n.ruleIds, nowOf(db)],
    );
  }
}

/** Current holders of the head positions of an org unit and of the units above it, nearest first. */
export async function headsAbove(db: Db, orgUnitId: string): Promise<{ staff_id: string; position_id: string; depth: number }[]> {
  return rows(
    db,
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from org_unit where id = $1
       union all select o.id, o.parent_id, up.depth + 1 from org_unit o join up on o.id = up.parent_id)
     select t.staff_id, p.id as position_id, up.depth from up
       join position p on p.org_unit_id = up.id and p.kind = 'head'
       join position_tenure t on t.position_id = p.id and t.valid_from <= current_date and (t.valid_to is null or t.valid_to > current_date)
     order by up.depth`,
    [orgUnitId],
  );
}

// ---- designations (KWO-6) -------------------------------------------------------------------

export interface DesignationRow {
  id: string;
  asset_id: string;
  staff_id: string;
  designated_by_id: string;
  org_unit_id: string;
  outside_supervision: boolean;
  permitted_by_id: string | null;
  permitted_at: Date | string | null;
  valid_from: Date | string;
  valid_to: Date | string | null;
  revoked_at: Date | string | null;
  rule_ids: RuleId[];
}

const DESIGNATION_COLUMNS = 'id, asset_id, staff_id, designated_by_id, org_unit_id, outside_supervision, permitted_by_id, permitted_at, valid_from, valid_to, revoked_at, rule_ids';

export async function listDesignations(db: Db, assetId: string | null): Promise<DesignationRow[]> {
  return rows<DesignationRow>(db, `select ${DESIGNATION_COLUMNS} from designation where ($1::uuid is null or asset_id = $1) order by created_at, id`, [assetId]);
}

export async function designationById(db: Db, id: string): Promise<DesignationRow | undefined> {
  return one<DesignationRow>(db, `select ${DESIGNATION_COLUMNS} from designation where id = $1`, [id]);
}

export async function insertDesignation(
  db: Db,
  d: { municipalityId: string; assetId: string; staffId: string; designatedBy: string; orgUnitId: string; outsideSupervision: boolean; validFrom: Date; validTo: Date | null; ruleIds: readonly RuleId[] },
): Promise<DesignationRow> {
  return (await one<DesignationRow>(
    db,
    `insert into designation (id, municipality_id, asset_id, staff_id, designated_by_id, org_unit_id, outside_supervision, valid_from, valid_to, rule_ids, created_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${DESIGNATION_COLUMNS}`,
    [d.municipalityId, d.assetId, d.staffId, d.designatedBy, d.orgUnitId, d.outsideSupervision, d.validFrom, d.validTo, d.ruleIds, nowOf(db)],
  ))!;
}

export async function updateDesignation(db: Db, id: string, patch: { permitted_by_id?: string; permitted_at?: Date; revoked_at?: Date }): Promise<DesignationRow | undefined> {
  const params: unknown[] = [id];
  return one<DesignationRow>(db, `update designation set ${setClauses(patch, params).join(', ')} where id = $1 returning ${DESIGNATION_COLUMNS}`, params);
}

/** Whether a staff member currently holds a position in an org unit or any unit below it (supervision, KWO-6). */
export async function isCurrentMemberOf(db: Db, staffId: string, orgUnitId: string): Promise<boolean> {
  const r = await one<{ member: boolean }>(
    db,
    `with recursive sub(id) as (select $2::uuid union all select o.id from org_unit o join sub on o.parent_id = sub.id)
     select exists (select 1 from position_tenure t join position p on p.id = t.position_id
       where t.staff_id = $1 and p.org_unit_id in (select id from sub) and t.valid_from <= current_date and (t.valid_to is null or t.valid_to > current_date)) as member`,
    [staffId, orgUnitId],
  );
  return r?.member ?? false;
}
