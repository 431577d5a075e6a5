// What a maintenance window refuses and what the using sections are told (MNT-15-2, KTM-15-2): an
// announcement only of a window neither cancelled, announced nor over; a cancellation only of one
// not cancelled nor over, with a reason. Pure: the gateway loads the window, calls these and persists.
import { formatWarekiDateTime } from '../wareki.ts';
import { fieldErrorOf } from '../messages.ts';
import { conflictBecause, type Refusal } from '../refusal.ts';
import type { FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { MAINTENANCE_LIMITS, type MaintenanceKind } from './maintenance.ts';

export const MAINTENANCE_MESSAGES = {
  /** Maintenance windows and incidents (whose administrators the maintenance module checks) are recorded by staff in person. */
  staffOnly: { ja: '運用の記録は職員が行います（APIトークンではできません）。', en: 'Operations are recorded by staff, not by API tokens.' },
  malformedId: { ja: 'IDが正しくありません。', en: 'The id is malformed.' },
  plannersOnly: {
    ja: 'このシステムの保守等による停止・運用時間の変更は、システムの管理者だけが登録・周知・取消しできます。',
    en: 'Only the administrators of this system plan, announce and cancel its maintenance windows.',
  },
  cancelled: { ja: 'この期間は取り消されています。', en: 'The window has been cancelled.' },
  announced: { ja: 'この期間はすでに周知されています。', en: 'The window has already been announced.' },
  overForAnnouncement: { ja: 'この期間はすでに終わっているため、周知できません。', en: 'The window is over: there is nothing left to announce.' },
  alreadyCancelled: { ja: 'この期間はすでに取り消されています。', en: 'The window has already been cancelled.' },
  overForCancellation: { ja: 'この期間はすでに終わっているため、取り消せません。', en: 'The window is over: it can no longer be cancelled.' },
  cancelReasonRequired: { ja: '取消しの理由を入力してください。', en: 'Say why the window is cancelled.' },
} as const satisfies Record<string, Bilingual>;

/** A window as its announcement and cancellation look at it. */
export interface MaintenanceWindowState {
  announcedAt: Date | null;
  cancelledAt: Date | null;
  endsAt: Date;
}

/** A window is announced once, unless cancelled, and only while it is not over; the refusal cites the notice rules. */
export function announcementRefusal(w: MaintenanceWindowState, now: Date, noticeRuleIds: RuleId[]): Refusal | null {
  if (w.cancelledAt) return conflictBecause(MAINTENANCE_MESSAGES.cancelled, noticeRuleIds);
  if (w.announcedAt) return conflictBecause(MAINTENANCE_MESSAGES.announced, noticeRuleIds);
  if (w.endsAt <= now) return conflictBecause(MAINTENANCE_MESSAGES.overForAnnouncement, noticeRuleIds);
  return null;
}

/** A window is cancelled once, and only while it is not over. */
export function cancellationRefusal(w: MaintenanceWindowState, now: Date): Refusal | null {
  if (w.cancelledAt) return conflictBecause(MAINTENANCE_MESSAGES.alreadyCancelled);
  if (w.endsAt <= now) return conflictBecause(MAINTENANCE_MESSAGES.overForCancellation);
  return null;
}

/** A cancellation says why, in at most MAINTENANCE_LIMITS.cancelReason characters (the reason trimmed). */
export function cancelReasonErrors(why: string, path: (string | number)[] = ['reason']): FieldError[] {
  if (!why) return [fieldErrorOf(path, 'REQUIRED', MAINTENANCE_MESSAGES.cancelReasonRequired)];
  const max = MAINTENANCE_LIMITS.cancelReason;
  if ([...why].length > max) return [fieldErrorOf(path, 'TOO_LONG', { ja: `理由は${max}文字以内で入力してください。`, en: `At most ${max} characters.` })];
  return [];
}

// ---- notices -----------------------------------------------------------------------------------------------

const KIND_JA: Record<MaintenanceKind, string> = { closed: 'システム停止', open: '運用時間の延長' };

/** The period of a window as a notice says it (令和…から令和…まで). */
const period = (from: Date, to: Date): string => `${formatWarekiDateTime(from)}から${formatWarekiDateTime(to)}まで`;

export interface MaintenanceNoticeFacts {
  systemName: string;
  kind: MaintenanceKind;
  from: Date;
  to: Date;
}

/** What the heads of the using sections are told when a window is announced. */
export function maintenanceAnnouncement(w: MaintenanceNoticeFacts & { reason: string }, noticeRuleIds: readonly RuleId[]): { subject: string; body: string } {
  return {
    subject: `${w.systemName} ${KIND_JA[w.kind]}のお知らせ`,
    body: `${w.systemName}は、${period(w.from, w.to)}${w.kind === 'closed' ? '停止します' : '運用時間を延長します'}。\n理由: ${w.reason}\n課内の職員へ周知してください${noticeRuleIds.length ? `（${noticeRuleIds.join('、')}）` : ''}。`,
  };
}

/** What they are told when an announced window is cancelled. */
export function maintenanceCancellation(w: MaintenanceNoticeFacts, why: string): { subject: string; body: string } {
  return {
    subject: `${w.systemName} ${KIND_JA[w.kind]}の取消しのお知らせ`,
    body: `先にお知らせした${w.systemName}の${KIND_JA[w.kind]}（${period(w.from, w.to)}）は取り消されました。\n理由: ${why}`,
  };
}

/** The mail a notice to staff is sent as. */
export const staffNoticeMailSubject = (subject: string): string => `【司】${subject}`;
