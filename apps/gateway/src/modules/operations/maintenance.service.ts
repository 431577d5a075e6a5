// Maintenance windows (SPEC §6): the system's administrators plan a stop or an extension of the
// operating hours, announce it to the head of every using section (MNT-15-2, KTM-15-2) — only then is
// it in force and the access decision follows it — or cancel it.
import { randomUUID } from 'node:crypto';
import { accessRepo, auditRepo, opsRepo, registryRepo, requestRepo, toDate, toDateOrNull, toIsoOrNull, type Db } from '@tsukasa/db';
import {
  decideDuty,
  fieldError,
  formatWarekiDateTime,
  localDateAt,
  maintenanceRules,
  maintenanceStatus,
  maintenanceWarnings,
  MAINTENANCE_LIMITS,
  systemOperatingCalendar,
  validateMaintenanceInput,
  type DutyDecision,
  type DutyRule,
  type MaintenanceKind,
  type MaintenanceWindowFact,
  type RuleId,
  ruleIdSet,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { MaintenanceKindEnum, MaintenanceStatusEnum, MaintenanceWindow } from './maintenance.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

export const conflict = (message: string, messageJa: string, ruleIds: RuleId[] = []) => new AppError('CONFLICT', message, { messageJa, ruleIds });

export const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
};

export async function systemOrThrow(db: Db, id: string, path: (string | number)[]): Promise<registryRepo.SystemRow> {
  idOrThrow(id, path);
  const [system] = await registryRepo.systemsByIds(db, [id]);
  if (!system) throw notFound('System', path);
  return system;
}

// ---- who administers a system's operations -------------------------------------------------------------

/** The duty decision for the viewer over a system, from the rulebook's roles (deputies included). */
export async function viewerDuty(ctx: Context, db: Db, system: registryRepo.SystemRow, table: readonly DutyRule[], rulebookId: string): Promise<DutyDecision | null> {
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
  refusal: { en: string; ja: string },
  opts: { roleRequired?: boolean } = {},
): Promise<{ ruleIds: RuleId[]; onBehalfOfStaffId: string | null }> {
  const v = ctx.viewer!;
  const allRules = [...new Set(table.flatMap((t) => t.ruleIds))];
  if (v.kind !== 'staff') throw forbidden('Operations are recorded by staff, not by API tokens.', allRules, '運用の記録は職員が行います（APIトークンではできません）。');
  const duty = await viewerDuty(ctx, db, system, table, rulebookId);
  if (duty?.allowed) return { ruleIds: duty.ruleIds, onBehalfOfStaffId: duty.onBehalfOfStaffId };
  if (v.registryAdmin && !opts.roleRequired) return { ruleIds: [], onBehalfOfStaffId: null };
  throw forbidden(refusal.en, duty?.ruleIds ?? allRules, refusal.ja);
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
export async function tellUsingSections(ctx: Context, db: Db, system: registryRepo.SystemRow, notice: SectionNotice): Promise<opsRepo.UsingSectionHeadRow[]> {
  const sections = await opsRepo.usingSectionHeads(db, system.id, localDateAt(ctx.now()));
  const staffIds = [...new Set(sections.flatMap((s) => s.staff_ids))];
  await tellStaff(ctx, db, staffIds, notice);
  return sections;
}

export async function tellStaff(ctx: Context, db: Db, staffIds: string[], notice: SectionNotice): Promise<void> {
  if (!staffIds.length) return;
  const people = await accessRepo.staffByIds(db, staffIds);
  const municipalityId = ctx.viewer!.municipalityId;
  await accessRepo.insertNotifications(db, municipalityId, people.map((p) => ({
    recipientId: p.id, kind: notice.kind, subject: notice.subject, body: notice.body, targetType: notice.targetType, targetId: notice.targetId, ruleIds: notice.ruleIds,
  })));
  await requestRepo.queueMail(db, municipalityId, people.map((p) => ({ recipientId: p.id, to: p.email, subject: `【司】${notice.subject}`, body: notice.body })));
}

export const sectionLabel = (s: { org_unit_name: string; parent_name: string | null }) => (s.parent_name ? `${s.parent_name} ${s.org_unit_name}` : s.org_unit_name);

const audit = (ctx: Context, db: Db, action: string, targetId: string, onBehalfOf: string | null, after: Record<string, unknown>, ruleIds: RuleId[], before?: Record<string, unknown>) =>
  auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [{ actorStaffId: ctx.viewer!.staffId, onBehalfOfStaffId: onBehalfOf, action, targetType: 'maintenance_window', targetId, before, after, ruleIds, requestId: ctx.requestId }]);

// ---- windows ------------------------------------------------------------------------------------------------

export function toWindowFact(w: opsRepo.MaintenanceWindowRow): MaintenanceWindowFact {
  return { kind: w.kind, from: toDate(w.starts_at).toISOString(), to: toDate(w.ends_at).toISOString(), reason: w.reason, reasonEn: w.reason_en, announcedAt: toIsoOrNull(w.announced_at), cancelledAt: toIsoOrNull(w.cancelled_at) };
}

export function toWindow(w: opsRepo.MaintenanceWindowRow, rulebookId: string | null, now: Date): MaintenanceWindow {
  const fact = toWindowFact(w);
  return graphqlObject(MaintenanceWindow, {
    id: w.id, kind: w.kind as MaintenanceKindEnum, from: toDate(w.starts_at), to: toDate(w.ends_at), reason: w.reason, reasonEn: w.reason_en,
    status: maintenanceStatus(fact, now) as MaintenanceStatusEnum, plannedAt: toDate(w.planned_at), announcedAt: toDateOrNull(w.announced_at),
    cancelledAt: toDateOrNull(w.cancelled_at), cancelReason: w.cancel_reason, ruleIds: w.rule_ids, version: w.version,
    warnings: maintenanceWarnings(rulebookId, fact, now).map((x) => ({ ...x, overlaps: x.overlaps.map((o) => ({ from: new Date(o.from), to: new Date(o.to) })) })),
    systemId: w.system_id, plannedById: w.planned_by_id, announcedById: w.announced_by_id,
  });
}

/** A system's operating calendar with its windows in force from an instant on. */
export async function calendarOf(db: Db, system: registryRepo.SystemRow, after: Date) {
  const windows = await opsRepo.windowsInForce(db, [system.id], after);
  return { calendar: systemOperatingCalendar(system.rulebook_id, windows.map(toWindowFact)), windows };
}

const KIND_JA: Record<MaintenanceKind, string> = { closed: 'システム停止', open: '運用時間の延長' };

function period(w: opsRepo.MaintenanceWindowRow): string {
  return `${formatWarekiDateTime(toDate(w.starts_at))}から${formatWarekiDateTime(toDate(w.ends_at))}まで`;
}

export interface PlanInput { systemId: string; kind: MaintenanceKind; from: Date; to: Date; reason: string; reasonEn?: string | null }

const PLANNER_REFUSAL = { en: 'Only the administrators of this system plan, announce and cancel its maintenance windows.', ja: 'このシステムの保守等による停止・運用時間の変更は、システムの管理者だけが登録・周知・取消しできます。' };

export async function planMaintenance(ctx: Context, input: PlanInput) {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const rules = maintenanceRules(system.rulebook_id);
  const duty = await administratorOrThrow(ctx, db, system, rules.planners, rules.rulebookId, PLANNER_REFUSAL);
  const errors = validateMaintenanceInput({ kind: input.kind, from: input.from.toISOString(), to: input.to.toISOString(), reason: input.reason, reasonEn: input.reasonEn }, ctx.now());
  if (errors.length) throw badInput(errors);
  const id = randomUUID();
  const basis = input.kind === 'closed' ? rules.stopRuleIds : rules.extensionRuleIds;
  const ruleIds = ruleIdSet(basis, duty.ruleIds);
  await opsRepo.insertMaintenanceWindow(db, {
    id, municipalityId: ctx.viewer!.municipalityId, systemId: system.id, kind: input.kind, from: input.from, to: input.to, reason: input.reason.trim(),
    reasonEn: input.reasonEn?.trim() || null, plannedBy: ctx.viewer!.staffId, onBehalfOf: duty.onBehalfOfStaffId, at: ctx.now(), ruleIds,
  });
  const row = (await opsRepo.maintenanceWindowById(db, id))!;
  const warnings = maintenanceWarnings(system.rulebook_id, toWindowFact(row), ctx.now());
  await audit(ctx, db, 'maintenance.plan', id, duty.onBehalfOfStaffId, {
    system: system.id, kind: input.kind, from: input.from.toISOString(), to: input.to.toISOString(), reason: row.reason, warnings: warnings.map((w) => w.code),
  }, ruleIds);
  return { row, system };
}

async function windowForChange(ctx: Context, id: string) {
  idOrThrow(id, ['id']);
  const db = await ctx.db.em();
  const row = await opsRepo.maintenanceWindowById(db, id, { lock: true });
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
  if (row.cancelled_at) throw conflict('The window has been cancelled.', 'この期間は取り消されています。', noticeRules);
  if (row.announced_at) throw conflict('The window has already been announced.', 'この期間はすでに周知されています。', noticeRules);
  if (toDate(row.ends_at) <= ctx.now()) throw conflict('The window is over: there is nothing left to announce.', 'この期間はすでに終わっているため、周知できません。', noticeRules);
  const ruleIds = ruleIdSet(row.rule_ids, noticeRules);
  const announced = (await opsRepo.announceWindow(db, row.id, ctx.viewer!.staffId, ctx.now(), ruleIds))!;
  const what = KIND_JA[row.kind];
  const sections = await tellUsingSections(ctx, db, system, {
    kind: 'maintenance.announce', targetType: 'maintenance_window', targetId: row.id, ruleIds: noticeRules,
    subject: `${system.name} ${what}のお知らせ`,
    body: `${system.name}は、${period(row)}${row.kind === 'closed' ? '停止します' : '運用時間を延長します'}。\n理由: ${row.reason}\n課内の職員へ周知してください${noticeRules.length ? `（${noticeRules.join('、')}）` : ''}。`,
  });
  await audit(ctx, db, 'maintenance.announce', row.id, duty.onBehalfOfStaffId, {
    sections: sections.map((s) => ({ orgUnitId: s.org_unit_id, positionId: s.position_id, staffIds: s.staff_ids })),
  }, ruleIds, { announcedAt: null });
  return { row: announced, system };
}

export async function cancelMaintenance(ctx: Context, id: string, reason: string) {
  const why = (reason ?? '').trim();
  if (!why) throw badInput([fieldError(['reason'], 'REQUIRED', 'Say why the window is cancelled.', '取消しの理由を入力してください。')]);
  if ([...why].length > MAINTENANCE_LIMITS.cancelReason) throw badInput([fieldError(['reason'], 'TOO_LONG', `At most ${MAINTENANCE_LIMITS.cancelReason} characters.`, `理由は${MAINTENANCE_LIMITS.cancelReason}文字以内で入力してください。`)]);
  const { db, row, system, rules, duty } = await windowForChange(ctx, id);
  if (row.cancelled_at) throw conflict('The window has already been cancelled.', 'この期間はすでに取り消されています。');
  if (toDate(row.ends_at) <= ctx.now()) throw conflict('The window is over: it can no longer be cancelled.', 'この期間はすでに終わっているため、取り消せません。');
  const cancelled = (await opsRepo.cancelWindow(db, row.id, ctx.viewer!.staffId, ctx.now(), why))!;
  // Those told of the window are told it no longer applies.
  if (row.announced_at) {
    const noticeRules = rules.noticeRuleIds.length ? rules.noticeRuleIds : rules.stopRuleIds;
    await tellUsingSections(ctx, db, system, {
      kind: 'maintenance.cancel', targetType: 'maintenance_window', targetId: row.id, ruleIds: noticeRules,
      subject: `${system.name} ${KIND_JA[row.kind]}の取消しのお知らせ`,
      body: `先にお知らせした${system.name}の${KIND_JA[row.kind]}（${period(row)}）は取り消されました。\n理由: ${why}`,
    });
  }
  await audit(ctx, db, 'maintenance.cancel', row.id, duty.onBehalfOfStaffId, { reason: why, wasAnnounced: !!row.announced_at }, row.rule_ids, { cancelledAt: null });
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
