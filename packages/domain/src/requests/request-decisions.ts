// What the request engine refuses outside a route (SPEC §5): who files, decides, withdraws and
// resubmits, the state a step or request must be in, the decisions a step takes — and what the
// people concerned are told. Pure: the gateway loads the facts, calls these and persists.
import { fieldErrorOf } from '../messages.ts';
import { badInputBecause, conflictBecause, forbiddenBecause, type Refusal } from '../refusal.ts';
import type { FieldError, Path } from '../registry/field-error.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { Bilingual } from './request.types.ts';

export const REQUEST_MESSAGES = {
  filedByStaff: { ja: '申請は職員が行います。', en: 'Requests are filed by staff.' },
  decidedByStaff: { ja: '判断は職員が行います。', en: 'Decisions are taken by staff.' },
  systemIdMalformed: { ja: 'システムIDが正しくありません。', en: 'The system id is malformed.' },
  systemNotFound: { ja: 'システムが見つかりません。', en: 'System not found.' },
  chooseSystem: { ja: '対象のシステムを選択してください。', en: 'Choose the system the request concerns.' },
  touchedAssetsUnknown: { ja: 'このシステムが取り扱う情報資産を指定してください。', en: 'Name information assets this system handles.' },
  idempotencyKey: { ja: '冪等キーは1〜100文字にしてください。', en: 'The idempotency key must be 1–100 characters.' },
  stepIdMalformed: { ja: '手順IDが正しくありません。', en: 'The step id is malformed.' },
  commentTooLong: { ja: 'コメントは2000文字以内で入力してください。', en: 'Comments are at most 2000 characters.' },
  stepDecided: { ja: 'この手順はすでに判断されています。', en: 'This step has already been decided.' },
  stepNotAwaiting: { ja: 'この手順は判断を待っていません。', en: 'This step is not awaiting a decision.' },
  notAnActor: { ja: 'この手順を判断する立場にありません。', en: 'You are not among those who act on this step.' },
  /** A step the contractor reports on, as its actor is named (MNT-9-3-3). */
  contractorActor: { ja: '保守業務受託者', en: 'Maintenance contractor' },
} as const satisfies Record<string, Bilingual>;

export const systemIdMalformed = (path: Path): FieldError => fieldErrorOf(path, 'INVALID_VALUE', REQUEST_MESSAGES.systemIdMalformed);
export const systemNotFound = (path: Path): FieldError => fieldErrorOf(path, 'NOT_FOUND', REQUEST_MESSAGES.systemNotFound);
export const chooseSystem = (path: Path): FieldError => fieldErrorOf(path, 'REQUIRED', REQUEST_MESSAGES.chooseSystem);
/** The assets a request touches are among those its system handles (KWW-6-2). */
export const touchedAssetsUnknown = (path: Path): FieldError => fieldErrorOf(path, 'NOT_FOUND', REQUEST_MESSAGES.touchedAssetsUnknown, ['KWW-6-2']);
export const unknownRequestKind = (path: Path, key: string): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', { ja: `申請の種類「${key}」は定義されていません。`, en: `Unknown request kind ${key}.` });
/** A rulebook asked for that is not one of the viewer's municipality (`own`: its rulebooks). */
export const rulebookNotOwn = (path: Path, rulebookId: string, own: readonly string[]): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', {
    ja: `この自治体の規程ではありません（この自治体の規程: ${own.join('、')}）。`,
    en: `Your municipality has no rulebook ${rulebookId.slice(0, 20)}; its rulebooks are ${own.join(', ')}.`,
  });

/** An idempotency key, when given, is 1–100 characters and not blank. */
export function idempotencyKeyError(key: string | null | undefined, path: Path = ['idempotencyKey']): FieldError | null {
  return key && (key.length > 100 || !key.trim()) ? fieldErrorOf(path, 'INVALID_VALUE', REQUEST_MESSAGES.idempotencyKey) : null;
}

/** A decision's comment is at most 2000 characters. */
export function decisionCommentError(comment: string | null | undefined, path: Path = ['input', 'comment']): FieldError | null {
  return comment && comment.length > 2000 ? fieldErrorOf(path, 'TOO_LONG', REQUEST_MESSAGES.commentTooLong) : null;
}

/** The decisions each kind of step takes (an inform step takes none: it completes as it opens). */
export const STEP_DECISIONS: Record<string, readonly string[]> = {
  approve: ['approved', 'rejected', 'returned'],
  consent: ['consented', 'rejected', 'returned'],
  perform: ['performed', 'returned'],
  confirm: ['confirmed', 'returned'],
  inform: [],
};

/** The refusal of a decision the step does not take. */
export function stepDecisionChoiceError(stepKind: string, decision: string, path: Path = ['input', 'decision']): FieldError | null {
  const allowed = STEP_DECISIONS[stepKind] ?? [];
  return allowed.includes(decision)
    ? null
    : fieldErrorOf(path, 'INVALID_VALUE', { ja: 'この手順では選べない判断です。', en: `A ${stepKind} step takes ${allowed.join(', ')}.` });
}

/** A step and its request as a decision finds them (under the request's lock). */
export interface StepDecisionState {
  stepStatus: string;
  stepRound: number;
  requestRound: number;
  requestStatus: string;
}

/**
 * Whether a step may be decided now: not once it is decided (a second decision is a conflict),
 * and only while it is open in the request's current round of a request in progress.
 */
export function stepDecisionRefusal(s: StepDecisionState): Refusal | null {
  if (s.stepStatus === 'done') return conflictBecause(REQUEST_MESSAGES.stepDecided);
  if (s.stepStatus !== 'open' || s.stepRound !== s.requestRound || s.requestStatus !== 'in_progress') return conflictBecause(REQUEST_MESSAGES.stepNotAwaiting);
  return null;
}

/** The viewer holds none of the step's positions and is not named on it. */
export const notAStepActor = (ruleIds: RuleId[]): Refusal => forbiddenBecause(REQUEST_MESSAGES.notAnActor, ruleIds);

/** The second decision that found the step already taken. */
export const stepAlreadyDecided = (): Refusal => conflictBecause(REQUEST_MESSAGES.stepDecided);

/** A request as withdrawal and resubmission look at it. */
export interface RequestState {
  requesterId: string;
  status: string;
}

/** Only the requester withdraws a request, and only while it is undecided (in progress or returned). */
export function withdrawalRefusal(request: RequestState, staffId: string): Refusal | null {
  if (request.requesterId !== staffId)
    return forbiddenBecause({ ja: '申請を取り下げられるのは申請者だけです。', en: 'Only the requester may withdraw a request.' });
  if (!['in_progress', 'returned'].includes(request.status))
    return conflictBecause({ ja: 'この申請はすでに結論が出ています。', en: 'The request has already been decided.' });
  return null;
}

/** Only the requester resubmits a request, and only one returned for correction. */
export function resubmissionRefusal(request: RequestState, staffId: string): Refusal | null {
  if (request.requesterId !== staffId) return forbiddenBecause({ ja: '再申請できるのは申請者だけです。', en: 'Only the requester may resubmit a request.' });
  if (request.status !== 'returned')
    return conflictBecause({ ja: '差し戻された申請だけ再申請できます。', en: 'Only a request returned for correction can be resubmitted.' });
  return null;
}

/** The refusal of filing whose every error is about the requester (who may file) rather than the content. */
export function filingRefusal(errors: readonly FieldError[]): Refusal | null {
  if (!errors.length) return null;
  const filing = errors.filter((e) => e.path[0] === 'requester');
  if (filing.length === errors.length) return forbiddenBecause(filing[0]!.message, filing[0]!.ruleIds ?? []);
  return badInputBecause([...errors]);
}

// ---- notices -----------------------------------------------------------------------------------------

/** What a step's actors are told when it opens: in the app, and by mail. */
export function stepOpenedNotice(x: { kindName: string; label: string; number: string }) {
  return {
    notification: { subject: `【${x.kindName}】${x.label}（${x.number}）`, body: `申請 ${x.number} の「${x.label}」をお願いします。` },
    mail: {
      subject: `【司】${x.kindName}：${x.label}（${x.number}）`,
      body: `申請 ${x.number}（${x.kindName}）の「${x.label}」をお願いします。\n\n管理画面の「受信箱」から確認してください。`,
    },
  };
}

const OUTCOME_WORDS = { approved: '承認されました', rejected: '却下されました', returned: '差し戻されました' } as const;

/** What the requester is told of the outcome: in the app, and by mail. */
export function requestOutcomeNotice(x: { outcome: keyof typeof OUTCOME_WORDS; kindName: string; number: string }) {
  const word = OUTCOME_WORDS[x.outcome];
  const body = `${x.kindName}（${x.number}）が${word}。`;
  return { notification: { subject: `申請 ${x.number} が${word}`, body }, mail: { subject: `【司】申請 ${x.number} が${word}`, body } };
}
