// 実施記録: when each duty is next due (by the municipality's setting, or after an audit for ARK-30-1),
// and who may record that it was done.
import { describe, expect, it } from 'vitest';
import type { HeldRole } from '../roles/roles.types.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import { DUTY_DEFINITIONS, DUTY_REMINDER_MONTHS, addMonthsToDate, decideDutyRecord, dutyDefinitionsFor, dutyDue, type DutySetting } from './duty-records.ts';
import { dutyRecordsDueLine } from './due-summary.ts';
import type { RegisterActor, RegisterRefusal } from './register-decision.ts';

const cal = testCalendar();
const today = cal.today;

const held = (rulebookId: HeldRole['rulebookId'], roleKey: string, positionId: string, via: HeldRole['via'] = 'position'): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via,
  onBehalfOfStaffId: via === 'deputy' ? 'principal' : null,
  deputationId: null,
  ruleIds: [],
});
const actor = (roles: HeldRole[], units: Record<string, string> = {}, registryAdmin = false): RegisterActor => ({
  staffId: 'me',
  roles,
  tenures: [],
  positionOrgUnit: (id) => units[id],
  registryAdmin,
});
const refusal = (d: { allowed: boolean }): RegisterRefusal => {
  expect(d.allowed).toBe(false);
  return d as RegisterRefusal;
};

const yearly: DutySetting = { months: 12, since: cal.day(-400) };

describe('when a duty is due', () => {
  it('adds months keeping the day, or the month’s last day when shorter', () => {
    const first = cal.monthStart(0);
    expect(addMonthsToDate(first, 12)).toBe(cal.monthStart(12));
    expect(addMonthsToDate(first, -1)).toBe(cal.monthStart(-1));
    // The last day of a month, a month later, is at most the next month's last day.
    expect(addMonthsToDate(cal.monthEnd(0), 1) <= cal.monthEnd(1)).toBe(true);
    expect(addMonthsToDate(cal.monthEnd(0), 1) > cal.monthEnd(0)).toBe(true);
  });

  it('KTM-14-3: a periodic duty is due again the municipality’s months after it was done; shown as due a month before, overdue after', () => {
    const trigger = 'periodic' as const;
    const periodic = (lastDoneOn: string) => dutyDue({ trigger, setting: yearly, lastDoneOn }, today);
    // Done a year before ten days from now: due again in about ten days, inside the reminder window.
    const soon = addMonthsToDate(cal.day(10), -12);
    expect(periodic(soon)).toEqual({
      nextDueOn: addMonthsToDate(soon, 12),
      opensOn: addMonthsToDate(addMonthsToDate(soon, 12), -DUTY_REMINDER_MONTHS),
      state: 'due',
    });
    expect(periodic(addMonthsToDate(cal.day(-5), -12)).state).toBe('overdue');
    expect(periodic(cal.day(-20))).toMatchObject({ nextDueOn: addMonthsToDate(cal.day(-20), 12), state: 'upcoming' });
  });

  it('MNT-19-2: never done, a duty is first due the months after the municipality set it up', () => {
    const setting: DutySetting = { months: 6, since: cal.day(-10) };
    expect(dutyDue({ trigger: 'periodic', setting, lastDoneOn: null }, today)).toMatchObject({
      nextDueOn: addMonthsToDate(cal.day(-10), 6),
      state: 'upcoming',
    });
    const old: DutySetting = { months: 6, since: addMonthsToDate(cal.day(-1), -6) };
    expect(dutyDue({ trigger: 'periodic', setting: old, lastDoneOn: null }, today).state).toBe('overdue');
  });

  it('ARK-30-1: the policy review is due after an audit or self-inspection not yet followed by one, and not otherwise', () => {
    const setting: DutySetting = { months: 3, since: cal.day(-400) };
    const after = (lastAuditOn: string | null, lastDoneOn: string | null) => dutyDue({ trigger: 'after_audit', setting, lastDoneOn, lastAuditOn }, today);
    expect(after(null, null)).toEqual({ nextDueOn: null, opensOn: null, state: 'done' });
    expect(after(cal.day(-30), null)).toEqual({ nextDueOn: addMonthsToDate(cal.day(-30), 3), opensOn: cal.day(-30), state: 'due' });
    expect(after(cal.day(-30), cal.day(-10))).toMatchObject({ nextDueOn: null, state: 'done' });
    expect(after(cal.day(-30), cal.day(-60))).toMatchObject({ state: 'due' });
    expect(after(addMonthsToDate(cal.day(-1), -3), null).state).toBe('overdue');
  });

  it('the duties of a municipality are those of its rulebooks; none of their articles sets a time', () => {
    expect(dutyDefinitionsFor(['KTM']).map((d) => d.key)).toEqual(['ktm_maintenance_contact_network']);
    expect(dutyDefinitionsFor(['ARK']).map((d) => d.ruleIds)).toEqual([['ARK-28-2'], ['ARK-30-1'], ['ARK-26-2-3']]);
    expect(dutyDefinitionsFor(['MNT']).map((d) => d.ruleIds)).toEqual([['MNT-19-2'], ['MNT-4-1-11']]);
    expect(dutyDefinitionsFor(['KWO', 'KWW']).map((d) => d.ruleIds)).toEqual([['KWO-9-1']]);
    expect(Object.values(DUTY_DEFINITIONS).every((d) => /団体の設定/.test(d.when.ja))).toBe(true);
  });
});

describe('recording a duty', () => {
  const media = DUTY_DEFINITIONS.mnt_media_locked_storage;
  const welfareChief = actor([held('MNT', 'welfare_section_chief', 'p.chief')], { 'p.chief': 'u.welfare' });
  const draft = { dutyKey: media.key, orgUnitId: 'u.welfare', doneOn: cal.day(-2), note: '施錠保管を確認した。', evidence: '媒体管理簿' };

  it('MNT-19-2: the section chief records it for their section; it is due again by the setting, audited', () => {
    const d = decideDutyRecord(draft, media, { months: 6, since: cal.day(-100) }, ['u.welfare'], welfareChief, today);
    expect(d).toMatchObject({ allowed: true, ruleIds: ['MNT-19-2'], nextDueOn: addMonthsToDate(cal.day(-2), 6), evidence: '媒体管理簿' });
    if (d.allowed) expect(d.audit).toMatchObject({ action: 'duty_record.add', after: { duty: media.key, orgUnit: 'u.welfare', via: 'role' } });
  });

  it('MNT-19-2: another section’s chief, or someone holding no performer’s role, is refused naming who may', () => {
    const other = actor([held('MNT', 'using_section_chief', 'p.other')], { 'p.other': 'u.other' });
    const r = refusal(decideDutyRecord(draft, media, null, ['u.welfare', 'u.other'], other, today));
    expect(r).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['MNT-19-2'] });
    if (r.code === 'FORBIDDEN') {
      expect(r.message.ja).toContain('保健福祉課長');
      expect(r.message.en).toContain('registry administrators');
    }
    expect(refusal(decideDutyRecord(draft, media, null, ['u.welfare'], null, today)).code).toBe('FORBIDDEN');
  });

  it('KTM-14-3: only the 統括管理者 records the maintenance contact network', () => {
    const network = DUTY_DEFINITIONS.ktm_maintenance_contact_network;
    const input = { dutyKey: network.key, doneOn: today, note: '連絡体制表を更新した。' };
    expect(decideDutyRecord(input, network, yearly, [], actor([held('KTM', 'general_manager', 'p.gm')]), today)).toMatchObject({
      allowed: true,
      nextDueOn: addMonthsToDate(today, 12),
    });
    expect(refusal(decideDutyRecord(input, network, yearly, [], actor([held('KTM', 'system_user', 'p.u')]), today))).toMatchObject({
      code: 'FORBIDDEN',
      ruleIds: ['KTM-14-3'],
    });
  });

  it('ARK-30-1: a review after an audit has no next due date of its own; the next audit makes it due', () => {
    const review = DUTY_DEFINITIONS.ark_policy_review;
    const secretariat = actor([held('ARK', 'committee_secretariat', 'p.s')]);
    expect(
      decideDutyRecord({ dutyKey: review.key, doneOn: today, note: '見直し不要と決定した。' }, review, { months: 3, since: today }, [], secretariat, today),
    ).toMatchObject({ allowed: true, nextDueOn: null, ruleIds: ['ARK-30-1', 'ARK-24-3'] });
  });

  it('bad input is refused with field errors: a future day, no note, a section the duty is not kept in', () => {
    const admin = actor([], {}, true);
    const r = refusal(decideDutyRecord({ ...draft, orgUnitId: 'u.elsewhere', doneOn: cal.day(1), note: ' ' }, media, null, ['u.welfare'], admin, today));
    expect(r.code === 'BAD_USER_INPUT' && r.fieldErrors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.orgUnitId', 'NOT_FOUND'],
      ['input.doneOn', 'INVALID_VALUE'],
      ['input.note', 'REQUIRED'],
    ]);
    const unknown = refusal(decideDutyRecord({ dutyKey: 'nothing', doneOn: today, note: 'x' }, null, null, [], admin, today));
    expect(unknown.code === 'BAD_USER_INPUT' && unknown.fieldErrors.map((e) => e.path.join('.'))).toEqual(['input.dutyKey']);
  });

  it('the dashboard counts the duties due and overdue, with their rules, beside the summary', () => {
    const duties = [
      { state: 'overdue', ruleIds: ['KTM-14-3' as const] },
      { state: 'upcoming', ruleIds: ['KTM-14-3' as const] },
      { state: 'due', ruleIds: ['KTM-14-3' as const] },
    ];
    expect(dutyRecordsDueLine(duties, ['KTM'])).toEqual({ key: 'duty_records', label: expect.any(Object), due: 1, overdue: 1, ruleIds: ['KTM-14-3'] });
    expect(dutyRecordsDueLine([], ['KTM'])).toMatchObject({ due: 0, overdue: 0, ruleIds: [] });
    // KWW gives no duty of this register.
    expect(dutyRecordsDueLine(duties, ['KWW'])).toBeNull();
  });
});
