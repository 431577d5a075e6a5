// The conditions of Kitami's procedure definitions (KTM-7-2-2): the vocabulary of a resident's
// situation, the condition language over it (data, never code: a tree of `all` / `any` / `not` over
// leaves `{ fact, op, value }`, bounded in size), its evaluation with the reasons in both languages,
// and the check of a situation as given. Pure: no I/O.
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { bi, CONDITION_RULES, invalid, isPlainObject, isWholeNumber, parseJson, unknownKeys } from './procedure-input.ts';

// ---- vocabulary ---------------------------------------------------------------------------------

/** KTM-7-1: the procedures the system may be set with, in the order the counter takes them up (the entity's enum takes them from here). */
export const PROCEDURE_CATEGORY_VALUES = ['address_name_household', 'related', 'frequent', 'certificate', 'other'] as const;
export type ProcedureCategory = (typeof PROCEDURE_CATEGORY_VALUES)[number];

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
  employeeInsurance: {
    ja: '勤務先の健康保険（被用者保険）に加入している',
    jaNot: '勤務先の健康保険（被用者保険）に加入していない',
    en: 'insured (or a dependant) under an employee health insurance',
  },
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
      if (nodes === CONDITION_LIMITS.maxNodes + 1)
        errors.push(invalid(at, `The condition has more than ${CONDITION_LIMITS.maxNodes} parts.`, `条件の要素が${CONDITION_LIMITS.maxNodes}を超えています。`));
      return null;
    }
    if (depth > CONDITION_LIMITS.maxDepth) {
      errors.push(invalid(at, `Conditions nest at most ${CONDITION_LIMITS.maxDepth} levels deep.`, `条件の入れ子は${CONDITION_LIMITS.maxDepth}段までです。`));
      return null;
    }
    if (!isPlainObject(node)) {
      errors.push(
        invalid(
          at,
          'Expected a condition object ({ "all": … }, { "any": … }, { "not": … } or { "fact": …, "op": …, "value": … }).',
          '条件はオブジェクト（all、any、not 又は fact・op・value）で記述してください。',
        ),
      );
      return null;
    }
    for (const combinator of ['all', 'any'] as const) {
      if (combinator in node) {
        const before = errors.length;
        errors.push(...unknownKeys(node, [combinator], at));
        const list = node[combinator];
        if (!Array.isArray(list) || list.length === 0 || list.length > CONDITION_LIMITS.maxBranches) {
          errors.push(
            invalid(
              [...at, combinator],
              `"${combinator}" takes a list of 1 to ${CONDITION_LIMITS.maxBranches} conditions.`,
              `「${combinator}」には1〜${CONDITION_LIMITS.maxBranches}個の条件を並べてください。`,
            ),
          );
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
        if (op !== 'in' && op !== 'not_in')
          errors.push(invalid([...at, 'op'], 'The event is compared with "in" or "not_in".', '届出の事由は「in」又は「not_in」で比較してください。'));
        if (!Array.isArray(value) || value.length === 0) {
          errors.push(invalid([...at, 'value'], 'Give a list of one or more events.', '事由を1つ以上並べてください。'));
        } else {
          value.forEach((e, i) => {
            if (!isResidentEvent(e))
              errors.push(
                invalid(
                  [...at, 'value', i],
                  `Unknown event (one of: ${Object.keys(RESIDENT_EVENTS).join(', ')}).`,
                  `届出の事由が正しくありません（${Object.keys(RESIDENT_EVENTS).join('、')}のいずれか）。`,
                ),
              );
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
        errors.push(
          invalid(
            [...at, 'fact'],
            'Unknown fact (one of: event, members, dogs, mopeds, sealRegistrationWanted), or a condition without "all", "any" or "not".',
            '条件の対象が正しくありません（event、members、dogs、mopeds、sealRegistrationWanted のいずれか。又は all・any・not）。',
          ),
        );
        return null;
    }
  };

  const countErrors = (op: unknown, value: unknown, at: Path) => {
    if (!isCountOp(op))
      errors.push(
        invalid(
          [...at, 'op'],
          `A count is compared with one of ${Object.keys(COUNT_OPS).join(', ')}.`,
          `数の比較は${Object.keys(COUNT_OPS).join('、')}のいずれかで指定してください。`,
        ),
      );
    if (!isWholeNumber(value, 0, CONDITION_LIMITS.maxCount))
      errors.push(
        invalid(
          [...at, 'value'],
          `Expected a whole number from 0 to ${CONDITION_LIMITS.maxCount}.`,
          `0〜${CONDITION_LIMITS.maxCount}の整数を指定してください。`,
        ),
      );
  };

  const memberFilter = (input: unknown, at: Path): MemberFilter | undefined => {
    if (!isPlainObject(input)) {
      errors.push(
        invalid(
          at,
          'Expected the facts of the members to count, e.g. { "group": "school_age" }.',
          '数える世帯員の条件をオブジェクトで指定してください（例：{ "group": "school_age" }）。',
        ),
      );
      return undefined;
    }
    errors.push(...unknownKeys(input, ['group', 'minAge', 'maxAge', ...MEMBER_FLAG_KEYS], at));
    const out: MemberFilter = {};
    if (input.group !== undefined) {
      if (isAgeGroup(input.group)) out.group = input.group;
      else
        errors.push(
          invalid(
            [...at, 'group'],
            `Unknown age group (one of: ${Object.keys(AGE_GROUPS).join(', ')}).`,
            `年齢区分が正しくありません（${Object.keys(AGE_GROUPS).join('、')}のいずれか）。`,
          ),
        );
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
    case 'eq':
      return { ja: `ちょうど${n}`, en: `exactly ${value}` };
    case 'ne':
      return { ja: `${n}以外`, en: `other than ${value}` };
    case 'gt':
      return { ja: `${n}を超える`, en: `more than ${value}` };
    case 'gte':
      return { ja: `${n}以上`, en: `at least ${value}` };
    case 'lt':
      return { ja: `${n}未満`, en: `fewer than ${value}` };
    case 'lte':
      return { ja: `${n}以下`, en: `at most ${value}` };
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
    errors.push(
      fieldError(
        [...path, 'events'],
        'REQUIRED',
        'Give what brings the resident to the counter (the event).',
        '届出の事由を選択してください。',
        CONDITION_RULES,
      ),
    );
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
    errors.push(
      fieldError([...path, 'members'], 'REQUIRED', 'Give at least one person concerned.', '届出の対象となる方を1人以上入力してください。', CONDITION_RULES),
    );
  } else if (s.members.length > SITUATION_LIMITS.maxMembers) {
    bad([...path, 'members'], `At most ${SITUATION_LIMITS.maxMembers} people.`, `対象者は${SITUATION_LIMITS.maxMembers}人までです。`);
  } else {
    s.members.forEach((m, i) => {
      if (!isWholeNumber(m.age, 0, SITUATION_LIMITS.maxAge))
        bad(
          [...path, 'members', i, 'age'],
          `The age is a whole number from 0 to ${SITUATION_LIMITS.maxAge}.`,
          `年齢は0〜${SITUATION_LIMITS.maxAge}の整数で入力してください。`,
        );
      if (m.deceased && !s.events?.includes('death'))
        bad(
          [...path, 'members', i, 'deceased'],
          'A deceased person is given only with the event "death".',
          '亡くなった方は、届出の事由が「死亡」のときだけ入力できます。',
        );
    });
    if (s.members.filter((m) => m.head).length > 1) bad([...path, 'members'], 'A household has one head.', '世帯主は1人です。');
    if (s.events?.includes('death') && !s.members.some((m) => m.deceased)) {
      bad([...path, 'members'], 'With the event "death", mark the person who died.', '届出の事由が「死亡」のときは、亡くなった方を入力してください。');
    }
  }
  for (const key of ['dogs', 'mopeds'] as const) {
    const v = s[key];
    if (v !== undefined && v !== null && !isWholeNumber(v, 0, SITUATION_LIMITS.maxCount))
      bad([...path, key], `A whole number from 0 to ${SITUATION_LIMITS.maxCount}.`, `0〜${SITUATION_LIMITS.maxCount}の整数で入力してください。`);
  }
  return errors;
}
