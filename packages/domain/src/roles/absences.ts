// Declared absences (KTM-3-6: 副統括管理者は…統括管理者に事故があるときはその職務を代理する). Some
// rulebooks let a deputy act for a role holder only while the holder is absent: the absence is
// declared — from which day to which day, why, by whom — and the deputy's authority follows it.
// Outside a declared absence the deputy does not act for the holder.
import { fieldErrorOf } from '../messages.ts';
import { forbiddenBecause, type Refusal } from '../refusal.ts';
import type { FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { DeputationFact } from './roles.types.ts';

/** A declared absence of whoever holds a position, days inclusive (YYYY-MM-DD). */
export interface AbsenceFact {
  id: string;
  positionId: string;
  from: string;
  to: string;
}

/** Rules under which a deputy acts only while the principal is absent (事故があるとき). */
export const DEPUTY_ONLY_WHEN_ABSENT: readonly RuleId[] = ['KTM-3-6'];

/** Whether a deputation is in force only during a declared absence of its principal. */
export function deputationNeedsAbsence(d: Pick<DeputationFact, 'ruleIds'>): boolean {
  return d.ruleIds.some((id) => DEPUTY_ONLY_WHEN_ABSENT.includes(id));
}

/** The declared absence of the position's holder that covers a local date, if any. */
export function absenceOn(absences: readonly AbsenceFact[], positionId: string, date: string): AbsenceFact | undefined {
  return absences.find((a) => a.positionId === positionId && a.from <= date && date <= a.to);
}

export const ABSENCE_MESSAGES = {
  deputyNotActing: {
    ja: '統括管理者の事故（不在）が届け出られていないため、副統括管理者は統括管理者の職務を代理できません。',
    en: 'No absence of the general manager is declared: the deputy general manager acts for them only while they are absent.',
  },
  declarersOnly: {
    ja: '不在を届け出られるのは、その職にある本人、その代理者又はシステム管理者だけです。',
    en: 'Only the holder of the position, their deputy or a registry administrator may declare the absence.',
  },
  noDeputyRule: {
    ja: 'この職には、不在の間に職務を代理する者が定められていません。',
    en: 'No deputy acts for this position during an absence.',
  },
  period: { ja: '終了日は開始日以後にしてください。', en: 'The last day must not come before the first.' },
  date: { ja: '日付を YYYY-MM-DD で入力してください。', en: 'Give the day as YYYY-MM-DD.' },
  reason: { ja: '事由を500文字以内で入力してください。', en: 'Give the reason (at most 500 characters).' },
} as const satisfies Record<string, Bilingual>;

/** KTM-3-6: the deputy holds the deputy role but no absence is declared today; nothing is done. */
export const deputyNotActing = (): Refusal => forbiddenBecause(ABSENCE_MESSAGES.deputyNotActing, [...DEPUTY_ONLY_WHEN_ABSENT]);

const isDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** A declaration's input: a period whose last day is not before its first, and a reason of 1–500 characters. */
export function absenceInputErrors(input: { from: string; to: string; reason: string | null | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  const dates = (['from', 'to'] as const).filter((k) => !isDate(input[k]));
  for (const k of dates) errors.push(fieldErrorOf(['input', k], 'INVALID_VALUE', ABSENCE_MESSAGES.date));
  if (dates.length === 0 && input.to < input.from)
    errors.push(fieldErrorOf(['input', 'to'], 'INVALID_VALUE', ABSENCE_MESSAGES.period, [...DEPUTY_ONLY_WHEN_ABSENT]));
  if (!input.reason?.trim() || input.reason.length > 500) errors.push(fieldErrorOf(['input', 'reason'], 'REQUIRED', ABSENCE_MESSAGES.reason));
  return errors;
}

/**
 * Who may declare a position's holder absent: the holder (before a planned absence), a deputy
 * named for the position (when the holder cannot), or a registry administrator.
 */
export function absenceDeclarationRefusal(x: {
  holdsPosition: boolean;
  deputises: boolean;
  registryAdmin: boolean;
  positionHasDeputy: boolean;
}): Refusal | null {
  if (!x.positionHasDeputy) return forbiddenBecause(ABSENCE_MESSAGES.noDeputyRule, [...DEPUTY_ONLY_WHEN_ABSENT]);
  if (x.holdsPosition || x.deputises || x.registryAdmin) return null;
  return forbiddenBecause(ABSENCE_MESSAGES.declarersOnly, [...DEPUTY_ONLY_WHEN_ABSENT]);
}
