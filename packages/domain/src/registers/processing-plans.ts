// 月間処理予定 (ARK-8): each section using a system that デジタル推進課 manages reports next month's
// processing by the end of each month (ARK-8-1), sends the input data with a 送付書 (ARK-8-3), gets
// it back once processed (ARK-8-4), and checks the output on receipt and reports the result
// (ARK-8-5).
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { dueState, firstDayOf, isIsoDate, isMonth, lastDayOf, processingPlanWindow, type DueState } from './due-dates.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import { REGISTER_DUTIES } from './registers.ts';
import {
  badEntry,
  conflictingEntry,
  registerDuty,
  type RegisterActor,
  type RegisterAudit,
  type RegisterNotice,
  type RegisterRefusal,
} from './register-decision.ts';

export const PROCESSING_PLAN_RULE_IDS: RuleId[] = ['ARK-8-1'];

/** Systems in use: a plan is owed for them (proposed and retired systems process nothing). */
const IN_USE = ['in_service', 'under_change', 'retiring'];

export interface PlanSystemFact {
  id: string;
  rulebookId: string | null;
  managementType: string;
  managingOrgUnitId: string;
  lifecycleStatus: string;
  usingOrgUnitIds: readonly string[];
}

export interface PlanObligation {
  systemId: string;
  orgUnitId: string;
}

/**
 * Who owes a monthly plan: ARK-8-1 binds "デジタル推進課が管理する電子情報システムを利用する課の長".
 * Every section using an ARK system managed by デジタル推進課 (ARK-4-1), except デジタル推進課
 * itself, which would report to its own chief. ARK-8-7 (other systems the digital chief designates)
 * and ARK-9 (systems of the システム管理課, 準じて) are not tracked: neither names a report.
 */
export function processingPlanObligations(systems: readonly PlanSystemFact[]): PlanObligation[] {
  return systems
    .filter((s) => s.rulebookId === 'ARK' && s.managementType === 'digital_section' && IN_USE.includes(s.lifecycleStatus))
    .flatMap((s) => s.usingOrgUnitIds.filter((u) => u !== s.managingOrgUnitId).map((orgUnitId) => ({ systemId: s.id, orgUnitId })));
}

export interface ProcessingPlanStatus extends PlanObligation {
  month: string;
  opensOn: string;
  dueOn: string;
  state: DueState;
  /** The day (local) the plan was reported, or null. */
  submittedOn: string | null;
  ruleIds: RuleId[];
  message: Bilingual;
}

/** Where the plan of one (system, section) pair for a month stands on `today`. */
export function processingPlanStatus(o: PlanObligation, month: string, today: string, submittedOn: string | null): ProcessingPlanStatus {
  const { opensOn, dueOn } = processingPlanWindow(month);
  const state = dueState({ opensOn, dueOn, doneOn: submittedOn }, today);
  const [y, m] = month.split('-');
  const label = { ja: `${Number(y)}年${Number(m)}月分の月間処理予定`, en: `the processing plan for ${month}` };
  const message: Record<DueState, Bilingual> = {
    upcoming: { ja: `${label.ja}は${opensOn}から報告します（期限 ${dueOn}）。`, en: `Report ${label.en} from ${opensOn} (due ${dueOn}).` },
    due: { ja: `${label.ja}を${dueOn}までにデジタル推進課長へ報告してください。`, en: `Report ${label.en} to the digital section chief by ${dueOn}.` },
    overdue: {
      ja: `${label.ja}が報告期限（${dueOn}）を過ぎても報告されていません。`,
      en: `${capital(label.en)} was due on ${dueOn} and has not been reported.`,
    },
    done: { ja: `${label.ja}は報告済みです。`, en: `${capital(label.en)} has been reported.` },
    done_late: { ja: `${label.ja}は期限（${dueOn}）後に報告されました。`, en: `${capital(label.en)} was reported after ${dueOn}.` },
  };
  return { ...o, month, opensOn, dueOn, state, submittedOn, ruleIds: PROCESSING_PLAN_RULE_IDS, message: message[state] };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- the plan's content ------------------------------------------------------------------------------

export const PLAN_JOB_MAX = 200;
export const PLAN_INPUT_DATA_MAX = 500;
export const PLAN_ITEMS_MAX = 100;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface PlanItemDraft {
  job?: string | null;
  scheduledOn?: string | null;
  scheduledTime?: string | null;
  inputData?: string | null;
}

/**
 * A plan names its jobs (処理業務), the day (and time) each is to run within the month, and the
 * input data (入力データ等, ARK-8-3) each needs. A month already over cannot be planned.
 */
export function validateProcessingPlan(month: string, items: readonly PlanItemDraft[], today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  if (!isMonth(month)) {
    return [
      fieldError([...base, 'month'], 'INVALID_VALUE', 'Give the month as YYYY-MM.', '対象月をYYYY-MMの形式で入力してください。', PROCESSING_PLAN_RULE_IDS),
    ];
  }
  if (lastDayOf(month) < today) {
    errors.push(
      fieldError(
        [...base, 'month'],
        'INVALID_VALUE',
        'This month is over: a plan reports the processing of a month to come (ARK-8-1).',
        '対象月が既に終わっています。月間処理予定は翌月以降の処理について報告します（ARK-8-1）。',
        PROCESSING_PLAN_RULE_IDS,
      ),
    );
  }
  if (items.length === 0)
    errors.push(fieldError([...base, 'items'], 'REQUIRED', 'List at least one job.', '処理業務を1件以上入力してください。', PROCESSING_PLAN_RULE_IDS));
  if (items.length > PLAN_ITEMS_MAX)
    errors.push(fieldError([...base, 'items'], 'TOO_LONG', `At most ${PLAN_ITEMS_MAX} jobs.`, `処理業務は${PLAN_ITEMS_MAX}件以内で入力してください。`));
  items.forEach((item, i) => {
    const at = [...base, 'items', i];
    const job = item.job?.trim() ?? '';
    if (!job) errors.push(fieldError([...at, 'job'], 'REQUIRED', 'Name the job.', '処理業務名を入力してください。'));
    else if ([...job].length > PLAN_JOB_MAX)
      errors.push(fieldError([...at, 'job'], 'TOO_LONG', `At most ${PLAN_JOB_MAX} characters.`, `処理業務名は${PLAN_JOB_MAX}文字以内で入力してください。`));
    const on = item.scheduledOn ?? '';
    if (!isIsoDate(on))
      errors.push(fieldError([...at, 'scheduledOn'], 'INVALID_VALUE', 'Give the day as YYYY-MM-DD.', '処理予定日をYYYY-MM-DDの形式で入力してください。'));
    else if (on < firstDayOf(month) || on > lastDayOf(month)) {
      errors.push(
        fieldError(
          [...at, 'scheduledOn'],
          'INVALID_VALUE',
          `The day must fall in ${month}.`,
          `処理予定日は対象月（${month}）の日付にしてください。`,
          PROCESSING_PLAN_RULE_IDS,
        ),
      );
    }
    if (item.scheduledTime && !HH_MM.test(item.scheduledTime))
      errors.push(fieldError([...at, 'scheduledTime'], 'INVALID_VALUE', 'Give the time as HH:MM.', '処理予定時刻をHH:MMの形式で入力してください。'));
    if ([...(item.inputData ?? '')].length > PLAN_INPUT_DATA_MAX)
      errors.push(
        fieldError(
          [...at, 'inputData'],
          'TOO_LONG',
          `At most ${PLAN_INPUT_DATA_MAX} characters.`,
          `入力データ等は${PLAN_INPUT_DATA_MAX}文字以内で入力してください。`,
        ),
      );
  });
  return errors;
}

// ---- handover, return and output check of an item -----------------------------------------------------

export type PlanItemStep = 'handover' | 'return' | 'output_check';
/** The values of an output check's result: the entity's enum takes them from here. */
export const OUTPUT_RESULT_VALUES = ['normal', 'abnormal'] as const;
export type OutputResult = (typeof OUTPUT_RESULT_VALUES)[number];

export const PLAN_ITEM_STEP_RULES: Record<PlanItemStep, RuleId[]> = {
  handover: ['ARK-8-3'],
  return: ['ARK-8-4'],
  output_check: ['ARK-8-5'],
};

export interface PlanItemProgress {
  inputSentAt: string | null;
  inputReturnedAt: string | null;
  outputCheckedAt: string | null;
}

/**
 * Whether a step may be recorded now: input data is sent once (ARK-8-3); it is returned once, after
 * it was sent (ARK-8-4); the output is checked once, after the input went in for processing (ARK-8-5).
 * Null when it may; otherwise why not.
 */
export function planItemStepConflict(item: PlanItemProgress, step: PlanItemStep): { message: Bilingual; ruleIds: RuleId[] } | null {
  const ruleIds = PLAN_ITEM_STEP_RULES[step];
  const no = (ja: string, en: string) => ({ message: { ja, en }, ruleIds });
  switch (step) {
    case 'handover':
      return item.inputSentAt ? no('入力データ等は既に送付済みです。', 'The input data has already been sent.') : null;
    case 'return':
      if (!item.inputSentAt) return no('送付されていない入力データ等は返還できません。', 'The input data has not been sent, so it cannot be returned.');
      return item.inputReturnedAt ? no('入力データ等は既に返還済みです。', 'The input data has already been returned.') : null;
    case 'output_check':
      if (!item.inputSentAt)
        return no('入力データ等の送付前に出力帳票等の確認はできません。', 'The output cannot be checked before the input data was sent for processing.');
      return item.outputCheckedAt ? no('出力帳票等の確認結果は既に報告済みです。', 'The output check has already been reported.') : null;
  }
}

/** ARK-8-5: an abnormal output needs the action taken (適切な処置). */
export function validateOutputCheck(result: OutputResult, note: string | null | undefined, base: (string | number)[] = []): FieldError[] {
  const text = note?.trim() ?? '';
  if (result === 'abnormal' && !text) {
    return [
      fieldError(
        [...base, 'note'],
        'REQUIRED',
        'Describe the abnormality and the action taken (ARK-8-5).',
        '異常の内容と講じた処置を入力してください（ARK-8-5）。',
        PLAN_ITEM_STEP_RULES.output_check,
      ),
    ];
  }
  if ([...text].length > 2000) return [fieldError([...base, 'note'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。')];
  return [];
}

// ---- the transitions ----------------------------------------------------------------------------------

export interface PlanSubmission {
  system: PlanSystemFact;
  orgUnitId: string;
  month: string;
  items: readonly PlanItemDraft[];
}

export type PlanSubmissionDecision =
  { allowed: true; onBehalfOfStaffId: string | null; ruleIds: RuleId[]; late: boolean; audit: RegisterAudit } | RegisterRefusal;

/**
 * ARK-8-1: the chief of a section using a system デジタル推進課 manages reports the plan of a month
 * to come. Once only: a plan already reported is refused with planAlreadyReported.
 */
export function decidePlanSubmission(s: PlanSubmission, actor: RegisterActor | null, today: string): PlanSubmissionDecision {
  if (s.system.rulebookId !== 'ARK' || s.system.managementType !== 'digital_section') {
    return badEntry([
      fieldError(
        ['input', 'systemId'],
        'INVALID_VALUE',
        'Monthly processing plans are reported for systems デジタル推進課 manages (ARK-8-1).',
        '月間処理予定はデジタル推進課が管理する電子情報システムについて報告します（ARK-8-1）。',
        PROCESSING_PLAN_RULE_IDS,
      ),
    ]);
  }
  if (!processingPlanObligations([s.system]).some((o) => o.orgUnitId === s.orgUnitId)) {
    return badEntry([
      fieldError(
        ['input', 'orgUnitId'],
        'INVALID_VALUE',
        'This section does not use the system (or is デジタル推進課 itself): it reports no plan for it.',
        'この課は当該システムを利用する課ではないため、月間処理予定を報告しません。',
        PROCESSING_PLAN_RULE_IDS,
      ),
    ]);
  }
  const duty = registerDuty(actor, REGISTER_DUTIES.processing_plan, { orgUnitId: s.orgUnitId });
  if (!duty.allowed) return duty;
  const errors = validateProcessingPlan(s.month, s.items, today);
  if (errors.length) return badEntry(errors);
  return {
    allowed: true,
    onBehalfOfStaffId: duty.onBehalfOfStaffId,
    ruleIds: duty.ruleIds,
    late: today > processingPlanWindow(s.month).dueOn,
    audit: {
      action: 'processing_plan.submit',
      after: { system: s.system.id, orgUnit: s.orgUnitId, month: s.month, items: s.items.length, via: duty.via },
      ruleIds: duty.ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}

/** A plan of this (system, section, month) is already reported: it is changed by agreement, not reported again. */
export const planAlreadyReported = (): RegisterRefusal =>
  conflictingEntry(
    {
      ja: 'この月の月間処理予定は報告済みです。変更はデジタル推進課長と協議してください（ARK-8-2、ARK-8-6）。',
      en: 'The plan for this month has already been reported. Changes are agreed with the digital section chief (ARK-8-2, ARK-8-6).',
    },
    ['ARK-8-2', 'ARK-8-6'],
  );

/** The digital section chief is told of a plan reported (and whether after its due date). */
export function planSubmittedNotice(p: { systemName: string; orgUnitName: string; month: string; items: number; late: boolean }): RegisterNotice {
  return {
    kind: 'processing_plan.submitted',
    subject: `月間処理予定の報告（${p.systemName}／${p.orgUnitName}／${p.month}）`,
    body: `${p.orgUnitName}から${p.systemName}の${p.month}分の月間処理予定（${p.items}件）が報告されました${p.late ? '（期限後）' : ''}。`,
    mail: false,
  };
}

export const PLAN_ITEM_STEP_AUDIT: Record<PlanItemStep, string> = {
  handover: 'processing_plan.input_sent',
  return: 'processing_plan.input_returned',
  output_check: 'processing_plan.output_checked',
};

export interface PlanItemStepEntry {
  planId: string;
  /** The section whose plan it is. */
  orgUnitId: string;
  job: string;
  progress: PlanItemProgress;
  step: PlanItemStep;
  note?: string | null;
  result?: OutputResult | null;
}

export type PlanItemStepDecision =
  { allowed: true; note: string | null; ruleIds: RuleId[]; onBehalfOfStaffId: string | null; audit: RegisterAudit } | RegisterRefusal;

/**
 * ARK-8-3 (the section sends the input data), ARK-8-4 (the digital section chief returns it),
 * ARK-8-5 (the section checks the output and reports the result; an abnormal one with the action taken).
 */
export function decidePlanItemStep(e: PlanItemStepEntry, actor: RegisterActor | null): PlanItemStepDecision {
  const duty = registerDuty(actor, e.step === 'return' ? REGISTER_DUTIES.processing_plan_return : REGISTER_DUTIES.processing_plan, { orgUnitId: e.orgUnitId });
  if (!duty.allowed) return duty;
  const note = e.note?.trim() || null;
  if (e.step === 'output_check') {
    const errors = validateOutputCheck(e.result!, note);
    if (errors.length) return badEntry(errors);
  } else if ((note ?? '').length > 500) {
    return badEntry([fieldError(['note'], 'TOO_LONG', 'At most 500 characters.', '500文字以内で入力してください。')]);
  }
  const blocked = planItemStepConflict(e.progress, e.step);
  if (blocked) return conflictingEntry(blocked.message, blocked.ruleIds);
  const ruleIds = ruleIdSet(PLAN_ITEM_STEP_RULES[e.step], duty.ruleIds);
  return {
    allowed: true,
    note,
    ruleIds,
    onBehalfOfStaffId: duty.onBehalfOfStaffId,
    audit: {
      action: PLAN_ITEM_STEP_AUDIT[e.step],
      after: { plan: e.planId, job: e.job, note, result: e.result ?? null, via: duty.via },
      ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}

/** The step was recorded by someone else meanwhile. */
export const planItemStepRecorded = (step: PlanItemStep): RegisterRefusal =>
  conflictingEntry({ ja: 'この処理は既に記録されています。', en: 'This has already been recorded.' }, PLAN_ITEM_STEP_RULES[step]);

/**
 * Who is told of a step, and how: the section's head of the return (ARK-8-4); the digital section
 * chief of a handover and of an output check — at once, by mail too, when the output is abnormal (ARK-8-5).
 */
export function planItemStepNotice(
  step: PlanItemStep,
  p: { systemName: string; orgUnitName: string; month: string; job: string; note: string | null; result?: OutputResult | null },
): RegisterNotice & { to: 'section_head' | 'digital_section_chief' } {
  const label = `${p.systemName}／${p.orgUnitName}／${p.month}「${p.job}」`;
  if (step === 'return') {
    return {
      to: 'section_head',
      kind: 'processing_plan.input_returned',
      subject: `入力データ等の返還（${label}）`,
      body: `${label}の入力データ等の電子情報処理が終了し、返還されました。`,
      mail: false,
    };
  }
  const abnormal = p.result === 'abnormal';
  const body =
    step === 'handover'
      ? `${label}の入力データ等が送付されました${p.note ? `（${p.note}）` : ''}。`
      : `${label}の出力帳票等を確認しました。結果: ${abnormal ? `異常あり（${p.note}）` : '異常なし'}`;
  return {
    to: 'digital_section_chief',
    kind: PLAN_ITEM_STEP_AUDIT[step],
    subject: `${step === 'handover' ? '入力データ等の送付' : '出力帳票等の確認結果'}（${label}）`,
    body,
    mail: abnormal,
  };
}
