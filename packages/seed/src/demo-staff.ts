// Deterministic generator of plausible (fictional) demo staff for the municipalities.
// A seeded PRNG (mulberry32) drives every choice, so the same input always yields the same people.
import type { MunicipalityCode } from '@tsukasa/domain';
import type { PositionSeed, StaffSeed } from './seed.types.ts';

/** [kanji, kana, romaji] */
type NamePart = readonly [string, string, string];

const FAMILY_NAMES: readonly NamePart[] = [
  ['佐藤', 'サトウ', 'sato'],
  ['鈴木', 'スズキ', 'suzuki'],
  ['高橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'],
  ['渡辺', 'ワタナベ', 'watanabe'],
  ['山本', 'ヤマモト', 'yamamoto'],
  ['中村', 'ナカムラ', 'nakamura'],
  ['小林', 'コバヤシ', 'kobayashi'],
  ['加藤', 'カトウ', 'kato'],
  ['吉田', 'ヨシダ', 'yoshida'],
  ['山田', 'ヤマダ', 'yamada'],
  ['佐々木', 'ササキ', 'sasaki'],
  ['山口', 'ヤマグチ', 'yamaguchi'],
  ['松本', 'マツモト', 'matsumoto'],
  ['井上', 'イノウエ', 'inoue'],
  ['木村', 'キムラ', 'kimura'],
  ['林', 'ハヤシ', 'hayashi'],
  ['斎藤', 'サイトウ', 'saito'],
  ['清水', 'シミズ', 'shimizu'],
  ['山崎', 'ヤマザキ', 'yamazaki'],
  ['森', 'モリ', 'mori'],
  ['池田', 'イケダ', 'ikeda'],
  ['橋本', 'ハシモト', 'hashimoto'],
  ['阿部', 'アベ', 'abe'],
  ['石川', 'イシカワ', 'ishikawa'],
  ['山下', 'ヤマシタ', 'yamashita'],
  ['中島', 'ナカジマ', 'nakajima'],
  ['石井', 'イシイ', 'ishii'],
  ['小川', 'オガワ', 'ogawa'],
  ['前田', 'マエダ', 'maeda'],
  ['岡田', 'オカダ', 'okada'],
  ['長谷川', 'ハセガワ', 'hasegawa'],
  ['藤田', 'フジタ', 'fujita'],
  ['後藤', 'ゴトウ', 'goto'],
  ['近藤', 'コンドウ', 'kondo'],
  ['村上', 'ムラカミ', 'murakami'],
  ['遠藤', 'エンドウ', 'endo'],
  ['青木', 'アオキ', 'aoki'],
  ['坂本', 'サカモト', 'sakamoto'],
  ['斉藤', 'サイトウ', 'saito'],
  ['福田', 'フクダ', 'fukuda'],
  ['太田', 'オオタ', 'ota'],
  ['西村', 'ニシムラ', 'nishimura'],
  ['藤井', 'フジイ', 'fujii'],
  ['岡本', 'オカモト', 'okamoto'],
  ['松田', 'マツダ', 'matsuda'],
  ['中川', 'ナカガワ', 'nakagawa'],
  ['原田', 'ハラダ', 'harada'],
  ['小野', 'オノ', 'ono'],
  ['竹内', 'タケウチ', 'takeuchi'],
  ['金子', 'カネコ', 'kaneko'],
  ['和田', 'ワダ', 'wada'],
  ['中野', 'ナカノ', 'nakano'],
  ['上田', 'ウエダ', 'ueda'],
  ['森田', 'モリタ', 'morita'],
  ['原', 'ハラ', 'hara'],
  ['柴田', 'シバタ', 'shibata'],
  ['酒井', 'サカイ', 'sakai'],
  ['工藤', 'クドウ', 'kudo'],
];

const GIVEN_NAMES: readonly NamePart[] = [
  ['大輔', 'ダイスケ', 'daisuke'],
  ['健一', 'ケンイチ', 'kenichi'],
  ['浩二', 'コウジ', 'koji'],
  ['誠', 'マコト', 'makoto'],
  ['翔太', 'ショウタ', 'shota'],
  ['拓也', 'タクヤ', 'takuya'],
  ['直樹', 'ナオキ', 'naoki'],
  ['和也', 'カズヤ', 'kazuya'],
  ['隆', 'タカシ', 'takashi'],
  ['修', 'オサム', 'osamu'],
  ['博之', 'ヒロユキ', 'hiroyuki'],
  ['雅人', 'マサト', 'masato'],
  ['哲也', 'テツヤ', 'tetsuya'],
  ['亮', 'リョウ', 'ryo'],
  ['達也', 'タツヤ', 'tatsuya'],
  ['智史', 'サトシ', 'satoshi'],
  ['剛', 'ツヨシ', 'tsuyoshi'],
  ['悠斗', 'ユウト', 'yuto'],
  ['陽介', 'ヨウスケ', 'yosuke'],
  ['俊介', 'シュンスケ', 'shunsuke'],
  ['康弘', 'ヤスヒロ', 'yasuhiro'],
  ['秀樹', 'ヒデキ', 'hideki'],
  ['正人', 'マサト', 'masato'],
  ['圭介', 'ケイスケ', 'keisuke'],
  ['恵子', 'ケイコ', 'keiko'],
  ['裕子', 'ユウコ', 'yuko'],
  ['美穂', 'ミホ', 'miho'],
  ['直美', 'ナオミ', 'naomi'],
  ['久美子', 'クミコ', 'kumiko'],
  ['由美', 'ユミ', 'yumi'],
  ['陽子', 'ヨウコ', 'yoko'],
  ['真由美', 'マユミ', 'mayumi'],
  ['智子', 'トモコ', 'tomoko'],
  ['明美', 'アケミ', 'akemi'],
  ['さくら', 'サクラ', 'sakura'],
  ['彩', 'アヤ', 'aya'],
  ['美咲', 'ミサキ', 'misaki'],
  ['愛', 'アイ', 'ai'],
  ['麻衣', 'マイ', 'mai'],
  ['千尋', 'チヒロ', 'chihiro'],
  ['理恵', 'リエ', 'rie'],
  ['香織', 'カオリ', 'kaori'],
  ['奈々', 'ナナ', 'nana'],
  ['舞', 'マイ', 'mai'],
  ['沙織', 'サオリ', 'saori'],
  ['優子', 'ユウコ', 'yuko'],
  ['早紀', 'サキ', 'saki'],
  ['綾香', 'アヤカ', 'ayaka'],
  ['友美', 'トモミ', 'tomomi'],
  ['晴美', 'ハルミ', 'harumi'],
];

/** mulberry32: small, fast, deterministic 32-bit PRNG. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, used to seed the PRNG per municipality. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface DemoLogin {
  /** The position whose current holder signs in with this username. */
  positionKey: string;
  username: string;
  registryAdmin?: boolean;
}

export interface StaffGenerationOptions {
  municipality: MunicipalityCode;
  /** Key prefix of the municipality, e.g. "ark". */
  keyPrefix: string;
  /** e.g. arakawa.example.lg.jp */
  emailDomain: string;
  /** Two-digit prefix of staff numbers, e.g. "31". */
  employeeNumberPrefix: string;
  positions: readonly PositionSeed[];
  logins: readonly DemoLogin[];
  /** Start of the current tenures (the last personnel transfer), default 2024-04-01. */
  currentFrom?: string;
  /** Start of the previous tenures, default 2022-04-01. */
  previousFrom?: string;
  /** Every n-th position (by index) also gets a past holder, default 3. */
  pastHolderEvery?: number;
}

export const DEMO_CURRENT_FROM = '2024-04-01';
export const DEMO_PREVIOUS_FROM = '2022-04-01';

/** Rough rank of a position for plausible transfers: 0 係員, 1 係長, 2 課長級, 3 部長級. */
function rankOf(position: PositionSeed): number {
  if (position.kind !== 'head') return position.title.endsWith('課長') ? 2 : 0;
  if (position.title === '係長') return 1;
  return /^(部長|局長|区長|事務局長|支所長)$/.test(position.title) ? 3 : 2;
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function digits(rng: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rng() * 10));
  return s;
}

/**
 * Generates one current holder for every position (tenure from `currentFrom`), and for every
 * `pastHolderEvery`-th position a past holder (tenure `previousFrom` → `currentFrom`). About half of the
 * past holders were transferred (人事異動) to another position of the same rank and hold it now;
 * the others have left.
 */
export function generateDemoStaff(options: StaffGenerationOptions): StaffSeed[] {
  const currentFrom = options.currentFrom ?? DEMO_CURRENT_FROM;
  const previousFrom = options.previousFrom ?? DEMO_PREVIOUS_FROM;
  const every = options.pastHolderEvery ?? 3;
  const rng = createRng(hashSeed(`tsukasa-demo-staff:${options.municipality}`));

  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const usedNumbers = new Set<string>();
  const usedExtensions = new Set<string>();
  const staff: StaffSeed[] = [];

  const newPerson = (): StaffSeed => {
    let family: NamePart;
    let given: NamePart;
    do {
      family = pick(rng, FAMILY_NAMES);
      given = pick(rng, GIVEN_NAMES);
    } while (usedNames.has(family[0] + given[0]));
    usedNames.add(family[0] + given[0]);

    let email = `${given[2]}.${family[2]}@${options.emailDomain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${given[2]}.${family[2]}${n}@${options.emailDomain}`;
    usedEmails.add(email);

    let employeeNumber: string;
    do employeeNumber = options.employeeNumberPrefix + digits(rng, 5);
    while (usedNumbers.has(employeeNumber));
    usedNumbers.add(employeeNumber);

    let extension: string;
    do extension = String(2000 + Math.floor(rng() * 6000));
    while (usedExtensions.has(extension));
    usedExtensions.add(extension);

    const person: StaffSeed = {
      key: `${options.keyPrefix}.staff.${String(staff.length + 1).padStart(4, '0')}`,
      familyName: family[0],
      givenName: given[0],
      familyNameKana: family[1],
      givenNameKana: given[1],
      employeeNumber,
      email,
      extension,
      personalPhone: `090-${digits(rng, 4)}-${digits(rng, 4)}`,
      tenures: [],
    };
    staff.push(person);
    return person;
  };

  // One current holder per position, in position order.
  const holderOf = new Map<string, StaffSeed>();
  for (const position of options.positions) {
    const person = newPerson();
    person.tenures.push({ positionKey: position.key, from: currentFrom });
    holderOf.set(position.key, person);
  }

  // Past holders: transfers from another position, or people who have since left.
  const n = options.positions.length;
  options.positions.forEach((position, index) => {
    if (index % every !== 1) return;
    const wantsTransfer = Math.floor(index / every) % 2 === 0;
    // A transfer moves someone between positions of the same rank (課長 → 課長, 係員 → 係員).
    let transferred: StaffSeed | undefined;
    for (let step = 7; wantsTransfer && step < n + 7 && !transferred; step++) {
      const other = options.positions[(index + step) % n];
      if (!other || other.key === position.key || rankOf(other) !== rankOf(position)) continue;
      const holder = holderOf.get(other.key);
      if (holder && holder.tenures.length === 1) transferred = holder;
    }
    const person = transferred ?? newPerson();
    person.tenures.unshift({ positionKey: position.key, from: previousFrom, to: currentFrom });
  });

  for (const login of options.logins) {
    const holder = holderOf.get(login.positionKey);
    if (!holder) throw new Error(`login ${login.username}: unknown position ${login.positionKey}`);
    holder.username = login.username;
    if (login.registryAdmin) holder.registryAdmin = true;
  }
  return staff;
}
