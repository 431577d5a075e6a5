import type { Tone } from './components/ToneBadge.svelte';
import type { MessageKey } from './i18n/index.svelte.ts';

/** A state shown as a badge: where its labels live, its test id, and which values wear which tone. */
export interface BadgeKind {
  /** The message key of a value is this prefix and the value. */
  prefix: string;
  testId?: string;
  tones: Partial<Record<Tone, readonly string[]>>;
}

// One line a kind: the tone each value wears (anything not listed is neutral).
export const BADGE_KINDS = {
  lifecycle: {
    prefix: 'status.',
    tones: { info: ['PROPOSED'], success: ['IN_SERVICE'], warning: ['UNDER_CHANGE'], caution: ['RETIRING'], neutral: ['RETIRED'] },
  },
  account: {
    prefix: 'account.status.',
    testId: 'account-status',
    tones: { success: ['ACTIVE'], danger: ['SUSPENDED'], neutral: ['ENDED', 'EXPIRED'], info: ['NOT_YET_VALID'], warning: ['DUTY_ENDED'] },
  },
  grant: {
    prefix: 'grant.state.',
    tones: {
      warning: ['PENDING_APPROVAL', 'PARTLY_APPROVED'],
      info: ['NOT_YET_VALID'],
      success: ['ACTIVE'],
      danger: ['SUSPENDED', 'REVOKED'],
      neutral: ['DUTY_ENDED', 'EXPIRED'],
    },
  },
  designation: {
    prefix: 'designations.state.',
    testId: 'designation-state',
    tones: { success: ['EFFECTIVE'], warning: ['AWAITING_PERMISSION'], info: ['NOT_YET_VALID'], neutral: ['EXPIRED', 'REVOKED'] },
  },
  meeting: {
    prefix: 'meeting.status.',
    testId: 'meeting-status',
    tones: { info: ['DRAFT'], warning: ['FROZEN', 'HELD'], success: ['CLOSED'], neutral: ['CANCELLED'] },
  },
  outcome: {
    prefix: 'outcome.',
    testId: 'item-outcome',
    tones: { success: ['APPROVED', 'APPROVED_WITH_CONDITIONS'], danger: ['REJECTED'], warning: ['DEFERRED'] },
  },
  incident: {
    prefix: 'incident.status.',
    testId: 'incident-status',
    tones: { danger: ['REPORTED'], warning: ['RECOVERING'], info: ['RESOLVED'], success: ['CONFIRMED'] },
  },
  severity: { prefix: 'incident.severity.', testId: 'incident-severity', tones: { neutral: ['MINOR'], warning: ['MAJOR'], danger: ['CRITICAL'] } },
  maintenance: {
    prefix: 'maintenance.status.',
    testId: 'maintenance-status',
    tones: { warning: ['PLANNED'], info: ['ANNOUNCED'], danger: ['IN_PROGRESS'], neutral: ['FINISHED', 'CANCELLED'] },
  },
  request: {
    prefix: 'request.status.',
    testId: 'request-status',
    tones: { info: ['IN_PROGRESS'], warning: ['RETURNED'], success: ['APPROVED'], danger: ['REJECTED'], neutral: ['WITHDRAWN'] },
  },
  ruleClass: {
    prefix: 'rules.class.',
    testId: 'rule-class',
    tones: { success: ['EXECUTED', 'RECORDED'], info: ['JUDGEMENT'], warning: ['GAP'], neutral: ['NOT_SOFTWARE', 'DEFINITION', 'PURPOSE', 'BY_PARTS'] },
  },
} as const satisfies Record<string, BadgeKind>;

export type BadgeKindName = keyof typeof BADGE_KINDS;

/** The tone of a value, or null for a value the kind does not know. */
export function toneOf(kind: BadgeKind, value: string): Tone | null {
  for (const [tone, values] of Object.entries(kind.tones) as [Tone, readonly string[]][]) {
    if (values.includes(value)) return tone;
  }
  return null;
}

/** The message key of a known value; null for one the kind does not know (shown as it is). */
export function labelKeyOf(kind: BadgeKind, value: string): MessageKey | null {
  return toneOf(kind, value) ? (`${kind.prefix}${value}` as MessageKey) : null;
}
