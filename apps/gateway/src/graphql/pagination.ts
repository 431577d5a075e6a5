// The page size of every list: `first`, 20 when not given, at most 200.
import { fieldError } from '@tsukasa/domain';
import { badInput } from './errors.ts';

export const MAX_PAGE = 200;

export function pageSize(first: number | null | undefined, path: string[]): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badInput([fieldError(path, 'INVALID_VALUE', `first must be between 1 and ${MAX_PAGE}.`, `件数は1〜${MAX_PAGE}で指定してください。`)]);
  }
  return n;
}
