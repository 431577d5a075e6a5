// A request's steps once filed: who may take an open step, its decision (by a step actor; a
// committee's step only by the committee at its meeting, never by one person), and the route moved
// on after it — the next stage opened and its actors told, inform steps completed, and on the final
// outcome the request finished with its effect.
import { accessRepo, auditRepo, requestRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  actorIsRequesterSide,
  committeeDecidesRefusal,
  decisionCommentError,
  fieldErrorOf,
  finalOutcome,
  findRequestKind,
  kindRuleIds,
  localDateAt,
  mayDecide,
  nextStages,
  notAStepActor,
  positionsAt,
  REQUEST_MESSAGES,
  requestOutcomeNotice,
  stepAlreadyDecided,
  stepDecisionChoiceError,
  stepDecisionRefusal,
  stepIdOf,
  stepOpenedNotice,
  type ComputedStep,
  type StepDecision as DomainDecision,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, committeeDecides, forbiddenWith, notFound, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { resolveActors, type ActorContext } from './actors.ts';
import { applyEffect } from './request-effects.ts';
import { buildRouteContextFor } from './route-context.ts';
import { committeeOfStep } from './step-committee.ts';

/** A stored step as the domain computed it; `requesterMayDecide` is recovered from its actor rule. */
function toComputed(s: requestRepo.StepRow): ComputedStep {
  const actor = s.actor as ComputedStep['actor'];
  return {
    key: s.key,
    kind: s.kind as ComputedStep['kind'],
    actor,
    label: { ja: s.label_ja, en: s.label_en },
    ruleIds: s.rule_ids,
    stage: s.stage,
    ...(s.subject_id ? { subjectId: s.subject_id } : {}),
    ...(actorIsRequesterSide(actor) ? { requesterMayDecide: true } : {}),
  };
}

const outcomeOf = (decision: string): DomainDecision['outcome'] => (decision === 'rejected' ? 'rejected' : decision === 'returned' ? 'returned' : 'approved');

/**
 * Moves the route after a decision (or at filing): opens the next stage's steps with their actors
 * resolved now, completes inform steps as they open, and on the final outcome sets the request's
 * status — applying its effect in this same transaction when it is approved.
 */
export async function advance(ctx: Context, db: Db, requestId: string, actorContext: ActorContext): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const request = (await requestRepo.requestsByIds(db, [requestId]))[0]!;
    const steps = await requestRepo.stepsOfRequests(db, [requestId]);
    const computed = steps.map(toComputed);
    const decisions: DomainDecision[] = steps
      .filter((s) => s.status === 'done' && s.kind !== 'inform')
      .sort((a, b) => +toDate(a.decided_at!) - +toDate(b.decided_at!))
      .map((s) => ({ stepId: stepIdOf(toComputed(s)), outcome: outcomeOf(s.decision!) }));
    const outcome = finalOutcome(computed, decisions);
    if (outcome.outcome === 'rejected' || outcome.outcome === 'returned') return finish(ctx, db, request, outcome.outcome, steps);
    // On approval the route is complete: its trailing inform steps (the result notified to the
    // section head, KTM-10-3 …) are still opened and told before the request is finished.
    const state = nextStages(computed, decisions);
    let changed = false;
    const toNotify: { staffIds: string[]; positionIds: string[]; label: string }[] = [];
    for (const s of steps) {
      const id = stepIdOf(toComputed(s));
      const opening = state.open.some((o) => stepIdOf(o) === id) || state.informed.some((o) => stepIdOf(o) === id && o.stage <= (state.stage ?? Infinity));
      if (!opening || s.status !== 'waiting') continue;
      const actors = await resolveActors(db, toComputed(s).actor, s.subject_id, actorContext);
      await requestRepo.openStep(db, s.id, actors, ctx.now());
      changed = true;
      if (s.kind === 'inform') {
        await requestRepo.decideStepIfOpen(db, s.id, {
          decision: 'informed',
          decidedBy: null,
          onBehalfOf: null,
          comment: null,
          record: null,
          idempotencyKey: null,
        });
      }
      toNotify.push({ staffIds: actors.staffIds ?? [], positionIds: actors.positionIds ?? [], label: s.label_ja });
    }
    await notifyActors(ctx, db, request, toNotify);
    if (outcome.outcome === 'approved') return finish(ctx, db, request, 'approved', steps);
    if (!changed) return;
  }
}

async function notifyActors(
  ctx: Context,
  db: Db,
  request: requestRepo.RequestRow,
  items: { staffIds: string[]; positionIds: string[]; label: string }[],
): Promise<void> {
  const v = ctx.viewer!;
  for (const item of items) {
    const holders = item.positionIds.length
      ? await rows<{ staff_id: string; email: string }>(
          db,
          `select distinct t.staff_id, s.email from position_tenure t join staff s on s.id = t.staff_id
            where t.position_id = any($1::uuid[]) and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date)`,
          [item.positionIds, localDateAt(ctx.now())],
        )
      : [];
    const people = item.staffIds.length ? (await accessRepo.staffByIds(db, item.staffIds)).map((s) => ({ staff_id: s.id, email: s.email })) : [];
    const recipients = [...new Map([...holders, ...people].map((p) => [p.staff_id, p])).values()];
    const kind = findRequestKind(request.kind_key);
    const notice = stepOpenedNotice({ kindName: kind?.name.ja ?? request.kind_key, label: item.label, number: request.number });
    await accessRepo.insertNotifications(
      db,
      v.municipalityId,
      recipients.map((r) => ({
        recipientId: r.staff_id,
        kind: 'request.step',
        ...notice.notification,
        targetType: 'request',
        targetId: request.id,
        ruleIds: request.rule_ids,
      })),
    );
    await requestRepo.queueMail(
      db,
      v.municipalityId,
      recipients.map((r) => ({ recipientId: r.staff_id, to: r.email, ...notice.mail })),
    );
  }
}

async function finish(
  ctx: Context,
  db: Db,
  request: requestRepo.RequestRow,
  outcome: 'approved' | 'rejected' | 'returned',
  steps: requestRepo.StepRow[],
): Promise<void> {
  if (['approved', 'rejected', 'returned', 'withdrawn'].includes(request.status)) return;
  const v = ctx.viewer!;
  const kind = findRequestKind(request.kind_key)!;
  if (outcome === 'approved') await applyEffect(ctx, db, request, kind, steps);
  const updated = await requestRepo.setRequestStatus(db, request.id, outcome, { decided: outcome !== 'returned' });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: `request.${outcome}`,
      targetType: 'request',
      targetId: request.id,
      after: { status: updated.status, effect: outcome === 'approved' ? kind.effect : null },
      ruleIds: kindRuleIds(kind, [request.rulebook_id]),
      requestId: ctx.requestId,
    },
  ]);
  const [requester] = await accessRepo.staffByIds(db, [request.requester_id]);
  const notice = requestOutcomeNotice({ outcome, kindName: kind.name.ja, number: request.number });
  await accessRepo.insertNotifications(db, v.municipalityId, [
    {
      recipientId: request.requester_id,
      kind: `request.${outcome}`,
      ...notice.notification,
      targetType: 'request',
      targetId: request.id,
      ruleIds: kindRuleIds(kind, [request.rulebook_id]),
    },
  ]);
  if (requester) await requestRepo.queueMail(db, v.municipalityId, [{ recipientId: requester.id, to: requester.email, ...notice.mail }]);
}

/** Whether the viewer may act on an open step now: by holding (or deputising) one of its positions, or being named. */
async function actingAs(ctx: Context, db: Db, step: requestRepo.StepRow): Promise<{ onBehalfOf: string | null } | null> {
  const v = ctx.viewer!;
  if (step.actor_staff_ids?.includes(v.staffId)) return { onBehalfOf: null };
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const held = positionsAt(v.staffId, ctx.now(), facts.viewer.tenures);
  if (step.actor_position_ids?.some((p) => held.includes(p))) return { onBehalfOf: null };
  const deputy = facts.viewer.roles.find((r) => r.via === 'deputy' && step.actor_position_ids?.includes(r.positionId));
  return deputy ? { onBehalfOf: deputy.onBehalfOfStaffId } : null;
}

/**
 * Of the open steps the viewer holds, those they may take: not an approval of their own request
 * (unless the route puts it on the requester's side), not the confirmation of work they recorded
 * (KWO-8-1-2). The inbox lists only these.
 */
export async function decidableByViewer(ctx: Context, db: Db, steps: requestRepo.StepRow[]): Promise<requestRepo.StepRow[]> {
  const v = ctx.viewer!;
  if (steps.length === 0) return [];
  const ids = [...new Set(steps.map((s) => s.request_id))];
  const requests = new Map((await requestRepo.requestsByIds(db, ids)).map((r) => [r.id, r]));
  const all = steps.some((s) => s.kind === 'confirm') ? await requestRepo.stepsOfRequests(db, ids) : [];
  return steps.filter((s) => {
    const request = requests.get(s.request_id);
    if (!request) return false;
    const author =
      s.kind === 'confirm'
        ? (all
            .filter((x) => x.request_id === s.request_id && x.kind === 'perform' && x.status === 'done')
            .map((x) => x.decided_by_id)
            .at(-1) ?? null)
        : null;
    return mayDecide({ step: toComputed(s), deciderStaffId: v.staffId, requesterStaffId: request.requester_id, authorOfUpdateStaffId: author }).allowed;
  });
}

export async function decide(
  ctx: Context,
  input: { stepId: string; decision: string; comment?: string | null; record?: Record<string, unknown> | null; idempotencyKey?: string | null },
) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(REQUEST_MESSAGES.decidedByStaff);
  if (!isUuid(input.stepId)) throw badInput([fieldErrorOf(['input', 'stepId'], 'INVALID_VALUE', REQUEST_MESSAGES.stepIdMalformed)]);
  const commentError = decisionCommentError(input.comment);
  if (commentError) throw badInput([commentError]);
  const db = await ctx.db.em();
  const peek = await requestRepo.stepById(db, input.stepId);
  if (!peek) throw notFound('Step', ['input', 'stepId']);
  // A committee's step is taken only by recording its meeting's decision (recordDecision) or by
  // circulation (signCirculation): refused for everybody, the chair included, before anything is locked.
  const byCommittee = committeeDecidesRefusal(toComputed(peek), (await committeeOfStep(ctx, db, toComputed(peek).actor))?.name);
  if (byCommittee) throw committeeDecides(byCommittee);
  // One decision at a time per request: whoever locks first decides; the others then find the step taken.
  const request = (await requestRepo.lockRequest(db, peek.request_id))!;
  const step = (await requestRepo.stepById(db, input.stepId))!;
  // The same decision again (its idempotency key, by the same person): the request as it is, nothing twice.
  if (step.status === 'done' && input.idempotencyKey && step.idempotency_key === input.idempotencyKey && step.decided_by_id === v.staffId) return request;
  throwRefusal(stepDecisionRefusal({ stepStatus: step.status, stepRound: step.round, requestRound: request.round, requestStatus: request.status }));
  const acting = await actingAs(ctx, db, step);
  if (!acting) throw refusalError(notAStepActor(step.rule_ids));
  const choiceError = stepDecisionChoiceError(step.kind, input.decision);
  if (choiceError) throw badInput([choiceError]);
  // KWO-8-1-2: a confirmation is never by the person who did the work it confirms.
  const author =
    step.kind === 'confirm'
      ? ((await requestRepo.stepsOfRequests(db, [request.id]))
          .filter((s) => s.kind === 'perform' && s.status === 'done')
          .map((s) => s.decided_by_id)
          .at(-1) ?? null)
      : null;
  const may = mayDecide({ step: toComputed(step), deciderStaffId: v.staffId, requesterStaffId: request.requester_id, authorOfUpdateStaffId: author });
  if (!may.allowed) throw forbiddenWith(may.message, may.ruleIds);
  const decided = await requestRepo.decideStepIfOpen(db, step.id, {
    decision: input.decision,
    decidedBy: v.staffId,
    onBehalfOf: acting.onBehalfOf,
    comment: input.comment?.trim() || null,
    record: input.record ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
  });
  if (!decided) throw refusalError(stepAlreadyDecided());
  return afterDecision(ctx, db, request, step, {
    decision: input.decision,
    onBehalfOf: acting.onBehalfOf,
    comment: input.comment ?? null,
    record: input.record ?? null,
  });
}

/** Audits a step's decision and moves the route on, in the decision's transaction. */
async function afterDecision(
  ctx: Context,
  db: Db,
  request: requestRepo.RequestRow,
  step: requestRepo.StepRow,
  d: { decision: string; onBehalfOf: string | null; comment: string | null; record: Record<string, unknown> | null },
) {
  const v = ctx.viewer!;
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: d.onBehalfOf,
      action: `request.step.${d.decision}`,
      targetType: 'request_step',
      targetId: step.id,
      after: { request: request.number, step: step.key, decision: d.decision, comment: d.comment, record: d.record },
      ruleIds: step.rule_ids,
      requestId: ctx.requestId,
    },
  ]);
  const kind = findRequestKind(request.kind_key)!;
  const c = await buildRouteContextFor(ctx, db, request, kind);
  await advance(ctx, db, request.id, c);
  return (await requestRepo.requestsByIds(db, [request.id]))[0]!;
}

/**
 * A committee's decision taken at a meeting (or by circulation) moves the request's committee step:
 * the minutes are the decision, recorded by the secretariat, so no step actor check applies here —
 * the caller has checked the meeting (quorum, ARK-19-1; sign-offs, KWW-12-2). Returns null when the
 * step is no longer open (decided elsewhere, or the request was withdrawn).
 */
export async function decideCommitteeStep(
  ctx: Context,
  db: Db,
  stepId: string,
  decision: 'approved' | 'rejected',
  comment: string,
  record: Record<string, unknown>,
) {
  const peek = await requestRepo.stepById(db, stepId);
  if (!peek) return null;
  const request = (await requestRepo.lockRequest(db, peek.request_id))!;
  const step = (await requestRepo.stepById(db, stepId))!;
  if (step.status !== 'open' || step.round !== request.round || request.status !== 'in_progress' || step.actor.kind !== 'committee') return null;
  const decided = await requestRepo.decideStepIfOpen(db, step.id, {
    decision,
    decidedBy: ctx.viewer!.staffId,
    onBehalfOf: null,
    comment,
    record,
    idempotencyKey: null,
  });
  if (!decided) return null;
  return afterDecision(ctx, db, request, step, { decision, onBehalfOf: null, comment, record });
}
