// 荒川区 — demo data transcribed from 荒川区電子情報システム管理運営規程 (平成15年訓令甲第6号,
// 令和5年4月1日施行). Table 1 (別表第1) is reconstructed from a flattened merged-cell layout: the
// managing section (管理に係る所管) is written once per group, after the first row of the group.
import type {
  CommitteeSeed,
  ContractorSeed,
  InformationAssetSeed,
  MunicipalitySeed,
  OrgUnitSeed,
  PositionSeed,
  RoleBindingSeed,
  SystemSeed,
} from './seed.types.ts';
import { generateDemoStaff } from './demo-staff.ts';
import { BASIC_RESIDENT_ITEMS, headOf, keyed, membersOf, orgUnit } from './seed-builders.ts';
import { ARAKAWA_TABLE_1 } from './arakawa.table1.demo.ts';
import type { RuleId } from '@tsukasa/domain';

// ---------------------------------------------------------------------------------------------
// Organisation. ARK-2-1-12 names the 部 (incl. 会計管理部 and the 事務局s); tables 2 and 3 name the
// 部 of the sections they list. For the other sections of table 1 the regulation does not say
// which 部 they belong to; the placement below (marked "placement assumed") follows the ward's
// usual organisation.
// ---------------------------------------------------------------------------------------------
const D = 'department' as const;
const S = 'section' as const;
const U = 'unit' as const;

export const arakawaOrgUnits: OrgUnitSeed[] = [
  orgUnit('ark.somu', '総務企画部', 'General Affairs and Planning Department', D),
  orgUnit('ark.somu.somu', '総務企画課', 'General Affairs and Planning Section', S, 'ark.somu'),
  orgUnit('ark.somu.somu.hoki', '法規係', 'Legal Affairs Unit', U, 'ark.somu.somu'),
  orgUnit('ark.somu.zaisei', '財政課', 'Finance Section', S, 'ark.somu'),

  orgUnit('ark.kanri', '管理部', 'Administration Department', D),
  orgUnit('ark.kanri.shokuin', '職員課', 'Personnel Section', S, 'ark.kanri'),
  orgUnit('ark.kanri.digital', 'デジタル推進課', 'Digital Promotion Section', S, 'ark.kanri'),
  orgUnit('ark.kanri.digital.kikaku', '企画調整係', 'Planning and Coordination Unit', U, 'ark.kanri.digital'),
  orgUnit('ark.kanri.digital.unyo', 'システム運用係', 'System Operations Unit', U, 'ark.kanri.digital'),
  orgUnit('ark.kanri.digital.security', '情報セキュリティ係', 'Information Security Unit', U, 'ark.kanri.digital'),
  orgUnit('ark.kanri.keiri', '経理課', 'Accounting and Property Section', S, 'ark.kanri'),
  orgUnit('ark.kanri.eizen', '営繕課', 'Building Maintenance Section', S, 'ark.kanri'),

  orgUnit('ark.kusei', '区政広報部', 'Public Relations Department', D),
  orgUnit('ark.kusei.hisho', '秘書課', 'Secretariat Section', S, 'ark.kusei'),
  orgUnit('ark.kusei.koho', '広報課', 'Public Relations Section', S, 'ark.kusei'), // placement assumed

  orgUnit('ark.kumin', '区民生活部', 'Residents Affairs Department', D),
  orgUnit('ark.kumin.kumin', '区民課', 'Residents Section', S, 'ark.kumin'),
  orgUnit('ark.kumin.koseki', '戸籍住民課', 'Family Register and Resident Record Section', S, 'ark.kumin'), // placement assumed
  orgUnit('ark.kumin.koseki.juki', '住民記録係', 'Resident Record Unit', U, 'ark.kumin.koseki'),
  orgUnit('ark.kumin.zeimu', '税務課', 'Taxation Section', S, 'ark.kumin'), // placement assumed
  orgUnit('ark.kumin.zeimu.kazei', '課税係', 'Tax Assessment Unit', U, 'ark.kumin.zeimu'),

  orgUnit('ark.chiiki', '地域文化スポーツ部', 'Community, Culture and Sports Department', D),
  orgUnit('ark.chiiki.bunka', '文化交流推進課', 'Cultural Exchange Section', S, 'ark.chiiki'),
  orgUnit('ark.chiiki.yuinomori', 'ゆいの森課', 'Yuinomori Library Section', S, 'ark.chiiki'), // placement assumed

  orgUnit('ark.sangyo', '産業経済部', 'Industry and Economy Department', D),
  orgUnit('ark.sangyo.shinko', '産業振興課', 'Industrial Promotion Section', S, 'ark.sangyo'),
  orgUnit('ark.sangyo.keiei', '経営支援課', 'Business Support Section', S, 'ark.sangyo'), // placement assumed
  orgUnit('ark.sangyo.kanko', '観光振興課', 'Tourism Promotion Section', S, 'ark.sangyo'), // placement assumed

  orgUnit('ark.kankyo', '環境清掃部', 'Environment and Sanitation Department', D),
  orgUnit('ark.kankyo.kankyo', '環境課', 'Environment Section', S, 'ark.kankyo'),
  orgUnit('ark.kankyo.seiso', '清掃リサイクル推進課', 'Cleaning and Recycling Section', S, 'ark.kankyo'), // placement assumed

  orgUnit('ark.fukushi', '福祉部', 'Welfare Department', D),
  orgUnit('ark.fukushi.suishin', '福祉推進課', 'Welfare Promotion Section', S, 'ark.fukushi'),
  orgUnit('ark.fukushi.seikatsu', '生活福祉課', 'Livelihood Welfare Section', S, 'ark.fukushi'), // placement assumed
  orgUnit('ark.fukushi.kaigo', '介護保険課', 'Long-term Care Insurance Section', S, 'ark.fukushi'), // placement assumed
  orgUnit('ark.fukushi.kaigo.shikaku', '資格保険料係', 'Eligibility and Premium Unit', U, 'ark.fukushi.kaigo'),
  orgUnit('ark.fukushi.shogai', '障害者福祉課', 'Welfare for Persons with Disabilities Section', S, 'ark.fukushi'), // placement assumed

  orgUnit('ark.kenko', '健康部', 'Health Department', D),
  orgUnit('ark.kenko.eisei', '生活衛生課', 'Environmental Health Section', S, 'ark.kenko'),
  orgUnit('ark.kenko.kokuho', '国保年金課', 'National Health Insurance and Pension Section', S, 'ark.kenko'), // placement assumed
  orgUnit('ark.kenko.suishin', '健康推進課', 'Health Promotion Section', S, 'ark.kenko'), // placement assumed
  orgUnit('ark.kenko.yobo', '保健予防課', 'Preventive Health Section', S, 'ark.kenko'), // placement assumed

  orgUnit('ark.kodomo', '子ども家庭部', 'Children and Families Department', D),
  orgUnit('ark.kodomo.kosodate', '子育て支援課', 'Child-rearing Support Section', S, 'ark.kodomo'),
  orgUnit('ark.kodomo.center', '子ども家庭総合センター', 'Child and Family Comprehensive Center', S, 'ark.kodomo'), // placement assumed
  orgUnit('ark.kodomo.jido', '児童青少年課', 'Children and Youth Section', S, 'ark.kodomo'), // placement assumed
  orgUnit('ark.kodomo.hoiku', '保育課', 'Childcare Section', S, 'ark.kodomo'), // placement assumed

  orgUnit('ark.toshi', '防災都市づくり部', 'Disaster Prevention and Urban Development Department', D),
  orgUnit('ark.toshi.keikaku', '都市計画課', 'Urban Planning Section', S, 'ark.toshi'),
  orgUnit('ark.toshi.bosai', '防災課', 'Disaster Prevention Section', S, 'ark.toshi'), // placement assumed
  orgUnit('ark.toshi.sumai', '住まい街づくり課', 'Housing and Community Development Section', S, 'ark.toshi'), // placement assumed
  orgUnit('ark.toshi.doboku', '土木管理課', 'Civil Engineering Management Section', S, 'ark.toshi'), // placement assumed
  orgUnit('ark.toshi.kiban', '基盤整備課', 'Infrastructure Development Section', S, 'ark.toshi'), // placement assumed

  orgUnit('ark.kaikei', '会計管理部', 'Accounting Department', D),
  orgUnit('ark.kaikei.kaikei', '会計管理課', 'Accounting Management Section', S, 'ark.kaikei'),

  orgUnit('ark.kyoiku', '教育委員会事務局', 'Board of Education Secretariat', D),
  orgUnit('ark.kyoiku.somu', '教育総務課', 'Education General Affairs Section', S, 'ark.kyoiku'),
  orgUnit('ark.kyoiku.gakumu', '学務課', 'School Affairs Section', S, 'ark.kyoiku'), // placement assumed

  // The two 事務局s manage systems of table 1 directly: for them the 事務局 is the managing "section".
  orgUnit('ark.senkyo', '選挙管理委員会事務局', 'Election Administration Commission Secretariat', D),
  orgUnit('ark.senkyo.senkyo', '選挙係', 'Elections Unit', U, 'ark.senkyo'),
  orgUnit('ark.gikai', '区議会事務局', 'Ward Assembly Secretariat', D),
  orgUnit('ark.gikai.giji', '議事係', 'Proceedings Unit', U, 'ark.gikai'),
];

const unit = keyed(arakawaOrgUnits);

/** Head titles that differ from 部長 / 課長 / 係長. */
const SPECIAL_HEADS: Record<string, { title: string; name: string }> = {
  'ark.kyoiku': { title: '事務局長', name: '教育委員会事務局長' },
  'ark.senkyo': { title: '事務局長', name: '選挙管理委員会事務局長' },
  'ark.gikai': { title: '事務局長', name: '区議会事務局長' },
  'ark.kodomo.center': { title: '所長', name: '子ども家庭総合センター所長' },
};

const DEFAULT_HEAD_TITLE = { department: '部長', section: '課長', unit: '係長' } as const;

/** Number of 係員 positions per org unit (units not listed have no member positions). */
const MEMBER_COUNTS: Record<string, number> = {
  'ark.somu.somu.hoki': 1,
  'ark.kanri.digital.kikaku': 2,
  'ark.kanri.digital.unyo': 3,
  'ark.kanri.digital.security': 1,
  'ark.kumin.koseki.juki': 2,
  'ark.kumin.zeimu.kazei': 1,
  'ark.fukushi.kaigo.shikaku': 1,
  'ark.senkyo.senkyo': 1,
  'ark.gikai.giji': 1,
};

export const arakawaPositions: PositionSeed[] = arakawaOrgUnits.flatMap((u) => {
  const special = SPECIAL_HEADS[u.key];
  const head = special ? headOf(u, special.title, special.name) : headOf(u, DEFAULT_HEAD_TITLE[u.level]);
  const extra: PositionSeed[] =
    u.key === 'ark.somu'
      ? // 別表第2 names 総務企画部企画担当課長: a 担当課長 attached to the 部 itself.
        [{ key: 'ark.somu.planning-chief', orgUnitKey: 'ark.somu', title: '担当課長', name: '企画担当課長', kind: 'member' }]
      : [];
  return [head, ...extra, ...membersOf(u, MEMBER_COUNTS[u.key] ?? 0)];
});

const position = keyed(arakawaPositions);

/** The head position of an org unit (課長 of a section, the director of a department). */
function headPositionKey(orgUnitKey: string): string {
  const u = unit(orgUnitKey);
  return position(`${u.key}.${u.level === 'department' ? 'director' : 'chief'}`).key;
}

/** The 部 (department) an org unit belongs to: itself for a department. */
function departmentOf(orgUnitKey: string): string {
  let u = unit(orgUnitKey);
  while (u.level !== 'department' && u.parentKey !== undefined) u = unit(u.parentKey);
  return u.key;
}

// 別表第1 (the 117 systems): arakawa.table1.demo.ts.
export { ARAKAWA_TABLE_1 };

const DIGITAL = 'ark.kanri.digital';

/**
 * Plausible using sections (besides the managing section, which always uses its own system).
 * Kept modest: the regulation does not list the using sections of each system.
 */
const ADDITIONAL_USERS: Record<string, string[]> = {
  'resident-record': ['ark.kumin.koseki', 'ark.kumin.kumin'],
  tax: ['ark.kumin.zeimu'],
  'elderly-welfare': ['ark.fukushi.suishin', 'ark.fukushi.kaigo'],
  'national-pension': ['ark.kenko.kokuho'],
  'allowance-medical-aid': ['ark.kodomo.kosodate', 'ark.fukushi.shogai'],
  loan: ['ark.fukushi.seikatsu'],
  'childcare-management': ['ark.kodomo.hoiku'],
  'private-kindergarten': ['ark.kyoiku.gakumu'],
  'school-register': ['ark.kyoiku.gakumu'],
  'school-aid': ['ark.kyoiku.gakumu'],
  election: ['ark.senkyo'],
  'juki-net-gateway': ['ark.kumin.koseki'],
  'intermediate-server': ['ark.kumin.koseki', 'ark.kumin.zeimu'],
  'facility-reservation': ['ark.chiiki.bunka'],
  'e-application': ['ark.somu.somu'],
  'e-procurement': ['ark.kanri.keiri'],
  'financial-accounting': ['ark.somu.zaisei', 'ark.kanri.keiri', 'ark.kaikei.kaikei'],
  'document-management': ['ark.somu.somu'],
  'convenience-store-issuance': ['ark.kumin.koseki', 'ark.kumin.zeimu'],
  'integrated-gis': ['ark.toshi.keikaku', 'ark.toshi.bosai'],
  'multi-payment-network': ['ark.kumin.zeimu', 'ark.kaikei.kaikei'],
  'family-register': ['ark.kumin.kumin'],
  'juki-net': ['ark.kumin.kumin'],
  'evacuation-support-roster': ['ark.toshi.bosai'],
  'long-term-care': ['ark.fukushi.suishin'],
  'disaster-victim-support': ['ark.toshi.bosai'],
  'nhi-late-elderly': ['ark.kenko.suishin'],
};

export const ARAKAWA_CONTRACTOR_KEY = 'ark.contractor';
/** Outsourced core systems (ARK-4-3, ARK-6) maintained by the demo contractor. */
const CONTRACTED = new Set(['resident-record', 'tax', 'elderly-welfare', 'national-pension', 'integration-server']);

export const arakawaSystems: SystemSeed[] = ARAKAWA_TABLE_1.map(([slug, name, businessContent, managing]) => {
  const system: SystemSeed = {
    key: `ark.sys.${slug}`,
    name,
    businessContent,
    managingOrgUnitKey: unit(managing).key,
    managementType: managing === DIGITAL ? 'digital_section' : 'system_section',
    usingOrgUnitKeys: [managing, ...(ADDITIONAL_USERS[slug] ?? []).filter((k) => k !== managing)].map((k) => unit(k).key),
    rulebookId: 'ARK',
    status: 'in_service',
  };
  if (CONTRACTED.has(slug)) system.contractorKey = ARAKAWA_CONTRACTOR_KEY;
  return system;
});

const system = keyed(arakawaSystems);

// ---------------------------------------------------------------------------------------------
// Information assets (ARK-2-1-5, ARK-26-2-2). Owners are the chiefs of the sections whose business the
// data belongs to ("データを管理する課の長", ARK-14-1) — for data processed on systems that
// デジタル推進課 manages, that is the business section, not デジタル推進課.
// ---------------------------------------------------------------------------------------------
const PERSONAL_3A = { confidentiality: '3A', integrity: '2', availability: '2' } as const;

export const arakawaInformationAssets: InformationAssetSeed[] = [
  {
    key: 'ark.asset.resident-record',
    name: '住民記録情報',
    business: '住民記録事務',
    ownerPositionKeys: [headPositionKey('ark.kumin.koseki')],
    systemKeys: ['ark.sys.resident-record', 'ark.sys.integration-server', 'ark.sys.juki-net-gateway'].map((k) => system(k).key),
    classification: { ...PERSONAL_3A },
    dataItems: [
      ...BASIC_RESIDENT_ITEMS,
      { name: '個人番号', personal: true },
      { name: '住民票コード', personal: true },
      { name: '印鑑登録番号', personal: true },
    ],
    ruleIds: ['ARK-14-1', 'ARK-26-2-2'],
  },
  {
    key: 'ark.asset.family-register',
    name: '戸籍情報',
    business: '戸籍事務',
    ownerPositionKeys: [headPositionKey('ark.kumin.koseki')],
    systemKeys: [system('ark.sys.family-register').key],
    classification: { ...PERSONAL_3A },
    dataItems: [
      { name: '本籍', personal: true },
      { name: '筆頭者の氏名', personal: true },
      { name: '身分事項', personal: true },
    ],
    ruleIds: ['ARK-14-1', 'ARK-26-2-2'],
  },
  {
    key: 'ark.asset.tax',
    name: '税務情報',
    business: '税務事務',
    ownerPositionKeys: [headPositionKey('ark.kumin.zeimu')],
    systemKeys: ['ark.sys.tax', 'ark.sys.tax-delinquency', 'ark.sys.eltax'].map((k) => system(k).key),
    classification: { ...PERSONAL_3A },
    dataItems: [
      { name: '課税情報', personal: true },
      { name: '所得情報', personal: true },
      { name: '納付状況', personal: true },
      { name: '個人番号', personal: true },
    ],
    ruleIds: ['ARK-14-1', 'ARK-14-2', 'ARK-26-2-2'],
  },
  {
    key: 'ark.asset.long-term-care',
    name: '介護保険情報',
    business: '介護保険業務',
    ownerPositionKeys: [headPositionKey('ark.fukushi.kaigo')],
    systemKeys: ['ark.sys.long-term-care', 'ark.sys.care-disability-hub'].map((k) => system(k).key),
    classification: { ...PERSONAL_3A },
    dataItems: [
      { name: '被保険者番号', personal: true },
      { name: '要介護認定情報', personal: true },
      { name: '保険料賦課情報', personal: true },
    ],
    ruleIds: ['ARK-14-1', 'ARK-14-2', 'ARK-26-2-2'],
  },
  {
    key: 'ark.asset.public-assistance',
    name: '生活保護情報',
    business: '生活保護事務',
    ownerPositionKeys: [headPositionKey('ark.fukushi.seikatsu')],
    systemKeys: ['ark.sys.public-assistance', 'ark.sys.receipt-management', 'ark.sys.public-assistance-data'].map((k) => system(k).key),
    classification: { ...PERSONAL_3A },
    dataItems: [
      { name: '保護受給状況', personal: true },
      { name: '世帯収入', personal: true },
      { name: '医療扶助情報', personal: true },
    ],
    ruleIds: ['ARK-14-1', 'ARK-14-2', 'ARK-26-2-2'],
  },
  {
    key: 'ark.asset.map',
    name: '地図情報',
    business: '地図情報関連業務',
    ownerPositionKeys: [headPositionKey('ark.toshi.keikaku')],
    systemKeys: [system('ark.sys.integrated-gis').key],
    classification: { confidentiality: '2', integrity: '1', availability: '1' },
    dataItems: [
      { name: '道路・建物の地図データ', personal: false },
      { name: '都市計画図', personal: false },
    ],
    ruleIds: ['ARK-26-2-2'],
  },
];

// ---------------------------------------------------------------------------------------------
// Committees: 別表第2 (運営委員会, ARK-17) and 別表第3 (セキュリティ委員会, ARK-22), members in order.
// ---------------------------------------------------------------------------------------------
export const ARAKAWA_TABLE_2 = [
  'ark.somu.somu.chief', // 総務企画部総務企画課長
  'ark.somu.planning-chief', // 総務企画部企画担当課長
  'ark.somu.zaisei.chief', // 総務企画部財政課長
  'ark.kanri.shokuin.chief', // 管理部職員課長
  'ark.kanri.digital.chief', // 管理部デジタル推進課長
  'ark.kanri.keiri.chief', // 管理部経理課長
] as const;

export const ARAKAWA_TABLE_3 = [
  'ark.somu.somu.chief', // 総務企画部総務企画課長
  'ark.kusei.hisho.chief', // 区政広報部秘書課長
  'ark.kanri.keiri.chief', // 管理部経理課長
  'ark.kumin.kumin.chief', // 区民生活部区民課長
  'ark.chiiki.bunka.chief', // 地域文化スポーツ部文化交流推進課長
  'ark.sangyo.shinko.chief', // 産業経済部産業振興課長
  'ark.kankyo.kankyo.chief', // 環境清掃部環境課長
  'ark.fukushi.suishin.chief', // 福祉部福祉推進課長
  'ark.kenko.eisei.chief', // 健康部生活衛生課長
  'ark.kodomo.kosodate.chief', // 子ども家庭部子育て支援課長
  'ark.toshi.keikaku.chief', // 防災都市づくり部都市計画課長
  'ark.kaikei.kaikei.chief', // 会計管理部会計管理課長
  'ark.kyoiku.somu.chief', // 教育委員会事務局教育総務課長
  'ark.kanri.digital.chief', // 管理部デジタル推進課長
] as const;

const CIO = 'ark.kanri.director'; // 管理部長 = 情報統括責任者 (ARK-3-1)

export const arakawaCommittees: CommitteeSeed[] = [
  {
    key: 'ark.committee.steering',
    rulebookId: 'ARK',
    name: '電子情報システム運営委員会',
    nameEn: 'Electronic Information System Steering Committee',
    chairPositionKey: position(CIO).key,
    memberPositionKeys: ARAKAWA_TABLE_2.map((k) => position(k).key),
    secretariatOrgUnitKey: unit(DIGITAL).key,
    ruleIds: ['ARK-15-1', 'ARK-17-1', 'ARK-19-1', 'ARK-19-3'],
  },
  {
    key: 'ark.committee.security',
    rulebookId: 'ARK',
    name: '情報セキュリティ委員会',
    nameEn: 'Information Security Committee',
    chairPositionKey: position(CIO).key,
    memberPositionKeys: ARAKAWA_TABLE_3.map((k) => position(k).key),
    secretariatOrgUnitKey: unit(DIGITAL).key,
    ruleIds: ['ARK-20-1', 'ARK-22-1', 'ARK-24-1', 'ARK-24-3'],
  },
];

// ---------------------------------------------------------------------------------------------
// Role bindings (roles defined in the ARK rulebook).
// ---------------------------------------------------------------------------------------------
const unique = (keys: string[]): string[] => [...new Set(keys)];

const systemSections = unique(arakawaSystems.filter((s) => s.managementType === 'system_section').map((s) => s.managingOrgUnitKey));
const usingSections = unique(arakawaSystems.flatMap((s) => s.usingOrgUnitKeys));

const bind = (roleKey: string, positionKey: string, ruleIds: RuleId[]): RoleBindingSeed => ({
  rulebookId: 'ARK',
  roleKey,
  positionKey: position(positionKey).key,
  ruleIds,
});

export const arakawaRoleBindings: RoleBindingSeed[] = [
  bind('information_controller', CIO, ['ARK-3-1']),
  bind('information_manager', 'ark.kanri.digital.chief', ['ARK-3の2-1']),
  bind('digital_section_chief', 'ark.kanri.digital.chief', ['ARK-4-1']),
  // システム管理課長 (ARK-2-1-15): chief of each section managing a system of table 1 other than デジタル推進課;
  // for the 事務局s, which manage systems themselves, the 事務局長.
  ...systemSections.map((k) => bind('system_managing_chief', headPositionKey(k), ['ARK-2-1-15', 'ARK-4-2'])),
  // システム管理部長 (ARK-2-1-13): head of the 部 of each such section.
  ...unique(systemSections.map(departmentOf)).map((k) => bind('system_managing_director', headPositionKey(k), ['ARK-2-1-13', 'ARK-4-2'])),
  ...usingSections.map((k) => bind('using_section_chief', headPositionKey(k), ['ARK-7-1', 'ARK-10-1', 'ARK-11-1'])),
  ...unique(usingSections.map(departmentOf)).map((k) => bind('using_department_head', headPositionKey(k), ['ARK-7-1'])),
  bind('steering_committee_chair', CIO, ['ARK-17-1']),
  ...ARAKAWA_TABLE_2.map((k) => bind('steering_committee_member', k, ['ARK-17-1'])),
  bind('security_committee_chair', CIO, ['ARK-22-1']),
  ...ARAKAWA_TABLE_3.map((k) => bind('security_committee_member', k, ['ARK-22-1'])),
  // 庶務 of both committees is processed in デジタル推進課 (ARK-19-3, ARK-24-3): its 企画調整係長.
  bind('committee_secretariat', 'ark.kanri.digital.kikaku.chief', ['ARK-19-3', 'ARK-24-3']),
];

export const arakawaContractors: ContractorSeed[] = [
  {
    key: ARAKAWA_CONTRACTOR_KEY,
    name: '株式会社アラカワ情報サービス',
    people: [
      { key: 'ark.contractor.p1', name: '岩田 俊彦', email: 'iwata@arakawa-joho.example.co.jp', phone: '03-0000-1101' },
      { key: 'ark.contractor.p2', name: '杉本 彩乃', email: 'sugimoto@arakawa-joho.example.co.jp', phone: '03-0000-1102' },
    ],
  },
];

export const arakawaDemo: MunicipalitySeed = {
  code: 'arakawa',
  name: '荒川区',
  nameEn: 'Arakawa City',
  prefecture: '東京都',
  timeZone: 'Asia/Tokyo',
  classificationScale: 'guideline_2024',
  rulebookIds: ['ARK'],
  orgUnits: arakawaOrgUnits,
  positions: arakawaPositions,
  staff: generateDemoStaff({
    municipality: 'arakawa',
    keyPrefix: 'ark',
    emailDomain: 'arakawa.example.lg.jp',
    employeeNumberPrefix: '31',
    positions: arakawaPositions,
    logins: [
      { positionKey: 'ark.kanri.digital.unyo.staff1', username: 'admin', registryAdmin: true },
      { positionKey: 'ark.kanri.digital.chief', username: 'chief' },
      { positionKey: 'ark.kanri.director', username: 'cio' },
      { positionKey: 'ark.kumin.koseki.juki.staff1', username: 'staff1' },
    ],
  }),
  roleBindings: arakawaRoleBindings,
  systems: arakawaSystems,
  informationAssets: arakawaInformationAssets,
  committees: arakawaCommittees,
  contractors: arakawaContractors,
};
