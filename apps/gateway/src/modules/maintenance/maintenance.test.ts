// Maintenance windows through the API: planned by the system's administrators with warnings,
// announced to the head of every using section (MNT-15-2, KTM-15-2), then followed by the access
// decision (MAINTENANCE during a stop, allowed during an extension), and cancelled.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isOpenAt, rulebookCalendar } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { requestTools, type RequestTools } from '../requests/requests.testing.ts';

const cal = testCalendar();
/** Whether Kitami's 窓口支援システム is open on a day at 10:00: every day but 31 December to 3 January (KTM-15-1). */
const kitamiOpen = (day: string) => isOpenAt(rulebookCalendar('KTM'), cal.at(day, '10:00')).open;

// The story: windows are planned at 10:00 on the planning day (plannedOn) for nights 15, 20 and 22 days
// later (a stop, an extension, a stop that is cancelled). Kitami's counter is open on all of those days,
// and none of those nights is one the demo's own announced stop already takes.
let plannedOn: string;
let plannedAt: Date;
const night = (days: number) => cal.plusDays(plannedOn, days);

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
  const taken = (await gw.admin.query<{ starts_at: Date; ends_at: Date }>('select starts_at, ends_at from maintenance_window')).rows;
  const free = (n: string) => !taken.some((w) => w.starts_at < cal.at(cal.plusDays(n, 1), '08:00') && cal.at(n, '21:00') < w.ends_at);
  for (plannedOn = cal.today; ; plannedOn = cal.plusDays(plannedOn, 1)) {
    const nights = [night(15), night(20), night(22)];
    if ([plannedOn, ...nights, ...nights.map((n) => cal.plusDays(n, 1))].every(kitamiOpen) && nights.every(free)) break;
  }
  plannedAt = cal.at(plannedOn, '10:00');
  gw.setNow(plannedAt);
});
afterAll(() => gw.stop());

const WINDOW =
  'id kind from to reason status announcedAt cancelledAt ruleIds version warnings { code message { en ja } ruleIds overlaps { from to } } system { name } plannedBy { displayName }';
const PLAN = `mutation($i: PlanMaintenanceInput!) { planMaintenance(input: $i) { ${WINDOW} } }`;
const ANNOUNCE = `mutation($id: ID!) { announceMaintenance(id: $id) { ${WINDOW} } }`;
const CANCEL = `mutation($id: ID!, $r: String!) { cancelMaintenance(id: $id, reason: $r) { ${WINDOW} } }`;
const DECIDE = `query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) { allowed reasons { code message { en ja } ruleIds } } }`;

interface Window {
  id: string;
  kind: string;
  from: string;
  to: string;
  reason: string;
  status: string;
  announcedAt: string | null;
  cancelledAt: string | null;
  ruleIds: string[];
  version: number;
  warnings: { code: string; message: { en: string; ja: string }; ruleIds: string[]; overlaps: { from: string; to: string }[] }[];
  system: { name: string };
}
type Decision = { accessDecision: { allowed: boolean; reasons: { code: string; message: { en: string; ja: string }; ruleIds: string[] }[] } };

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
async function ok<T>(r: Promise<GqlResult<T>>): Promise<T> {
  const res = await r;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}
const staffIdOf = async (code_: string, username: string) =>
  (
    await t.q<{ id: string }>(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = $1 and s.username = $2`, [
      code_,
      username,
    ])
  )[0]!.id;
/** The current holders of the head positions of the system's using sections, from the database. */
const sectionHeads = async (systemId: string) =>
  (
    await t.q<{ staff_id: string }>(
      `select distinct t.staff_id from system_using_org_unit u join position p on p.org_unit_id = u.org_unit_id and p.kind = 'head'
    join position_tenure t on t.position_id = p.id and t.valid_to is null where u.system_id = $1`,
      [systemId],
    )
  )
    .map((r) => r.staff_id)
    .sort();
const notified = async (targetId: string, kind: string) =>
  (await t.q<{ recipient_id: string }>(`select recipient_id from notification where target_id = $1 and kind = $2`, [targetId, kind]))
    .map((r) => r.recipient_id)
    .sort();
const windowCount = async () => Number((await t.q<{ n: string }>('select count(*) as n from maintenance_window'))[0]!.n);

describe('Kitami 窓口支援システム: a night stop and the access decision (KTM-15)', () => {
  let chief: string;
  let counter: string;
  let user: string;
  let integrator: string;
  let stop: Window;

  beforeAll(async () => {
    chief = await gw.signIn('kitami', 'chief'); // 窓口課長: 副統括管理者, acting for the 統括管理者 (KTM-3-6)
    integrator = await gw.signIn('kitami', 'admin'); // registry administrator: may ask access decisions
    counter = await t.systemId('ktm.counter');
    user = await staffIdOf('kitami', 'admin');
  });

  it('plans a stop for a night 15 days ahead: outside 8:00–21:00, so only “not yet announced” is warned', async () => {
    const { planMaintenance: w } = await ok(
      gw.gql<{ planMaintenance: Window }>(
        PLAN,
        {
          i: {
            systemId: counter,
            kind: 'CLOSED',
            from: cal.iso(night(15), '21:30'),
            to: cal.iso(night(16), '07:30'),
            reason: 'サーバ機器の定期保守作業',
            reasonEn: 'Scheduled server maintenance',
          },
        },
        { token: chief },
      ),
    );
    stop = w;
    expect(w).toMatchObject({ kind: 'CLOSED', status: 'PLANNED', announcedAt: null, system: { name: '窓口支援システム' } });
    expect(w.warnings.map((x) => [x.code, x.ruleIds])).toEqual([['NOT_ANNOUNCED', ['KTM-15-2']]]);
    expect(w.ruleIds).toContain('KTM-15-2');
    // Not announced, not in force: at 23:00 the system is simply outside its hours.
    const before = await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at: cal.iso(night(15), '23:00') }, { token: integrator }));
    expect(before.accessDecision.reasons.map((r) => r.code)).toEqual(['OUTSIDE_OPERATING_HOURS']);
  });

  it('announces it to the head of every using section (in-app and e-mail), and audits it', async () => {
    const { announceMaintenance: w } = await ok(gw.gql<{ announceMaintenance: Window }>(ANNOUNCE, { id: stop.id }, { token: chief }));
    expect(w).toMatchObject({ status: 'ANNOUNCED', warnings: [] });
    expect(w.announcedAt).toBe(plannedAt.toISOString());
    const heads = await sectionHeads(counter);
    expect(heads.length).toBe(6); // 窓口課, 保険医療課, 介護福祉課, 障がい福祉課, 子育て支援課, 税務課
    expect(await notified(stop.id, 'maintenance.announce')).toEqual(heads);
    const mails = await t.q<{ recipient_id: string; subject: string }>(
      `select recipient_id, subject from mail_outbox where subject like '%窓口支援システム システム停止のお知らせ%'`,
    );
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(heads);
    const audit = await t.q<{ action: string; rule_ids: string[]; on_behalf_of_staff_id: string | null }>(
      `select action, rule_ids, on_behalf_of_staff_id from audit_event where target_id = $1 order by seq`,
      [stop.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['maintenance.plan', 'maintenance.announce']);
    expect(audit[1]!.rule_ids).toContain('KTM-15-2');
    // A second announcement is refused.
    expect(code(await gw.gql(ANNOUNCE, { id: stop.id }, { token: chief }))).toBe('CONFLICT');
  });

  it('refuses use during the stop with MAINTENANCE citing KTM-15-2; 1 January is still a closed day (KTM-15-1)', async () => {
    const during = await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at: cal.iso(night(15), '23:00') }, { token: integrator }));
    expect(during.accessDecision).toMatchObject({ allowed: false, reasons: [{ code: 'MAINTENANCE', ruleIds: ['KTM-15-2'] }] });
    expect(during.accessDecision.reasons[0]!.message.ja).toContain('サーバ機器の定期保守作業のため停止しています');
    expect(during.accessDecision.reasons[0]!.message.en).toContain('Scheduled server maintenance');
    const morning = await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at: cal.iso(night(16), '07:00') }, { token: integrator }));
    expect(morning.accessDecision.reasons.map((r) => r.code)).toEqual(['MAINTENANCE']);
    const after = await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at: cal.iso(night(16), '08:00') }, { token: integrator }));
    expect(after.accessDecision.allowed).toBe(true);
    const newYear = await ok(
      gw.gql<Decision>(DECIDE, { s: user, y: counter, at: cal.iso(cal.nextMonthDay('01-01', plannedOn), '10:00') }, { token: integrator }),
    );
    expect(newYear.accessDecision.reasons).toMatchObject([{ code: 'CLOSED_DAY', ruleIds: ['KTM-15-1'] }]);
  });

  it('lists the system under maintenance during the stop, and shows the calendar with the window to come', async () => {
    const r = await ok(
      gw.gql<{ systemsUnderMaintenance: { system: { name: string }; window: { id: string } }[] }>(
        'query($at: DateTimeISO) { systemsUnderMaintenance(at: $at) { system { name } window { id } } }',
        { at: cal.iso(night(15), '23:00') },
        { token: chief },
      ),
    );
    expect(r.systemsUnderMaintenance).toEqual([{ system: { name: '窓口支援システム' }, window: { id: stop.id } }]);
    const none = await ok(gw.gql<{ systemsUnderMaintenance: unknown[] }>('{ systemsUnderMaintenance { system { name } } }', {}, { token: chief }));
    expect(none.systemsUnderMaintenance).toEqual([]);
    const calendar = await ok(
      gw.gql<{
        operatingCalendar: {
          timeZone: string;
          weekly: { weekday: number; hours: { start: string; end: string }[] }[];
          closedPeriods: { from: string; to: string }[];
          closedOnNationalHolidays: boolean;
          ruleIds: string[];
          stopRuleIds: string[];
          upcoming: { id: string }[];
          openNow: { open: boolean; ruleIds: string[] };
          viewerMayPlan: boolean;
        };
      }>(
        `query($y: ID!) { operatingCalendar(systemId: $y) { timeZone weekly { weekday hours { start end } } closedPeriods { from to } closedOnNationalHolidays ruleIds stopRuleIds upcoming { id } openNow { open code reason { ja } ruleIds } viewerMayPlan } }`,
        { y: counter },
        { token: chief },
      ),
    );
    expect(calendar.operatingCalendar).toMatchObject({
      timeZone: 'Asia/Tokyo',
      closedPeriods: [{ from: '12-31', to: '01-03' }],
      closedOnNationalHolidays: false,
      ruleIds: ['KTM-15-1'],
      stopRuleIds: ['KTM-15-2'],
      openNow: { open: true, ruleIds: ['KTM-15-1'] },
      viewerMayPlan: true,
    });
    expect(calendar.operatingCalendar.upcoming.map((w) => w.id)).toContain(stop.id);
    expect(calendar.operatingCalendar.weekly.map((d) => d.hours)).toEqual(Array.from({ length: 7 }, () => [{ start: '08:00', end: '21:00' }]));
    const staff = await ok(
      gw.gql<{ operatingCalendar: { viewerMayPlan: boolean } }>(
        'query($y: ID!) { operatingCalendar(systemId: $y) { viewerMayPlan } }',
        { y: counter },
        { token: await gw.signIn('kitami', 'staff1') },
      ),
    );
    expect(staff.operatingCalendar.viewerMayPlan).toBe(false);
  });

  it('an announced extension lets users in after 21:00 (KTM-15-1 ただし書き)', async () => {
    const { planMaintenance: w } = await ok(
      gw.gql<{ planMaintenance: Window }>(
        PLAN,
        {
          i: { systemId: counter, kind: 'OPEN', from: cal.iso(night(20), '21:00'), to: cal.iso(night(20), '23:00'), reason: '確定申告相談会に伴う延長' },
        },
        { token: chief },
      ),
    );
    const at = cal.iso(night(20), '22:00');
    expect((await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at }, { token: integrator }))).accessDecision.allowed).toBe(false);
    await ok(gw.gql(ANNOUNCE, { id: w.id }, { token: chief }));
    expect((await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at }, { token: integrator }))).accessDecision).toMatchObject({
      allowed: true,
      reasons: [],
    });
  });

  it('a cancelled stop no longer refuses anyone; the sections are told; a second cancellation is a CONFLICT', async () => {
    const { planMaintenance: w } = await ok(
      gw.gql<{ planMaintenance: Window }>(
        PLAN,
        {
          i: { systemId: counter, kind: 'CLOSED', from: cal.iso(night(22), '22:00'), to: cal.iso(night(23), '06:00'), reason: 'ネットワーク機器更新' },
        },
        { token: chief },
      ),
    );
    await ok(gw.gql(ANNOUNCE, { id: w.id }, { token: chief }));
    const at = cal.iso(night(22), '23:00');
    expect((await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at }, { token: integrator }))).accessDecision.reasons[0]!.code).toBe('MAINTENANCE');
    const { cancelMaintenance: c } = await ok(gw.gql<{ cancelMaintenance: Window }>(CANCEL, { id: w.id, r: '機器の納期遅延のため延期' }, { token: chief }));
    expect(c).toMatchObject({ status: 'CANCELLED', warnings: [] });
    expect((await ok(gw.gql<Decision>(DECIDE, { s: user, y: counter, at }, { token: integrator }))).accessDecision.reasons[0]!.code).toBe(
      'OUTSIDE_OPERATING_HOURS',
    );
    expect(await notified(w.id, 'maintenance.cancel')).toEqual(await sectionHeads(counter));
    expect(code(await gw.gql(CANCEL, { id: w.id, r: '重複' }, { token: chief }))).toBe('CONFLICT');
    expect(code(await gw.gql(ANNOUNCE, { id: w.id }, { token: chief }))).toBe('CONFLICT');
  });
});

describe('Minato 福祉総合システム: a stop inside the operating hours (MNT-15)', () => {
  it('warns that the stop falls inside 5:00–24:00 and must be announced in advance (MNT-15-2); the deputy acts for the 保健福祉課長 (MNT-6-4)', async () => {
    const admin = await gw.signIn('minato', 'admin'); // システム総括担当者
    const welfare = await t.systemId('mnt.welfare');
    const { planMaintenance: w } = await ok(
      gw.gql<{ planMaintenance: Window }>(
        PLAN,
        {
          i: {
            systemId: welfare,
            kind: 'CLOSED',
            from: cal.iso(night(15), '22:00'),
            to: cal.iso(night(16), '06:00'),
            reason: '福祉総合システムのバージョンアップ作業',
          },
        },
        { token: admin },
      ),
    );
    expect(w.warnings.map((x) => x.code)).toEqual(['STOP_IN_OPERATING_HOURS', 'NOT_ANNOUNCED']);
    expect(w.warnings[0]).toMatchObject({ message: { ja: '利用時間内の停止です。利用課へ事前に周知してください（MNT-15-2）' }, ruleIds: ['MNT-15-2'] });
    // 22:00 to midnight, and 5:00 to 6:00 the next morning.
    expect(w.warnings[0]!.overlaps).toEqual([
      { from: cal.at(night(15), '22:00').toISOString(), to: cal.at(night(16), '00:00').toISOString() },
      { from: cal.at(night(16), '05:00').toISOString(), to: cal.at(night(16), '06:00').toISOString() },
    ]);
    const chief = await staffIdOf('minato', 'chief');
    const audit = (
      await t.q<{ on_behalf_of_staff_id: string; rule_ids: string[] }>(
        `select on_behalf_of_staff_id, rule_ids from audit_event where target_id = $1 and action = 'maintenance.plan'`,
        [w.id],
      )
    )[0]!;
    expect(audit.on_behalf_of_staff_id).toBe(chief);
    expect(audit.rule_ids).toEqual(expect.arrayContaining(['MNT-15-2']));
    // The list shows it with the same warnings.
    const list = await ok(
      gw.gql<{ maintenanceWindows: Window[] }>(
        `query($y: ID!, $from: DateTimeISO) { maintenanceWindows(systemId: $y, from: $from) { ${WINDOW} } }`,
        { y: welfare, from: cal.iso(`${night(15).slice(0, 7)}-01`, '00:00') },
        { token: admin },
      ),
    );
    expect(list.maintenanceWindows.map((x) => [x.id, x.warnings.length])).toEqual([[w.id, 2]]);
  });
});

describe('refusals change nothing', () => {
  it('refuses staff who do not administer the system (FORBIDDEN, citing the rules), and API tokens', async () => {
    const counter = await t.systemId('ktm.counter');
    const before = await windowCount();
    const input = { systemId: counter, kind: 'CLOSED', from: cal.iso(night(30), '22:00'), to: cal.iso(night(31), '06:00'), reason: '保守作業' };
    const staff = await gw.gql(PLAN, { i: input }, { token: await gw.signIn('kitami', 'staff1') });
    expect(staff.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-15-2', 'KTM-3-6']) });
    expect(staff.errors![0]!.extensions!.messageJa).toBeTruthy();
    const admin = await gw.signIn('kitami', 'admin');
    const created = await gw.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "監視", scopes: ["registry:read"] }) { token } }',
      {},
      { token: admin },
    );
    expect(code(await gw.gql(PLAN, { i: input }, { token: created.data!.createApiToken.token }))).toBe('FORBIDDEN');
    // Another municipality's administrator does not even see the system.
    expect(code(await gw.gql(PLAN, { i: input }, { token: await gw.signIn('minato', 'chief') }))).toBe('NOT_FOUND');
    expect(await windowCount()).toBe(before);
  });

  it('refuses bad input with field paths', async () => {
    const chief = await gw.signIn('kitami', 'chief');
    const counter = await t.systemId('ktm.counter');
    const before = await windowCount();
    const r = await gw.gql(
      PLAN,
      { i: { systemId: counter, kind: 'CLOSED', from: cal.iso(night(30), '22:00'), to: cal.iso(night(30), '21:00'), reason: ' ' } },
      { token: chief },
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect((r.errors![0]!.extensions!.fieldErrors as { path: string[]; code: string }[]).map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.to', 'INVALID_VALUE'],
      ['input.reason', 'REQUIRED'],
    ]);
    const past = await gw.gql(
      PLAN,
      { i: { systemId: counter, kind: 'CLOSED', from: cal.iso(night(-19), '22:00'), to: cal.iso(night(-18), '06:00'), reason: '保守' } },
      { token: chief },
    );
    expect((past.errors![0]!.extensions!.fieldErrors as { path: string[] }[]).map((e) => e.path.join('.'))).toEqual(['input.to']);
    const malformed = await gw.gql(
      PLAN,
      { i: { systemId: 'nope', kind: 'CLOSED', from: cal.iso(night(30), '22:00'), to: cal.iso(night(31), '06:00'), reason: '保守' } },
      { token: chief },
    );
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'systemId'] }] });
    const noReason = await gw.gql(CANCEL, { id: '00000000-0000-4000-8000-000000000000', r: '' }, { token: chief });
    expect(noReason.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['reason'] }] });
    expect(await windowCount()).toBe(before);
  });
});
