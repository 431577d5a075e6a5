// Access grants to information assets: who may see an asset's protected fields, the owners'
// approvals, and who suspended, reinstated or revoked a grant.
import { expressionBuilder, sql, type InferResult } from 'kysely';
import type { Database } from '../../entities/kysely.types.ts';
import { anyOf, first, nowOf, run, tables, type Db, type Stored } from '../sql.ts';

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

// ---- writes ---------------------------------------------------------------------------------

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
