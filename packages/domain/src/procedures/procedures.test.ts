import { describe, expect, it } from 'vitest';
import { isValidRuleId } from '../rulebooks/index.ts';
import { previewRoute } from '../requests/registry.ts';
import { ctxFor } from '../requests/request-fixtures.ts';
import { procedureDefinitionKind } from '../requests/kinds/procedure-definition.kind.ts';
import {
  AGE_GROUPS,
  CONDITION_LIMITS,
  PROCEDURE_CATEGORIES,
  describeCondition,
  evaluateCondition,
  parseCondition,
  parseProcedureOutputForms,
  parseProcedureRouting,
  procedureContentErrors,
  procedureDefinitionFromContent,
  procedureNameKey,
  proceduresNeeded,
  procedureReviewStatus,
  procedureRouteFor,
  splitProcedureLines,
  validateSituation,
  type ProcedureCandidate,
  type HouseholdMember,
  type ProcedureCondition,
  type ResidentSituation,
} from './procedures.ts';

const cond = (input: unknown): ProcedureCondition => {
  const r = parseCondition(input);
  expect(r.errors).toEqual([]);
  return r.condition!;
};
const situation = (s: Partial<ResidentSituation> & { members?: HouseholdMember[] }): ResidentSituation => ({
  events: ['moving_in'],
  members: [{ age: 40 }],
  ...s,
});
const matches = (c: ProcedureCondition, s: ResidentSituation) => evaluateCondition(c, s).matched;
const paths = (errors: { path: (string | number)[]; code: string }[]) => errors.map((e) => [e.path.join('.'), e.code]);

const schoolAge = cond({ fact: 'members', where: { group: 'school_age' }, op: 'gte', value: 1 });

describe('the vocabulary cites rules that exist', () => {
  it('KTM-7-1 categories, in the order of the article', () => {
    expect(Object.values(PROCEDURE_CATEGORIES).map((c) => [c.order, c.ruleId])).toEqual([
      [1, 'KTM-7-1-1'],
      [2, 'KTM-7-1-2'],
      [3, 'KTM-7-1-3'],
      [4, 'KTM-7-1-4'],
      [5, 'KTM-7-1-5'],
    ]);
    for (const c of Object.values(PROCEDURE_CATEGORIES)) expect(isValidRuleId(c.ruleId)).toBe(true);
    for (const id of ['KTM-7-2-2', 'KTM-7-2-3', 'KTM-5-1-1', 'KTM-5-1-2', 'KTM-8-1', 'KTM-7-3']) expect(isValidRuleId(id), id).toBe(true);
  });
});

describe('evaluating conditions (KTM-7-2-2)', () => {
  it('school age is 6 to 15 inclusive: 5 and 16 do not count', () => {
    expect(AGE_GROUPS.school_age).toMatchObject({ minAge: 6, maxAge: 15 });
    const at = (age: number) => matches(schoolAge, situation({ members: [{ age: 40 }, { age }] }));
    expect([5, 6, 15, 16].map(at)).toEqual([false, true, true, false]);
  });

  it('under 3, 65 or over, 75 or over: each at its edge', () => {
    const group = (g: string) => cond({ fact: 'members', where: { group: g }, op: 'gte', value: 1 });
    const at = (g: string, age: number) => matches(group(g), situation({ members: [{ age }] }));
    expect([at('under_3', 2), at('under_3', 3)]).toEqual([true, false]);
    expect([at('aged_65_plus', 64), at('aged_65_plus', 65)]).toEqual([false, true]);
    expect([at('aged_75_plus', 74), at('aged_75_plus', 75), at('aged_75_plus', 120)]).toEqual([false, true, true]);
  });

  it('explicit ages and flags narrow the members counted; absent flags are "no"', () => {
    const uninsured = cond({ fact: 'members', where: { maxAge: 74, employeeInsurance: false }, op: 'gte', value: 1 });
    expect(matches(uninsured, situation({ members: [{ age: 40, employeeInsurance: true }, { age: 80 }] }))).toBe(false);
    expect(matches(uninsured, situation({ members: [{ age: 40, employeeInsurance: true }, { age: 74 }] }))).toBe(true);
    const twoAdults = cond({ fact: 'members', where: { minAge: 15, deceased: false }, op: 'gte', value: 2 });
    expect(matches(twoAdults, situation({ events: ['death'], members: [{ age: 80, deceased: true }, { age: 78 }] }))).toBe(false);
    expect(matches(twoAdults, situation({ events: ['death'], members: [{ age: 80, deceased: true }, { age: 78 }, { age: 15 }] }))).toBe(true);
  });

  it('no false matches: another event, no dog, nobody of the age, a negated fact', () => {
    const movingIn = cond({ fact: 'event', op: 'in', value: ['moving_in'] });
    expect(matches(movingIn, situation({ events: ['moving_within'] }))).toBe(false);
    expect(matches(cond({ fact: 'event', op: 'not_in', value: ['moving_out', 'death'] }), situation({ events: ['moving_out'] }))).toBe(false);
    expect(matches(cond({ fact: 'dogs', op: 'gte', value: 1 }), situation({}))).toBe(false);
    expect(matches(cond({ fact: 'dogs', op: 'gte', value: 1 }), situation({ dogs: 0 }))).toBe(false);
    expect(matches(schoolAge, situation({ members: [{ age: 40 }, { age: 3 }, { age: 17 }] }))).toBe(false);
    expect(matches(cond({ fact: 'sealRegistrationWanted', op: 'eq', value: true }), situation({ sealRegistrationWanted: null }))).toBe(false);
    expect(
      matches(
        cond({ not: { fact: 'members', where: { employeeInsurance: true }, op: 'gte', value: 1 } }),
        situation({ members: [{ age: 40, employeeInsurance: true }] }),
      ),
    ).toBe(false);
  });

  it('all needs every part, any one of them; the reasons say what was found', () => {
    const c = cond({ all: [{ fact: 'event', op: 'in', value: ['moving_in', 'moving_within'] }, { any: [schoolAge, { fact: 'dogs', op: 'gte', value: 1 }] }] });
    const family = situation({ events: ['moving_in'], members: [{ age: 40 }, { age: 8 }, { age: 13 }], dogs: 1 });
    const r = evaluateCondition(c, family);
    expect(r.matched).toBe(true);
    expect(r.reasons.map((x) => x.ja)).toEqual([
      '届出の事由が「転入」又は「転居」',
      '学齢（6歳以上15歳以下）の世帯員が1人以上（該当2人）',
      '飼い犬が1頭以上（1頭）',
    ]);
    expect(r.reasons[1]!.en).toBe('at least 1 members of school age (6–15) (2 found)');
    expect(evaluateCondition(c, situation({ events: ['moving_out'], members: [{ age: 8 }] }))).toEqual({ matched: false, reasons: [] });
  });

  it('describes a condition for people', () => {
    const c = cond({
      all: [
        { fact: 'event', op: 'in', value: ['death'] },
        { fact: 'members', where: { deceased: true, minAge: 65 }, op: 'gte', value: 1 },
        { not: { fact: 'mopeds', op: 'eq', value: 0 } },
      ],
    });
    expect(describeCondition(c).ja).toBe(
      '届出の事由が「死亡」、かつ、65歳以上・亡くなった方の世帯員が1人以上、かつ、次に当たらない：原動機付自転車等がちょうど0台',
    );
  });
});

describe('malformed conditions are refused at definition time, with the path of the part', () => {
  const at = ['content', 'conditionRules'];
  const refused = (input: unknown) => paths(parseCondition(input, at).errors);

  it.each([
    ['a bare string', 'moving_in', [['content.conditionRules', 'INVALID_VALUE']]],
    ['an empty all', { all: [] }, [['content.conditionRules.all', 'INVALID_VALUE']]],
    ['an unknown fact', { any: [{ fact: 'income', op: 'gte', value: 1 }] }, [['content.conditionRules.any.0.fact', 'INVALID_VALUE']]],
    ['an unknown event', { fact: 'event', op: 'in', value: ['moving_in', 'teleport'] }, [['content.conditionRules.value.1', 'INVALID_VALUE']]],
    ['a wrong operator', { all: [{ fact: 'dogs', op: '>=', value: 1 }] }, [['content.conditionRules.all.0.op', 'INVALID_VALUE']]],
    ['a fractional count', { fact: 'members', op: 'gte', value: 1.5 }, [['content.conditionRules.value', 'INVALID_VALUE']]],
    [
      'an unknown group and crossed ages',
      { fact: 'members', where: { group: 'toddlers', minAge: 10, maxAge: 5 }, op: 'gte', value: 1 },
      [
        ['content.conditionRules.where.group', 'INVALID_VALUE'],
        ['content.conditionRules.where.maxAge', 'INVALID_VALUE'],
      ],
    ],
    [
      'a flag that is not yes/no',
      { fact: 'members', where: { longTermCareCertified: 'yes' }, op: 'gte', value: 1 },
      [['content.conditionRules.where.longTermCareCertified', 'INVALID_VALUE']],
    ],
    ['an extra key (no code smuggled in)', { fact: 'dogs', op: 'gte', value: 1, eval: 'process.exit()' }, [['content.conditionRules.eval', 'INVALID_VALUE']]],
    ['two combinators in one node', { all: [schoolAge], any: [schoolAge] }, [['content.conditionRules.any', 'INVALID_VALUE']]],
    [
      'a yes/no fact compared as a count',
      { fact: 'sealRegistrationWanted', op: 'gte', value: 1 },
      [
        ['content.conditionRules.op', 'INVALID_VALUE'],
        ['content.conditionRules.value', 'INVALID_VALUE'],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(refused(input)).toEqual(expected);
    expect(parseCondition(input, at).condition).toBeNull();
  });

  it('cites KTM-7-2-2 in both languages', () => {
    const [e] = parseCondition({ fact: 'income' }, at).errors;
    expect(e).toMatchObject({ ruleIds: ['KTM-7-2-2'], message: { ja: expect.stringContaining('条件の対象') } });
  });

  it('bounds the depth and the size', () => {
    let deep: unknown = schoolAge;
    for (let i = 0; i < CONDITION_LIMITS.maxDepth; i++) deep = { not: deep };
    expect(refused(deep)).toEqual([[`content.conditionRules${'.not'.repeat(CONDITION_LIMITS.maxDepth)}`, 'INVALID_VALUE']]);
    const wide = { all: Array.from({ length: 20 }, () => ({ any: Array.from({ length: 5 }, () => schoolAge) })) };
    // The 101st part: the root and 16 groups of 6 make 97; the 17th group is the 98th, its third child the 101st.
    expect(refused(wide).map((e) => e[0])).toEqual(['content.conditionRules.all.16.any.2']);
  });

  it('the request refuses bad JSON and bad parts with their paths; a good one passes', () => {
    const content = {
      procedureName: '児童手当の認定請求',
      procedureCategory: 'related',
      overview: '児童を養育している方への手当',
      conditions: '18歳以下の児童を養育している方が転入したとき',
      routingPattern: '子育て支援課で受付',
      confirmationItems: '本人確認',
      outputForms: '認定請求書',
      rightsCleared: true,
    };
    const errorsOf = (extra: Record<string, unknown>) =>
      previewRoute(procedureDefinitionKind, ctxFor('KTM', { content: { ...content, ...extra }, requester: { roleKeys: ['manager'] } })).errors.map((e) => [
        e.path.join('.'),
        e.code,
        e.ruleIds,
      ]);
    expect(errorsOf({ conditionRules: JSON.stringify({ fact: 'members', where: { maxAge: 18 }, op: 'gte', value: 1 }) })).toEqual([]);
    expect(errorsOf({ conditionRules: '{"fact": "members",' })).toEqual([['content.conditionRules', 'INVALID_VALUE', ['KTM-7-2-2']]]);
    expect(
      errorsOf({
        conditionRules: JSON.stringify({ all: [{ fact: 'event', op: 'in', value: ['moving'] }] }),
        routingRules: JSON.stringify({ patterns: [{ authority: '窓口課', action: 'print' }] }),
      }),
    ).toEqual([
      ['content.conditionRules.all.0.value.0', 'INVALID_VALUE', ['KTM-7-2-2']],
      ['content.routingRules.patterns.0.action', 'INVALID_VALUE', ['KTM-7-2-3']],
    ]);
    expect(errorsOf({ conditionRules: { fact: 'dogs' } }).map((e) => e[0])).toEqual(['content.conditionRules']); // not text: the form's own check
    expect(errorsOf({ displayOrder: 0 }).map((e) => e[0])).toEqual(['content.displayOrder']);
  });
});

describe('the resident’s situation', () => {
  it('refuses what cannot be, with field paths', () => {
    expect(paths(validateSituation({ events: [], members: [] }))).toEqual([
      ['situation.events', 'REQUIRED'],
      ['situation.members', 'REQUIRED'],
    ]);
    expect(paths(validateSituation({ events: ['moving_in', 'moving_out'], members: [{ age: -1 }, { age: 131 }, { age: 1.5 }] }))).toEqual([
      ['situation.events', 'INVALID_VALUE'],
      ['situation.members.0.age', 'INVALID_VALUE'],
      ['situation.members.1.age', 'INVALID_VALUE'],
      ['situation.members.2.age', 'INVALID_VALUE'],
    ]);
    expect(
      paths(
        validateSituation({
          events: ['death'],
          members: [
            { age: 80, head: true },
            { age: 70, head: true },
          ],
        }),
      ),
    ).toEqual([
      ['situation.members', 'INVALID_VALUE'],
      ['situation.members', 'INVALID_VALUE'],
    ]);
    expect(paths(validateSituation({ events: ['moving_within'], members: [{ age: 80, deceased: true }], dogs: 100 }))).toEqual([
      ['situation.members.0.deceased', 'INVALID_VALUE'],
      ['situation.dogs', 'INVALID_VALUE'],
    ]);
    expect(validateSituation({ events: ['death', 'household_change'], members: [{ age: 80, deceased: true, head: true }, { age: 50 }] })).toEqual([]);
  });
});

describe('routing by business authority (KTM-7-2-3)', () => {
  const routing = {
    handlingSection: 'hoken',
    patterns: [
      { authority: 'hoken', action: 'handle' as const },
      { authority: 'madoguchi', action: 'accept_and_hand_over' as const, note: '資格取得届を印字して引き継ぐ' },
      { authority: '*', action: 'refer' as const },
    ],
  };
  it('the first pattern naming the viewer’s section or a section above it, then the wildcard', () => {
    expect(procedureRouteFor(routing, ['hoken', 'shimin'])).toMatchObject({ action: 'handle', to: null, explicit: true, ruleIds: ['KTM-7-2-3'] });
    expect(procedureRouteFor(routing, ['madoguchi.uketsuke', 'madoguchi', 'shimin'])).toEqual({
      action: 'accept_and_hand_over',
      to: 'hoken',
      note: '資格取得届を印字して引き継ぐ',
      explicit: true,
      ruleIds: ['KTM-7-2-3', 'KTM-5-1-2', 'KTM-8-1'],
    });
    expect(procedureRouteFor(routing, ['kaigo', 'fukushi'])).toMatchObject({ action: 'refer', to: 'hoken' });
  });
  it('without patterns: the handling section handles it, anyone else refers', () => {
    expect(procedureRouteFor({ handlingSection: 'hoken', patterns: [] }, ['hoken'])).toMatchObject({ action: 'handle', explicit: false });
    expect(procedureRouteFor({ handlingSection: 'hoken', patterns: [] }, [])).toMatchObject({ action: 'refer', to: 'hoken', explicit: false });
  });
  it('refuses malformed patterns with their paths', () => {
    const r = parseProcedureRouting(
      {
        handlingSection: '',
        patterns: [{ authority: '窓口課', action: 'handle', to: '保険医療課' }, { authority: '窓口課', action: 'refer' }, { action: 'print' }],
      },
      ['content', 'routingRules'],
    );
    expect(paths(r.errors)).toEqual([
      ['content.routingRules.handlingSection', 'INVALID_VALUE'],
      ['content.routingRules.patterns.0.to', 'INVALID_VALUE'],
      ['content.routingRules.patterns.1.authority', 'INVALID_VALUE'],
      ['content.routingRules.patterns.2.authority', 'INVALID_VALUE'],
      ['content.routingRules.patterns.2.action', 'INVALID_VALUE'],
    ]);
    expect(r.errors.every((e) => e.ruleIds?.[0] === 'KTM-7-2-3')).toBe(true);
  });
});

describe('the definition a request carries', () => {
  it('reads items per line and printed fields per form', () => {
    expect(splitProcedureLines('・本人確認書類\n1. 転出証明書\n\n- 在留カード ')).toEqual(['本人確認書類', '転出証明書', '在留カード']);
    expect(parseProcedureOutputForms('転入届（印字：氏名・住所）\n国民健康保険資格取得届：氏名、生年月日, 資格取得日\n転入学通知書')).toEqual([
      { name: '転入届', printedFields: ['氏名', '住所'] },
      { name: '国民健康保険資格取得届', printedFields: ['氏名', '生年月日', '資格取得日'] },
      { name: '転入学通知書', printedFields: [] },
    ]);
  });
  it('builds the structured definition — overview (KTM-7-2-1), items to confirm (KTM-7-2-4), other information (KTM-7-2-6); the name is the identity across versions', () => {
    const { definition, errors } = procedureDefinitionFromContent({
      procedureName: 'ＡＢＣ 手続',
      procedureCategory: 'frequent',
      overview: 'o',
      conditions: 'c',
      routingPattern: 'r',
      confirmationItems: '・a\n・b',
      outputForms: 'f（印字：x）',
      conditionRules: '{"fact":"sealRegistrationWanted","op":"eq","value":true}',
      displayOrder: 5,
    });
    expect(errors).toEqual([]);
    expect(definition).toMatchObject({
      name: 'ABC 手続',
      category: 'frequent',
      overview: 'o',
      confirmationItems: ['a', 'b'],
      outputForms: [{ name: 'f', printedFields: ['x'] }],
      routing: null,
      displayOrder: 5,
      other: null,
    });
    expect(definition!.conditionRules).toEqual({ fact: 'sealRegistrationWanted', op: 'eq', value: true });
    expect(procedureNameKey('ＡＢＣ 手続')).toBe(procedureNameKey('abc手続'));
    expect(procedureContentErrors({ conditionRules: '  ' })).toEqual([]);
  });
});

describe('which procedures a situation needs', () => {
  const d = (name: string, category: ProcedureCandidate['category'], displayOrder: number, rules: unknown): ProcedureCandidate => ({
    name,
    category,
    displayOrder,
    conditionRules: rules ? cond(rules) : null,
  });
  const moving = { fact: 'event', op: 'in', value: ['moving_in'] };
  const defs = [
    d('印鑑登録', 'frequent', 10, { fact: 'sealRegistrationWanted', op: 'eq', value: true }),
    d('就学（転入学）の手続', 'related', 150, { all: [moving, { fact: 'members', where: { group: 'school_age' }, op: 'gte', value: 1 }] }),
    d('国民健康保険の加入', 'related', 110, { all: [moving, { fact: 'members', where: { maxAge: 74, employeeInsurance: false }, op: 'gte', value: 1 }] }),
    d('転入届', 'address_name_household', 10, moving),
    d('住民票の写しの交付', 'certificate', 10, null),
  ];
  it('in the order of KTM-7-1, then the definitions’ order; without structured conditions, never', () => {
    const r = proceduresNeeded(defs, situation({ members: [{ age: 40 }, { age: 8 }], sealRegistrationWanted: true }));
    expect(r.map((x) => [x.definition.name, x.ruleIds])).toEqual([
      ['転入届', ['KTM-7-1-1', 'KTM-7-2-2']],
      ['国民健康保険の加入', ['KTM-7-1-2', 'KTM-7-2-2']],
      ['就学（転入学）の手続', ['KTM-7-1-2', 'KTM-7-2-2']],
      ['印鑑登録', ['KTM-7-1-3', 'KTM-7-2-2']],
    ]);
    expect(proceduresNeeded(defs, situation({ members: [{ age: 40, employeeInsurance: true }] })).map((x) => x.definition.name)).toEqual(['転入届']);
    expect(proceduresNeeded(defs, situation({ events: ['moving_within'] }))).toEqual([]);
  });
});

describe('regular review (KTM-5-1-1)', () => {
  it('is due once more than a year has passed since the last review', () => {
    expect(procedureReviewStatus('2025-11-20', '2026-11-20')).toEqual({ reviewDueOn: '2026-11-20', reviewDue: false, ruleIds: ['KTM-5-1-1'] });
    expect(procedureReviewStatus('2025-11-20', '2026-11-21').reviewDue).toBe(true);
    expect(procedureReviewStatus('2024-02-29', '2025-03-01')).toEqual({ reviewDueOn: '2025-02-28', reviewDue: true, ruleIds: ['KTM-5-1-1'] });
  });
});
