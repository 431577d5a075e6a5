// What the procedure definitions of Kitami's counter support system refuse and tell (KTM-5, KTM-7):
// who reviews a definition (its 業務所管課, KTM-5-1-1), what an approved definition request cannot
// set (KTM-7-4), and the notice to the other sections it involves (KTM-5-1-2). Pure.
import { fieldErrorOf } from '../messages.ts';
import { forbiddenBecause, type Refusal } from '../refusal.ts';
import type { FieldError, Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import { malformedId } from '../registers/register-decision.ts';
import { PROCEDURE_ROUTING_ACTIONS, type ProcedureRoutingAction } from './procedures.ts';

/** A section as a procedure's messages name it. */
export interface ProcedureSectionName {
  name: string;
  nameEn: string;
}

/** What the counter staff does with a procedure, naming the section it goes to. */
export function procedureActionLabel(action: ProcedureRoutingAction, to: ProcedureSectionName | null): Bilingual {
  if (action === 'accept_and_hand_over' && to)
    return { ja: `受け付けて届出書等を印字し、${to.name}へ引き継ぐ`, en: `Take it, print the form and hand it over to the ${to.nameEn}` };
  if (action === 'refer' && to) return { ja: `${to.name}の窓口へ案内する`, en: `Refer the resident to the ${to.nameEn}` };
  return PROCEDURE_ROUTING_ACTIONS[action];
}

/** The list's filter: a well-formed section id, search text of at most 200 characters, a limit of 1 to 500. */
export function procedureFilterErrors(filter: { sectionIdMalformed: boolean; text?: string | null }, limit: number | null): FieldError[] {
  const errors: FieldError[] = [];
  if (filter.sectionIdMalformed) errors.push(malformedId(['filter', 'sectionId']));
  if ((filter.text ?? '').length > 200)
    errors.push(
      fieldErrorOf(['filter', 'text'], 'TOO_LONG', { ja: '検索語は200文字以内で入力してください。', en: 'The search text is at most 200 characters.' }),
    );
  if (limit !== null && (limit < 1 || limit > 500))
    errors.push(fieldErrorOf(['limit'], 'INVALID_VALUE', { ja: '件数は1〜500で指定してください。', en: 'The limit is 1 to 500.' }));
  return errors;
}

/** The note of a review (KTM-5-1-1), trimmed, is at most 2000 characters. */
export function procedureReviewNoteError(note: string | null, path: Path = ['input', 'note']): FieldError | null {
  return note && note.length > 2000
    ? fieldErrorOf(path, 'TOO_LONG', { ja: '見直しの内容は2000文字以内で入力してください。', en: 'The note is at most 2000 characters.' }, ['KTM-5-1-1'])
    : null;
}

/**
 * KTM-5-1-1: the business section in charge (業務所管課) reviews its definitions — a holder of its
 * 管理者 or business-section role (or their deputy) in that section or a unit under it. `upwards`
 * gives a unit and the units above it.
 */
export function mayReviewProcedure(
  roles: readonly HeldRole[],
  unitOf: (positionId: string) => string | undefined,
  upwards: (unitId: string) => readonly string[],
  managingOrgUnitId: string,
): boolean {
  return roles.some((r) => {
    if (r.rulebookId !== 'KTM' || (r.roleKey !== 'business_section' && r.roleKey !== 'manager')) return false;
    const unit = unitOf(r.positionId);
    return !!unit && upwards(unit).includes(managingOrgUnitId);
  });
}

/** The refusal of a review by someone outside the section in charge. */
export const procedureReviewRefusal = (section: ProcedureSectionName | undefined): Refusal =>
  forbiddenBecause(
    {
      ja: `この定義内容を見直すのは業務所管課（${section?.name ?? '所管課'}）です。`,
      en: `Only the business section in charge (${section?.nameEn ?? 'its section'}) reviews this definition.`,
    },
    ['KTM-5-1-1'],
  );

// ---- the effect of an approved definition request (KTM-7-4) -----------------------------------------

export const PROCEDURE_EFFECT_MESSAGES = {
  invalidDefinition: { ja: '申請の内容が行政手続の定義として正しくありません。', en: 'The request does not carry a valid procedure definition.' },
  filerWithoutSection: { ja: '申請した管理者の所属課が見つかりません。', en: 'The filing manager holds no position in a section.' },
} as const satisfies Record<string, Bilingual>;

/** A routing names an org unit by name or key (KTM-7-2-3): none or several by that name. */
export const orgUnitRefError = (path: Path, ref: string, error: 'ambiguous' | 'not_found' | string): FieldError =>
  fieldErrorOf(
    path,
    'NOT_FOUND',
    error === 'ambiguous'
      ? { ja: `「${ref}」という組織が複数あります。キーで指定してください。`, en: `Several org units are called "${ref}": name it by its key.` }
      : { ja: `「${ref}」という組織が見つかりません。`, en: `No org unit "${ref}".` },
    ['KTM-7-2-3'],
  );

/** The request's routing names org units that do not exist: it goes back for correction. */
export const unknownOrgUnitsMessage = (errors: readonly FieldError[]): Bilingual => ({
  ja: '振り分けパターンに存在しない組織が指定されています。申請を差し戻して修正してください。',
  en: `The routing names org units that do not exist: ${errors.map((e) => e.path.join('.')).join(', ')}. Return the request for correction.`,
});

/** Two requests defined the same procedure at once: the later decision is taken again. */
export const definedConcurrentlyMessage = (name: string): Bilingual => ({
  ja: `「${name}」は同時に別の申請で設定されました。もう一度決定してください。`,
  en: `"${name}" was defined by another request at the same moment. Decide again.`,
});

/** KTM-5-1-2: what the heads of the other sections a definition involves are told. */
export function procedureDefinedNotice(x: { name: string; managingName: string; change: 'defined' | 'updated' | string; requestNumber: string }): {
  subject: string;
  body: string;
} {
  const word = x.change === 'defined' ? '設定' : '更新';
  return {
    subject: `行政手続「${x.name}」の定義が${word}されました`,
    body: `${x.managingName}が所管する行政手続「${x.name}」の定義が${word}されました（申請 ${x.requestNumber}）。この手続には貴課が関係しています。事務処理の手順及び引継ぎについて、関係課で調整してください（KTM-5-1-2）。`,
  };
}
