// The input shapes the procedure definitions share (KTM-7-2): bilingual labels, field paths, plain
// objects with known keys only, and JSON text parsed with the field path of what fails. Pure.
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

export const bi = (ja: string, en: string): Bilingual => ({ ja, en });

export const CONDITION_RULES: RuleId[] = ['KTM-7-2-2'];

export const invalid = (path: Path, en: string, ja: string): FieldError => fieldError(path, 'INVALID_VALUE', en, ja, CONDITION_RULES);

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isWholeNumber = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: Path): FieldError[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) =>
      invalid(
        [...path, k],
        `Unknown key "${k}" (allowed: ${allowed.join(', ')}).`,
        `「${k}」は使用できない項目です（使用できる項目：${allowed.join('、')}）。`,
      ),
    );
}

export function parseJson(text: string, path: Path, ruleIds: RuleId[]): { ok: true; value: unknown } | { ok: false; error: FieldError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: fieldError(path, 'INVALID_VALUE', `Not valid JSON: ${why}`, `JSONの形式が正しくありません（${why}）。`, ruleIds) };
  }
}
