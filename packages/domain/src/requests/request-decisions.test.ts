import { describe, expect, it } from 'vitest';
import {
  decisionCommentError,
  filingRefusal,
  idempotencyKeyError,
  REQUEST_MESSAGES,
  requestOutcomeNotice,
  rulebookNotOwn,
  resubmissionRefusal,
  stepDecisionChoiceError,
  stepDecisionRefusal,
  stepOpenedNotice,
  withdrawalRefusal,
} from './request-decisions.ts';
import { licenceChangeRefusal } from './request-effects.ts';
import { fieldError } from '../registry/field-error.ts';

const open = { stepStatus: 'open', stepRound: 2, requestRound: 2, requestStatus: 'in_progress' };

describe('deciding a step', () => {
  it('is allowed on an open step of the current round of a request in progress', () => {
    expect(stepDecisionRefusal(open)).toBeNull();
  });
  it('refuses a second decision as a conflict', () => {
    expect(stepDecisionRefusal({ ...open, stepStatus: 'done' })).toMatchObject({ code: 'CONFLICT', message: { en: 'This step has already been decided.' } });
  });
  it('refuses a step not awaiting a decision: waiting, of an earlier round, or of a request no longer in progress', () => {
    for (const s of [
      { ...open, stepStatus: 'waiting' },
      { ...open, stepRound: 1 },
      { ...open, requestStatus: 'returned' },
    ]) {
      expect(stepDecisionRefusal(s)).toMatchObject({ code: 'CONFLICT', message: { ja: 'この手順は判断を待っていません。' } });
    }
  });
  it('takes only the decisions of the step kind', () => {
    expect(stepDecisionChoiceError('approve', 'approved')).toBeNull();
    expect(stepDecisionChoiceError('perform', 'approved')).toMatchObject({
      code: 'INVALID_VALUE',
      message: { en: 'A perform step takes performed, returned.', ja: 'この手順では選べない判断です。' },
    });
    expect(stepDecisionChoiceError('inform', 'informed')).not.toBeNull();
  });
  it('bounds the comment and the idempotency key', () => {
    expect(decisionCommentError('x'.repeat(2000))).toBeNull();
    expect(decisionCommentError('x'.repeat(2001))).toMatchObject({ code: 'TOO_LONG' });
    expect(idempotencyKeyError(null)).toBeNull();
    expect(idempotencyKeyError('k1')).toBeNull();
    expect(idempotencyKeyError('  ')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(idempotencyKeyError('k'.repeat(101))).toMatchObject({ code: 'INVALID_VALUE' });
  });
});

describe('withdrawing and resubmitting', () => {
  it('lets only the requester withdraw, while the request is undecided', () => {
    expect(withdrawalRefusal({ requesterId: 'a', status: 'in_progress' }, 'a')).toBeNull();
    expect(withdrawalRefusal({ requesterId: 'a', status: 'returned' }, 'a')).toBeNull();
    expect(withdrawalRefusal({ requesterId: 'a', status: 'in_progress' }, 'b')).toMatchObject({
      code: 'FORBIDDEN',
      message: { ja: '申請を取り下げられるのは申請者だけです。' },
    });
    expect(withdrawalRefusal({ requesterId: 'a', status: 'approved' }, 'a')).toMatchObject({ code: 'CONFLICT' });
  });
  it('lets only the requester resubmit, and only a returned request', () => {
    expect(resubmissionRefusal({ requesterId: 'a', status: 'returned' }, 'a')).toBeNull();
    expect(resubmissionRefusal({ requesterId: 'a', status: 'returned' }, 'b')).toMatchObject({ code: 'FORBIDDEN' });
    expect(resubmissionRefusal({ requesterId: 'a', status: 'in_progress' }, 'a')).toMatchObject({
      code: 'CONFLICT',
      message: { en: 'Only a request returned for correction can be resubmitted.' },
    });
  });
});

describe('filing', () => {
  const who = fieldError(['requester'], 'INVALID_VALUE', 'Not yours to file.', '申請できません。', ['KWW-6-2']);
  const what = fieldError(['content', 'x'], 'REQUIRED', 'Required.', '必須です。');
  it('is forbidden when every error is about the requester, and bad input otherwise', () => {
    expect(filingRefusal([])).toBeNull();
    expect(filingRefusal([who])).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      message: { ja: '申請できません。', en: 'Not yours to file.' },
      ruleIds: ['KWW-6-2'],
    });
    expect(filingRefusal([who, what])).toEqual({ allowed: false, code: 'BAD_USER_INPUT', fieldErrors: [who, what] });
  });
});

describe('licence changes (MNT-18-1)', () => {
  it('fit within the purchased total', () => {
    expect(licenceChangeRefusal({ purchasedTotal: 10, otherSectionsTotal: 6 }, 4)).toBeNull();
    expect(licenceChangeRefusal({ purchasedTotal: 10, otherSectionsTotal: 6 }, 5)).toMatchObject({
      code: 'CONFLICT',
      message: { en: 'The total would exceed the 10 purchased licences (MNT-18-1).' },
    });
  });
});

describe('notices', () => {
  it('word the opened step and the outcome', () => {
    const n = stepOpenedNotice({ kindName: '利用者登録', label: '承認', number: 'R8-0001' });
    expect(n.notification.body).toBe('申請 R8-0001 の「承認」をお願いします。');
    expect(n.mail.subject).toBe('【司】利用者登録：承認（R8-0001）');
    expect(requestOutcomeNotice({ outcome: 'returned', kindName: '利用者登録', number: 'R8-0001' }).mail.subject).toBe('【司】申請 R8-0001 が差し戻されました');
  });
});

describe('the request catalogue’s own words', () => {
  it('names the municipality’s rulebooks when another is asked for, in both languages', () => {
    expect(rulebookNotOwn(['rulebookId'], 'KWO', ['MNT'])).toEqual({
      path: ['rulebookId'],
      code: 'INVALID_VALUE',
      message: { en: 'Your municipality has no rulebook KWO; its rulebooks are MNT.', ja: 'この自治体の規程ではありません（この自治体の規程: MNT）。' },
    });
    expect(REQUEST_MESSAGES.contractorActor.ja).toBe('保守業務受託者');
  });
});
