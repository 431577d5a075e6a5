// 帳票等管理台帳 (KWO-5-2, 第1号様式): each using place lists the forms holding information, where
// they are stored (KWO-9-2), how long they are kept (KWO-9-4) and how and when they were disposed of
// (KWO-9-3). Entries past their retention and not disposed of are flagged.
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { isIsoDate, retentionEndOn } from './due-dates.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import { REGISTER_DUTIES } from './registers.ts';
import { badEntry, conflictingEntry, registerDuty, type RegisterActor, type RegisterAudit, type RegisterRefusal } from './register-decision.ts';

export const FORM_LEDGER_RULE_IDS: RuleId[] = ['KWO-5-2'];

/** KWO-9-3: 焼却、溶解または細かく裁断する等の方法により、記述内容が判読できないようにして廃棄する. The entity's enum takes the values from here. */
export const DISPOSAL_METHOD_VALUES = ['shredding', 'dissolving', 'incineration', 'other'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHOD_VALUES)[number];

export const DISPOSAL_METHODS: Record<DisposalMethod, Bilingual> = {
  shredding: { ja: '裁断', en: 'Shredding' },
  dissolving: { ja: '溶解', en: 'Dissolving' },
  incineration: { ja: '焼却', en: 'Incineration' },
  other: { ja: 'その他', en: 'Other' },
};

export interface LedgerEntryFacts {
  createdOn: string;
  retentionYears: number | null;
  disposedOn: string | null;
}

export interface LedgerEntryState {
  /** Last day the form must be kept; null for 常用 (kept while in use). */
  retentionEndsOn: string | null;
  /** Retention over and not disposed of. */
  pastRetention: boolean;
  ruleIds: RuleId[];
  message: Bilingual | null;
}

export function ledgerEntryState(e: LedgerEntryFacts, today: string): LedgerEntryState {
  const retentionEndsOn = retentionEndOn(e.createdOn, e.retentionYears);
  const pastRetention = !e.disposedOn && retentionEndsOn !== null && today > retentionEndsOn;
  return {
    retentionEndsOn,
    pastRetention,
    ruleIds: pastRetention ? ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'] : FORM_LEDGER_RULE_IDS,
    message: pastRetention
      ? {
          ja: `保存期間（${retentionEndsOn}まで）が満了しています。判読できない方法で廃棄し、廃棄日を記録してください（KWO-9-3）。`,
          en: `The retention period ended on ${retentionEndsOn}. Dispose of the forms so they cannot be read and record it (KWO-9-3).`,
        }
      : null,
  };
}

export interface LedgerEntryDraft {
  formName?: string | null;
  information?: string | null;
  storagePlace?: string | null;
  createdOn?: string | null;
  retentionYears?: number | null;
}

/** An entry of 第1号様式: the form, the information it holds, where it is kept, from when and for how long. */
export function validateLedgerEntry(d: LedgerEntryDraft, today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const text = (field: 'formName' | 'information' | 'storagePlace', max: number, ja: string, en: string, ruleIds?: RuleId[]) => {
    const v = d[field]?.trim() ?? '';
    if (!v) errors.push(fieldError([...base, field], 'REQUIRED', `Give the ${en}.`, `${ja}を入力してください。`, ruleIds));
    else if ([...v].length > max)
      errors.push(fieldError([...base, field], 'TOO_LONG', `At most ${max} characters.`, `${ja}は${max}文字以内で入力してください。`));
  };
  text('formName', 200, '帳票等の名称', 'name of the form');
  text('information', 500, '記録されている情報', 'information the form holds');
  text('storagePlace', 200, '保管場所', 'storage place', ['KWO-9-2']);
  if (!isIsoDate(d.createdOn))
    errors.push(fieldError([...base, 'createdOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '作成日をYYYY-MM-DDの形式で入力してください。'));
  else if (d.createdOn > today)
    errors.push(fieldError([...base, 'createdOn'], 'INVALID_VALUE', 'The date cannot be in the future.', '作成日に将来の日付は指定できません。'));
  const y = d.retentionYears;
  if (y !== null && y !== undefined && (!Number.isInteger(y) || y < 1 || y > 99)) {
    errors.push(
      fieldError(
        [...base, 'retentionYears'],
        'INVALID_VALUE',
        'The retention period is 1 to 99 years, or none for forms kept while in use (常用).',
        '保存期間は1〜99年で入力してください（常用の場合は空欄）。',
        ['KWO-9-4'],
      ),
    );
  }
  return errors;
}

export interface DisposalDraft {
  method?: DisposalMethod | null;
  disposedOn?: string | null;
  note?: string | null;
}

/**
 * A disposal is recorded once the form has been made unreadable (KWO-9-3), not before its retention
 * ends (KWO-9-4), and not in the future. "Other" says how the content was made unreadable.
 */
export function validateDisposal(entry: LedgerEntryFacts, d: DisposalDraft, today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(d.disposedOn))
    errors.push(fieldError([...base, 'disposedOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '廃棄日をYYYY-MM-DDの形式で入力してください。'));
  else if (d.disposedOn > today)
    errors.push(fieldError([...base, 'disposedOn'], 'INVALID_VALUE', 'The date cannot be in the future.', '廃棄日に将来の日付は指定できません。'));
  else {
    const end = retentionEndOn(entry.createdOn, entry.retentionYears);
    if (end && d.disposedOn <= end)
      errors.push(
        fieldError(
          [...base, 'disposedOn'],
          'INVALID_VALUE',
          `The forms are kept until ${end}: dispose of them after that.`,
          `保存期間（${end}まで）の満了前には廃棄できません。`,
          ['KWO-9-4'],
        ),
      );
  }
  const note = d.note?.trim() ?? '';
  if (d.method === 'other' && !note)
    errors.push(
      fieldError([...base, 'note'], 'REQUIRED', 'Say how the content was made unreadable.', '記述内容を判読できないようにした方法を入力してください。', [
        'KWO-9-3',
      ]),
    );
  if ([...note].length > 500) errors.push(fieldError([...base, 'note'], 'TOO_LONG', 'At most 500 characters.', '500文字以内で入力してください。'));
  return errors;
}

// ---- the transitions ----------------------------------------------------------------------------------

export interface LedgerEntryInput extends LedgerEntryDraft {
  orgUnitId: string;
}

export type LedgerEntryDecision = { allowed: true; ruleIds: RuleId[]; audit: RegisterAudit } | RegisterRefusal;

/** KWO-5-2: the システム利用責任者 enters a form in the place's ledger (第1号様式). */
export function decideLedgerEntry(e: LedgerEntryInput, actor: RegisterActor | null, today: string): LedgerEntryDecision {
  const duty = registerDuty(actor, REGISTER_DUTIES.form_ledger, { orgUnitId: e.orgUnitId });
  if (!duty.allowed) return duty;
  const errors = validateLedgerEntry(e, today);
  if (errors.length) return badEntry(errors);
  return {
    allowed: true,
    ruleIds: duty.ruleIds,
    audit: {
      action: 'form_ledger.add',
      after: { orgUnit: e.orgUnitId, formName: e.formName!.trim(), createdOn: e.createdOn, retentionYears: e.retentionYears ?? null, via: duty.via },
      ruleIds: duty.ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}

export type DisposalDecision = { allowed: true; note: string | null; audit: RegisterAudit } | RegisterRefusal;

/** KWO-9-3: the forms were made unreadable and disposed of, once, after their retention (KWO-9-4). */
export function decideFormDisposal(
  entry: LedgerEntryFacts & { orgUnitId: string },
  d: DisposalDraft,
  actor: RegisterActor | null,
  today: string,
): DisposalDecision {
  const duty = registerDuty(actor, REGISTER_DUTIES.form_ledger, { orgUnitId: entry.orgUnitId });
  if (!duty.allowed) return duty;
  if (entry.disposedOn) return conflictingEntry({ ja: 'この帳票等は廃棄済みです。', en: 'These forms have already been disposed of.' }, ['KWO-9-3']);
  const errors = validateDisposal({ createdOn: entry.createdOn, retentionYears: entry.retentionYears, disposedOn: null }, d, today);
  if (errors.length) return badEntry(errors);
  const ruleIds = ruleIdSet(duty.ruleIds, ['KWO-9-3']);
  return {
    allowed: true,
    note: d.note?.trim() || null,
    audit: {
      action: 'form_ledger.dispose',
      after: { method: d.method, disposedOn: d.disposedOn, via: duty.via },
      ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}
