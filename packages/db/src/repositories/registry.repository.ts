import type { RuleId } from '@tsukasa/domain';
import { exec, likePattern, nowOf, one, rows, setClauses, type Db } from './sql.ts';

export interface OrgUnitRow {
  id: string;
  parent_id: string | null;
  key: string;
  name: string;
  name_en: string;
  level: string;
  sort_order: number;
}

export interface PositionRow {
  id: string;
  org_unit_id: string;
  key: string;
  title: string;
  name: string;
  kind: string;
}

export interface SystemRow {
  id: string;
  municipality_id: string;
  key: string | null;
  name: string;
  business_content: string;
  managing_org_unit_id: string;
  management_type: string;
  lifecycle_status: string;
  rulebook_id: string | null;
  contractor_id: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface AssetRow {
  id: string;
  key: string | null;
  name: string;
  business: string;
  confidentiality: string;
  integrity: string;
  availability: string;
  rule_ids: RuleId[];
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export type SystemSortField = 'name' | 'managing_org_unit' | 'updated_at';

export interface SystemListQuery {
  text?: string | null;
  managingOrgUnitId?: string | null;
  lifecycleStatus?: string[] | null;
  sort: { field: SystemSortField; direction: 'asc' | 'desc' };
  first: number;
  after?: { value: string; id: string } | null;
}

const SYSTEM_COLUMNS = `s.id, s.municipality_id, s.key, s.name, s.business_content, s.managing_org_unit_id, s.management_type,
  s.lifecycle_status, s.rulebook_id, s.contractor_id, s.version, s.created_at, s.updated_at`;

/** A system and, in the same row, its managing org unit (`ou`): one statement for both levels. */
export interface SystemWithUnitRow extends SystemRow {
  ou_parent_id: string | null;
  ou_key: string;
  ou_name: string;
  ou_name_en: string;
  ou_level: string;
  ou_sort_order: number;
}

const MANAGING_UNIT_COLUMNS = `ou.parent_id as ou_parent_id, ou.key as ou_key, ou.name as ou_name, ou.name_en as ou_name_en,
  ou.level as ou_level, ou.sort_order as ou_sort_order`;

export function managingOrgUnitOf(r: SystemWithUnitRow): OrgUnitRow {
  return { id: r.managing_org_unit_id, parent_id: r.ou_parent_id, key: r.ou_key, name: r.ou_name, name_en: r.ou_name_en, level: r.ou_level, sort_order: r.ou_sort_order };
}

const sortExpression: Record<SystemSortField, string> = {
  name: 's.name',
  managing_org_unit: 'ou.name',
  updated_at: `to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

function systemWhere(q: Omit<SystemListQuery, 'sort' | 'first' | 'after'>, params: unknown[]): string {
  const where: string[] = [];
  if (q.text?.trim()) {
    params.push(likePattern(q.text.trim()));
    const p = `$${params.length}`;
    where.push(`(lower(normalize(s.name, NFKC)) like ${p} or lower(normalize(s.business_content, NFKC)) like ${p})`);
  }
  if (q.managingOrgUnitId) {
    params.push(q.managingOrgUnitId);
    where.push(`s.managing_org_unit_id = $${params.length}`);
  }
  if (q.lifecycleStatus?.length) {
    params.push(q.lifecycleStatus);
    where.push(`s.lifecycle_status = any($${params.length}::text[])`);
  }
  return where.length ? where.join(' and ') : 'true';
}

/**
 * Keyset-paginated list, with each system's managing org unit and the total matching the filter —
 * one statement (the total in a CTE; a page past the end still returns it).
 */
export async function listSystems(
  db: Db,
  q: SystemListQuery,
  nested: NestedLevels = {},
): Promise<{ rows: (SystemWithUnitRow & NestedSystemLevels & { sort_value: string })[]; totalCount: number; hasNextPage: boolean }> {
  const params: unknown[] = [];
  const filter = systemWhere(q, params);
  const expr = sortExpression[q.sort.field];
  const dir = q.sort.direction === 'desc' ? 'desc' : 'asc';
  let keyset = 'true';
  if (q.after) {
    params.push(q.after.value, q.after.id);
    keyset = `(${expr}, s.id) ${dir === 'asc' ? '>' : '<'} ($${params.length - 1}, $${params.length}::uuid)`;
  }
  params.push(q.first + 1);
  const result = await rows<SystemWithUnitRow & NestedSystemLevels & { sort_value: string; total_count: number }>(
    db,
    `with total as (select count(*)::int as n from system s where ${filter})
     select total.n as total_count, page.* from total left join lateral (
       select ${SYSTEM_COLUMNS}, ${MANAGING_UNIT_COLUMNS}, ${expr} as sort_value${nestedColumns(nested)}
         from system s join org_unit ou on ou.id = s.managing_org_unit_id
        where ${filter} and ${keyset}
        order by ${expr} ${dir}, s.id ${dir}
        limit $${params.length}) page on true`,
    params,
  );
  const page = result.filter((r) => r.id !== null);
  return { rows: page.slice(0, q.first), totalCount: result[0]?.total_count ?? 0, hasNextPage: page.length > q.first };
}

/** Levels below a system a query asks for, loaded as JSON columns of the system's row. */
export interface NestedLevels {
  usingUnits?: boolean;
  assets?: boolean;
  /** With `assets`: each asset's owner positions. */
  owners?: boolean;
}

export interface NestedSystemLevels {
  using_units?: OrgUnitRow[];
  assets?: NestedAssetRow[];
}

function nestedColumns(n: NestedLevels): string {
  let sql = '';
  if (n.usingUnits) {
    sql += `, coalesce((select json_agg(json_build_object('id', u.id, 'parent_id', u.parent_id, 'key', u.key, 'name', u.name, 'name_en', u.name_en, 'level', u.level, 'sort_order', u.sort_order) order by suo.sort_order)
      from system_using_org_unit suo join org_unit u on u.id = suo.org_unit_id where suo.system_id = s.id), '[]') as using_units`;
  }
  if (n.assets) {
    sql += `, coalesce((select json_agg(x order by x.name, x.id) from (
      select ${ASSET_COLUMNS}${n.owners ? `, ${OWNERS_JSON} as owners` : ''}
        from information_asset_system ais join information_asset a on a.id = ais.asset_id where ais.system_id = s.id) x), '[]') as assets`;
  }
  return sql;
}

export async function systemsByIds(db: Db, ids: readonly string[]): Promise<SystemWithUnitRow[]> {
  return rows<SystemWithUnitRow>(
    db,
    `select ${SYSTEM_COLUMNS}, ${MANAGING_UNIT_COLUMNS} from system s join org_unit ou on ou.id = s.managing_org_unit_id where s.id = any($1::uuid[])`,
    [ids],
  );
}

export async function allSystems(db: Db, filter: Omit<SystemListQuery, 'sort' | 'first' | 'after'>): Promise<SystemRow[]> {
  const params: unknown[] = [];
  const where = systemWhere(filter, params);
  return rows<SystemRow>(db, `select ${SYSTEM_COLUMNS} from system s where ${where} order by s.name, s.id`, params);
}

export async function orgUnitsByIds(db: Db, ids: readonly string[]): Promise<OrgUnitRow[]> {
  return rows<OrgUnitRow>(db, `select id, parent_id, key, name, name_en, level, sort_order from org_unit where id = any($1::uuid[])`, [ids]);
}

export async function listOrgUnits(db: Db): Promise<OrgUnitRow[]> {
  return rows<OrgUnitRow>(db, `select id, parent_id, key, name, name_en, level, sort_order from org_unit order by sort_order, name`);
}

export async function listPositions(db: Db): Promise<PositionRow[]> {
  return rows<PositionRow>(db, `select p.id, p.org_unit_id, p.key, p.title, p.name, p.kind from position p order by p.sort_order, p.name`);
}

export async function positionsByIds(db: Db, ids: readonly string[]): Promise<PositionRow[]> {
  return rows<PositionRow>(db, `select id, org_unit_id, key, title, name, kind from position where id = any($1::uuid[])`, [ids]);
}

export async function usingOrgUnitIdsBySystemIds(db: Db, ids: readonly string[]): Promise<{ system_id: string; org_unit_id: string }[]> {
  return rows(db, `select system_id, org_unit_id from system_using_org_unit where system_id = any($1::uuid[]) order by sort_order`, [ids]);
}

/** The using org units of systems, the units' rows with them (one statement for both levels). */
export async function usingOrgUnitsBySystemIds(db: Db, ids: readonly string[]): Promise<(OrgUnitRow & { system_id: string })[]> {
  return rows(
    db,
    `select suo.system_id, ou.id, ou.parent_id, ou.key, ou.name, ou.name_en, ou.level, ou.sort_order
       from system_using_org_unit suo join org_unit ou on ou.id = suo.org_unit_id
      where suo.system_id = any($1::uuid[]) order by suo.sort_order`,
    [ids],
  );
}

/** The information assets of systems, the assets' rows with them (one statement for both levels). */
export async function assetsBySystemIds(db: Db, ids: readonly string[]): Promise<(AssetRow & { system_id: string })[]> {
  return rows(
    db,
    `select ais.system_id, ${ASSET_COLUMNS} from information_asset_system ais join information_asset a on a.id = ais.asset_id
      where ais.system_id = any($1::uuid[]) order by a.name, a.id`,
    [ids],
  );
}

/** A system's asset as a nested row, its owner positions with it when asked. */
export type NestedAssetRow = AssetRow & { owners?: PositionRow[] };

const OWNERS_JSON = `coalesce((select json_agg(json_build_object('id', p.id, 'org_unit_id', p.org_unit_id, 'key', p.key, 'title', p.title, 'name', p.name, 'kind', p.kind) order by o.sort_order)
   from information_asset_owner o join position p on p.id = o.position_id where o.asset_id = a.id), '[]')`;

/**
 * Systems with their managing unit and the levels below them a query asks for (using units, assets,
 * the assets' owners) — all in one statement.
 */
export async function systemsWithLevelsByIds(db: Db, ids: readonly string[], nested: NestedLevels): Promise<(SystemWithUnitRow & NestedSystemLevels)[]> {
  return rows(
    db,
    `select ${SYSTEM_COLUMNS}, ${MANAGING_UNIT_COLUMNS}${nestedColumns(nested)}
       from system s join org_unit ou on ou.id = s.managing_org_unit_id where s.id = any($1::uuid[])`,
    [ids],
  );
}

/** The information assets of systems with their owner positions: three levels in one statement. */
export async function assetsWithOwnersBySystemIds(db: Db, ids: readonly string[]): Promise<(AssetRow & { system_id: string; owners: PositionRow[] })[]> {
  return rows(
    db,
    `select ais.system_id, ${ASSET_COLUMNS}, ${OWNERS_JSON} as owners
       from information_asset_system ais join information_asset a on a.id = ais.asset_id
      where ais.system_id = any($1::uuid[]) order by a.name, a.id`,
    [ids],
  );
}

/** The owner positions of assets, the positions' rows with them (one statement for both levels). */
export async function ownerPositionsByAssetIds(db: Db, ids: readonly string[]): Promise<(PositionRow & { asset_id: string })[]> {
  return rows(
    db,
    `select o.asset_id, p.id, p.org_unit_id, p.key, p.title, p.name, p.kind
       from information_asset_owner o join position p on p.id = o.position_id
      where o.asset_id = any($1::uuid[]) order by o.sort_order`,
    [ids],
  );
}

export async function systemIdsByAssetIds(db: Db, ids: readonly string[]): Promise<{ system_id: string; asset_id: string }[]> {
  return rows(
    db,
    `select ais.system_id, ais.asset_id from information_asset_system ais join system s on s.id = ais.system_id
      where ais.asset_id = any($1::uuid[]) order by s.name, s.id`,
    [ids],
  );
}

export async function ownerPositionIdsByAssetIds(db: Db, ids: readonly string[]): Promise<{ asset_id: string; position_id: string }[]> {
  return rows(db, `select asset_id, position_id from information_asset_owner where asset_id = any($1::uuid[]) order by sort_order`, [ids]);
}

const ASSET_COLUMNS = 'a.id, a.key, a.name, a.business, a.confidentiality, a.integrity, a.availability, a.rule_ids, a.version, a.created_at, a.updated_at';

export async function assetsByIds(db: Db, ids: readonly string[]): Promise<AssetRow[]> {
  return rows<AssetRow>(db, `select ${ASSET_COLUMNS} from information_asset a where a.id = any($1::uuid[])`, [ids]);
}

export async function listAssets(db: Db, first: number, after: { name: string; id: string } | null): Promise<{ rows: AssetRow[]; totalCount: number; hasNextPage: boolean }> {
  const params: unknown[] = [];
  let keyset = 'true';
  if (after) {
    params.push(after.name, after.id);
    keyset = '(name, id) > ($1, $2::uuid)';
  }
  params.push(first + 1);
  const page = await rows<AssetRow>(
    db,
    `select id, key, name, business, confidentiality, integrity, availability, rule_ids, version, created_at, updated_at
       from information_asset where ${keyset} order by name, id limit $${params.length}`,
    params,
  );
  const total = await one<{ n: number }>(db, 'select count(*)::int as n from information_asset');
  return { rows: page.slice(0, first), totalCount: total?.n ?? 0, hasNextPage: page.length > first };
}

// ---- writes ---------------------------------------------------------------------------------

export interface SystemPatch {
  name?: string;
  business_content?: string;
  managing_org_unit_id?: string;
  management_type?: string;
  lifecycle_status?: string;
}

export async function insertSystem(db: Db, municipalityId: string, s: Required<SystemPatch> & { rulebook_id: string | null }): Promise<SystemRow> {
  const row = await one<SystemRow>(
    db,
    `insert into system (id, municipality_id, name, business_content, managing_org_unit_id, management_type, lifecycle_status, rulebook_id, version, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 1, $8, $8)
     returning ${SYSTEM_COLUMNS.replaceAll('s.', '')}`,
    [municipalityId, s.name, s.business_content, s.managing_org_unit_id, s.management_type, s.lifecycle_status, s.rulebook_id, nowOf(db)],
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/**
 * Optimistic concurrency: the update applies only if the row is still at `version`.
 * Returns the new row, or `undefined` when the version is stale (or the row is gone).
 */
export async function updateSystemIfVersion(db: Db, id: string, version: number, patch: SystemPatch): Promise<SystemRow | undefined> {
  const params: unknown[] = [id, version];
  const sets = [...setClauses(patch, params), 'version = version + 1', `updated_at = $${params.push(nowOf(db))}`];
  return one<SystemRow>(
    db,
    `update system set ${sets.join(', ')} where id = $1 and version = $2 returning ${SYSTEM_COLUMNS.replaceAll('s.', '')}`,
    params,
  );
}

export async function replaceUsingOrgUnits(db: Db, municipalityId: string, systemId: string, orgUnitIds: string[]): Promise<void> {
  await exec(db, 'delete from system_using_org_unit where system_id = $1', [systemId]);
  if (orgUnitIds.length) {
    await exec(db, 
      `insert into system_using_org_unit (system_id, org_unit_id, municipality_id, sort_order)
       select $1, u.id, $2, u.ord - 1 from unnest($3::uuid[]) with ordinality as u(id, ord)`,
      [systemId, municipalityId, orgUnitIds],
    );
  }
}

export async function updateAssetIfVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<AssetRow, 'confidentiality' | 'integrity' | 'availability'>>,
): Promise<AssetRow | undefined> {
  const params: unknown[] = [id, version];
  const sets = [...setClauses(patch, params), 'version = version + 1', `updated_at = $${params.push(nowOf(db))}`];
  return one<AssetRow>(
    db,
    `update information_asset set ${sets.join(', ')} where id = $1 and version = $2
     returning id, key, name, business, confidentiality, integrity, availability, rule_ids, version, created_at, updated_at`,
    params,
  );
}

export async function replaceOwners(db: Db, municipalityId: string, assetId: string, positionIds: string[]): Promise<void> {
  await exec(db, 'delete from information_asset_owner where asset_id = $1', [assetId]);
  await exec(db, 
    `insert into information_asset_owner (asset_id, position_id, municipality_id, sort_order)
     select $1, u.id, $2, u.ord - 1 from unnest($3::uuid[]) with ordinality as u(id, ord)`,
    [assetId, municipalityId, positionIds],
  );
}
