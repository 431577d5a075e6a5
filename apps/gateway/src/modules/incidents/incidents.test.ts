// Incidents through the API: the report of occurrence (MNT-22 第8号様式) and the continuation notices
// to every using section at occurrence and at resolution (MNT-22-4), escalation when residents are
// affected (KWO-10-1-2, MNT-22-2), the contact network's missing-decider flag (KWW-9-2, KTM-14-4),
// the confirmation of the resolution (MNT-22-3), refusals and concurrent decisions.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { fiscalYearOf, fiscalYearStart, formatWareki, formatWarekiDateTime, incidentNumber, warekiYear } from '@tsukasa/domain';
import { expectInOrder, pdfPages } from '@tsukasa/documents/testing';
import { testCalendar } from '@tsukasa/domain/testing';
import { requestTools, type Person, type RequestTools } from '../requests/requests.testing.ts';

// The story happens today (Japan time): incidents occur in the morning and are reported at 10:00; one is
// resolved in the afternoon, another occurs the next morning.
const cal = testCalendar();
const day = cal.today;
const nextDay = cal.day(1);

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
  gw.setNow(cal.at(day, '10:00'));
});
afterAll(() => gw.stop());

const INCIDENT = `id number title status open severity residentsAffected degradedOperation cause recoveryEta resolvedAt analysis preventiveMeasures confirmedAt escalatedAt ruleIds
  contactNetworkRuleIds viewerMayManage viewerMayConfirm system { name } reportedBy { displayName }
  updates { seq kind status note cause recoveryEta degradedOperation ruleIds by { displayName } }
  notices { kind sectionName sectionFullName recipientPositionName sentAt ruleIds recipients { id } }`;
const REPORT = `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { ${INCIDENT} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateIncidentInput!) { updateIncident(id: $id, input: $i) { ${INCIDENT} } }`;
const RESOLVE = `mutation($id: ID!, $i: ResolveIncidentInput) { resolveIncident(id: $id, input: $i) { ${INCIDENT} } }`;
const ANALYSE = `mutation($id: ID!, $i: IncidentAnalysisInput!) { recordIncidentAnalysis(id: $id, input: $i) { ${INCIDENT} } }`;
const CONFIRM = `mutation($id: ID!) { confirmIncidentResolution(id: $id) { ${INCIDENT} } }`;
const LOAD = `query($id: ID!) { incident(id: $id) { ${INCIDENT} } }`;

interface Incident {
  id: string;
  number: string;
  title: string;
  status: string;
  open: boolean;
  severity: string;
  residentsAffected: boolean;
  degradedOperation: string | null;
  cause: string | null;
  recoveryEta: string | null;
  resolvedAt: string | null;
  analysis: string | null;
  preventiveMeasures: string | null;
  confirmedAt: string | null;
  escalatedAt: string | null;
  ruleIds: string[];
  contactNetworkRuleIds: string[];
  viewerMayManage: boolean;
  viewerMayConfirm: boolean;
  system: { name: string };
  updates: {
    seq: number;
    kind: string;
    status: string | null;
    note: string | null;
    cause: string | null;
    recoveryEta: string | null;
    degradedOperation: string | null;
    ruleIds: string[];
  }[];
  notices: {
    kind: string;
    sectionName: string;
    sectionFullName: string;
    recipientPositionName: string | null;
    sentAt: string | null;
    ruleIds: string[];
    recipients: { id: string }[];
  }[];
}

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
async function ok<K extends string>(r: Promise<GqlResult<Record<K, Incident>>>, key: K): Promise<Incident> {
  const res = await r;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![key];
}
const report = (token: string, i: Record<string, unknown>) => ok(gw.gql<{ reportIncident: Incident }>(REPORT, { i }, { token }), 'reportIncident');
const load = (token: string, id: string) => ok(gw.gql<{ incident: Incident }>(LOAD, { id }, { token }), 'incident');

/** The system's using sections and the current holders of their head positions, from the database. */
async function usingSections(systemId: string) {
  const rows = await t.q<{ org_unit_id: string; staff_id: string }>(
    `select u.org_unit_id, t.staff_id from system_using_org_unit u
    join position p on p.org_unit_id = u.org_unit_id and p.kind = 'head' join position_tenure t on t.position_id = p.id and t.valid_to is null where u.system_id = $1`,
    [systemId],
  );
  return { units: [...new Set(rows.map((r) => r.org_unit_id))].sort(), heads: [...new Set(rows.map((r) => r.staff_id))].sort() };
}
const notified = async (incidentId: string, kind: string) =>
  (await t.q<{ recipient_id: string }>('select recipient_id from notification where target_id = $1 and kind = $2', [incidentId, kind]))
    .map((r) => r.recipient_id)
    .sort();
const noticeRows = async (incidentId: string, kind: string) =>
  await t.q<{ org_unit_id: string; recipient_staff_ids: string[]; sent_at: Date | null }>(
    'select org_unit_id, recipient_staff_ids::text[] as recipient_staff_ids, sent_at from incident_notice where incident_id = $1 and kind = $2',
    [incidentId, kind],
  );
/** The number the next incident of a municipality takes in the fiscal year of a day (the demo data has some already). */
const nextNumber = async (code_: string, on: string) =>
  incidentNumber(
    fiscalYearOf(on),
    Number(
      (
        await t.q<{ last: number }>(
          `select last from incident_counter where municipality_id = (select id from municipality where code = $1) and fiscal_year = $2`,
          [code_, fiscalYearOf(on)],
        )
      )[0]?.last ?? 0,
    ) + 1,
  );
const counts = async () =>
  (
    await t.q<{ incidents: string; notes: string; mails: string; audit: string }>(`select (select count(*) from incident) as incidents,
  (select count(*) from notification where kind like 'incident.%') as notes, (select count(*) from mail_outbox) as mails, (select count(*) from audit_event where target_type = 'incident') as audit`)
  )[0];

describe('Minato 福祉総合システム: from occurrence to confirmed resolution (MNT-22)', () => {
  let admin: string; // システム総括担当者, acting for the 保健福祉課長 (MNT-6-4); a registry administrator
  let chief: Person; // 保健福祉課長
  let welfare: string;
  let incident: Incident;

  beforeAll(async () => {
    admin = await gw.signIn('minato', 'admin');
    chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    welfare = await t.systemId('mnt.welfare');
  });

  it('records the report of occurrence and sends the notice to the head of every using section (MNT-22-4)', async () => {
    const expected = await nextNumber('minato', day);
    incident = await report(admin, {
      systemId: welfare,
      title: '帳票出力の障害',
      description: '介護保険の決定通知書が出力できない。',
      occurredAt: cal.iso(day, '09:15'),
      detectedAt: cal.iso(day, '09:30'),
      severity: 'MAJOR',
      residentsAffected: false,
      degradedOperation: '帳票出力を停止し、照会業務のみで運用',
      recoveryEta: cal.iso(day, '15:00'),
    });
    expect(incident).toMatchObject({
      status: 'REPORTED',
      open: true,
      severity: 'MAJOR',
      escalatedAt: null,
      system: { name: '福祉総合システム' },
      viewerMayManage: true,
      viewerMayConfirm: false,
    });
    expect(incident.number).toBe(expected);
    expect(incident.ruleIds).toEqual(expect.arrayContaining(['MNT-22-3', 'MNT-22-4']));
    expect(incident.updates.map((u) => [u.kind, u.status])).toEqual([['REPORT', 'REPORTED']]);

    const { units, heads } = await usingSections(welfare);
    expect(units.length).toBe(20);
    const rows = await noticeRows(incident.id, 'occurrence');
    expect(rows.map((r) => r.org_unit_id).sort()).toEqual(units);
    expect(rows.every((r) => r.sent_at !== null && r.recipient_staff_ids.length === 1)).toBe(true);
    expect(await notified(incident.id, 'incident.occurrence')).toEqual(heads);
    const mails = await t.q<{ recipient_id: string }>(
      `select recipient_id from mail_outbox where subject like '%【障害発生】福祉総合システム 帳票出力の障害%'`,
    );
    expect(mails.map((m) => m.recipient_id).sort()).toEqual(heads);
    // The five 区民課 are five sections, told apart by their 地区総合支所.
    expect(incident.notices.filter((n) => n.sectionName === '区民課').map((n) => n.sectionFullName)).toEqual(
      expect.arrayContaining(['芝地区総合支所 区民課', '麻布地区総合支所 区民課']),
    );
    expect(incident.notices.every((n) => n.kind === 'OCCURRENCE' && n.sentAt && n.ruleIds.includes('MNT-22-4'))).toBe(true);
    // Not escalated: residents are not affected.
    expect(await notified(incident.id, 'incident.escalation')).toEqual([]);
  });

  it('logs progress while recovering: ETA, cause, degraded operation', async () => {
    const r = await ok(
      gw.gql<{ updateIncident: Incident }>(
        UPDATE,
        {
          id: incident.id,
          i: { status: 'RECOVERING', recoveryEta: cal.iso(day, '17:00'), cause: '帳票サーバのディスク容量不足', note: '保守業務受託者が対応中' },
        },
        { token: admin },
      ),
      'updateIncident',
    );
    expect(r).toMatchObject({ status: 'RECOVERING', cause: '帳票サーバのディスク容量不足', recoveryEta: cal.at(day, '17:00').toISOString() });
    expect(r.updates.map((u) => [u.kind, u.status, u.note])).toEqual([
      ['REPORT', 'REPORTED', '重大（業務に支障）'],
      ['UPDATE', 'RECOVERING', '保守業務受託者が対応中'],
    ]);
  });

  it('refuses the analysis and the confirmation before the resolution', async () => {
    const analysis = await gw.gql(
      ANALYSE,
      { id: incident.id, i: { analysis: '容量監視の閾値が不適切', preventiveMeasures: '監視の閾値を見直す' } },
      { token: admin },
    );
    expect(code(analysis)).toBe('CONFLICT');
    const confirm = await gw.gql(CONFIRM, { id: incident.id }, { token: chief.token });
    expect(confirm.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', ruleIds: ['MNT-22-3'] });
    expect((await load(admin, incident.id)).status).toBe('RECOVERING');
  });

  it('records the resolution and sends the notice of resolution to every using section', async () => {
    gw.setNow(cal.at(day, '16:00'));
    const r = await ok(
      gw.gql<{ resolveIncident: Incident }>(RESOLVE, { id: incident.id, i: { resolvedAt: cal.iso(day, '15:40') } }, { token: admin }),
      'resolveIncident',
    );
    expect(r).toMatchObject({ status: 'RESOLVED', open: false, resolvedAt: cal.at(day, '15:40').toISOString() });
    const { units, heads } = await usingSections(welfare);
    expect((await noticeRows(incident.id, 'resolution')).map((n) => n.org_unit_id).sort()).toEqual(units);
    expect(await notified(incident.id, 'incident.resolution')).toEqual(heads);
    expect(r.notices.filter((n) => n.kind === 'RESOLUTION')).toHaveLength(units.length);
    expect(r.notices.map((n) => n.kind).indexOf('RESOLUTION')).toBe(units.length); // occurrence first, then resolution
    // Updates after the resolution are refused.
    expect(code(await gw.gql(UPDATE, { id: incident.id, i: { note: '追記' } }, { token: admin }))).toBe('CONFLICT');
  });

  it('confirms only after the analysis, and not by the person who recorded the resolution (MNT-22-3)', async () => {
    const early = await gw.gql(CONFIRM, { id: incident.id }, { token: chief.token });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(early.errors![0]!.extensions!.messageJa).toContain('事後の分析');
    const bad = await gw.gql(ANALYSE, { id: incident.id, i: { analysis: '原因はディスク容量不足', preventiveMeasures: ' ' } }, { token: admin });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'preventiveMeasures'], code: 'REQUIRED' }] });
    const analysed = await ok(
      gw.gql<{ recordIncidentAnalysis: Incident }>(
        ANALYSE,
        {
          id: incident.id,
          i: { analysis: 'ログの肥大化によりディスク容量が不足した。', preventiveMeasures: 'ログのローテーション設定と容量監視を追加する。' },
        },
        { token: admin },
      ),
      'recordIncidentAnalysis',
    );
    expect(analysed).toMatchObject({ status: 'RESOLVED', preventiveMeasures: 'ログのローテーション設定と容量監視を追加する。', viewerMayConfirm: false });
    const self = await gw.gql(CONFIRM, { id: incident.id }, { token: admin });
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['MNT-22-3'] });
    expect((await load(chief.token, incident.id)).viewerMayConfirm).toBe(true);
    const done = await ok(gw.gql<{ confirmIncidentResolution: Incident }>(CONFIRM, { id: incident.id }, { token: chief.token }), 'confirmIncidentResolution');
    expect(done).toMatchObject({ status: 'CONFIRMED', open: false });
    expect(done.confirmedAt).toBeTruthy();
    expect(done.updates.map((u) => u.kind)).toEqual(['REPORT', 'UPDATE', 'RESOLUTION', 'ANALYSIS', 'CONFIRMATION']);
    const audit = await t.q<{ action: string; rule_ids: string[] }>(
      `select action, rule_ids from audit_event where target_type = 'incident' and target_id = $1 order by seq`,
      [incident.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'incident.report',
      'incident.notice.occurrence',
      'incident.update',
      'incident.resolve',
      'incident.notice.resolution',
      'incident.analysis',
      'incident.confirm',
    ]);
    expect(audit.at(-1)!.rule_ids).toContain('MNT-22-3');
    expect(code(await gw.gql(CONFIRM, { id: incident.id }, { token: chief.token }))).toBe('CONFLICT');
    expect(code(await gw.gql(ANALYSE, { id: incident.id, i: { analysis: '差替え', preventiveMeasures: '差替え' } }, { token: chief.token }))).toBe('CONFLICT');
  });

  it('prints the record on the 障害等対応連絡票 (第8号様式, MNT-22-3): occurrence, log, resolution, analysis and confirmation', async () => {
    const q = `query($id: ID!) { incident(id: $id) { number reportedAt confirmedAt reportedBy { displayName } paperForms { number formNumber title article }
      paperFormFile(number: 8) { fileName mimeType base64 } } }`;
    const res = await gw.gql<{
      incident: {
        number: string;
        reportedAt: string;
        confirmedAt: string;
        reportedBy: { displayName: string };
        paperForms: { number: number; formNumber: string; title: string; article: string }[];
        paperFormFile: { fileName: string; mimeType: string; base64: string };
      };
    }>(q, { id: incident.id }, { token: chief.token });
    expect(res.errors).toBeUndefined();
    const i = res.data!.incident;
    expect(i.paperForms).toEqual([{ number: 8, formNumber: '第8号様式', title: '福祉総合システム障害等対応連絡票', article: '第22条関係' }]);
    expect(i.paperFormFile.fileName).toBe(`第8号様式_福祉総合システム障害等対応連絡票_${i.number}.pdf`);
    const text = (await pdfPages(Buffer.from(i.paperFormFile.base64, 'base64'))).join('\n');
    const at = (d: string | Date) => formatWarekiDateTime(d, { withWestern: true });
    expectInOrder(text, [
      '第8号様式（第22条関係）',
      formatWareki(i.reportedAt),
      i.number,
      '福祉総合システム障害等対応連絡票',
      '保健福祉課長　様',
      '報告者',
      `氏名　${i.reportedBy.displayName}`,
      '第22条第3項',
      'システム',
      '福祉総合システム',
      '件名',
      '帳票出力の障害',
      '発生日時',
      at(cal.at(day, '09:15')),
      '障害等の内容',
      '介護保険の決定通知書が出力できない。',
      '縮退運転の内容',
      '帳票出力を停止し、照会業務のみで運用',
      '原因',
      '帳票サーバのディスク容量不足',
      '解消日時',
      at(cal.at(day, '15:40')),
      '原因の調査及び分析',
      'ログの肥大化によりディスク容量が不足した。',
      '再発防止策',
      'ログのローテーション設定と容量監視を追加する。',
      '対応経過',
      '発生の報告',
      '経過',
      '保守業務受託者が対応中',
      '解消',
      '解消の確認',
      '決裁欄',
      `報告者（発生の報告）　報告　${i.reportedBy.displayName}`,
      `保健福祉課長（解消の確認）　確認　${chief.name}　${formatWareki(i.confirmedAt, { withWestern: true })}`,
      '福祉総合システム運用要領 第8号様式',
      'MNT-22-3, MNT-22-4',
    ]);
  });

  it('lists incidents by filter and the open ones', async () => {
    gw.setNow(cal.at(nextDay, '09:00'));
    // The administrator's session of the day before is over (8 hours): they sign in again.
    admin = await gw.signIn('minato', 'admin');
    const expected = await nextNumber('minato', nextDay);
    const open = await report(admin, {
      systemId: welfare,
      title: '照会画面の応答遅延（検索）',
      description: '照会に30秒以上かかる。',
      occurredAt: cal.iso(nextDay, '08:30'),
      severity: 'MINOR',
      residentsAffected: false,
    });
    expect(open.number).toBe(expected);
    type N = { number: string; open: boolean; status: string }[];
    const r = await gw.gql<{ a: N; b: N; c: N; d: N }>(
      `query($y: ID!, $from: DateTimeISO) { a: openIncidents { number open status } b: incidents(filter: { systemId: $y, status: [CONFIRMED] }) { number open status }
        c: incidents(filter: { openOnly: true }) { number open status } d: incidents(filter: { from: $from }) { number open status } }`,
      { y: welfare, from: cal.iso(nextDay, '00:00') },
      { token: await gw.signIn('minato', 'staff1') },
    );
    expect(r.errors).toBeUndefined();
    const numbers = (l: N) => l.map((x) => x.number);
    expect(numbers(r.data!.a)).toContain(open.number);
    expect(numbers(r.data!.a)).not.toContain(incident.number);
    expect(r.data!.a.every((x) => x.open && ['REPORTED', 'RECOVERING'].includes(x.status))).toBe(true);
    expect(numbers(r.data!.c)).toEqual(numbers(r.data!.a));
    expect(numbers(r.data!.b)).toEqual([incident.number]);
    expect(numbers(r.data!.d)).toContain(open.number);
    expect(numbers(r.data!.d)).not.toContain(incident.number);
  });
});

describe('escalation when residents are affected', () => {
  it('Kawasaki 区役所事務サービスシステム: the 市民文化局長 is told (KWO-10-1-2)', async () => {
    gw.setNow(cal.at(day, '10:00'));
    const manager = await t.holder('kawasaki', 'kaw.shimin.seikatsu.koseki.chief'); // システム管理責任者 and 情報資産管理責任者
    const director = await t.staffOf('kaw.shimin.director');
    const ward = await t.systemId('kwo.ward-office');
    const i = await report(manager.token, {
      systemId: ward,
      title: '住民票の写しの交付停止',
      description: '全区で証明書発行端末が利用できない。',
      occurredAt: cal.iso(day, '09:00'),
      severity: 'CRITICAL',
      residentsAffected: true,
      degradedOperation: '窓口で受付のみ行い、後日交付',
    });
    expect(i.escalatedAt).toBeTruthy();
    expect(i.ruleIds).toContain('KWO-10-1-2');
    // The reporter is the 情報資産管理責任者 themself: only the 市民文化局長 is told.
    expect(await notified(i.id, 'incident.escalation')).toEqual([director]);
    const note = (
      await t.q<{ rule_ids: string[]; subject: string }>(`select rule_ids, subject from notification where target_id = $1 and kind = 'incident.escalation'`, [
        i.id,
      ])
    )[0]!;
    expect(note.rule_ids).toEqual(['KWO-10-1-2']);
    expect(note.subject).toContain('市民への影響あり');
    expect(i.updates.map((u) => u.kind)).toEqual(['REPORT', 'ESCALATION']);
    expect(i.updates[1]!.note).toContain('市民文化局長');
    const { heads } = await usingSections(ward);
    expect(await notified(i.id, 'incident.occurrence')).toEqual(heads);
  });

  it('Minato: the 保健福祉課長 consults the 情報政策課長 (MNT-22-2)', async () => {
    const admin = await gw.signIn('minato', 'admin');
    const policy = await t.staffOf('mnt.kikaku.joho.chief');
    const i = await report(admin, {
      systemId: await t.systemId('mnt.welfare'),
      title: '給付データの誤計算',
      description: '児童手当の支給額が誤って計算された。',
      occurredAt: cal.iso(day, '08:00'),
      severity: 'MAJOR',
      residentsAffected: true,
    });
    expect(await notified(i.id, 'incident.escalation')).toEqual([policy]);
    expect(i.updates.find((u) => u.kind === 'ESCALATION')!.ruleIds).toEqual(['MNT-22-2']);
  });
});

describe('the contact network of the incident’s system', () => {
  it('shows the network with its missing-decider flag to those who may see it (KWW-9-2, KTM-14-4 standard)', async () => {
    const admin = await gw.signIn('arakawa', 'admin'); // registry administrator: may record incidents
    const chief = await gw.signIn('arakawa', 'chief'); // デジタル推進課長: owns the emergency-contacts asset
    const tax = await t.systemId('ark.sys.tax');
    const i = await report(admin, {
      systemId: tax,
      title: '課税計算バッチの異常終了',
      description: '夜間バッチが異常終了した。',
      occurredAt: cal.iso(day, '02:00'),
      severity: 'MAJOR',
      residentsAffected: false,
    });
    const q = 'query($id: ID!) { incident(id: $id) { contactNetworkRuleIds contactNetworks { name missingDecider members { duty canDecide } } } }';
    const seen = await gw.gql<{ incident: { contactNetworkRuleIds: string[]; contactNetworks: { name: string; missingDecider: boolean }[] } }>(
      q,
      { id: i.id },
      { token: chief },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.incident.contactNetworks.map((n) => [n.name, n.missingDecider])).toEqual([['税務システム緊急時連絡網', true]]);
    expect(seen.data!.incident.contactNetworkRuleIds).toEqual(['ARK-28-1']);
    const staff = await gw.gql<{ incident: { contactNetworks: unknown[] } }>(q, { id: i.id }, { token: await gw.signIn('arakawa', 'staff1') });
    expect(staff.data!.incident.contactNetworks).toEqual([]);
    // Kitami's network names deciders (KTM-14-4).
    const kitamiChief = await gw.signIn('kitami', 'chief');
    const k = await report(kitamiChief, {
      systemId: await t.systemId('ktm.counter'),
      title: '受付番号発券機の故障',
      description: '発券機が停止した。',
      occurredAt: cal.iso(day, '09:40'),
      severity: 'MINOR',
      residentsAffected: false,
    });
    const kq = await gw.gql<{ incident: { contactNetworks: { name: string; missingDecider: boolean }[] } }>(
      q,
      { id: k.id },
      { token: (await t.holder('kitami', 'ktm.shimin.director')).token },
    );
    expect(kq.data!.incident.contactNetworks.map((n) => [n.name, n.missingDecider])).toEqual([['窓口支援システム緊急連絡体制', false]]);
  });
});

describe('refusals change nothing', () => {
  it('refuses staff who do not administer the system, tokens, and bad input (with field paths)', async () => {
    const counter = await t.systemId('ktm.counter');
    const input = { systemId: counter, title: '障害', description: '内容', occurredAt: cal.iso(day, '09:00'), severity: 'MINOR', residentsAffected: true };
    const before = await counts();
    const staff = await gw.gql(REPORT, { i: input }, { token: await gw.signIn('kitami', 'staff1') });
    expect(staff.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-14-1', 'KTM-3-6']) });
    const admin = await gw.signIn('kitami', 'admin');
    const token = (
      await gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "監視", scopes: ["registry:read"] }) { token } }',
        {},
        { token: admin },
      )
    ).data!.createApiToken.token;
    expect(code(await gw.gql(REPORT, { i: input }, { token }))).toBe('FORBIDDEN');
    const chief = await gw.signIn('kitami', 'chief');
    const bad = await gw.gql(
      REPORT,
      { i: { ...input, title: ' ', occurredAt: cal.iso(day, '09:00'), detectedAt: cal.iso(day, '08:00'), recoveryEta: cal.iso(day, '08:30') } },
      { token: chief },
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0]!.extensions!.fieldErrors as { path: string[] }[]).map((e) => e.path.join('.'))).toEqual([
      'input.title',
      'input.detectedAt',
      'input.recoveryEta',
    ]);
    const future = await gw.gql(REPORT, { i: { ...input, occurredAt: cal.iso(nextDay, '09:00') } }, { token: chief });
    expect((future.errors![0]!.extensions!.fieldErrors as { path: string[] }[]).map((e) => e.path.join('.'))).toEqual(['input.occurredAt']);
    expect(await counts()).toEqual(before);
    // The numbering did not move: the next report takes the next number.
    const next = await report(chief, { ...input, residentsAffected: false });
    const kitami = (
      await t.q<{ n: string }>(`select count(*) as n from incident where municipality_id = (select id from municipality where code = 'kitami')`)
    )[0]!.n;
    // INC-R{the 令和 year of the fiscal year}-{four digits}: Kitami's demo has no incidents of its own.
    expect(next.number).toBe(`INC-R${warekiYear(fiscalYearStart(fiscalYearOf(day))).year}-${String(Number(kitami)).padStart(4, '0')}`);
    const updateStatus = await gw.gql(UPDATE, { id: next.id, i: { status: 'RESOLVED' } }, { token: chief });
    expect(updateStatus.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'status'] }] });
    const empty = await gw.gql(UPDATE, { id: next.id, i: {} }, { token: chief });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input'] }] });
    const byStaff = await gw.gql(UPDATE, { id: next.id, i: { note: '確認中' } }, { token: await gw.signIn('kitami', 'staff1') });
    expect(code(byStaff)).toBe('FORBIDDEN');
    expect((await load(admin, next.id)).updates).toHaveLength(1);
  });
});

describe('concurrent decisions on one incident', () => {
  it('two administrators resolving at once: one resolution, one notice round, the other gets CONFLICT', async () => {
    const chief = await gw.signIn('kitami', 'chief');
    const director = (await t.holder('kitami', 'ktm.shimin.director')).token;
    const counter = await t.systemId('ktm.counter');
    const i = await report(chief, {
      systemId: counter,
      title: '証明書発行の遅延',
      description: '発行に時間がかかる。',
      occurredAt: cal.iso(day, '09:50'),
      severity: 'MINOR',
      residentsAffected: false,
    });
    const results = await Promise.all([chief, director].map((token) => gw.gql(RESOLVE, { id: i.id, i: {} }, { token })));
    expect(results.map(code).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(['CONFLICT', undefined]);
    const { units } = await usingSections(counter);
    expect((await noticeRows(i.id, 'resolution')).length).toBe(units.length);
    expect((await t.q(`select 1 from audit_event where target_id = $1 and action = 'incident.resolve'`, [i.id])).length).toBe(1);

    // The one who did not resolve records the analysis and confirms; a double submission confirms once.
    const resolver = (await t.q<{ resolved_by_id: string }>('select resolved_by_id from incident where id = $1', [i.id]))[0]!.resolved_by_id;
    const other = resolver === (await t.staffOf('ktm.shimin.director')) ? chief : director;
    await ok(
      gw.gql<{ recordIncidentAnalysis: Incident }>(
        ANALYSE,
        { id: i.id, i: { analysis: '証明書サーバの一時的な高負荷', preventiveMeasures: '負荷監視を追加' } },
        { token: other },
      ),
      'recordIncidentAnalysis',
    );
    const registryAdmin = await gw.gql(CONFIRM, { id: i.id }, { token: await gw.signIn('kitami', 'admin') });
    expect(registryAdmin.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-3-3-4']) });
    const confirms = await Promise.all([1, 2].map(() => gw.gql(CONFIRM, { id: i.id }, { token: other })));
    expect(confirms.map(code).sort((a, b) => String(a).localeCompare(String(b)))).toEqual(['CONFLICT', undefined]);
    expect((await t.q(`select 1 from audit_event where target_id = $1 and action = 'incident.confirm'`, [i.id])).length).toBe(1);
    expect((await t.q<{ status: string }>('select status from incident where id = $1', [i.id]))[0]!.status).toBe('confirmed');
  });
});
