import { describe, expect, it } from 'vitest';
import {
  accountChangeNotice,
  accountChangeReasonError,
  accountChangeRefusal,
  accountChangeRuleIds,
  accountInputErrors,
  accountPurposeError,
  accountRequestPurpose,
  designationPermitRefusal,
  grantApprovalRefusal,
  grantInputErrors,
  grantRequestRefusal,
  malformedIdErrors,
  operatorApprovalRefusal,
  operatorApprovers,
} from './access-decisions.ts';
import { decideDuty } from './administration.policy.ts';
import type { HeldRole } from '../roles/roles.types.ts';

const now = new Date();
const later = new Date(now.getTime() + 86_400_000);

describe('accounts', () => {
  it('name an authority profile and end after they start (MNT-11-1)', () => {
    expect(accountInputErrors({ authorityProfile: '照会', validFrom: now, validTo: later })).toEqual([]);
    expect(accountInputErrors({ authorityProfile: ' ', validFrom: later, validTo: now }).map((e) => [e.path.join('.'), e.code, e.ruleIds])).toEqual([
      ['input.authorityProfile', 'REQUIRED', undefined],
      ['input.validTo', 'INVALID_VALUE', ['MNT-11-1']],
    ]);
  });
  it('are suspended and ended with a reason; reinstated without one', () => {
    expect(accountChangeReasonError({ kind: 'reinstate' })).toBeNull();
    expect(accountChangeReasonError({ kind: 'suspend', reason: '異動' })).toBeNull();
    expect(accountChangeReasonError({ kind: 'end', reason: '' })).toMatchObject({ path: ['reason'], code: 'REQUIRED' });
    expect(accountChangeReasonError({ kind: 'end', reason: 'x'.repeat(501) })).not.toBeNull();
  });
  it('are reinstated only when suspended, and not changed once ended', () => {
    expect(accountChangeRefusal('reinstate', { suspendedAt: now, endedAt: null })).toBeNull();
    expect(accountChangeRefusal('reinstate', { suspendedAt: null, endedAt: null })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ message: { ja: 'このアカウントは停止されていません。' } }],
    });
    expect(accountChangeRefusal('suspend', { suspendedAt: null, endedAt: now })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ message: { en: 'The account has ended.' } }],
    });
  });
  it('cite the rules of ending and of suspending, and tell the section head (KTM-10-5)', () => {
    expect(accountChangeRuleIds('end', 'MNT', [])).toEqual(['MNT-11-2']);
    expect(accountChangeRuleIds('end', 'KTM', [])).toEqual(['KTM-10-1']);
    expect(accountChangeRuleIds('suspend', 'MNT', [])).toEqual(['MNT-16']);
    // Kitami: the ground decides the paragraph; a reinstatement registers the authority again (KTM-10-3).
    expect(accountChangeRuleIds('suspend', 'KTM', [], 'privacy_breach')).toEqual(['KTM-10-4']);
    expect(accountChangeRuleIds('suspend', 'KTM', [], 'revocation')).toEqual(['KTM-10-1', 'KTM-10-3']);
    expect(accountChangeRuleIds('suspend', 'KTM', [])).toEqual(['KTM-10-1', 'KTM-10-3']);
    expect(accountChangeRuleIds('suspend', 'MNT', [], 'privacy_breach')).toEqual(['MNT-16']);
    expect(accountChangeRuleIds('reinstate', 'KTM', [])).toEqual(['KTM-10-3']);
    expect(accountChangeRuleIds('end', 'KWW', ['KWW-5-2'])).toEqual(['KWW-5-2']);
    expect(accountChangeNotice('end', '退職', '窓口支援システム')).toEqual({
      subject: '窓口支援システムの利用終了のお知らせ',
      body: '所属職員のユーザーID・操作権限を終了しました。理由: 退職（窓口支援システム）',
      ruleIds: ['KTM-10-5'],
    });
  });
  it('name the malformed ids', () => {
    expect(malformedIdErrors(['staffId'])).toEqual([
      { path: ['input', 'staffId'], code: 'INVALID_VALUE', message: { en: 'staffId is malformed.', ja: 'IDが正しくありません。' } },
    ]);
  });
});

describe('grants (KWW-5-2)', () => {
  it('state a purpose and name fields by their API names', () => {
    expect(grantInputErrors({ purpose: '調査', validFrom: now, fields: ['name'] })).toEqual([]);
    expect(grantInputErrors({ purpose: '', validFrom: now, fields: [] }).map((e) => e.path.join('.'))).toEqual(['input.purpose', 'input.fields']);
  });
  it('are asked for oneself, unless by an owner or a registry administrator', () => {
    const x = { granteeId: 'a', staffId: 'a', registryAdmin: false, ownsAsset: false };
    expect(grantRequestRefusal(x)).toBeNull();
    expect(grantRequestRefusal({ ...x, staffId: 'b', ownsAsset: true })).toBeNull();
    expect(grantRequestRefusal({ ...x, staffId: 'b', registryAdmin: true })).toBeNull();
    expect(grantRequestRefusal({ ...x, staffId: 'b' })).toMatchObject({ code: 'FORBIDDEN', message: { ja: '閲覧権限は本人の分だけ申請できます。' } });
  });
  it('are approved by someone other than the requester and the grantee (KWO-8-1-2)', () => {
    expect(grantApprovalRefusal({ granteeId: 'a', requestedById: 'b' }, 'c')).toBeNull();
    for (const me of ['a', 'b'])
      expect(grantApprovalRefusal({ granteeId: 'a', requestedById: 'b' }, me)).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KWO-8-1-2'] });
  });
});

describe('designations (KWO-6)', () => {
  it('are not permitted by the designating chief', () => {
    expect(designationPermitRefusal('a', 'b')).toBeNull();
    expect(designationPermitRefusal('a', 'a')).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KWO-6'] });
  });
});

describe('purpose of use (KTM-12-1)', () => {
  it('a Kitami account without a purpose is refused with its field path and KTM-12-1', () => {
    for (const purpose of [null, undefined, '  '])
      expect(accountPurposeError('KTM', purpose)).toMatchObject({ path: ['input', 'purpose'], code: 'REQUIRED', ruleIds: ['KTM-12-1'] });
    expect(accountPurposeError('KTM', '転入届の受付事務')).toBeNull();
    expect(accountPurposeError('KTM', 'x'.repeat(501))).toMatchObject({ code: 'INVALID_VALUE', ruleIds: ['KTM-12-1'] });
  });
  it('other rulebooks take a purpose when given and do not require one', () => {
    expect(accountPurposeError('MNT', null)).toBeNull();
    expect(accountPurposeError(null, '研修')).toBeNull();
    expect(accountPurposeError('ARK', 'x'.repeat(501))).toMatchObject({ code: 'INVALID_VALUE' });
  });
  it('an account set up by a request is for the holder’s duties (KTM-12-1)', () => {
    expect(accountRequestPurpose('R-0001')).toContain('所掌する事務');
  });
});

describe('operator approval (ARK-10-1)', () => {
  const chief: HeldRole = {
    rulebookId: 'ARK',
    roleKey: 'using_section_chief',
    positionId: 'kosekika-chief',
    scopeKey: null,
    via: 'position',
    onBehalfOfStaffId: null,
    deputationId: null,
    ruleIds: [],
  };
  const units: Record<string, string> = { 'kosekika-chief': 'kosekika' };
  const duty = (roles: HeldRole[]) => decideDuty(operatorApprovers, roles, { rulebookId: 'ARK' }, (p) => units[p]);
  const open = { endedAt: null, operatorApprovedAt: null };

  it('the chief of a section using the system approves (ARK-10-1)', () => {
    expect(
      operatorApprovalRefusal({ rulebookId: 'ARK', duty: duty([chief]), approverUnitId: 'kosekika', usingUnitIds: ['kosekika'], account: open }),
    ).toBeNull();
  });
  it('anyone else, or the chief of a section that does not use the system, is refused citing ARK-10-1', () => {
    expect(operatorApprovalRefusal({ rulebookId: 'ARK', duty: duty([]), approverUnitId: 'kosekika', usingUnitIds: ['kosekika'], account: open })).toMatchObject(
      {
        code: 'FORBIDDEN',
        ruleIds: ['ARK-10-1'],
      },
    );
    expect(
      operatorApprovalRefusal({ rulebookId: 'ARK', duty: duty([chief]), approverUnitId: 'kosekika', usingUnitIds: ['zeimuka'], account: open }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      ruleIds: ['ARK-10-1'],
    });
    expect(
      operatorApprovalRefusal({ rulebookId: 'KTM', duty: duty([chief]), approverUnitId: 'kosekika', usingUnitIds: ['kosekika'], account: open }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
  it('an ended or already approved account is not approved again (ARK-10-1)', () => {
    const ok = { rulebookId: 'ARK', duty: duty([chief]), approverUnitId: 'kosekika', usingUnitIds: ['kosekika'] };
    expect(operatorApprovalRefusal({ ...ok, account: { endedAt: now, operatorApprovedAt: null } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(operatorApprovalRefusal({ ...ok, account: { endedAt: null, operatorApprovedAt: now } })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
