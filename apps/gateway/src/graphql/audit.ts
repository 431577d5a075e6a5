import { auditRepo, type Db } from '@tsukasa/db';
import type { RuleId } from '@tsukasa/domain';
import type { Context } from './context.ts';

/**
 * The audit event of a change the viewer makes to one kind of target, written in the request's
 * transaction with the request's id: `const audit = auditFor('incident')`, then
 * `audit(ctx, db, action, targetId, onBehalfOf, after, ruleIds, before?)`.
 */
export const auditFor =
  (targetType: string) =>
  (
    ctx: Context,
    db: Db,
    action: string,
    targetId: string,
    onBehalfOf: string | null,
    after: Record<string, unknown>,
    ruleIds: RuleId[],
    before?: Record<string, unknown>,
  ) =>
    auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [
      { actorStaffId: ctx.viewer!.staffId, onBehalfOfStaffId: onBehalfOf, action, targetType, targetId, before, after, ruleIds, requestId: ctx.requestId },
    ]);
