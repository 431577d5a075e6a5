import type { Bilingual } from '../bilingual.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** Where a field is in the request, e.g. ["input", "name"] or ["input", "items", 2, "title"]. */
export type Path = (string | number)[];

/** A refusal of one input field, in both languages the product speaks. */
export interface FieldError {
  /** Path of the field in the request, e.g. ["input", "name"]. */
  path: Path;
  code: 'REQUIRED' | 'TOO_LONG' | 'INVALID_VALUE' | 'NOT_FOUND' | 'DUPLICATE' | 'STALE_VERSION';
  message: Bilingual;
  ruleIds?: RuleId[];
}

export function fieldError(path: Path, code: FieldError['code'], en: string, ja: string, ruleIds?: RuleId[]): FieldError {
  const text = { ja, en };
  return ruleIds ? { path, code, message: text, ruleIds: ruleIdSet(ruleIds) } : { path, code, message: text };
}
