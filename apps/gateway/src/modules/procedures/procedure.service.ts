// 行政手続の定義 of Kitami's counter support system (KTM-7): the definitions an approved
// procedure_definition request sets (KTM-7-4), the integrator's question "which procedures does
// this resident need?" (KTM-7-2-2) with the routing for the viewer's business authority
// (KTM-7-2-3), and the business section's regular review (KTM-5-1-1).
import { randomUUID } from 'node:crypto';
import { accessRepo, auditRepo, authRepo, procedureRepo, requestRepo, toDate, type Db } from '@tsukasa/db';
import {
  ANY_AUTHORITY,
  PROCEDURE_CATEGORIES,
  PROCEDURE_REVIEW_INTERVAL_YEARS,
  definedConcurrentlyMessage,
  describeCondition,
  localDateAt,
  malformedId,
  mayReviewProcedure,
  orgUnitRefError,
  PROCEDURE_EFFECT_MESSAGES,
  procedureActionLabel,
  procedureDefinedNotice,
  procedureFilterErrors,
  procedureReviewNoteError,
  procedureReviewRefusal,
  staffNoticeMailSubject,
  unknownOrgUnitsMessage,
  parseCondition,
  procedureDefinitionFromContent,
  procedureNameKey,
  procedureReviewStatus,
  procedureRouteFor,
  proceduresNeeded,
  validateSituation,
  formPrintRefusal,
  FORM_PRINT_RULE_IDS,
  IDENTITY_CONFIRMATION_RULE_IDS,
  IDENTITY_DOCUMENT_KINDS,
  identityConfirmationRefusal,
  isIdentityDocumentKind,
  type Bilingual,
  type FieldError,
  type ProcedureCategory,
  type ProcedureCondition,
  type ProcedureRoutingAction,
  type ResidentSituation,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, conflictWith, forbiddenWith, notFound, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import {
  NeededProcedure,
  ProcedureCategoryEnum,
  ProcedureDefinition,
  ProcedureRoutingActionEnum,
  ProcedureRun,
  type ProcedureRoute,
  type ProcedureSection,
} from './procedure.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

// ---- sections and the viewer's business authority -----------------------------------------------

interface SectionIndex {
  byId: Map<string, procedureRepo.SectionRow>;
  /** The unit and every unit above it. */
  upwards(id: string): string[];
  /** The section (課) a unit belongs to: itself, or the nearest section above a 係. */
  sectionOf(id: string): string | null;
  /** A section named by id, key or (unique) name. */
  resolve(ref: string): { id: string } | { error: 'unknown' | 'ambiguous' };
}

const indexes = new WeakMap<Context, Promise<SectionIndex>>();

function sectionIndex(ctx: Context, db: Db): Promise<SectionIndex> {
  let hit = indexes.get(ctx);
  if (!hit) {
    hit = procedureRepo.sections(db).then((list): SectionIndex => {
      const byId = new Map(list.map((s) => [s.id, s]));
      const byKey = new Map(list.map((s) => [s.key, s.id]));
      const byName = new Map<string, string[]>();
      for (const s of list) byName.set(s.name.normalize('NFKC'), [...(byName.get(s.name.normalize('NFKC')) ?? []), s.id]);
      const upwards = (id: string) => {
        const out: string[] = [];
        for (let cur = byId.get(id); cur && !out.includes(cur.id); cur = cur.parent_id ? byId.get(cur.parent_id) : undefined) out.push(cur.id);
        return out;
      };
      return {
        byId,
        upwards,
        sectionOf: (id) => upwards(id).find((u) => byId.get(u)?.level === 'section') ?? (byId.has(id) ? id : null),
        resolve: (ref) => {
          if (byId.has(ref)) return { id: ref };
          const key = byKey.get(ref);
          if (key) return { id: key };
          const named = byName.get(ref.normalize('NFKC')) ?? [];
          return named.length === 1 ? { id: named[0]! } : { error: named.length ? 'ambiguous' : 'unknown' };
        },
      };
    });
    indexes.set(ctx, hit);
  }
  return hit;
}

const timeZones = new WeakMap<Context, Promise<string>>();

/** Today in the municipality (reviews are dated in it). */
async function todayOf(ctx: Context, db: Db): Promise<string> {
  let tz = timeZones.get(ctx);
  if (!tz) {
    tz = authRepo.municipalityById(db, ctx.viewer!.municipalityId).then((m) => m?.time_zone ?? 'Asia/Tokyo');
    timeZones.set(ctx, tz);
  }
  return localDateAt(ctx.now(), await tz);
}

const viewerSectionCache = new WeakMap<Context, Promise<string[] | null>>();

/**
 * The sections the viewer's business authority lies in: the units of the positions they hold today
 * and every unit above them. Null for an API token (it has no authority at the counter).
 */
function viewerSections(ctx: Context, db: Db): Promise<string[] | null> {
  let hit = viewerSectionCache.get(ctx);
  if (!hit) {
    const v = ctx.viewer;
    hit =
      !v || v.kind !== 'staff'
        ? Promise.resolve(null)
        : (async () => {
            const [index, today] = await Promise.all([sectionIndex(ctx, db), todayOf(ctx, db)]);
            const units = await procedureRepo.unitsOfStaffOn(db, v.staffId, today);
            return [...new Set(units.flatMap((u) => index.upwards(u)))];
          })();
    viewerSectionCache.set(ctx, hit);
  }
  return hit;
}

function sectionOut(index: SectionIndex, id: string | null): ProcedureSection | null {
  const s = id ? index.byId.get(id) : undefined;
  return s ? { id: s.id, key: s.key, name: s.name, nameEn: s.name_en } : null;
}

// ---- reading definitions ------------------------------------------------------------------------

const storedCondition = (raw: unknown): ProcedureCondition | null => (raw ? parseCondition(raw).condition : null);

const actionLabel = (action: ProcedureRoutingAction, to: ProcedureSection | null): Bilingual => procedureActionLabel(action, to);

export function toDefinition(row: procedureRepo.ProcedureDefinitionRow, index: SectionIndex, today: string): ProcedureDefinition {
  const review = procedureReviewStatus(row.reviewed_on, today);
  const condition = storedCondition(row.condition_rules);
  const handling = sectionOut(index, row.handling_org_unit_id)!;
  return graphqlObject(ProcedureDefinition, {
    id: row.id,
    name: row.name,
    category: row.category as ProcedureCategoryEnum,
    categoryLabel: { ja: PROCEDURE_CATEGORIES[row.category].ja, en: PROCEDURE_CATEGORIES[row.category].en },
    overview: row.overview,
    conditionsText: row.conditions_text,
    conditionRules: (row.condition_rules as Record<string, unknown> | null) ?? null,
    conditionSummary: condition ? describeCondition(condition) : null,
    routingText: row.routing_text,
    routingPatterns: row.routing_patterns.map((p) => {
      const to = p.action === 'handle' ? null : sectionOut(index, p.to ?? row.handling_org_unit_id);
      return {
        authority: p.authority === ANY_AUTHORITY ? null : sectionOut(index, p.authority),
        action: p.action as ProcedureRoutingActionEnum,
        actionLabel: actionLabel(p.action, to),
        to,
        note: p.note,
      };
    }),
    handlingSection: handling,
    managingSection: sectionOut(index, row.managing_org_unit_id)!,
    confirmationItems: row.confirmation_items,
    outputForms: row.output_forms,
    other: row.other,
    displayOrder: row.display_order,
    version: row.version,
    reviewedOn: row.reviewed_on,
    reviewDueOn: review.reviewDueOn,
    reviewDue: review.reviewDue,
    updatedAt: toDate(row.updated_at),
    requestId: row.request_id,
    ruleIds: [...new Set([PROCEDURE_CATEGORIES[row.category].ruleId, ...row.rule_ids, ...review.ruleIds])],
    handlingOrgUnitId: row.handling_org_unit_id,
    routingRaw: row.routing_patterns,
  });
}

async function definitionsOut(ctx: Context, db: Db, list: procedureRepo.ProcedureDefinitionRow[]): Promise<ProcedureDefinition[]> {
  const [index, today] = await Promise.all([sectionIndex(ctx, db), todayOf(ctx, db)]);
  return list.map((r) => toDefinition(r, index, today));
}

export async function listDefinitions(
  ctx: Context,
  filter: { category?: ProcedureCategory | null; sectionId?: string | null; text?: string | null; reviewDue?: boolean | null },
  limit: number | null,
): Promise<ProcedureDefinition[]> {
  const errors = procedureFilterErrors({ sectionIdMalformed: !!filter.sectionId && !isUuid(filter.sectionId), text: filter.text }, limit);
  if (errors.length) throw badInput(errors);
  const db = await ctx.db.em();
  const today = await todayOf(ctx, db);
  const reviewDue =
    filter.reviewDue === null || filter.reviewDue === undefined ? null : { today, due: filter.reviewDue, intervalYears: PROCEDURE_REVIEW_INTERVAL_YEARS };
  const rows = await procedureRepo.definitions(db, {
    category: filter.category,
    sectionId: filter.sectionId,
    text: filter.text,
    reviewDue,
    limit: limit ?? 200,
  });
  // The filter and the reviewDue flag (procedureReviewStatus) agree: more than the interval since the last review.
  return definitionsOut(ctx, db, rows);
}

export async function definitionById(ctx: Context, id: string): Promise<ProcedureDefinition | null> {
  if (!isUuid(id)) throw badInput([malformedId(['id'])]);
  const db = await ctx.db.em();
  const row = await procedureRepo.definitionById(db, id);
  return row ? (await definitionsOut(ctx, db, [row]))[0]! : null;
}

/** KTM-7-2-3: what the viewer does with the procedure; null for an API token. */
export async function viewerRoute(ctx: Context, def: ProcedureDefinition): Promise<ProcedureRoute | null> {
  const db = await ctx.db.em();
  const sections = await viewerSections(ctx, db);
  if (!sections) return null;
  const index = await sectionIndex(ctx, db);
  const decision = procedureRouteFor(
    {
      handlingSection: def.handlingOrgUnitId,
      patterns: def.routingRaw.map((p) => ({ authority: p.authority, action: p.action as ProcedureRoutingAction, to: p.to, note: p.note })),
    },
    sections,
  );
  const to = sectionOut(index, decision.to);
  return {
    action: decision.action as ProcedureRoutingActionEnum,
    message: actionLabel(decision.action, to),
    to,
    note: decision.note,
    explicit: decision.explicit,
    ruleIds: decision.ruleIds,
  };
}

export async function historyOf(ctx: Context, definitionId: string) {
  return (await procedureRepo.historyOf(await ctx.db.em(), [definitionId])).map((h) => ({
    version: h.version,
    change: h.change,
    changedAt: toDate(h.changed_at),
    changedByName: h.changed_by_name,
    requestId: h.request_id,
    requestNumber: h.request_number,
    note: h.note,
    ruleIds: h.rule_ids,
  }));
}

// ---- which procedures a resident needs (KTM-7-2-2) ----------------------------------------------

export async function proceduresFor(ctx: Context, input: ResidentSituation): Promise<NeededProcedure[]> {
  const situation: ResidentSituation = {
    events: input.events,
    members: input.members,
    dogs: input.dogs ?? null,
    mopeds: input.mopeds ?? null,
    sealRegistrationWanted: input.sealRegistrationWanted ?? null,
  };
  const errors = validateSituation(situation, ['situation']);
  if (errors.length) throw badInput(errors);
  const db = await ctx.db.em();
  // RLS: only the viewer's municipality's definitions; another municipality has none of Kitami's.
  const rows = await procedureRepo.definitionsWithConditions(db);
  const defs = await definitionsOut(ctx, db, rows);
  const candidates = defs.map((d, i) => ({
    d,
    name: d.name,
    category: d.category as string as ProcedureCategory,
    displayOrder: d.displayOrder,
    conditionRules: storedCondition(rows[i]!.condition_rules),
  }));
  const needed = proceduresNeeded(candidates, situation);
  const out: NeededProcedure[] = [];
  for (const [i, n] of needed.entries()) {
    out.push(
      graphqlObject(NeededProcedure, {
        order: i + 1,
        definition: n.definition.d,
        reasons: n.reasons,
        route: await viewerRoute(ctx, n.definition.d),
        ruleIds: [...n.ruleIds, 'KTM-7-2-3', 'KTM-7-2-5'],
      }),
    );
  }
  return out;
}

// ---- the regular review (KTM-5-1-1) -------------------------------------------------------------

/** The business section (業務所管課) reviews its definitions: its 管理者 or business-section role holder, or their deputy. */
async function mayReview(ctx: Context, db: Db, managingOrgUnitId: string): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return false;
  const [facts, index] = await Promise.all([loadStaffFacts(db, v.staffId, ctx.now()), sectionIndex(ctx, db)]);
  return mayReviewProcedure(
    facts.viewer.roles,
    (p) => facts.positionOrgUnit.get(p),
    (u) => index.upwards(u),
    managingOrgUnitId,
  );
}

export async function recordReview(ctx: Context, input: { id: string; note?: string | null }): Promise<ProcedureDefinition> {
  if (!isUuid(input.id)) throw badInput([malformedId(['input', 'id'])]);
  const note = input.note?.trim() || null;
  const noteError = procedureReviewNoteError(note);
  if (noteError) throw badInput([noteError]);
  const db = await ctx.db.em();
  const row = await procedureRepo.definitionById(db, input.id, { lock: true });
  if (!row) throw notFound('Procedure definition', ['input', 'id']);
  const index = await sectionIndex(ctx, db);
  if (!(await mayReview(ctx, db, row.managing_org_unit_id))) {
    const section = index.byId.get(row.managing_org_unit_id);
    throw refusalError(procedureReviewRefusal(section ? { name: section.name, nameEn: section.name_en } : undefined));
  }
  const today = await todayOf(ctx, db);
  const v = ctx.viewer!;
  await procedureRepo.markReviewed(db, row.id, today, ctx.now());
  await procedureRepo.insertHistory(db, v.municipalityId, {
    id: randomUUID(),
    definitionId: row.id,
    version: row.version,
    change: 'reviewed',
    snapshot: { reviewedOn: today },
    requestId: null,
    changedById: v.staffId,
    changedAt: ctx.now(),
    note,
    ruleIds: ['KTM-5-1-1'],
  });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: 'procedure.review',
      targetType: 'procedure_definition',
      targetId: row.id,
      before: { reviewedOn: row.reviewed_on },
      after: { reviewedOn: today, version: row.version, note },
      ruleIds: ['KTM-5-1-1'],
      requestId: ctx.requestId,
    },
  ]);
  return (await definitionsOut(ctx, db, [(await procedureRepo.definitionById(db, row.id))!]))[0]!;
}

// ---- the effect of an approved procedure_definition request (KTM-7-4) ---------------------------

const conflict = (message: Bilingual, fieldErrors?: FieldError[]) => conflictWith(message, fieldErrors ? { fieldErrors } : {});

/**
 * Writes the definition the request carries: a new one, or the next version of the one of the same
 * name. The 業務所管課 is the filing 管理者's section (KTM-4-2); the approval counts as a review
 * (KTM-5-1-1). The other sections the routing involves are told (KTM-5-1-2). Runs in the
 * transaction of the final decision: any refusal undoes the decision.
 */
export async function setProcedureDefinition(
  ctx: Context,
  db: Db,
  request: requestRepo.RequestRow,
  performerId: string,
): Promise<{ targetType: string; targetId: string; after: Record<string, unknown> }> {
  const v = ctx.viewer!;
  const { definition: d, errors } = procedureDefinitionFromContent(request.content);
  if (!d) throw conflict(PROCEDURE_EFFECT_MESSAGES.invalidDefinition, errors);
  const [index, today] = await Promise.all([sectionIndex(ctx, db), todayOf(ctx, db)]);
  const filer = request.on_behalf_of_id ?? request.requester_id;
  const filedOn = localDateAt(toDate(request.filed_at), (await authRepo.municipalityById(db, v.municipalityId))?.time_zone ?? 'Asia/Tokyo');
  const filerSection = (await procedureRepo.unitsOfStaffOn(db, filer, filedOn)).map((u) => index.sectionOf(u)).find((s): s is string => !!s);
  if (!filerSection) throw conflict(PROCEDURE_EFFECT_MESSAGES.filerWithoutSection);
  // The definition belongs to its business: a new one to the filing 管理者's section (KTM-4-2), an
  // existing one keeps its 業務所管課 whoever asked for the change (that section is told, KTM-5-1-2).
  const existing = await procedureRepo.definitionByNameKey(db, procedureNameKey(d.name), { lock: true });
  const managing = existing?.managing_org_unit_id ?? filerSection;
  const refErrors: FieldError[] = [];
  const resolve = (ref: string, path: (string | number)[]): string => {
    const r = index.resolve(ref);
    if ('id' in r) return r.id;
    refErrors.push(orgUnitRefError(['content', 'routingRules', ...path], ref, r.error));
    return '';
  };
  const handling = d.routing?.handlingSection ? resolve(d.routing.handlingSection, ['handlingSection']) : managing;
  const patterns = (d.routing?.patterns ?? []).map((p, i) => ({
    authority: p.authority === ANY_AUTHORITY ? ANY_AUTHORITY : resolve(p.authority, ['patterns', i, 'authority']),
    action: p.action,
    to: p.to ? resolve(p.to, ['patterns', i, 'to']) : null,
    note: p.note ?? null,
  }));
  if (refErrors.length) {
    throw conflict(unknownOrgUnitsMessage(refErrors), refErrors);
  }
  const values: procedureRepo.DefinitionValues = {
    name: d.name,
    nameKey: procedureNameKey(d.name),
    category: d.category,
    overview: d.overview,
    conditionsText: d.conditionsText,
    conditionRules: d.conditionRules,
    routingText: d.routingText,
    routingPatterns: patterns,
    handlingOrgUnitId: handling,
    managingOrgUnitId: managing,
    confirmationItems: d.confirmationItems,
    outputForms: d.outputForms,
    other: d.other,
    displayOrder: d.displayOrder,
    ruleIds: [PROCEDURE_CATEGORIES[d.category].ruleId, 'KTM-7-2', 'KTM-7-4'],
    reviewedOn: today,
    requestId: request.id,
  };
  let id: string;
  let version: number;
  if (existing) {
    id = existing.id;
    version = await procedureRepo.updateDefinition(db, id, values, ctx.now());
  } else {
    id = randomUUID();
    version = 1;
    if (!(await procedureRepo.insertDefinition(db, v.municipalityId, id, values, ctx.now()))) {
      throw conflict(definedConcurrentlyMessage(d.name));
    }
  }
  const change = existing ? 'updated' : 'defined';
  await procedureRepo.insertHistory(db, v.municipalityId, {
    id: randomUUID(),
    definitionId: id,
    version,
    change,
    snapshot: values,
    requestId: request.id,
    changedById: performerId,
    changedAt: ctx.now(),
    note: null,
    ruleIds: ['KTM-7-4', 'KTM-3-3-5'],
  });
  await notifyInvolvedSections(ctx, db, {
    id,
    name: d.name,
    managing,
    filerSection,
    involved: [managing, handling, ...patterns.flatMap((p) => [p.authority, p.to ?? ''])],
    today,
    change,
    requestNumber: request.number,
  });
  return {
    targetType: 'procedure_definition',
    targetId: id,
    after: { name: d.name, version, change, managingOrgUnitId: managing, handlingOrgUnitId: handling },
  };
}

/**
 * KTM-5-1-2: a definition touching several business sections is coordinated among them — the heads
 * of the sections it involves (its 業務所管課, the handling section, the sections of its routing) are
 * told, except the filing section, whose 管理者 hears of the approval itself.
 */
async function notifyInvolvedSections(
  ctx: Context,
  db: Db,
  x: { id: string; name: string; managing: string; filerSection: string; involved: string[]; today: string; change: string; requestNumber: string },
): Promise<void> {
  const index = await sectionIndex(ctx, db);
  const others = [...new Set(x.involved.filter((u) => u && u !== ANY_AUTHORITY && u !== x.filerSection && index.byId.has(u)))];
  if (!others.length) return;
  const heads = (await procedureRepo.unitHeadsOn(db, others, x.today)).filter((h) => h.staff_id !== ctx.viewer!.staffId);
  const recipients = [...new Map(heads.map((h) => [h.staff_id, h])).values()];
  if (!recipients.length) return;
  const managingName = index.byId.get(x.managing)?.name ?? '';
  const { subject, body } = procedureDefinedNotice({ name: x.name, managingName, change: x.change, requestNumber: x.requestNumber });
  await accessRepo.insertNotifications(
    db,
    ctx.viewer!.municipalityId,
    recipients.map((r) => ({
      recipientId: r.staff_id,
      kind: 'procedure.defined',
      subject,
      body,
      targetType: 'procedure_definition',
      targetId: x.id,
      ruleIds: ['KTM-5-1-2'],
    })),
  );
  await requestRepo.queueMail(
    db,
    ctx.viewer!.municipalityId,
    recipients.map((r) => ({ recipientId: r.staff_id, to: r.email, subject: staffNoticeMailSubject(subject), body })),
  );
}

// ---- handlings at the counter (KTM-8) -----------------------------------------------------------

export function toProcedureRun(r: procedureRepo.ProcedureRunRow): ProcedureRun {
  const kind = isIdentityDocumentKind(r.identity_document_kind) ? r.identity_document_kind : null;
  return graphqlObject(ProcedureRun, {
    id: r.id,
    definitionId: r.definition_id,
    definitionVersion: r.definition_version,
    startedById: r.started_by_id,
    startedAt: toDate(r.started_at),
    identityConfirmedById: r.identity_confirmed_by_id,
    identityConfirmedAt: r.identity_confirmed_at ? toDate(r.identity_confirmed_at) : null,
    identityDocumentKind: kind,
    identityDocumentLabel: kind ? IDENTITY_DOCUMENT_KINDS[kind] : null,
    printedForms: r.printed_forms,
    printedById: r.printed_by_id,
    printedAt: r.printed_at ? toDate(r.printed_at) : null,
    version: r.version,
  });
}

const runSnapshot = (r: procedureRepo.ProcedureRunRow) => ({
  definitionId: r.definition_id,
  definitionVersion: r.definition_version,
  identityConfirmedById: r.identity_confirmed_by_id,
  identityConfirmedAt: r.identity_confirmed_at ? toDate(r.identity_confirmed_at).toISOString() : null,
  identityDocumentKind: r.identity_document_kind,
  printedForms: r.printed_forms,
});

/** The counter is staffed by people: an API token neither confirms an identity nor prints. */
function counterStaff(ctx: Context): string {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') throw forbiddenWith({ ja: '窓口での受付は職員が行います。', en: 'Counter handlings are recorded by staff.' });
  return v.staffId;
}

async function runForChange(db: Db, id: string, path: (string | number)[]): Promise<procedureRepo.ProcedureRunRow> {
  if (!isUuid(id)) throw badInput([malformedId(path)]);
  const run = await procedureRepo.runById(db, id, { lock: true });
  if (!run) throw notFound('Procedure handling', path);
  return run;
}

/** A staff member starts handling a procedure for a resident at the counter (KTM-8-1). */
export async function startRun(ctx: Context, definitionId: string): Promise<ProcedureRun> {
  const staffId = counterStaff(ctx);
  if (!isUuid(definitionId)) throw badInput([malformedId(['definitionId'])]);
  const db = await ctx.db.em();
  const definition = await procedureRepo.definitionById(db, definitionId);
  if (!definition) throw notFound('Procedure definition', ['definitionId']);
  const v = ctx.viewer!;
  const run = await procedureRepo.insertRun(db, v.municipalityId, {
    id: randomUUID(),
    definitionId,
    definitionVersion: definition.version,
    startedById: staffId,
    startedAt: ctx.now(),
  });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: staffId,
      action: 'procedure_run.start',
      targetType: 'procedure_run',
      targetId: run.id,
      after: runSnapshot(run),
      ruleIds: ['KTM-8-1'],
      requestId: ctx.requestId,
    },
  ]);
  return toProcedureRun(run);
}

/** KTM-8-3: the resident's identity is confirmed on a document; who, when and on what are recorded and audited. */
export async function confirmIdentity(ctx: Context, input: { runId: string; documentKind: string }): Promise<ProcedureRun> {
  const staffId = counterStaff(ctx);
  const db = await ctx.db.em();
  const run = await runForChange(db, input.runId, ['input', 'runId']);
  throwRefusal(identityConfirmationRefusal({ identityConfirmedAt: run.identity_confirmed_at }, input.documentKind));
  const after = (await procedureRepo.confirmRunIdentity(db, run.id, { byId: staffId, at: ctx.now(), documentKind: input.documentKind }))!;
  const v = ctx.viewer!;
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: staffId,
      action: 'procedure_run.identity_confirm',
      targetType: 'procedure_run',
      targetId: run.id,
      before: runSnapshot(run),
      after: runSnapshot(after),
      ruleIds: IDENTITY_CONFIRMATION_RULE_IDS,
      requestId: ctx.requestId,
    },
  ]);
  return toProcedureRun(after);
}

/** KTM-8-1, KTM-8-3: a form of the procedure is printed, only once the identity is recorded as confirmed. */
export async function printForm(ctx: Context, input: { runId: string; formName: string }): Promise<ProcedureRun> {
  const staffId = counterStaff(ctx);
  const db = await ctx.db.em();
  const run = await runForChange(db, input.runId, ['input', 'runId']);
  const definition = (await procedureRepo.definitionById(db, run.definition_id))!;
  throwRefusal(formPrintRefusal({ identityConfirmedAt: run.identity_confirmed_at }, input.formName, definition.output_forms));
  const after = (await procedureRepo.recordRunPrint(db, run.id, { byId: staffId, at: ctx.now(), formName: input.formName }))!;
  const v = ctx.viewer!;
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: staffId,
      action: 'procedure_run.print',
      targetType: 'procedure_run',
      targetId: run.id,
      before: runSnapshot(run),
      after: { ...runSnapshot(after), formName: input.formName },
      ruleIds: FORM_PRINT_RULE_IDS,
      requestId: ctx.requestId,
    },
  ]);
  return toProcedureRun(after);
}
