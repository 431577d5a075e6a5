import { accessRepo, auditRepo, authRepo, registryRepo, requestRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  actorIsRequesterSide,
  chooseSystem,
  decisionCommentError,
  fieldErrorOf,
  filingRefusal,
  finalOutcome,
  idempotencyKeyError,
  malformedId,
  notAStepActor,
  REQUEST_MESSAGES,
  requestOutcomeNotice,
  resubmissionRefusal,
  stepAlreadyDecided,
  stepDecisionChoiceError,
  stepDecisionRefusal,
  stepOpenedNotice,
  systemIdMalformed,
  systemNotFound,
  touchedAssetsUnknown,
  unknownRequestKind,
  withdrawalRefusal,
  findRequestKind,
  fiscalYearOf,
  mayDecide,
  nextStages,
  kindRuleIds,
  localDateAt,
  positionsAt,
  previewRoute as domainPreview,
  stepIdOf,
  type ComputedStep,
  type FieldError,
  type RequestKind,
  type RouteContext,
  type RouteResult,
  type RulebookId,
  type StepDecision as DomainDecision,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbiddenWith, notFound, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { resolveActors, type ActorContext } from './actors.ts';
import { applyEffect } from './request-effects.ts';

/** What the route rules look at, loaded for the viewer filing a request. */
export async function buildRouteContext(ctx: Context, kind: RequestKind, systemId: string | null | undefined, input: Record<string, unknown>) {
  let content = input;
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(REQUEST_MESSAGES.filedByStaff);
  const db = await ctx.db.em();
  if (systemId != null && !isUuid(systemId)) throw badInput([systemIdMalformed(['input', 'systemId'])]);
  const system = systemId ? (await registryRepo.systemsByIds(db, [systemId]))[0] : undefined;
  if (systemId && !system) throw badInput([systemNotFound(['input', 'systemId'])]);
  const municipality = (await authRepo.municipalityById(db, v.municipalityId))!;
  // A request is governed by the rulebook covering its system; without one, by the municipality's only rulebook.
  const rulebookId = (system?.rulebook_id ??
    (municipality.rulebook_ids.length === 1 ? municipality.rulebook_ids[0] : kind.rulebookIds.find((r) => municipality.rulebook_ids.includes(r)))) as
    RulebookId | undefined;
  if (!rulebookId) throw badInput([chooseSystem(['input', 'systemId'])]);
  const now = ctx.now();
  const facts = await loadStaffFacts(db, v.staffId, now);
  const held = positionsAt(v.staffId, now, facts.viewer.tenures);
  const requesterUnitId = held.map((p) => facts.positionOrgUnit.get(p)).find((u): u is string => !!u) ?? null;
  let assets = system
    ? await rows<{ id: string; owner_position_ids: string[] }>(
        db,
        `select a.id, array(select o.position_id::text from information_asset_owner o where o.asset_id = a.id order by o.sort_order) as owner_position_ids
           from information_asset a join information_asset_system x on x.asset_id = a.id where x.system_id = $1 and a.kind = 'business' order by a.name`,
        [system.id],
      )
    : [];
  // The assets a request touches are the ones it names (KWW-6-2, KWW-7-2), among those the system handles.
  if (Array.isArray(content.touchedAssets)) {
    const named = new Set(content.touchedAssets.filter((x): x is string => typeof x === 'string'));
    const unknown = [...named].filter((id) => !assets.some((a) => a.id === id));
    if (unknown.length) {
      throw badInput([touchedAssetsUnknown(['content', 'touchedAssets'])]);
    }
    assets = assets.filter((a) => named.has(a.id));
  }
  const ownerPositions = new Set(assets.flatMap((a) => a.owner_position_ids));
  const itemIds = Array.isArray(content.dataItems) ? content.dataItems.filter((x): x is string => typeof x === 'string' && isUuid(x)) : [];
  const dataUse = itemIds.length
    ? await rows<{ name: string; managing_org_unit_id: string; basic_resident_item: number | null; personal: boolean }>(
        db,
        `select d.name, p.org_unit_id as managing_org_unit_id, d.basic_resident_item, d.personal from data_item d
           join lateral (select o.position_id from information_asset_owner o where o.asset_id = d.asset_id order by o.sort_order limit 1) own on true
           join position p on p.id = own.position_id where d.id = any($1::uuid[])`,
        [itemIds],
      )
    : [];
  // MNT-18: the totals a licence change is checked against come from the registry, never from the client.
  if (kind.effect === 'change_licences' && system) {
    const section = typeof content.section === 'string' && isUuid(content.section) ? content.section : requesterUnitId;
    const totals = section ? await requestRepo.licenceTotals(db, system.id, section) : undefined;
    content = { ...content, purchasedTotal: totals?.purchasedTotal, otherSectionsTotal: totals?.otherSectionsTotal };
  }
  const route: RouteContext = {
    rulebookId,
    filedAt: now.toISOString(),
    timeZone: municipality.time_zone,
    requester: {
      staffId: v.staffId,
      orgUnitId: requesterUnitId,
      roleKeys: facts.viewer.roles.filter((r) => r.rulebookId === rulebookId).map((r) => r.roleKey),
    },
    system: system
      ? {
          id: system.id,
          rulebookId: system.rulebook_id as RulebookId | null,
          managingOrgUnitId: system.managing_org_unit_id,
          managementType: system.management_type as 'digital_section' | 'system_section',
        }
      : null,
    assets: assets.map((a) => ({ id: a.id, ownerPositionIds: a.owner_position_ids })),
    requesterPositionIds: held.filter((p) => ownerPositions.has(p)),
    dataUse: dataUse.map((d) => ({ name: d.name, managingOrgUnitId: d.managing_org_unit_id, basicResidentItem: d.basic_resident_item, personal: d.personal })),
    content,
  };
  const actorContext: ActorContext = {
    rulebookId,
    requesterId: v.staffId,
    requesterUnitId,
    system: system ? { id: system.id, managing_org_unit_id: system.managing_org_unit_id, contractor_id: system.contractor_id } : null,
    assetOwnerPositionIds: [...ownerPositions],
    requesterPositionIds: route.requesterPositionIds,
    today: localDateAt(now),
  };
  // The deputy who files acts on behalf of the role holder (MNT-6-4, MNT-7-3, KTM-3-6).
  const onBehalfOf = facts.viewer.roles.find((r) => r.rulebookId === rulebookId && r.via === 'deputy')?.onBehalfOfStaffId ?? null;
  return { route, actorContext, rulebookId, municipality, system, onBehalfOf };
}

export function kindOrThrow(key: string): RequestKind {
  const kind = findRequestKind(key);
  if (!kind) throw badInput([unknownRequestKind(['input', 'kindKey'], key)]);
  return kind;
}

export async function preview(
  ctx: Context,
  kindKey: string,
  systemId: string | null | undefined,
  content: Record<string, unknown>,
): Promise<{ result: RouteResult; actors: Map<string, import('./actors.ts').ResolvedActors> }> {
  const kind = kindOrThrow(kindKey);
  const c = await buildRouteContext(ctx, kind, systemId, content);
  const result = domainPreview(kind, c.route);
  const db = await ctx.db.em();
  const actors = new Map<string, import('./actors.ts').ResolvedActors>();
  for (const s of result.steps) actors.set(stepIdOf(s), await resolveActors(db, s.actor, s.subjectId ?? null, c.actorContext));
  return { result, actors };
}

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

export async function submit(
  ctx: Context,
  input: { kindKey: string; systemId?: string | null; content: Record<string, unknown> },
  idempotencyKey: string | null,
) {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const keyError = idempotencyKeyError(idempotencyKey);
  if (keyError) throw badInput([keyError]);
  if (idempotencyKey) {
    // Concurrent filings with one key take turns: each later one sees the first request, committed.
    await requestRepo.lockIdempotencyKey(db, v.staffId, idempotencyKey);
    const first = await requestRepo.requestByIdempotencyKey(db, v.staffId, idempotencyKey);
    if (first) return first; // the same submission again: the first result, nothing twice
  }
  const kind = kindOrThrow(input.kindKey);
  const c = await buildRouteContext(ctx, kind, input.systemId, input.content);
  const result = domainPreview(kind, c.route);
  throwRefusal(filingRefusal(result.errors as FieldError[]));
  const now = ctx.now();
  const fy = fiscalYearOf(now.toISOString().slice(0, 10));
  const number = await requestRepo.nextRequestNumber(db, v.municipalityId, fy, fy - 2018);
  const request = await requestRepo.insertRequest(db, {
    municipalityId: v.municipalityId,
    number,
    kindKey: kind.key,
    rulebookId: c.rulebookId,
    systemId: c.system?.id ?? null,
    requesterId: v.staffId,
    onBehalfOfId: c.onBehalfOf,
    content: input.content,
    routeNotes: result.notes,
    ruleIds: kindRuleIds(kind, [c.rulebookId]),
    dueOn: result.dueOn ?? null,
    idempotencyKey,
    filedAt: now,
  });
  await requestRepo.insertSteps(
    db,
    v.municipalityId,
    request.id,
    result.steps.map((s, i) => ({
      round: 1,
      seq: i + 1,
      stage: s.stage,
      key: s.key,
      kind: s.kind,
      actor: s.actor,
      subjectId: s.subjectId ?? null,
      labelJa: s.label.ja,
      labelEn: s.label.en,
      ruleIds: s.ruleIds,
    })),
  );
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: c.onBehalfOf,
      action: 'request.submit',
      targetType: 'request',
      targetId: request.id,
      after: { number, kind: kind.key, content: input.content },
      ruleIds: kindRuleIds(kind, [c.rulebookId]),
      requestId: ctx.requestId,
    },
  ]);
  await advance(ctx, db, request.id, c.actorContext);
  return (await requestRepo.requestsByIds(db, [request.id]))[0]!;
}

/**
 * Moves the route after a decision (or at filing): opens the next stage's steps with their actors
 * resolved now, completes inform steps as they open, and on the final outcome sets the request's
 * status — applying its effect in this same transaction when it is approved.
 */
async function advance(ctx: Context, db: Db, requestId: string, actorContext: ActorContext): Promise<void> {
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

/** The actor context of a filed request, from its requester and system (as at filing). */
async function buildRouteContextFor(ctx: Context, db: Db, request: requestRepo.RequestRow, kind: RequestKind): Promise<ActorContext> {
  void kind;
  const system = request.system_id ? (await registryRepo.systemsByIds(db, [request.system_id]))[0] : undefined;
  const tenures = await accessRepo.tenuresOfStaff(db, [request.requester_id]);
  const at = toDate(request.filed_at);
  const held = positionsAt(
    request.requester_id,
    at,
    tenures.map((t) => ({ staffId: t.staff_id, positionId: t.position_id, from: t.valid_from, to: t.valid_to })),
  );
  const requesterUnitId = tenures.find((t) => held.includes(t.position_id))?.org_unit_id ?? null;
  const owners = system
    ? (
        await rows<{ position_id: string }>(
          db,
          `select distinct o.position_id::text from information_asset_owner o join information_asset_system x on x.asset_id = o.asset_id
        join information_asset a on a.id = o.asset_id where x.system_id = $1 and a.kind = 'business'`,
          [system.id],
        )
      ).map((r) => r.position_id)
    : [];
  return {
    rulebookId: request.rulebook_id,
    requesterId: request.requester_id,
    requesterUnitId,
    system: system ? { id: system.id, managing_org_unit_id: system.managing_org_unit_id, contractor_id: system.contractor_id } : null,
    assetOwnerPositionIds: owners,
    requesterPositionIds: held.filter((p) => owners.includes(p)),
    today: localDateAt(ctx.now()),
  };
}

export async function withdraw(ctx: Context, id: string) {
  const v = ctx.viewer!;
  if (!isUuid(id)) throw badInput([malformedId(['id'])]);
  const db = await ctx.db.em();
  const request = await requestRepo.lockRequest(db, id);
  if (!request) throw notFound('Request', ['id']);
  throwRefusal(withdrawalRefusal({ requesterId: request.requester_id, status: request.status }, v.staffId));
  const updated = await requestRepo.setRequestStatus(db, id, 'withdrawn', { decided: true });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    { actorStaffId: v.staffId, action: 'request.withdraw', targetType: 'request', targetId: id, ruleIds: [], requestId: ctx.requestId },
  ]);
  return updated;
}

/** A returned request is corrected and filed again: a new round, the route recomputed from stage 1. */
export async function resubmit(ctx: Context, id: string, content: Record<string, unknown>) {
  const v = ctx.viewer!;
  if (!isUuid(id)) throw badInput([malformedId(['id'])]);
  const db = await ctx.db.em();
  const request = await requestRepo.lockRequest(db, id);
  if (!request) throw notFound('Request', ['id']);
  throwRefusal(resubmissionRefusal({ requesterId: request.requester_id, status: request.status }, v.staffId));
  const kind = findRequestKind(request.kind_key)!;
  const c = await buildRouteContext(ctx, kind, request.system_id, content);
  const result = domainPreview(kind, c.route);
  if (result.errors.length) throw badInput(result.errors as FieldError[]);
  const round = request.round + 1;
  await requestRepo.setRequestStatus(db, id, 'in_progress', { content, round });
  await requestRepo.insertSteps(
    db,
    v.municipalityId,
    id,
    result.steps.map((s, i) => ({
      round,
      seq: i + 1,
      stage: s.stage,
      key: s.key,
      kind: s.kind,
      actor: s.actor,
      subjectId: s.subjectId ?? null,
      labelJa: s.label.ja,
      labelEn: s.label.en,
      ruleIds: s.ruleIds,
    })),
  );
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: 'request.resubmit',
      targetType: 'request',
      targetId: id,
      after: { round, content },
      ruleIds: kindRuleIds(kind, [c.rulebookId]),
      requestId: ctx.requestId,
    },
  ]);
  await advance(ctx, db, id, c.actorContext);
  return (await requestRepo.requestsByIds(db, [id]))[0]!;
}
