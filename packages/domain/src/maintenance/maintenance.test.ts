import { describe, expect, it } from 'vitest';
import { isOpenAt } from '../calendar/operating-calendar.ts';
import { isValidRuleId, rulebookIds } from '../rulebooks/index.ts';
import {
  MAINTENANCE_RULES,
  maintenanceExceptions,
  maintenanceStatus,
  maintenanceWarnings,
  systemOperatingCalendar,
  validateMaintenanceInput,
  type MaintenanceWindowFact,
} from './maintenance.ts';

const NOW = '2026-11-20T10:00:00+09:00';
const nightStop: MaintenanceWindowFact = {
  kind: 'closed',
  from: '2026-12-05T21:30:00+09:00',
  to: '2026-12-06T06:00:00+09:00',
  reason: 'サーバ機器の定期保守作業',
  announcedAt: '2026-11-20T10:00:00+09:00',
};
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('maintenance rules', () => {
  it('cover every rulebook, citing rules that exist', () => {
    for (const id of rulebookIds) {
      const r = MAINTENANCE_RULES[id];
      expect(r.rulebookId).toBe(id);
      for (const rule of [...r.stopRuleIds, ...r.extensionRuleIds, ...r.noticeRuleIds, ...r.planners.flatMap((p) => p.ruleIds)])
        expect(isValidRuleId(rule), `${id}: ${rule}`).toBe(true);
    }
  });
  it('MNT-15-2 and KTM-15-2 name the administrator who stops the system and the advance notice', () => {
    expect(MAINTENANCE_RULES.MNT.planners.map((p) => p.roleKey)).toEqual(['welfare_section_chief']);
    // The system manager sets how the ward office system is run, its stops included (KWO-4-1).
    expect(MAINTENANCE_RULES.KWO.planners).toEqual([{ rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-4-1'] }]);
    expect(MAINTENANCE_RULES.KTM.planners.map((p) => p.roleKey)).toEqual(['general_manager', 'deputy_general_manager']);
    expect(MAINTENANCE_RULES.KTM.noticeRuleIds).toEqual(['KTM-15-2']);
  });
});

describe('the calendar of a system with its windows', () => {
  it('a stop announced for a night refuses with MAINTENANCE citing KTM-15-2; 1 January stays a closed day', () => {
    const cal = systemOperatingCalendar('KTM', [nightStop]);
    expect(isOpenAt(cal, '2026-12-05T23:00:00+09:00')).toMatchObject({ open: false, code: 'MAINTENANCE', ruleIds: ['KTM-15-2'] });
    expect(isOpenAt(cal, '2026-12-06T05:59:00+09:00')).toMatchObject({ open: false, code: 'MAINTENANCE' });
    expect(isOpenAt(cal, '2026-12-06T08:00:00+09:00')).toMatchObject({ open: true });
    expect(isOpenAt(cal, '2027-01-01T10:00:00+09:00')).toMatchObject({ open: false, code: 'CLOSED_DAY', ruleIds: ['KTM-15-1'] });
  });
  it('ignores windows not announced or cancelled', () => {
    const planned = { ...nightStop, announcedAt: null };
    const cancelled = { ...nightStop, cancelledAt: '2026-11-21T10:00:00+09:00' };
    expect(maintenanceExceptions([planned, cancelled])).toEqual([]);
    expect(isOpenAt(systemOperatingCalendar('KTM', [planned, cancelled]), '2026-12-05T20:00:00+09:00')).toMatchObject({ open: true });
  });
  it('an announced extension opens a Kitami evening (KTM-15-1 ただし書き)', () => {
    const late: MaintenanceWindowFact = {
      kind: 'open',
      from: '2027-03-30T21:00:00+09:00',
      to: '2027-03-30T23:00:00+09:00',
      reason: '年度末の窓口延長',
      announcedAt: NOW,
    };
    expect(isOpenAt(systemOperatingCalendar('KTM', [late]), '2027-03-30T22:00:00+09:00')).toEqual({ open: true, ruleIds: ['KTM-15-1'] });
  });
  it('cites the maintenance rules where the rulebook calendar names none (ARK, KWW, KWO)', () => {
    const stop = { ...nightStop, from: '2026-12-05T10:00:00+09:00' };
    expect(isOpenAt(systemOperatingCalendar('ARK', [stop]), '2026-12-05T12:00:00+09:00')).toMatchObject({ code: 'MAINTENANCE', ruleIds: ['ARK-4'] });
    expect(isOpenAt(systemOperatingCalendar('KWW', [stop]), '2026-12-05T12:00:00+09:00')).toMatchObject({ code: 'MAINTENANCE', ruleIds: ['KWW-3-2-2'] });
    expect(isOpenAt(systemOperatingCalendar(null, []), '2026-12-05T03:00:00+09:00')).toMatchObject({ open: true });
  });
});

describe('warnings', () => {
  it('a stop inside the operating hours warns, naming the hours lost (MNT-15-2)', () => {
    const w = maintenanceWarnings(
      'MNT',
      { kind: 'closed', from: '2026-12-05T22:00:00+09:00', to: '2026-12-06T06:00:00+09:00', reason: '保守', announcedAt: NOW },
      NOW,
    );
    expect(codes(w)).toEqual(['STOP_IN_OPERATING_HOURS']);
    expect(w[0]!.message.ja).toBe('利用時間内の停止です。利用課へ事前に周知してください（MNT-15-2）');
    // 22:00–24:00 on the 5th and 05:00–06:00 on the 6th (MNT-15-1: 5:00 to midnight).
    expect(w[0]!.overlaps).toEqual([
      { from: '2026-12-05T13:00:00.000Z', to: '2026-12-05T15:00:00.000Z' },
      { from: '2026-12-05T20:00:00.000Z', to: '2026-12-05T21:00:00.000Z' },
    ]);
  });
  it('a Kitami night stop outside 8:00–21:00 does not', () => {
    expect(maintenanceWarnings('KTM', nightStop, NOW)).toEqual([]);
  });
  it('a window not yet announced warns, citing the notice rule', () => {
    const w = maintenanceWarnings('KTM', { ...nightStop, announcedAt: null }, NOW);
    expect(w).toMatchObject([{ code: 'NOT_ANNOUNCED', ruleIds: ['KTM-15-2'] }]);
    expect(w[0]!.message.ja).toContain('まだ利用課へ周知していません');
  });
  it('an announcement on the day itself is late', () => {
    const w = maintenanceWarnings('KTM', { ...nightStop, announcedAt: '2026-12-05T09:00:00+09:00' }, NOW);
    expect(codes(w)).toEqual(['NOTICE_LATE']);
  });
  it('an extension inside the regular hours adds nothing; a cancelled window warns of nothing', () => {
    expect(
      codes(
        maintenanceWarnings('KTM', { kind: 'open', from: '2026-12-05T09:00:00+09:00', to: '2026-12-05T10:00:00+09:00', reason: '延長', announcedAt: NOW }, NOW),
      ),
    ).toEqual(['EXTENSION_WITHOUT_EFFECT']);
    expect(
      maintenanceWarnings('MNT', { kind: 'closed', from: '2026-12-05T10:00:00+09:00', to: '2026-12-05T12:00:00+09:00', reason: '保守', cancelledAt: NOW }, NOW),
    ).toEqual([]);
  });
  it('cites only rules that exist', () => {
    for (const id of rulebookIds) {
      const all = maintenanceWarnings(id, { kind: 'closed', from: '2026-12-05T10:00:00+09:00', to: '2026-12-05T12:00:00+09:00', reason: '保守' }, NOW);
      for (const w of all) for (const r of w.ruleIds) expect(isValidRuleId(r), r).toBe(true);
    }
  });
});

describe('input', () => {
  const ok = { kind: 'closed' as const, from: '2026-12-05T22:00:00+09:00', to: '2026-12-06T06:00:00+09:00', reason: '定期保守作業' };
  it('accepts a window to come', () => {
    expect(validateMaintenanceInput(ok, new Date(NOW))).toEqual([]);
  });
  it('refuses an end before the start, a missing reason, an over-long reason and an instant without zone, with field paths', () => {
    expect(validateMaintenanceInput({ ...ok, to: ok.from }, NOW).map((e) => [e.path.join('.'), e.code])).toEqual([['input.to', 'INVALID_VALUE']]);
    expect(validateMaintenanceInput({ ...ok, reason: '  ' }, NOW).map((e) => [e.path.join('.'), e.code])).toEqual([['input.reason', 'REQUIRED']]);
    expect(validateMaintenanceInput({ ...ok, reason: 'あ'.repeat(201) }, NOW).map((e) => e.code)).toEqual(['TOO_LONG']);
    expect(validateMaintenanceInput({ ...ok, from: '2026-12-05T22:00' }, NOW).map((e) => e.path.join('.'))).toEqual(['input.from']);
  });
  it('refuses a window already over, or longer than two weeks', () => {
    expect(validateMaintenanceInput({ ...ok, from: '2026-11-01T22:00:00+09:00', to: '2026-11-02T06:00:00+09:00' }, NOW).map((e) => e.path.join('.'))).toEqual([
      'input.to',
    ]);
    expect(validateMaintenanceInput({ ...ok, to: '2026-12-25T06:00:00+09:00' }, NOW).map((e) => e.path.join('.'))).toEqual(['input.to']);
  });
});

describe('status', () => {
  it('planned → announced → in progress → finished; cancelled is final', () => {
    expect(maintenanceStatus({ ...nightStop, announcedAt: null }, '2026-12-05T23:00:00+09:00')).toBe('planned');
    expect(maintenanceStatus(nightStop, NOW)).toBe('announced');
    expect(maintenanceStatus(nightStop, '2026-12-05T23:00:00+09:00')).toBe('in_progress');
    expect(maintenanceStatus(nightStop, '2026-12-06T06:00:00+09:00')).toBe('finished');
    expect(maintenanceStatus({ ...nightStop, cancelledAt: NOW }, '2026-12-05T23:00:00+09:00')).toBe('cancelled');
  });
});
