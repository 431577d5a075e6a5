// Filing a request: the route previewed, the request submitted (once per idempotency key) with its
// steps, withdrawn by its requester, or corrected and filed again after it was returned. The steps'
// decisions and the route's progress live in step.service.ts.
import { auditRepo, requestRepo } from '@tsukasa/db';
import {
  filingRefusal,
  findRequestKind,
  fiscalYearOf,
  idempotencyKeyError,
  kindRuleIds,
  malformedId,
  previewRoute as domainPreview,
  resubmissionRefusal,
  stepIdOf,
  unknownRequestKind,
  withdrawalRefusal,
  type FieldError,
  type RequestKind,
  type RouteResult,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, notFound, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { resolveActors } from './actors.ts';
import { buildRouteContext } from './route-context.ts';
import { advance } from './step.service.ts';

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
