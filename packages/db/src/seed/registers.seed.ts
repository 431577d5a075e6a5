// Demo entries of the registers (SPEC §6), so that the dashboard has something to show:
// Kawasaki — the check sheets of 川崎区役所 区民課 for the quarters of the past year, the latest one
// left undone (overdue, KWO-5-3), two form-ledger entries (one past its retention, KWO-5-2) and an
// open improvement request (KWO-3-3); Arakawa — documents of the 税務システム, its ARK-6-1 checklist
// complete and the 高齢者福祉システム's lacking one item, next month's plan of 税務課 (ARK-8-1);
// Minato — the design document of the 福祉総合システム. Every municipality — the settings of the
// duties of 実施記録 (how often each comes round: the municipality's choice, the articles set none)
// and a past record or two, so that one duty shows as due and another as overdue.
//
// Dates are relative to the day the demo is loaded. Rows are created once (an existing row is left as
// it is, so what staff recorded since wins). No notifications, mail or audit events are created.
import type pg from 'pg';
import {
  CONTRACT_CLAUSES,
  DUTY_DEFINITIONS,
  addMonths,
  addMonthsToDate,
  dutyDefinitionsFor,
  fiscalYearOf,
  localDateAt,
  monthOf,
  recentQuarters,
  type DutyKey,
  type RuleId,
} from '@tsukasa/domain';
import type { MunicipalitySeed } from '@tsukasa/seed';

import { holderOf, insertOnce } from './seed-helpers.ts';

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedRegisters(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string): Promise<void> {
  const now = new Date();
  const today = localDateAt(now);
  await seedDuties(client, m, id, mid, now, today);
  if (m.code === 'kawasaki') await seedKawasaki(client, m, id, mid, now, today);
  if (m.code === 'arakawa') await seedArakawa(client, m, id, mid, now, today);
  if (m.code === 'minato') {
    const chief = holderOf(m, 'mnt.hoken.fukushi.chief');
    if (!chief) return;
    await insertOnce(client, 'system_document_version', [
      {
        id: id('register.document.mnt.welfare.design.1'),
        municipality_id: mid,
        system_id: id('mnt.welfare'),
        kind: 'design',
        org_unit_id: null,
        title: '福祉総合システム 基本設計書',
        version_label: '第1版',
        note: '導入時の設計書',
        registered_at: now,
        registered_by_id: id(chief),
        on_behalf_of_id: null,
        rule_ids: ['MNT-4-1-2', 'MNT-21-1', 'MNT-13-9', 'MNT-21-2'],
      },
    ]);
  }
}

async function seedKawasaki(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string, now: Date, today: string): Promise<void> {
  const place = 'kaw.ward.kawasaki.kumin';
  const manager = holderOf(m, `${place}.chief`);
  const assetManager = holderOf(m, 'kaw.shimin.seikatsu.koseki.chief');
  if (!manager || !assetManager) return;
  // A rolling year: the two oldest quarters were checked in their last week; the last quarter ended was not (overdue).
  const [first, second] = recentQuarters(today, 4);
  await insertOnce(
    client,
    'inspection',
    [first!, second!].map((q, i) => ({
      id: id(`register.check-sheet.${place}.${q.fiscalYear}.${q.quarter}`),
      municipality_id: mid,
      kind: 'check_sheet',
      rulebook_id: 'KWO',
      org_unit_id: id(place),
      system_id: null,
      scope: `点検シート（第2号様式） ${q.fiscalYear}年度${q.label.ja}`,
      conducted_on: shift(q.to, -3),
      fiscal_year: q.fiscalYear,
      quarter: q.quarter,
      result: i === 0 ? 'satisfactory' : 'needs_improvement',
      summary: i === 0 ? null : '窓口端末の離席時ロック漏れ2件。係内で手順を再周知した。',
      recorded_by_id: id(manager),
      on_behalf_of_id: null,
      recorded_at: now,
      rule_ids: ['KWO-5-3'],
    })),
  );
  const fy = fiscalYearOf(today);
  await insertOnce(client, 'form_ledger_entry', [
    {
      id: id(`register.ledger.${place}.juminhyo.${fy - 2}`),
      municipality_id: mid,
      org_unit_id: id(place),
      form_name: `住民票の写し等交付請求書（${fy - 2}年度分）`,
      information: '請求者の氏名・住所・請求事由、対象者の氏名',
      storage_place: '区民課 書庫A（施錠）',
      created_on: `${fy - 2}-04-01`,
      retention_years: 1,
      recorded_by_id: id(manager),
      recorded_at: now,
      rule_ids: ['KWO-5-2'],
    },
    {
      id: id(`register.ledger.${place}.inkan.${fy}`),
      municipality_id: mid,
      org_unit_id: id(place),
      form_name: `印鑑登録申請書（${fy}年度分）`,
      information: '申請者の氏名・住所・生年月日、登録印影',
      storage_place: '区民課 書庫B（施錠）',
      created_on: `${fy}-04-01`,
      retention_years: 5,
      recorded_by_id: id(manager),
      recorded_at: now,
      rule_ids: ['KWO-5-2'],
    },
  ]);
  await insertOnce(client, 'finding', [
    {
      id: id(`register.finding.${place}.hardcopy`),
      municipality_id: mid,
      rulebook_id: 'KWO',
      source: 'improvement_request',
      inspection_id: null,
      system_id: id('kwo.ward-office'),
      addressee_position_id: id(`${place}.chief`),
      title: '業務上不要な画面ハードコピーの廃棄',
      detail: '窓口端末付近で業務上不要な画面のハードコピーが保管されていた（KWO-8-1-1）。廃棄と再発防止策を求める。',
      due_on: shift(today, 14),
      status: 'open',
      raised_by_id: id(assetManager),
      raised_on_behalf_of_id: null,
      raised_at: now,
      rule_ids: ['KWO-3-3'],
      version: 1,
    },
  ]);
}

async function seedArakawa(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string, now: Date, today: string): Promise<void> {
  const digital = holderOf(m, 'ark.kanri.digital.chief');
  const zeimu = holderOf(m, 'ark.kumin.zeimu.chief');
  if (!digital || !zeimu) return;
  const tax = id('ark.sys.tax');
  const documents: { key: string; title: string; version: string; rules: RuleId[] }[] = [
    { key: 'design', title: '税務システム 基本設計書', version: 'v5.2', rules: ['ARK-5-1', 'ARK-5-2'] },
    { key: 'manual', title: '税務システム プログラム説明書', version: 'v5.2', rules: ['ARK-5-1', 'ARK-5-2'] },
  ];
  await insertOnce(
    client,
    'system_document_version',
    documents.map((d) => ({
      id: id(`register.document.ark.tax.${d.key}.${d.version}`),
      municipality_id: mid,
      system_id: tax,
      kind: d.key,
      org_unit_id: null,
      title: d.title,
      version_label: d.version,
      note: null,
      registered_at: now,
      registered_by_id: id(digital),
      on_behalf_of_id: null,
      rule_ids: d.rules,
    })),
  );
  // ARK-6-1: the 税務システム's contract states every item; the 高齢者福祉システム's lacks item 10.
  await insertOnce(client, 'contract_clause_check', [
    ...CONTRACT_CLAUSES.map((c) => ({
      system_id: tax,
      clause_rule_id: c.ruleId,
      municipality_id: mid,
      checked: true,
      note: `委託契約書 第${c.number + 2}条`,
      recorded_by_id: id(digital),
      recorded_at: now,
    })),
    ...CONTRACT_CLAUSES.slice(0, 9).map((c) => ({
      system_id: id('ark.sys.elderly-welfare'),
      clause_rule_id: c.ruleId,
      municipality_id: mid,
      checked: true,
      note: null,
      recorded_by_id: id(digital),
      recorded_at: now,
    })),
  ]);
  // ARK-8-1: 税務課 has reported next month's plan for the 税務システム.
  const month = addMonths(monthOf(today), 1);
  const planId = id(`register.plan.ark.tax.zeimu.${month}`);
  await insertOnce(client, 'processing_plan', [
    {
      id: planId,
      municipality_id: mid,
      system_id: tax,
      org_unit_id: id('ark.kumin.zeimu'),
      month,
      submitted_at: now,
      submitted_by_id: id(zeimu),
      on_behalf_of_id: null,
      rule_ids: ['ARK-8-1'],
    },
  ]);
  await insertOnce(
    client,
    'processing_plan_item',
    [
      { job: '住民税 月次異動処理', day: 10, time: '18:00', input: '異動連絡票' },
      { job: '納税通知書 再発行分の出力', day: 20, time: null, input: '' },
    ].map((j, i) => ({
      id: id(`register.plan.ark.tax.zeimu.${month}#${i}`),
      municipality_id: mid,
      plan_id: planId,
      seq: i + 1,
      job: j.job,
      scheduled_on: `${month}-${String(j.day).padStart(2, '0')}`,
      scheduled_time: j.time,
      input_data: j.input,
    })),
  );
}

/** The demo municipalities' settings: every so many months (after an audit, for ARK-30-1). */
const DUTY_MONTHS: Record<DutyKey, number> = {
  ktm_maintenance_contact_network: 12,
  ark_emergency_manual_review: 12,
  ark_policy_review: 6,
  ark_security_training: 12,
  mnt_media_locked_storage: 6,
  mnt_user_training: 12,
  kwo_form_output_check: 3,
};

/** Past records: done `monthsAgo` months (and `daysAgo` days) before the demo is loaded, by the holder of `by`. */
const DUTY_RECORDS: { key: DutyKey; by: string; monthsAgo: number; daysAgo: number; note: string; evidence: string }[] = [
  // Overdue: 13 months ago, every 12 months.
  {
    key: 'ktm_maintenance_contact_network',
    by: 'ktm.shimin.director',
    monthsAgo: 13,
    daysAgo: 0,
    note: '保守事業者の窓口担当・夜間連絡先を確認し、連絡体制表を更新した。',
    evidence: '窓口支援システム保守連絡体制表（第3版）',
  },
  // Due within the month: 11 months and 10 days ago, every 12 months.
  {
    key: 'ark_security_training',
    by: 'ark.kanri.director',
    monthsAgo: 11,
    daysAgo: 10,
    note: '全職員向け情報セキュリティ研修（eラーニング）を実施した。受講率96%。',
    evidence: '研修実施報告書・受講者名簿',
  },
  {
    key: 'mnt_user_training',
    by: 'mnt.hoken.fukushi.chief',
    monthsAgo: 4,
    daysAgo: 0,
    note: '福祉総合システムの共通機能・データ保護に関する新任者研修を実施した。',
    evidence: '研修資料・出席簿',
  },
  // Overdue: 7 months ago, every 6 months.
  {
    key: 'mnt_media_locked_storage',
    by: 'mnt.hoken.fukushi.chief',
    monthsAgo: 7,
    daysAgo: 0,
    note: '外部記録媒体（USBメモリ4本）が施錠保管庫にあり、施錠されていることを確認した。',
    evidence: '媒体管理簿',
  },
  // Due within the month: 2 months and 10 days ago, every 3 months.
  {
    key: 'kwo_form_output_check',
    by: 'kaw.ward.kawasaki.kumin.chief',
    monthsAgo: 2,
    daysAgo: 10,
    note: '当期の帳票出力がすべて請求書・申請書・届書等によるものであることを確認した。',
    evidence: '帳票出力記録（点検済印）',
  },
];

async function seedDuties(client: pg.ClientBase, m: MunicipalitySeed, id: (key: string) => string, mid: string, now: Date, today: string): Promise<void> {
  const defs = dutyDefinitionsFor(m.rulebookIds);
  if (defs.length === 0) return;
  await insertOnce(
    client,
    'duty_setting',
    defs.map((d) => ({ duty_key: d.key, municipality_id: mid, months: DUTY_MONTHS[d.key], since: today })),
  );
  const records = DUTY_RECORDS.filter((r) => defs.some((d) => d.key === r.key)).flatMap((r) => {
    const holder = holderOf(m, r.by);
    const position = m.positions.find((p) => p.key === r.by);
    if (!holder || !position) return [];
    const def = DUTY_DEFINITIONS[r.key];
    const doneOn = shift(addMonthsToDate(today, -r.monthsAgo), -r.daysAgo);
    return [
      {
        id: id(`register.duty.${r.key}.${r.by}`),
        municipality_id: mid,
        duty_key: r.key,
        org_unit_id: def.perUnit ? id(position.orgUnitKey) : null,
        done_on: doneOn,
        note: r.note,
        evidence: r.evidence,
        next_due_on: def.trigger === 'periodic' ? addMonthsToDate(doneOn, DUTY_MONTHS[r.key]) : null,
        recorded_by_id: id(holder),
        on_behalf_of_id: null,
        recorded_at: now,
        rule_ids: def.ruleIds,
      },
    ];
  });
  await insertOnce(client, 'duty_record', records);
}
