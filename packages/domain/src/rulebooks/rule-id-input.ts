// Rule IDs given as API input (a free agenda item's rules, say): parsed at the boundary, each one
// the rulebooks lack refused with a field error in both languages.
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { isValidRuleId } from './index.ts';
import type { RuleId } from './rule-id.ts';

/** The rule IDs given, as RuleIds, each once; and an INVALID_VALUE error at `path`.i for each one that names no rule. */
export function parseRuleIdsInput(texts: readonly string[], path: readonly (string | number)[]): { ruleIds: RuleId[]; errors: FieldError[] } {
  const ruleIds: RuleId[] = [];
  const errors: FieldError[] = [];
  texts.forEach((text, i) => {
    if (isValidRuleId(text)) {
      if (!ruleIds.includes(text)) ruleIds.push(text);
    } else {
      errors.push(
        fieldError(
          [...path, i],
          'INVALID_VALUE',
          `${JSON.stringify(text)} is not a rule of the rulebooks; cite an article, paragraph or item such as ARK-12-2.`,
          `「${text}」は規程にない条項です。ARK-12-2 のように条・項・号を指定してください。`,
        ),
      );
    }
  });
  return { ruleIds, errors };
}
