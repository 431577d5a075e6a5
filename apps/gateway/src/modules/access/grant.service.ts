import { accessRepo, auditRepo, toDate, toDateOrNull, type Db } from '@tsukasa/db';
import {
  ACCESS_MESSAGES,
  assetNotFound,
  duplicateGrantMessage,
  fieldErrorOf,
  grantApprovalNotice,
  grantApprovalRefusal,
  grantChangeRefusal,
  grantInputErrors,
  grantOwnersOnly,
  granteePositionNotHeld,
  grantRequestRefusal,
  grantStatus,
  holdersAt,
  malformedIdErrors,
  positionsAt,
  staffNotFound,
  type FieldError,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, conflictWith, forbiddenWith, notFound, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts, toTenure } from '../authz/index.ts';
import { Grant, GrantApproval, GrantEvent, GrantEventKindEnum, GrantStateEnum } from './access.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

const duplicateGrant = (existingGrantId: string) => conflictWith(duplicateGrantMessage(existingGrantId), { existingGrantId, ruleIds: ['KWW-5-2'] });

const isoOf = (d: Date | string) => toDate(d).toISOString();

/**
 * The grants as the API shows them at `at`: each one's state, since when and by whom, its approvals
 * and its history (packages/domain authz/grant-status.ts). Approvals, changes and the grantees'
 * tenures (for a grant tied to a duty) are read for all of them at once.
 */
export async function toGrants(ctx: Context, db: Db, rows: readonly accessRepo.GrantRow[], at: Date): Promise<Grant[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((g) => g.id);
  const [approvals, changes, tenures] = await Promise.all([
    accessRepo.approvalsOfGrants(db, ids),
    accessRepo.changesOfGrants(db, ids),
    Promise.all(rows.map((g) => (g.position_id ? ctx.loaders.tenuresOfStaff.load(g.grantee_id) : Promise.resolve([])))),
  ]);
  return rows.map((g, i) => {
    const mine = approvals.filter((a) => a.grant_id === g.id);
    const status = grantStatus(
      {
        granteeStaffId: g.grantee_id,
        positionId: g.position_id,
        requestedAt: isoOf(g.created_at),
        requestedByStaffId: g.requested_by_id,
        validFrom: isoOf(g.valid_from),
        validTo: g.valid_to && isoOf(g.valid_to),
        suspendedAt: g.suspended_at && isoOf(g.suspended_at),
        revokedAt: g.revoked_at && isoOf(g.revoked_at),
        ownerPositionIds: g.owner_position_ids,
        approvals: mine.map((a) => ({
          ownerPositionId: a.owner_position_id,
          at: isoOf(a.approved_at),
          byStaffId: a.approved_by_id,
          onBehalfOfStaffId: a.on_behalf_of_id,
        })),
        changes: changes
          .filter((c) => c.grant_id === g.id)
          .map((c) => ({ change: c.change, at: isoOf(c.changed_at), byStaffId: c.changed_by_id, onBehalfOfStaffId: c.on_behalf_of_id })),
      },
      at,
      { tenures: tenures[i]!.map(toTenure) },
    );
    return graphqlObject(Grant, {
      id: g.id,
      assetId: g.asset_id,
      granteeId: g.grantee_id,
      positionId: g.position_id,
      validFrom: toDate(g.valid_from),
      validTo: toDateOrNull(g.valid_to),
      suspendedAt: toDateOrNull(g.suspended_at),
      revokedAt: toDateOrNull(g.revoked_at),
      fields: g.fields,
      purpose: g.purpose,
      requestedAt: toDate(g.created_at),
      requestedById: g.requested_by_id,
      ownerPositionIds: g.owner_position_ids,
      approvedPositionIds: g.approved_position_ids,
      approvals: mine.map((a) =>
        graphqlObject(GrantApproval, {
          ownerPositionId: a.owner_position_id,
          approvedAt: toDate(a.approved_at),
          approvedById: a.approved_by_id,
          onBehalfOfId: a.on_behalf_of_id,
        }),
      ),
      state: status.state as GrantStateEnum,
      stateChangedAt: new Date(status.since),
      stateChangedById: status.byStaffId,
      stateChangedOnBehalfOfId: status.onBehalfOfStaffId,
      history: status.history.map((e) =>
        graphqlObject(GrantEvent, {
          kind: e.kind as GrantEventKindEnum,
          at: new Date(e.at),
          ownerPositionId: e.ownerPositionId,
          byId: e.byStaffId,
          onBehalfOfId: e.onBehalfOfStaffId,
        }),
      ),
    });
  });
}

export async function toGrantAt(ctx: Context, row: accessRepo.GrantRow): Promise<Grant> {
  return (await toGrants(ctx, await ctx.db.em(), [row], ctx.now()))[0]!;
}

/** Owner positions of the asset the viewer holds now, directly or as a deputy (and for whom). */
async function ownedPositions(ctx: Context, db: Db, ownerPositionIds: string[]) {
  const v = ctx.viewer!;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const held = positionsAt(v.staffId, ctx.now(), facts.viewer.tenures);
  const out: { positionId: string; onBehalfOf: string | null }[] = [];
  for (const p of ownerPositionIds) {
    if (held.includes(p)) out.push({ positionId: p, onBehalfOf: null });
    else {
      const deputy = facts.viewer.roles.find((r) => r.via === 'deputy' && r.positionId === p);
      if (deputy) out.push({ positionId: p, onBehalfOf: deputy.onBehalfOfStaffId });
    }
  }
  return out;
}

export async function viewerCanApprove(ctx: Context, g: Grant): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff' || g.granteeId === v.staffId || (g.state !== GrantStateEnum.PENDING_APPROVAL && g.state !== GrantStateEnum.PARTLY_APPROVED))
    return false;
  const db = await ctx.db.em();
  const row = await accessRepo.grantById(db, g.id);
  if (!row || row.requested_by_id === v.staffId) return false;
  const owned = await ownedPositions(ctx, db, row.owner_position_ids);
  return owned.some((o) => !row.approved_position_ids.includes(o.positionId));
}

export async function requestGrant(
  ctx: Context,
  input: { assetId: string; granteeId: string; positionId?: string | null; validFrom: Date; validTo?: Date | null; fields?: string[] | null; purpose: string },
) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(ACCESS_MESSAGES.grantsByStaff);
  const db = await ctx.db.em();
  const ids = [
    ['assetId', input.assetId],
    ['granteeId', input.granteeId],
    ['positionId', input.positionId],
  ] as const;
  const errors: FieldError[] = [...malformedIdErrors(ids.filter(([, id]) => id != null && !isUuid(id)).map(([key]) => key)), ...grantInputErrors(input)];
  if (errors.length) throw badInput(errors);
  const [asset] = await accessRepo.assetFactsByIds(db, [input.assetId]);
  const [grantee] = await accessRepo.staffByIds(db, [input.granteeId]);
  if (!asset) errors.push(assetNotFound(['input', 'assetId']));
  if (!grantee) errors.push(staffNotFound(['input', 'granteeId']));
  if (grantee && input.positionId) {
    const tenures = (await accessRepo.tenuresOfStaff(db, [input.granteeId])).map(toTenure);
    if (!positionsAt(input.granteeId, input.validFrom, tenures).includes(input.positionId)) {
      errors.push(granteePositionNotHeld());
    }
  }
  if (errors.length) throw badInput(errors);
  // A person asks for themselves; an owner or a registry administrator may ask for someone else.
  const forSomeoneElse = input.granteeId !== v.staffId && !v.registryAdmin;
  const ownsAsset = forSomeoneElse && (await ownedPositions(ctx, db, asset!.owner_position_ids)).length > 0;
  throwRefusal(grantRequestRefusal({ granteeId: input.granteeId, staffId: v.staffId, registryAdmin: v.registryAdmin, ownsAsset }));
  // One pending request per access: an identical one is refused, naming the request already waiting
  // (concurrent ones take turns on the lock, so exactly one is filed).
  await accessRepo.lockGrantRequests(db, input.assetId, input.granteeId);
  const existing = await accessRepo.pendingIdenticalGrant(db, {
    assetId: input.assetId,
    granteeId: input.granteeId,
    positionId: input.positionId ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    fields: input.fields ?? null,
    at: ctx.now(),
  });
  if (existing) throw duplicateGrant(existing);
  const id = await accessRepo.insertGrant(db, {
    municipalityId: v.municipalityId,
    assetId: input.assetId,
    granteeId: input.granteeId,
    positionId: input.positionId ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    fields: input.fields ?? null,
    purpose: input.purpose.trim(),
    requestedBy: v.staffId,
  });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: 'grant.request',
      targetType: 'access_grant',
      targetId: id,
      after: { assetId: input.assetId, granteeId: input.granteeId, fields: input.fields ?? null, purpose: input.purpose },
      ruleIds: ['KWW-5-2'],
      requestId: ctx.requestId,
    },
  ]);
  // Every owner is told: the grant needs each of them (KWW-5-2).
  const tenures = (await accessRepo.tenuresOfPositions(db, asset!.owner_position_ids)).map(toTenure);
  const owners = [...new Set(asset!.owner_position_ids.flatMap((p) => holdersAt(p, ctx.now(), tenures)))];
  await accessRepo.insertNotifications(
    db,
    v.municipalityId,
    owners.map((o) => ({
      recipientId: o,
      kind: 'grant.approval_needed',
      ...grantApprovalNotice(`${grantee!.family_name} ${grantee!.given_name}`, input.purpose),
      targetType: 'access_grant',
      targetId: id,
      ruleIds: ['KWW-5-2'],
    })),
  );
  return (await accessRepo.grantById(db, id))!;
}

async function grantForOwner(ctx: Context, db: Db, id: string) {
  if (!isUuid(id)) throw badInput([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.grantIdMalformed)]);
  const grant = await accessRepo.grantById(db, id);
  if (!grant || grant.revoked_at) throw notFound('Grant', ['id']);
  const owned = await ownedPositions(ctx, db, grant.owner_position_ids);
  if (owned.length === 0) throw refusalError(grantOwnersOnly());
  return { grant, owned };
}

/** An owner approves; with several owners the grant is active once every one has (KWW-5-2). */
export async function approveGrant(ctx: Context, id: string) {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const { grant, owned } = await grantForOwner(ctx, db, id);
  // An approver is never the requester or the beneficiary: what one person asked for is checked by
  // someone else (KWO-8-1-2 ア: an update is checked by someone other than whoever made it).
  throwRefusal(grantApprovalRefusal({ granteeId: grant.grantee_id, requestedById: grant.requested_by_id }, v.staffId));
  for (const o of owned) {
    if (await accessRepo.approveGrant(db, v.municipalityId, id, o.positionId, v.staffId, o.onBehalfOf)) {
      await auditRepo.appendAuditEvents(db, v.municipalityId, [
        {
          actorStaffId: v.staffId,
          onBehalfOfStaffId: o.onBehalfOf,
          action: 'grant.approve',
          targetType: 'access_grant',
          targetId: id,
          after: { ownerPositionId: o.positionId },
          ruleIds: ['KWW-5-2'],
          requestId: ctx.requestId,
        },
      ]);
    }
  }
  return (await accessRepo.grantById(db, id))!;
}

export async function setGrantState(ctx: Context, id: string, change: 'suspend' | 'reinstate' | 'revoke') {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const { grant, owned } = await grantForOwner(ctx, db, id);
  // Each change from the states it belongs to (suspend what is in force, reinstate what is suspended …).
  const current = (await toGrants(ctx, db, [grant], ctx.now()))[0]!;
  const refusal = grantChangeRefusal(current.state, change);
  if (refusal) throw new AppError('CONFLICT', refusal.en, { messageJa: refusal.ja, state: current.state, ruleIds: ['KWW-5-2'] });
  const now = ctx.now();
  const onBehalfOf = owned[0]!.onBehalfOf;
  await accessRepo.setGrantState(db, id, change === 'revoke' ? { revoked_at: now } : { suspended_at: change === 'suspend' ? now : null });
  await accessRepo.insertGrantChange(db, {
    municipalityId: v.municipalityId,
    grantId: id,
    change: ({ suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked' } as const)[change],
    at: now,
    by: v.staffId,
    onBehalfOf,
  });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: onBehalfOf,
      action: `grant.${change}`,
      targetType: 'access_grant',
      targetId: id,
      before: { state: current.state, suspendedAt: toDateOrNull(grant.suspended_at) },
      ruleIds: ['KWW-5-2'],
      requestId: ctx.requestId,
    },
  ]);
  return (await accessRepo.grantById(db, id))!;
}
