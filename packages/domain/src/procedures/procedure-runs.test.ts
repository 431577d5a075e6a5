import { describe, expect, it } from 'vitest';
import { formPrintRefusal, identityConfirmationRefusal, IDENTITY_DOCUMENT_KIND_VALUES, IDENTITY_DOCUMENT_KINDS } from './procedure-runs.ts';

const forms = [{ name: '住民異動届' }, { name: '国民健康保険資格取得届' }];
const confirmedAt = new Date(0);

describe('procedure runs at the counter', () => {
  it('refuses to print a form before the identity is confirmed (KTM-8-3)', () => {
    const r = formPrintRefusal({ identityConfirmedAt: null }, '住民異動届', forms);
    expect(r).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: ['KTM-8-3'] });
    expect(r && 'message' in r ? r.message.ja : '').toContain('本人確認');
    expect(r && 'message' in r ? r.message.en : '').toContain('identity');
  });

  it('prints a form of the procedure once the identity is confirmed (KTM-8-3)', () => {
    expect(formPrintRefusal({ identityConfirmedAt: confirmedAt }, '住民異動届', forms)).toBeNull();
  });

  it('prints only the forms the procedure defines (KTM-7-2-5)', () => {
    expect(formPrintRefusal({ identityConfirmedAt: confirmedAt }, '婚姻届', forms)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'formName'], ruleIds: ['KTM-7-2-5'] }],
    });
  });

  it('records the identity once, on a document of a known kind (KTM-8-3)', () => {
    expect(identityConfirmationRefusal({ identityConfirmedAt: null }, 'my_number_card')).toBeNull();
    expect(identityConfirmationRefusal({ identityConfirmedAt: null }, 'library_card')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['input', 'documentKind'], ruleIds: ['KTM-8-3'] }],
    });
    expect(identityConfirmationRefusal({ identityConfirmedAt: confirmedAt }, 'passport')).toMatchObject({ code: 'CONFLICT', ruleIds: ['KTM-8-3'] });
  });

  it('names every document kind in both languages', () => {
    for (const k of IDENTITY_DOCUMENT_KIND_VALUES) expect(IDENTITY_DOCUMENT_KINDS[k].ja && IDENTITY_DOCUMENT_KINDS[k].en).toBeTruthy();
  });
});
