// The registers of operations with their due dates (SPEC §6): monthly processing plans (ARK-8),
// system documents kept current after every modification (MNT-13-9, MNT-21, ARK-5, ARK-11), the
// ARK-6-1 contract clauses, audits and self-inspections (ARK-29), quarterly check sheets (KWO-5-3),
// findings and improvement requests (KWW-10-2, KWO-3-3) and the form ledger (KWO-5-2). Who may
// record what is the rulebook's (REGISTER_DUTIES); the due dates are the domain's.
import { randomUUID } from 'node:crypto';
import { accessRepo, auditRepo, authRepo, meetingRepo, registersRepo, registryRepo, requestRepo, toDate, type Db } from '@tsukasa/db';
import {
  CHECK_SHEET_RULE_IDS,
  CONTRACT_CLAUSES,
  CONTRACT_CLAUSE_RULE_ID,
  FORM_LEDGER_RULE_IDS,
  INSPECTION_KINDS,
  PLAN_ITEM_STEP_RULES,
  PROCESSING_PLAN_RULE_IDS,
  REGISTER_DUTIES,
  addMonths,
  checkSheetPlaces,
  checkSheetSchedule,
  contractClausesApply,
  decideImprovementRequest,
  decideRegisterDuty,
  documentRule,
  documentStaleness,
  fieldError,
  findingOverdue,
  findingStepConflict,
  fiscalQuarter,
  fiscalYearOf,
  isIsoDate,
  isMonth,
  ledgerEntryState,
  localDateAt,
  missingContractClauses,
  monthOf,
  planItemStepConflict,
  positionsAt,
  processingPlanObligations,
  processingPlanStatus,
  processingPlanWindow,
  recentQuarters,
  validateCheckSheet,
  validateDisposal,
  validateDocumentDraft,
  validateFinding,
  validateInspection,
  validateLedgerEntry,
  validateOutputCheck,
  validateProcessingPlan,
  type Bilingual,
  type CheckSheetSlot,
  type DisposalMethod,
  type DocumentKind,
  type DocumentStaleness,
  type FieldError,
  type FiscalQuarter,
  type InspectionResult,
  type OutputResult,
  type PlanItemStep,
  type ProcessingPlanStatus,
  type RegisterDecision,
  type RegisterDutyRule,
  type RegisterTarget,
  type RuleId,
  ruleIdSet,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts, type StaffFacts } from '../authz/index.ts';

/** Today in the municipality (Asia/Tokyo): due dates are calendar days. */
export const todayOf = (ctx: Context): string => localDateAt(ctx.now());

const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
};

const conflict = (m: Bilingual, ruleIds: RuleId[] = []) => new AppError('CONFLICT', m.en, { messageJa: m.ja, ruleIds });

/** Register entries are made by staff in person: an integrator token carries no duty. */
async function staffFacts(ctx: Context, db: Db): Promise<StaffFacts> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') throw forbidden('Register entries are made by staff signed in as themselves.', [], '登録は本人としてサインインした職員が行います。');
  return loadStaffFacts(db, v.staffId, ctx.now());
}

function decide(ctx: Context, facts: StaffFacts, rules: readonly RegisterDutyRule[], target: RegisterTarget): RegisterDecision {
  const v = ctx.viewer!;
  return decideRegisterDuty(rules, facts.viewer.roles, target, (id) => facts.positionOrgUnit.get(id), v.kind === 'staff' && v.registryAdmin);
}

function allowedOrThrow(d: RegisterDecision): Extract<RegisterDecision, { allowed: true }> {
  if (!d.allowed) throw forbidden(d.message.en, d.ruleIds, d.message.ja);
  return d;
}

const audit = (ctx: Context, db: Db, action: string, targetType: string, targetId: string, after: Record<string, unknown>, ruleIds: RuleId[], onBehalfOf: string | null = null) =>
  auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [{ actorStaffId: ctx.viewer!.staffId, onBehalfOfStaffId: onBehalfOf, action, targetType, targetId, after, ruleIds, requestId: ctx.requestId }]);

/** Tells the current holders of positions (in the app; by mail too when `mail`). */
async function notifyPositions(ctx: Context, db: Db, positionIds: string[], n: { kind: string; subject: string; body: string; targetType: string; targetId: string; ruleIds: RuleId[] }, mail = false): Promise<void> {
  if (positionIds.length === 0) return;
  const holders = await meetingRepo.holdersOn(db, [...new Set(positionIds)], todayOf(ctx));
  const ids = [...new Set(holders.flatMap((h) => (h.staff_id && h.staff_id !== ctx.viewer!.staffId ? [h.staff_id] : [])))];
  await notifyStaff(ctx, db, ids, n, mail);
}

async function notifyStaff(ctx: Context, db: Db, staffIds: string[], n: { kind: string; subject: string; body: string; targetType: string; targetId: string; ruleIds: RuleId[] }, mail: boolean): Promise<void> {
  if (staffIds.length === 0) return;
  const m = ctx.viewer!.municipalityId;
  await accessRepo.insertNotifications(db, m, staffIds.map((recipientId) => ({ recipientId, ...n })));
  if (mail) {
    const people = await accessRepo.staffByIds(db, staffIds);
    await requestRepo.queueMail(db, m, people.map((p) => ({ recipientId: p.id, to: p.email, subject: `【司】${n.subject}`, body: `${n.body}\n\n管理画面の「運用」から確認できます。` })));
  }
}

async function roleHolderPositions(db: Db, rulebookId: string, roleKey: string): Promise<string[]> {
  return (await requestRepo.positionsWithRole(db, rulebookId, roleKey, null)).map((p) => p.position_id);
}

async function systemOrThrow(db: Db, id: string, path: (string | number)[]): Promise<registersRepo.SystemFactRow> {
  idOrThrow(id, path);
  const [system] = await registersRepo.systemFacts(db, { ids: [id] });
  if (!system) throw notFound('System', path);
  return system;
}

async function municipalityRulebooks(ctx: Context, db: Db): Promise<string[]> {
  return (await authRepo.municipalityById(db, ctx.viewer!.municipalityId))?.rulebook_ids ?? [];
}

const labelsOf = async (db: Db, ids: string[]) => new Map((await registersRepo.orgUnitLabels(db, [...new Set(ids)])).map((u) => [u.id, u.label]));

// ---- processing plans (ARK-8) ------------------------------------------------------------------------

export interface PlanOut {
  plan: registersRepo.PlanRow;
  items: registersRepo.PlanItemRow[];
}

export async function plansOut(db: Db, list: registersRepo.PlanRow[]): Promise<PlanOut[]> {
  const items = list.length ? await registersRepo.itemsOfPlans(db, list.map((p) => p.id)) : [];
  return list.map((plan) => ({ plan, items: items.filter((i) => i.plan_id === plan.id) }));
}

export async function processingPlans(ctx: Context, filter: { month?: string | null; systemId?: string | null }): Promise<PlanOut[]> {
  if (filter.month && !isMonth(filter.month)) throw badInput([fieldError(['month'], 'INVALID_VALUE', 'Give the month as YYYY-MM.', '対象月をYYYY-MMの形式で入力してください。')]);
  if (filter.systemId) idOrThrow(filter.systemId, ['systemId']);
  const db = await ctx.db.em();
  return plansOut(db, await registersRepo.plans(db, { months: filter.month ? [filter.month] : null, systemId: filter.systemId }));
}

export interface PlanDueOut extends ProcessingPlanStatus {
  systemName: string;
  orgUnitName: string;
  planId: string | null;
}

/** Every (system, using section) pair owing a plan for each month, and where it stands today. */
async function planStatuses(ctx: Context, db: Db, months: string[], today: string): Promise<PlanDueOut[]> {
  const systems = await registersRepo.systemFacts(db, { rulebookId: 'ARK' });
  const obligations = processingPlanObligations(systems.map((s) => ({
    id: s.id, rulebookId: s.rulebook_id, managementType: s.management_type, managingOrgUnitId: s.managing_org_unit_id, lifecycleStatus: s.lifecycle_status, usingOrgUnitIds: s.using_org_unit_ids,
  })));
  if (obligations.length === 0) return [];
  const [submitted, labels] = await Promise.all([registersRepo.plans(db, { months }), labelsOf(db, obligations.map((o) => o.orgUnitId))]);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return months.flatMap((month) => obligations.map((o) => {
    const plan = submitted.find((p) => p.month === month && p.system_id === o.systemId && p.org_unit_id === o.orgUnitId);
    return {
      ...processingPlanStatus(o, month, today, plan ? localDateAt(toDate(plan.submitted_at)) : null),
      systemName: names.get(o.systemId) ?? '', orgUnitName: labels.get(o.orgUnitId) ?? '', planId: plan?.id ?? null,
    };
  }));
}

/** ARK-8-1: the plans of a month (default: next month) — reported, due or overdue. */
export async function processingPlansDue(ctx: Context, month: string | null): Promise<PlanDueOut[]> {
  if (month && !isMonth(month)) throw badInput([fieldError(['month'], 'INVALID_VALUE', 'Give the month as YYYY-MM.', '対象月をYYYY-MMの形式で入力してください。')]);
  const today = todayOf(ctx);
  return planStatuses(ctx, await ctx.db.em(), [month ?? addMonths(monthOf(today), 1)], today);
}

export interface PlanInput {
  systemId: string;
  orgUnitId: string;
  month: string;
  items: { job: string; scheduledOn: string; scheduledTime?: string | null; inputData?: string | null }[];
}

/** ARK-8-1: the using section chief reports next month's plan to デジタル推進課長. */
export async function submitProcessingPlan(ctx: Context, input: PlanInput): Promise<PlanOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  idOrThrow(input.orgUnitId, ['input', 'orgUnitId']);
  if (system.rulebook_id !== 'ARK' || system.management_type !== 'digital_section') {
    throw badInput([fieldError(['input', 'systemId'], 'INVALID_VALUE', 'Monthly processing plans are reported for systems デジタル推進課 manages (ARK-8-1).', '月間処理予定はデジタル推進課が管理する電子情報システムについて報告します（ARK-8-1）。', PROCESSING_PLAN_RULE_IDS)]);
  }
  const owes = processingPlanObligations([{ id: system.id, rulebookId: system.rulebook_id, managementType: system.management_type, managingOrgUnitId: system.managing_org_unit_id, lifecycleStatus: system.lifecycle_status, usingOrgUnitIds: system.using_org_unit_ids }]);
  if (!owes.some((o) => o.orgUnitId === input.orgUnitId)) {
    throw badInput([fieldError(['input', 'orgUnitId'], 'INVALID_VALUE', 'This section does not use the system (or is デジタル推進課 itself): it reports no plan for it.', 'この課は当該システムを利用する課ではないため、月間処理予定を報告しません。', PROCESSING_PLAN_RULE_IDS)]);
  }
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES.processing_plan, { orgUnitId: input.orgUnitId }));
  const today = todayOf(ctx);
  const errors = validateProcessingPlan(input.month, input.items, today);
  if (errors.length) throw badInput(errors);
  if (await registersRepo.planOf(db, system.id, input.orgUnitId, input.month)) {
    throw conflict({ ja: 'この月の月間処理予定は報告済みです。変更はデジタル推進課長と協議してください（ARK-8-2、ARK-8-6）。', en: 'The plan for this month has already been reported. Changes are agreed with the digital section chief (ARK-8-2, ARK-8-6).' }, ['ARK-8-2', 'ARK-8-6']);
  }
  const id = randomUUID();
  const v = ctx.viewer!;
  await registersRepo.insertPlan(db, { id, municipalityId: v.municipalityId, systemId: system.id, orgUnitId: input.orgUnitId, month: input.month, by: v.staffId, onBehalfOf: allowed.onBehalfOfStaffId, at: ctx.now(), ruleIds: PROCESSING_PLAN_RULE_IDS });
  await registersRepo.insertPlanItems(db, v.municipalityId, id, input.items.map((i, n) => ({
    id: randomUUID(), seq: n + 1, job: i.job.trim(), scheduledOn: i.scheduledOn, scheduledTime: i.scheduledTime || null, inputData: i.inputData?.trim() ?? '',
  })));
  await audit(ctx, db, 'processing_plan.submit', 'processing_plan', id, { system: system.id, orgUnit: input.orgUnitId, month: input.month, items: input.items.length, via: allowed.via }, allowed.ruleIds, allowed.onBehalfOfStaffId);
  const plan = (await registersRepo.planById(db, id))!;
  const late = today > processingPlanWindow(input.month).dueOn;
  await notifyPositions(ctx, db, await roleHolderPositions(db, 'ARK', 'digital_section_chief'), {
    kind: 'processing_plan.submitted', subject: `月間処理予定の報告（${system.name}／${plan.org_unit_name}／${input.month}）`,
    body: `${plan.org_unit_name}から${system.name}の${input.month}分の月間処理予定（${input.items.length}件）が報告されました${late ? '（期限後）' : ''}。`,
    targetType: 'processing_plan', targetId: id, ruleIds: PROCESSING_PLAN_RULE_IDS,
  });
  return (await plansOut(db, [plan]))[0]!;
}

const STEP_AUDIT: Record<PlanItemStep, string> = { handover: 'processing_plan.input_sent', return: 'processing_plan.input_returned', output_check: 'processing_plan.output_checked' };

/** ARK-8-3 (handover), ARK-8-4 (return), ARK-8-5 (output check) of one job of a plan. */
export async function recordPlanItemStep(ctx: Context, itemId: string, step: PlanItemStep, extra: { note?: string | null; result?: OutputResult } = {}): Promise<PlanOut> {
  idOrThrow(itemId, ['itemId']);
  const db = await ctx.db.em();
  const peek = await registersRepo.planItemById(db, itemId);
  if (!peek) throw notFound('Plan item', ['itemId']);
  const plan = (await registersRepo.planById(db, peek.plan_id, { lock: true }))!;
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, step === 'return' ? REGISTER_DUTIES.processing_plan_return : REGISTER_DUTIES.processing_plan, { orgUnitId: plan.org_unit_id }));
  const note = extra.note?.trim() || null;
  if (step === 'output_check') {
    const errors = validateOutputCheck(extra.result!, note);
    if (errors.length) throw badInput(errors);
  } else if ((note ?? '').length > 500) {
    throw badInput([fieldError(['note'], 'TOO_LONG', 'At most 500 characters.', '500文字以内で入力してください。')]);
  }
  const item = (await registersRepo.planItemById(db, itemId))!;
  const at = (x: Date | string | null) => (x ? toDate(x).toISOString() : null);
  const blocked = planItemStepConflict({ inputSentAt: at(item.input_sent_at), inputReturnedAt: at(item.input_returned_at), outputCheckedAt: at(item.output_checked_at) }, step);
  if (blocked) throw conflict(blocked.message, blocked.ruleIds);
  if (!(await registersRepo.recordPlanItemStep(db, itemId, step, { by: ctx.viewer!.staffId, at: ctx.now(), note, result: extra.result ?? null }))) {
    throw conflict({ ja: 'この処理は既に記録されています。', en: 'This has already been recorded.' }, PLAN_ITEM_STEP_RULES[step]);
  }
  const ruleIds = ruleIdSet(PLAN_ITEM_STEP_RULES[step], allowed.ruleIds);
  await audit(ctx, db, STEP_AUDIT[step], 'processing_plan_item', itemId, { plan: plan.id, job: item.job, note, result: extra.result ?? null, via: allowed.via }, ruleIds, allowed.onBehalfOfStaffId);
  const label = `${plan.system_name}／${plan.org_unit_name}／${plan.month}「${item.job}」`;
  if (step === 'return') {
    const heads = await requestRepo.headPositionsOfUnits(db, [plan.org_unit_id]);
    await notifyPositions(ctx, db, heads.map((h) => h.id), { kind: 'processing_plan.input_returned', subject: `入力データ等の返還（${label}）`, body: `${label}の入力データ等の電子情報処理が終了し、返還されました。`, targetType: 'processing_plan', targetId: plan.id, ruleIds });
  } else {
    const abnormal = extra.result === 'abnormal';
    const body = step === 'handover'
      ? `${label}の入力データ等が送付されました${note ? `（${note}）` : ''}。`
      : `${label}の出力帳票等を確認しました。結果: ${abnormal ? `異常あり（${note}）` : '異常なし'}`;
    // ARK-8-5: an abnormal output is reported at once, by mail too.
    await notifyPositions(ctx, db, await roleHolderPositions(db, 'ARK', 'digital_section_chief'), {
      kind: STEP_AUDIT[step], subject: `${step === 'handover' ? '入力データ等の送付' : '出力帳票等の確認結果'}（${label}）`, body, targetType: 'processing_plan', targetId: plan.id, ruleIds,
    }, abnormal);
  }
  return (await plansOut(db, [(await registersRepo.planById(db, plan.id))!]))[0]!;
}

// ---- documents (MNT-13-9, MNT-21, ARK-5, ARK-11) ------------------------------------------------------

export interface DocumentOut {
  systemId: string;
  systemName: string;
  kind: DocumentKind;
  orgUnitId: string | null;
  orgUnitName: string | null;
  versions: registersRepo.DocumentVersionRow[];
  staleness: DocumentStaleness;
}

/** Versions grouped into documents (system, kind, keeping section), each checked against the modifications completed since. */
function documentsOf(versions: registersRepo.DocumentVersionRow[], modifications: registersRepo.ModificationRow[]): DocumentOut[] {
  const groups = new Map<string, registersRepo.DocumentVersionRow[]>();
  for (const v of versions) {
    const key = `${v.system_id}|${v.kind}|${v.org_unit_id ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  return [...groups.values()].map((list) => {
    const latest = list[0]!;
    const mods = modifications.filter((m) => m.system_id === latest.system_id).map((m) => ({ requestNumber: m.number, decidedAt: toDate(m.decided_at).toISOString() }));
    return {
      systemId: latest.system_id, systemName: latest.system_name, kind: latest.kind, orgUnitId: latest.org_unit_id, orgUnitName: latest.org_unit_name, versions: list,
      staleness: documentStaleness(documentRule(latest.rulebook_id, latest.kind), { registeredAt: toDate(latest.registered_at).toISOString(), versionLabel: latest.version_label }, mods),
    };
  });
}

export async function systemDocuments(ctx: Context, systemId: string): Promise<DocumentOut[]> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, systemId, ['systemId']);
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, [system.id]), registersRepo.completedModifications(db, [system.id])]);
  return documentsOf(versions, mods);
}

/** Every document of the municipality a completed modification has left behind. */
export async function staleDocuments(ctx: Context): Promise<DocumentOut[]> {
  const db = await ctx.db.em();
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, null), registersRepo.completedModifications(db, null)]);
  return documentsOf(versions, mods).filter((d) => d.staleness.stale);
}

export interface DocumentInput {
  systemId: string;
  kind: DocumentKind;
  orgUnitId?: string | null;
  title: string;
  versionLabel: string;
  note?: string | null;
}

/** Registers a new version of a system document (MNT-21-1, ARK-5-1, ARK-11-1); it clears the staleness it follows. */
export async function registerSystemDocument(ctx: Context, input: DocumentInput): Promise<DocumentOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const rule = documentRule(system.rulebook_id, input.kind);
  const orgUnitId = input.orgUnitId || null;
  if (orgUnitId) idOrThrow(orgUnitId, ['input', 'orgUnitId']);
  if (rule?.keptBy === 'using_section') {
    if (!orgUnitId) throw badInput([fieldError(['input', 'orgUnitId'], 'REQUIRED', 'Name the using section whose operating manual this is (ARK-11-1).', '操作手引書を作成・保管する利用課を選択してください（ARK-11-1）。', rule.keepers.flatMap((k) => k.ruleIds))]);
    if (!system.using_org_unit_ids.includes(orgUnitId)) throw badInput([fieldError(['input', 'orgUnitId'], 'INVALID_VALUE', 'This section does not use the system.', 'この課は当該システムを利用していません。', rule.keepers.flatMap((k) => k.ruleIds))]);
  } else if (orgUnitId) {
    throw badInput([fieldError(['input', 'orgUnitId'], 'INVALID_VALUE', 'This document is kept for the system as a whole, not per section.', 'この文書はシステムごとに管理するもので、課ごとには登録しません。', rule ? rule.keepers.flatMap((k) => k.ruleIds) : undefined)]);
  }
  const facts = await staffFacts(ctx, db);
  let allowed: Extract<RegisterDecision, { allowed: true }>;
  if (rule) {
    allowed = allowedOrThrow(decide(ctx, facts, rule.keepers, { managingOrgUnitId: system.managing_org_unit_id, orgUnitId }));
  } else {
    const v = ctx.viewer!;
    if (!(v.kind === 'staff' && v.registryAdmin)) {
      throw forbidden('No rule of this system’s rulebook assigns its documents: only registry administrators register them.', [], 'このシステムの規程には文書の管理者の定めがないため、台帳管理者だけが登録できます。');
    }
    allowed = { allowed: true, via: 'registry_admin', role: null, ruleIds: [], onBehalfOfStaffId: null };
  }
  const errors: FieldError[] = validateDocumentDraft(input);
  if (errors.length) throw badInput(errors);
  const versionLabel = input.versionLabel.trim();
  if (await registersRepo.documentVersionExists(db, { systemId: system.id, kind: input.kind, orgUnitId, versionLabel })) {
    throw badInput([fieldError(['input', 'versionLabel'], 'DUPLICATE', 'This version is already registered.', 'この版は既に登録されています。')]);
  }
  const id = randomUUID();
  const ruleIds = ruleIdSet(allowed.ruleIds, rule?.currentRuleIds);
  await registersRepo.insertDocumentVersion(db, {
    id, municipalityId: ctx.viewer!.municipalityId, systemId: system.id, kind: input.kind, orgUnitId, title: input.title.trim(), versionLabel, note: input.note?.trim() || null,
    by: ctx.viewer!.staffId, onBehalfOf: allowed.onBehalfOfStaffId, at: ctx.now(), ruleIds,
  });
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, [system.id]), registersRepo.completedModifications(db, [system.id])]);
  const doc = documentsOf(versions, mods).find((d) => d.kind === input.kind && d.orgUnitId === orgUnitId)!;
  await audit(ctx, db, 'document.register', 'system_document_version', id, { system: system.id, kind: input.kind, orgUnit: orgUnitId, versionLabel, stale: doc.staleness.stale, via: allowed.via }, ruleIds, allowed.onBehalfOfStaffId);
  return doc;
}

// ---- contract clauses (ARK-6-1) -----------------------------------------------------------------------

export interface ChecklistOut {
  system: registersRepo.SystemFactRow;
  applies: boolean;
  checks: registersRepo.ContractCheckRow[];
  missing: string[];
}

function checklistOf(system: registersRepo.SystemFactRow, checks: registersRepo.ContractCheckRow[]): ChecklistOut {
  const applies = contractClausesApply({ rulebookId: system.rulebook_id, contractorId: system.contractor_id });
  const mine = checks.filter((c) => c.system_id === system.id);
  return { system, applies, checks: mine, missing: applies ? missingContractClauses(mine.map((c) => ({ ruleId: c.clause_rule_id, checked: c.checked }))) : [] };
}

export async function contractClauses(ctx: Context, systemId: string): Promise<ChecklistOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, systemId, ['systemId']);
  return checklistOf(system, await registersRepo.contractChecks(db, [system.id]));
}

/** ARK-6-1: the managing chief records whether the contract states an item. */
export async function setContractClause(ctx: Context, input: { systemId: string; clause: string; checked: boolean; note?: string | null }): Promise<ChecklistOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['systemId']);
  if (!contractClausesApply({ rulebookId: system.rulebook_id, contractorId: system.contractor_id })) {
    throw badInput([fieldError(['systemId'], 'INVALID_VALUE', 'ARK-6-1 binds the contracts of outsourced Arakawa systems: this system has no contractor under it.', 'ARK-6-1は受託事業者に委託している荒川区の電子情報システムの契約に適用されます。このシステムは対象外です。', [CONTRACT_CLAUSE_RULE_ID])]);
  }
  const clause = CONTRACT_CLAUSES.find((c) => c.ruleId === input.clause);
  if (!clause) throw badInput([fieldError(['clause'], 'INVALID_VALUE', 'Name an item of ARK-6-1 (ARK-6-1-1 … ARK-6-1-10).', 'ARK-6-1の号（ARK-6-1-1〜ARK-6-1-10）を指定してください。', [CONTRACT_CLAUSE_RULE_ID])]);
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES.contract_clause, { managingOrgUnitId: system.managing_org_unit_id }));
  const note = input.note?.trim() || null;
  if ((note ?? '').length > 1000) throw badInput([fieldError(['note'], 'TOO_LONG', 'At most 1000 characters.', '備考は1000文字以内で入力してください。')]);
  await registersRepo.upsertContractCheck(db, { municipalityId: ctx.viewer!.municipalityId, systemId: system.id, clause: clause.ruleId, checked: input.checked, note, by: ctx.viewer!.staffId, at: ctx.now() });
  await audit(ctx, db, 'contract_clause.set', 'system', system.id, { clause: clause.ruleId, checked: input.checked, note, via: allowed.via }, [clause.ruleId, ...allowed.ruleIds], allowed.onBehalfOfStaffId);
  return checklistOf(system, await registersRepo.contractChecks(db, [system.id]));
}

/** Outsourced ARK systems in use whose contract is not recorded as stating every item. */
async function systemsMissingClauses(db: Db): Promise<ChecklistOut[]> {
  const systems = (await registersRepo.systemFacts(db, { rulebookId: 'ARK' })).filter((s) => s.contractor_id && s.lifecycle_status !== 'retired');
  if (systems.length === 0) return [];
  const checks = await registersRepo.contractChecks(db, systems.map((s) => s.id));
  return systems.map((s) => checklistOf(s, checks)).filter((c) => c.applies && c.missing.length > 0);
}

// ---- inspections (ARK-29) and check sheets (KWO-5-3) -------------------------------------------------------

export async function inspections(ctx: Context, filter: { kind?: string | null; fiscalYear?: number | null }): Promise<registersRepo.InspectionRow[]> {
  return registersRepo.inspections(await ctx.db.em(), filter);
}

export interface InspectionInput {
  kind: 'audit' | 'self_inspection';
  orgUnitId?: string | null;
  systemId?: string | null;
  scope: string;
  conductedOn: string;
  result: InspectionResult;
  summary?: string | null;
}

/** ARK-29-1 audits (the セキュリティ委員会) and ARK-29-2 self-inspections (each chief, of their own section). */
export async function recordInspection(ctx: Context, input: InspectionInput): Promise<registersRepo.InspectionRow> {
  const db = await ctx.db.em();
  const kind = INSPECTION_KINDS[input.kind];
  if (!(await municipalityRulebooks(ctx, db)).includes(kind.rulebookId)) {
    throw badInput([fieldError(['input', 'kind'], 'INVALID_VALUE', `No rulebook of this municipality provides for a ${kind.en.toLowerCase()} (${kind.ruleIds.join(', ')}).`, `この団体の規程には${kind.ja}の定めがありません（${kind.ruleIds.join('、')}）。`, kind.ruleIds)]);
  }
  const orgUnitId = input.orgUnitId || null;
  if (orgUnitId) idOrThrow(orgUnitId, ['input', 'orgUnitId']);
  if (input.kind === 'self_inspection' && !orgUnitId) throw badInput([fieldError(['input', 'orgUnitId'], 'REQUIRED', 'Name the section that inspected itself.', '自己点検を実施した課を選択してください。', kind.ruleIds)]);
  if (orgUnitId && (await registersRepo.orgUnitLabels(db, [orgUnitId])).length === 0) throw badInput([fieldError(['input', 'orgUnitId'], 'NOT_FOUND', 'Org unit not found.', '組織が見つかりません。')]);
  if (input.systemId) await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, input.kind === 'audit' ? REGISTER_DUTIES.audit : REGISTER_DUTIES.self_inspection, { orgUnitId }));
  const errors = validateInspection(input.kind, input, todayOf(ctx));
  if (errors.length) throw badInput(errors);
  const id = randomUUID();
  const ruleIds = ruleIdSet(kind.ruleIds, allowed.ruleIds);
  await registersRepo.insertInspection(db, {
    id, municipalityId: ctx.viewer!.municipalityId, kind: input.kind, rulebookId: kind.rulebookId, orgUnitId, systemId: input.systemId || null, scope: input.scope.trim(), conductedOn: input.conductedOn,
    fiscalYear: fiscalYearOf(input.conductedOn), quarter: null, result: input.result, summary: input.summary?.trim() || null, by: ctx.viewer!.staffId, onBehalfOf: allowed.onBehalfOfStaffId, at: ctx.now(), ruleIds,
  });
  await audit(ctx, db, `inspection.${input.kind}`, 'inspection', id, { orgUnit: orgUnitId, system: input.systemId || null, conductedOn: input.conductedOn, result: input.result, via: allowed.via }, ruleIds, allowed.onBehalfOfStaffId);
  return (await registersRepo.inspectionById(db, id))!;
}

async function usingPlaces(db: Db): Promise<string[]> {
  const systems = await registersRepo.systemFacts(db, { rulebookId: 'KWO' });
  return checkSheetPlaces(systems.map((s) => ({ rulebookId: s.rulebook_id, managingOrgUnitId: s.managing_org_unit_id, lifecycleStatus: s.lifecycle_status, usingOrgUnitIds: s.using_org_unit_ids })));
}

async function placeOrThrow(db: Db, orgUnitId: string, ruleIds: RuleId[]): Promise<void> {
  idOrThrow(orgUnitId, ['input', 'orgUnitId']);
  if (!(await usingPlaces(db)).includes(orgUnitId)) {
    throw badInput([fieldError(['input', 'orgUnitId'], 'INVALID_VALUE', 'Not a using place of the ward office system (区民課, 支所区民センター, 出張所; KWO-2-4).', '区役所システムの利用場所（区民課・支所区民センター・出張所）ではありません（KWO-2-4）。', ['KWO-2-4', ...ruleIds])]);
  }
}

export interface CheckSheetInput {
  orgUnitId: string;
  fiscalYear: number;
  quarter: number;
  checkedOn: string;
  result: InspectionResult;
  measures?: string | null;
}

/** KWO-5-3: the システム利用責任者 records the place's check sheet (第2号様式) of a quarter. */
export async function recordCheckSheet(ctx: Context, input: CheckSheetInput): Promise<registersRepo.InspectionRow> {
  const db = await ctx.db.em();
  await placeOrThrow(db, input.orgUnitId, CHECK_SHEET_RULE_IDS);
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES.check_sheet, { orgUnitId: input.orgUnitId }));
  const errors = validateCheckSheet(input, todayOf(ctx));
  if (errors.length) throw badInput(errors);
  const q = fiscalQuarter(input.fiscalYear, input.quarter as FiscalQuarter);
  if (await registersRepo.checkSheetOf(db, input.orgUnitId, input.fiscalYear, input.quarter)) {
    throw conflict({ ja: `${input.fiscalYear}年度${q.label.ja}の点検シートは記録済みです。`, en: `The check sheet of ${q.label.en} of fiscal year ${input.fiscalYear} is already recorded.` }, CHECK_SHEET_RULE_IDS);
  }
  const id = randomUUID();
  await registersRepo.insertInspection(db, {
    id, municipalityId: ctx.viewer!.municipalityId, kind: 'check_sheet', rulebookId: 'KWO', orgUnitId: input.orgUnitId, systemId: null,
    scope: `点検シート（第2号様式） ${input.fiscalYear}年度${q.label.ja}`, conductedOn: input.checkedOn, fiscalYear: input.fiscalYear, quarter: input.quarter,
    result: input.result, summary: input.measures?.trim() || null, by: ctx.viewer!.staffId, onBehalfOf: allowed.onBehalfOfStaffId, at: ctx.now(), ruleIds: allowed.ruleIds,
  });
  await audit(ctx, db, 'inspection.check_sheet', 'inspection', id, { orgUnit: input.orgUnitId, fiscalYear: input.fiscalYear, quarter: input.quarter, checkedOn: input.checkedOn, result: input.result, late: input.checkedOn > q.to, via: allowed.via }, allowed.ruleIds, allowed.onBehalfOfStaffId);
  return (await registersRepo.inspectionById(db, id))!;
}

export interface CheckSheetDueOut extends CheckSheetSlot {
  orgUnitId: string;
  orgUnitName: string;
  inspectionId: string | null;
}

/** The check sheets of the given quarters at every using place, and where each stands today. */
async function checkSheetSlots(db: Db, quarters: { fiscalYear: number; quarter: number }[], today: string): Promise<CheckSheetDueOut[]> {
  const places = await usingPlaces(db);
  if (places.length === 0) return [];
  const years = [...new Set(quarters.map((q) => q.fiscalYear))].sort((a, b) => a - b);
  const [sheets, labels] = await Promise.all([
    Promise.all(years.map((fiscalYear) => registersRepo.inspections(db, { kind: 'check_sheet', fiscalYear }))).then((l) => l.flat()),
    labelsOf(db, places),
  ]);
  return places.flatMap((place) => years.flatMap((fy) => {
    const mine = sheets.filter((s) => s.org_unit_id === place && s.fiscal_year === fy);
    return checkSheetSchedule(fy, today, mine.map((s) => ({ quarter: s.quarter!, checkedOn: s.conducted_on })))
      .filter((slot) => quarters.some((q) => q.fiscalYear === fy && q.quarter === slot.quarter))
      .map((slot) => ({ ...slot, orgUnitId: place, orgUnitName: labels.get(place) ?? '', inspectionId: mine.find((s) => s.quarter === slot.quarter)?.id ?? null }));
  }));
}

/** KWO-5-3: the four check sheets of a fiscal year (default: the current one) at every using place. */
export async function checkSheetsDue(ctx: Context, fiscalYear: number | null): Promise<CheckSheetDueOut[]> {
  const today = todayOf(ctx);
  const fy = fiscalYear ?? fiscalYearOf(today);
  if (!Number.isInteger(fy) || fy < 2000 || fy > 2100) throw badInput([fieldError(['fiscalYear'], 'INVALID_VALUE', 'Give the fiscal year (e.g. 2026).', '年度を入力してください（例: 2026）。')]);
  return checkSheetSlots(await ctx.db.em(), [1, 2, 3, 4].map((quarter) => ({ fiscalYear: fy, quarter })), today);
}

// ---- findings and improvement requests (KWW-10-2, KWO-3-3, ARK-29) -----------------------------------------

export interface FindingOut {
  finding: registersRepo.FindingRow;
  notes: registersRepo.FindingNoteRow[];
}

async function findingsOut(db: Db, list: registersRepo.FindingRow[]): Promise<FindingOut[]> {
  const notes = list.length ? await registersRepo.notesOfFindings(db, list.map((f) => f.id)) : [];
  return list.map((finding) => ({ finding, notes: notes.filter((n) => n.finding_id === finding.id) }));
}

export async function findings(ctx: Context, filter: { status?: string | null; overdueOnly?: boolean | null }): Promise<FindingOut[]> {
  const db = await ctx.db.em();
  const today = todayOf(ctx);
  const list = (await registersRepo.findings(db, { statuses: filter.overdueOnly ? ['open'] : filter.status ? [filter.status] : null }))
    .filter((f) => !filter.overdueOnly || f.due_on < today);
  return findingsOut(db, list);
}

interface SideDecision {
  allowed: boolean;
  onBehalfOf: string | null;
}

/**
 * Whether the viewer may act on the raising side of a finding: whoever may raise that kind of
 * finding now (the 総括者 or the 情報資産管理責任者; whoever records the inspection; registry
 * administrators), or the one who raised it.
 */
async function raisingSide(ctx: Context, db: Db, facts: StaffFacts, f: registersRepo.FindingRow): Promise<SideDecision> {
  const v = ctx.viewer!;
  if (f.inspection_id) {
    const inspection = (await registersRepo.inspectionById(db, f.inspection_id))!;
    const d = decide(ctx, facts, REGISTER_DUTIES[inspection.kind], { orgUnitId: inspection.org_unit_id });
    if (d.allowed) return { allowed: true, onBehalfOf: d.onBehalfOfStaffId };
  } else {
    const bindings = await accessRepo.bindingsOfPositions(db, [f.addressee_position_id]);
    const d = decideImprovementRequest(facts.viewer.roles, bindings.map((b) => ({ rulebookId: b.rulebook_id, roleKey: b.role_key })), [f.rulebook_id], v.kind === 'staff' && v.registryAdmin);
    if (d.allowed) return { allowed: true, onBehalfOf: d.role?.via === 'deputy' ? d.role.onBehalfOfStaffId : null };
  }
  return { allowed: f.raised_by_id === v.staffId, onBehalfOf: null };
}

/** Whether the viewer holds (or deputises for) the addressee's position now. */
function addresseeSide(ctx: Context, facts: StaffFacts, f: registersRepo.FindingRow): SideDecision {
  const v = ctx.viewer!;
  if (positionsAt(v.staffId, ctx.now(), facts.viewer.tenures).includes(f.addressee_position_id)) return { allowed: true, onBehalfOf: null };
  const deputy = facts.viewer.roles.find((r) => r.via === 'deputy' && r.positionId === f.addressee_position_id);
  if (deputy) return { allowed: true, onBehalfOf: deputy.onBehalfOfStaffId };
  return { allowed: v.kind === 'staff' && v.registryAdmin, onBehalfOf: null };
}

export interface FindingInput {
  inspectionId?: string | null;
  systemId?: string | null;
  addresseePositionId: string;
  title: string;
  detail: string;
  dueOn: string;
}

/** Raises a finding of an inspection, or an improvement request (KWW-10-2, KWO-3-3); the addressee is told. */
export async function raiseFinding(ctx: Context, input: FindingInput): Promise<FindingOut> {
  const db = await ctx.db.em();
  idOrThrow(input.addresseePositionId, ['input', 'addresseePositionId']);
  const [addressee] = await registryRepo.positionsByIds(db, [input.addresseePositionId]);
  if (!addressee) throw badInput([fieldError(['input', 'addresseePositionId'], 'NOT_FOUND', 'Position not found.', '職が見つかりません。')]);
  if (input.systemId) await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const facts = await staffFacts(ctx, db);
  const v = ctx.viewer!;
  let source: string;
  let rulebookId: string;
  let ruleIds: RuleId[];
  let onBehalfOf: string | null;
  if (input.inspectionId) {
    idOrThrow(input.inspectionId, ['input', 'inspectionId']);
    const inspection = await registersRepo.inspectionById(db, input.inspectionId);
    if (!inspection) throw notFound('Inspection', ['input', 'inspectionId']);
    const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES[inspection.kind], { orgUnitId: inspection.org_unit_id }));
    source = inspection.kind;
    rulebookId = inspection.rulebook_id;
    ruleIds = ruleIdSet(inspection.rule_ids, allowed.ruleIds);
    onBehalfOf = allowed.onBehalfOfStaffId;
  } else {
    const bindings = (await accessRepo.bindingsOfPositions(db, [addressee.id])).map((b) => ({ rulebookId: b.rulebook_id, roleKey: b.role_key }));
    const d = decideImprovementRequest(facts.viewer.roles, bindings, await municipalityRulebooks(ctx, db), v.kind === 'staff' && v.registryAdmin);
    if (!d.allowed && d.reason === 'NOT_A_RAISER') throw forbidden(d.message.en, d.ruleIds, d.message.ja);
    if (!d.allowed) throw badInput([fieldError(['input', 'addresseePositionId'], 'INVALID_VALUE', d.message.en, d.message.ja, d.ruleIds)]);
    rulebookId = d.rule.rulebookId;
    ruleIds = d.ruleIds;
    onBehalfOf = d.role?.via === 'deputy' ? d.role.onBehalfOfStaffId : null;
    source = 'improvement_request';
  }
  const errors = validateFinding(input, todayOf(ctx));
  if (errors.length) throw badInput(errors);
  const id = randomUUID();
  await registersRepo.insertFinding(db, {
    id, municipalityId: v.municipalityId, rulebookId, source, inspectionId: input.inspectionId || null, systemId: input.systemId || null, addresseePositionId: addressee.id,
    title: input.title.trim(), detail: input.detail.trim(), dueOn: input.dueOn, by: v.staffId, onBehalfOf, at: ctx.now(), ruleIds,
  });
  await audit(ctx, db, 'finding.raise', 'finding', id, { source, addressee: addressee.id, dueOn: input.dueOn, title: input.title.trim() }, ruleIds, onBehalfOf);
  const word = source === 'improvement_request' ? '改善要求' : '指摘事項';
  await notifyPositions(ctx, db, [addressee.id], {
    kind: 'finding.raised', subject: `${word}：${input.title.trim()}（回答期限 ${input.dueOn}）`,
    body: `${addressee.name}あてに${word}「${input.title.trim()}」が登録されました。${input.dueOn}までに改善の状況を回答してください（${ruleIds.join('、')}）。`,
    targetType: 'finding', targetId: id, ruleIds,
  }, true);
  return (await findingsOut(db, [(await registersRepo.findingById(db, id))!]))[0]!;
}

async function loadFinding(ctx: Context, id: string) {
  idOrThrow(id, ['id']);
  const db = await ctx.db.em();
  const f = await registersRepo.findingById(db, id, { lock: true });
  if (!f) throw notFound('Finding', ['id']);
  return { db, f };
}

/** The addressee answers (open → responded); the raiser is told. */
export async function respondToFinding(ctx: Context, id: string, response: string): Promise<FindingOut> {
  const { db, f } = await loadFinding(ctx, id);
  const facts = await staffFacts(ctx, db);
  const side = addresseeSide(ctx, facts, f);
  if (!side.allowed) throw forbidden(`Only the ${f.addressee_position_name} (or their deputy) answers this finding.`, f.rule_ids, `この指摘事項に回答できるのは${f.addressee_position_name}（又はその代理者）です。`);
  const blocked = findingStepConflict(f.status, 'respond');
  if (blocked) throw conflict(blocked, f.rule_ids);
  const text = response.trim();
  if (!text) throw badInput([fieldError(['response'], 'REQUIRED', 'Describe the improvement made or planned.', '改善の状況を入力してください。')]);
  if ([...text].length > 4000) throw badInput([fieldError(['response'], 'TOO_LONG', 'At most 4000 characters.', '4000文字以内で入力してください。')]);
  await registersRepo.respondToFinding(db, f.id, { response: text, by: ctx.viewer!.staffId, at: ctx.now() });
  await audit(ctx, db, 'finding.respond', 'finding', f.id, { late: todayOf(ctx) > f.due_on }, f.rule_ids, side.onBehalfOf);
  await notifyStaff(ctx, db, f.raised_by_id === ctx.viewer!.staffId ? [] : [f.raised_by_id], {
    kind: 'finding.responded', subject: `指摘事項への回答：${f.title}`, body: `${f.addressee_position_name}から「${f.title}」への回答がありました。内容を確認し、完了としてください。`, targetType: 'finding', targetId: f.id, ruleIds: f.rule_ids,
  }, true);
  return (await findingsOut(db, [(await registersRepo.findingById(db, f.id))!]))[0]!;
}

/** The raising side confirms the answer (responded → closed). */
export async function closeFinding(ctx: Context, id: string, note: string | null): Promise<FindingOut> {
  const { db, f } = await loadFinding(ctx, id);
  const facts = await staffFacts(ctx, db);
  const d = await raisingSide(ctx, db, facts, f);
  if (!d.allowed) throw forbidden('Only the raising side (whoever may raise such a finding, or raised it) closes a finding.', f.rule_ids, '指摘事項を完了にできるのは、指摘した側（指摘できる者又は指摘した者）です。');
  const blocked = findingStepConflict(f.status, 'close');
  if (blocked) throw conflict(blocked, f.rule_ids);
  const text = note?.trim() || null;
  if ((text ?? '').length > 2000) throw badInput([fieldError(['note'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。')]);
  await registersRepo.closeFinding(db, f.id, { note: text, by: ctx.viewer!.staffId, at: ctx.now() });
  await audit(ctx, db, 'finding.close', 'finding', f.id, { note: text }, f.rule_ids, d.onBehalfOf);
  await notifyPositions(ctx, db, [f.addressee_position_id], { kind: 'finding.closed', subject: `指摘事項の完了：${f.title}`, body: `「${f.title}」は完了となりました。`, targetType: 'finding', targetId: f.id, ruleIds: f.rule_ids });
  return (await findingsOut(db, [(await registersRepo.findingById(db, f.id))!]))[0]!;
}

/** A follow-up note by either side while the finding is open. */
export async function addFindingNote(ctx: Context, id: string, body: string): Promise<FindingOut> {
  const { db, f } = await loadFinding(ctx, id);
  const facts = await staffFacts(ctx, db);
  const addressee = addresseeSide(ctx, facts, f);
  const side = addressee.allowed ? addressee : await raisingSide(ctx, db, facts, f);
  if (!side.allowed) throw forbidden('Only the raising side and the addressee follow a finding up.', f.rule_ids, '経過を記録できるのは、指摘した側と指摘を受けた側です。');
  const blocked = findingStepConflict(f.status, 'note');
  if (blocked) throw conflict(blocked, f.rule_ids);
  const text = body.trim();
  if (!text) throw badInput([fieldError(['body'], 'REQUIRED', 'Write the note.', '経過を入力してください。')]);
  if ([...text].length > 2000) throw badInput([fieldError(['body'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。')]);
  await registersRepo.insertFindingNote(db, { municipalityId: ctx.viewer!.municipalityId, findingId: f.id, by: ctx.viewer!.staffId, body: text, at: ctx.now() });
  await audit(ctx, db, 'finding.note', 'finding', f.id, { body: text }, f.rule_ids, side.onBehalfOf);
  return (await findingsOut(db, [(await registersRepo.findingById(db, f.id))!]))[0]!;
}

// ---- the form ledger (KWO-5-2) ----------------------------------------------------------------------------

export async function formLedger(ctx: Context, orgUnitId: string | null): Promise<registersRepo.LedgerEntryRow[]> {
  if (orgUnitId) idOrThrow(orgUnitId, ['orgUnitId']);
  return registersRepo.ledgerEntries(await ctx.db.em(), { orgUnitId });
}

export interface LedgerEntryInput {
  orgUnitId: string;
  formName: string;
  information: string;
  storagePlace: string;
  createdOn: string;
  retentionYears?: number | null;
}

/** KWO-5-2: the システム利用責任者 enters a form in the place's ledger (第1号様式). */
export async function addFormLedgerEntry(ctx: Context, input: LedgerEntryInput): Promise<registersRepo.LedgerEntryRow> {
  const db = await ctx.db.em();
  await placeOrThrow(db, input.orgUnitId, FORM_LEDGER_RULE_IDS);
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES.form_ledger, { orgUnitId: input.orgUnitId }));
  const errors = validateLedgerEntry(input, todayOf(ctx));
  if (errors.length) throw badInput(errors);
  const id = randomUUID();
  await registersRepo.insertLedgerEntry(db, {
    id, municipalityId: ctx.viewer!.municipalityId, orgUnitId: input.orgUnitId, formName: input.formName.trim(), information: input.information.trim(), storagePlace: input.storagePlace.trim(),
    createdOn: input.createdOn, retentionYears: input.retentionYears ?? null, by: ctx.viewer!.staffId, at: ctx.now(), ruleIds: allowed.ruleIds,
  });
  await audit(ctx, db, 'form_ledger.add', 'form_ledger_entry', id, { orgUnit: input.orgUnitId, formName: input.formName.trim(), createdOn: input.createdOn, retentionYears: input.retentionYears ?? null, via: allowed.via }, allowed.ruleIds, allowed.onBehalfOfStaffId);
  return (await registersRepo.ledgerEntryById(db, id))!;
}

/** KWO-9-3: the forms were made unreadable and disposed of; who and when is recorded. */
export async function recordFormDisposal(ctx: Context, input: { entryId: string; method: DisposalMethod; disposedOn: string; note?: string | null }): Promise<registersRepo.LedgerEntryRow> {
  idOrThrow(input.entryId, ['input', 'entryId']);
  const db = await ctx.db.em();
  const entry = await registersRepo.ledgerEntryById(db, input.entryId, { lock: true });
  if (!entry) throw notFound('Ledger entry', ['input', 'entryId']);
  const facts = await staffFacts(ctx, db);
  const allowed = allowedOrThrow(decide(ctx, facts, REGISTER_DUTIES.form_ledger, { orgUnitId: entry.org_unit_id }));
  if (entry.disposed_on) throw conflict({ ja: 'この帳票等は廃棄済みです。', en: 'These forms have already been disposed of.' }, ['KWO-9-3']);
  const errors = validateDisposal({ createdOn: entry.created_on, retentionYears: entry.retention_years, disposedOn: null }, input, todayOf(ctx));
  if (errors.length) throw badInput(errors);
  await registersRepo.recordDisposal(db, entry.id, { method: input.method, note: input.note?.trim() || null, disposedOn: input.disposedOn, by: ctx.viewer!.staffId });
  const ruleIds = ruleIdSet(allowed.ruleIds, ['KWO-9-3']);
  await audit(ctx, db, 'form_ledger.dispose', 'form_ledger_entry', entry.id, { method: input.method, disposedOn: input.disposedOn, via: allowed.via }, ruleIds, allowed.onBehalfOfStaffId);
  return (await registersRepo.ledgerEntryById(db, entry.id))!;
}

// ---- the dashboard -------------------------------------------------------------------------------------------

export interface OperationsDueLine {
  key: 'processing_plans' | 'check_sheets' | 'stale_documents' | 'findings' | 'form_ledger' | 'contract_clauses';
  label: Bilingual;
  due: number;
  overdue: number;
  ruleIds: RuleId[];
}

export interface OperationsDueOut {
  at: string;
  summary: OperationsDueLine[];
  processingPlans: PlanDueOut[];
  checkSheets: CheckSheetDueOut[];
  staleDocuments: DocumentOut[];
  findings: FindingOut[];
  ledger: registersRepo.LedgerEntryRow[];
  contracts: ChecklistOut[];
}

/**
 * Everything due or overdue on a day (default today): this month's plans not reported (overdue) and
 * next month's not yet reported (due); check sheets of the current quarter and the three before it
 * (a rolling year, so the year end loses nothing); findings not closed (overdue: unanswered after
 * the due date); forms past retention. Stale documents and missing contract clauses are as recorded now.
 */
export async function operationsDue(ctx: Context, at: string | null): Promise<OperationsDueOut> {
  if (at && !isIsoDate(at)) throw badInput([fieldError(['at'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '日付をYYYY-MM-DDの形式で入力してください。')]);
  const day = at ?? todayOf(ctx);
  const db = await ctx.db.em();
  const month = monthOf(day);
  const quarters = recentQuarters(day, 4);
  const pending = (s: { state: string }) => s.state === 'due' || s.state === 'overdue';
  const [plans, sheets, stale, open, ledger, contracts] = await Promise.all([
    planStatuses(ctx, db, [month, addMonths(month, 1)], day).then((l) => l.filter(pending)),
    checkSheetSlots(db, quarters, day).then((l) => l.filter(pending)),
    staleDocuments(ctx),
    registersRepo.findings(db, { statuses: ['open', 'responded'] }).then((l) => findingsOut(db, l)),
    registersRepo.ledgerEntries(db, { undisposedOnly: true }).then((l) => l.filter((e) => ledgerEntryState({ createdOn: e.created_on, retentionYears: e.retention_years, disposedOn: e.disposed_on }, day).pastRetention)),
    systemsMissingClauses(db),
  ]);
  const count = (list: { state: string }[], state: string) => list.filter((x) => x.state === state).length;
  const overdueFindings = open.filter((f) => findingOverdue({ status: f.finding.status, dueOn: f.finding.due_on }, day)).length;
  const summary: OperationsDueLine[] = [
    { key: 'processing_plans', label: { ja: '月間処理予定', en: 'Monthly processing plans' }, due: count(plans, 'due'), overdue: count(plans, 'overdue'), ruleIds: PROCESSING_PLAN_RULE_IDS },
    { key: 'check_sheets', label: { ja: '点検シート', en: 'Quarterly check sheets' }, due: count(sheets, 'due'), overdue: count(sheets, 'overdue'), ruleIds: CHECK_SHEET_RULE_IDS },
    { key: 'stale_documents', label: { ja: '改修が未反映の文書', en: 'Documents not reflecting a modification' }, due: 0, overdue: stale.length, ruleIds: [...new Set(stale.flatMap((x) => x.staleness.ruleIds))] },
    { key: 'findings', label: { ja: '指摘事項・改善要求', en: 'Findings and improvement requests' }, due: open.length - overdueFindings, overdue: overdueFindings, ruleIds: [...new Set(open.flatMap((f) => f.finding.rule_ids))] },
    { key: 'form_ledger', label: { ja: '保存期間満了の帳票等', en: 'Forms past their retention' }, due: 0, overdue: ledger.length, ruleIds: ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'] },
    { key: 'contract_clauses', label: { ja: '契約条項の不足', en: 'Contracts missing ARK-6-1 clauses' }, due: 0, overdue: contracts.length, ruleIds: [CONTRACT_CLAUSE_RULE_ID] },
  ];
  // Only the registers the municipality's rulebooks keep: no ARK-8 plans on a Minato dashboard.
  const books = new Set((await authRepo.municipalityById(db, ctx.viewer!.municipalityId))?.rulebook_ids ?? []);
  const kept = summary.filter((line) => REGISTER_RULEBOOKS[line.key]!.some((b) => books.has(b)));
  return { at: day, summary: kept, processingPlans: plans, checkSheets: sheets, staleDocuments: stale, findings: open, ledger, contracts };
}

/** Which rulebooks keep each register (ARK-8; KWO-5-3; MNT-13-9, ARK-5, ARK-11-2; KWW-10-2, KWO-3-3, ARK-29; KWO-5-2; ARK-6). */
const REGISTER_RULEBOOKS: Record<string, string[]> = {
  processing_plans: ['ARK'],
  check_sheets: ['KWO'],
  stale_documents: ['MNT', 'ARK'],
  findings: ['KWW', 'KWO', 'ARK'],
  form_ledger: ['KWO'],
  contract_clauses: ['ARK'],
};
