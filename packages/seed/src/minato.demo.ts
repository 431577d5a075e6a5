// 港区 — demo data transcribed from 福祉総合システム運用要領 (23港保福第731号, 令和3年4月1日施行).
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

export const minatoOrgUnits: OrgUnitSeed[] = [
  orgUnit('mnt.shiba', '芝地区総合支所', 'Shiba Area Branch Office', D),
  orgUnit('mnt.shiba.kumin', '区民課', 'Residents Section (Shiba)', S, 'mnt.shiba'),
  orgUnit('mnt.shiba.kumin.hoken', '保健福祉係', 'Health and Welfare Unit (Shiba)', U, 'mnt.shiba.kumin'),
  orgUnit('mnt.azabu', '麻布地区総合支所', 'Azabu Area Branch Office', D),
  orgUnit('mnt.azabu.kumin', '区民課', 'Residents Section (Azabu)', S, 'mnt.azabu'),
  orgUnit('mnt.akasaka', '赤坂地区総合支所', 'Akasaka Area Branch Office', D),
  orgUnit('mnt.akasaka.kumin', '区民課', 'Residents Section (Akasaka)', S, 'mnt.akasaka'),
  orgUnit('mnt.takanawa', '高輪地区総合支所', 'Takanawa Area Branch Office', D),
  orgUnit('mnt.takanawa.kumin', '区民課', 'Residents Section (Takanawa)', S, 'mnt.takanawa'),
  orgUnit('mnt.shibaura', '芝浦港南地区総合支所', 'Shibaura-Konan Area Branch Office', D),
  orgUnit('mnt.shibaura.kumin', '区民課', 'Residents Section (Shibaura-Konan)', S, 'mnt.shibaura'),

  orgUnit('mnt.hoken', '保健福祉支援部', 'Health and Welfare Support Department', D),
  orgUnit('mnt.hoken.fukushi', '保健福祉課', 'Health and Welfare Section', S, 'mnt.hoken'),
  orgUnit('mnt.hoken.fukushi.kanri', '管理係', 'Administration Unit', U, 'mnt.hoken.fukushi'),
  orgUnit('mnt.hoken.korei', '高齢者支援課', 'Elderly Support Section', S, 'mnt.hoken'),
  orgUnit('mnt.hoken.korei.zaitaku', '在宅支援係', 'Home Care Support Unit', U, 'mnt.hoken.korei'),
  orgUnit('mnt.hoken.shogai', '障害者福祉課', 'Welfare for Persons with Disabilities Section', S, 'mnt.hoken'),
  orgUnit('mnt.hoken.seikatsu', '生活福祉調整課', 'Livelihood Welfare Coordination Section', S, 'mnt.hoken'),

  orgUnit('mnt.hokenjo', 'みなと保健所', 'Minato Public Health Center', D),
  orgUnit('mnt.hokenjo.yobo', '保健予防課', 'Preventive Health Section', S, 'mnt.hokenjo'),
  orgUnit('mnt.hokenjo.kenko', '健康推進課', 'Health Promotion Section', S, 'mnt.hokenjo'),

  orgUnit('mnt.kodomo', '子ども家庭支援部', 'Children and Family Support Department', D),
  orgUnit('mnt.kodomo.katei', '子ども家庭課', 'Children and Family Section', S, 'mnt.kodomo'),
  orgUnit('mnt.kodomo.katei.teate', '手当係', 'Allowances Unit', U, 'mnt.kodomo.katei'),
  orgUnit('mnt.kodomo.hoikuseisaku', '保育政策課', 'Childcare Policy Section', S, 'mnt.kodomo'),
  orgUnit('mnt.kodomo.hoiku', '保育課', 'Childcare Section', S, 'mnt.kodomo'),
  orgUnit('mnt.kodomo.center', '子ども家庭支援センター', 'Children and Family Support Center', S, 'mnt.kodomo'),

  orgUnit('mnt.jiso', '児童相談所', "Children's Guidance Center", D),
  orgUnit('mnt.jiso.sodan', '児童相談課', 'Child Consultation Section', S, 'mnt.jiso'),

  orgUnit('mnt.machi', '街づくり支援部', 'Urban Development Support Department', D),
  orgUnit('mnt.machi.jutaku', '住宅課', 'Housing Section', S, 'mnt.machi'),

  orgUnit('mnt.bosai', '防災危機管理室', 'Disaster Prevention and Crisis Management Office', D),
  orgUnit('mnt.bosai.bosai', '防災課', 'Disaster Prevention Section', S, 'mnt.bosai'),

  orgUnit('mnt.kyoiku', '教育委員会事務局', 'Board of Education Secretariat', D),
  orgUnit('mnt.kyoiku.suishin', '教育推進部', 'Education Promotion Department', D, 'mnt.kyoiku'),
  orgUnit('mnt.kyoiku.suishin.kyoikucho', '教育長室', "Superintendent's Office", S, 'mnt.kyoiku.suishin'),
  orgUnit('mnt.kyoiku.gakko', '学校教育部', 'School Education Department', D, 'mnt.kyoiku'),
  orgUnit('mnt.kyoiku.gakko.gakumu', '学務課', 'School Affairs Section', S, 'mnt.kyoiku.gakko'),

  // 情報政策課 (MNT-2-1-8, MNT-13-5): the regulation does not name its 部; placed under 企画経営部 (assumed).
  orgUnit('mnt.kikaku', '企画経営部', 'Planning and Management Department', D),
  orgUnit('mnt.kikaku.joho', '情報政策課', 'Information Policy Section', S, 'mnt.kikaku'),
];

const unit = keyed(minatoOrgUnits);

const HEAD_TITLES: Record<string, { title: string; name: string }> = {
  'mnt.shiba': { title: '支所長', name: '芝地区総合支所長' },
  'mnt.azabu': { title: '支所長', name: '麻布地区総合支所長' },
  'mnt.akasaka': { title: '支所長', name: '赤坂地区総合支所長' },
  'mnt.takanawa': { title: '支所長', name: '高輪地区総合支所長' },
  'mnt.shibaura': { title: '支所長', name: '芝浦港南地区総合支所長' },
  'mnt.hokenjo': { title: '所長', name: 'みなと保健所長' },
  'mnt.kodomo.center': { title: '所長', name: '子ども家庭支援センター所長' },
  'mnt.jiso': { title: '所長', name: '児童相談所長' },
  'mnt.bosai': { title: '室長', name: '防災危機管理室長' },
  'mnt.kyoiku': { title: '事務局長', name: '教育委員会事務局長' },
  'mnt.kyoiku.suishin.kyoikucho': { title: '室長', name: '教育長室長' },
};

const DEFAULT_HEAD_TITLE = { department: '部長', section: '課長', unit: '係長' } as const;

const MEMBER_COUNTS: Record<string, number> = {
  'mnt.hoken.fukushi.kanri': 1,
  'mnt.shiba.kumin.hoken': 1,
  'mnt.hoken.korei.zaitaku': 2,
  'mnt.kodomo.katei.teate': 1,
};

/** システム総括担当者 (MNT-6-1): a 係員 of 保健福祉課管理係, nominated by the 保健福祉課長. */
const COORDINATOR = 'mnt.hoken.fukushi.kanri.coordinator';

export const minatoPositions: PositionSeed[] = minatoOrgUnits.flatMap((u) => {
  const special = HEAD_TITLES[u.key];
  const head = special ? headOf(u, special.title, special.name) : headOf(u, DEFAULT_HEAD_TITLE[u.level]);
  const extra: PositionSeed[] =
    u.key === 'mnt.hoken.fukushi.kanri' ? [{ key: COORDINATOR, orgUnitKey: u.key, title: '係員', name: 'システム総括担当者', kind: 'member' }] : [];
  return [head, ...extra, ...membersOf(u, MEMBER_COUNTS[u.key] ?? 0)];
});

const position = keyed(minatoPositions);

/** MNT-3: the 20 システム使用課, in the order of the regulation. */
export const MINATO_USING_SECTIONS = [
  'mnt.shiba.kumin', // 芝地区総合支所区民課
  'mnt.azabu.kumin', // 麻布地区総合支所区民課
  'mnt.akasaka.kumin', // 赤坂地区総合支所区民課
  'mnt.takanawa.kumin', // 高輪地区総合支所区民課
  'mnt.shibaura.kumin', // 芝浦港南地区総合支所区民課
  'mnt.hoken.fukushi', // 保健福祉支援部保健福祉課
  'mnt.hoken.korei', // 保健福祉支援部高齢者支援課
  'mnt.hoken.shogai', // 保健福祉支援部障害者福祉課
  'mnt.hoken.seikatsu', // 保健福祉支援部生活福祉調整課
  'mnt.hokenjo.yobo', // みなと保健所保健予防課
  'mnt.hokenjo.kenko', // みなと保健所健康推進課
  'mnt.kodomo.katei', // 子ども家庭支援部子ども家庭課
  'mnt.kodomo.hoikuseisaku', // 子ども家庭支援部保育政策課
  'mnt.kodomo.hoiku', // 子ども家庭支援部保育課
  'mnt.kodomo.center', // 子ども家庭支援部子ども家庭支援センター
  'mnt.jiso.sodan', // 児童相談所児童相談課
  'mnt.machi.jutaku', // 街づくり支援部住宅課
  'mnt.bosai.bosai', // 防災危機管理室防災課
  'mnt.kyoiku.suishin.kyoikucho', // 教育委員会事務局教育推進部教育長室
  'mnt.kyoiku.gakko.gakumu', // 教育委員会事務局学校教育部学務課
] as const;

export const MINATO_CONTRACTOR_KEY = 'mnt.contractor';

export const minatoSystems: SystemSeed[] = [
  {
    key: 'mnt.welfare',
    name: '福祉総合システム',
    businessContent: '福祉関連事業に係る事務処理の効率化及び福祉関連情報の一元管理による相談対応機能の充実',
    managingOrgUnitKey: unit('mnt.hoken.fukushi').key,
    managementType: 'system_section',
    usingOrgUnitKeys: MINATO_USING_SECTIONS.map((k) => unit(k).key),
    rulebookId: 'MNT',
    status: 'in_service',
    contractorKey: MINATO_CONTRACTOR_KEY,
  },
];

export const minatoInformationAssets: InformationAssetSeed[] = [
  {
    key: 'mnt.asset.welfare-master',
    name: '福祉総合システムの福祉関連情報（マスタ）',
    business: '福祉関連事業（全事業共通）',
    ownerPositionKeys: [position('mnt.hoken.fukushi.chief').key],
    systemKeys: ['mnt.welfare'],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [
      { name: '宛名情報（氏名・住所・生年月日・性別）', personal: true },
      { name: '世帯情報', personal: true },
      { name: '相談記録', personal: true },
      { name: 'コード・制度マスタ', personal: false },
    ],
    ruleIds: ['MNT-2-1-4', 'MNT-4-1-9', 'MNT-19-1'],
  },
  {
    key: 'mnt.asset.elderly',
    name: '高齢者支援に係る福祉関連情報',
    business: '高齢者支援事業',
    ownerPositionKeys: [position('mnt.hoken.korei.chief').key],
    systemKeys: ['mnt.welfare'],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [
      { name: '高齢者福祉サービス利用情報', personal: true },
      { name: '見守り対象者情報', personal: true },
    ],
    ruleIds: ['MNT-5-1-6', 'MNT-19-1'],
  },
  {
    key: 'mnt.asset.disability',
    name: '障害者福祉に係る福祉関連情報',
    business: '障害者福祉事業',
    ownerPositionKeys: [position('mnt.hoken.shogai.chief').key],
    systemKeys: ['mnt.welfare'],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [
      { name: '障害者手帳情報', personal: true },
      { name: '障害福祉サービス支給決定情報', personal: true },
    ],
    ruleIds: ['MNT-5-1-6', 'MNT-19-1'],
  },
  {
    key: 'mnt.asset.access-log',
    name: '福祉総合システムのアクセス記録',
    business: 'アクセスの記録及び監視',
    ownerPositionKeys: [position('mnt.hoken.fukushi.chief').key],
    systemKeys: ['mnt.welfare'],
    classification: { confidentiality: '3B', integrity: '2', availability: '1' },
    dataItems: [
      { name: 'ユーザID', personal: false },
      { name: '照会・更新の日時及び対象', personal: true },
    ],
    ruleIds: ['MNT-4-1-7', 'MNT-19-3'],
  },
];

const USING_SECTION_STAFF = ['mnt.shiba.kumin.hoken.staff1', 'mnt.hoken.korei.zaitaku.staff1', 'mnt.kodomo.katei.teate.staff1'];
const USING_UNIT_STAFF = ['mnt.shiba.kumin.hoken.staff1', 'mnt.hoken.korei.zaitaku.staff1', 'mnt.hoken.korei.zaitaku.staff2', 'mnt.kodomo.katei.teate.staff1'];

const bind = (roleKey: string, positionKey: string, ruleIds: RuleId[]): RoleBindingSeed => ({
  rulebookId: 'MNT',
  roleKey,
  positionKey: position(positionKey).key,
  ruleIds,
});

/** Head position key of a using section (課長, or 室長 / 所長 where the section is a 室 or センター). */
const chiefOf = (sectionKey: string): string => `${sectionKey}.chief`;

export const minatoRoleBindings: RoleBindingSeed[] = [
  bind('welfare_section_chief', 'mnt.hoken.fukushi.chief', ['MNT-4-1']),
  ...MINATO_USING_SECTIONS.map((k) => bind('using_section_chief', chiefOf(k), ['MNT-5-1'])),
  bind('management_unit_chief', 'mnt.hoken.fukushi.kanri.chief', ['MNT-9-3-1']),
  bind('system_coordinator', COORDINATOR, ['MNT-6-1', 'MNT-6-2']),
  // システム使用課担当者 is the システム使用係担当者 of the section (MNT-7-1).
  ...USING_SECTION_STAFF.map((k) => bind('using_section_staff', k, ['MNT-7-1'])),
  ...USING_UNIT_STAFF.map((k) => bind('using_unit_staff', k, ['MNT-8-1'])),
  bind('information_policy_chief', 'mnt.kikaku.joho.chief', ['MNT-13-5', 'MNT-14-2']),
];

export const minatoCommittees: CommitteeSeed[] = [
  {
    key: 'mnt.committee.monthly-report',
    rulebookId: 'MNT',
    name: '福祉総合システム定例報告会',
    nameEn: 'Welfare System Monthly Report Meeting',
    chairPositionKey: position('mnt.hoken.fukushi.chief').key,
    // MNT-9-3: 保健福祉支援部保健福祉課管理係長, システム総括担当者; the 保守業務受託者 attends through
    // its representative (a contractor person, see minatoContractors).
    memberPositionKeys: [position('mnt.hoken.fukushi.kanri.chief').key, position(COORDINATOR).key],
    secretariatOrgUnitKey: unit('mnt.hoken.fukushi').key,
    ruleIds: ['MNT-4-1-12', 'MNT-9-1', 'MNT-9-2', 'MNT-9-3'],
  },
];

export const minatoContractors: ContractorSeed[] = [
  {
    key: MINATO_CONTRACTOR_KEY,
    name: '株式会社ミナトシステムサービス',
    people: [
      // Representative attending the 定例報告会 (MNT-9-3-3).
      { key: 'mnt.contractor.representative', name: '高田 雄一', email: 'takada@minato-sys.example.co.jp', phone: '03-0000-3101' },
      { key: 'mnt.contractor.engineer', name: '森本 千夏', email: 'morimoto@minato-sys.example.co.jp', phone: '03-0000-3102' },
    ],
  },
];

export const minatoDemo: MunicipalitySeed = {
  code: 'minato',
  name: '港区',
  nameEn: 'Minato City',
  prefecture: '東京都',
  timeZone: 'Asia/Tokyo',
  classificationScale: 'guideline_2024',
  rulebookIds: ['MNT'],
  orgUnits: minatoOrgUnits,
  positions: minatoPositions,
  staff: generateDemoStaff({
    municipality: 'minato',
    keyPrefix: 'mnt',
    emailDomain: 'minato.example.lg.jp',
    employeeNumberPrefix: '13',
    positions: minatoPositions,
    logins: [
      { positionKey: COORDINATOR, username: 'admin', registryAdmin: true },
      { positionKey: 'mnt.hoken.fukushi.chief', username: 'chief' },
      { positionKey: 'mnt.hoken.fukushi.kanri.chief', username: 'kanri' },
      { positionKey: 'mnt.shiba.kumin.hoken.staff1', username: 'staff1' },
    ],
  }),
  roleBindings: minatoRoleBindings,
  systems: minatoSystems,
  informationAssets: minatoInformationAssets,
  committees: minatoCommittees,
  contractors: minatoContractors,
};
