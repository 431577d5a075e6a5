// Maintenance windows (SPEC §6): temporary stops (保守点検作業等による停止) and temporary extensions of a
// system's operating hours, planned by the system's administrators and announced in advance to the
// using sections (MNT-15-2, KTM-15-2). Announced windows become exceptions of the operating calendar,
// so the access decision refuses use during a stop (MAINTENANCE) and allows it during an extension.
import type { DutyRule } from '../authz/administration.policy.ts';
import type { Bilingual } from '../bilingual.ts';
import type { OperatingCalendar, OperatingException } from '../calendar/calendar.types.ts';
import { localParts, noticeIsTimely, rulebookCalendar, windowConflicts } from '../calendar/operating-calendar.ts';
import type { RulebookId } from '../model/types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

export type MaintenanceKind = 'closed' | 'open';

/** What a municipality's rulebook says of maintenance windows of the systems it governs. */
export interface MaintenanceRules {
  rulebookId: RulebookId;
  /**
   * Who plans, announces and cancels a system's windows. Registry administrators may too (they keep
   * the registry for the municipality); everybody else is refused.
   */
  planners: readonly DutyRule[];
  /** The rules a stop is made under: cited by the access decision (MAINTENANCE) and the warnings. */
  stopRuleIds: RuleId[];
  /** The rules an extension of the operating hours is made under. */
  extensionRuleIds: RuleId[];
  /** The rules requiring the using sections to be told in advance (empty: the rulebook is silent). */
  noticeRuleIds: RuleId[];
}

/**
 * Per rulebook. MNT-15-2 and KTM-15-2 name the administrator and the advance notice; KTM-15-1 ただし書き
 * lets the 統括管理者 change the hours. KWW, KWO and ARK set no operating hours or stops: the roles
 * that run and maintain their systems (KWW-3-2-1/KWW-3-2-2, KWO-4-1, ARK-4) plan the windows, and the
 * product still tells the using sections (the same courtesy the other rulebooks require).
 */
export const MAINTENANCE_RULES: Record<RulebookId, MaintenanceRules> = {
  MNT: {
    rulebookId: 'MNT',
    // The システム総括担当者 acts for the 保健福祉課長 through a deputation (MNT-6-4).
    planners: [{ rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-15-2'] }],
    stopRuleIds: ['MNT-15-2'],
    extensionRuleIds: ['MNT-15-2'],
    noticeRuleIds: ['MNT-15-2'],
  },
  KTM: {
    rulebookId: 'KTM',
    planners: [
      { rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-15-1', 'KTM-15-2'] },
      { rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-6'], deputyOnly: true },
    ],
    stopRuleIds: ['KTM-15-2'],
    extensionRuleIds: ['KTM-15-1'],
    noticeRuleIds: ['KTM-15-2'],
  },
  KWW: {
    rulebookId: 'KWW',
    planners: [
      { rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-1', 'KWW-3-2-2'] },
      { rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1'] },
    ],
    stopRuleIds: ['KWW-3-2-2'],
    extensionRuleIds: ['KWW-3-2-1'],
    noticeRuleIds: [],
  },
  KWO: {
    rulebookId: 'KWO',
    planners: [{ rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-4-1'] }],
    stopRuleIds: ['KWO-4-1'],
    extensionRuleIds: ['KWO-4-1'],
    noticeRuleIds: [],
  },
  ARK: {
    rulebookId: 'ARK',
    planners: [
      { rulebookId: 'ARK', roleKey: 'digital_section_chief', ruleIds: ['ARK-4-1'], managingUnitOnly: true },
      { rulebookId: 'ARK', roleKey: 'system_managing_chief', ruleIds: ['ARK-4-2'], managingUnitOnly: true },
    ],
    stopRuleIds: ['ARK-4'],
    extensionRuleIds: ['ARK-4'],
    noticeRuleIds: [],
  },
};

/** The rules of a system's rulebook; a system without one is governed as ARK systems are (all day, every day). */
export function maintenanceRules(rulebookId: string | null | undefined): MaintenanceRules {
  return MAINTENANCE_RULES[(rulebookId ?? 'ARK') as RulebookId] ?? MAINTENANCE_RULES.ARK;
}

/** A maintenance window as stored. Instants are ISO strings with an offset or Z. */
export interface MaintenanceWindowFact {
  kind: MaintenanceKind;
  from: string;
  to: string;
  reason: string;
  reasonEn?: string | null;
  announcedAt?: string | null;
  cancelledAt?: string | null;
}

/** Only announced, not cancelled windows change when a system may be used (MNT-15-2, KTM-15-2). */
export function maintenanceExceptions(windows: readonly MaintenanceWindowFact[]): OperatingException[] {
  return windows
    .filter((w) => w.announcedAt && !w.cancelledAt)
    .map((w) => ({
      from: w.from,
      to: w.to,
      kind: w.kind,
      reason: w.reason,
      ...(w.reasonEn ? { reasonEn: w.reasonEn } : {}),
      announcedAt: w.announcedAt ?? null,
    }));
}

/**
 * The operating calendar of a system: its rulebook's hours with its announced windows as exceptions.
 * Where the rulebook's calendar names no rule for exceptions, the maintenance rules are cited.
 */
export function systemOperatingCalendar(rulebookId: string | null | undefined, windows: readonly MaintenanceWindowFact[] = []): OperatingCalendar {
  const rules = maintenanceRules(rulebookId);
  const calendar = rulebookCalendar(rules.rulebookId, maintenanceExceptions(windows));
  return calendar.exceptionRuleIds ? calendar : { ...calendar, exceptionRuleIds: { closed: [...rules.stopRuleIds], open: [...rules.extensionRuleIds] } };
}

// ---- input -----------------------------------------------------------------------------------------

export const MAINTENANCE_LIMITS = { reason: 200, reasonEn: 200, cancelReason: 500 } as const;
/** A window may be planned at most this far ahead, and last at most this long. */
export const MAINTENANCE_MAX_DAYS_AHEAD = 366;
export const MAINTENANCE_MAX_LENGTH_DAYS = 14;

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const DAY = 86_400_000;

export interface MaintenanceInput {
  kind: MaintenanceKind;
  from: string;
  to: string;
  reason: string;
  reasonEn?: string | null;
}

function instantMs(value: string): number {
  return HAS_ZONE.test(value.trim()) ? Date.parse(value.trim()) : NaN;
}

/** Checks a planned window; paths are under `input`. Returns every problem at once. */
export function validateMaintenanceInput(input: MaintenanceInput, now: string | Date): FieldError[] {
  const errors: FieldError[] = [];
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const from = instantMs(input.from);
  const to = instantMs(input.to);
  if (Number.isNaN(from))
    errors.push(
      fieldError(
        ['input', 'from'],
        'INVALID_VALUE',
        'Give the start as an instant with its time zone (e.g. 2026-12-05T22:00:00+09:00).',
        '開始日時をタイムゾーン付きで入力してください（例: 2026-12-05T22:00:00+09:00）。',
      ),
    );
  if (Number.isNaN(to))
    errors.push(
      fieldError(
        ['input', 'to'],
        'INVALID_VALUE',
        'Give the end as an instant with its time zone (e.g. 2026-12-06T06:00:00+09:00).',
        '終了日時をタイムゾーン付きで入力してください（例: 2026-12-06T06:00:00+09:00）。',
      ),
    );
  if (!Number.isNaN(from) && !Number.isNaN(to)) {
    if (to <= from)
      errors.push(fieldError(['input', 'to'], 'INVALID_VALUE', 'The window must end after it starts.', '終了日時は開始日時より後にしてください。'));
    else if (to - from > MAINTENANCE_MAX_LENGTH_DAYS * DAY)
      errors.push(
        fieldError(
          ['input', 'to'],
          'INVALID_VALUE',
          `A window lasts at most ${MAINTENANCE_MAX_LENGTH_DAYS} days.`,
          `期間は${MAINTENANCE_MAX_LENGTH_DAYS}日以内にしてください。`,
        ),
      );
    if (to <= nowMs)
      errors.push(
        fieldError(
          ['input', 'to'],
          'INVALID_VALUE',
          'The window is already over: record only windows still to come.',
          'この期間はすでに終わっています。これからの期間を登録してください。',
        ),
      );
    if (from - nowMs > MAINTENANCE_MAX_DAYS_AHEAD * DAY)
      errors.push(fieldError(['input', 'from'], 'INVALID_VALUE', 'A window is planned at most a year ahead.', '1年より先の期間は登録できません。'));
  }
  const reason = input.reason?.trim() ?? '';
  if (!reason)
    errors.push(
      fieldError(
        ['input', 'reason'],
        'REQUIRED',
        'Give the reason as it will be announced (e.g. 定期保守作業).',
        '周知する理由を入力してください（例: 定期保守作業）。',
      ),
    );
  else if ([...reason].length > MAINTENANCE_LIMITS.reason)
    errors.push(
      fieldError(
        ['input', 'reason'],
        'TOO_LONG',
        `The reason is at most ${MAINTENANCE_LIMITS.reason} characters.`,
        `理由は${MAINTENANCE_LIMITS.reason}文字以内で入力してください。`,
      ),
    );
  if (input.reasonEn && [...input.reasonEn.trim()].length > MAINTENANCE_LIMITS.reasonEn) {
    errors.push(
      fieldError(
        ['input', 'reasonEn'],
        'TOO_LONG',
        `The English reason is at most ${MAINTENANCE_LIMITS.reasonEn} characters.`,
        `英語の理由は${MAINTENANCE_LIMITS.reasonEn}文字以内で入力してください。`,
      ),
    );
  }
  return errors;
}

// ---- warnings ----------------------------------------------------------------------------------------

export const MAINTENANCE_WARNING_CODE_VALUES = ['STOP_IN_OPERATING_HOURS', 'NOT_ANNOUNCED', 'NOTICE_LATE', 'EXTENSION_WITHOUT_EFFECT'] as const;
export type MaintenanceWarningCode = (typeof MAINTENANCE_WARNING_CODE_VALUES)[number];

export interface MaintenanceWarning {
  code: MaintenanceWarningCode;
  message: Bilingual;
  ruleIds: RuleId[];
  /** For a stop inside operating hours: the parts of the window the using sections lose (UTC ISO instants). */
  overlaps: { from: string; to: string }[];
}

/**
 * How many calendar days before the day a window starts its announcement is expected. The rulebooks
 * say only 事前に (MNT-15-2, KTM-15-2): the day before at the latest is taken as the default.
 */
export const MINIMUM_NOTICE_DAYS = 1;

const cite = (ids: string[], ja: boolean) => (ids.length ? (ja ? `（${ids.join('、')}）` : ` (${ids.join(', ')})`) : '');

/**
 * What the planner should hear about a window, none of which stops it being planned: a stop inside
 * the operating hours (the using sections lose the system while they may use it), a window not yet
 * announced, an announcement later than the day before, an extension that adds no hours.
 */
export function maintenanceWarnings(
  rulebookId: string | null | undefined,
  window: MaintenanceWindowFact,
  now: string | Date,
  minimumNoticeDays: number = MINIMUM_NOTICE_DAYS,
): MaintenanceWarning[] {
  if (window.cancelledAt) return [];
  const rules = maintenanceRules(rulebookId);
  const base = rulebookCalendar(rules.rulebookId);
  const notice = rules.noticeRuleIds.length ? rules.noticeRuleIds : rules.stopRuleIds;
  const out: MaintenanceWarning[] = [];
  const conflicts = windowConflicts(base, { from: window.from, to: window.to });
  if (window.kind === 'closed' && conflicts.insideOperatingHours) {
    out.push({
      code: 'STOP_IN_OPERATING_HOURS',
      message: {
        en: `The stop falls inside the operating hours. Tell the using sections in advance${cite(notice, false)}.`,
        ja: `利用時間内の停止です。利用課へ事前に周知してください${cite(notice, true)}`,
      },
      ruleIds: [...notice],
      overlaps: conflicts.overlaps,
    });
  }
  if (window.kind === 'open') {
    const covered = conflicts.overlaps.reduce((sum, o) => sum + (Date.parse(o.to) - Date.parse(o.from)), 0);
    if (covered >= Date.parse(window.to) - Date.parse(window.from)) {
      out.push({
        code: 'EXTENSION_WITHOUT_EFFECT',
        message: {
          en: `The extension lies within the regular operating hours and adds no time${cite(base.ruleIds, false)}.`,
          ja: `延長の期間は通常の運用時間内にあり、利用できる時間は増えません${cite(base.ruleIds, true)}`,
        },
        ruleIds: [...base.ruleIds],
        overlaps: [],
      });
    }
  }
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (!window.announcedAt) {
    const started = Date.parse(window.from) <= nowMs;
    out.push({
      code: 'NOT_ANNOUNCED',
      message: {
        en: started
          ? `The window has started and the using sections have not been told${cite(notice, false)}.`
          : `Not announced yet: the window takes effect only once the using sections are told${cite(notice, false)}.`,
        ja: started
          ? `開始後ですが、利用課へ周知していません${cite(notice, true)}`
          : `まだ利用課へ周知していません。周知するまで運用時間は変わりません${cite(notice, true)}`,
      },
      ruleIds: [...notice],
      overlaps: [],
    });
  } else if (
    !noticeIsTimely(
      { from: window.from, to: window.to, kind: window.kind, reason: window.reason, announcedAt: window.announcedAt },
      minimumNoticeDays,
      base.timeZone,
    )
  ) {
    const day = localParts(window.from, base.timeZone).date;
    out.push({
      code: 'NOTICE_LATE',
      message: {
        en: `Announced later than ${minimumNoticeDays} day(s) before ${day}: the using sections had little time to prepare${cite(notice, false)}.`,
        ja: `周知が${day}の${minimumNoticeDays}日前より遅く、利用課の準備期間が十分ではありません${cite(notice, true)}`,
      },
      ruleIds: [...notice],
      overlaps: [],
    });
  }
  return out;
}

// ---- status ----------------------------------------------------------------------------------------------

export type MaintenanceStatus = 'planned' | 'announced' | 'in_progress' | 'finished' | 'cancelled';

/** Where a window stands at an instant. A window never announced stays planned (it does not apply). */
export function maintenanceStatus(window: MaintenanceWindowFact, at: string | Date): MaintenanceStatus {
  if (window.cancelledAt) return 'cancelled';
  if (!window.announcedAt) return 'planned';
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (ms < Date.parse(window.from)) return 'announced';
  return ms < Date.parse(window.to) ? 'in_progress' : 'finished';
}
