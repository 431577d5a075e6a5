// 川崎市 — demo data for two regulations:
//  KWW 福祉総合情報システム運用管理要綱 (24川健企第297号), whose 別表 maps 事業 → 情報資産 → 情報管理責任者;
//  KWO 区役所事務サービスシステム情報資産管理要綱.
// The 別表 of KWW was a tab-separated table broken across lines (cells wrapped mid-word, rows split
// over two lines); it is reconstructed row by row below.
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
import type { RuleId } from '@tsukasa/domain';

const D = 'department' as const;
const S = 'section' as const;
const U = 'unit' as const;

// ---------------------------------------------------------------------------------------------
// Organisation: 局 and 部 (and 部-level 室) are both 'department'; 課 are sections.
// ---------------------------------------------------------------------------------------------
const WARDS = [
  ['kawasaki', '川崎区'],
  ['saiwai', '幸区'],
  ['nakahara', '中原区'],
  ['takatsu', '高津区'],
  ['miyamae', '宮前区'],
  ['tama', '多摩区'],
  ['asao', '麻生区'],
] as const;

const WARD_EN: Record<string, string> = {
  kawasaki: 'Kawasaki',
  saiwai: 'Saiwai',
  nakahara: 'Nakahara',
  takatsu: 'Takatsu',
  miyamae: 'Miyamae',
  tama: 'Tama',
  asao: 'Asao',
};

export const kawasakiOrgUnits: OrgUnitSeed[] = [
  orgUnit('kaw.kenko', '健康福祉局', 'Health and Welfare Bureau', D),
  orgUnit('kaw.kenko.somu', '総務部', 'General Affairs Department (Health and Welfare)', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.somu.system', '保健福祉システム課', 'Health and Welfare Systems Section', S, 'kaw.kenko.somu'),
  orgUnit('kaw.kenko.somu.system.unyo', 'システム運用係', 'System Operations Unit', U, 'kaw.kenko.somu.system'),
  orgUnit('kaw.kenko.careplan', '地域包括ケア推進室', 'Community-based Integrated Care Office', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.choju', '長寿社会部', 'Longevity Society Department', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.choju.jigyo', '高齢者事業推進課', 'Elderly Services Promotion Section', S, 'kaw.kenko.choju'),
  orgUnit('kaw.kenko.choju.kaigo', '介護保険課', 'Long-term Care Insurance Section', S, 'kaw.kenko.choju'),
  orgUnit('kaw.kenko.choju.zaitaku', '高齢者在宅サービス課', 'Elderly Home Services Section', S, 'kaw.kenko.choju'),
  orgUnit('kaw.kenko.iryo', '保健医療政策部', 'Health and Medical Policy Department', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.seiho', '生活保護・自立支援室', 'Public Assistance and Self-reliance Support Office', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.shogai', '障害保健福祉部', 'Disability Health and Welfare Department', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.shogai.fukushi', '障害福祉課', 'Disability Welfare Section', S, 'kaw.kenko.shogai'),
  orgUnit('kaw.kenko.shogai.seishin', '精神保健課', 'Mental Health Section', S, 'kaw.kenko.shogai'),
  orgUnit('kaw.kenko.shogai.shuro', '障害者社会参加・就労支援課', 'Social Participation and Employment Support Section', S, 'kaw.kenko.shogai'),
  orgUnit('kaw.kenko.hoken', '医療保険部', 'Medical Insurance Department', D, 'kaw.kenko'),
  orgUnit('kaw.kenko.hoken.nenkin', '国民年金・福祉医療課', 'National Pension and Welfare Medical Care Section', S, 'kaw.kenko.hoken'),

  orgUnit('kaw.kodomo', 'こども未来局', "Children's Future Bureau", D),
  orgUnit('kaw.kodomo.somu', '総務部', "General Affairs Department (Children's Future)", D, 'kaw.kodomo'),
  orgUnit('kaw.kodomo.somu.kikaku', '企画課', 'Planning Section', S, 'kaw.kodomo.somu'),
  orgUnit('kaw.kodomo.shien', 'こども支援部', 'Child Support Department', D, 'kaw.kodomo'),
  orgUnit('kaw.kodomo.shien.hoken', 'こども保健福祉課', 'Child Health and Welfare Section', S, 'kaw.kodomo.shien'),
  orgUnit('kaw.kodomo.shien.katei', 'こども家庭課', 'Child and Family Section', S, 'kaw.kodomo.shien'),
  orgUnit('kaw.kodomo.kosodate', '子育て推進部', 'Child-rearing Promotion Department', D, 'kaw.kodomo'),
  orgUnit('kaw.kodomo.kosodate.taisaku', '保育対策課', 'Childcare Measures Section', S, 'kaw.kodomo.kosodate'),
  orgUnit('kaw.kodomo.hoiku', '保育事業部', 'Childcare Services Department', D, 'kaw.kodomo'),
  orgUnit('kaw.kodomo.hoiku.dai1', '保育第1課', 'Childcare Section 1', S, 'kaw.kodomo.hoiku'),
  orgUnit('kaw.kodomo.hoiku.dai2', '保育第2課', 'Childcare Section 2', S, 'kaw.kodomo.hoiku'),

  orgUnit('kaw.somukikaku', '総務企画局', 'General Affairs and Planning Bureau', D),
  orgUnit('kaw.somukikaku.joho', '情報管理部', 'Information Management Department', D, 'kaw.somukikaku'),
  orgUnit('kaw.somukikaku.joho.system', 'システム管理課', 'System Management Section', S, 'kaw.somukikaku.joho'),

  orgUnit('kaw.shimin', '市民文化局', 'Civic Affairs and Culture Bureau', D),
  orgUnit('kaw.shimin.seikatsu', '市民生活部', 'Civic Life Department', D, 'kaw.shimin'),
  orgUnit('kaw.shimin.seikatsu.koseki', '戸籍住民サービス課', 'Family Register and Resident Services Section', S, 'kaw.shimin.seikatsu'),

  // 各区役所区民課 (KWO-2-4), plus a few 支所区民センター and 出張所.
  ...WARDS.flatMap(([slug, name]) => [
    orgUnit(`kaw.ward.${slug}`, `${name}役所`, `${WARD_EN[slug]} Ward Office`, D),
    orgUnit(`kaw.ward.${slug}.kumin`, '区民課', `Residents Section (${WARD_EN[slug]})`, S, `kaw.ward.${slug}`),
  ]),
  orgUnit('kaw.ward.kawasaki.kumin.madoguchi', '窓口係', 'Counter Unit', U, 'kaw.ward.kawasaki.kumin'),
  orgUnit('kaw.ward.kawasaki.daishi', '大師支所', 'Daishi Branch Office', D, 'kaw.ward.kawasaki'),
  orgUnit('kaw.ward.kawasaki.daishi.center', '区民センター', 'Residents Center (Daishi)', S, 'kaw.ward.kawasaki.daishi'),
  orgUnit('kaw.ward.kawasaki.tajima', '田島支所', 'Tajima Branch Office', D, 'kaw.ward.kawasaki'),
  orgUnit('kaw.ward.kawasaki.tajima.center', '区民センター', 'Residents Center (Tajima)', S, 'kaw.ward.kawasaki.tajima'),
  orgUnit('kaw.ward.saiwai.hiyoshi', '日吉出張所', 'Hiyoshi Sub-branch Office', S, 'kaw.ward.saiwai'),
];

const unit = keyed(kawasakiOrgUnits);

const HEAD_TITLES: Record<string, { title: string; name?: string }> = {
  'kaw.kenko': { title: '局長' },
  'kaw.kodomo': { title: '局長' },
  'kaw.somukikaku': { title: '局長' },
  'kaw.shimin': { title: '局長' },
  'kaw.kenko.careplan': { title: '室長' },
  'kaw.kenko.seiho': { title: '室長' },
  'kaw.ward.kawasaki.daishi': { title: '支所長', name: '大師支所長' },
  'kaw.ward.kawasaki.daishi.center': { title: '室長', name: '区民センター室長' },
  'kaw.ward.kawasaki.tajima': { title: '支所長', name: '田島支所長' },
  'kaw.ward.kawasaki.tajima.center': { title: '室長', name: '区民センター室長' },
  'kaw.ward.saiwai.hiyoshi': { title: '所長', name: '日吉出張所長' },
  ...Object.fromEntries(WARDS.map(([slug, name]) => [`kaw.ward.${slug}`, { title: '区長', name: `${name}長` }])),
};

const DEFAULT_HEAD_TITLE = { department: '部長', section: '課長', unit: '係長' } as const;

/** 担当課長 (and similar) positions that are not the head of their unit, named as the 別表 writes them. */
const EXTRA_POSITIONS: PositionSeed[] = [
  { key: 'kaw.kenko.somu.crisis-chief', orgUnitKey: 'kaw.kenko.somu', title: '担当課長', name: '総務部危機管理担当課長', kind: 'member' },
  { key: 'kaw.kenko.careplan.section-chief', orgUnitKey: 'kaw.kenko.careplan', title: '担当課長', name: '地域包括ケア推進室担当課長', kind: 'member' },
  {
    key: 'kaw.kenko.iryo.health-promotion-chief',
    orgUnitKey: 'kaw.kenko.iryo',
    title: '担当課長',
    name: '保健医療政策部担当課長（健康増進）',
    kind: 'member',
  },
  {
    key: 'kaw.kenko.iryo.env-health-chief',
    orgUnitKey: 'kaw.kenko.iryo',
    title: '担当課長',
    name: '保健医療政策部担当課長（環境保健）',
    kind: 'member',
  },
  {
    key: 'kaw.kenko.seiho.guidance-chief',
    orgUnitKey: 'kaw.kenko.seiho',
    title: '担当課長',
    name: '生活保護・自立支援室保護指導担当課長',
    kind: 'member',
  },
  {
    key: 'kaw.kodomo.kosodate.early-education-chief',
    orgUnitKey: 'kaw.kodomo.kosodate',
    title: '担当課長',
    name: '子育て推進部担当課長（幼児教育担当）',
    kind: 'member',
  },
];

const MEMBER_COUNTS: Record<string, number> = {
  'kaw.kenko.somu.system.unyo': 3,
  'kaw.kodomo.somu.kikaku': 1,
  'kaw.kenko.choju.kaigo': 1,
  'kaw.kenko.shogai.fukushi': 1,
  'kaw.shimin.seikatsu.koseki': 1,
  'kaw.ward.kawasaki.kumin.madoguchi': 2,
};

export const kawasakiPositions: PositionSeed[] = kawasakiOrgUnits.flatMap((u) => {
  const special = HEAD_TITLES[u.key];
  const head = special ? headOf(u, special.title, special.name) : headOf(u, DEFAULT_HEAD_TITLE[u.level]);
  return [head, ...EXTRA_POSITIONS.filter((p) => p.orgUnitKey === u.key), ...membersOf(u, MEMBER_COUNTS[u.key] ?? 0)];
});

const position = keyed(kawasakiPositions);

// ---------------------------------------------------------------------------------------------
// Systems.
// ---------------------------------------------------------------------------------------------
export const KAWASAKI_CONTRACTOR_KEY = 'kaw.contractor';
const WELFARE = 'kww.welfare';
const WARD_OFFICE = 'kwo.ward-office';

// 別表 — owners, by position key (full names in the comments, as the 別表 writes them).
const O = {
  careplan: 'kaw.kenko.careplan.section-chief', // 健康福祉局地域包括ケア推進室担当課長
  jigyo: 'kaw.kenko.choju.jigyo.chief', // 健康福祉局長寿社会部高齢者事業推進課長
  kaigo: 'kaw.kenko.choju.kaigo.chief', // 健康福祉局長寿社会部介護保険課長
  healthPromotion: 'kaw.kenko.iryo.health-promotion-chief', // 健康福祉局保健医療政策部担当課長 [健康増進]
  guidance: 'kaw.kenko.seiho.guidance-chief', // 健康福祉局生活保護・自立支援室保護指導担当課長
  shogai: 'kaw.kenko.shogai.fukushi.chief', // 健康福祉局障害保健福祉部障害福祉課長
  seishin: 'kaw.kenko.shogai.seishin.chief', // 健康福祉局障害保健福祉部精神保健課長
  shuro: 'kaw.kenko.shogai.shuro.chief', // 健康福祉局障害保健福祉部障害者社会参加・就労支援課長
  nenkin: 'kaw.kenko.hoken.nenkin.chief', // 健康福祉局医療保険部国民年金・福祉医療課長
  kodomoHoken: 'kaw.kodomo.shien.hoken.chief', // こども未来局こども支援部こども保健福祉課長
  zaitaku: 'kaw.kenko.choju.zaitaku.chief', // 健康福祉局長寿社会部高齢者在宅サービス課長
  katei: 'kaw.kodomo.shien.katei.chief', // こども未来局こども支援部こども家庭課長
  envHealth: 'kaw.kenko.iryo.env-health-chief', // 健康福祉局保健医療政策部担当課長〔環境保健〕
  crisis: 'kaw.kenko.somu.crisis-chief', // 健康福祉局総務部危機管理担当課長
  taisaku: 'kaw.kodomo.kosodate.taisaku.chief', // こども未来局子育て推進部保育対策課長
  earlyEducation: 'kaw.kodomo.kosodate.early-education-chief', // こども未来局子育て推進部担当課長（幼児教育担当）
  hoiku1: 'kaw.kodomo.hoiku.dai1.chief', // こども未来局保育事業部保育第1課長
  hoiku2: 'kaw.kodomo.hoiku.dai2.chief', // こども未来局保育事業部保育第2課長
} as const;

/** One row of the KWW 別表: [key suffix, 事業 (one or more), 情報資産, 情報管理責任者 (one or more)]. */
type WelfareRow = readonly [string, readonly string[], string, readonly string[]];

export const KAWASAKI_WELFARE_TABLE: readonly WelfareRow[] = [
  ['long-term-care', ['介護保険'], '介護保険業務に関する情報資産', [O.careplan, O.jigyo, O.kaigo, O.healthPromotion]],
  ['public-assistance', ['生活保護'], '生活保護に関する情報資産', [O.guidance]],
  ['welfare-commissioners', ['民生委員管理事業'], '民生委員管理業務に関する情報資産', [O.careplan]],
  ['physical-disability-certificate', ['身体障害者手帳'], '身体障害者手帳業務に関する情報資産', [O.shogai]],
  ['rehabilitation-certificate', ['療育手帳'], '療育手帳業務に関する情報資産', [O.shogai]],
  ['mental-disability-certificate', ['精神障害者保健手帳'], '精神障害者保健手帳業務に関する情報資産', [O.seishin]],
  ['certificates-history', ['証明書発行及びその他履歴管理'], '証明書発行及びその他履歴管理に関する情報資産', [O.shogai, O.shuro]],
  [
    'independence-support-medical',
    ['自立支援医療（精神通院）', '自立支援医療（更生医療）'],
    // The 別表 writes 更正 in the asset name (and 更生 in the 事業); transcribed as written.
    '自立支援医療（更正医療及び精神通院）業務に関する情報資産',
    [O.nenkin],
  ],
  ['upbringing-medical', ['自立支援医療（育成医療）'], '自立支援医療（育成医療）業務に関する情報資産', [O.kodomoHoken]],
  ['pediatric-chronic-disease', ['小児慢性特定疾病医療費助成事業'], '小児慢性特定疾病医療費助成事業に関する情報資産', [O.kodomoHoken]],
  ['disability-services', ['障害福祉サービス等事業'], '障害福祉サービス等事業業務に関する情報資産', [O.shogai]],
  ['disabled-children-support', ['障害児施設入所支援・障害児施設通所支援'], '障害児支援業務に関する情報資産', [O.shogai]],
  // Split over two lines in the source: "補装具費支給 重度障害児（者）日常生活" + "用具給付等事業 … 緊急通報システム設置運営 事業 …".
  [
    'disability-support',
    [
      '補装具費支給',
      '重度障害児（者）日常生活用具給付等事業',
      '点字図書給付',
      '緊急通報システム設置運営事業',
      'やさしい住まい推進事業',
      '重度障害者入浴援護事業',
    ],
    '障害者支援業務に関する情報資産',
    [O.shogai],
  ],
  // Every 事業 of this cell was wrapped mid-word ("ねたきり高齢者紙おむつ給 付事業" …).
  [
    'elderly-welfare-services',
    [
      'ねたきり高齢者紙おむつ給付事業',
      'ねたきり高齢者日常生活用具給付事業',
      '高齢者住宅改造費助成事業',
      '高齢者世帯住替え家賃助成',
      '福祉電話相談',
      'ひとり暮らし等高齢者見守り事業',
      '外出支援サービス事業',
      '徘徊高齢者発見システム',
      '徘徊高齢者SOSネットワーク事業',
      '高齢者訪問理美容サービス事業',
      '生活支援型食事サービス事業',
      '在宅ねたきり高齢者寝具乾燥事業',
      '要介護者生活支援ヘルパー派遣事業',
      '高齢者緊急通報システム設置運営事業',
      '高齢者等携帯型緊急通報システム運営事業',
    ],
    '高齢者福祉サービス業務に関する情報資産',
    [O.zaitaku],
  ],
  ['child-allowances', ['児童手当', '児童扶養手当'], '児童関係手当支給業務に関する情報資産', [O.katei]],
  [
    'disability-allowances',
    ['特別児童扶養手当', '川崎市在宅重度重複障害者等手当', '神奈川県在宅重度障害者等手当', '特別障害者手当', '障害児福祉手当', '福祉手当（経過措置）'],
    '障害者手当支給業務に関する情報資産',
    [O.shogai],
  ],
  // Split over two lines in the source: "外国人高齢者福祉手当 | 外国人高齢者福祉手当 | …高齢" + "支給業務に関する情報資産 | 者在宅サービス課長".
  ['foreign-elderly-allowance', ['外国人高齢者福祉手当'], '外国人高齢者福祉手当支給業務に関する情報資産', [O.zaitaku]],
  ['single-parent-loans', ['母子父子寡婦福祉資金貸付事業'], '母子父子寡婦福祉資金貸付業務に関する情報資産', [O.katei]],
  ['livelihood-loans', ['生活資金貸付事業'], '生活資金貸付に関する情報資産', [O.guidance]],
  ['disability-mutual-aid', ['心身障害者扶養共済制度'], '心身障害者扶養共済業務に関する情報資産', [O.shuro]],
  ['maternity-admission', ['入院助産制度'], '入院助産制度に関する情報資産', [O.kodomoHoken]],
  ['childrens-homes', ['児童養護施設等'], '児童施設業務に関する情報資産', [O.kodomoHoken]],
  ['mother-child-facilities', ['母子生活支援施設運営事業'], '母子生活支援施設運営事業に関する情報資産', [O.kodomoHoken]],
  ['elderly-nursing-homes', ['養護老人ホーム', '養護老人緊急一時入所事業'], '養護老人ホーム業務に関する情報資産', [O.jigyo]],
  [
    'child-medical-aid',
    ['小児医療費助成事業', 'ひとり親家庭等医療費助成事業', '小児ぜん息患者医療費支給事業'],
    '医療費助成業務（小児・ひとり親・小児ぜん息患者）に関する情報資産',
    [O.katei],
  ],
  ['adult-asthma-medical-aid', ['成人ぜん息患者医療費助成事業'], '医療費助成業務（成人ぜん息患者）に関する情報資産', [O.envHealth]],
  ['severe-disability-medical-aid', ['重度障害者医療費助成事業', '高齢重度障害者医療費助成事業'], '医療費助成業務（重度障害者）に関する情報資産', [O.nenkin]],
  ['disaster-evacuation-support', ['災害時要援護者避難支援制度'], '災害時要援護者避難支援業務に関する情報資産', [O.crisis]],
  ['water-charge-reduction', ['上下水道料金減免制度'], '上下水道料金減免制度に関する情報資産', [O.zaitaku, O.shuro, O.seishin]],
  // Split over two lines in the source; the last owner cells continue on the second line.
  [
    'child-care-support',
    ['保育所入所', '子ども・子育て支援給付', '子ども・子育て支援'],
    '子ども・子育て支援給付業務に関する情報資産',
    [O.taisaku, O.earlyEducation, O.hoiku1, O.hoiku2],
  ],
];

const unique = (keys: string[]): string[] => [...new Set(keys)];

/** Every 情報管理責任者 of the 別表, in order of first appearance. */
export const kawasakiWelfareOwnerPositionKeys: string[] = unique(KAWASAKI_WELFARE_TABLE.flatMap((row) => [...row[3]]));

const WARD_USAGE_UNITS = [
  ...WARDS.map(([slug]) => `kaw.ward.${slug}.kumin`),
  'kaw.ward.kawasaki.daishi.center',
  'kaw.ward.kawasaki.tajima.center',
  'kaw.ward.saiwai.hiyoshi',
];

export const kawasakiSystems: SystemSeed[] = [
  {
    key: WELFARE,
    name: '福祉総合情報システム',
    businessContent: '別表に定める事業に関する福祉サービスの実施の支援',
    managingOrgUnitKey: unit('kaw.kenko.somu.system').key,
    managementType: 'system_section',
    // 利用課 (KWW-2-1-2): the sections of the 情報管理責任者 plus the system section itself.
    usingOrgUnitKeys: unique(['kaw.kenko.somu.system', ...kawasakiWelfareOwnerPositionKeys.map((k) => position(k).orgUnitKey)]),
    rulebookId: 'KWW',
    status: 'in_service',
    contractorKey: KAWASAKI_CONTRACTOR_KEY,
  },
  {
    key: WARD_OFFICE,
    name: '区役所事務サービスシステム',
    businessContent: '住民基本台帳事務、印鑑登録事務',
    managingOrgUnitKey: unit('kaw.shimin.seikatsu.koseki').key,
    managementType: 'system_section',
    usingOrgUnitKeys: ['kaw.shimin.seikatsu.koseki', ...WARD_USAGE_UNITS].map((k) => unit(k).key),
    rulebookId: 'KWO',
    status: 'in_service',
    contractorKey: KAWASAKI_CONTRACTOR_KEY,
  },
];

// ---------------------------------------------------------------------------------------------
// Information assets: one per 別表 row (KWW-5-1), plus the ward office system's asset (KWO-2).
// ---------------------------------------------------------------------------------------------
export const kawasakiInformationAssets: InformationAssetSeed[] = [
  ...KAWASAKI_WELFARE_TABLE.map(([slug, businesses, name, owners]): InformationAssetSeed => ({
    key: `kaw.asset.${slug}`,
    name,
    business: businesses.join('、'),
    ownerPositionKeys: owners.map((k) => position(k).key),
    systemKeys: [WELFARE],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [
      { name: '宛名情報（氏名・住所・生年月日）', personal: true },
      { name: '資格・認定情報', personal: true },
      { name: '給付・支給履歴', personal: true },
    ],
    ruleIds: ['KWW-5-1', 'KWW-5-2'],
  })),
  {
    key: 'kaw.asset.resident-seal',
    name: '住民基本台帳・印鑑登録情報',
    business: '住民基本台帳事務、印鑑登録事務',
    ownerPositionKeys: [position('kaw.shimin.seikatsu.koseki.chief').key],
    systemKeys: [WARD_OFFICE],
    classification: { confidentiality: '3A', integrity: '2', availability: '2' },
    dataItems: [...BASIC_RESIDENT_ITEMS, { name: '個人番号', personal: true }, { name: '印鑑登録番号', personal: true }, { name: '登録印影', personal: true }],
    ruleIds: ['KWO-2-1', 'KWO-2-2', 'KWO-3-2'],
  },
];

// ---------------------------------------------------------------------------------------------
// Role bindings.
// ---------------------------------------------------------------------------------------------
const bind = (rulebookId: 'KWW' | 'KWO', roleKey: string, positionKey: string, ruleIds: RuleId[], scope?: { key: string; label: string }): RoleBindingSeed => ({
  rulebookId,
  roleKey,
  positionKey: position(positionKey).key,
  ...(scope ? { scope } : {}),
  ruleIds,
});

export const KWW_SUPERVISOR_SCOPES = {
  healthWelfare: { key: 'health-welfare', label: '健康福祉局及び共通部分に関する業務' },
  children: { key: 'children', label: 'こども未来局に関する業務' },
} as const;

const SYSTEM_OPERATORS = [
  'kaw.kenko.somu.system.unyo.staff1',
  'kaw.kenko.somu.system.unyo.staff2',
  'kaw.kenko.somu.system.unyo.staff3',
  'kaw.kodomo.somu.kikaku.staff1',
];
const OWNER_ASSISTANTS = ['kaw.kenko.choju.kaigo.staff1', 'kaw.kenko.shogai.fukushi.staff1'];
/** A few 利用課 whose chiefs are 利用責任者 (KWW-8-2). */
const USAGE_SECTIONS = ['kaw.kenko.choju.kaigo', 'kaw.kenko.choju.zaitaku', 'kaw.kenko.shogai.fukushi', 'kaw.kodomo.shien.katei', 'kaw.kodomo.hoiku.dai1'];

export const kawasakiRoleBindings: RoleBindingSeed[] = [
  bind('KWW', 'system_supervisor', 'kaw.kenko.somu.director', ['KWW-3-1'], { ...KWW_SUPERVISOR_SCOPES.healthWelfare }),
  bind('KWW', 'system_supervisor', 'kaw.kodomo.somu.director', ['KWW-3-1'], { ...KWW_SUPERVISOR_SCOPES.children }),
  bind('KWW', 'system_administrator', 'kaw.kenko.somu.system.chief', ['KWW-4-1', 'KWW-4-2']),
  ...SYSTEM_OPERATORS.map((k) => bind('KWW', 'system_operator', k, ['KWW-4-3'])),
  ...kawasakiWelfareOwnerPositionKeys.map((k) => bind('KWW', 'information_owner', k, ['KWW-5-1'])),
  ...OWNER_ASSISTANTS.map((k) => bind('KWW', 'information_owner_assistant', k, ['KWW-5-4'])),
  ...USAGE_SECTIONS.map((k) => bind('KWW', 'usage_manager', `${k}.chief`, ['KWW-8-1', 'KWW-8-2'])),
  bind('KWW', 'operations_support_chief', 'kaw.somukikaku.joho.system.chief', ['KWW-11-1']),

  bind('KWO', 'asset_manager', 'kaw.shimin.seikatsu.koseki.chief', ['KWO-2-2']),
  bind('KWO', 'system_manager', 'kaw.shimin.seikatsu.koseki.chief', ['KWO-2-3']),
  // 市民文化局長 receives reports of incidents with large impact on residents (KWO-10-1-2).
  bind('KWO', 'citizens_bureau_director', 'kaw.shimin.director', ['KWO-10-1-2']),
  ...WARD_USAGE_UNITS.map((k) => bind('KWO', 'system_usage_manager', `${k}.chief`, ['KWO-2-4'])),
  ...['kaw.ward.kawasaki.kumin.madoguchi.staff1', 'kaw.ward.kawasaki.kumin.madoguchi.staff2'].map((k) => bind('KWO', 'designated_handler', k, ['KWO-6-1'])),
];

// ---------------------------------------------------------------------------------------------
// Committees (KWW-12).
// ---------------------------------------------------------------------------------------------
export const kawasakiCommittees: CommitteeSeed[] = [
  {
    key: 'kaw.committee.operations',
    rulebookId: 'KWW',
    name: '福祉総合情報システム運用管理会議',
    nameEn: 'Welfare Information System Operations Management Meeting',
    // Convened by the システム総括者 (health-welfare scope, which also covers the common parts).
    chairPositionKey: position('kaw.kenko.somu.director').key,
    memberPositionKeys: [...kawasakiWelfareOwnerPositionKeys],
    secretariatOrgUnitKey: unit('kaw.kenko.somu.system').key,
    ruleIds: ['KWW-12-1', 'KWW-12-2'],
  },
  {
    key: 'kaw.committee.operations-staff',
    rulebookId: 'KWW',
    name: '福祉総合情報システム運用管理担当者会議',
    nameEn: 'Welfare Information System Operations Staff Meeting',
    // Convened by the システム管理者 (KWW-12-4); members: 情報管理担当者 and システム運用担当者.
    chairPositionKey: position('kaw.kenko.somu.system.chief').key,
    memberPositionKeys: [...OWNER_ASSISTANTS, ...SYSTEM_OPERATORS].map((k) => position(k).key),
    secretariatOrgUnitKey: unit('kaw.kenko.somu.system').key,
    ruleIds: ['KWW-12-3', 'KWW-12-4'],
  },
];

export const kawasakiContractors: ContractorSeed[] = [
  {
    key: KAWASAKI_CONTRACTOR_KEY,
    name: '株式会社カワサキ福祉システムズ',
    people: [
      { key: 'kaw.contractor.p1', name: '大野 正樹', email: 'ono@kawasaki-fukushi-sys.example.co.jp', phone: '044-000-2101' },
      { key: 'kaw.contractor.p2', name: '今井 絵美', email: 'imai@kawasaki-fukushi-sys.example.co.jp', phone: '044-000-2102' },
    ],
  },
];

export const kawasakiDemo: MunicipalitySeed = {
  code: 'kawasaki',
  name: '川崎市',
  nameEn: 'Kawasaki City',
  prefecture: '神奈川県',
  timeZone: 'Asia/Tokyo',
  classificationScale: 'guideline_2024',
  rulebookIds: ['KWW', 'KWO'],
  orgUnits: kawasakiOrgUnits,
  positions: kawasakiPositions,
  staff: generateDemoStaff({
    municipality: 'kawasaki',
    keyPrefix: 'kaw',
    emailDomain: 'kawasaki.example.lg.jp',
    employeeNumberPrefix: '14',
    positions: kawasakiPositions,
    logins: [
      { positionKey: 'kaw.kenko.somu.system.unyo.staff1', username: 'admin', registryAdmin: true },
      { positionKey: 'kaw.kenko.somu.system.chief', username: 'chief' },
      { positionKey: 'kaw.kenko.choju.kaigo.chief', username: 'owner' },
      { positionKey: 'kaw.ward.kawasaki.kumin.madoguchi.staff1', username: 'staff1' },
    ],
  }),
  roleBindings: kawasakiRoleBindings,
  systems: kawasakiSystems,
  informationAssets: kawasakiInformationAssets,
  committees: kawasakiCommittees,
  contractors: kawasakiContractors,
};
