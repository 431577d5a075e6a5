import { describe, expect, it } from 'vitest';
import type { HeldRole } from '../roles/roles.types.ts';
import {
  mayReviewProcedure,
  orgUnitRefError,
  procedureActionLabel,
  procedureDefinedNotice,
  procedureFilterErrors,
  procedureReviewNoteError,
  procedureReviewRefusal,
} from './procedure-decisions.ts';

const role = (roleKey: string, positionId = 'p1', rulebookId: HeldRole['rulebookId'] = 'KTM'): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via: 'position',
  onBehalfOfStaffId: null,
  deputationId: null,
  ruleIds: [],
});
const units: Record<string, string> = { p1: 'kakari', p2: 'other' };
const up = (u: string) => (u === 'kakari' ? ['kakari', 'section'] : [u]);

describe('reviewing a procedure definition (KTM-5-1-1)', () => {
  it('is for the section in charge: its 管理者 or business-section role holder, in it or under it', () => {
    expect(mayReviewProcedure([role('manager')], (p) => units[p], up, 'section')).toBe(true);
    expect(mayReviewProcedure([role('business_section')], (p) => units[p], up, 'kakari')).toBe(true);
    expect(mayReviewProcedure([role('manager', 'p2')], (p) => units[p], up, 'section')).toBe(false);
    expect(mayReviewProcedure([role('general_manager')], (p) => units[p], up, 'section')).toBe(false);
    expect(mayReviewProcedure([role('manager', 'p1', 'MNT')], (p) => units[p], up, 'section')).toBe(false);
  });
  it('refuses others naming the section, citing KTM-5-1-1', () => {
    expect(procedureReviewRefusal({ name: '市民課', nameEn: 'Citizens Division' })).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: ['KTM-5-1-1'],
      message: {
        ja: 'この定義内容を見直すのは業務所管課（市民課）です。',
        en: 'Only the business section in charge (Citizens Division) reviews this definition.',
      },
    });
    expect(procedureReviewRefusal(undefined)).toMatchObject({ message: { ja: 'この定義内容を見直すのは業務所管課（所管課）です。' } });
  });
  it('bounds the note', () => {
    expect(procedureReviewNoteError(null)).toBeNull();
    expect(procedureReviewNoteError('x'.repeat(2001))).toMatchObject({ code: 'TOO_LONG', ruleIds: ['KTM-5-1-1'] });
  });
});

describe('messages of procedure definitions', () => {
  it('label the routing action with the section it goes to', () => {
    expect(procedureActionLabel('refer', { name: '税務課', nameEn: 'Tax Division' })).toEqual({
      ja: '税務課の窓口へ案内する',
      en: 'Refer the resident to the Tax Division',
    });
    expect(procedureActionLabel('handle', null)).toHaveProperty('ja');
  });
  it('check the list filter', () => {
    expect(procedureFilterErrors({ sectionIdMalformed: false }, null)).toEqual([]);
    expect(procedureFilterErrors({ sectionIdMalformed: true, text: 'x'.repeat(201) }, 0).map((e) => e.path.join('.'))).toEqual([
      'filter.sectionId',
      'filter.text',
      'limit',
    ]);
  });
  it('name an org unit the routing cannot resolve, and tell the other sections', () => {
    expect(orgUnitRefError(['p'], '市民課', 'ambiguous').message.ja).toBe('「市民課」という組織が複数あります。キーで指定してください。');
    expect(orgUnitRefError(['p'], '市民課', 'not_found').message.en).toBe('No org unit "市民課".');
    expect(procedureDefinedNotice({ name: '転入届', managingName: '市民課', change: 'updated', requestNumber: 'R8-0002' }).subject).toBe(
      '行政手続「転入届」の定義が更新されました',
    );
  });
});
