// User addition, termination, bulk update, access rights, licences, suspension, password reset.
import { describe, expect, it } from 'vitest';
import { findRule } from '../../rulebooks/index.ts';
import { previewRoute, validateContent } from '../registry.ts';
import { ctxFor, describeRoute } from '../request-fixtures.ts';
import { accessRightsUpdateKind } from './access-rights-update.kind.ts';
import { bulkUserUpdateKind } from './bulk-user-update.kind.ts';
import { licenceCountChangeKind } from './licence-count-change.kind.ts';
import { passwordResetKind } from './password-reset.kind.ts';
import { usageReinstatementKind, usageSuspensionKind } from './usage-restriction.kind.ts';
import { userAdditionKind } from './user-addition.kind.ts';
import { userTerminationKind } from './user-termination.kind.ts';

const errorsOf = (errors: { path: (string | number)[]; code: string; ruleIds?: string[] }[]) =>
  errors.map((e) => [e.path.join('.'), e.code, (e.ruleIds ?? []).join(',')]);
const addition = { staffId: 'staff-9', authorityProfile: '照会', validFrom: '2026-06-01', reason: '異動に伴う追加' };

describe('user_addition', () => {
  it('MNT: the welfare section chief judges, then creates the account (MNT-10-2)', () => {
    const r = previewRoute(userAdditionKind, ctxFor('MNT', { content: addition }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 judge approve MNT:welfare_section_chief [MNT-10-2]',
      '2 create perform MNT:welfare_section_chief [MNT-10-2,MNT-4-1-3]',
    ]);
    expect(r.notes.flatMap((n) => n.ruleIds)).toContain('MNT-11-1');
  });

  it('MNT-11-1: a declared end date ends use automatically and makes the termination notice unnecessary', () => {
    const r = previewRoute(userAdditionKind, ctxFor('MNT', { content: { ...addition, validTo: '2027-03-31' } }));
    const n = r.notes.find((x) => x.ruleIds.includes('MNT-11-2'));
    expect(n?.message.ja).toContain('2027-03-31');
    expect(n?.message.ja).toContain('自動的に終了');
  });

  it('refuses an end date before the start date, and a past end date', () => {
    expect(errorsOf(validateContent(userAdditionKind, ctxFor('MNT', { content: { ...addition, validTo: '2026-05-31' } })))).toEqual([
      ['content.validTo', 'INVALID_VALUE', 'MNT-11-1'],
    ]);
    expect(errorsOf(validateContent(userAdditionKind, ctxFor('MNT', { content: { ...addition, validFrom: '2026-01-01', validTo: '2026-04-30' } })))).toEqual([
      ['content.validTo', 'INVALID_VALUE', 'MNT-11-1'],
    ]);
  });

  it('MNT-10-1: a section chief applies for their own staff only (MNT-5-1-2)', () => {
    const errors = validateContent(userAdditionKind, ctxFor('MNT', { content: { ...addition, staffOrgUnitId: 'unit-other' } }));
    expect(errorsOf(errors)).toEqual([['content.staffId', 'INVALID_VALUE', 'MNT-10-1']]);
  });

  it('refuses missing fields generically, in both languages', () => {
    const errors = validateContent(userAdditionKind, ctxFor('MNT', { content: { staffId: 'staff-9' } }));
    expect(errorsOf(errors).map((e) => e[0])).toEqual(['content.authorityProfile', 'content.validFrom', 'content.reason']);
    expect(errors[0]!.message.ja).toBe('操作権限を入力してください。');
  });

  it('KTM: the section head applies to the general manager, who registers, then the section head is notified (KTM-10-2, KTM-10-3)', () => {
    const r = previewRoute(userAdditionKind, ctxFor('KTM', { content: addition }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 register perform KTM:general_manager [KTM-10-3,KTM-3-3-7]',
      '2 notify inform KTM:using_section_head@requester_unit [KTM-10-3]',
    ]);
    expect(r.notes.flatMap((n) => n.ruleIds)).toContain('KTM-11-1');
  });

  it('KWO-6: own staff are designated directly', () => {
    const r = previewRoute(userAdditionKind, ctxFor('KWO', { content: { ...addition, outsideSupervision: false } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual(['1 designate perform requester [KWO-6-1,KWO-5-1]']);
  });

  it("KWO-6: a handler outside the chief's staff needs the asset manager's prior permission, before anything else", () => {
    const r = previewRoute(userAdditionKind, ctxFor('KWO', { content: { ...addition, outsideSupervision: true } }));
    expect(describeRoute(r.steps)).toEqual([
      '1 prior_permission approve KWO:asset_manager [KWO-6-1,KWO-3-2]',
      '2 designate perform requester [KWO-6-1,KWO-5-1]',
    ]);
  });

  it('only the using section chief files (MNT), deputies included; ARK does not define it', () => {
    expect(previewRoute(userAdditionKind, ctxFor('MNT', { content: addition, requester: { roleKeys: ['user'] } })).errors.map((e) => e.path[0])).toEqual([
      'requester',
    ]);
    expect(previewRoute(userAdditionKind, ctxFor('MNT', { content: addition, requester: { roleKeys: ['using_section_staff'] } })).errors).toEqual([]);
    const ark = previewRoute(userAdditionKind, ctxFor('ARK', { content: addition }));
    expect(ark.steps).toEqual([]);
    expect(ark.errors.map((e) => e.path[0])).toEqual(['rulebookId']);
  });
});

describe('user_termination', () => {
  const content = { staffId: 'staff-9', endOn: '2026-06-30', reason: '異動' };
  it('MNT: the welfare section chief removes the user (MNT-11-2)', () => {
    const r = previewRoute(userTerminationKind, ctxFor('MNT', { content }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual(['1 remove perform MNT:welfare_section_chief [MNT-11-2,MNT-4-1-3]']);
    expect(r.notes).toHaveLength(1);
  });

  it('MNT-11-1 proviso: with an end date declared at application, a note says the notice is not needed', () => {
    const r = previewRoute(userTerminationKind, ctxFor('MNT', { content: { ...content, declaredValidTo: '2026-09-30' } }));
    expect(r.errors).toEqual([]);
    expect(r.notes[1]!.ruleIds).toEqual(['MNT-11-1', 'MNT-11-2']);
    expect(r.notes[1]!.message.ja).toContain('この通知は不要です');
  });

  it('KTM: the general manager revokes, the section head is notified', () => {
    expect(describeRoute(previewRoute(userTerminationKind, ctxFor('KTM', { content })).steps)).toEqual([
      '1 revoke perform KTM:general_manager [KTM-10-3]',
      '2 notify inform KTM:using_section_head@requester_unit [KTM-10-3]',
    ]);
  });

  it('refuses an end of use before the notice', () => {
    expect(errorsOf(validateContent(userTerminationKind, ctxFor('MNT', { content: { ...content, endOn: '2026-04-01' } })))).toEqual([
      ['content.endOn', 'INVALID_VALUE', 'MNT-11-1'],
    ]);
  });
});

describe('bulk_user_update', () => {
  const changes = [
    { action: 'add', staffId: 'a', authorityProfile: '更新' },
    { action: 'remove', staffId: 'b' },
    { action: 'add', staffId: 'c', authorityProfile: '照会', validTo: '2027-03-31' },
  ];
  it('MNT-12: judged and applied together, all rows or none', () => {
    const r = previewRoute(bulkUserUpdateKind, ctxFor('MNT', { content: { changes, reason: '4月1日付人事異動' } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 judge approve MNT:welfare_section_chief [MNT-12-2]',
      '2 apply perform MNT:welfare_section_chief [MNT-12-2,MNT-4-1-3]',
    ]);
    expect(r.notes[0]!.message.ja).toContain('追加2件・削除1件');
    expect(r.notes[0]!.message.en).toContain('all of them or none');
  });

  it('validates each row at its own path', () => {
    const bad = [
      { action: 'move', staffId: 'a' },
      { action: 'add', staffId: '' },
      { action: 'add', staffId: 'a', authorityProfile: 'x', validTo: '31/03/2027' },
      { action: 'remove', staffId: 'd', validTo: '2027-03-31' },
      'x',
    ];
    expect(errorsOf(validateContent(bulkUserUpdateKind, ctxFor('MNT', { content: { changes: bad, reason: 'r' } }))).map((e) => [e[0], e[1]])).toEqual([
      ['content.changes.0.action', 'INVALID_VALUE'],
      ['content.changes.1.staffId', 'REQUIRED'],
      ['content.changes.1.authorityProfile', 'REQUIRED'],
      ['content.changes.2.staffId', 'DUPLICATE'],
      ['content.changes.2.validTo', 'INVALID_VALUE'],
      ['content.changes.3.validTo', 'INVALID_VALUE'],
      ['content.changes.4', 'INVALID_VALUE'],
    ]);
  });

  it('is for several users: one row goes on form 1 or 2', () => {
    expect(errorsOf(validateContent(bulkUserUpdateKind, ctxFor('MNT', { content: { changes: [changes[0]], reason: 'r' } })))).toEqual([
      ['content.changes', 'INVALID_VALUE', 'MNT-12-1'],
    ]);
    expect(errorsOf(validateContent(bulkUserUpdateKind, ctxFor('MNT', { content: { changes: [], reason: 'r' } })))[0]).toEqual([
      'content.changes',
      'REQUIRED',
      'MNT-12-1',
    ]);
  });
});

describe('access_rights_update', () => {
  const content = { staffId: 's', currentAuthorityProfile: '照会', newAuthorityProfile: '更新', reason: '担当変更' };
  it('MNT-17: judged and updated by the welfare section chief, the section chief told the result', () => {
    const r = previewRoute(accessRightsUpdateKind, ctxFor('MNT', { content }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 judge approve MNT:welfare_section_chief [MNT-17-3]',
      '2 update perform MNT:welfare_section_chief [MNT-17-3,MNT-17-1]',
      '3 notify inform MNT:using_section_chief@requester_unit [MNT-17-3]',
    ]);
  });
  it('KTM-10-3: registered by the general manager, the section head notified', () => {
    expect(describeRoute(previewRoute(accessRightsUpdateKind, ctxFor('KTM', { content })).steps)).toEqual([
      '1 register perform KTM:general_manager [KTM-10-3,KTM-3-3-7]',
      '2 notify inform KTM:using_section_head@requester_unit [KTM-10-3]',
    ]);
  });
  it('refuses an update to the same authority', () => {
    expect(errorsOf(validateContent(accessRightsUpdateKind, ctxFor('MNT', { content: { ...content, newAuthorityProfile: '照会' } })))).toEqual([
      ['content.newAuthorityProfile', 'INVALID_VALUE', 'MNT-17-2'],
    ]);
  });
});

describe('licence_count_change (MNT-18)', () => {
  const base = { section: 'unit-requester', reason: '職員増', purchasedTotal: 100, otherSectionsTotal: 90 };
  it('accepts a count that keeps the total within the purchased licences', () => {
    const r = previewRoute(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, newCount: 10 } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 judge approve MNT:welfare_section_chief [MNT-18-1,MNT-18-2]',
      '2 apply perform MNT:welfare_section_chief [MNT-18-1]',
    ]);
  });
  it('never lets the total exceed what was purchased (MNT-18-1)', () => {
    const errors = validateContent(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, newCount: 11 } }));
    expect(errorsOf(errors)).toEqual([['content.newCount', 'INVALID_VALUE', 'MNT-18-1']]);
    expect(errors[0]!.message.ja).toContain('10までです');
  });
  it('refuses a negative or fractional count, a missing total and another section', () => {
    expect(errorsOf(validateContent(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, newCount: -1 } })))[0]?.[0]).toBe('content.newCount');
    expect(errorsOf(validateContent(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, newCount: 1.5 } })))[0]?.[0]).toBe('content.newCount');
    expect(errorsOf(validateContent(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, purchasedTotal: undefined, newCount: 1 } })))).toEqual([
      ['content.purchasedTotal', 'REQUIRED', 'MNT-18-1'],
    ]);
    expect(errorsOf(validateContent(licenceCountChangeKind, ctxFor('MNT', { content: { ...base, section: 'unit-x', newCount: 1 } })))).toEqual([
      ['content.section', 'INVALID_VALUE', 'MNT-18-2'],
    ]);
  });
});

describe('usage_suspension and usage_reinstatement', () => {
  it('MNT-16: asked by a section chief, the welfare section chief judges and suspends', () => {
    expect(describeRoute(previewRoute(usageSuspensionKind, ctxFor('MNT', { content: { staffId: 's', reason: 'r' } })).steps)).toEqual([
      '1 judge approve MNT:welfare_section_chief [MNT-16-1]',
      '2 suspend perform MNT:welfare_section_chief [MNT-16-1]',
    ]);
  });
  it('MNT-16: on the welfare section chief’s own decision there is no approval of their own', () => {
    const ctx = ctxFor('MNT', { content: { staffId: 's', reason: 'r' }, requester: { roleKeys: ['welfare_section_chief'] } });
    expect(describeRoute(previewRoute(usageSuspensionKind, ctx).steps)).toEqual(['1 suspend perform MNT:welfare_section_chief [MNT-16-1]']);
    expect(describeRoute(previewRoute(usageReinstatementKind, ctx).steps)).toEqual(['1 reinstate perform MNT:welfare_section_chief [MNT-16-1]']);
  });
  it('KTM-10-4: a privacy-law breach makes revocation mandatory, with notice to the section head (KTM-10-5)', () => {
    const r = previewRoute(usageSuspensionKind, ctxFor('KTM', { content: { staffId: 's', reason: 'r', privacyBreach: true } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 suspend perform KTM:general_manager [KTM-10-4]',
      '2 notify inform KTM:using_section_head@requester_unit [KTM-10-5]',
    ]);
    expect(r.notes[0]!.ruleIds).toEqual(['KTM-10-4', 'KTM-10-5']);
    expect(r.notes[0]!.message.ja).toContain('義務');
  });
  it('KTM: filed by the general manager, the head of the user’s section is notified', () => {
    const ctx = ctxFor('KTM', {
      content: { staffId: 's', reason: 'r', privacyBreach: true, userOrgUnitId: 'unit-user' },
      requester: { roleKeys: ['general_manager'] },
    });
    expect(describeRoute(previewRoute(usageSuspensionKind, ctx).steps)[1]).toBe('2 notify inform KTM:using_section_head [KTM-10-5] for unit-user');
    const missing = ctxFor('KTM', { content: { staffId: 's', reason: 'r' }, requester: { roleKeys: ['general_manager'] } });
    expect(errorsOf(validateContent(usageSuspensionKind, missing))).toEqual([['content.userOrgUnitId', 'REQUIRED', 'KTM-10-5,KTM-10-3']]);
  });
  it('KTM: reinstatement is a new registration, notified', () => {
    expect(describeRoute(previewRoute(usageReinstatementKind, ctxFor('KTM', { content: { staffId: 's', reason: 'r' } })).steps)).toEqual([
      '1 reinstate perform KTM:general_manager [KTM-10-3]',
      '2 notify inform KTM:using_section_head@requester_unit [KTM-10-3]',
    ]);
  });
});

describe('password_reset (KTM-10-6)', () => {
  it('the user asks for themself; the general manager resets', () => {
    const r = previewRoute(passwordResetKind, ctxFor('KTM', { content: { staffId: 'staff-requester' }, requester: { roleKeys: [] } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual(['1 reset perform KTM:general_manager [KTM-10-6]']);
  });
  it('refuses a reset asked for someone else; MNT does not define it', () => {
    expect(errorsOf(validateContent(passwordResetKind, ctxFor('KTM', { content: { staffId: 'staff-other' } })))).toEqual([
      ['content.staffId', 'INVALID_VALUE', 'KTM-10-6'],
    ]);
    expect(previewRoute(passwordResetKind, ctxFor('MNT', { content: { staffId: 'staff-requester' } })).errors[0]!.path).toEqual(['rulebookId']);
  });
});

describe('rule IDs cited by these kinds', () => {
  it('all resolve', () => {
    for (const k of [
      userAdditionKind,
      userTerminationKind,
      bulkUserUpdateKind,
      accessRightsUpdateKind,
      licenceCountChangeKind,
      usageSuspensionKind,
      usageReinstatementKind,
      passwordResetKind,
    ]) {
      for (const id of [...k.ruleIds, ...k.fields.flatMap((f) => f.ruleIds ?? [])]) expect(findRule(id), `${k.key} ${id}`).toBeDefined();
    }
  });
});
