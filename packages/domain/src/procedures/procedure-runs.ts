// A procedure handled at Kitami's counter for a resident (KTM-8): the resident's identity is confirmed
// first, on a document, and only then are the 届出書等 printed with their entries filled in (KTM-8-3).
// Pure: the gateway records who confirmed, when and on what, and refuses a print without it.
import { fieldErrorOf } from '../messages.ts';
import { badInputBecause, conflictBecause, type Refusal } from '../refusal.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** The documents an identity is confirmed on at the counter. */
export const IDENTITY_DOCUMENT_KIND_VALUES = [
  'my_number_card',
  'driving_licence',
  'passport',
  'residence_card',
  'health_insurance_card',
  'other_photo_id',
  'other',
] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KIND_VALUES)[number];

export const IDENTITY_DOCUMENT_KINDS: Record<IdentityDocumentKind, Bilingual> = {
  my_number_card: { ja: 'マイナンバーカード', en: 'My Number card' },
  driving_licence: { ja: '運転免許証', en: 'Driving licence' },
  passport: { ja: '旅券', en: 'Passport' },
  residence_card: { ja: '在留カード', en: 'Residence card' },
  health_insurance_card: { ja: '健康保険の資格確認書等', en: 'Health insurance certificate' },
  other_photo_id: { ja: 'その他の写真付き証明書', en: 'Other photo identification' },
  other: { ja: 'その他の書類', en: 'Other documents' },
};

export const isIdentityDocumentKind = (v: unknown): v is IdentityDocumentKind =>
  typeof v === 'string' && (IDENTITY_DOCUMENT_KIND_VALUES as readonly string[]).includes(v);

/** KTM-8-3: the identity confirmation a print relies on; KTM-8-1: the printing of the forms. */
export const IDENTITY_CONFIRMATION_RULE_IDS: RuleId[] = ['KTM-8-3'];
export const FORM_PRINT_RULE_IDS: RuleId[] = ['KTM-8-1', 'KTM-8-3'];

export const PROCEDURE_RUN_MESSAGES = {
  identityNotConfirmed: {
    ja: '本人確認が記録されていないため、届出書等を印字できません。先に本人確認を行い、確認した書類を記録してください。',
    en: 'The resident’s identity has not been confirmed: confirm it and record the document before printing the form.',
  },
  identityAlreadyConfirmed: { ja: 'この受付の本人確認はすでに記録されています。', en: 'The identity for this handling is already recorded.' },
  documentKind: { ja: '本人確認に用いた書類の種類を選んでください。', en: 'Choose the kind of document the identity was confirmed on.' },
  unknownForm: { ja: 'この手続で印字する届出書等ではありません。', en: 'This procedure prints no such form.' },
} as const satisfies Record<string, Bilingual>;

/** The identity is confirmed once per handling, on a document of a known kind. */
export function identityConfirmationRefusal(run: { identityConfirmedAt: unknown }, documentKind: unknown): Refusal | null {
  if (!isIdentityDocumentKind(documentKind))
    return badInputBecause([fieldErrorOf(['input', 'documentKind'], 'INVALID_VALUE', PROCEDURE_RUN_MESSAGES.documentKind, IDENTITY_CONFIRMATION_RULE_IDS)]);
  if (run.identityConfirmedAt) return conflictBecause(PROCEDURE_RUN_MESSAGES.identityAlreadyConfirmed, IDENTITY_CONFIRMATION_RULE_IDS);
  return null;
}

/**
 * KTM-8-3: a form is printed only once the resident's identity is recorded as confirmed, and only a
 * form the procedure prints (KTM-7-2-5).
 */
export function formPrintRefusal(run: { identityConfirmedAt: unknown }, formName: string, outputForms: readonly { name: string }[]): Refusal | null {
  if (!run.identityConfirmedAt) return conflictBecause(PROCEDURE_RUN_MESSAGES.identityNotConfirmed, IDENTITY_CONFIRMATION_RULE_IDS);
  if (!outputForms.some((f) => f.name === formName))
    return badInputBecause([fieldErrorOf(['input', 'formName'], 'INVALID_VALUE', PROCEDURE_RUN_MESSAGES.unknownForm, ['KTM-7-2-5'])]);
  return null;
}
