// Incidents (SPEC §6): the system's administrators record the occurrence (MNT-22 第8号様式), tell every
// using section at occurrence and at resolution (継送連絡, MNT-22-4), escalate when residents are
// affected (KWO-10-1-2, MNT-22-2, KTM-14-1), keep the log while recovering (縮退運転, ETA, cause),
// record the resolution and the post-incident analysis, and confirm the resolution (MNT-22-3).
import { randomUUID } from 'node:crypto';
import { incidentRepo, maintenanceRepo, registryRepo, toDate, toDateOrNull, toIsoOrNull, type Db } from '@tsukasa/db';
import {
  confirmerConflict,
  escalationNote,
  fiscalYearOf,
  incidentEscalationNotice,
  INCIDENT_MESSAGES,
  incidentNumber,
  incidentReportNote,
  incidentSectionNotice,
  incidentUpdateStatusError,
  incidentRules,
  incidentTransition,
  localDateAt,
  validateIncidentAnalysis,
  validateIncidentReport,
  validateIncidentResolution,
  validateIncidentUpdate,
  type IncidentAction,
  type IncidentNoticeFacts,
  type IncidentRules,
  type IncidentSeverity,
  ruleIdSet,
} from '@tsukasa/domain';
import { auditFor } from '../../graphql/audit.ts';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbiddenWith, notFound } from '../../graphql/errors.ts';
import { administratorOrThrow, conflict, idOrThrow, systemOrThrow, tellStaff, tellUsingSections, viewerDuty } from '../maintenance/index.ts';

const HANDLER_REFUSAL = INCIDENT_MESSAGES.handlersOnly;

const audit = auditFor('incident');

const uniq = <T>(values: T[]): T[] => [...new Set(values)];

/** An incident as its notices tell it. */
const noticeFacts = (system: registryRepo.SystemRow, i: incidentRepo.IncidentRow): IncidentNoticeFacts => ({
  systemName: system.name,
  number: i.number,
  title: i.title,
  description: i.description,
  occurredAt: toDate(i.occurred_at),
  degradedOperation: i.degraded_operation,
  recoveryEta: toDateOrNull(i.recovery_eta),
  resolvedAt: toDateOrNull(i.resolved_at),
  cause: i.cause,
});

/** Sends the continuation notice (継送連絡) to every using section and records one notice per section. */
async function noticeToSections(
  ctx: Context,
  db: Db,
  system: registryRepo.SystemRow,
  incident: incidentRepo.IncidentRow,
  rules: IncidentRules,
  kind: 'occurrence' | 'resolution',
) {
  const now = ctx.now();
  const sections = await tellUsingSections(ctx, db, system, {
    kind: `incident.${kind}`,
    targetType: 'incident',
    targetId: incident.id,
    ruleIds: rules.noticeRuleIds,
    ...incidentSectionNotice(noticeFacts(system, incident), kind, rules.noticeRuleIds),
  });
  await incidentRepo.insertIncidentNotices(
    db,
    ctx.viewer!.municipalityId,
    sections.map((s) => ({
      incidentId: incident.id,
      orgUnitId: s.org_unit_id,
      kind,
      positionId: s.position_id,
      staffIds: s.staff_ids,
      sentAt: s.staff_ids.length ? now : null,
      ruleIds: rules.noticeRuleIds,
    })),
  );
  return sections;
}

/** Residents affected: the roles the rulebook names are told at once (not the actor themself). */
async function escalate(
  ctx: Context,
  db: Db,
  system: registryRepo.SystemRow,
  incident: incidentRepo.IncidentRow,
  rules: IncidentRules,
  onBehalfOf: string | null,
) {
  const holders = await maintenanceRepo.holdersOfRoles(db, rules.rulebookId, rules.escalation.roleKeys, localDateAt(ctx.now()));
  const staffIds = uniq(holders.map((h) => h.staff_id)).filter((id) => id !== ctx.viewer!.staffId);
  await tellStaff(ctx, db, staffIds, {
    kind: 'incident.escalation',
    targetType: 'incident',
    targetId: incident.id,
    ruleIds: rules.escalation.ruleIds,
    ...incidentEscalationNotice(noticeFacts(system, incident), rules.escalation),
  });
  const now = ctx.now();
  const updated = await incidentRepo.updateIncident(db, incident.id, { escalated_at: now });
  const positions = uniq(holders.map((h) => h.position_name));
  await incidentRepo.appendIncidentUpdate(db, ctx.viewer!.municipalityId, {
    incidentId: incident.id,
    at: now,
    by: ctx.viewer!.staffId,
    onBehalfOf,
    kind: 'escalation',
    status: null,
    note: escalationNote(rules.escalation.label, positions),
    ruleIds: rules.escalation.ruleIds,
  });
  await audit(ctx, db, 'incident.escalate', incident.id, onBehalfOf, { recipients: staffIds, positions }, rules.escalation.ruleIds);
  return updated;
}

export interface ReportInput {
  systemId: string;
  title: string;
  description: string;
  occurredAt: Date;
  detectedAt?: Date | null;
  severity: IncidentSeverity;
  residentsAffected: boolean;
  degradedOperation?: string | null;
  recoveryEta?: Date | null;
  cause?: string | null;
}

const trimOrNull = (s: string | null | undefined) => s?.trim() || null;

export async function reportIncident(ctx: Context, input: ReportInput) {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const rules = incidentRules(system.rulebook_id);
  const duty = await administratorOrThrow(ctx, db, system, rules.handlers, rules.rulebookId, HANDLER_REFUSAL);
  const now = ctx.now();
  const errors = validateIncidentReport(
    {
      title: input.title,
      description: input.description,
      occurredAt: input.occurredAt.toISOString(),
      detectedAt: input.detectedAt?.toISOString() ?? null,
      severity: input.severity,
      residentsAffected: input.residentsAffected,
      degradedOperation: input.degradedOperation,
      recoveryEta: input.recoveryEta?.toISOString(),
      cause: input.cause,
    },
    now,
  );
  if (errors.length) throw badInput(errors);
  const municipalityId = ctx.viewer!.municipalityId;
  const fiscalYear = fiscalYearOf(localDateAt(now));
  const number = incidentNumber(fiscalYear, await incidentRepo.nextIncidentSeq(db, municipalityId, fiscalYear));
  const id = randomUUID();
  const ruleIds = ruleIdSet(rules.reportRuleIds, rules.noticeRuleIds, input.residentsAffected ? rules.escalation.ruleIds : null, duty.ruleIds);
  await incidentRepo.insertIncident(db, {
    id,
    municipalityId,
    systemId: system.id,
    fiscalYear,
    number,
    title: input.title.trim(),
    description: input.description.trim(),
    occurredAt: input.occurredAt,
    detectedAt: input.detectedAt ?? new Date(Math.max(now.getTime(), input.occurredAt.getTime())),
    reportedBy: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    reportedAt: now,
    severity: input.severity,
    residentsAffected: input.residentsAffected,
    degradedOperation: trimOrNull(input.degradedOperation),
    cause: trimOrNull(input.cause),
    recoveryEta: input.recoveryEta ?? null,
    ruleIds,
  });
  let incident = (await incidentRepo.incidentById(db, id))!;
  await incidentRepo.appendIncidentUpdate(db, municipalityId, {
    incidentId: id,
    at: now,
    by: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    kind: 'report',
    status: 'reported',
    recoveryEta: incident.recovery_eta ? toDate(incident.recovery_eta) : null,
    cause: incident.cause,
    degradedOperation: incident.degraded_operation,
    note: incidentReportNote(input.severity, input.residentsAffected),
    ruleIds: rules.reportRuleIds,
  });
  await audit(
    ctx,
    db,
    'incident.report',
    id,
    duty.onBehalfOfStaffId,
    {
      system: system.id,
      number,
      title: incident.title,
      severity: input.severity,
      residentsAffected: input.residentsAffected,
      occurredAt: input.occurredAt.toISOString(),
    },
    ruleIds,
  );
  const sections = await noticeToSections(ctx, db, system, incident, rules, 'occurrence');
  await audit(
    ctx,
    db,
    'incident.notice.occurrence',
    id,
    duty.onBehalfOfStaffId,
    { sections: sections.map((s) => ({ orgUnitId: s.org_unit_id, staffIds: s.staff_ids })) },
    rules.noticeRuleIds,
  );
  if (input.residentsAffected) incident = await escalate(ctx, db, system, incident, rules, duty.onBehalfOfStaffId);
  return incident;
}

/** Loads an incident for a change: locked, its system, rules, the viewer's authority and the transition. */
async function incidentForChange(ctx: Context, id: string, action: IncidentAction, opts: { roleRequired?: boolean; recovering?: boolean } = {}) {
  idOrThrow(id, ['id']);
  const db = await ctx.db.em();
  const incident = await incidentRepo.incidentById(db, id, { lock: true });
  if (!incident) throw notFound('Incident', ['id']);
  const system = (await registryRepo.systemsByIds(db, [incident.system_id]))[0]!;
  const rules = incidentRules(system.rulebook_id);
  const refusal = opts.roleRequired ? INCIDENT_MESSAGES.confirmersOnly : HANDLER_REFUSAL;
  const duty = await administratorOrThrow(ctx, db, system, rules.handlers, rules.rulebookId, refusal, { roleRequired: opts.roleRequired });
  const transition = incidentTransition(
    rules,
    { status: incident.status, analysisRecorded: !!incident.analysis_recorded_at, resolvedBy: incident.resolved_by_id },
    action,
    { recovering: opts.recovering },
  );
  return { db, incident, system, rules, duty, transition };
}

function proceedOrThrow(t: ReturnType<typeof incidentTransition>) {
  if (!t.ok) throw conflict(t.message.en, t.message.ja, t.ruleIds);
  return t;
}

const snapshot = (i: incidentRepo.IncidentRow) => ({
  status: i.status,
  cause: i.cause,
  degradedOperation: i.degraded_operation,
  recoveryEta: toIsoOrNull(i.recovery_eta),
  resolvedAt: toIsoOrNull(i.resolved_at),
  version: i.version,
});

export interface UpdateInput {
  recoveryEta?: Date | null;
  cause?: string | null;
  degradedOperation?: string | null;
  note?: string | null;
  status?: string | null;
}

export async function updateIncident(ctx: Context, id: string, input: UpdateInput) {
  const statusError = incidentUpdateStatusError(input.status);
  if (statusError) throw badInput([statusError]);
  const recovering = input.status === 'recovering';
  const { db, incident, duty, transition } = await incidentForChange(ctx, id, 'update', { recovering });
  const t = proceedOrThrow(transition);
  const errors = validateIncidentUpdate(
    { recoveryEta: input.recoveryEta?.toISOString(), cause: input.cause, degradedOperation: input.degradedOperation, note: input.note, recovering },
    toDate(incident.occurred_at).toISOString(),
  );
  if (errors.length) throw badInput(errors);
  const cause = trimOrNull(input.cause);
  const degraded = trimOrNull(input.degradedOperation);
  const after = await incidentRepo.updateIncident(db, incident.id, {
    status: t.to,
    ...(cause ? { cause } : {}),
    ...(degraded ? { degraded_operation: degraded } : {}),
    ...(input.recoveryEta ? { recovery_eta: input.recoveryEta } : {}),
  });
  await incidentRepo.appendIncidentUpdate(db, ctx.viewer!.municipalityId, {
    incidentId: incident.id,
    at: ctx.now(),
    by: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    kind: 'update',
    status: t.to,
    recoveryEta: input.recoveryEta ?? null,
    cause,
    degradedOperation: degraded,
    note: trimOrNull(input.note),
    ruleIds: t.ruleIds,
  });
  await audit(ctx, db, 'incident.update', incident.id, duty.onBehalfOfStaffId, snapshot(after), ruleIdSet(t.ruleIds, duty.ruleIds), snapshot(incident));
  return after;
}

export async function resolveIncident(ctx: Context, id: string, input: { resolvedAt?: Date | null; cause?: string | null }) {
  const { db, incident, system, rules, duty, transition } = await incidentForChange(ctx, id, 'resolve');
  const t = proceedOrThrow(transition);
  const now = ctx.now();
  const resolvedAt = input.resolvedAt ?? now;
  const errors = validateIncidentResolution({ resolvedAt: resolvedAt.toISOString(), cause: input.cause }, toDate(incident.occurred_at).toISOString(), now);
  if (errors.length) throw badInput(errors);
  const cause = trimOrNull(input.cause);
  const after = await incidentRepo.updateIncident(db, incident.id, {
    status: 'resolved',
    resolved_at: resolvedAt,
    resolved_by_id: ctx.viewer!.staffId,
    resolution_recorded_at: now,
    ...(cause ? { cause } : {}),
  });
  await incidentRepo.appendIncidentUpdate(db, ctx.viewer!.municipalityId, {
    incidentId: incident.id,
    at: now,
    by: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    kind: 'resolution',
    status: 'resolved',
    cause,
    ruleIds: t.ruleIds,
  });
  await audit(ctx, db, 'incident.resolve', incident.id, duty.onBehalfOfStaffId, snapshot(after), ruleIdSet(t.ruleIds, duty.ruleIds), snapshot(incident));
  const sections = await noticeToSections(ctx, db, system, after, rules, 'resolution');
  await audit(
    ctx,
    db,
    'incident.notice.resolution',
    incident.id,
    duty.onBehalfOfStaffId,
    { sections: sections.map((s) => ({ orgUnitId: s.org_unit_id, staffIds: s.staff_ids })) },
    rules.noticeRuleIds,
  );
  return after;
}

export async function recordIncidentAnalysis(ctx: Context, id: string, input: { analysis: string; preventiveMeasures: string }) {
  const { db, incident, duty, transition } = await incidentForChange(ctx, id, 'record_analysis');
  const t = proceedOrThrow(transition);
  const errors = validateIncidentAnalysis(input);
  if (errors.length) throw badInput(errors);
  const now = ctx.now();
  const after = await incidentRepo.updateIncident(db, incident.id, {
    analysis: input.analysis.trim(),
    preventive_measures: input.preventiveMeasures.trim(),
    analysis_by_id: ctx.viewer!.staffId,
    analysis_recorded_at: now,
  });
  await incidentRepo.appendIncidentUpdate(db, ctx.viewer!.municipalityId, {
    incidentId: incident.id,
    at: now,
    by: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    kind: 'analysis',
    status: after.status,
    note: INCIDENT_MESSAGES.analysisNote.ja,
    ruleIds: t.ruleIds,
  });
  await audit(
    ctx,
    db,
    'incident.analysis',
    incident.id,
    duty.onBehalfOfStaffId,
    { analysis: after.analysis, preventiveMeasures: after.preventive_measures },
    ruleIdSet(t.ruleIds, duty.ruleIds),
    { analysis: incident.analysis, preventiveMeasures: incident.preventive_measures },
  );
  return after;
}

/**
 * MNT-22-3: the administrator confirms the resolution — a holder of the role (a registry administrator
 * alone may not), not the person who recorded the resolution, once the analysis is recorded.
 */
export async function confirmIncidentResolution(ctx: Context, id: string) {
  const { db, incident, rules, duty, transition } = await incidentForChange(ctx, id, 'confirm', { roleRequired: true });
  const t = proceedOrThrow(transition);
  const clash = confirmerConflict(
    { status: incident.status, analysisRecorded: true, resolvedBy: incident.resolved_by_id },
    ctx.viewer!.staffId,
    duty.onBehalfOfStaffId,
  );
  if (clash) throw forbiddenWith(clash, rules.confirmRuleIds);
  const now = ctx.now();
  const after = await incidentRepo.updateIncident(db, incident.id, {
    status: 'confirmed',
    confirmed_by_id: ctx.viewer!.staffId,
    confirmed_on_behalf_of_id: duty.onBehalfOfStaffId,
    confirmed_at: now,
  });
  await incidentRepo.appendIncidentUpdate(db, ctx.viewer!.municipalityId, {
    incidentId: incident.id,
    at: now,
    by: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    kind: 'confirmation',
    status: 'confirmed',
    ruleIds: t.ruleIds,
  });
  await audit(ctx, db, 'incident.confirm', incident.id, duty.onBehalfOfStaffId, snapshot(after), ruleIdSet(t.ruleIds, duty.ruleIds), snapshot(incident));
  return after;
}

/** Whether the viewer records this system's incidents (its administrators; registry administrators too). */
export async function viewerMayManage(ctx: Context, system: registryRepo.SystemRow): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return false;
  if (v.registryAdmin) return true;
  const rules = incidentRules(system.rulebook_id);
  return !!(await viewerDuty(ctx, await ctx.db.em(), system, rules.handlers, rules.rulebookId))?.allowed;
}

/** Whether the viewer may confirm the resolution now. */
export async function viewerMayConfirm(ctx: Context, incident: incidentRepo.IncidentRow, system: registryRepo.SystemRow): Promise<boolean> {
  const rules = incidentRules(system.rulebook_id);
  const duty = await viewerDuty(ctx, await ctx.db.em(), system, rules.handlers, rules.rulebookId);
  if (!duty?.allowed) return false;
  const fact = { status: incident.status, analysisRecorded: !!incident.analysis_recorded_at, resolvedBy: incident.resolved_by_id };
  return incidentTransition(rules, fact, 'confirm').ok && !confirmerConflict(fact, ctx.viewer!.staffId, duty.onBehalfOfStaffId);
}
