// 実施記録: duties a rulebook gives a person to perform outside the software — keep a contact
// network, review a manual or the policy, keep media locked away, train the users — recorded when
// done (on which day, by whom, with a note and the evidence) and reminded when due again.
//
// What each article says is data here (DUTY_DEFINITIONS): the rule, who performs it and for which
// sections, and what makes it due. None of these articles sets a time: how often a periodic duty
// comes round, and how soon after an audit the policy is reviewed, is the municipality's setting
// (DutySetting), shown as such and never attributed to the article.
import type { RulebookId } from '../model/types.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { isoDate, lastDayOfMonth, parseIsoDate } from '../calendar/iso-date.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import { isIsoDate, type DueState } from './due-dates.ts';
import type { RegisterDutyRule } from './registers.ts';
import { badEntry, registerDuty, type RegisterActor, type RegisterAudit, type RegisterRefusal } from './register-decision.ts';

export const DUTY_KEY_VALUES = [
  'ktm_maintenance_contact_network',
  'ark_emergency_manual_review',
  'ark_policy_review',
  'ark_security_training',
  'mnt_media_locked_storage',
  'mnt_user_training',
  'kwo_form_output_check',
] as const;
export type DutyKey = (typeof DUTY_KEY_VALUES)[number];

/**
 * What makes a duty due:
 * - periodic: it comes round again; the interval is the municipality's setting;
 * - after_audit: each audit or self-inspection (ARK-29) is followed by the review (ARK-30-1); how soon
 *   is the municipality's setting.
 */
export type DutyTrigger = 'periodic' | 'after_audit';

export interface DutyDefinition {
  key: DutyKey;
  rulebookId: RulebookId;
  /** The rules the record proves were followed. */
  ruleIds: RuleId[];
  title: Bilingual;
  /** Who performs it, for which sections (the register duty rules: 'any' or 'own_unit'). */
  performers: readonly RegisterDutyRule[];
  /** Once for the municipality, or once per section of a performer (own_unit). */
  perUnit: boolean;
  trigger: DutyTrigger;
  /** What the article says about when; none of these sets a time. */
  when: Bilingual;
}

const performer = (rulebookId: RulebookId, roleKey: string, where: RegisterDutyRule['where'], ruleIds: RuleId[]): RegisterDutyRule => ({
  rulebookId,
  roleKey,
  where,
  ruleIds,
});

const AS_NEEDED: Bilingual = { ja: '条文に期間の定めなし（周期は団体の設定）', en: 'The article sets no time (the interval is the municipality’s setting)' };

export const DUTY_DEFINITIONS: Record<DutyKey, DutyDefinition> = {
  // KTM-14-3: 統括管理者は、窓口支援システムの保守対応における連絡体制を併せて整備する.
  ktm_maintenance_contact_network: {
    key: 'ktm_maintenance_contact_network',
    rulebookId: 'KTM',
    ruleIds: ['KTM-14-3'],
    title: { ja: '保守対応における連絡体制の整備・確認', en: 'Contact network for maintenance kept up to date' },
    performers: [performer('KTM', 'general_manager', 'any', ['KTM-14-3'])],
    perUnit: false,
    trigger: 'periodic',
    when: AS_NEEDED,
  },
  // ARK-28-2: デジタル推進課長及びシステム管理課長は、…必要に応じて緊急時対応マニュアルの規定を見直さなければならない.
  ark_emergency_manual_review: {
    key: 'ark_emergency_manual_review',
    rulebookId: 'ARK',
    ruleIds: ['ARK-28-2'],
    title: { ja: '緊急時対応マニュアルの見直し', en: 'Emergency response manual reviewed' },
    performers: [performer('ARK', 'digital_section_chief', 'own_unit', ['ARK-28-2']), performer('ARK', 'system_managing_chief', 'own_unit', ['ARK-28-2'])],
    perUnit: true,
    trigger: 'periodic',
    when: { ja: '条文は「必要に応じて」見直すと定める（周期は団体の設定）', en: 'The article says “as needed” (the interval is the municipality’s setting)' },
  },
  // ARK-30-1: セキュリティ委員会は、監査及び自己点検の結果…情報セキュリティポリシーの見直しを行う; its 庶務 records (ARK-24-3).
  ark_policy_review: {
    key: 'ark_policy_review',
    rulebookId: 'ARK',
    ruleIds: ['ARK-30-1'],
    title: { ja: '監査・自己点検の結果による情報セキュリティポリシーの見直し', en: 'Security policy reviewed after audits and self-inspections' },
    performers: [performer('ARK', 'security_committee_chair', 'any', ['ARK-30-1']), performer('ARK', 'committee_secretariat', 'any', ['ARK-30-1', 'ARK-24-3'])],
    perUnit: false,
    trigger: 'after_audit',
    when: {
      ja: '監査・自己点検（ARK-29）の後に見直す（期限までの月数は団体の設定）',
      en: 'After each audit or self-inspection (ARK-29) (the months allowed are the municipality’s setting)',
    },
  },
  // ARK-26-2-3: 職員等に周知し、研修を行う; the 情報統括責任者 sets the measures of ARK-26 (ARK-27-1).
  ark_security_training: {
    key: 'ark_security_training',
    rulebookId: 'ARK',
    ruleIds: ['ARK-26-2-3'],
    title: { ja: '職員等への情報セキュリティ研修', en: 'Information security training of staff and contractors' },
    performers: [performer('ARK', 'information_controller', 'any', ['ARK-26-2-3', 'ARK-27-1'])],
    perUnit: false,
    trigger: 'periodic',
    when: AS_NEEDED,
  },
  // MNT-19-2: 保健福祉課長及びシステム使用課長は、外部記録媒体について、施錠できる保管庫等に保管し施錠しなければならない.
  mnt_media_locked_storage: {
    key: 'mnt_media_locked_storage',
    rulebookId: 'MNT',
    ruleIds: ['MNT-19-2'],
    title: { ja: '外部記録媒体の施錠保管の確認', en: 'External media kept in locked storage (check)' },
    performers: [performer('MNT', 'welfare_section_chief', 'own_unit', ['MNT-19-2']), performer('MNT', 'using_section_chief', 'own_unit', ['MNT-19-2'])],
    perUnit: true,
    trigger: 'periodic',
    when: AS_NEEDED,
  },
  // MNT-4-1-11: 保健福祉課長は…ユーザに対する研修の実施 を所掌する.
  mnt_user_training: {
    key: 'mnt_user_training',
    rulebookId: 'MNT',
    ruleIds: ['MNT-4-1-11'],
    title: { ja: 'ユーザに対する研修の実施', en: 'Training of the users' },
    performers: [performer('MNT', 'welfare_section_chief', 'any', ['MNT-4-1-11'])],
    perUnit: false,
    trigger: 'periodic',
    when: AS_NEEDED,
  },
  // KWO-9-1: システム利用責任者は、帳票を出力する場合、請求書、申請書、届書、職権記録書等により行う.
  kwo_form_output_check: {
    key: 'kwo_form_output_check',
    rulebookId: 'KWO',
    ruleIds: ['KWO-9-1'],
    title: { ja: '帳票出力が請求書・申請書等によるものであることの確認', en: 'Printouts made only on a request, application or notification (check)' },
    performers: [performer('KWO', 'system_usage_manager', 'own_unit', ['KWO-9-1'])],
    perUnit: true,
    trigger: 'periodic',
    when: AS_NEEDED,
  },
};

/** The duties of a municipality's rulebooks, in a fixed order. */
export function dutyDefinitionsFor(rulebookIds: readonly string[]): DutyDefinition[] {
  const books = new Set(rulebookIds);
  return DUTY_KEY_VALUES.map((k) => DUTY_DEFINITIONS[k]).filter((d) => books.has(d.rulebookId));
}

export const isDutyKey = (value: string): value is DutyKey => (DUTY_KEY_VALUES as readonly string[]).includes(value);

/** The municipality's setting of a duty: every `months` months (periodic), or within `months` months of an audit (after_audit), from `since`. */
export interface DutySetting {
  months: number;
  /** The day the municipality set the duty up: a duty never done is first due `months` after it. */
  since: string;
}

export const DUTY_SETTING_SOURCE: Bilingual = { ja: '団体の設定', en: 'Municipality setting' };

/** How many months before a due date the duty is shown as due (the reminder window): the product's choice. */
export const DUTY_REMINDER_MONTHS = 1;

/** The same day `n` months later (n may be negative); the 31st becomes the month's last day when shorter. */
export function addMonthsToDate(date: string, n: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = Number(lastDayOfMonth(y, m).slice(8));
  return isoDate(y, m, Math.min(day, last));
}

export interface DutyDueFacts {
  trigger: DutyTrigger;
  setting: DutySetting;
  /** The last day it was done (null: never). */
  lastDoneOn: string | null;
  /** The last audit or self-inspection (after_audit duties). */
  lastAuditOn?: string | null;
}

export interface DutyDue {
  /** Null: nothing is due (an after_audit duty with no audit since its last review). */
  nextDueOn: string | null;
  opensOn: string | null;
  state: Exclude<DueState, 'done' | 'done_late'> | 'done';
}

/**
 * When a duty is next due, and where it stands on `today`:
 * - periodic: `months` after the last time it was done, or after the setting's `since` when never done;
 * - after_audit: `months` after the last audit when no review followed it; nothing due otherwise.
 * It shows as due from DUTY_REMINDER_MONTHS before the due date (an audit opens its review at once),
 * and as overdue the day after.
 */
export function dutyDue(f: DutyDueFacts, today: string): DutyDue {
  parseIsoDate(today);
  let nextDueOn: string;
  let opensOn: string;
  if (f.trigger === 'after_audit') {
    const audit = f.lastAuditOn ?? null;
    if (!audit || (f.lastDoneOn !== null && f.lastDoneOn >= audit)) return { nextDueOn: null, opensOn: null, state: 'done' };
    nextDueOn = addMonthsToDate(audit, f.setting.months);
    opensOn = audit;
  } else {
    nextDueOn = addMonthsToDate(f.lastDoneOn ?? f.setting.since, f.setting.months);
    opensOn = addMonthsToDate(nextDueOn, -DUTY_REMINDER_MONTHS);
  }
  const state = today > nextDueOn ? 'overdue' : today >= opensOn ? 'due' : 'upcoming';
  return { nextDueOn, opensOn, state };
}

export const DUTY_STATES: Record<DutyDue['state'], Bilingual> = {
  upcoming: { ja: '期限前', en: 'Not yet due' },
  due: { ja: '実施時期', en: 'Due' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  done: { ja: '実施済み', en: 'Done' },
};

// ---- recording ---------------------------------------------------------------------------------------

export interface DutyRecordDraft {
  dutyKey: string;
  orgUnitId?: string | null;
  doneOn?: string | null;
  note?: string | null;
  evidence?: string | null;
}

/**
 * A record names the duty, the section for a duty kept per section (one of `units`, the sections of
 * its performers), the day (not in the future) and what was done; the evidence is optional.
 */
export function validateDutyRecord(
  d: DutyRecordDraft,
  def: DutyDefinition | null,
  units: readonly string[],
  today: string,
  base: (string | number)[] = ['input'],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!def) errors.push(fieldError([...base, 'dutyKey'], 'NOT_FOUND', 'This municipality has no such duty.', 'この団体にはこの実施事項がありません。'));
  else if (def.perUnit && !d.orgUnitId)
    errors.push(fieldError([...base, 'orgUnitId'], 'REQUIRED', 'Give the section the record is for.', '対象の課を指定してください。', def.ruleIds));
  else if (def.perUnit && !units.includes(d.orgUnitId!))
    errors.push(
      fieldError(
        [...base, 'orgUnitId'],
        'NOT_FOUND',
        'No performer of this duty is in that section.',
        'この課にはこの実施事項の実施者がいません。',
        def.ruleIds,
      ),
    );
  else if (!def.perUnit && d.orgUnitId)
    errors.push(
      fieldError([...base, 'orgUnitId'], 'INVALID_VALUE', 'This duty is recorded for the whole municipality.', 'この実施事項は団体全体で記録します。'),
    );
  if (!isIsoDate(d.doneOn))
    errors.push(fieldError([...base, 'doneOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '実施日をYYYY-MM-DDの形式で入力してください。'));
  else if (d.doneOn > today)
    errors.push(fieldError([...base, 'doneOn'], 'INVALID_VALUE', 'The date cannot be in the future.', '実施日に将来の日付は指定できません。'));
  const note = d.note?.trim() ?? '';
  if (!note) errors.push(fieldError([...base, 'note'], 'REQUIRED', 'Say what was done.', '実施内容を入力してください。'));
  else if ([...note].length > 2000) errors.push(fieldError([...base, 'note'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。'));
  if ([...(d.evidence?.trim() ?? '')].length > 500)
    errors.push(fieldError([...base, 'evidence'], 'TOO_LONG', 'At most 500 characters.', '500文字以内で入力してください。'));
  return errors;
}

export type DutyRecordDecision =
  { allowed: true; ruleIds: RuleId[]; note: string; evidence: string | null; nextDueOn: string | null; audit: RegisterAudit } | RegisterRefusal;

/**
 * A duty was done: by one of its performers (for their own section when per section) or a registry
 * administrator transcribing it, on a day not in the future, with what was done. A periodic duty is
 * next due `months` after the day it was done.
 */
export function decideDutyRecord(
  d: DutyRecordDraft,
  def: DutyDefinition | null,
  setting: DutySetting | null,
  units: readonly string[],
  actor: RegisterActor | null,
  today: string,
): DutyRecordDecision {
  if (def) {
    // Without the section, a duty kept per section has no performer to check the actor against.
    if (def.perUnit && !d.orgUnitId) return badEntry(validateDutyRecord(d, def, units, today));
    const duty = registerDuty(actor, def.performers, { orgUnitId: d.orgUnitId ?? null });
    if (!duty.allowed) return duty;
    const errors = validateDutyRecord(d, def, units, today);
    if (errors.length) return badEntry(errors);
    const ruleIds = ruleIdSet(def.ruleIds, duty.ruleIds);
    const nextDueOn = def.trigger === 'periodic' && setting ? addMonthsToDate(d.doneOn!, setting.months) : null;
    return {
      allowed: true,
      ruleIds,
      note: d.note!.trim(),
      evidence: d.evidence?.trim() || null,
      nextDueOn,
      audit: {
        action: 'duty_record.add',
        after: { duty: def.key, orgUnit: d.orgUnitId ?? null, doneOn: d.doneOn, nextDueOn, via: duty.via },
        ruleIds,
        onBehalfOfStaffId: duty.onBehalfOfStaffId,
      },
    };
  }
  return badEntry(validateDutyRecord(d, null, units, today));
}
