// Which rulebook roles a staff member holds at an instant. Roles are bound to positions, not to
// people: a personnel transfer (人事異動) is one tenure ending and another starting, and the roles
// follow the position to its next holder.
import { absenceOn, deputationNeedsAbsence, type AbsenceFact } from './absences.ts';
import type { DeputationFact, HeldRole, RoleBindingFact, TenureFact } from './roles.types.ts';

export const DEFAULT_ROLE_TIME_ZONE = 'Asia/Tokyo';

export interface RoleFacts {
  tenures: readonly TenureFact[];
  bindings: readonly RoleBindingFact[];
  deputations: readonly DeputationFact[];
  /** Declared absences of principals: a deputation under KTM-3-6 is in force only on their days. */
  absences?: readonly AbsenceFact[];
  /** Time zone in which tenure and deputation dates are read; default Asia/Tokyo. */
  timeZone?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone. A date-only string is already a
 * calendar date and is returned as is. Throws RangeError on an unreadable instant: a decision on a
 * date nobody can name would be a guess.
 */
export function localDateAt(at: string | Date, timeZone: string = DEFAULT_ROLE_TIME_ZONE): string {
  if (typeof at === 'string' && DATE_ONLY.test(at.trim())) return at.trim();
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant: ${String(at)}`);
  // A request asks about one instant many times (one decision per protected value): remember it.
  const key = `${d.getTime()}|${timeZone}`;
  let date = recentDates.get(key);
  if (date === undefined) {
    date = dateFormatter(timeZone).format(d);
    if (recentDates.size >= 256) recentDates.delete(recentDates.keys().next().value as string);
    recentDates.set(key, date);
  }
  return date;
}

const recentDates = new Map<string, string>();

/** Dates of tenures and deputations are calendar dates; an instant is read in the time zone. */
function asDate(value: string, timeZone: string): string {
  return DATE_ONLY.test(value.trim()) ? value.trim() : localDateAt(value, timeZone);
}

/** from ≤ date < to (to absent or null = open-ended). Dates are YYYY-MM-DD, so strings compare. */
function coversDate(period: { from: string; to?: string | null }, date: string, timeZone: string): boolean {
  if (asDate(period.from, timeZone) > date) return false;
  return period.to == null || date < asDate(period.to, timeZone);
}

function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Staff members holding a position on the day of `at` (usually one; none when vacant). */
export function holdersAt(positionId: string, at: string | Date, tenures: readonly TenureFact[], timeZone: string = DEFAULT_ROLE_TIME_ZONE): string[] {
  const date = localDateAt(at, timeZone);
  return uniq(tenures.filter((t) => t.positionId === positionId && coversDate(t, date, timeZone)).map((t) => t.staffId));
}

/** Positions a staff member holds on the day of `at` (concurrent posts 兼務 give several). */
export function positionsAt(staffId: string, at: string | Date, tenures: readonly TenureFact[], timeZone: string = DEFAULT_ROLE_TIME_ZONE): string[] {
  const date = localDateAt(at, timeZone);
  // Tenure lists are immutable facts: the answer per (list, staff, day) is remembered with the list.
  let memo = positionsMemo.get(tenures);
  if (!memo) positionsMemo.set(tenures, (memo = new Map()));
  const key = `${staffId}|${date}|${timeZone}`;
  let held = memo.get(key);
  if (!held) {
    held = uniq(tenures.filter((t) => t.staffId === staffId && coversDate(t, date, timeZone)).map((t) => t.positionId));
    memo.set(key, held);
  }
  return [...held];
}

const positionsMemo = new WeakMap<readonly TenureFact[], Map<string, string[]>>();

/**
 * Whether the staff member is on duty on the day of `at`: holds `positionId`, or any position when
 * it is null. KTM-11: an operating right lasts as long as its holder does the duty.
 */
export function isOnDuty(
  staffId: string,
  positionId: string | null,
  at: string | Date,
  tenures: readonly TenureFact[],
  timeZone: string = DEFAULT_ROLE_TIME_ZONE,
): boolean {
  const positions = positionsAt(staffId, at, tenures, timeZone);
  return positionId === null ? positions.length > 0 : positions.includes(positionId);
}

/**
 * The rulebook roles a staff member holds at an instant, in this order: the roles of each position
 * they hold that day (one per binding, so a scope-split role such as KWW-3-1's システム総括者 gives
 * one HeldRole per scope), then the roles they exercise as a deputy (MNT-6-4, MNT-7-3, KTM-3-6,
 * KWW-4-1) on behalf of whoever holds the principal position that day.
 */
export function rolesAt(staffId: string, at: string | Date, facts: RoleFacts): HeldRole[] {
  const timeZone = facts.timeZone ?? DEFAULT_ROLE_TIME_ZONE;
  const date = localDateAt(at, timeZone);
  const held: HeldRole[] = [];
  const positions = positionsAt(staffId, date, facts.tenures, timeZone);

  for (const positionId of positions) {
    for (const b of facts.bindings) {
      if (b.positionId !== positionId) continue;
      held.push({
        rulebookId: b.rulebookId,
        roleKey: b.roleKey,
        positionId,
        scopeKey: b.scopeKey ?? null,
        scopeLabel: b.scopeLabel ?? null,
        via: 'position',
        onBehalfOfStaffId: null,
        deputationId: null,
        ruleIds: uniq(b.ruleIds),
      });
    }
  }

  for (const d of facts.deputations) {
    if (d.deputyStaffId !== staffId || !coversDate(d, date, timeZone)) continue;
    // KTM-3-6: this deputy acts only while the principal is absent, as declared.
    if (deputationNeedsAbsence(d) && !absenceOn(facts.absences ?? [], d.principalPositionId, date)) continue;
    // Holding the principal position already gives its roles; acting for oneself adds nothing.
    if (positions.includes(d.principalPositionId)) continue;
    const principal = holdersAt(d.principalPositionId, date, facts.tenures, timeZone).find((s) => s !== staffId) ?? null;
    for (const b of facts.bindings) {
      if (b.positionId !== d.principalPositionId || b.rulebookId !== d.rulebookId) continue;
      if (d.roleKeys.length > 0 && !d.roleKeys.includes(b.roleKey)) continue;
      held.push({
        rulebookId: b.rulebookId,
        roleKey: b.roleKey,
        positionId: d.principalPositionId,
        scopeKey: b.scopeKey ?? null,
        scopeLabel: b.scopeLabel ?? null,
        via: 'deputy',
        onBehalfOfStaffId: principal,
        deputationId: d.id,
        ruleIds: uniq([...b.ruleIds, ...d.ruleIds]),
      });
    }
  }
  return held;
}
