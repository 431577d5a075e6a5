// A refused decision, as every area of the domain returns it: the typed code the API reports, the
// message in both languages and the rules it cites — or the input fields at fault. The gateway
// turns it into its error; the wording and the condition live here.
import type { FieldError } from './registry/field-error.ts';
import type { Bilingual } from './requests/request.types.ts';
import type { RuleId } from './rulebooks/rule-id.ts';

export type Refusal =
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; message: Bilingual; ruleIds: RuleId[] }
  | { allowed: false; code: 'BAD_USER_INPUT'; fieldErrors: FieldError[] };

export const forbiddenBecause = (message: Bilingual, ruleIds: RuleId[] = []): Refusal => ({ allowed: false, code: 'FORBIDDEN', message, ruleIds });
export const conflictBecause = (message: Bilingual, ruleIds: RuleId[] = []): Refusal => ({ allowed: false, code: 'CONFLICT', message, ruleIds });
export const badInputBecause = (fieldErrors: FieldError[]): Refusal => ({ allowed: false, code: 'BAD_USER_INPUT', fieldErrors });
