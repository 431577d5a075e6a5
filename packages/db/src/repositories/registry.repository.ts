import { sql, type AliasableExpression, type Expression, type InferResult, type SqlBool } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/postgres';
import { anyOf, first, likePattern, nowOf, prepared, qualified, run, tables, type Db, type ScopeOf, type Stored } from './sql.ts';

/** `coalesce((select json_agg(…) …), '[]')`: a level below a row as a JSON array, empty when there is none. */
const EMPTY_JSON_ARRAY = sql<[]>`'[]'`;

// ---- org units and positions ------------------------------------------------------------------

const ORG_UNIT_COLUMNS = qualified('ou', ['id', 'parent_id', 'key', 'name', 'name_en', 'level', 'sort_order']);

const orgUnits = () => tables.selectFrom('org_unit as ou').select(ORG_UNIT_COLUMNS);

/** An org unit (局・部, 課・室・センター, 係) as the repositories read it, typed from the entity. */
export type OrgUnitRow = Stored<InferResult<ReturnType<typeof orgUnits>>[number]>;

const POSITION_COLUMNS = qualified('p', ['id', 'org_unit_id', 'key', 'title', 'name', 'kind']);

const positions = () => tables.selectFrom('position as p').select(POSITION_COLUMNS);

/** A position (課長, 係長 …) as the repositories read it. */
export type PositionRow = Stored<InferResult<ReturnType<typeof positions>>[number]>;

export async function orgUnitsByIds(db: Db, ids: readonly string[]): Promise<OrgUnitRow[]> {
  return run(db, orgUnits().where('ou.id', '=', anyOf(ids, 'uuid')));
}

export async function listOrgUnits(db: Db): Promise<OrgUnitRow[]> {
  return run(db, orgUnits().orderBy('ou.sort_order').orderBy('ou.name'));
}

export async function listPositions(db: Db): Promise<PositionRow[]> {
  return run(db, positions().orderBy('p.sort_order').orderBy('p.name'));
}

export async function positionsByIds(db: Db, ids: readonly string[]): Promise<PositionRow[]> {
  return run(db, positions().where('p.id', '=', anyOf(ids, 'uuid')));
}

// ---- systems ------------------------------------------------------------------------------------

const SYSTEM_COLUMN_NAMES = [
  'id',
  'municipality_id',
  'key',
  'name',
  'business_content',
  'managing_org_unit_id',
  'management_type',
  'lifecycle_status',
  'rulebook_id',
  'contractor_id',
  'version',
  'created_at',
  'updated_at',
] as const;
const SYSTEM_COLUMNS = qualified('s', SYSTEM_COLUMN_NAMES);

const systems = () => tables.selectFrom('system as s').select(SYSTEM_COLUMNS);

/** A system (電子情報システム) as the repositories read it, typed from the entity. */
export type SystemRow = Stored<InferResult<ReturnType<typeof systems>>[number]>;

/** The managing org unit's columns beside the system's own (`ou_…`). */
const MANAGING_UNIT_COLUMNS = [
  'ou.parent_id as ou_parent_id',
  'ou.key as ou_key',
  'ou.name as ou_name',
  'ou.name_en as ou_name_en',
  'ou.level as ou_level',
  'ou.sort_order as ou_sort_order',
] as const;

const systemsWithUnit = () =>
  tables
    .selectFrom('system as s')
    .innerJoin('org_unit as ou', 'ou.id', 's.managing_org_unit_id')
    .select([...SYSTEM_COLUMNS, ...MANAGING_UNIT_COLUMNS]);

/** A system and, in the same row, its managing org unit (`ou_…`): one statement for both levels. */
export type SystemWithUnitRow = Stored<InferResult<ReturnType<typeof systemsWithUnit>>[number]>;

export function managingOrgUnitOf(r: SystemWithUnitRow): OrgUnitRow {
  return {
    id: r.managing_org_unit_id,
    parent_id: r.ou_parent_id,
    key: r.ou_key,
    name: r.ou_name,
    name_en: r.ou_name_en,
    level: r.ou_level,
    sort_order: r.ou_sort_order,
  };
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

type SystemFilter = Omit<SystemListQuery, 'sort' | 'first' | 'after'>;

/** The filter of a list of systems, on `system as s` (all of it parameters: one statement text per combination). */
function systemWhere(q: SystemFilter) {
  return (eb: ScopeOf<ReturnType<typeof systems>>): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [];
    if (q.text?.trim()) {
      const pattern = likePattern(q.text.trim());
      where.push(
        eb.or([
          eb(sql<string>`lower(normalize(${eb.ref('s.name')}, NFKC))`, 'like', pattern),
          eb(sql<string>`lower(normalize(${eb.ref('s.business_content')}, NFKC))`, 'like', pattern),
        ]),
      );
    }
    if (q.managingOrgUnitId) where.push(eb('s.managing_org_unit_id', '=', q.managingOrgUnitId));
    if (q.lifecycleStatus?.length) where.push(eb('s.lifecycle_status', '=', anyOf(q.lifecycleStatus, 'text')));
    return eb.and(where);
  };
}

/** Levels below a system a query asks for, loaded as JSON columns of the system's row. */
export interface NestedLevels {
  usingUnits?: boolean;
  assets?: boolean;
  /** With `assets`: each asset's owner positions. */
  owners?: boolean;
}

/**
 * Systems with their managing unit and, as JSON columns, the levels below them a query asks for
 * (using units, assets, the assets' owners): one statement whatever is asked.
 */
const systemsWithLevels = (nested: NestedLevels) =>
  systemsWithUnit()
    .$if(Boolean(nested.usingUnits), (q) =>
      q.select((eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom('system_using_org_unit as suo')
              .innerJoin('org_unit as u', 'u.id', 'suo.org_unit_id')
              .select((e) =>
                e.fn
                  .jsonAgg(
                    jsonBuildObject({
                      id: e.ref('u.id'),
                      parent_id: e.ref('u.parent_id'),
                      key: e.ref('u.key'),
                      name: e.ref('u.name'),
                      name_en: e.ref('u.name_en'),
                      level: e.ref('u.level'),
                      sort_order: e.ref('u.sort_order'),
                    }),
                  )
                  .orderBy('suo.sort_order')
                  .as('agg'),
              )
              .whereRef('suo.system_id', '=', 's.id'),
            EMPTY_JSON_ARRAY,
          )
          .as('using_units'),
      ),
    )
    .$if(Boolean(nested.assets), (q) =>
      q.select((eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom(
                eb
                  .selectFrom('information_asset_system as ais')
                  .innerJoin('information_asset as a', 'a.id', 'ais.asset_id')
                  .select(ASSET_COLUMNS)
                  .$if(Boolean(nested.owners), (x) => x.select((e) => ownersJson(e).as('owners')))
                  .whereRef('ais.system_id', '=', 's.id')
                  .as('x'),
              )
              .select((e) => e.fn.jsonAgg('x').orderBy('x.name').orderBy('x.id').as('agg')),
            EMPTY_JSON_ARRAY,
          )
          .as('assets'),
      ),
    );

/** A system with the levels below it a query asked for (absent when not asked). */
export type SystemWithLevelsRow = Stored<InferResult<ReturnType<typeof systemsWithLevels>>[number]>;

export type NestedSystemLevels = Pick<SystemWithLevelsRow, 'using_units' | 'assets'>;

/** A system's asset as a nested row, its owner positions with it when asked. */
export type NestedAssetRow = NonNullable<NestedSystemLevels['assets']>[number];

/**
 * Keyset-paginated list, with each system's managing org unit and the total matching the filter —
 * one statement (the total in a CTE; a page past the end still returns it).
 */
export async function listSystems(
  db: Db,
  q: SystemListQuery,
  nested: NestedLevels = {},
): Promise<{ rows: (SystemWithLevelsRow & { sort_value: string })[]; totalCount: number; hasNextPage: boolean }> {
  const filter = systemWhere(q);
  const dir = q.sort.direction === 'desc' ? 'desc' : 'asc';
  const after = q.after;
  const page = systemsWithLevels(nested)
    .select((eb) => sortExpression(eb, q.sort.field).as('sort_value'))
    .where(filter)
    .$if(Boolean(after), (p) =>
      p.where((eb) =>
        eb(eb.refTuple(sortExpression(eb, q.sort.field), 's.id'), dir === 'asc' ? '>' : '<', eb.tuple(after!.value, sql<string>`${after!.id}::uuid`)),
      ),
    )
    .orderBy((eb) => sortExpression(eb, q.sort.field), dir)
    .orderBy('s.id', dir)
    .limit(q.first + 1);
  const result = await run(
    db,
    tables
      .with('total', (w) =>
        w
          .selectFrom('system as s')
          .select(sql<number>`count(*)::int`.as('n'))
          .where(filter),
      )
      .selectFrom('total')
      .leftJoinLateral(page.as('page'), (join) => join.onTrue())
      .select('total.n as total_count')
      .selectAll('page'),
  );
  // Past the end, the one row is the total's, with the page's columns null.
  const rows = result.filter((r): r is typeof r & Stored<InferResult<typeof page>[number]> => r.id !== null);
  return { rows: rows.slice(0, q.first), totalCount: result[0]?.total_count ?? 0, hasNextPage: rows.length > q.first };
}

function sortExpression(eb: ScopeOf<ReturnType<typeof systemsWithUnit>>, field: SystemSortField): AliasableExpression<string> {
  switch (field) {
    case 'name':
      return eb.ref('s.name');
    case 'managing_org_unit':
      return eb.ref('ou.name');
    case 'updated_at':
      return sql<string>`to_char(${eb.ref('s.updated_at')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  }
}

export async function systemsByIds(db: Db, ids: readonly string[]): Promise<SystemWithUnitRow[]> {
  return run(db, systemsWithUnit().where('s.id', '=', anyOf(ids, 'uuid')));
}

/**
 * Systems with their managing unit and the levels below them a query asks for (using units, assets,
 * the assets' owners) — all in one statement.
 */
export async function systemsWithLevelsByIds(db: Db, ids: readonly string[], nested: NestedLevels): Promise<SystemWithLevelsRow[]> {
  const shape = { usingUnits: Boolean(nested.usingUnits), assets: Boolean(nested.assets), owners: Boolean(nested.owners) };
  return systemsWithLevelsByIdsStatement.run(db, { ids }, shape);
}

/** Built and compiled once per shape (which levels are asked): a system by id is among the hottest reads (sql.ts `prepared`). */
const systemsWithLevelsByIdsStatement = prepared((args: { ids: readonly string[] }, nested: NestedLevels) =>
  systemsWithLevels(nested).where('s.id', '=', anyOf(args.ids, 'uuid')),
);

export async function allSystems(db: Db, filter: SystemFilter): Promise<SystemRow[]> {
  return run(db, systems().where(systemWhere(filter)).orderBy('s.name').orderBy('s.id'));
}

export async function usingOrgUnitIdsBySystemIds(db: Db, ids: readonly string[]): Promise<{ system_id: string; org_unit_id: string }[]> {
  return run(
    db,
    tables.selectFrom('system_using_org_unit').select(['system_id', 'org_unit_id']).where('system_id', '=', anyOf(ids, 'uuid')).orderBy('sort_order'),
  );
}

/** The using org units of systems, the units' rows with them (one statement for both levels). */
export async function usingOrgUnitsBySystemIds(db: Db, ids: readonly string[]): Promise<(OrgUnitRow & { system_id: string })[]> {
  return run(
    db,
    tables
      .selectFrom('system_using_org_unit as suo')
      .innerJoin('org_unit as ou', 'ou.id', 'suo.org_unit_id')
      .select(['suo.system_id', ...ORG_UNIT_COLUMNS])
      .where('suo.system_id', '=', anyOf(ids, 'uuid'))
      .orderBy('suo.sort_order'),
  );
}

// ---- information assets -------------------------------------------------------------------------

const ASSET_COLUMN_NAMES = [
  'id',
  'key',
  'name',
  'business',
  'confidentiality',
  'integrity',
  'availability',
  'rule_ids',
  'version',
  'created_at',
  'updated_at',
] as const;
const ASSET_COLUMNS = qualified('a', ASSET_COLUMN_NAMES);

const assets = () => tables.selectFrom('information_asset as a').select(ASSET_COLUMNS);

/** An information asset (情報資産) as the repositories read it, typed from the entity. */
export type AssetRow = Stored<InferResult<ReturnType<typeof assets>>[number]>;

/** An asset's owner positions (information_asset_owner, in their order) as a JSON array, beside `information_asset as a`. */
function ownersJson(eb: ScopeOf<ReturnType<typeof assets>>) {
  return eb.fn.coalesce(
    eb
      .selectFrom('information_asset_owner as o')
      .innerJoin('position as p', 'p.id', 'o.position_id')
      .select((e) =>
        e.fn
          .jsonAgg(
            jsonBuildObject({
              id: e.ref('p.id'),
              org_unit_id: e.ref('p.org_unit_id'),
              key: e.ref('p.key'),
              title: e.ref('p.title'),
              name: e.ref('p.name'),
              kind: e.ref('p.kind'),
            }),
          )
          .orderBy('o.sort_order')
          .as('agg'),
      )
      .whereRef('o.asset_id', '=', 'a.id'),
    EMPTY_JSON_ARRAY,
  );
}

const assetsOfSystems = (ids: readonly string[]) =>
  tables
    .selectFrom('information_asset_system as ais')
    .innerJoin('information_asset as a', 'a.id', 'ais.asset_id')
    .select(['ais.system_id', ...ASSET_COLUMNS])
    .where('ais.system_id', '=', anyOf(ids, 'uuid'))
    .orderBy('a.name')
    .orderBy('a.id');

/** The information assets of systems, the assets' rows with them (one statement for both levels). */
export async function assetsBySystemIds(db: Db, ids: readonly string[]): Promise<(AssetRow & { system_id: string })[]> {
  return run(db, assetsOfSystems(ids));
}

/** The information assets of systems with their owner positions: three levels in one statement. */
export async function assetsWithOwnersBySystemIds(db: Db, ids: readonly string[]): Promise<(AssetRow & { system_id: string; owners: PositionRow[] })[]> {
  return run(
    db,
    assetsOfSystems(ids).select((eb) => ownersJson(eb).as('owners')),
  );
}

/** The owner positions of assets, the positions' rows with them (one statement for both levels). */
export async function ownerPositionsByAssetIds(db: Db, ids: readonly string[]): Promise<(PositionRow & { asset_id: string })[]> {
  return run(
    db,
    tables
      .selectFrom('information_asset_owner as o')
      .innerJoin('position as p', 'p.id', 'o.position_id')
      .select(['o.asset_id', ...POSITION_COLUMNS])
      .where('o.asset_id', '=', anyOf(ids, 'uuid'))
      .orderBy('o.sort_order'),
  );
}

export async function systemIdsByAssetIds(db: Db, ids: readonly string[]): Promise<{ system_id: string; asset_id: string }[]> {
  return run(
    db,
    tables
      .selectFrom('information_asset_system as ais')
      .innerJoin('system as s', 's.id', 'ais.system_id')
      .select(['ais.system_id', 'ais.asset_id'])
      .where('ais.asset_id', '=', anyOf(ids, 'uuid'))
      .orderBy('s.name')
      .orderBy('s.id'),
  );
}

export async function ownerPositionIdsByAssetIds(db: Db, ids: readonly string[]): Promise<{ asset_id: string; position_id: string }[]> {
  return run(
    db,
    tables.selectFrom('information_asset_owner').select(['asset_id', 'position_id']).where('asset_id', '=', anyOf(ids, 'uuid')).orderBy('sort_order'),
  );
}

export async function assetsByIds(db: Db, ids: readonly string[]): Promise<AssetRow[]> {
  return run(db, assets().where('a.id', '=', anyOf(ids, 'uuid')));
}

export async function listAssets(
  db: Db,
  limit: number,
  after: { name: string; id: string } | null,
): Promise<{ rows: AssetRow[]; totalCount: number; hasNextPage: boolean }> {
  const page = await run(
    db,
    assets()
      .$if(Boolean(after), (q) => q.where((eb) => eb(eb.refTuple('a.name', 'a.id'), '>', eb.tuple(after!.name, sql<string>`${after!.id}::uuid`))))
      .orderBy('a.name')
      .orderBy('a.id')
      .limit(limit + 1),
  );
  const total = await first(db, tables.selectFrom('information_asset').select(sql<number>`count(*)::int`.as('n')));
  return { rows: page.slice(0, limit), totalCount: total?.n ?? 0, hasNextPage: page.length > limit };
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
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .insertInto('system')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: municipalityId,
        name: s.name,
        business_content: s.business_content,
        managing_org_unit_id: s.managing_org_unit_id,
        management_type: s.management_type,
        lifecycle_status: s.lifecycle_status,
        rulebook_id: s.rulebook_id,
        version: 1,
        created_at: now,
        updated_at: now,
      }))
      .returning(SYSTEM_COLUMN_NAMES),
  );
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/**
 * Optimistic concurrency: the update applies only if the row is still at `version`.
 * Returns the new row, or `undefined` when the version is stale (or the row is gone).
 */
export async function updateSystemIfVersion(db: Db, id: string, version: number, patch: SystemPatch): Promise<SystemRow | undefined> {
  return first(
    db,
    tables
      .updateTable('system as s')
      .set({ ...patch, version: (eb) => eb(eb.ref('s.version'), '+', 1), updated_at: nowOf(db) })
      .where('s.id', '=', id)
      .where('s.version', '=', version)
      .returning(SYSTEM_COLUMNS),
  );
}

export async function replaceUsingOrgUnits(db: Db, municipalityId: string, systemId: string, orgUnitIds: string[]): Promise<void> {
  await run(db, tables.deleteFrom('system_using_org_unit').where('system_id', '=', systemId));
  if (orgUnitIds.length) {
    await run(
      db,
      tables
        .insertInto('system_using_org_unit')
        .columns(['system_id', 'org_unit_id', 'municipality_id', 'sort_order'])
        .expression((eb) =>
          eb
            .selectFrom(inOrder(orgUnitIds))
            .select((e) => [
              e.val(systemId).as('system_id'),
              'u.id',
              e.val(municipalityId).as('municipality_id'),
              e(e.ref('u.ord'), '-', e.lit(1)).as('sort_order'),
            ]),
        ),
    );
  }
}

/** `unnest($n::uuid[]) with ordinality as u(id, ord)`: ids with their position in the list (from 1), one array parameter. */
function inOrder(ids: readonly string[]) {
  return sql<{ id: string; ord: number }>`unnest(${ids}::uuid[]) with ordinality`.as<'u'>(sql`u(id, ord)`);
}

export async function updateAssetIfVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<AssetRow, 'confidentiality' | 'integrity' | 'availability'>>,
): Promise<AssetRow | undefined> {
  return first(
    db,
    tables
      .updateTable('information_asset as a')
      .set({ ...patch, version: (eb) => eb(eb.ref('a.version'), '+', 1), updated_at: nowOf(db) })
      .where('a.id', '=', id)
      .where('a.version', '=', version)
      .returning(ASSET_COLUMNS),
  );
}

export async function replaceOwners(db: Db, municipalityId: string, assetId: string, positionIds: string[]): Promise<void> {
  await run(db, tables.deleteFrom('information_asset_owner').where('asset_id', '=', assetId));
  await run(
    db,
    tables
      .insertInto('information_asset_owner')
      .columns(['asset_id', 'position_id', 'municipality_id', 'sort_order'])
      .expression((eb) =>
        eb
          .selectFrom(inOrder(positionIds))
          .select((e) => [
            e.val(assetId).as('asset_id'),
            'u.id',
            e.val(municipalityId).as('municipality_id'),
            e(e.ref('u.ord'), '-', e.lit(1)).as('sort_order'),
          ]),
      ),
  );
}
