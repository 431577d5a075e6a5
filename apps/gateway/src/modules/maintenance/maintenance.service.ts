// Maintenance windows (SPEC §6): the system's administrators plan a stop or an extension of the
// operating hours, announce it to the head of every using section (MNT-15-2, KTM-15-2) — only then is
// it in force and the access decision follows it — or cancel it.
import { randomUUID } from 'node:crypto';
import { accessRepo, maintenanceRepo, registryRepo, requestRepo, toDate, toDateOrNull, toIsoOrNull, type Db } from '@tsukasa/db';
import {
  ABSENCE_MESSAGES,
  announcementRefusal,
  cancellationRefusal,
  cancelReasonErrors,
  decideDuty,
  fieldErrorOf,
  localDateAt,
  maintenanceAnnouncement,
  maintenanceCancellation,
  MAINTENANCE_MESSAGES,
  maintenanceRules,
  maintenanceStatus,
  maintenanceWarnings,
  staffNoticeMailSubject,
  systemOperatingCalendar,
  validateMaintenanceInput,
  type Bilingual,
  type DutyDecision,
  type DutyRule,
  type MaintenanceKind,
  type MaintenanceWindowFact,
  type Refusal,
  type RuleId,
  ruleIdSet,
} from '@tsukasa/domain';
import { auditFor } from '../../graphql/audit.ts';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbiddenWith, notFound, refusalError } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { MaintenanceKindEnum, MaintenanceStatusEnum, MaintenanceWindow } from './maintenance.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

export const conflict = (message: string, messageJa: string, ruleIds: RuleId[] = []) => new AppError('CONFLICT', message, { messageJa, ruleIds });

/** The refusal of a domain decision, if any, thrown (a conflict always cites its rules, if none). */
export function throwIfRefused(r: Refusal | null): void {
  if (!r) return;
  if (r.code === 'CONFLICT') throw conflict(r.message.en, r.message.ja, r.ruleIds);
  throw refusalError(r);
}

export const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([fieldErrorOf(path, 'INVALID_VALUE', MAINTENANCE_MESSAGES.malformedId)]);
};

export async function systemOrThrow(db: Db, id: string, path: (string | number)[]): Promise<registryRepo.SystemRow> {
  idOrThrow(id, path);
  const [system] = await registryRepo.systemsByIds(db, [id]);
  if (!system) throw notFound('System', path);
  return system;
}

// ---- who administers a system -------------------------------------------------------------------------

/** The duty decision for the viewer over a system, from the rulebook's roles (deputies included). */
export async function viewerDuty(
  ctx: Context,
  db: Db,
  system: registryRepo.SystemRow,
  table: readonly DutyRule[],
  rulebookId: string,
): Promise<DutyDecision | null> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return null;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  return decideDuty(table, facts.viewer.roles, { rulebookId, managingOrgUnitId: system.managing_org_unit_id }, (p) => facts.positionOrgUnit.get(p));
}

/**
 * The viewer must hold one of the rulebook roles that administer the system (deny otherwise); a
 * registry administrator may act too unless `roleRequired` (a duty only the role holder performs).
 */
export async function administratorOrThrow(
  ctx: Context,
  db: Db,
  system: registryRepo.SystemRow,
  table: readonly DutyRule[],
  rulebookId: string,
  refusal: Bilingual,
  opts: { roleRequired?: boolean } = {},
): Promise<{ ruleIds: RuleId[]; onBehalfOfStaffId: string | null }> {
  const v = ctx.viewer!;
  const allRules = [...new Set(table.flatMap((t) => t.ruleIds))];
  if (v.kind !== 'staff') throw forbiddenWith(MAINTENANCE_MESSAGES.staffOnly, allRules);
  const duty = await viewerDuty(ctx, db, system, table, rulebookId);
  if (duty?.allowed) return { ruleIds: duty.ruleIds, onBehalfOfStaffId: duty.onBehalfOfStaffId };
  if (v.registryAdmin && !opts.roleRequired) return { ruleIds: [], onBehalfOfStaffId: null };
  // KTM-3-6: the deputy acts for the 統括管理者 only during a declared absence.
  if (duty?.deputyNotActing) throw forbiddenWith(ABSENCE_MESSAGES.deputyNotActing, duty.ruleIds);
  throw forbiddenWith(refusal, duty?.ruleIds ?? allRules);
}

// ---- notices to the using sections -------------------------------------------------------------------------

export interface SectionNotice {
  kind: string;
  subject: string;
  body: string;
  targetType: string;
  targetId: string;
  ruleIds: RuleId[];
}

/**
 * Tells the head of every using section of the system (課長 position holders; the nearest head above
 * when the post is vacant): an in-app notification and an e-mail each. Someone heading two sections is
 * told once. Returns the sections with whom was told.
 */
export async function tellUsingSections(
  ctx: Context,
  db: Db,
  system: registryRepo.SystemRow,
  notice: SectionNotice,
): Promise<maintenanceRepo.UsingSectionHeadRow[]> {
  const sections = await maintenanceRepo.usingSectionHeads(db, system.id, localDateAt(ctx.now()));
  const staffIds = [...new Set(sections.flatMap((s) => s.staff_ids))];
  await tellStaff(ctx, db, staffIds, notice);
  return sections;
}

export async function tellStaff(ctx: Context, db: Db, staffIds: string[], notice: SectionNotice): Promise<void> {
  if (!staffIds.length) return;
  const people = await accessRepo.staffByIds(db, staffIds);
  const municipalityId = ctx.viewer!.municipalityId;
  await accessRepo.insertNotifications(
    db,
    municipalityId,
    people.map((p) => ({
      recipientId: p.id,
      kind: notice.kind,
      subject: notice.subject,
      body: notice.body,
      targetType: notice.targetType,
      targetId: notice.targetId,
      ruleIds: notice.ruleIds,
    })),
  );
  await requestRepo.queueMail(
    db,
    municipalityId,
    people.map((p) => ({ recipientId: p.id, to: p.email, subject: staffNoticeMailSubject(notice.subject), body: notice.body })),
  );
}

export const sectionLabel = (s: { org_unit_name: string; parent_name: string | null }) =>
  s.parent_name ? `${s.parent_name} ${s.org_unit_name}` : s.org_unit_name;

const audit = auditFor('maintenance_window');

// ---- windows ------------------------------------------------------------------------------------------------

export function toWindowFact(w: maintenanceRepo.MaintenanceWindowRow): MaintenanceWindowFact {
  return {
    kind: w.kind,
    from: toDate(w.starts_at).toISOString(),
    to: toDate(w.ends_at).toISOString(),
    reason: w.reason,
    reasonEn: w.reason_en,
    announcedAt: toIsoOrNull(w.announced_at),
    cancelledAt: toIsoOrNull(w.cancelled_at),
  };
}

export function toWindow(w: maintenanceRepo.MaintenanceWindowRow, rulebookId: string | null, now: Date): MaintenanceWindow {
  const fact = toWindowFact(w);
  return graphqlObject(MaintenanceWindow, {
    id: w.id,
    kind: w.kind as MaintenanceKindEnum,
    from: toDate(w.starts_at),
    to: toDate(w.ends_at),
    reason: w.reason,
    reasonEn: w.reason_en,
    status: maintenanceStatus(fact, now) as MaintenanceStatusEnum,
    plannedAt: toDate(w.planned_at),
    announcedAt: toDateOrNull(w.announced_at),
    cancelledAt: toDateOrNull(w.cancelled_at),
    cancelReason: w.cancel_reason,
    ruleIds: w.rule_ids,
    version: w.version,
    warnings: maintenanceWarnings(rulebookId, fact, now).map((x) => ({
      ...x,
      overlaps: x.overlaps.map((o) => ({ from: new Date(o.from), to: new Date(o.to) })),
    })),
    systemId: w.system_id,
    plannedById: w.planned_by_id,
    announcedById: w.announced_by_id,
  });
}

/** A system's operating calendar with its windows in force from an instant on. */
export async function calendarOf(db: Db, system: registryRepo.SystemRow, after: Date) {
  const windows = await maintenanceRepo.windowsInForce(db, [system.id], after);
  return { calendar: systemOperatingCalendar(system.rulebook_id, windows.map(toWindowFact)), windows };
}

/** A window as its notices tell it. */
const noticeFacts = (w: maintenanceRepo.MaintenanceWindowRow, system: registryRepo.SystemRow) => ({
  systemName: system.name,
  kind: w.kind,
  from: toDate(w.starts_at),
  to: toDate(w.ends_at),
});
const windowState = (w: maintenanceRepo.MaintenanceWindowRow) => ({
  announcedAt: toDateOrNull(w.announced_at),
  cancelledAt: toDateOrNull(w.cancelled_at),
  endsAt: toDate(w.ends_at),
});

export interface PlanInput {
  systemId: string;
  kind: MaintenanceKind;
  from: Date;
  to: Date;
  reason: string;
  reasonEn?: string | null;
}

const PLANNER_REFUSAL = MAINTENANCE_MESSAGES.plannersOnly;

export async function planMaintenance(ctx: Context, input: PlanInput) {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const rules = maintenanceRules(system.rulebook_id);
  const duty = await administratorOrThrow(ctx, db, system, rules.planners, rules.rulebookId, PLANNER_REFUSAL);
  const errors = validateMaintenanceInput(
    { kind: input.kind, from: input.from.toISOString(), to: input.to.toISOString(), reason: input.reason, reasonEn: input.reasonEn },
    ctx.now(),
  );
  if (errors.length) throw badInput(errors);
  const id = randomUUID();
  const basis = input.kind === 'closed' ? rules.stopRuleIds : rules.extensionRuleIds;
  const ruleIds = ruleIdSet(basis, duty.ruleIds);
  await maintenanceRepo.insertMaintenanceWindow(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    systemId: system.id,
    kind: input.kind,
    from: input.from,
    to: input.to,
    reason: input.reason.trim(),
    reasonEn: input.reasonEn?.trim() || null,
    plannedBy: ctx.viewer!.staffId,
    onBehalfOf: duty.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds,
  });
  const row = (await maintenanceRepo.maintenanceWindowById(db, id))!;
  const warnings = maintenanceWarnings(system.rulebook_id, toWindowFact(row), ctx.now());
  await audit(
    ctx,
    db,
    'maintenance.plan',
    id,
    duty.onBehalfOfStaffId,
    {
      system: system.id,
      kind: input.kind,
      from: input.from.toISOString(),
      to: input.to.toISOString(),
      reason: row.reason,
      warnings: warnings.map((w) => w.code),
    },
    ruleIds,
  );
  return { row, system };
}

async function windowForChange(ctx: Context, id: string) {
  idOrThrow(id, ['id']);
  const db = await ctx.db.em();
  const row = await maintenanceRepo.maintenanceWindowById(db, id, { lock: true });
  if (!row) throw notFound('Maintenance window', ['id']);
  const system = (await registryRepo.systemsByIds(db, [row.system_id]))[0]!;
  const rules = maintenanceRules(system.rulebook_id);
  const duty = await administratorOrThrow(ctx, db, system, rules.planners, rules.rulebookId, PLANNER_REFUSAL);
  return { db, row, system, rules, duty };
}

/** Tells every using section's head of the window (MNT-15-2, KTM-15-2); from then on it is in force. */
export async function announceMaintenance(ctx: Context, id: string) {
  const { db, row, system, rules, duty } = await windowForChange(ctx, id);
  const noticeRules = rules.noticeRuleIds.length ? rules.noticeRuleIds : rules.stopRuleIds;
  throwIfRefused(announcementRefusal(windowState(row), ctx.now(), noticeRules));
  const ruleIds = ruleIdSet(row.rule_ids, noticeRules);
  const announced = (await maintenanceRepo.announceWindow(db, row.id, ctx.viewer!.staffId, ctx.now(), ruleIds))!;
  const sections = await tellUsingSections(ctx, db, system, {
    kind: 'maintenance.announce',
    targetType: 'maintenance_window',
    targetId: row.id,
    ruleIds: noticeRules,
    ...maintenanceAnnouncement({ ...noticeFacts(row, system), reason: row.reason }, noticeRules),
  });
  await audit(
    ctx,
    db,
    'maintenance.announce',
    row.id,
    duty.onBehalfOfStaffId,
    {
      sections: sections.map((s) => ({ orgUnitId: s.org_unit_id, positionId: s.position_id, staffIds: s.staff_ids })),
    },
    ruleIds,
    { announcedAt: null },
  );
  return { row: announced, system };
}

export async function cancelMaintenance(ctx: Context, id: string, reason: string) {
  const why = (reason ?? '').trim();
  const reasonErrors = cancelReasonErrors(why);
  if (reasonErrors.length) throw badInput(reasonErrors);
  const { db, row, system, rules, duty } = await windowForChange(ctx, id);
  throwIfRefused(cancellationRefusal(windowState(row), ctx.now()));
  const cancelled = (await maintenanceRepo.cancelWindow(db, row.id, ctx.viewer!.staffId, ctx.now(), why))!;
  // Those told of the window are told it no longer applies.
  if (row.announced_at) {
    const noticeRules = rules.noticeRuleIds.length ? rules.noticeRuleIds : rules.stopRuleIds;
    await tellUsingSections(ctx, db, system, {
      kind: 'maintenance.cancel',
      targetType: 'maintenance_window',
      targetId: row.id,
      ruleIds: noticeRules,
      ...maintenanceCancellation(noticeFacts(row, system), why),
    });
  }
  await audit(ctx, db, 'maintenance.cancel', row.id, duty.onBehalfOfStaffId, { reason: why, wasAnnounced: !!row.announced_at }, row.rule_ids, {
    cancelledAt: null,
  });
  return { row: cancelled, system };
}

/** Whether the viewer plans this system's windows (registry administrators too). */
export async function viewerMayPlan(ctx: Context, system: registryRepo.SystemRow): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return false;
  if (v.registryAdmin) return true;
  const rules = maintenanceRules(system.rulebook_id);
  return !!(await viewerDuty(ctx, await ctx.db.em(), system, rules.planners, rules.rulebookId))?.allowed;
}
