import { describe, expect, it } from 'vitest';
import { apiTokenInputErrors, signInInputErrors } from '../auth-messages.ts';
import { notFoundMessage, rateLimitedMessage, staleVersionMessage, waitFor } from '../messages.ts';
import { assetOwnersErrors, peopleFilterErrors, referenceIdMalformed, referenceNotFound, REGISTRY_LABELS } from './registry-messages.ts';

describe('registry messages', () => {
  it('KWW-5-1: an information asset has at least one owner', () => {
    expect(assetOwnersErrors(['p1'])).toEqual([]);
    expect(assetOwnersErrors([])).toMatchObject([{ path: ['input', 'ownerPositionIds'], code: 'REQUIRED', ruleIds: ['KWW-5-1'] }]);
  });
  it('name the reference at fault', () => {
    expect(referenceIdMalformed(['x'], REGISTRY_LABELS.usingSection)).toMatchObject({
      message: { en: 'Using section id is malformed.', ja: '利用課のIDが正しくありません。' },
    });
    expect(referenceNotFound(['x'], REGISTRY_LABELS.position)).toMatchObject({
      code: 'NOT_FOUND',
      message: { en: 'Position not found.', ja: '職が見つかりません。' },
    });
  });
  it('check the directory filter, one error at a time', () => {
    expect(peopleFilterErrors({ orgUnitIdMalformed: false, text: 'あ'.repeat(100) })).toEqual([]);
    expect(peopleFilterErrors({ orgUnitIdMalformed: true, text: 'あ'.repeat(101) }).map((e) => e.path.join('.'))).toEqual(['filter.orgUnitId']);
    expect(peopleFilterErrors({ orgUnitIdMalformed: false, text: 'あ'.repeat(101) })).toMatchObject([{ code: 'TOO_LONG' }]);
  });
});

describe('sign-in and token messages', () => {
  it('check the sign-in input', () => {
    expect(signInInputErrors({ municipality: 'ktm', username: 'u', password: 'p' })).toEqual([]);
    expect(signInInputErrors({ municipality: '', username: '', password: '' }).map((e) => e.path[0])).toEqual(['municipality', 'username', 'password']);
  });
  it('check a token: a name, and known scopes', () => {
    expect(apiTokenInputErrors({ name: 'ci' }, ['registry:read'], ['registry:read'])).toEqual([]);
    expect(apiTokenInputErrors({ name: '' }, ['nope'], ['registry:read']).map((e) => [e.path.join('.'), e.message.ja])).toEqual([
      ['input.name', 'トークン名を100文字以内で入力してください。'],
      ['input.scopes.0', '不明なスコープです: nope'],
    ]);
  });
});

describe('common messages', () => {
  it('say what was not found, a stale version and a wait', () => {
    expect(notFoundMessage('Request')).toEqual({ ja: 'Requestが見つかりません。', en: 'Request not found.' });
    expect(staleVersionMessage('System', 3).ja).toContain('システム');
    expect(staleVersionMessage('Account', null).en).toContain('current version unknown');
    expect(waitFor(900)).toEqual({ ja: '15分後', en: 'in 15 minutes' });
    expect(waitFor(0.2)).toEqual({ ja: '1秒後', en: 'in 1 second' });
    expect(rateLimitedMessage(3).ja).toBe('試行回数が多すぎます。3秒後に再度お試しください。');
  });
});
