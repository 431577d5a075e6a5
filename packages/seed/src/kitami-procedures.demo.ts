// Demo 行政手続の定義 of Kitami's counter support system (書かない窓口, KTM-7): the 住所・氏名・世帯
// notifications and the procedures that follow from them, with conditions the system evaluates
// (KTM-7-2-2) and the routing by business authority (KTM-7-2-3). The days they were last reviewed
// are relative to the day the demo is loaded (demoReviewedOn).
//
// The regulation names no business sections; those below are the demo's assumed ones (kitami.demo.ts).
// The demo has no board of education nor environment section: the 窓口課 is assumed to issue the
// 転入学通知書 and to take the dog registration changes on their behalf.
import { addMonths, monthOf, type ProcedureCategory, type ProcedureRoutingAction } from '@tsukasa/domain';
import { demoDatesAt } from './access.demo.ts';

const MADOGUCHI = 'ktm.shimin.madoguchi';
const HOKEN = 'ktm.shimin.hoken';
const KAIGO = 'ktm.fukushi.kaigo';
const SHOGAI = 'ktm.fukushi.shogai';
const KOSODATE = 'ktm.fukushi.kosodate';

export interface DemoPattern {
  authority: string;
  action: ProcedureRoutingAction;
  to?: string;
  note?: string;
}

export interface DemoProcedure {
  key: string;
  name: string;
  category: ProcedureCategory;
  displayOrder: number;
  overview: string;
  conditionsText: string;
  conditionRules: unknown;
  routingText: string;
  /** 業務所管課 (KTM-2-1-2, KTM-5-1-1); handles it unless `handling` says otherwise. */
  managing: string;
  handling?: string;
  patterns: DemoPattern[];
  confirmationItems: string[];
  outputForms: { name: string; printedFields: string[] }[];
  other?: string;
  /** When it was last reviewed (KTM-5-1-1), relative to the day the demo is loaded (demoReviewedOn). */
  reviewed: DemoReview;
}

/** A definition reviewed this fiscal year, or one not reviewed for over a year (due for review, KTM-5-1-1). */
export type DemoReview = 'this_fiscal_year' | 'over_a_year_ago';

/**
 * The day a demo definition was last reviewed, as a municipality loading the demo on `asOf` would
 * have it: on the first day of that day's fiscal year, or on the first day of the month a year and a
 * half before (past the one-year interval, whatever the day).
 */
export function demoReviewedOn(review: DemoReview, asOf: Date): string {
  const d = demoDatesAt(asOf);
  return review === 'this_fiscal_year' ? `${d.fiscalYear}-04-01` : `${addMonths(monthOf(d.monthStart), -18)}-01`;
}

const event = (...value: string[]) => ({ fact: 'event', op: 'in', value });
const atLeastOne = (where: Record<string, unknown>) => ({ fact: 'members', where, op: 'gte', value: 1 });
const MOVES = ['moving_in', 'moving_out', 'moving_within'];

/** The counter (窓口課) takes it and prints the form; the section in charge completes it. */
const viaCounter = (section: string, note: string): DemoPattern[] => [
  { authority: section, action: 'handle' },
  { authority: MADOGUCHI, action: 'accept_and_hand_over', note },
  { authority: '*', action: 'refer' },
];
const atCounter: DemoPattern[] = [
  { authority: MADOGUCHI, action: 'handle' },
  { authority: '*', action: 'refer' },
];

const IDENTITY = '本人確認書類（マイナンバーカード、運転免許証等）';
const RESIDENT_FIELDS = ['氏名', 'フリガナ', '生年月日', '性別', '続柄'];

export const KITAMI_DEMO_PROCEDURES: DemoProcedure[] = [
  {
    key: 'ktm.procedure.tennyu',
    name: '転入届',
    category: 'address_name_household',
    displayOrder: 10,
    overview:
      '他の市区町村から北見市に住所を移したときの届出です。転入した日から14日以内に届け出てください。マイナンバーカードをお持ちの方は、カードの継続利用の手続も行います。',
    conditionsText: '他の市区町村から北見市に転入したとき',
    conditionRules: event('moving_in'),
    routingText: '窓口課で受付・処理。他の課の職員は窓口課へ案内する。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [
      IDENTITY,
      '転出証明書（マイナンバーカードによる転出届をした方は不要）',
      '異動する方全員のマイナンバーカード',
      '転入した日（14日以内か）',
    ],
    outputForms: [{ name: '住民異動届（転入）', printedFields: [...RESIDENT_FIELDS, '新住所', '前住所', '転入年月日', '世帯主'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.tenshutsu',
    name: '転出届',
    category: 'address_name_household',
    displayOrder: 20,
    overview: '北見市から他の市区町村へ住所を移すときの届出です。転出の予定日のおおむね14日前から届け出ることができます。転出証明書を交付します。',
    conditionsText: '北見市から他の市区町村へ転出するとき',
    conditionRules: event('moving_out'),
    routingText: '窓口課で受付・処理。他の課の職員は窓口課へ案内する。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [IDENTITY, '転出予定日と転出先の住所', '印鑑登録証（転出により印鑑登録は廃止）'],
    outputForms: [
      { name: '住民異動届（転出）', printedFields: [...RESIDENT_FIELDS, '現住所', '転出先住所', '転出予定年月日', '世帯主'] },
      { name: '転出証明書', printedFields: ['氏名', '生年月日', '転出先住所', '転出予定年月日'] },
    ],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.tenkyo',
    name: '転居届',
    category: 'address_name_household',
    displayOrder: 30,
    overview: '北見市内で住所を移したときの届出です。転居した日から14日以内に届け出てください。マイナンバーカードの券面の住所も書き換えます。',
    conditionsText: '北見市内で転居したとき',
    conditionRules: event('moving_within'),
    routingText: '窓口課で受付・処理。他の課の職員は窓口課へ案内する。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [IDENTITY, '異動する方全員のマイナンバーカード', '転居した日（14日以内か）'],
    outputForms: [{ name: '住民異動届（転居）', printedFields: [...RESIDENT_FIELDS, '新住所', '旧住所', '転居年月日', '世帯主'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.setai-henko',
    name: '世帯変更届',
    category: 'address_name_household',
    displayOrder: 40,
    overview: '世帯を分ける・合わせる、世帯主が変わるときの届出です。世帯主が亡くなり、15歳以上の世帯員が2人以上残るときは、世帯主変更届が必要です。',
    conditionsText: '世帯の分離・合併・世帯主の変更があったとき。世帯主が亡くなり、15歳以上の世帯員が2人以上残るとき。',
    conditionRules: {
      any: [
        event('household_change'),
        { all: [event('death'), atLeastOne({ head: true, deceased: true }), { fact: 'members', where: { minAge: 15, deceased: false }, op: 'gte', value: 2 }] },
      ],
    },
    routingText: '窓口課で受付・処理。他の課の職員は窓口課へ案内する。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [IDENTITY, '新しい世帯主と世帯の構成', '変更のあった日（14日以内か）'],
    outputForms: [{ name: '住民異動届（世帯変更）', printedFields: [...RESIDENT_FIELDS, '住所', '新世帯主', '旧世帯主', '異動年月日'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.kokuho-kanyu',
    name: '国民健康保険の加入',
    category: 'related',
    displayOrder: 110,
    overview:
      '北見市に転入した方で勤務先の健康保険に加入していない75歳未満の方、国民健康保険の世帯に生まれた子は、国民健康保険に加入します。保険証（資格確認書）は保険医療課で交付します。',
    conditionsText: '転入した方のうち、勤務先の健康保険（被扶養者を含む）に加入していない75歳未満の方がいるとき。国民健康保険の世帯で出生があったとき。',
    conditionRules: {
      any: [
        { all: [event('moving_in'), atLeastOne({ maxAge: 74, employeeInsurance: false })] },
        { all: [event('birth'), atLeastOne({ nationalHealthInsurance: true })] },
      ],
    },
    routingText: '保険医療課で処理。窓口課は国民健康保険異動届を印字して保険医療課へ引き継ぐ。その他の課は保険医療課へ案内する。',
    managing: HOKEN,
    patterns: viaCounter(HOKEN, '国民健康保険異動届（資格取得）を印字し、本人確認の記録とともに保険医療課へ引き継ぐ'),
    confirmationItems: [IDENTITY, '加入する方のマイナンバー', '前住所地で国民健康保険以外の健康保険に加入していないこと'],
    outputForms: [{ name: '国民健康保険異動届（資格取得）', printedFields: ['世帯主氏名', '加入者氏名', '生年月日', '住所', '資格取得年月日', '異動事由'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.kokuho-soshitsu',
    name: '国民健康保険の資格喪失',
    category: 'related',
    displayOrder: 115,
    overview: '国民健康保険に加入している方が転出するとき、又は亡くなったときの届出です。亡くなった方の葬祭を行った方には葬祭費を支給します。',
    conditionsText: '国民健康保険に加入している方が転出するとき、又は亡くなったとき',
    conditionRules: {
      any: [
        { all: [event('moving_out'), atLeastOne({ nationalHealthInsurance: true })] },
        { all: [event('death'), atLeastOne({ deceased: true, nationalHealthInsurance: true })] },
      ],
    },
    routingText: '保険医療課で処理。窓口課は異動届を印字して引き継ぐ。',
    managing: HOKEN,
    patterns: viaCounter(HOKEN, '国民健康保険異動届（資格喪失）と葬祭費支給申請書を印字して保険医療課へ引き継ぐ'),
    confirmationItems: [IDENTITY, '国民健康保険の保険証（資格確認書）', '葬祭費：葬祭を行った方の口座'],
    outputForms: [
      { name: '国民健康保険異動届（資格喪失）', printedFields: ['世帯主氏名', '喪失者氏名', '生年月日', '資格喪失年月日', '異動事由'] },
      { name: '葬祭費支給申請書', printedFields: ['被保険者氏名', '死亡年月日', '申請者氏名', '申請者住所'] },
    ],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.koki-koreisha',
    name: '後期高齢者医療の届出',
    category: 'related',
    displayOrder: 120,
    overview:
      '75歳以上の方が転入・転居・転出するとき、又は亡くなったときの届出です。転入では資格取得、転居では住所変更、転出・死亡では資格喪失（死亡のときは葬祭費の申請）を行います。',
    conditionsText: '75歳以上の方が転入・転居・転出するとき、又は75歳以上の方が亡くなったとき',
    conditionRules: {
      any: [
        { all: [{ fact: 'event', op: 'in', value: MOVES }, atLeastOne({ group: 'aged_75_plus' })] },
        { all: [event('death'), atLeastOne({ group: 'aged_75_plus', deceased: true })] },
      ],
    },
    routingText: '保険医療課で処理。窓口課は届出書を印字して引き継ぐ。',
    managing: HOKEN,
    patterns: viaCounter(HOKEN, '後期高齢者医療の届出書を印字して保険医療課へ引き継ぐ'),
    confirmationItems: [IDENTITY, '後期高齢者医療の保険証（資格確認書）', '転入のときは負担区分等証明書'],
    outputForms: [{ name: '後期高齢者医療被保険者異動届', printedFields: ['被保険者氏名', '生年月日', '住所', '異動年月日', '異動事由'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.kaigo-hoken',
    name: '介護保険の届出',
    category: 'related',
    displayOrder: 130,
    overview:
      '65歳以上の方、要介護・要支援認定を受けている方が転入・転居・転出するとき、又は亡くなったときの届出です。転入では資格取得、転居では住所変更、転出・死亡では資格喪失を行います。',
    conditionsText: '65歳以上の方又は要介護・要支援認定を受けている方が転入・転居・転出するとき、又は亡くなったとき',
    conditionRules: {
      any: [
        { all: [{ fact: 'event', op: 'in', value: MOVES }, { any: [atLeastOne({ group: 'aged_65_plus' }), atLeastOne({ longTermCareCertified: true })] }] },
        {
          all: [event('death'), { any: [atLeastOne({ group: 'aged_65_plus', deceased: true }), atLeastOne({ longTermCareCertified: true, deceased: true })] }],
        },
      ],
    },
    routingText: '介護福祉課で処理。窓口課は届出書を印字して引き継ぐ。',
    managing: KAIGO,
    patterns: viaCounter(KAIGO, '介護保険資格取得・異動・喪失届を印字して介護福祉課へ引き継ぐ'),
    confirmationItems: [IDENTITY, '介護保険の被保険者証', '転入のときは受給資格証明書（認定を受けている方）'],
    outputForms: [{ name: '介護保険資格取得・異動・喪失届', printedFields: ['被保険者氏名', '生年月日', '住所', '異動年月日', '異動事由'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.jido-teate',
    name: '児童手当の認定請求',
    category: 'related',
    displayOrder: 140,
    overview:
      '高校生年代までの児童を養育している方が転入したとき、又は子が生まれたときの請求です。転入した日（出生の日）の翌日から15日以内に請求してください。',
    conditionsText: '18歳以下の児童を養育している方が転入したとき、又は出生があったとき',
    conditionRules: { all: [event('moving_in', 'birth'), atLeastOne({ maxAge: 18, deceased: false })] },
    routingText: '子育て支援課で処理。窓口課は認定請求書を印字して引き継ぐ。',
    managing: KOSODATE,
    patterns: viaCounter(KOSODATE, '児童手当認定請求書を印字し、請求者の口座の確認とともに子育て支援課へ引き継ぐ'),
    confirmationItems: [IDENTITY, '請求者名義の口座', '請求者と配偶者のマイナンバー', '転入・出生の日の翌日から15日以内か'],
    outputForms: [{ name: '児童手当認定請求書', printedFields: ['請求者氏名', '請求者住所', '児童の氏名', '児童の生年月日', '続柄'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.tennyugaku',
    name: '就学（転入学）の手続',
    category: 'related',
    displayOrder: 150,
    overview:
      '小学校・中学校に通う年齢の子が転入したとき、又は転居で通学区域が変わるときに、転入学通知書を交付します。通知書を在籍校と転入先の学校に提出してください。',
    conditionsText: '6歳以上15歳以下の子が転入・転居するとき（転居は通学区域が変わる場合）',
    conditionRules: { all: [event('moving_in', 'moving_within'), atLeastOne({ group: 'school_age' })] },
    routingText: '窓口課で転入学通知書を交付する（教育委員会の事務を窓口課で受け付ける）。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [IDENTITY, '在学証明書（転入のとき）', '教科書給与証明書（転入のとき）', '新住所の通学区域と指定校'],
    outputForms: [{ name: '転入学通知書', printedFields: ['児童生徒氏名', '生年月日', '保護者氏名', '住所', '学年', '指定校'] }],
    other: '転居のときは、通学区域が変わらなければ手続は不要です。',
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.shogai-techo',
    name: '障害者手帳の住所変更',
    category: 'related',
    displayOrder: 160,
    overview: '身体障害者手帳・療育手帳・精神障害者保健福祉手帳をお持ちの方が転入・転居したときの届出です。手帳の記載を変更します。',
    conditionsText: '障害者手帳をお持ちの方が転入・転居したとき',
    conditionRules: { all: [event('moving_in', 'moving_within'), atLeastOne({ disabilityCertificate: true })] },
    routingText: '障がい福祉課で処理。窓口課は障がい福祉課の窓口へ案内する（手帳の記載変更のため）。',
    managing: SHOGAI,
    patterns: [
      { authority: SHOGAI, action: 'handle' },
      { authority: MADOGUCHI, action: 'refer', note: '手帳の記載を変更するため、障がい福祉課の窓口へ案内する' },
      { authority: '*', action: 'refer' },
    ],
    confirmationItems: [IDENTITY, '障害者手帳', '自立支援医療受給者証等（お持ちの方）'],
    outputForms: [{ name: '障害者手帳記載事項変更届', printedFields: ['氏名', '生年月日', '新住所', '旧住所', '手帳番号'] }],
    reviewed: 'this_fiscal_year',
  },
  {
    key: 'ktm.procedure.inu-toroku',
    name: '犬の登録事項変更',
    category: 'related',
    displayOrder: 170,
    overview: '飼い犬の所在地が変わったときの届出です（狂犬病予防法）。転入のときは前住所地の鑑札をお持ちください。',
    conditionsText: '犬を飼っている方が転入・転居したとき',
    conditionRules: { all: [event('moving_in', 'moving_within'), { fact: 'dogs', op: 'gte', value: 1 }] },
    routingText: '窓口課で受付・処理（所管課の事務を窓口課で受け付ける）。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: [IDENTITY, '犬の鑑札（転入のとき前住所地のもの）', '狂犬病予防注射済票'],
    outputForms: [{ name: '犬の登録事項変更届', printedFields: ['所有者氏名', '新住所', '旧住所', '犬の名前', '登録番号'] }],
    // Not reviewed for over a year: shown as due for review (KTM-5-1-1).
    reviewed: 'over_a_year_ago',
  },
  {
    key: 'ktm.procedure.inkan-toroku',
    name: '印鑑登録',
    category: 'frequent',
    displayOrder: 10,
    overview: '北見市に住民登録のある15歳以上の方が印鑑を登録する手続です。本人が来庁し、顔写真付きの本人確認書類があれば即日登録できます。',
    conditionsText: '印鑑登録を希望するとき（転出・死亡のときを除く）',
    conditionRules: {
      all: [
        { fact: 'sealRegistrationWanted', op: 'eq', value: true },
        { fact: 'event', op: 'not_in', value: ['moving_out', 'death'] },
      ],
    },
    routingText: '窓口課で受付・処理。',
    managing: MADOGUCHI,
    patterns: atCounter,
    confirmationItems: ['顔写真付きの本人確認書類', '登録する印鑑', '15歳以上であること'],
    outputForms: [{ name: '印鑑登録申請書', printedFields: ['氏名', '生年月日', '住所'] }],
    reviewed: 'this_fiscal_year',
  },
];
