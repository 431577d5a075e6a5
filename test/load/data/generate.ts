// The benchmark dataset: one large city and many small municipalities, generated from a seeded
// PRNG and loaded with COPY … FROM STDIN. Rows are shaped as the product writes them (the same
// tables, triggers fire: inbox entries, authz epochs, account change sequence), and the audit log
// is a valid hash chain (version 2, as append_audit_events() links it) that `npm run audit:verify`
// accepts (while a chain fits its memory; verify-chain.ts streams one of any length). Rule IDs in
// the data are the rulebooks' own (typed RuleId). Password hashes are the only values
// that differ between runs (argon2id salts them).
import pg from 'pg';
import { OWNER_ROLE, SCHEMA, hashPassword } from '@tsukasa/db';
import type { RuleId, RulebookId } from '@tsukasa/domain';
import { copyRows, type CopyResult, type Row } from './copy.ts';
import { AUTHORITY, auditChain, type ChainHead } from './audit-chain.ts';
import { Prng } from './prng.ts';
import type { BenchSizes } from './sizes.ts';

export const CITY_CODE = 'bench-city';
export const SMALL_CODE_PREFIX = 'bench-m';
export const BENCH_PASSWORD = 'demo-admin-pass';

export interface GenerateReport {
  /** Per table, in load order: rows and the time COPY took (generation included: it is streamed). */
  tables: CopyResult[];
  /** Time spent outside COPY: preparing rows, chain heads, VACUUM ANALYZE. */
  steps: { name: string; ms: number }[];
  totalMs: number;
  city: { id: string; code: string; admin: string; approver: string; approverPositionId: string };
  smallCodes: string[];
  /** False when the audit log was loaded without its per-row foreign-key triggers (as a superuser). */
  auditForeignKeyChecks: boolean;
}

// Rule IDs the generated rows carry, by what they record (ARK governs the large city).
const RULES: Record<'system' | 'account' | 'read' | 'asset' | 'modification' | 'introduction' | 'consultation', RuleId[]> & {
  smallModification: Partial<Record<RulebookId, RuleId[]>>;
} = {
  system: ['ARK-4-1'], // デジタル推進課長 manages the systems (ARK-4-1)
  account: ['ARK-10-1'], // operated only by those the using section chief approved (ARK-10-1)
  read: ['ARK-25-1'], // staff handling information assets keep the security policy (ARK-25-1)
  asset: ['ARK-26-2-2'],
  modification: ['ARK-12-1'],
  introduction: ['ARK-12-1'],
  consultation: ['ARK-14-1'],
  smallModification: { MNT: ['MNT-13-1'], KTM: ['KTM-13-1'], ARK: ['ARK-12-1'], KWW: ['KWW-6-1'] },
};
const SMALL_RULEBOOKS: RulebookId[] = ['MNT', 'KTM', 'ARK', 'KWW'];

const DEPARTMENTS = [
  '総務部',
  '企画部',
  '財政部',
  '区民部',
  '福祉部',
  '健康部',
  '子ども家庭部',
  '環境清掃部',
  '都市整備部',
  '土木部',
  '教育部',
  '会計管理部',
  '防災危機管理部',
  '産業経済部',
  '文化観光部',
  '地域振興部',
  '住宅部',
  '情報政策部',
  '保健所',
  '選挙管理委員会事務局',
  '監査事務局',
  '議会事務局',
  '生涯学習部',
  '国際交流部',
  '交通政策部',
];
const SECTION_STEMS = ['総務', '企画', '管理', '調整', '推進', '支援', '事業', '指導', '保険', '年金', '税務', '戸籍', '住民', '施設', '計画'];
const UNITS = ['庶務', '管理', '事業', '審査', '給付', '相談'];
const SURNAMES = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['井上', 'イノウエ'],
] as const;
const GIVEN = [
  ['翔太', 'ショウタ'],
  ['美咲', 'ミサキ'],
  ['大輔', 'ダイスケ'],
  ['陽子', 'ヨウコ'],
  ['健一', 'ケンイチ'],
  ['直美', 'ナオミ'],
  ['拓也', 'タクヤ'],
  ['由美', 'ユミ'],
  ['誠', 'マコト'],
  ['彩', 'アヤ'],
  ['隆', 'タカシ'],
  ['恵', 'メグミ'],
] as const;
const SYSTEM_NAMES = [
  '住民記録',
  '税務',
  '国民健康保険',
  '介護保険',
  '後期高齢者医療',
  '国民年金',
  '児童手当',
  '生活保護',
  '障害者福祉',
  '保育',
  '就学',
  '財務会計',
  '人事給与',
  '文書管理',
  '電子決裁',
  '施設予約',
  '図書館',
  '選挙',
  '固定資産税',
  '軽自動車税',
  '上下水道料金',
  '戸籍',
  '印鑑登録',
  '防災情報',
  '健診',
  '予防接種',
  '母子保健',
  '道路占用',
  '建築確認',
  'ごみ収集',
  '滞納整理',
  '公営住宅',
  '庁内LAN',
  'グループウェア',
  'ファイルサーバ',
  '統合宛名',
  '中間サーバ連携',
  'コンビニ交付',
  '窓口支援',
  '地図情報',
];
const DATA_ITEMS = [
  ['氏名', true, 1],
  ['生年月日', true, 2],
  ['性別', true, 3],
  ['住所', true, 7],
  ['電話番号', true, null],
  ['世帯番号', true, null],
  ['課税額', true, null],
  ['口座番号', true, null],
  ['処理日', false, null],
  ['担当者コード', false, null],
] as const;
const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
];

// Fixed instants: the data is the same whenever it is generated.
const T0 = Date.parse('2023-04-01T00:00:00.000Z');
const T1 = Date.parse('2026-11-01T00:00:00.000Z');
const CREATED = new Date('2026-04-01T00:00:00.000Z');
const day = 86_400_000;
const april = (year: number) => `${year}-04-01`;

interface Position {
  id: string;
  orgUnitId: string;
  sectionId: string;
  kind: 'head' | 'member';
}

const COLUMNS = {
  municipality: ['id', 'code', 'name', 'name_en', 'prefecture', 'time_zone', 'classification_scale', 'rulebook_ids', 'created_at'],
  org_unit: ['id', 'municipality_id', 'key', 'parent_id', 'name', 'name_en', 'level', 'sort_order'],
  position: ['id', 'municipality_id', 'key', 'org_unit_id', 'title', 'name', 'kind', 'sort_order'],
  staff: [
    'id',
    'municipality_id',
    'key',
    'family_name',
    'given_name',
    'family_name_kana',
    'given_name_kana',
    'employee_number',
    'email',
    'extension',
    'personal_phone',
    'username',
    'password_hash',
    'registry_admin',
    'failed_sign_ins',
    'locked_until',
    'created_at',
  ],
  position_tenure: ['id', 'municipality_id', 'staff_id', 'position_id', 'valid_from', 'valid_to'],
  contractor: ['id', 'municipality_id', 'key', 'name'],
  contractor_person: ['id', 'municipality_id', 'contractor_id', 'key', 'name', 'email', 'phone'],
  system: [
    'id',
    'municipality_id',
    'key',
    'name',
    'business_content',
    'managing_org_unit_id',
    'management_type',
    'lifecycle_status',
    'rulebook_id',
    'contractor_id',
    'version',
    'created_at',
    'updated_at',
  ],
  system_using_org_unit: ['system_id', 'org_unit_id', 'municipality_id', 'sort_order'],
  information_asset: [
    'id',
    'municipality_id',
    'key',
    'name',
    'business',
    'confidentiality',
    'integrity',
    'availability',
    'rule_ids',
    'version',
    'created_at',
    'updated_at',
    'kind',
  ],
  information_asset_owner: ['asset_id', 'position_id', 'municipality_id', 'sort_order'],
  information_asset_system: ['asset_id', 'system_id', 'municipality_id'],
  data_item: ['id', 'municipality_id', 'asset_id', 'name', 'basic_resident_item', 'personal', 'sort_order'],
  account: [
    'id',
    'municipality_id',
    'staff_id',
    'system_id',
    'authority_profile',
    'valid_from',
    'valid_to',
    'duty_position_id',
    'suspended_at',
    'suspension_reason',
    'ended_at',
    'end_reason',
    'rule_ids',
    'version',
    'created_at',
    'updated_at',
  ],
  request: [
    'id',
    'municipality_id',
    'number',
    'kind_key',
    'rulebook_id',
    'system_id',
    'requester_id',
    'status',
    'content',
    'route_notes',
    'rule_ids',
    'round',
    'filed_at',
    'decided_at',
    'version',
    'updated_at',
  ],
  request_step: [
    'id',
    'municipality_id',
    'request_id',
    'round',
    'seq',
    'stage',
    'key',
    'kind',
    'actor',
    'label_ja',
    'label_en',
    'rule_ids',
    'status',
    'actor_position_ids',
    'decision',
    'decided_by_id',
    'decided_at',
    'opened_at',
  ],
  audit_event: [
    'municipality_id',
    'seq',
    'occurred_at',
    'actor_staff_id',
    'actor_token_id',
    'on_behalf_of_staff_id',
    'action',
    'target_type',
    'target_id',
    'target_ids',
    'fields',
    'before',
    'after',
    'rule_ids',
    'request_id',
    'prev_hash',
    'hash',
    'hash_version',
  ],
} as const;
type Table = keyof typeof COLUMNS;

/** Rows of every table but the big streamed ones, collected per table for one COPY each. */
class Tables {
  readonly rows = new Map<Table, Row[]>();
  add(table: Table, row: Row): void {
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    list.push(row);
  }
}

interface City {
  id: string;
  staff: string[];
  /** The section of each staff member's current position. */
  staffSection: string[];
  sectionHeadPositions: string[];
  /** Position of each section's head, by section id. */
  headOfSection: Map<string, string>;
  systems: string[];
  /** The digital section head's position: the approver of the inbox benchmark. */
  approverPositionId: string;
}

function buildCity(t: Tables, sizes: BenchSizes, rnd: Prng, passwordHash: string): City {
  const mid = rnd.uuid();
  t.add('municipality', [mid, CITY_CODE, '大規模市', 'Large City (benchmark)', '東京都', 'Asia/Tokyo', 'guideline_2024', ['ARK'], CREATED]);
  // Organisation: departments → sections → units, sized from the staff count (about 55 staff a unit).
  const units = Math.max(3, Math.round(sizes.cityStaff / 55));
  const sectionsCount = Math.max(1, Math.round(units / 3));
  const deptCount = Math.max(1, Math.round(sectionsCount / 12));
  const positions: Position[] = [];
  const sections: { id: string; name: string }[] = [];
  let sort = 0;
  const addPosition = (key: string, orgUnitId: string, sectionId: string, title: string, name: string, kind: 'head' | 'member') => {
    const id = rnd.uuid();
    t.add('position', [id, mid, key, orgUnitId, title, name, kind, positions.length]);
    positions.push({ id, orgUnitId, sectionId, kind });
    return id;
  };
  const deptIds: string[] = [];
  for (let d = 0; d < deptCount; d++) {
    const id = rnd.uuid();
    const name = d < DEPARTMENTS.length ? DEPARTMENTS[d]! : `第${d + 1}事業部`;
    t.add('org_unit', [id, mid, `d${d}`, null, name, `Department ${d + 1}`, 'department', sort++]);
    addPosition(`d${d}.head`, id, id, '部長', `${name}長`, 'head');
    deptIds.push(id);
  }
  const headOfSection = new Map<string, string>();
  const sectionHeadPositions: string[] = [];
  const unitMembers: Position[] = [];
  for (let s = 0; s < sectionsCount; s++) {
    const d = s % deptCount;
    const id = rnd.uuid();
    const name =
      s === 0
        ? 'デジタル推進課'
        : `${DEPARTMENTS[d % DEPARTMENTS.length]!.replace(/部$|事務局$|所$/, '')}${SECTION_STEMS[Math.floor(s / deptCount) % SECTION_STEMS.length]}${s >= deptCount * SECTION_STEMS.length ? `第${s}` : ''}課`;
    t.add('org_unit', [id, mid, `d${d}.s${s}`, deptIds[d]!, name, s === 0 ? 'Digital Promotion Section' : `Section ${s + 1}`, 'section', sort++]);
    sections.push({ id, name });
    const head = addPosition(`d${d}.s${s}.head`, id, id, '課長', `${name}長`, 'head');
    headOfSection.set(id, head);
    sectionHeadPositions.push(head);
  }
  for (let u = 0; u < units; u++) {
    const section = sections[u % sections.length]!;
    const id = rnd.uuid();
    const unitName = `${UNITS[Math.floor(u / sections.length) % UNITS.length]}係`;
    t.add('org_unit', [id, mid, `u${u}`, section.id, unitName, `Unit ${u + 1}`, 'unit', sort++]);
    addPosition(`u${u}.head`, id, section.id, '係長', `${section.name}${unitName}長`, 'head');
    addPosition(`u${u}.member`, id, section.id, '係員', `${section.name}${unitName}員`, 'member');
    unitMembers.push(positions.at(-1)!);
  }
  // Staff: one per head position, in order (so the first section's head, the approver, is known),
  // the rest spread over the units' member positions.
  const heads = positions.filter((p) => p.kind === 'head');
  const staff: string[] = [];
  const staffSection: string[] = [];
  const approverPositionId = headOfSection.get(sections[0]!.id)!;
  let approver = '';
  let admin = '';
  for (let i = 0; i < sizes.cityStaff; i++) {
    const pos = i < heads.length ? heads[i]! : i === heads.length ? unitMembers[0]! : rnd.pick(unitMembers);
    const id = rnd.uuid();
    const [family, familyKana] = rnd.pick(SURNAMES);
    const [given, givenKana] = rnd.pick(GIVEN);
    let username: string | null = null;
    if (pos.id === approverPositionId) {
      username = 'approver';
      approver = id;
    }
    if (i === heads.length) {
      username = 'admin'; // a member of the digital section's first unit
      admin = id;
    }
    t.add('staff', [
      id,
      mid,
      `st${i}`,
      family,
      given,
      familyKana,
      givenKana,
      `B${String(i).padStart(6, '0')}`,
      `st${i}@bench-city.example.lg.jp`,
      String(2000 + (i % 8000)),
      `090-${String(rnd.int(10_000)).padStart(4, '0')}-${String(rnd.int(10_000)).padStart(4, '0')}`,
      username,
      username ? passwordHash : null,
      username === 'admin',
      0,
      null,
      CREATED,
    ]);
    staff.push(id);
    staffSection.push(pos.sectionId);
    const from = april(2019 + rnd.int(8));
    t.add('position_tenure', [rnd.uuid(), mid, id, pos.id, from, null]);
    if (rnd.chance(0.3)) {
      // An earlier position, ended when the current one started (personnel changes on 1 April).
      const earlier = rnd.pick(positions);
      t.add('position_tenure', [rnd.uuid(), mid, id, earlier.id, april(Number(from.slice(0, 4)) - rnd.between(2, 5)), from]);
    }
  }
  if (!admin || !approver) throw new Error('the large city needs at least one unit member and the digital section head');
  // Contractors, systems, assets.
  const contractors: string[] = [];
  for (let c = 0; c < Math.max(5, Math.round(sizes.citySystems / 25)); c++) {
    const id = rnd.uuid();
    t.add('contractor', [id, mid, `c${c}`, `株式会社ベンチ情報${c + 1}`]);
    for (let p = 0; p < 2; p++)
      t.add('contractor_person', [
        rnd.uuid(),
        mid,
        id,
        `c${c}.p${p}`,
        `受託者${c + 1}-${p + 1}`,
        `p${p}@c${c}.example.co.jp`,
        `03-0000-${String(c * 2 + p).padStart(4, '0')}`,
      ]);
    contractors.push(id);
  }
  const systems: string[] = [];
  const inServiceSystems: string[] = [];
  let assetNo = 0;
  for (let s = 0; s < sizes.citySystems; s++) {
    const id = rnd.uuid();
    const digital = rnd.chance(0.4);
    const section = digital ? sections[0]! : rnd.pick(sections);
    const base = SYSTEM_NAMES[s % SYSTEM_NAMES.length]!;
    const name = `${base}システム${s >= SYSTEM_NAMES.length ? ` ${Math.floor(s / SYSTEM_NAMES.length) + 1}` : ''}`;
    const r = rnd.float();
    const status = r < 0.85 ? 'in_service' : r < 0.9 ? 'proposed' : r < 0.95 ? 'under_change' : r < 0.98 ? 'retiring' : 'retired';
    const updated = new Date(T0 + rnd.int(T1 - T0));
    t.add('system', [
      id,
      mid,
      `sys${s}`,
      name,
      `${base}に関する事務を処理する。`,
      section.id,
      digital ? 'digital_section' : 'system_section',
      status,
      'ARK',
      rnd.chance(0.7) ? rnd.pick(contractors) : null,
      1,
      CREATED,
      updated,
    ]);
    systems.push(id);
    if (status === 'in_service') inServiceSystems.push(id);
    const using = new Set([section.id, ...rnd.sample(sections, rnd.between(0, 4)).map((x) => x.id)]);
    [...using].forEach((ou, i) => t.add('system_using_org_unit', [id, ou, mid, i]));
    for (let a = 0, n = rnd.chance(0.5) ? 2 : 1; a < n; a++) {
      const assetId = rnd.uuid();
      t.add('information_asset', [
        assetId,
        mid,
        `asset${assetNo++}`,
        `${name}の情報資産${a ? '（帳票）' : ''}`,
        base,
        rnd.pick(['3A', '3B', '3C', '2']),
        rnd.pick(['2', '1']),
        rnd.pick(['2', '1']),
        RULES.asset,
        1,
        CREATED,
        CREATED,
        'business',
      ]);
      const owners = new Set([headOfSection.get(section.id)!, ...(rnd.chance(0.3) ? [rnd.pick(sectionHeadPositions)] : [])]);
      [...owners].forEach((p, i) => t.add('information_asset_owner', [assetId, p, mid, i]));
      t.add('information_asset_system', [assetId, id, mid]);
      if (s > 0 && rnd.chance(0.1)) t.add('information_asset_system', [assetId, systems[rnd.int(s)]!, mid]);
      for (const [i, [itemName, personal, basic]] of rnd.sample(DATA_ITEMS, rnd.between(3, 6)).entries()) {
        t.add('data_item', [rnd.uuid(), mid, assetId, itemName, basic, personal, i]);
      }
    }
  }
  // Accounts: each staff member on a few distinct systems in service.
  const accountSystems = inServiceSystems.length ? inServiceSystems : systems;
  for (let i = 0; i < staff.length; i++) {
    for (const sys of rnd.sample(accountSystems, sizes.accountsPerStaff)) {
      const from = new Date(T0 + rnd.int(T1 - T0 - 30 * day));
      const r = rnd.float();
      const ended = r < 0.04;
      const suspended = !ended && r < 0.07;
      const expires = !ended && !suspended && r < 0.12;
      t.add('account', [
        rnd.uuid(),
        mid,
        staff[i]!,
        sys,
        rnd.pick(AUTHORITY),
        from,
        expires ? new Date(from.getTime() + 365 * day) : null,
        null,
        suspended ? new Date(from.getTime() + 10 * day) : null,
        suspended ? '長期休業のため' : null,
        ended ? new Date(from.getTime() + 20 * day) : null,
        ended ? '異動のため' : null,
        RULES.account,
        1,
        from,
        from,
      ]);
    }
  }
  return { id: mid, staff, staffSection, sectionHeadPositions, headOfSection, systems, approverPositionId };
}

const STEP_LABELS = [
  ['section_chief', '課長の承認', 'Approval of the section chief'],
  ['digital_chief', 'デジタル推進課長の承認', 'Approval of the digital promotion section chief'],
  ['cio', '情報統括責任者の決定', 'Decision of the chief information officer'],
] as const;

interface RequestDraft {
  row: Row;
  id: string;
  kind: string;
  status: string;
  requester: number;
  filed: number;
}

/** The i-th request of the large city (of `total`), drawn from `rnd`: replaying the stream gives the same requests. */
function cityRequest(city: City, rnd: Prng, i: number, total: number): RequestDraft {
  const k = rnd.float();
  const kind = k < 0.6 ? 'system_modification' : k < 0.85 ? 'data_use_consultation' : 'new_system_introduction';
  const status = i % 10 === 0 ? 'in_progress' : i % 3 === 0 ? 'rejected' : 'approved';
  const filed = T0 + Math.floor(((T1 - T0) * i) / (total + 1));
  const requester = rnd.int(city.staff.length);
  const id = rnd.uuid();
  const row: Row = [
    id,
    city.id,
    `G-${String(i).padStart(7, '0')}`,
    kind,
    'ARK',
    kind === 'new_system_introduction' ? null : city.systems[rnd.int(city.systems.length)]!,
    city.staff[requester]!,
    status,
    kind === 'new_system_introduction' ? { systemName: `申請システム${i}`, targetFiscalYear: 2027 } : {},
    '[]',
    kind === 'system_modification' ? RULES.modification : kind === 'data_use_consultation' ? RULES.consultation : RULES.introduction,
    1,
    new Date(filed),
    status === 'in_progress' ? null : new Date(filed + 3 * day),
    1,
    new Date(filed + (status === 'in_progress' ? 0 : 3 * day)),
  ];
  return { row, id, kind, status, requester, filed };
}

function* cityRequests(city: City, sizes: BenchSizes, seed: Prng): Generator<Row> {
  const rnd = seed.fork('requests');
  for (let i = 1; i <= sizes.cityRequests; i++) yield cityRequest(city, rnd, i, sizes.cityRequests).row;
}

/** Three steps per request, from a replay of the request stream. */
function* cityRequestSteps(city: City, sizes: BenchSizes, seed: Prng): Generator<Row> {
  const rnd = seed.fork('requests');
  const steps = seed.fork('steps');
  for (let i = 1; i <= sizes.cityRequests; i++) {
    const r = cityRequest(city, rnd, i, sizes.cityRequests);
    for (let seq = 1; seq <= 3; seq++) {
      const [key, ja, en] = STEP_LABELS[seq - 1]!;
      const stepStatus = r.status === 'in_progress' ? (seq === 1 ? 'open' : 'waiting') : 'done';
      // The first step waits on the head of the requester's section (a department head's on the
      // approver, the digital section head, as does one in fifty), the second on the approver.
      const actor =
        seq === 2 || (seq === 1 && i % 50 === 0)
          ? city.approverPositionId
          : seq === 1
            ? (city.headOfSection.get(city.staffSection[r.requester]!) ?? city.approverPositionId)
            : steps.pick(city.sectionHeadPositions);
      const decided = stepStatus === 'done' ? new Date(r.filed + seq * day) : null;
      const decision = stepStatus !== 'done' ? null : r.status === 'rejected' && seq === 3 ? 'rejected' : 'approved';
      yield [
        steps.uuid(),
        city.id,
        r.id,
        1,
        seq,
        seq,
        key,
        'approve',
        { kind: 'role' },
        ja,
        en,
        r.kind === 'data_use_consultation' ? RULES.consultation : RULES.modification,
        stepStatus,
        [actor],
        decision,
        decided ? city.staff[steps.int(city.staff.length)]! : null,
        decided,
        stepStatus === 'waiting' ? null : new Date(r.filed + (seq - 1) * day),
      ];
    }
  }
}

// --- small municipalities ------------------------------------------------------------------

interface Small {
  id: string;
  code: string;
  staff: string[];
  systems: string[];
  rulebook: RulebookId;
  chief: string;
}

function buildSmall(t: Tables, i: number, rnd: Prng, passwordHash: string): Small {
  const mid = rnd.uuid();
  const code = `${SMALL_CODE_PREFIX}${String(i).padStart(4, '0')}`;
  const rulebook = SMALL_RULEBOOKS[i % SMALL_RULEBOOKS.length]!;
  const legacy = i % 3 === 0;
  t.add('municipality', [
    mid,
    code,
    `ベンチ町${i}`,
    `Bench Town ${i}`,
    PREFECTURES[i % PREFECTURES.length]!,
    'Asia/Tokyo',
    legacy ? 'legacy_3_2_1' : 'guideline_2024',
    [rulebook],
    CREATED,
  ]);
  const dept = rnd.uuid();
  t.add('org_unit', [dept, mid, 'd0', null, '総務部', 'General Affairs Department', 'department', 0]);
  const deptHead = rnd.uuid();
  t.add('position', [deptHead, mid, 'd0.head', dept, '部長', '総務部長', 'head', 0]);
  const sections = ['総務課', '住民課', '情報政策課'].map((name, s) => {
    const id = rnd.uuid();
    t.add('org_unit', [id, mid, `d0.s${s}`, dept, name, `Section ${s + 1}`, 'section', s + 1]);
    const head = rnd.uuid();
    const member = rnd.uuid();
    t.add('position', [head, mid, `d0.s${s}.head`, id, '課長', `${name}長`, 'head', 1 + s * 2]);
    t.add('position', [member, mid, `d0.s${s}.member`, id, '係員', `${name}員`, 'member', 2 + s * 2]);
    return { id, head, member };
  });
  const holders = [deptHead, ...sections.map((s) => s.head), ...sections.map((s) => s.member), sections[2]!.member, sections[1]!.member, sections[0]!.member];
  const staff: string[] = [];
  holders.forEach((pos, n) => {
    const id = rnd.uuid();
    const [family, familyKana] = rnd.pick(SURNAMES);
    const [given, givenKana] = rnd.pick(GIVEN);
    const admin = n === 6; // a member of 情報政策課
    t.add('staff', [
      id,
      mid,
      `st${n}`,
      family,
      given,
      familyKana,
      givenKana,
      `S${String(n).padStart(4, '0')}`,
      `st${n}@${code}.example.lg.jp`,
      String(100 + n),
      `090-0000-${String(n).padStart(4, '0')}`,
      admin ? 'admin' : null,
      admin ? passwordHash : null,
      admin,
      0,
      null,
      CREATED,
    ]);
    t.add('position_tenure', [rnd.uuid(), mid, id, pos, april(2020 + rnd.int(6)), null]);
    staff.push(id);
  });
  const systems = ['住民記録システム', '税務システム', '財務会計システム'].map((name, s) => {
    const id = rnd.uuid();
    t.add('system', [
      id,
      mid,
      `sys${s}`,
      name,
      `${name.replace('システム', '')}に関する事務を処理する。`,
      sections[2]!.id,
      'digital_section',
      'in_service',
      rulebook,
      null,
      1,
      CREATED,
      CREATED,
    ]);
    t.add('system_using_org_unit', [id, sections[s]!.id, mid, 0]);
    if (s !== 2) t.add('system_using_org_unit', [id, sections[2]!.id, mid, 1]);
    return id;
  });
  for (let a = 0; a < 2; a++) {
    const assetId = rnd.uuid();
    t.add('information_asset', [
      assetId,
      mid,
      `asset${a}`,
      a ? '税務情報' : '住民情報',
      a ? '税務' : '住民記録',
      legacy ? '3' : '3A',
      '2',
      '2',
      rulebook === 'ARK' ? RULES.asset : [],
      1,
      CREATED,
      CREATED,
      'business',
    ]);
    t.add('information_asset_owner', [assetId, sections[a]!.head, mid, 0]);
    t.add('information_asset_system', [assetId, systems[a]!, mid]);
    if (a === 0) t.add('information_asset_system', [assetId, systems[2]!, mid]);
    t.add('data_item', [rnd.uuid(), mid, assetId, '氏名', 1, true, 0]);
    t.add('data_item', [rnd.uuid(), mid, assetId, '住所', 7, true, 1]);
  }
  staff.forEach((s, n) => {
    const from = new Date(T0 + rnd.int(T1 - T0 - 30 * day));
    t.add('account', [rnd.uuid(), mid, s, systems[n % systems.length]!, rnd.pick(AUTHORITY), from, null, null, null, null, null, null, [], 1, from, from]);
  });
  return { id: mid, code, staff, systems, rulebook, chief: sections[0]!.head };
}

/** Four requests per small municipality (the last in progress, awaiting the head of 総務課); steps collected into `steps`. */
function* smallRequests(smalls: Small[], seed: Prng, steps: Row[]): Generator<Row> {
  const rnd = seed.fork('small-requests');
  for (const m of smalls) {
    for (let i = 1; i <= 4; i++) {
      const id = rnd.uuid();
      const filed = T0 + rnd.int(T1 - T0 - 10 * day);
      const open = i === 4;
      const ruleIds = RULES.smallModification[m.rulebook]!;
      yield [
        id,
        m.id,
        `G-${String(i).padStart(7, '0')}`,
        'system_modification',
        m.rulebook,
        m.systems[i % 3]!,
        m.staff[4 + (i % 3)]!,
        open ? 'in_progress' : 'approved',
        {},
        '[]',
        ruleIds,
        1,
        new Date(filed),
        open ? null : new Date(filed + day),
        1,
        new Date(filed),
      ];
      for (let seq = 1; seq <= 2; seq++) {
        const status = open ? (seq === 1 ? 'open' : 'waiting') : 'done';
        const [key, ja, en] = STEP_LABELS[seq - 1]!;
        steps.push([
          rnd.uuid(),
          m.id,
          id,
          1,
          seq,
          seq,
          key,
          'approve',
          { kind: 'role' },
          ja,
          en,
          ruleIds,
          status,
          [m.chief],
          status === 'done' ? 'approved' : null,
          status === 'done' ? m.staff[1]! : null,
          status === 'done' ? new Date(filed + seq * day) : null,
          status === 'waiting' ? null : new Date(filed + (seq - 1) * day),
        ]);
      }
    }
  }
}

// --- loading -------------------------------------------------------------------------------

export interface GenerateOptions {
  log?: (line: string) => void;
}

/**
 * Loads the dataset into the database at `url` (the owner role is used; roles and schema must be
 * migrated). Refuses a database marked as production or one that already holds the large city.
 */
export async function generateBenchData(url: string, sizes: BenchSizes, opts: GenerateOptions = {}): Promise<GenerateReport> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const steps: GenerateReport['steps'] = [];
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    steps.push({ name, ms: performance.now() - t });
    return r;
  };
  const client = new pg.Client({ connectionString: url, options: `-c role=${OWNER_ROLE} -c search_path=${SCHEMA} -c synchronous_commit=off` });
  await client.connect();
  const results = new Map<string, CopyResult>();
  let fkChecksSkipped = false;
  const record = (r: CopyResult) => {
    const prev = results.get(r.table);
    results.set(r.table, prev ? { table: r.table, rows: prev.rows + r.rows, ms: prev.ms + r.ms } : r);
    log(
      `  ${r.table.padEnd(24)} ${r.rows.toLocaleString('en').padStart(11)} rows  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${Math.round(
        r.rows / (r.ms / 1000 || 1),
      )
        .toLocaleString('en')
        .padStart(9)} rows/s`,
    );
  };
  try {
    const env = await client.query<{ value: string }>(`select value from deployment_setting where key = 'environment'`);
    if (env.rows[0]?.value === 'production') throw new Error('Refusing to load benchmark data into a database marked as production.');
    const existing = await client.query(`select 1 from municipality where code = $1 or code like $2 limit 1`, [CITY_CODE, `${SMALL_CODE_PREFIX}%`]);
    if (existing.rowCount)
      throw new Error(
        `This database already holds benchmark data (${CITY_CODE}); load into a fresh one (the audit log is append-only, so it cannot be removed).`,
      );

    const passwordHash = await timed('hash the sign-in password (argon2id, once)', () => hashPassword(BENCH_PASSWORD));
    const seed = new Prng(sizes.seed);
    const t = new Tables();
    const city = await timed('prepare the large city (rows in memory)', () => buildCity(t, sizes, seed.fork('city'), passwordHash));
    const smalls = await timed(`prepare ${sizes.municipalities} small municipalities`, () => {
      const rnd = seed.fork('small');
      return Array.from({ length: sizes.municipalities }, (_, i) => buildSmall(t, i + 1, rnd, passwordHash));
    });
    log(`loading (${CITY_CODE} and ${sizes.municipalities} small municipalities) …`);
    await client.query('begin');
    for (const table of Object.keys(COLUMNS) as Table[]) {
      if (table === 'request' || table === 'request_step' || table === 'audit_event') continue;
      const rows = t.rows.get(table) ?? [];
      if (rows.length) record(await copyRows(client, table, COLUMNS[table], rows));
      t.rows.delete(table);
    }
    record(await copyRows(client, 'request', COLUMNS.request, cityRequests(city, sizes, seed)));
    record(await copyRows(client, 'request_step', COLUMNS.request_step, cityRequestSteps(city, sizes, seed)));
    const smallSteps: Row[] = [];
    record(await copyRows(client, 'request', COLUMNS.request, smallRequests(smalls, seed, smallSteps)));
    record(await copyRows(client, 'request_step', COLUMNS.request_step, smallSteps));
    await client.query('commit');

    // The audit log: the large city's chain, then a short chain per small municipality. Loading as a
    // superuser, the per-row foreign-key triggers are skipped (session_replication_role = replica):
    // every row references a municipality committed above, and the checks queued for ten million rows
    // would run after the COPY, one by one. BENCH_AUDIT_FK_CHECKS=1 keeps them.
    const audit = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA} -c synchronous_commit=off` });
    await audit.connect();
    try {
      const superuser = (await audit.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper === true;
      fkChecksSkipped = superuser && process.env.BENCH_AUDIT_FK_CHECKS !== '1';
      await audit.query(fkChecksSkipped ? 'set session_replication_role = replica' : `set role ${OWNER_ROLE}`);
      await audit.query('begin');
      // The log's months (T0 … T1, Japan time) get their partitions first: otherwise every row would wait in the default partition.
      await audit.query(`select ${SCHEMA}.create_audit_partitions($1, $2)`, [new Date(T0), new Date(T1)]);
      const heads: ChainHead[] = [];
      const auditRnd = seed.fork('audit');
      const cityHead: ChainHead = { municipalityId: city.id, seq: 0, hash: '' };
      const cityRules = (action: string) =>
        action === 'read'
          ? RULES.read
          : action.startsWith('account')
            ? RULES.account
            : action.startsWith('request')
              ? RULES.modification
              : action === 'auth.sign_in'
                ? []
                : RULES.system;
      if (sizes.auditEvents > 0) {
        record(
          await copyRows(
            audit,
            'audit_event',
            COLUMNS.audit_event,
            auditChain(
              city.id,
              sizes.auditEvents,
              T0,
              T1,
              auditRnd,
              {
                staff: () => city.staff[auditRnd.int(city.staff.length)]!,
                system: () => city.systems[auditRnd.int(city.systems.length)]!,
                ruleIds: cityRules,
              },
              cityHead,
            ),
          ),
        );
        heads.push(cityHead);
      }
      const smallRnd = seed.fork('small-audit');
      function* smallChains(): Generator<string> {
        for (const m of smalls) {
          const head: ChainHead = { municipalityId: m.id, seq: 0, hash: '' };
          yield* auditChain(
            m.id,
            5,
            T0,
            T1,
            smallRnd,
            {
              staff: () => m.staff[smallRnd.int(m.staff.length)]!,
              system: () => m.systems[smallRnd.int(m.systems.length)]!,
              ruleIds: (action) => (action.startsWith('request') || action.startsWith('system') ? RULES.smallModification[m.rulebook]! : []),
            },
            head,
          );
          heads.push(head);
        }
      }
      if (smalls.length) record(await copyRows(audit, 'audit_event', COLUMNS.audit_event, smallChains()));
      await timed('chain heads', () =>
        copyRows(
          audit,
          'audit_chain_head',
          ['municipality_id', 'last_seq', 'last_hash'],
          heads.map((h) => [h.municipalityId, h.seq, h.hash]),
        ),
      );
      await audit.query('commit');
    } catch (e) {
      await audit.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      await audit.end();
    }
    // VACUUM sets the visibility map (index-only scans) and spares the benchmark an autovacuum of
    // the fresh tables while it measures; ANALYZE gives the planner the new sizes.
    await timed('VACUUM ANALYZE', () => client.query('vacuum (analyze)'));
    const approverPositionId = city.approverPositionId;
    return {
      tables: [...results.values()],
      steps,
      totalMs: performance.now() - started,
      city: { id: city.id, code: CITY_CODE, admin: 'admin', approver: 'approver', approverPositionId },
      smallCodes: smalls.map((m) => m.code),
      auditForeignKeyChecks: !fkChecksSkipped,
    };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
