import { describe, expect, it } from 'vitest';
import { testCalendar } from '../testing/index.ts';
import { findRule } from '../rulebooks/index.ts';
import { absenceDeclarationRefusal, absenceInputErrors, absenceOn, deputationNeedsAbsence, deputyNotActing } from './absences.ts';

const T = testCalendar();

describe('declared absences (KTM-3-6)', () => {
  it('reads 「事故があるとき」 from the article', () => {
    expect(findRule('KTM-3-6')?.text).toContain('統括管理者に事故があるときはその職務を代理する');
  });

  it('gate only the deputations under KTM-3-6', () => {
    expect(deputationNeedsAbsence({ ruleIds: ['KTM-3-6'] })).toBe(true);
    expect(deputationNeedsAbsence({ ruleIds: ['MNT-6-4'] })).toBe(false);
    expect(deputationNeedsAbsence({ ruleIds: ['KWW-4-1'] })).toBe(false);
  });

  it('cover their days, both ends included, for their position only', () => {
    const from = T.businessDay(1);
    const to = T.businessDay(3);
    const absences = [{ id: 'a', positionId: 'director', from, to }];
    expect(absenceOn(absences, 'director', from)?.id).toBe('a');
    expect(absenceOn(absences, 'director', to)?.id).toBe('a');
    // The day after the last: businessDay(4) may fall on the same Monday as businessDay(3).
    expect(absenceOn(absences, 'director', T.plusDays(to, 1))).toBeUndefined();
    expect(absenceOn(absences, 'chief', from)).toBeUndefined();
  });

  it('are declared with a period and a reason', () => {
    const from = T.businessDay(2);
    expect(absenceInputErrors({ from, to: from, reason: '病気療養' })).toEqual([]);
    expect(absenceInputErrors({ from, to: T.plusDays(from, -1), reason: ' ' }).map((e) => e.path.join('.'))).toEqual(['input.to', 'input.reason']);
    expect(absenceInputErrors({ from: 'soon', to: from, reason: 'x' }).map((e) => e.path.join('.'))).toEqual(['input.from']);
  });

  it('are declared by the holder, their deputy or a registry administrator, for a position with a deputy', () => {
    const base = { holdsPosition: false, deputises: false, registryAdmin: false, positionHasDeputy: true };
    expect(absenceDeclarationRefusal({ ...base, holdsPosition: true })).toBeNull();
    expect(absenceDeclarationRefusal({ ...base, deputises: true })).toBeNull();
    expect(absenceDeclarationRefusal({ ...base, registryAdmin: true })).toBeNull();
    expect(absenceDeclarationRefusal(base)).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KTM-3-6'] });
    expect(absenceDeclarationRefusal({ ...base, registryAdmin: true, positionHasDeputy: false })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('outside one, the deputy is refused citing KTM-3-6', () => {
    expect(deputyNotActing()).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KTM-3-6'], message: { ja: expect.stringContaining('副統括管理者') } });
  });
});
