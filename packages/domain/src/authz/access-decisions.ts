// What the administration of access refuses and tells (SPEC §5, §6): accounts on a system (MNT-11,
// MNT-16, KTM-10, KTM-11), grants to see an asset's protected fields (KWW-5-2, KWO-8-1-2) and the
// designations of an asset's handlers (KWO-6). Pure: the gateway loads the facts, calls these and
// persists; the conditions and the wording are here.
import { fieldErrorOf } from '../messages.ts';
import { badInputBecause, forbiddenBecause, type Refusal } from '../refusal.ts';
import type { FieldError, Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { DutyDecision, DutyRule } from './administration.policy.ts';

export const ACCESS_MESSAGES = {
  idMalformed: { ja: 'IDが正しくありません。', en: 'The id is malformed.' },
  staffNotFound: { ja: '職員が見つかりません。', en: 'Staff member not found.' },
  assetNotFound: { ja: '情報資産が見つかりません。', en: 'Information asset not found.' },
  // accounts
  accountsByStaff: { ja: 'アカウントの管理は職員が行います（APIトークンではできません）。', en: 'Accounts are administered by staff, not by API tokens.' },
  accountAdministratorsOnly: {
    ja: 'このシステムのアカウントを管理できるのは、システムの管理者だけです。',
    en: 'Only the administrator of this system may manage its accounts.',
  },
  accountIdMalformed: { ja: 'アカウントIDが正しくありません。', en: 'Account id is malformed.' },
  authorityProfile: { ja: '操作権限を100文字以内で入力してください。', en: 'Name the authority profile (at most 100 characters).' },
  accountEndBeforeStart: { ja: '使用期限は開始日より後にしてください。', en: 'The end must come after the start.' },
  dutyPositionNotHeld: { ja: 'この職員はその職に就いていません。', en: 'The staff member does not hold this position.' },
  accountExists: { ja: 'この職員はすでにこのシステムのアカウントを持っています。', en: 'This person already has an account on this system.' },
  reasonRequired: { ja: '理由を500文字以内で入力してください。', en: 'Give the reason (at most 500 characters).' },
  notSuspended: { ja: 'このアカウントは停止されていません。', en: 'The account is not suspended.' },
  accountEnded: { ja: 'このアカウントは終了しています。', en: 'The account has ended.' },
  accountPurpose: {
    ja: '窓口支援システムのアカウントには、使用の目的（所掌する事務の処理、研修など）を500文字以内で入力してください。',
    en: 'State what the counter support system account is used for (the holder’s duties, training …), in at most 500 characters.',
  },
  operatorApproversOnly: {
    ja: '操作の承認ができるのは、このシステムを利用する課の長だけです。',
    en: 'Only the chief of a section using this system may approve its operators.',
  },
  operatorAlreadyApproved: { ja: 'この職員の操作はすでに承認されています。', en: 'The staff member is already approved as an operator.' },
  passwordResetInPerson: { ja: 'パスワードの初期化は本人だけが依頼できます。', en: 'Only a person can ask for their own password reset.' },
  // grants
  grantsByStaff: { ja: '閲覧権限の申請は職員が行います。', en: 'Grants are requested by staff.' },
  purpose: { ja: '利用目的を500文字以内で入力してください。', en: 'State the purpose (at most 500 characters).' },
  endBeforeStart: { ja: '終了日は開始日より後にしてください。', en: 'The end must come after the start.' },
  fieldNames: { ja: '項目名が正しくありません。', en: 'Name fields by their API names, or leave empty for all.' },
  granteePositionNotHeld: { ja: '対象職員は開始日にその職に就いていません。', en: 'The grantee does not hold this position at the start.' },
  grantIdMalformed: { ja: '権限IDが正しくありません。', en: 'Grant id is malformed.' },
} as const satisfies Record<string, Bilingual>;

/** The ids an input names, each well formed (`malformed`: the keys that are not). */
export const malformedIdErrors = (keys: readonly string[], path: Path = ['input']): FieldError[] =>
  keys.map((key) => fieldErrorOf([...path, key], 'INVALID_VALUE', { ja: ACCESS_MESSAGES.idMalformed.ja, en: `${key} is malformed.` }));

export const staffNotFound = (path: Path): FieldError => fieldErrorOf(path, 'NOT_FOUND', ACCESS_MESSAGES.staffNotFound);
export const assetNotFound = (path: Path): FieldError => fieldErrorOf(path, 'NOT_FOUND', ACCESS_MESSAGES.assetNotFound);

// ---- accounts ----------------------------------------------------------------------------------------------

/** An account's input: an authority profile of 1–100 characters, and an end after its start (MNT-11-1). */
export function accountInputErrors(input: { authorityProfile: string | null | undefined; validFrom: Date; validTo?: Date | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.authorityProfile?.trim() || input.authorityProfile.length > 100)
    errors.push(fieldErrorOf(['input', 'authorityProfile'], 'REQUIRED', ACCESS_MESSAGES.authorityProfile));
  if (input.validTo && input.validTo <= input.validFrom)
    errors.push(fieldErrorOf(['input', 'validTo'], 'INVALID_VALUE', ACCESS_MESSAGES.accountEndBeforeStart, ['MNT-11-1']));
  return errors;
}

/** The rulebooks whose accounts state their purpose of use (KTM-12-1: only for the holder's duties, training, or a use the managers allow). */
const PURPOSE_RULE_IDS: Partial<Record<string, RuleId[]>> = { KTM: ['KTM-12-1'] };

/** An account's purpose: at most 500 characters, and required on a system whose rulebook limits its use to stated purposes (KTM-12-1). */
export function accountPurposeError(rulebookId: string | null, purpose: string | null | undefined, path: Path = ['input', 'purpose']): FieldError | null {
  const ruleIds = rulebookId ? PURPOSE_RULE_IDS[rulebookId] : undefined;
  if (purpose != null && purpose.length > 500) return fieldErrorOf(path, 'INVALID_VALUE', ACCESS_MESSAGES.accountPurpose, ruleIds ?? []);
  if (ruleIds && !purpose?.trim()) return fieldErrorOf(path, 'REQUIRED', ACCESS_MESSAGES.accountPurpose, ruleIds);
  return null;
}

/** KTM-12-1-1: an account a request of the section head sets up is for the holder's own duties. */
export const accountRequestPurpose = (requestNumber: string): string => `所掌する事務の処理（${requestNumber}）`;

/** ARK-10-1: who approves the operators of a system — the chief of a section using it. */
export const operatorApprovers: readonly DutyRule[] = [{ rulebookId: 'ARK', roleKey: 'using_section_chief', ruleIds: ['ARK-10-1'] }];

/** Whether a rulebook asks for an operator's approval by the using section chief before use (ARK-10-1). */
export const needsOperatorApproval = (rulebookId: string | null): boolean => rulebookId === 'ARK';

/**
 * ARK-10-1: the viewer approves an operator when they hold the using section chief's role for one of the
 * system's using sections; refused otherwise, and when the account is ended or already approved.
 */
export function operatorApprovalRefusal(x: {
  rulebookId: string | null;
  duty: DutyDecision;
  approverUnitId: string | undefined;
  usingUnitIds: readonly string[];
  account: { endedAt: unknown; operatorApprovedAt: unknown };
}): Refusal | null {
  const ruleIds: RuleId[] = ['ARK-10-1'];
  if (!needsOperatorApproval(x.rulebookId) || !x.duty.allowed || !x.approverUnitId || !x.usingUnitIds.includes(x.approverUnitId))
    return forbiddenBecause(ACCESS_MESSAGES.operatorApproversOnly, ruleIds);
  if (x.account.endedAt) return badInputBecause([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.accountEnded, ruleIds)]);
  if (x.account.operatorApprovedAt) return badInputBecause([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.operatorAlreadyApproved, ruleIds)]);
  return null;
}

/** KTM-11: an account tied to a duty is tied to a position its holder holds. */
export const dutyPositionNotHeld = (path: Path = ['input', 'dutyPositionId']): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', ACCESS_MESSAGES.dutyPositionNotHeld, ['KTM-11']);

/** One open account per person and system. */
export const accountExists = (path: Path = ['input', 'staffId']): FieldError => fieldErrorOf(path, 'DUPLICATE', ACCESS_MESSAGES.accountExists);

export type AccountChange = 'suspend' | 'reinstate' | 'end';

/** An account is suspended or ended with a reason of at most 500 characters. */
export function accountChangeReasonError(change: { kind: AccountChange; reason?: string | null }): FieldError | null {
  if (change.kind === 'reinstate' || (change.reason?.trim() && change.reason.length <= 500)) return null;
  return fieldErrorOf(['reason'], 'REQUIRED', ACCESS_MESSAGES.reasonRequired);
}

/** An account is reinstated only when suspended, and changed no more once it has ended. */
export function accountChangeRefusal(kind: AccountChange, account: { suspendedAt: unknown; endedAt: unknown }): Refusal | null {
  if (kind === 'reinstate' && !account.suspendedAt) return badInputBecause([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.notSuspended)]);
  if (account.endedAt) return badInputBecause([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.accountEnded)]);
  return null;
}

/**
 * Why an account is suspended, which decides the paragraph cited. Kitami: a breach of the privacy
 * law (個人情報の保護に関する法律第69条第1項) obliges the 統括管理者 to revoke (KTM-10-4); any other
 * revocation is the section head's, registered by the 統括管理者 (KTM-10-1, KTM-10-3). Minato
 * suspends for proper operation whatever the ground (MNT-16).
 */
export const SUSPENSION_GROUND_VALUES = ['privacy_breach', 'revocation'] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUND_VALUES)[number];

/** The rules a suspension is made under, by its ground; null when the rulebook has no rule of suspension. */
export function suspensionRuleIds(rulebookId: string | null, ground: SuspensionGround | null | undefined): RuleId[] | null {
  if (rulebookId === 'MNT') return ['MNT-16'];
  if (rulebookId === 'KTM') return ground === 'privacy_breach' ? ['KTM-10-4'] : ['KTM-10-1', 'KTM-10-3'];
  return null;
}

/**
 * The rules an account's change is made under: MNT-11-2 / KTM-10-1 to end it; to suspend it, the
 * rules of its ground (MNT-16; KTM-10-4 or KTM-10-1 and KTM-10-3); to reinstate it, MNT-16, or in
 * Kitami a registration again (KTM-10-3).
 */
export function accountChangeRuleIds(kind: AccountChange, rulebookId: string | null, dutyRuleIds: RuleId[], ground?: SuspensionGround | null): RuleId[] {
  if (kind === 'end') return rulebookId === 'MNT' ? ['MNT-11-2'] : rulebookId === 'KTM' ? ['KTM-10-1'] : dutyRuleIds;
  if (kind === 'reinstate') return rulebookId === 'MNT' ? ['MNT-16'] : rulebookId === 'KTM' ? ['KTM-10-3'] : dutyRuleIds;
  return suspensionRuleIds(rulebookId, ground) ?? dutyRuleIds;
}

/** KTM-10-5: what the section head is told when a user's ID or authority is removed (or restored); the system's name follows the body. */
export function accountChangeNotice(
  kind: AccountChange,
  reason: string | null | undefined,
  systemName: string,
): { subject: string; body: string; ruleIds: RuleId[] } {
  const words = { suspend: ['利用停止', 'を停止しました'], reinstate: ['利用再開', 'の停止を解除しました'], end: ['利用終了', 'を終了しました'] }[kind];
  return {
    subject: `窓口支援システムの${words[0]}のお知らせ`,
    body: `所属職員のユーザーID・操作権限${words[1]}。理由: ${reason ?? '—'}（${systemName}）`,
    ruleIds: ['KTM-10-5'],
  };
}

// ---- grants (KWW-5-2) -------------------------------------------------------------------------------------

/** A grant's input: a purpose of 1–500 characters (KWW-5-2), an end after its start, fields by their API names. */
export function grantInputErrors(input: {
  purpose: string | null | undefined;
  validFrom: Date;
  validTo?: Date | null;
  fields?: readonly string[] | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.purpose?.trim() || input.purpose.length > 500) errors.push(fieldErrorOf(['input', 'purpose'], 'REQUIRED', ACCESS_MESSAGES.purpose, ['KWW-5-2']));
  if (input.validTo && input.validTo <= input.validFrom) errors.push(fieldErrorOf(['input', 'validTo'], 'INVALID_VALUE', ACCESS_MESSAGES.endBeforeStart));
  if (input.fields && (input.fields.length === 0 || input.fields.some((f) => !/^[A-Za-z][A-Za-z0-9]{0,59}$/.test(f))))
    errors.push(fieldErrorOf(['input', 'fields'], 'INVALID_VALUE', ACCESS_MESSAGES.fieldNames));
  return errors;
}

/** KTM-11: a grant tied to a duty is tied to a position the grantee holds at its start. */
export const granteePositionNotHeld = (path: Path = ['input', 'positionId']): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', ACCESS_MESSAGES.granteePositionNotHeld, ['KTM-11']);

/** A person asks for themselves; an owner of the asset or a registry administrator may ask for someone else. */
export function grantRequestRefusal(x: { granteeId: string; staffId: string; registryAdmin: boolean; ownsAsset: boolean }): Refusal | null {
  if (x.granteeId === x.staffId || x.registryAdmin || x.ownsAsset) return null;
  return forbiddenBecause({ ja: '閲覧権限は本人の分だけ申請できます。', en: 'You may request access for yourself only.' });
}

/** One pending request per access: the identical one already awaiting the owners' approval. */
export const duplicateGrantMessage = (existingGrantId: string): Bilingual => ({
  ja: `同じ内容の閲覧権限の申請が既に情報管理責任者の承認待ちです（${existingGrantId}）。`,
  en: `An identical request for this access is already awaiting the owners' approval: grant ${existingGrantId}.`,
});

/** Only an owner (情報管理責任者) of the asset decides on a grant (KWW-5-2, KWO-3-2). */
export const grantOwnersOnly = (): Refusal =>
  forbiddenBecause(
    {
      ja: 'この閲覧権限を判断できるのは、情報資産の情報管理責任者だけです。',
      en: 'Only an owner (情報管理責任者) of the information asset may decide on this grant.',
    },
    ['KWW-5-2', 'KWO-3-2'],
  );

/**
 * An approver is never the requester or the beneficiary: what one person asked for is checked by
 * someone else (KWO-8-1-2).
 */
export function grantApprovalRefusal(grant: { granteeId: string; requestedById: string }, staffId: string): Refusal | null {
  if (grant.granteeId !== staffId && grant.requestedById !== staffId) return null;
  return forbiddenBecause(
    { ja: '自分が申請した、または自分のための閲覧権限は承認できません。', en: 'You cannot approve a grant you requested or that is for you.' },
    ['KWO-8-1-2'],
  );
}

/** What every owner is told of a grant awaiting their approval (KWW-5-2). */
export const grantApprovalNotice = (granteeName: string, purpose: string): { subject: string; body: string } => ({
  subject: '情報資産の閲覧承認の依頼',
  body: `${granteeName} さんの閲覧承認が必要です。目的: ${purpose}`,
});

// ---- designations of handlers (KWO-6) ----------------------------------------------------------------------

/** KWO-6: the システム利用責任者 designates the handlers of their own using place. */
export const designatorOnly = (): Refusal =>
  forbiddenBecause(
    { ja: 'この利用場所のシステム利用責任者だけが取扱者を指定できます。', en: 'Only the システム利用責任者 of this using place may designate its handlers.' },
    ['KWO-2-4', 'KWO-6'],
  );

/** KWO-6: the 情報資産管理責任者 permits a designation outside the chief's supervision. */
export const permitterOnly = (): Refusal =>
  forbiddenBecause({ ja: '情報資産管理責任者だけがこの指定を許可できます。', en: 'Only the 情報資産管理責任者 may permit this designation.' }, [
    'KWO-2-2',
    'KWO-6',
  ]);

/** KWO-6: never the designating chief themself. */
export function designationPermitRefusal(designatedById: string, staffId: string): Refusal | null {
  return designatedById === staffId
    ? forbiddenBecause({ ja: '指定した者が自ら許可することはできません。', en: 'The designating chief cannot also permit the designation.' }, ['KWO-6'])
    : null;
}
