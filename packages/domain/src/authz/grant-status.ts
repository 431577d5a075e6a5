// The state of a viewing grant at an instant, who brought it there and when, and the history of every
// state it passed through: requested, approved by each owner (KWW-5-2, KWO-3-2: the owners judge,
// every one of them), valid from its first day, suspended and reinstated, lapsed when its holder left
// the duty it was for (KTM-11), expired at its end, revoked. What the list, the detail and the admin
// app show, and what the owners may still do with it.
import { zonedInstant } from '../calendar/operating-calendar.ts';
import { DEFAULT_ROLE_TIME_ZONE, isOnDuty } from '../roles/role-resolution.ts';
import type { TenureFact } from '../roles/roles.types.ts';

export type GrantState =
  /** No owner has approved yet. */
  | 'PENDING_APPROVAL'
  /** Some owners have approved, not every one. */
  | 'PARTLY_APPROVED'
  /** Approved by every owner, before its first day. */
  | 'NOT_YET_VALID'
  | 'ACTIVE'
  | 'SUSPENDED'
  /** The grantee left the duty (position) it was for (KTM-11). */
  | 'DUTY_ENDED'
  /** Its period is over (approved or not). */
  | 'EXPIRED'
  | 'REVOKED';

export const GRANT_STATES: readonly GrantState[] = [
  'PENDING_APPROVAL',
  'PARTLY_APPROVED',
  'NOT_YET_VALID',
  'ACTIVE',
  'SUSPENDED',
  'DUTY_ENDED',
  'EXPIRED',
  'REVOKED',
];

export type GrantEventKind = 'REQUESTED' | 'APPROVED' | 'BECAME_VALID' | 'SUSPENDED' | 'REINSTATED' | 'DUTY_ENDED' | 'EXPIRED' | 'REVOKED';

/** What is recorded about a grant (instants as ISO strings). */
export interface GrantRecord {
  granteeStaffId: string;
  /** The duty it is for (null: none). */
  positionId: string | null;
  requestedAt: string;
  requestedByStaffId: string;
  validFrom: string;
  /** Exclusive. */
  validTo: string | null;
  suspendedAt: string | null;
  revokedAt: string | null;
  /** The asset's owner positions now: the grant is approved when every one of them has. */
  ownerPositionIds: readonly string[];
  approvals: readonly { ownerPositionId: string; at: string; byStaffId: string; onBehalfOfStaffId: string | null }[];
  /** Suspensions, reinstatements and the revocation, as recorded (older changes may have no record). */
  changes: readonly { change: 'suspended' | 'reinstated' | 'revoked'; at: string; byStaffId: string; onBehalfOfStaffId: string | null }[];
}

export interface GrantEvent {
  kind: GrantEventKind;
  at: string;
  /** Who did it (null: the calendar did, or nobody was recorded). */
  byStaffId: string | null;
  onBehalfOfStaffId: string | null;
  /** The owner position an approval was given for. */
  ownerPositionId: string | null;
}

export interface GrantStatus {
  state: GrantState;
  /** When the grant entered this state. */
  since: string;
  /** Who brought it there (null: the calendar — its first or last day, a personnel change — or not recorded). */
  byStaffId: string | null;
  onBehalfOfStaffId: string | null;
  /** Every event up to the instant, oldest first. */
  history: GrantEvent[];
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

function event(
  kind: GrantEventKind,
  at: string,
  by: string | null = null,
  onBehalfOf: string | null = null,
  ownerPositionId: string | null = null,
): GrantEvent {
  return { kind, at: iso(ms(at)), byStaffId: by, onBehalfOfStaffId: onBehalfOf, ownerPositionId };
}

/** When the grantee stopped holding the grant's duty, as of `at` (null: holds it, or no duty). */
function dutyEndedAt(g: GrantRecord, at: number, tenures: readonly TenureFact[], timeZone: string): string | null {
  if (g.positionId === null || isOnDuty(g.granteeStaffId, g.positionId, new Date(at), tenures, timeZone)) return null;
  const ends = tenures
    .filter((t) => t.staffId === g.granteeStaffId && t.positionId === g.positionId && t.to)
    .map((t) => zonedInstant(t.to!, '00:00', timeZone).getTime())
    .filter((t) => t <= at);
  // Never held (the tenures were corrected since): out of duty from the start.
  return iso(ends.length ? Math.max(...ends) : Math.max(ms(g.validFrom), ms(g.requestedAt)));
}

/** The grant's state at `at`, who brought it there and when, and its history. */
export function grantStatus(g: GrantRecord, at: Date | string, duty: { tenures: readonly TenureFact[]; timeZone?: string }): GrantStatus {
  const t = typeof at === 'string' ? ms(at) : at.getTime();
  if (Number.isNaN(t)) throw new RangeError(`Invalid instant: ${String(at)}`);
  const timeZone = duty.timeZone ?? DEFAULT_ROLE_TIME_ZONE;
  // Approvals count whenever given, as for the field decision (authz/field-access.policy.ts).
  const approvals = [...g.approvals].sort((a, b) => ms(a.at) - ms(b.at));
  const changes = g.changes.filter((c) => ms(c.at) <= t);
  const lastChange = (kind: 'suspended' | 'reinstated' | 'revoked') => changes.filter((c) => c.change === kind).at(-1);

  const history: GrantEvent[] = [event('REQUESTED', g.requestedAt, g.requestedByStaffId)];
  for (const a of approvals) history.push(event('APPROVED', a.at, a.byStaffId, a.onBehalfOfStaffId, a.ownerPositionId));
  for (const c of changes)
    history.push(event(c.change === 'suspended' ? 'SUSPENDED' : c.change === 'reinstated' ? 'REINSTATED' : 'REVOKED', c.at, c.byStaffId, c.onBehalfOfStaffId));
  // A suspension or revocation from before changes were recorded: its instant, nobody named.
  const suspendedAt = g.suspendedAt && ms(g.suspendedAt) <= t ? g.suspendedAt : null;
  const revokedAt = g.revokedAt && ms(g.revokedAt) <= t ? g.revokedAt : null;
  if (suspendedAt && !changes.some((c) => c.change === 'suspended' && ms(c.at) === ms(suspendedAt))) history.push(event('SUSPENDED', suspendedAt));
  if (revokedAt && !lastChange('revoked')) history.push(event('REVOKED', revokedAt));

  const approvedOwners = new Set(approvals.map((a) => a.ownerPositionId));
  const approved = g.ownerPositionIds.length > 0 && g.ownerPositionIds.every((p) => approvedOwners.has(p));
  const approvalsOfOwners = approvals.filter((a) => g.ownerPositionIds.includes(a.ownerPositionId));
  const lastApproval = approvalsOfOwners.at(-1);
  // The calendar's own events, once they have happened.
  const fullyApprovedAt = approved && lastApproval ? ms(lastApproval.at) : null;
  if (fullyApprovedAt !== null && ms(g.validFrom) > fullyApprovedAt && ms(g.validFrom) <= t) history.push(event('BECAME_VALID', g.validFrom));
  const expired = g.validTo !== null && ms(g.validTo) <= t;
  if (expired) history.push(event('EXPIRED', g.validTo!));
  const dutyEnd = approved && !expired && !revokedAt ? dutyEndedAt(g, t, duty.tenures, timeZone) : null;
  if (dutyEnd) history.push(event('DUTY_ENDED', dutyEnd));
  history.sort((a, b) => ms(a.at) - ms(b.at));

  const status = (state: GrantState, since: string, by: string | null = null, onBehalfOf: string | null = null): GrantStatus => ({
    state,
    since: iso(ms(since)),
    byStaffId: by,
    onBehalfOfStaffId: onBehalfOf,
    history,
  });
  if (revokedAt) {
    const c = lastChange('revoked');
    return status('REVOKED', revokedAt, c?.byStaffId ?? null, c?.onBehalfOfStaffId ?? null);
  }
  if (expired) return status('EXPIRED', g.validTo!);
  if (!approved) {
    if (!lastApproval) return status('PENDING_APPROVAL', g.requestedAt, g.requestedByStaffId);
    return status('PARTLY_APPROVED', lastApproval.at, lastApproval.byStaffId, lastApproval.onBehalfOfStaffId);
  }
  if (suspendedAt) {
    const c = lastChange('suspended');
    return c && ms(c.at) === ms(suspendedAt) ? status('SUSPENDED', suspendedAt, c.byStaffId, c.onBehalfOfStaffId) : status('SUSPENDED', suspendedAt);
  }
  if (dutyEnd) return status('DUTY_ENDED', dutyEnd);
  // Not yet valid, or active, since the latest of: the last approval, a reinstatement, its first day.
  const reinstated = lastChange('reinstated');
  const candidates: [number, string | null, string | null][] = [[fullyApprovedAt!, lastApproval!.byStaffId, lastApproval!.onBehalfOfStaffId]];
  if (reinstated) candidates.push([ms(reinstated.at), reinstated.byStaffId, reinstated.onBehalfOfStaffId]);
  const notYetValid = ms(g.validFrom) > t;
  if (!notYetValid) candidates.push([ms(g.validFrom), null, null]);
  const [since, by, onBehalfOf] = candidates.reduce((a, b) => (b[0] > a[0] ? b : a));
  return status(notYetValid ? 'NOT_YET_VALID' : 'ACTIVE', iso(since), by, onBehalfOf);
}

export const GRANT_STATE_LABELS: Record<GrantState, { ja: string; en: string }> = {
  PENDING_APPROVAL: { ja: '承認待ち', en: 'Awaiting approval' },
  PARTLY_APPROVED: { ja: '一部承認', en: 'Partly approved' },
  NOT_YET_VALID: { ja: '開始前', en: 'Not yet valid' },
  ACTIVE: { ja: '有効', en: 'Active' },
  SUSPENDED: { ja: '停止中', en: 'Suspended' },
  DUTY_ENDED: { ja: '職務終了', en: 'Duty ended' },
  EXPIRED: { ja: '期限切れ', en: 'Expired' },
  REVOKED: { ja: '取消済み', en: 'Revoked' },
};

export type GrantChangeKind = 'suspend' | 'reinstate' | 'revoke';

/**
 * Whether an owner may make this change to a grant in this state: suspend what is approved and not
 * over (active, not yet valid, out of duty), reinstate what is suspended, revoke anything not
 * revoked (a request still waiting is withdrawn this way). Null when allowed; else why not.
 */
export function grantChangeRefusal(state: GrantState, change: GrantChangeKind): { en: string; ja: string } | null {
  const allowed: Record<GrantChangeKind, readonly GrantState[]> = {
    suspend: ['ACTIVE', 'NOT_YET_VALID', 'DUTY_ENDED'],
    reinstate: ['SUSPENDED'],
    revoke: ['PENDING_APPROVAL', 'PARTLY_APPROVED', 'NOT_YET_VALID', 'ACTIVE', 'SUSPENDED', 'DUTY_ENDED', 'EXPIRED'],
  };
  if (allowed[change].includes(state)) return null;
  const what = { suspend: ['suspended', '停止'], reinstate: ['reinstated', '再開'], revoke: ['revoked', '取消'] }[change];
  return {
    en: `A grant in state ${state} cannot be ${what[0]}.`,
    ja: `この状態（${GRANT_STATE_LABELS[state].ja}）の閲覧権限は${what[1]}できません。`,
  };
}
