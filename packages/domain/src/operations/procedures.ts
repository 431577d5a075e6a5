// 行政手続の定義 of Kitami's counter support system (書かない窓口, KTM-7): what each procedure is
// (KTM-7-2-1), the conditions that make it necessary (KTM-7-2-2) as a small condition language the
// system evaluates over a resident's situation, the routing by the staff member's business authority
// (KTM-7-2-3), what to confirm (KTM-7-2-4) and the forms printed (KTM-7-2-5, KTM-8-1), kept up to
// date by the business section (業務所管課, KTM-5-1-1). Pure: no I/O.
//
// The condition language is data, never code: a tree of `all` / `any` / `not` over leaves
// `{ fact, op, value }` (plus `where` for counting household members). Parsing rejects anything
// else with the field path of the offending part, and bounds its size, so a definition can neither
// run code nor make the evaluation expensive.
import { isoDate, lastDayOfMonth, parseIsoDate } from '../calendar/iso-date.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

const bi = (ja: string, en: string): Bilingual => ({ ja, en });

// ---- vocabulary ---------------------------------------------------------------------------------

/** KTM-7-1: the procedures the system may be set with, in the order the counter takes them up. */
export type ProcedureCategory = 'address_name_household' | 'related' | 'frequent' | 'certificate' | 'other';

export const PROCEDURE_CATEGORIES: Record<ProcedureCategory, Bilingual & { order: number; ruleId: RuleId }> = {
  address_name_household: { order: 1, ruleId: 'KTM-7-1-1', ja: '住所、氏名及び世帯の変更に関する届出', en: 'Change of address, name or household' },
  related: { order: 2, ruleId: 'KTM-7-1-2', ja: '前号に関連して必要となる届出及び申請', en: 'Related notifications and applications' },
  frequent: { order: 3, ruleId: 'KTM-7-1-3', ja: '市民の利用頻度の高い個別の届出及び申請', en: 'Frequently used notifications and applications' },
  certificate: { order: 4, ruleId: 'KTM-7-1-4', ja: '証明書等の交付請求', en: 'Certificate requests' },
  other: { order: 5, ruleId: 'KTM-7-1-5', ja: 'その他市民サービスの向上に資するもの', en: 'Other service improvements' },
};

export const isProcedureCategory = (v: unknown): v is ProcedureCategory => typeof v === 'string' && Object.hasOwn(PROCEDURE_CATEGORIES, v);

/** What brings the resident to the counter. */
export type ResidentEvent = 'moving_in' | 'moving_out' | 'moving_within' | 'name_change' | 'household_change' | 'birth' | 'death';

export const RESIDENT_EVENTS: Record<ResidentEvent, Bilingual> = {
  moving_in: bi('転入', 'moving into the city'),
  moving_out: bi('転出', 'moving out of the city'),
  moving_within: bi('転居', 'moving within the city'),
  name_change: bi('氏名の変更', 'change of name'),
  household_change: bi('世帯の変更', 'change of household'),
  birth: bi('出生', 'birth'),
  death: bi('死亡', 'death'),
};

const isResidentEvent = (v: unknown): v is ResidentEvent => typeof v === 'string' && Object.hasOwn(RESIDENT_EVENTS, v);

/** A move is one of these at a time. */
const ADDRESS_EVENTS: ResidentEvent[] = ['moving_in', 'moving_out', 'moving_within'];

/** Yes/no facts of a household member (absent = no). */
export type MemberFlag = 'head' | 'deceased' | 'longTermCareCertified' | 'disabilityCertificate' | 'nationalHealthInsurance' | 'employeeInsurance';

export const MEMBER_FLAGS: Record<MemberFlag, Bilingual & { jaNot: string }> = {
  head: { ja: '世帯主', jaNot: '世帯主以外', en: 'head of household' },
  deceased: { ja: '亡くなった方', jaNot: '亡くなった方以外', en: 'deceased' },
  longTermCareCertified: { ja: '要介護・要支援認定を受けている', jaNot: '要介護・要支援認定を受けていない', en: 'certified for long-term care' },
  disabilityCertificate: { ja: '障害者手帳を持っている', jaNot: '障害者手帳を持っていない', en: 'holding a disability certificate' },
  nationalHealthInsurance: { ja: '国民健康保険に加入している', jaNot: '国民健康保険に加入していない', en: 'insured under national health insurance' },
  employeeInsurance: { ja: '勤務先の健康保険（被用者保険）に加入している', jaNot: '勤務先の健康保険（被用者保険）に加入していない', en: 'insured (or a dependant) under an employee health insurance' },
};

const MEMBER_FLAG_KEYS = Object.keys(MEMBER_FLAGS) as MemberFlag[];

/** The oldest age the situation and the conditions accept. */
const MAX_AGE = 130;

/** Named age ranges (inclusive, in whole years of age). */
export type AgeGroup = 'under_3' | 'school_age' | 'aged_65_plus' | 'aged_75_plus';

export const AGE_GROUPS: Record<AgeGroup, Bilingual & { minAge: number; maxAge: number }> = {
  under_3: { minAge: 0, maxAge: 2, ja: '3歳未満', en: 'under 3' },
  // Compulsory schooling (小学校・中学校) taken as ages 6 to 15 inclusive.
  school_age: { minAge: 6, maxAge: 15, ja: '学齢（6歳以上15歳以下）', en: 'of school age (6–15)' },
  aged_65_plus: { minAge: 65, maxAge: MAX_AGE, ja: '65歳以上', en: 'aged 65 or over' },
  aged_75_plus: { minAge: 75, maxAge: MAX_AGE, ja: '75歳以上', en: 'aged 75 or over' },
};

const isAgeGroup = (v: unknown): v is AgeGroup => typeof v === 'string' && Object.hasOwn(AGE_GROUPS, v);

/** The resident's situation as the counter hears it. `members` are the people concerned by the event
 *  (those moving; for a birth or a death, the household including the newborn or the deceased). */
export interface HouseholdMember {
  age: number;
  head?: boolean | null;
  deceased?: boolean | null;
  longTermCareCertified?: boolean | null;
  disabilityCertificate?: boolean | null;
  nationalHealthInsurance?: boolean | null;
  employeeInsurance?: boolean | null;
}

export interface ResidentSituation {
  events: ResidentEvent[];
  members: HouseholdMember[];
  /** Dogs kept (犬の登録, 狂犬病予防法). */
  dogs?: number | null;
  /** Mopeds and small special vehicles registered with the city (原動機付自転車等). */
  mopeds?: number | null;
  /** The resident asks to register a seal (印鑑登録). */
  sealRegistrationWanted?: boolean | null;
}

// ---- the condition language ---------------------------------------------------------------------

export type ConditionCountOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
const COUNT_OPS: Record<ConditionCountOp, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};
const isCountOp = (v: unknown): v is ConditionCountOp => typeof v === 'string' && Object.hasOwn(COUNT_OPS, v);

/** Which household members a `members` leaf counts: all of the given facts hold (absent = any). */
export interface MemberFilter {
  group?: AgeGroup;
  minAge?: number;
  maxAge?: number;
  head?: boolean;
  deceased?: boolean;
  longTermCareCertified?: boolean;
  disabilityCertificate?: boolean;
  nationalHealthInsurance?: boolean;
  employeeInsurance?: boolean;
}

export type CountedFact = 'dogs' | 'mopeds';

export type ProcedureCondition =
  | { all: ProcedureCondition[] }
  | { any: ProcedureCondition[] }
  | { not: ProcedureCondition }
  | { fact: 'event'; op: 'in' | 'not_in'; value: ResidentEvent[] }
  | { fact: 'members'; where?: MemberFilter; op: ConditionCountOp; value: number }
  | { fact: CountedFact; op: ConditionCountOp; value: number }
  | { fact: 'sealRegistrationWanted'; op: 'eq'; value: boolean };

const COUNTED_FACTS: Record<CountedFact, { ja: string; en: string; unitJa: string }> = {
  dogs: { ja: '飼い犬', en: 'dogs kept', unitJa: '頭' },
  mopeds: { ja: '原動機付自転車等', en: 'mopeds registered', unitJa: '台' },
};

/** Bounds that keep a definition small and its evaluation cheap. */
export const CONDITION_LIMITS = { maxDepth: 6, maxNodes: 100, maxBranches: 20, maxCount: 99 } as const;

const CONDITION_RULES: RuleId[] = ['KTM-7-2-2'];

type Path = (string | number)[];

const invalid = (path: Path, en: string, ja: string): FieldError => fieldError(path, 'INVALID_VALUE', en, ja, CONDITION_RULES);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWholeNumber = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: Path): FieldError[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => invalid([...path, k], `Unknown key "${k}" (allowed: ${allowed.join(', ')}).`, `「${k}」は使用できない項目です（使用できる項目：${allowed.join('、')}）。`));
}

/**
 * Checks a condition written as data (parsed JSON) and returns it typed, or the refusals with the
 * path of each offending part under `path` (e.g. content.conditionRules.all.1.where.minAge).
 */
export function parseCondition(input: unknown, path: Path = []): { condition: ProcedureCondition | null; errors: FieldError[] } {
  let nodes = 0;
  const errors: FieldError[] = [];
  const walk = (node: unknown, at: Path, depth: number): ProcedureCondition | null => {
    nodes += 1;
    if (nodes > CONDITION_LIMITS.maxNodes) {
      if (nodes === CONDITION_LIMITS.maxNodes + 1) errors.push(invalid(at, `The condition has more than ${CONDITION_LIMITS.maxNodes} parts.`, `条件の要素が${CONDITION_LIMITS.maxNodes}を超えています。`));
      return null;
    }
    if (depth > CONDITION_LIMITS.maxDepth) {
      errors.push(invalid(at, `Conditions nest at most ${CONDITION_LIMITS.maxDepth} levels deep.`, `条件の入れ子は${CONDITION_LIMITS.maxDepth}段までです。`));
      return null;
    }
    if (!isPlainObject(node)) {
      errors.push(invalid(at, 'Expected a condition object ({ "all": … }, { "any": … }, { "not": … } or { "fact": …, "op": …, "value": … }).', '条件はオブジェクト（all、any、not 又は fact・op・value）で記述してください。'));
      return null;
    }
    for (const combinator of ['all', 'any'] as const) {
      if (combinator in node) {
        const before = errors.length;
        errors.push(...unknownKeys(node, [combinator], at));
        const list = node[combinator];
        if (!Array.isArray(list) || list.length === 0 || list.length > CONDITION_LIMITS.maxBranches) {
          errors.push(invalid([...at, combinator], `"${combinator}" takes a list of 1 to ${CONDITION_LIMITS.maxBranches} conditions.`, `「${combinator}」には1〜${CONDITION_LIMITS.maxBranches}個の条件を並べてください。`));
          return null;
        }
        const children = list.map((c, i) => walk(c, [...at, combinator, i], depth + 1));
        if (errors.length > before || children.some((c) => c === null)) return null;
        return combinator === 'all' ? { all: children as ProcedureCondition[] } : { any: children as ProcedureCondition[] };
      }
    }
    if ('not' in node) {
      const before = errors.length;
      errors.push(...unknownKeys(node, ['not'], at));
      const child = walk(node.not, [...at, 'not'], depth + 1);
      return errors.length > before || !child ? null : { not: child };
    }
    return leaf(node, at);
  };

  const leaf = (node: Record<string, unknown>, at: Path): ProcedureCondition | null => {
    const before = errors.length;
    const fact = node.fact;
    const op = node.op;
    const value = node.value;
    switch (fact) {
      case 'event': {
        errors.push(...unknownKeys(node, ['fact', 'op', 'value'], at));
        if (op !== 'in' && op !== 'not_in') errors.push(invalid([...at, 'op'], 'The event is compared with "in" or "not_in".', '届出の事由は「in」又は「not_in」で比較してください。'));
        if (!Array.isArray(value) || value.length === 0) {
          errors.push(invalid([...at, 'value'], 'Give a list of one or more events.', '事由を1つ以上並べてください。'));
        } else {
          value.forEach((e, i) => {
            if (!isResidentEvent(e)) errors.push(invalid([...at, 'value', i], `Unknown event (one of: ${Object.keys(RESIDENT_EVENTS).join(', ')}).`, `届出の事由が正しくありません（${Object.keys(RESIDENT_EVENTS).join('、')}のいずれか）。`));
          });
          if (new Set(value).size !== value.length) errors.push(invalid([...at, 'value'], 'An event is listed twice.', '同じ事由が重複しています。'));
        }
        return errors.length > before ? null : { fact, op: op as 'in' | 'not_in', value: value as ResidentEvent[] };
      }
      case 'members': {
        errors.push(...unknownKeys(node, ['fact', 'where', 'op', 'value'], at));
        countErrors(op, value, at);
        const where = node.where === undefined ? undefined : memberFilter(node.where, [...at, 'where']);
        if (errors.length > before) return null;
        return where ? { fact, where, op: op as ConditionCountOp, value: value as number } : { fact, op: op as ConditionCountOp, value: value as number };
      }
      case 'dogs':
      case 'mopeds':
        errors.push(...unknownKeys(node, ['fact', 'op', 'value'], at));
        countErrors(op, value, at);
        return errors.length > before ? null : { fact, op: op as ConditionCountOp, value: value as number };
      case 'sealRegistrationWanted':
        errors.push(...unknownKeys(node, ['fact', 'op', 'value'], at));
        if (op !== 'eq') errors.push(invalid([...at, 'op'], 'A yes/no fact is compared with "eq".', 'はい・いいえの条件は「eq」で比較してください。'));
        if (typeof value !== 'boolean') errors.push(invalid([...at, 'value'], 'Expected true or false.', 'true 又は false を指定してください。'));
        return errors.length > before ? null : { fact, op: 'eq', value: value as boolean };
      default:
        errors.push(invalid([...at, 'fact'], 'Unknown fact (one of: event, members, dogs, mopeds, sealRegistrationWanted), or a condition without "all", "any" or "not".',
          '条件の対象が正しくありません（event、members、dogs、mopeds、sealRegistrationWanted のいずれか。又は all・any・not）。'));
        return null;
    }
  };

  const countErrors = (op: unknown, value: unknown, at: Path) => {
    if (!isCountOp(op)) errors.push(invalid([...at, 'op'], `A count is compared with one of ${Object.keys(COUNT_OPS).join(', ')}.`, `数の比較は${Object.keys(COUNT_OPS).join('、')}のいずれかで指定してください。`));
    if (!isWholeNumber(value, 0, CONDITION_LIMITS.maxCount)) errors.push(invalid([...at, 'value'], `Expected a whole number from 0 to ${CONDITION_LIMITS.maxCount}.`, `0〜${CONDITION_LIMITS.maxCount}の整数を指定してください。`));
  };

  const memberFilter = (input: unknown, at: Path): MemberFilter | undefined => {
    if (!isPlainObject(input)) {
      errors.push(invalid(at, 'Expected the facts of the members to count, e.g. { "group": "school_age" }.', '数える世帯員の条件をオブジェクトで指定してください（例：{ "group": "school_age" }）。'));
      return undefined;
    }
    errors.push(...unknownKeys(input, ['group', 'minAge', 'maxAge', ...MEMBER_FLAG_KEYS], at));
    const out: MemberFilter = {};
    if (input.group !== undefined) {
      if (isAgeGroup(input.group)) out.group = input.group;
      else errors.push(invalid([...at, 'group'], `Unknown age group (one of: ${Object.keys(AGE_GROUPS).join(', ')}).`, `年齢区分が正しくありません（${Object.keys(AGE_GROUPS).join('、')}のいずれか）。`));
    }
    for (const key of ['minAge', 'maxAge'] as const) {
      if (input[key] === undefined) continue;
      if (isWholeNumber(input[key], 0, MAX_AGE)) out[key] = input[key];
      else errors.push(invalid([...at, key], `Expected an age from 0 to ${MAX_AGE}.`, `年齢は0〜${MAX_AGE}の整数で指定してください。`));
    }
    if (out.minAge !== undefined && out.maxAge !== undefined && out.minAge > out.maxAge) {
      errors.push(invalid([...at, 'maxAge'], 'The maximum age is below the minimum age.', '上限の年齢が下限の年齢より小さくなっています。'));
    }
    for (const key of MEMBER_FLAG_KEYS) {
      if (input[key] === undefined) continue;
      if (typeof input[key] === 'boolean') out[key] = input[key];
      else errors.push(invalid([...at, key], 'Expected true or false.', 'true 又は false を指定してください。'));
    }
    return out;
  };

  const condition = walk(input, path, 1);
  return errors.length ? { condition: null, errors } : { condition, errors: [] };
}

/** A condition given as JSON text (the request form's conditionRules): parsed, then checked. */
export function parseConditionJson(text: string, path: Path): { condition: ProcedureCondition | null; errors: FieldError[] } {
  const parsed = parseJson(text, path, CONDITION_RULES);
  return parsed.ok ? parseCondition(parsed.value, path) : { condition: null, errors: [parsed.error] };
}

function parseJson(text: string, path: Path, ruleIds: RuleId[]): { ok: true; value: unknown } | { ok: false; error: FieldError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: fieldError(path, 'INVALID_VALUE', `Not valid JSON: ${why}`, `JSONの形式が正しくありません（${why}）。`, ruleIds) };
  }
}

// ---- evaluation ---------------------------------------------------------------------------------

const flag = (m: HouseholdMember, key: MemberFlag): boolean => m[key] === true;

function matchesFilter(m: HouseholdMember, f: MemberFilter | undefined): boolean {
  if (!f) return true;
  if (f.group && (m.age < AGE_GROUPS[f.group].minAge || m.age > AGE_GROUPS[f.group].maxAge)) return false;
  if (f.minAge !== undefined && m.age < f.minAge) return false;
  if (f.maxAge !== undefined && m.age > f.maxAge) return false;
  return MEMBER_FLAG_KEYS.every((k) => f[k] === undefined || flag(m, k) === f[k]);
}

/** "6歳以上15歳以下・国民健康保険に加入していない世帯員" */
export function describeMemberFilter(f: MemberFilter | undefined): Bilingual {
  const ja: string[] = [];
  const en: string[] = [];
  if (f?.group) {
    ja.push(AGE_GROUPS[f.group].ja);
    en.push(AGE_GROUPS[f.group].en);
  }
  if (f?.minAge !== undefined && f?.maxAge !== undefined) {
    ja.push(`${f.minAge}歳以上${f.maxAge}歳以下`);
    en.push(`aged ${f.minAge}–${f.maxAge}`);
  } else if (f?.minAge !== undefined) {
    ja.push(`${f.minAge}歳以上`);
    en.push(`aged ${f.minAge} or over`);
  } else if (f?.maxAge !== undefined) {
    ja.push(`${f.maxAge}歳以下`);
    en.push(`aged ${f.maxAge} or under`);
  }
  for (const k of MEMBER_FLAG_KEYS) {
    if (f?.[k] === undefined) continue;
    const label = MEMBER_FLAGS[k];
    ja.push(f[k] ? label.ja : label.jaNot);
    en.push(f[k] ? label.en : `not ${label.en}`);
  }
  return { ja: `${ja.join('・')}${ja.length ? 'の' : ''}世帯員`, en: en.length ? `members ${en.join(', ')}` : 'members' };
}

const countText = (op: ConditionCountOp, value: number, unitJa: string): Bilingual => {
  const n = `${value}${unitJa}`;
  switch (op) {
    case 'eq': return { ja: `ちょうど${n}`, en: `exactly ${value}` };
    case 'ne': return { ja: `${n}以外`, en: `other than ${value}` };
    case 'gt': return { ja: `${n}を超える`, en: `more than ${value}` };
    case 'gte': return { ja: `${n}以上`, en: `at least ${value}` };
    case 'lt': return { ja: `${n}未満`, en: `fewer than ${value}` };
    case 'lte': return { ja: `${n}以下`, en: `at most ${value}` };
  }
};

const eventList = (events: ResidentEvent[]): Bilingual => ({
  ja: events.map((e) => `「${RESIDENT_EVENTS[e].ja}」`).join('又は'),
  en: events.map((e) => RESIDENT_EVENTS[e].en).join(' or '),
});

/** The condition for people (one line per leaf, nested with all/any/not). */
export function describeCondition(c: ProcedureCondition): Bilingual {
  if ('all' in c) {
    const parts = c.all.map(describeCondition);
    return { ja: parts.map((p) => p.ja).join('、かつ、'), en: parts.map((p) => p.en).join('; and ') };
  }
  if ('any' in c) {
    const parts = c.any.map(describeCondition);
    return { ja: `次のいずれか：${parts.map((p) => `（${p.ja}）`).join('又は')}`, en: `any of: ${parts.map((p) => `(${p.en})`).join(' or ')}` };
  }
  if ('not' in c) {
    const inner = describeCondition(c.not);
    return { ja: `次に当たらない：${inner.ja}`, en: `not: ${inner.en}` };
  }
  return describeLeaf(c);
}

type Leaf = Exclude<ProcedureCondition, { all: unknown } | { any: unknown } | { not: unknown }>;

function describeLeaf(c: Leaf, actual?: number | boolean | ResidentEvent[]): Bilingual {
  switch (c.fact) {
    case 'event': {
      const list = eventList(c.value);
      return c.op === 'in'
        ? { ja: `届出の事由が${list.ja}`, en: `the event is ${list.en}` }
        : { ja: `届出の事由が${list.ja}でない`, en: `the event is not ${list.en}` };
    }
    case 'members': {
      const who = describeMemberFilter(c.where);
      const n = countText(c.op, c.value, '人');
      const found = typeof actual === 'number' ? { ja: `（該当${actual}人）`, en: ` (${actual} found)` } : { ja: '', en: '' };
      return { ja: `${who.ja}が${n.ja}${found.ja}`, en: `${n.en} ${who.en}${found.en}` };
    }
    case 'dogs':
    case 'mopeds': {
      const f = COUNTED_FACTS[c.fact];
      const n = countText(c.op, c.value, f.unitJa);
      const found = typeof actual === 'number' ? { ja: `（${actual}${f.unitJa}）`, en: ` (${actual})` } : { ja: '', en: '' };
      return { ja: `${f.ja}が${n.ja}${found.ja}`, en: `${n.en} ${f.en}${found.en}` };
    }
    case 'sealRegistrationWanted':
      return c.value ? bi('印鑑登録を希望している', 'a seal registration is wanted') : bi('印鑑登録を希望していない', 'no seal registration is wanted');
  }
}

export interface ProcedureConditionResult {
  matched: boolean;
  /** Why it matched: the leaves that made it true, with what was found. */
  reasons: Bilingual[];
}

/** Evaluates a condition over a situation. Unknown facts cannot occur: conditions are parsed first. */
export function evaluateCondition(c: ProcedureCondition, s: ResidentSituation): ProcedureConditionResult {
  if ('all' in c) {
    const parts = c.all.map((x) => evaluateCondition(x, s));
    const matched = parts.every((p) => p.matched);
    return { matched, reasons: matched ? parts.flatMap((p) => p.reasons) : [] };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => evaluateCondition(x, s)).filter((p) => p.matched);
    return { matched: parts.length > 0, reasons: parts.flatMap((p) => p.reasons) };
  }
  if ('not' in c) {
    const inner = evaluateCondition(c.not, s);
    return { matched: !inner.matched, reasons: inner.matched ? [] : [describeCondition(c)] };
  }
  switch (c.fact) {
    case 'event': {
      const hit = s.events.some((e) => c.value.includes(e));
      const matched = c.op === 'in' ? hit : !hit;
      return { matched, reasons: matched ? [describeLeaf(c)] : [] };
    }
    case 'members': {
      const n = s.members.filter((m) => matchesFilter(m, c.where)).length;
      const matched = COUNT_OPS[c.op](n, c.value);
      return { matched, reasons: matched ? [describeLeaf(c, n)] : [] };
    }
    case 'dogs':
    case 'mopeds': {
      const n = s[c.fact] ?? 0;
      const matched = COUNT_OPS[c.op](n, c.value);
      return { matched, reasons: matched ? [describeLeaf(c, n)] : [] };
    }
    case 'sealRegistrationWanted': {
      const matched = (s.sealRegistrationWanted === true) === c.value;
      return { matched, reasons: matched ? [describeLeaf(c)] : [] };
    }
  }
}

// ---- the resident's situation -------------------------------------------------------------------

export const SITUATION_LIMITS = { maxMembers: 30, maxAge: MAX_AGE, maxCount: 99 } as const;

/** Refusals of a situation that cannot be (two moves at once, a death without the deceased …). */
export function validateSituation(s: ResidentSituation, path: Path = ['situation']): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (p: Path, en: string, ja: string) => errors.push(fieldError(p, 'INVALID_VALUE', en, ja, CONDITION_RULES));
  if (!Array.isArray(s.events) || s.events.length === 0) {
    errors.push(fieldError([...path, 'events'], 'REQUIRED', 'Give what brings the resident to the counter (the event).', '届出の事由を選択してください。', CONDITION_RULES));
  } else {
    s.events.forEach((e, i) => {
      if (!isResidentEvent(e)) bad([...path, 'events', i], 'Unknown event.', '届出の事由が正しくありません。');
    });
    if (new Set(s.events).size !== s.events.length) bad([...path, 'events'], 'An event is given twice.', '同じ事由が重複しています。');
    if (s.events.filter((e) => ADDRESS_EVENTS.includes(e)).length > 1) {
      bad([...path, 'events'], 'Moving in, moving out and moving within the city exclude one another.', '転入・転出・転居は同時に選択できません。');
    }
  }
  if (!Array.isArray(s.members) || s.members.length === 0) {
    errors.push(fieldError([...path, 'members'], 'REQUIRED', 'Give at least one person concerned.', '届出の対象となる方を1人以上入力してください。', CONDITION_RULES));
  } else if (s.members.length > SITUATION_LIMITS.maxMembers) {
    bad([...path, 'members'], `At most ${SITUATION_LIMITS.maxMembers} people.`, `対象者は${SITUATION_LIMITS.maxMembers}人までです。`);
  } else {
    s.members.forEach((m, i) => {
      if (!isWholeNumber(m.age, 0, SITUATION_LIMITS.maxAge)) bad([...path, 'members', i, 'age'], `The age is a whole number from 0 to ${SITUATION_LIMITS.maxAge}.`, `年齢は0〜${SITUATION_LIMITS.maxAge}の整数で入力してください。`);
      if (m.deceased && !s.events?.includes('death')) bad([...path, 'members', i, 'deceased'], 'A deceased person is given only with the event "death".', '亡くなった方は、届出の事由が「死亡」のときだけ入力できます。');
    });
    if (s.members.filter((m) => m.head).length > 1) bad([...path, 'members'], 'A household has one head.', '世帯主は1人です。');
    if (s.events?.includes('death') && !s.members.some((m) => m.deceased)) {
      bad([...path, 'members'], 'With the event "death", mark the person who died.', '届出の事由が「死亡」のときは、亡くなった方を入力してください。');
    }
  }
  for (const key of ['dogs', 'mopeds'] as const) {
    const v = s[key];
    if (v !== undefined && v !== null && !isWholeNumber(v, 0, SITUATION_LIMITS.maxCount)) bad([...path, key], `A whole number from 0 to ${SITUATION_LIMITS.maxCount}.`, `0〜${SITUATION_LIMITS.maxCount}の整数で入力してください。`);
  }
  return errors;
}

// ---- routing by business authority (KTM-7-2-3) --------------------------------------------------

/** What a staff member of a given business authority does with the procedure. */
export type ProcedureRoutingAction = 'handle' | 'accept_and_hand_over' | 'refer';

export const PROCEDURE_ROUTING_ACTIONS: Record<ProcedureRoutingAction, Bilingual> = {
  handle: bi('この窓口で受け付けて処理する', 'Handle it at this counter'),
  accept_and_hand_over: bi('受け付けて届出書等を印字し、所管課へ引き継ぐ', 'Take it, print the form and hand it over to the section in charge'),
  refer: bi('所管課の窓口へ案内する', 'Refer the resident to the section in charge'),
};

const isProcedureRoutingAction = (v: unknown): v is ProcedureRoutingAction => typeof v === 'string' && Object.hasOwn(PROCEDURE_ROUTING_ACTIONS, v);

/** The wildcard authority: any staff member no other pattern names. */
export const ANY_AUTHORITY = '*';

/**
 * One routing pattern: staff whose business authority lies in section `authority` (or below it;
 * `*` for anyone else) do `action`; a hand-over or referral goes `to` a section (default: the
 * section that handles the procedure). Sections are references (key, name or id) the caller resolves.
 */
export interface ProcedureRoutingPattern {
  authority: string;
  action: ProcedureRoutingAction;
  to?: string | null;
  note?: string | null;
}

export interface ProcedureRouting {
  /** The section that handles the procedure (default: the managing section, 業務所管課). */
  handlingSection?: string | null;
  patterns: ProcedureRoutingPattern[];
}

const ROUTING_RULES: RuleId[] = ['KTM-7-2-3'];
const invalidRouting = (path: Path, en: string, ja: string): FieldError => fieldError(path, 'INVALID_VALUE', en, ja, ROUTING_RULES);
const MAX_PATTERNS = 20;

/** Checks routing patterns written as data; sections stay references for the caller to resolve. */
export function parseProcedureRouting(input: unknown, path: Path = []): { routing: ProcedureRouting | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isPlainObject(input)) return { routing: null, errors: [invalidRouting(path, 'Expected { "handlingSection": …, "patterns": [ … ] }.', '{ "handlingSection": …, "patterns": [ … ] } の形式で記述してください。')] };
  errors.push(...unknownKeys(input, ['handlingSection', 'patterns'], path).map((e) => ({ ...e, ruleIds: ROUTING_RULES })));
  const ref = (v: unknown, p: Path, required: boolean): string | null => {
    if (v === undefined || v === null) {
      if (required) errors.push(invalidRouting(p, 'Name a section (its key or name).', '課（キー又は名称）を指定してください。'));
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '' || v.length > 120) {
      errors.push(invalidRouting(p, 'Name a section (its key or name, at most 120 characters).', '課（キー又は名称、120文字以内）を指定してください。'));
      return null;
    }
    return v.trim();
  };
  const handlingSection = ref(input.handlingSection, [...path, 'handlingSection'], false);
  const list = input.patterns;
  const patterns: ProcedureRoutingPattern[] = [];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PATTERNS) {
    errors.push(invalidRouting([...path, 'patterns'], `Give 1 to ${MAX_PATTERNS} routing patterns.`, `振り分けパターンを1〜${MAX_PATTERNS}件指定してください。`));
  } else {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const at = [...path, 'patterns', i];
      if (!isPlainObject(p)) {
        errors.push(invalidRouting(at, 'Expected { "authority": …, "action": … }.', '{ "authority": …, "action": … } の形式で記述してください。'));
        return;
      }
      errors.push(...unknownKeys(p, ['authority', 'action', 'to', 'note'], at).map((e) => ({ ...e, ruleIds: ROUTING_RULES })));
      const authority = ref(p.authority, [...at, 'authority'], true);
      if (authority && seen.has(authority)) errors.push(invalidRouting([...at, 'authority'], 'This authority already has a pattern.', 'この業務権限の振り分けパターンが重複しています。'));
      if (authority) seen.add(authority);
      if (!isProcedureRoutingAction(p.action)) {
        errors.push(invalidRouting([...at, 'action'], `The action is one of ${Object.keys(PROCEDURE_ROUTING_ACTIONS).join(', ')}.`, `対応方法は${Object.keys(PROCEDURE_ROUTING_ACTIONS).join('、')}のいずれかです。`));
      }
      const to = ref(p.to, [...at, 'to'], false);
      if (p.action === 'handle' && to) errors.push(invalidRouting([...at, 'to'], 'A section that handles the procedure hands it to no one.', '「handle」（処理する）のときは引継ぎ先を指定しません。'));
      if (p.note !== undefined && p.note !== null && (typeof p.note !== 'string' || p.note.length > 500)) {
        errors.push(invalidRouting([...at, 'note'], 'The note is text of at most 500 characters.', '備考は500文字以内の文字列で記述してください。'));
      }
      if (authority && isProcedureRoutingAction(p.action)) patterns.push({ authority, action: p.action, to, note: typeof p.note === 'string' && p.note.trim() ? p.note.trim() : null });
    });
  }
  return errors.length ? { routing: null, errors } : { routing: { handlingSection, patterns }, errors: [] };
}

export function parseProcedureRoutingJson(text: string, path: Path): { routing: ProcedureRouting | null; errors: FieldError[] } {
  const parsed = parseJson(text, path, ROUTING_RULES);
  return parsed.ok ? parseProcedureRouting(parsed.value, path) : { routing: null, errors: [parsed.error] };
}

export interface ProcedureRoutingDecision {
  action: ProcedureRoutingAction;
  /** The section handed over or referred to (null when the viewer's section handles it). */
  to: string | null;
  note: string | null;
  /** Whether a pattern of the definition decided it (false: the default — the handling section handles, others refer). */
  explicit: boolean;
  ruleIds: RuleId[];
}

/**
 * KTM-7-2-3: what a staff member does with the procedure, from the sections their business authority
 * lies in (their section and every section above it). The first pattern naming one of them applies,
 * then the wildcard; without either, the handling section handles it and anyone else refers.
 * Sections are compared as the caller resolved them (ids).
 */
export function procedureRouteFor(routing: { handlingSection: string; patterns: ProcedureRoutingPattern[] }, viewerSections: readonly string[]): ProcedureRoutingDecision {
  const hit = routing.patterns.find((p) => p.authority !== ANY_AUTHORITY && viewerSections.includes(p.authority)) ?? routing.patterns.find((p) => p.authority === ANY_AUTHORITY);
  const decide = (action: ProcedureRoutingAction, to: string | null, note: string | null, explicit: boolean): ProcedureRoutingDecision => ({
    action, to: action === 'handle' ? null : (to ?? routing.handlingSection), note, explicit,
    // A hand-over between sections is arranged by them (KTM-5-1-2); the counter prints the form it hands over (KTM-8-1).
    ruleIds: action === 'accept_and_hand_over' ? ['KTM-7-2-3', 'KTM-5-1-2', 'KTM-8-1'] : ['KTM-7-2-3'],
  });
  if (hit) return decide(hit.action, hit.to ?? null, hit.note ?? null, true);
  return viewerSections.includes(routing.handlingSection) ? decide('handle', null, null, false) : decide('refer', null, null, false);
}

// ---- the definition as the request carries it (KTM-7-2, KTM-7-4) --------------------------------

export interface ProcedureOutputForm {
  name: string;
  printedFields: string[];
}

export interface ProcedureDefinitionContent {
  name: string;
  category: ProcedureCategory;
  /** KTM-7-2-1 */
  overview: string;
  /** KTM-7-2-2, for people. */
  conditionsText: string;
  /** KTM-7-2-2, for the system; null: never proposed automatically, staff judge from the text. */
  conditionRules: ProcedureCondition | null;
  /** KTM-7-2-3, for people. */
  routingText: string;
  routing: ProcedureRouting | null;
  /** KTM-7-2-4 */
  confirmationItems: string[];
  /** KTM-7-2-5 */
  outputForms: ProcedureOutputForm[];
  /** KTM-7-2-6 */
  other: string | null;
  /** Order within its category at the counter (KTM-7-3: set for a smooth counter). */
  displayOrder: number;
}

export const DEFAULT_PROCEDURE_ORDER = 100;

const LINE_BULLET = /^\s*(?:[・•\-*＊]|\d+[.．)）]|[（(]\d+[)）])\s*/;

/** One item per line, bullets and numbering dropped. */
export function splitProcedureLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(LINE_BULLET, '').trim())
    .filter((l) => l !== '');
}

/**
 * Output forms, one per line: "様式名（印字：項目、項目）" or "様式名：項目、項目" or just "様式名".
 * Printed fields are separated by 、 , ， or ・.
 */
export function parseProcedureOutputForms(text: string): ProcedureOutputForm[] {
  return splitProcedureLines(text).map((line) => {
    const m = /^(.+?)\s*[（(]\s*印字(?:項目)?\s*[:：]\s*(.+?)\s*[)）]\s*$/.exec(line) ?? /^(.+?)\s*[:：]\s*(.+)$/.exec(line);
    if (!m) return { name: line, printedFields: [] };
    return { name: m[1]!.trim(), printedFields: m[2]!.split(/[、,，・]/).map((f) => f.trim()).filter((f) => f !== '') };
  });
}

const str = (c: Record<string, unknown>, key: string): string | null => {
  const v = c[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/**
 * The structured parts of a procedure_definition request's content: refusals for the JSON fields
 * (conditionRules, routingRules) with the path of each offending part. The form's own checks
 * (required fields, lengths, the category) come from the request kind.
 */
export function procedureContentErrors(content: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const rules = content.conditionRules;
  if (typeof rules === 'string' && rules.trim() !== '') errors.push(...parseConditionJson(rules, ['content', 'conditionRules']).errors);
  const routing = content.routingRules;
  if (typeof routing === 'string' && routing.trim() !== '') errors.push(...parseProcedureRoutingJson(routing, ['content', 'routingRules']).errors);
  return errors;
}

/** The definition an approved request sets (its content already validated at filing). */
export function procedureDefinitionFromContent(content: Record<string, unknown>): { definition: ProcedureDefinitionContent | null; errors: FieldError[] } {
  const errors = procedureContentErrors(content);
  const name = str(content, 'procedureName');
  const category = content.procedureCategory;
  if (!name) errors.push(fieldError(['content', 'procedureName'], 'REQUIRED', 'Procedure name is required.', '行政手続の名称を入力してください。', ['KTM-7-1']));
  if (!isProcedureCategory(category)) errors.push(fieldError(['content', 'procedureCategory'], 'INVALID_VALUE', 'Choose a category.', '行政手続の区分を選択してください。', ['KTM-7-1']));
  if (errors.length || !name || !isProcedureCategory(category)) return { definition: null, errors };
  const rulesText = str(content, 'conditionRules');
  const routingText = str(content, 'routingRules');
  const order = content.displayOrder;
  return {
    definition: {
      name: name.normalize('NFKC'),
      category,
      overview: str(content, 'overview') ?? '',
      conditionsText: str(content, 'conditions') ?? '',
      conditionRules: rulesText ? parseConditionJson(rulesText, ['content', 'conditionRules']).condition : null,
      routingText: str(content, 'routingPattern') ?? '',
      routing: routingText ? parseProcedureRoutingJson(routingText, ['content', 'routingRules']).routing : null,
      confirmationItems: splitProcedureLines(str(content, 'confirmationItems') ?? ''),
      outputForms: parseProcedureOutputForms(str(content, 'outputForms') ?? ''),
      other: str(content, 'other'),
      displayOrder: typeof order === 'number' && Number.isInteger(order) ? order : DEFAULT_PROCEDURE_ORDER,
    },
    errors: [],
  };
}

/** The identity of a procedure across versions: its name, NFKC-normalised, spaces removed. */
export function procedureNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// ---- which procedures a situation needs ---------------------------------------------------------

export interface ProcedureCandidate {
  name: string;
  category: ProcedureCategory;
  displayOrder: number;
  conditionRules: ProcedureCondition | null;
}

export interface NeededProcedure<T extends ProcedureCandidate> {
  definition: T;
  /** The conditions that matched, with what was found. */
  reasons: Bilingual[];
  ruleIds: RuleId[];
}

const collator = new Intl.Collator('ja');

/**
 * The procedures a situation needs (KTM-7-2-2): every definition whose condition holds, in the
 * order of KTM-7-1 — the 住所・氏名・世帯 notification first, then the related ones, then the others —
 * and within a category by the order the definitions set, then by name. Definitions without
 * structured conditions are never proposed: the counter judges them from their text.
 */
export function proceduresNeeded<T extends ProcedureCandidate>(definitions: readonly T[], situation: ResidentSituation): NeededProcedure<T>[] {
  const out: NeededProcedure<T>[] = [];
  for (const d of definitions) {
    if (!d.conditionRules) continue;
    const r = evaluateCondition(d.conditionRules, situation);
    if (r.matched) out.push({ definition: d, reasons: r.reasons, ruleIds: [PROCEDURE_CATEGORIES[d.category].ruleId, 'KTM-7-2-2'] });
  }
  return out.sort((a, b) => compareProcedures(a.definition, b.definition));
}

export function compareProcedures(a: Pick<ProcedureCandidate, 'category' | 'displayOrder' | 'name'>, b: Pick<ProcedureCandidate, 'category' | 'displayOrder' | 'name'>): number {
  return PROCEDURE_CATEGORIES[a.category].order - PROCEDURE_CATEGORIES[b.category].order || a.displayOrder - b.displayOrder || collator.compare(a.name, b.name);
}

// ---- regular review (KTM-5-1-1) -----------------------------------------------------------------

/** KTM-5-1-1 says 定期的に without a period: a definition not reviewed for over a year is due. */
export const PROCEDURE_REVIEW_INTERVAL_YEARS = 1;

export interface ProcedureReviewStatus {
  /** The last day the last review covers. */
  reviewDueOn: string;
  /** Not reviewed for over a year. */
  reviewDue: boolean;
  ruleIds: RuleId[];
}

export function procedureReviewStatus(reviewedOn: string, today: string): ProcedureReviewStatus {
  const { year, month, day } = parseIsoDate(reviewedOn);
  const last = Number(lastDayOfMonth(year + PROCEDURE_REVIEW_INTERVAL_YEARS, month).slice(8));
  const reviewDueOn = isoDate(year + PROCEDURE_REVIEW_INTERVAL_YEARS, month, Math.min(day, last));
  return { reviewDueOn, reviewDue: today > reviewDueOn, ruleIds: ['KTM-5-1-1'] };
}
