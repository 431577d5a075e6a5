// The page size of every list: `first`, 20 when not given, at most 200.
import { cursorInvalid, fieldError } from '@tsukasa/domain';
import { badInput } from './errors.ts';
import { decodeCursor, isUuid } from './scalars.ts';

export const MAX_PAGE = 200;

export function pageSize(first: number | null | undefined, path: string[]): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badInput([fieldError(path, 'INVALID_VALUE', `first must be between 1 and ${MAX_PAGE}.`, `件数は1〜${MAX_PAGE}で指定してください。`)]);
  }
  return n;
}

/**
 * The position an `after` cursor names: its parts, when there are `arity` of them and each passes
 * its check; else bad input on `after` (a cursor of another list or order, or not a cursor at all).
 */
export function afterCursor<const T extends readonly unknown[]>(after: string, checks: { [K in keyof T]: (v: unknown) => v is T[K] }): T {
  const parts = decodeCursor(after);
  if (!parts || parts.length !== checks.length || !checks.every((check, i) => check(parts[i]))) {
    throw badInput([cursorInvalid()]);
  }
  return parts as unknown as T;
}

/**
 * An `after` cursor that is the list's own sequence number (the audit log, an account feed): itself
 * when it is one; else the same bad input on `after` as every list's cursor.
 */
export function afterSequence(after: string): string {
  if (!/^\d{1,18}$/.test(after)) throw badInput([cursorInvalid()]);
  return after;
}

/** An `after` cursor that is the id of the last row seen: itself when it is an id; else the same bad input on `after` as every list's cursor. */
export function afterId(after: string): string {
  if (!isUuid(after)) throw badInput([cursorInvalid()]);
  return after;
}
