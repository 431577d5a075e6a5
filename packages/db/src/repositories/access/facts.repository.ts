// Facts for authorization decisions, loaded in a handful of statements per request: who holds which
// position over which period, the roles bound to positions, deputations, what a decision on an
// asset's protected fields reads, and the facts of an access decision on a system in one statement.
import { expressionBuilder, sql, type InferResult } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../entities/kysely.types.ts';
import { anyOf, prepared, run, tables, type Db, type Stored } from '../sql.ts';
import { WINDOW_COLUMNS, type MaintenanceWindowRow } from '../maintenance.repository.ts';
import { ACCOUNT_COLUMNS, type AccountRow } from './accounts.repository.ts';

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

/** The deputations acting for whoever holds a position (its deputies, whatever the day). */
export async function deputationsForPrincipal(db: Db, positionId: string): Promise<DeputationRow[]> {
  return run(db, deputations().where('principal_position_id', '=', positionId));
}
