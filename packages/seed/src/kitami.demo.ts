// 北見市 — demo data transcribed from 北見市窓口支援システムの管理運用に関する事務取扱要綱
// (平成28年内規第202号, 令和5年4月1日施行). The regulation names only 市民環境部 and its 窓口課; the
// 業務所管課 and システム使用課 are decided by the 運用会議 (KTM-6), so the sections below are assumptions.
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
import { headOf, keyed, membersOf, orgUnit } from './seed-builders.ts';
import type { RuleId } from '@tsukasa/domain';

const D = 'department' as const;
const S = 'section' as const;
const U = 'unit' as const;

export const kitamiOrgUnits: OrgUnitSeed[] = [
  orgUnit('ktm.shimin', '市民環境部', 'Civic Affairs and Environment Department', D),
  orgUnit('ktm.shimin.madoguchi', '窓口課', 'Service Counter Section', S, 'ktm.shimin'),
  orgUnit('ktm.shimin.madoguchi.kanri', '管理係', 'Administration Unit', U, 'ktm.shimin.madoguchi'),
  orgUnit('ktm.shimin.madoguchi.uketsuke', '受付係', 'Reception Unit', U, 'ktm.shimin.madoguchi'),
  orgUnit('ktm.shimin.hoken', '保険医療課', 'Health Insurance and Medical Care Section', S, 'ktm.shimin'), // assumed
  orgUnit('ktm.fukushi', '保健福祉部', 'Health and Welfare Department', D), // assumed
  orgUnit('ktm.fukushi.kaigo', '介護福祉課', 'Long-term Care and Welfare Section', S, 'ktm.fukushi'), // assumed
  orgUnit('ktm.fukushi.shogai', '障がい福祉課', 'Disability Welfare Section', S, 'ktm.fukushi'), // assumed
  orgUnit('ktm.fukushi.kosodate', '子育て支援課', 'Child-rearing Support Section', S, 'ktm.fukushi'), // assumed
  orgUnit('ktm.somu', '総務部', 'General Affairs Department', D), // assumed
  orgUnit('ktm.somu.zeimu', '税務課', 'Taxation Section', S, 'ktm.somu'), // assumed
];

const unit = keyed(kitamiOrgUnits);

const DEFAULT_HEAD_TITLE = { department: '部長', section: '課長', unit: '係長' } as const;

const MEMBER_COUNTS: Record<string, number> = {
  'ktm.shimin.madoguchi.kanri': 1,
  'ktm.shimin.madoguchi.uketsuke': 2,
  'ktm.shimin.hoken': 1,
  'ktm.fukushi.kaigo': 1,
};

export const kitamiPositions: PositionSeed[] = kitamiOrgUnits.flatMap((u) => [
  headOf(u, DEFAULT_HEAD_TITLE[u.level]),
  ...membersOf(u, MEMBER_COUNTS[u.key] ?? 0, u.level === 'unit' ? '係員' : '主事'),
]);

const position = keyed(kitamiPositions);

/** 業務所管課 (KTM-2-1-2), assumed: the sections whose procedures the system handles. */
export const KITAMI_BUSINESS_SECTIONS = [
  'ktm.shimin.madoguchi',
  'ktm.shimin.hoken',
  'ktm.fukushi.kaigo',
  'ktm.fukushi.shogai',
  'ktm.fukushi.kosodate',
  'ktm.somu.zeimu',
] as const;

/** システム使用課 (KTM-2-1-4), assumed the same sections as the 業務所管課. */
export const KITAMI_USING_SECTIONS = [...KITAMI_BUSINESS_SECTIONS];

export const KITAMI_CONTRACTOR_KEY = 'ktm.contractor';

export const kitamiSystems: SystemSeed[] = [
  {
    key: 'ktm.counter',
    name: '窓口支援システム',
    businessContent: '窓口における行政手続の受付事務の支援',
    managingOrgUnitKey: unit('ktm.shimin.madoguchi').key,
    managementType: 'system_section',
    usingOrgUnitKeys: KITAMI_USING_SECTIONS.map((k) => unit(k).key),
    rulebookId: 'KTM',
    status: 'in_service',
    contractorKey: KITAMI_CONTRACTOR_KEY,
  },
];

export const kitamiInformationAssets: InformationAssetSeed[] = [
  {
    key: 'ktm.asset.reception-records',
    name: '窓口支援システムで記録した個人情報',
    business: '住所、氏名及び世帯の変更に関する届出、証明書等の交付請求その他の行政手続の受付',
    // 管理者 (業務所管課の長) manage the personal information recorded (KTM-4-3-2).
    ownerPositionKeys: KITAMI_BUSINESS_SECTIONS.map((k) => position(`${k}.chief`).key),
    systemKeys: ['ktm.counter'],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [
      { name: '氏名', personal: true },
      { name: '住所', personal: true },
      { name: '生年月日', personal: true },
      { name: '届出・申請の種類', personal: true },
      { name: '本人確認の記録', personal: true },
    ],
    ruleIds: ['KTM-4-3-2', 'KTM-9-1', 'KTM-9-2'],
  },
  {
    key: 'ktm.asset.procedure-definitions',
    name: '行政手続の定義内容',
    business: '窓口支援システムに設定する行政手続の定義',
    ownerPositionKeys: [position('ktm.shimin.madoguchi.chief').key],
    systemKeys: ['ktm.counter'],
    classification: { confidentiality: '2', integrity: '2', availability: '1' },
    dataItems: [
      { name: '行政手続の概要及び案内文', personal: false },
      { name: '案内の条件', personal: false },
      { name: '窓口対応方法の振り分けパターン', personal: false },
      { name: '出力帳票様式及びシステム印字項目', personal: false },
    ],
    ruleIds: ['KTM-7-2', 'KTM-7-4'],
  },
];

const bind = (roleKey: string, positionKey: string, ruleIds: RuleId[]): RoleBindingSeed => ({
  rulebookId: 'KTM',
  roleKey,
  positionKey: position(positionKey).key,
  ruleIds,
});

const SYSTEM_USERS = [
  'ktm.shimin.madoguchi.kanri.staff1',
  'ktm.shimin.madoguchi.uketsuke.staff1',
  'ktm.shimin.madoguchi.uketsuke.staff2',
  'ktm.shimin.hoken.staff1',
  'ktm.fukushi.kaigo.staff1',
];

export const kitamiRoleBindings: RoleBindingSeed[] = [
  bind('general_manager', 'ktm.shimin.director', ['KTM-3-1', 'KTM-3-2']),
  bind('deputy_general_manager', 'ktm.shimin.madoguchi.chief', ['KTM-3-4', 'KTM-3-5']),
  ...KITAMI_BUSINESS_SECTIONS.map((k) => bind('manager', `${k}.chief`, ['KTM-4-1', 'KTM-4-2'])),
  ...KITAMI_BUSINESS_SECTIONS.map((k) => bind('business_section', `${k}.chief`, ['KTM-2-1-2', 'KTM-5-1'])),
  ...KITAMI_USING_SECTIONS.map((k) => bind('using_section_head', `${k}.chief`, ['KTM-10-1'])),
  bind('operations_meeting_chair', 'ktm.somu.director', ['KTM-3-7']),
  ...SYSTEM_USERS.map((k) => bind('system_user', k, ['KTM-2-1-3'])),
];

export const kitamiCommittees: CommitteeSeed[] = [
  {
    key: 'ktm.committee.one-stop',
    rulebookId: 'KTM',
    name: '北見市ワンストップサービス運用会議',
    nameEn: 'Kitami One-stop Service Operations Meeting',
    // The 座長 is set by the 運用会議's own 設置要綱, which is not part of the regulation; the
    // 総務部長 is assumed (KTM-3-7 has the 統括管理者 ask the 座長 to convene, so it is not the 統括管理者).
    chairPositionKey: position('ktm.somu.director').key,
    memberPositionKeys: [
      'ktm.shimin.director',
      'ktm.shimin.madoguchi.chief',
      ...KITAMI_BUSINESS_SECTIONS.filter((k) => k !== 'ktm.shimin.madoguchi').map((k) => `${k}.chief`),
    ].map((k) => position(k).key),
    secretariatOrgUnitKey: unit('ktm.shimin.madoguchi').key,
    ruleIds: ['KTM-3-7', 'KTM-6-1', 'KTM-13-1-2'],
  },
];

export const kitamiContractors: ContractorSeed[] = [
  {
    key: KITAMI_CONTRACTOR_KEY,
    name: '株式会社キタミ窓口ソリューションズ',
    people: [
      { key: 'ktm.contractor.p1', name: '菅原 和彦', email: 'sugawara@kitami-madoguchi.example.co.jp', phone: '0157-00-4101' },
      { key: 'ktm.contractor.p2', name: '野村 美和', email: 'nomura@kitami-madoguchi.example.co.jp', phone: '0157-00-4102' },
    ],
  },
];

export const kitamiDemo: MunicipalitySeed = {
  code: 'kitami',
  name: '北見市',
  nameEn: 'Kitami City',
  prefecture: '北海道',
  timeZone: 'Asia/Tokyo',
  classificationScale: 'guideline_2024',
  rulebookIds: ['KTM'],
  orgUnits: kitamiOrgUnits,
  positions: kitamiPositions,
  staff: generateDemoStaff({
    municipality: 'kitami',
    keyPrefix: 'ktm',
    emailDomain: 'kitami.example.lg.jp',
    employeeNumberPrefix: '01',
    positions: kitamiPositions,
    logins: [
      { positionKey: 'ktm.shimin.madoguchi.kanri.staff1', username: 'admin', registryAdmin: true },
      { positionKey: 'ktm.shimin.madoguchi.chief', username: 'chief' },
      { positionKey: 'ktm.shimin.madoguchi.uketsuke.staff1', username: 'staff1' },
    ],
  }),
  roleBindings: kitamiRoleBindings,
  systems: kitamiSystems,
  informationAssets: kitamiInformationAssets,
  committees: kitamiCommittees,
  contractors: kitamiContractors,
};
