// Demo incidents and maintenance windows, so that the admin dashboard has something to show: for Minato's 福祉総合システム
// one resolved incident (analysed, awaiting the 保健福祉課長's confirmation, MNT-22-3) and one open incident
// in degraded operation, each with its continuation notices to every using section (MNT-22-4); for
// Kitami's 窓口支援システム a maintenance stop announced for a night next month (KTM-15-2).
//
// Dates are relative to the day the demo is loaded. Rows are created once (an existing row is left as
// it is, so what an administrator did since wins). No notifications or e-mails are created: the demo
// inboxes stay as they are.
import type pg from 'pg';
import { incidentNumber, localDateAt, toJapaneseFiscalYear, zonedInstant } from '@tsukasa/domain';
import type { MunicipalitySeed } from '@tsukasa/seed';

import { holderOf, insertOnce, type Row } from './seed-helpers.ts';

/** The head positions (and their current holders) of a system's using sections. */
function sectionHeads(m: MunicipalitySeed, systemKey: string): { orgUnitKey: string; positionKey: string | null; staffKey: string | null }[] {
  const system = m.systems.find((s) => s.key === systemKey);
  return (system?.usingOrgUnitKeys ?? []).map((unit) => {
    const head = m.positions.find((p) => p.orgUnitKey === unit && p.kind === 'head' && holderOf(m, p.key));
    return { orgUnitKey: unit, positionKey: head?.key ?? null, staffKey: head ? holderOf(m, head.key)! : null };
  });
}

const TZ = 'Asia/Tokyo';
/** YYYY-MM-DD shifted by whole days. */
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, time: string) => zonedInstant(date, time, TZ);

export async function seedIncidents(
  client: pg.ClientBase,
  m: MunicipalitySeed,
  id: (key: string) => string,
  mid: string,
  now: Date = new Date(),
): Promise<void> {
  const today = localDateAt(now, TZ);
  if (m.code === 'minato') await seedMinato(client, m, id, mid, today, now);
  if (m.code === 'kitami') await seedKitami(client, m, id, mid, today, now);
}

async function seedMinato(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string, today: string, now: Date): Promise<void> {
  const coordinator = holderOf(m, 'mnt.hoken.fukushi.kanri.coordinator');
  const system = m.systems.find((s) => s.key === 'mnt.welfare');
  if (!coordinator || !system) return;
  const by = id(coordinator);
  const chief = holderOf(m, 'mnt.hoken.fukushi.chief');
  const onBehalfOf = chief ? id(chief) : null; // the システム総括担当者 acts for the 保健福祉課長 (MNT-6-4)
  const resolvedDay = addDays(today, -12);
  const resolved = {
    key: 'mnt.incident.demo.resolved',
    occurred: at(resolvedDay, '09:10'),
    detected: at(resolvedDay, '09:25'),
    reported: at(resolvedDay, '09:40'),
    resolvedAt: at(resolvedDay, '14:30'),
    analysedAt: at(addDays(resolvedDay, 2), '16:00'),
  };
  const open = {
    key: 'mnt.incident.demo.open',
    occurred: new Date(now.getTime() - 2 * 3600_000),
    reported: new Date(now.getTime() - 100 * 60_000),
    eta: new Date(now.getTime() + 4 * 3600_000),
  };
  const fyResolved = toJapaneseFiscalYear(resolved.occurred, { timeZone: TZ });
  const fyOpen = toJapaneseFiscalYear(open.reported, { timeZone: TZ });
  // Numbers: the two demo incidents are the first of their fiscal years (the counter never goes back).
  const numbers =
    fyResolved === fyOpen ? [incidentNumber(fyResolved, 1), incidentNumber(fyOpen, 2)] : [incidentNumber(fyResolved, 1), incidentNumber(fyOpen, 1)];
  const base = { municipality_id: mid, system_id: id(system.key), reported_by_id: by, reported_on_behalf_of_id: onBehalfOf, version: 1 };
  await insertOnce(client, 'incident', [
    {
      ...base,
      id: id(resolved.key),
      fiscal_year: fyResolved,
      number: numbers[0],
      title: '帳票出力の障害（介護保険決定通知書）',
      description: '介護保険の決定通知書の一括出力がエラーとなり、帳票が出力できない。照会・入力業務は利用可能。',
      occurred_at: resolved.occurred,
      detected_at: resolved.detected,
      reported_at: resolved.reported,
      severity: 'major',
      residents_affected: false,
      degraded_operation: '一括出力を停止し、個別出力で対応',
      status: 'resolved',
      cause: '帳票サーバのディスク容量不足（ログファイルの肥大化）',
      recovery_eta: at(resolvedDay, '15:00'),
      resolved_at: resolved.resolvedAt,
      resolved_by_id: by,
      resolution_recorded_at: resolved.resolvedAt,
      analysis:
        '帳票サーバのアプリケーションログがローテーションされず、ディスク容量を使い切ったため一括出力が異常終了した。保守業務受託者の調査報告（第8号様式）による。',
      preventive_measures:
        'ログのローテーション設定を追加し、ディスク使用率80%で保守業務受託者と保健福祉課へ通知する監視を設定する。定例報告会で報告する（MNT-9-1-4）。',
      analysis_by_id: by,
      analysis_recorded_at: resolved.analysedAt,
      rule_ids: ['MNT-22-1', 'MNT-22-3', 'MNT-22-4', 'MNT-4-1-10'],
    },
    {
      ...base,
      id: id(open.key),
      fiscal_year: fyOpen,
      number: numbers[1],
      title: '照会画面の応答遅延',
      description: '福祉総合システムの照会画面で、検索結果の表示に30秒以上かかる。窓口での案内に支障が出ている。',
      occurred_at: open.occurred,
      detected_at: open.occurred,
      reported_at: open.reported,
      severity: 'minor',
      residents_affected: false,
      degraded_operation: '複合条件検索を停止し、宛名番号による検索のみで運用',
      status: 'recovering',
      cause: null,
      recovery_eta: open.eta,
      rule_ids: ['MNT-22-1', 'MNT-22-3', 'MNT-22-4', 'MNT-4-1-10'],
    },
  ]);
  await client.query(
    `insert into incident_counter as c (municipality_id, fiscal_year, last) select $1, fy, n from unnest($2::int[], $3::int[]) as x(fy, n)
     on conflict (municipality_id, fiscal_year) do update set last = excluded.last where c.last < excluded.last`,
    [mid, fyResolved === fyOpen ? [fyResolved] : [fyResolved, fyOpen], fyResolved === fyOpen ? [2] : [1, 1]],
  );
  const log = (incidentKey: string, seq: number, row: Row) => ({
    id: id(`${incidentKey}.log.${seq}`),
    municipality_id: mid,
    incident_id: id(incidentKey),
    seq,
    by_id: by,
    on_behalf_of_id: onBehalfOf,
    ...row,
  });
  await insertOnce(client, 'incident_update', [
    log(resolved.key, 1, {
      at: resolved.reported,
      kind: 'report',
      status: 'reported',
      degraded_operation: '一括出力を停止し、個別出力で対応',
      note: '重大（業務に支障）',
      rule_ids: ['MNT-22-1', 'MNT-22-3'],
    }),
    log(resolved.key, 2, {
      at: at(resolvedDay, '11:00'),
      kind: 'update',
      status: 'recovering',
      recovery_eta: at(resolvedDay, '15:00'),
      cause: '帳票サーバのディスク容量不足（ログファイルの肥大化）',
      note: '保守業務受託者が不要ファイルを削除中',
      rule_ids: ['MNT-22-1'],
    }),
    log(resolved.key, 3, { at: resolved.resolvedAt, kind: 'resolution', status: 'resolved', rule_ids: ['MNT-22-1', 'MNT-22-3', 'MNT-22-4'] }),
    log(resolved.key, 4, { at: resolved.analysedAt, kind: 'analysis', status: 'resolved', note: '事後の分析及び再発防止策を記録', rule_ids: ['MNT-9-1-4'] }),
    log(open.key, 1, {
      at: open.reported,
      kind: 'report',
      status: 'reported',
      degraded_operation: '複合条件検索を停止し、宛名番号による検索のみで運用',
      note: '軽微（一部機能の障害）',
      rule_ids: ['MNT-22-1', 'MNT-22-3'],
    }),
    log(open.key, 2, {
      at: new Date(open.reported.getTime() + 40 * 60_000),
      kind: 'update',
      status: 'recovering',
      recovery_eta: open.eta,
      note: '保守業務受託者がデータベースの統計情報を確認中',
      rule_ids: ['MNT-22-1'],
    }),
  ]);
  const heads = sectionHeads(m, system.key);
  const notice = (incidentKey: string, kind: 'occurrence' | 'resolution', sentAt: Date) =>
    heads.map((h): Row => ({
      id: id(`${incidentKey}.notice.${kind}.${h.orgUnitKey}`),
      municipality_id: mid,
      incident_id: id(incidentKey),
      org_unit_id: id(h.orgUnitKey),
      kind,
      recipient_position_id: h.positionKey ? id(h.positionKey) : null,
      recipient_staff_ids: h.staffKey ? [id(h.staffKey)] : [],
      sent_at: h.staffKey ? sentAt : null,
      rule_ids: ['MNT-22-4'],
    }));
  await insertOnce(client, 'incident_notice', [
    ...notice(resolved.key, 'occurrence', resolved.reported),
    ...notice(resolved.key, 'resolution', resolved.resolvedAt),
    ...notice(open.key, 'occurrence', open.reported),
  ]);
}

/** The third Saturday of next month, 21:30 to Sunday 7:30: outside KTM-15-1's 8:00–21:00. */
function nextMonthNight(today: string): { from: Date; to: Date } {
  const [y, mo] = today.split('-').map(Number) as [number, number];
  const year = mo === 12 ? y + 1 : y;
  const month = mo === 12 ? 1 : mo + 1;
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  const saturday = addDays(first, ((6 - weekday + 7) % 7) + 14);
  return { from: at(saturday, '21:30'), to: at(addDays(saturday, 1), '07:30') };
}

async function seedKitami(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string, today: string, now: Date): Promise<void> {
  const deputy = holderOf(m, 'ktm.shimin.madoguchi.chief'); // 副統括管理者, acting for the 統括管理者 (KTM-3-6)
  const director = holderOf(m, 'ktm.shimin.director');
  const system = m.systems.find((s) => s.key === 'ktm.counter');
  if (!deputy || !system) return;
  const night = nextMonthNight(today);
  await insertOnce(client, 'maintenance_window', [
    {
      id: id('ktm.maintenance.demo.next-month'),
      municipality_id: mid,
      system_id: id(system.key),
      kind: 'closed',
      starts_at: night.from,
      ends_at: night.to,
      reason: 'サーバ機器の定期保守作業（OS・ミドルウェアの更新）',
      reason_en: 'Scheduled server maintenance (OS and middleware updates)',
      planned_by_id: id(deputy),
      planned_on_behalf_of_id: director ? id(director) : null,
      planned_at: now,
      announced_at: now,
      announced_by_id: id(deputy),
      rule_ids: ['KTM-15-2', 'KTM-3-6'],
      version: 2,
    },
  ]);
}
