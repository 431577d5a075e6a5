// Kitami's 書かない窓口 (KTM-7) through the API: the demo procedure definitions, the integrator's
// question "which procedures does this resident need?" for several situations, a definition set by
// an approved request and its next version, the business section's regular review, refusals, and
// another municipality that sees none of it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isValidRuleId } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type RequestTools } from '../requests/requests.testing.ts';

// Today at 10:00 in Japan: definitions set or reviewed now are reviewed today, and due again a year later.
const cal = testCalendar();
const today = cal.today;

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
  gw.setNow(cal.at(today, '10:00'));
});
afterAll(async () => {
  gw.setNow(null);
  await gw.stop();
});

interface Section {
  id: string;
  key: string;
  name: string;
}
interface Definition {
  id: string;
  name: string;
  category: string;
  categoryLabel: { ja: string };
  overview: string;
  conditionsText: string;
  conditionRules: Record<string, unknown> | null;
  conditionSummary: { ja: string } | null;
  routingPatterns: { authority: Section | null; action: string; to: Section | null; note: string | null }[];
  handlingSection: Section;
  managingSection: Section;
  confirmationItems: string[];
  outputForms: { name: string; printedFields: string[] }[];
  other: string | null;
  displayOrder: number;
  version: number;
  reviewedOn: string;
  reviewDueOn: string;
  reviewDue: boolean;
  requestId: string | null;
  ruleIds: string[];
  viewerRoute: Route | null;
  history: { version: number; change: string; requestNumber: string | null; changedByName: string | null; note: string | null; ruleIds: string[] }[];
}
interface Route {
  action: string;
  message: { ja: string; en: string };
  to: Section | null;
  note: string | null;
  explicit: boolean;
  ruleIds: string[];
}
interface Needed {
  order: number;
  definition: { name: string; category: string; overview: string; handlingSection: Section; outputForms: { name: string; printedFields: string[] }[] };
  reasons: { ja: string; en: string }[];
  route: Route | null;
  ruleIds: string[];
}

const SECTION = 'id key name';
const DEFINITION = `id name category categoryLabel { ja } overview conditionsText conditionRules conditionSummary { ja }
  routingPatterns { authority { ${SECTION} } action to { ${SECTION} } note } handlingSection { ${SECTION} } managingSection { ${SECTION} }
  confirmationItems outputForms { name printedFields } other displayOrder version reviewedOn reviewDueOn reviewDue requestId ruleIds
  viewerRoute { action message { ja en } to { ${SECTION} } note explicit ruleIds }
  history { version change requestNumber changedByName note ruleIds }`;
const LIST = `query($f: ProcedureDefinitionFilter) { procedureDefinitions(filter: $f) { ${DEFINITION} } }`;
const ONE = `query($id: ID!) { procedureDefinition(id: $id) { ${DEFINITION} } }`;
const FOR = `query($s: ResidentSituationInput!) { proceduresFor(situation: $s) {
  order definition { name category overview handlingSection { ${SECTION} } outputForms { name printedFields } } reasons { ja en }
  route { action message { ja en } to { ${SECTION} } note explicit ruleIds } ruleIds } }`;
const REVIEW = `mutation($i: RecordProcedureReviewInput!) { recordProcedureReview(input: $i) { ${DEFINITION} } }`;

async function ok<T>(r: Promise<GqlResult<T>>): Promise<T> {
  const res = await r;
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}
const list = async (token: string, f: Record<string, unknown> | null = null) =>
  (await ok(gw.gql<{ procedureDefinitions: Definition[] }>(LIST, { f }, { token }))).procedureDefinitions;
const needed = async (token: string, s: Record<string, unknown>) => (await ok(gw.gql<{ proceduresFor: Needed[] }>(FOR, { s }, { token }))).proceduresFor;
const names = (xs: { definition: { name: string } }[]) => xs.map((x) => x.definition.name);
const fieldPaths = (r: GqlResult) =>
  (r.errors?.[0]?.extensions?.fieldErrors as { path: (string | number)[]; ruleIds?: string[] }[] | undefined)?.map((e) => e.path.join('.'));

// Moving in: a couple with two school-age children and a 70-year-old parent, none employee-insured.
const family = {
  events: ['MOVING_IN'],
  members: [{ age: 42, head: true }, { age: 40 }, { age: 8 }, { age: 13 }, { age: 70 }],
};
// A death in a household with long-term care: the head (82, certified) dies; the spouse and a son remain.
const bereaved = {
  events: ['DEATH'],
  members: [{ age: 82, head: true, deceased: true, longTermCareCertified: true }, { age: 79 }, { age: 50, employeeInsurance: true }],
};

let counter: string; // 窓口課 受付係 (staff1)
let hoken: Person; // 保険医療課 staff
let token: string; // Kitami's integrator (registry:read)

beforeAll(async () => {
  counter = await gw.signIn('kitami', 'staff1');
  hoken = await t.holder('kitami', 'ktm.shimin.hoken.staff1');
  const admin = await gw.signIn('kitami', 'admin');
  token = (
    await ok(
      gw.gql<{ createApiToken: { token: string } }>(
        'mutation { createApiToken(input: { name: "総合窓口案内システム", scopes: ["registry:read"] }) { token } }',
        {},
        { token: admin },
      ),
    )
  ).createApiToken.token;
});

describe('the demo definitions (KTM-7-2)', () => {
  it('lists Kitami’s procedures in the order of KTM-7-1, each with its sections, forms and rules', async () => {
    const defs = await list(counter);
    expect(defs.map((d) => d.name)).toEqual([
      '転入届',
      '転出届',
      '転居届',
      '世帯変更届',
      '国民健康保険の加入',
      '国民健康保険の資格喪失',
      '後期高齢者医療の届出',
      '介護保険の届出',
      '児童手当の認定請求',
      '就学（転入学）の手続',
      '障害者手帳の住所変更',
      '犬の登録事項変更',
      '印鑑登録',
    ]);
    const kokuho = defs.find((d) => d.name === '国民健康保険の加入')!;
    expect(kokuho).toMatchObject({
      category: 'RELATED',
      categoryLabel: { ja: '前号に関連して必要となる届出及び申請' },
      handlingSection: { name: '保険医療課', key: 'ktm.shimin.hoken' },
      managingSection: { name: '保険医療課' },
      outputForms: [{ name: '国民健康保険異動届（資格取得）', printedFields: expect.arrayContaining(['加入者氏名', '資格取得年月日']) }],
      version: 1,
      reviewDue: false,
    });
    expect(kokuho.routingPatterns.map((p) => [p.authority?.name ?? '*', p.action, p.to?.name ?? null])).toEqual([
      ['保険医療課', 'HANDLE', null],
      ['窓口課', 'ACCEPT_AND_HAND_OVER', '保険医療課'],
      ['*', 'REFER', '保険医療課'],
    ]);
    expect(kokuho.conditionSummary!.ja).toContain('勤務先の健康保険（被用者保険）に加入していない');
    expect(kokuho.history).toEqual([expect.objectContaining({ version: 1, change: 'defined', note: 'デモデータとして設定' })]);
    for (const d of defs) for (const id of d.ruleIds) expect(isValidRuleId(id), `${d.name}: ${id}`).toBe(true);
    expect(kokuho.ruleIds).toEqual(['KTM-7-1-2', 'KTM-7-2', 'KTM-7-4', 'KTM-5-1-1']);
  });

  it('flags a definition not reviewed for over a year (KTM-5-1-1); filters by category, section and text', async () => {
    const due = await list(counter, { reviewDue: true });
    // The demo's dog registration change was last reviewed over a year before the day the demo was loaded.
    const [seeded] = await t.q<{ reviewed_on: string }>(
      `select to_char(reviewed_on, 'YYYY-MM-DD') as reviewed_on from procedure_definition where name = '犬の登録事項変更'`,
    );
    expect(due.map((d) => [d.name, d.reviewedOn, d.reviewDueOn])).toEqual([['犬の登録事項変更', seeded!.reviewed_on, cal.yearsAfter(seeded!.reviewed_on, 1)]]);
    expect(due[0]!.reviewDueOn < today).toBe(true);
    expect((await list(counter, { category: 'ADDRESS_NAME_HOUSEHOLD' })).map((d) => d.name)).toEqual(['転入届', '転出届', '転居届', '世帯変更届']);
    const hokenId = (await t.q<{ id: string }>(`select id from org_unit where key = 'ktm.shimin.hoken'`))[0]!.id;
    expect((await list(counter, { sectionId: hokenId })).map((d) => d.name)).toEqual(['国民健康保険の加入', '国民健康保険の資格喪失', '後期高齢者医療の届出']);
    expect((await list(counter, { text: '介護' })).map((d) => d.name)).toEqual(['介護保険の届出']);
    const one = await ok(gw.gql<{ procedureDefinition: Definition }>(ONE, { id: due[0]!.id }, { token: counter }));
    expect(one.procedureDefinition).toMatchObject({ name: '犬の登録事項変更', reviewDue: true });
    const bad = await gw.gql(LIST, { f: { sectionId: 'not-an-id' } }, { token: counter });
    expect([errorCode(bad), fieldPaths(bad)]).toEqual(['BAD_USER_INPUT', ['filter.sectionId']]);
  });
});

describe('proceduresFor: which procedures a resident needs (KTM-7-2-2)', () => {
  it('moving in with two school-age children and a 70-year-old parent', async () => {
    const r = await needed(counter, family);
    expect(names(r)).toEqual(['転入届', '国民健康保険の加入', '介護保険の届出', '児童手当の認定請求', '就学（転入学）の手続']);
    expect(r.map((x) => x.order)).toEqual([1, 2, 3, 4, 5]);
    expect(r[0]!.ruleIds).toEqual(['KTM-7-1-1', 'KTM-7-2-2', 'KTM-7-2-3', 'KTM-7-2-5']);
    expect(r[1]!.ruleIds[0]).toBe('KTM-7-1-2');
    const school = r.find((x) => x.definition.name === '就学（転入学）の手続')!;
    expect(school.reasons.map((x) => x.ja)).toEqual(['届出の事由が「転入」又は「転居」', '学齢（6歳以上15歳以下）の世帯員が1人以上（該当2人）']);
    expect(school.definition.outputForms[0]!.name).toBe('転入学通知書');
    expect(r.find((x) => x.definition.name === '介護保険の届出')!.reasons.map((x) => x.ja)).toContain('65歳以上の世帯員が1人以上（該当1人）');
  });

  it('the same family insured at work needs no national health insurance', async () => {
    const insured = { ...family, members: family.members.map((m) => ({ ...m, employeeInsurance: true })) };
    expect(names(await needed(counter, insured))).toEqual(['転入届', '介護保険の届出', '児童手当の認定請求', '就学（転入学）の手続']);
  });

  it('moving within the city alone: only the 転居届', async () => {
    expect(names(await needed(counter, { events: ['MOVING_WITHIN'], members: [{ age: 30, head: true, employeeInsurance: true }] }))).toEqual(['転居届']);
    // … with a dog and a seal to register, the dog's registration and the seal follow.
    expect(names(await needed(counter, { events: ['MOVING_WITHIN'], members: [{ age: 30 }], dogs: 1, sealRegistrationWanted: true }))).toEqual([
      '転居届',
      '犬の登録事項変更',
      '印鑑登録',
    ]);
  });

  it('a death in a household with long-term care', async () => {
    const r = await needed(counter, bereaved);
    expect(names(r)).toEqual(['世帯変更届', '後期高齢者医療の届出', '介護保険の届出']);
    expect(r[0]!.reasons.map((x) => x.ja)).toEqual([
      '届出の事由が「死亡」',
      '世帯主・亡くなった方の世帯員が1人以上（該当1人）',
      '15歳以上・亡くなった方以外の世帯員が2人以上（該当2人）',
    ]);
    // Only one survivor: they become the head by themselves, no 世帯変更届.
    expect(names(await needed(counter, { ...bereaved, members: bereaved.members.slice(0, 2) }))).toEqual(['後期高齢者医療の届出', '介護保険の届出']);
  });

  it('routes each procedure by the viewer’s business authority (KTM-7-2-3)', async () => {
    const atCounter = await needed(counter, family);
    const route = (r: Needed[], name: string) => r.find((x) => x.definition.name === name)!.route!;
    expect(route(atCounter, '転入届')).toMatchObject({ action: 'HANDLE', to: null, explicit: true, ruleIds: ['KTM-7-2-3'] });
    expect(route(atCounter, '国民健康保険の加入')).toMatchObject({
      action: 'ACCEPT_AND_HAND_OVER',
      to: { name: '保険医療課' },
      message: { ja: '受け付けて届出書等を印字し、保険医療課へ引き継ぐ' },
      ruleIds: ['KTM-7-2-3', 'KTM-5-1-2', 'KTM-8-1'],
    });
    const atHoken = await needed(hoken.token, family);
    expect(route(atHoken, '国民健康保険の加入')).toMatchObject({ action: 'HANDLE', to: null });
    expect(route(atHoken, '転入届')).toMatchObject({ action: 'REFER', to: { name: '窓口課' }, message: { ja: '窓口課の窓口へ案内する' } });
    expect(route(atHoken, '児童手当の認定請求')).toMatchObject({ action: 'REFER', to: { name: '子育て支援課' } });
  });

  it('answers Kitami’s integrator the same procedures, without a route (a token has no authority at the counter)', async () => {
    const r = await needed(token, family);
    expect(names(r)).toEqual(['転入届', '国民健康保険の加入', '介護保険の届出', '児童手当の認定請求', '就学（転入学）の手続']);
    expect(r.every((x) => x.route === null)).toBe(true);
    expect(r[1]!.definition.overview).toContain('国民健康保険に加入します');
  });

  it('refuses a situation that cannot be, with field paths and rule IDs', async () => {
    const r = await gw.gql(FOR, { s: { events: ['MOVING_IN', 'MOVING_OUT'], members: [{ age: -1 }, { age: 40, deceased: true }] } }, { token: counter });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(fieldPaths(r)).toEqual(['situation.events', 'situation.members.0.age', 'situation.members.1.deceased']);
    expect((r.errors![0]!.extensions!.fieldErrors as { ruleIds: string[] }[])[0]!.ruleIds).toEqual(['KTM-7-2-2']);
    expect(r.errors![0]!.extensions!.messageJa).toContain('転入・転出・転居は同時に選択できません');
    const none = await gw.gql(FOR, { s: { events: ['DEATH'], members: [{ age: 80 }] } }, { token: counter });
    expect(fieldPaths(none)).toEqual(['situation.members']);
    const enumBad = await gw.gql(FOR, { s: { events: ['TELEPORT'], members: [{ age: 1 }] } }, { token: counter });
    expect(errorCode(enumBad)).toBe('BAD_USER_INPUT');
  });

  it('another municipality’s token and staff see none of Kitami’s procedures (RLS)', async () => {
    const kawasaki = await gw.signIn('kawasaki');
    const foreign = (
      await ok(
        gw.gql<{ createApiToken: { token: string } }>(
          'mutation { createApiToken(input: { name: "x", scopes: ["registry:read"] }) { token } }',
          {},
          { token: kawasaki },
        ),
      )
    ).createApiToken.token;
    const kitamiId = (await list(counter))[0]!.id;
    for (const bearer of [foreign, kawasaki]) {
      expect(await needed(bearer, family)).toEqual([]);
      expect(await list(bearer)).toEqual([]);
      expect((await ok(gw.gql<{ procedureDefinition: Definition | null }>(ONE, { id: kitamiId }, { token: bearer }))).procedureDefinition).toBeNull();
    }
  });
});

describe('a procedure_definition request sets the definition (KTM-7-4)', () => {
  let chief: Person; // 保険医療課長: 管理者 of the 業務所管課 (KTM-4-2)
  let deputyGm: Person; // 窓口課長: 副統括管理者 (KTM-3-5)
  let kaigoChief: Person;
  const content = {
    procedureName: '国民健康保険の住所変更',
    procedureCategory: 'related',
    overview: '国民健康保険に加入している方が市内で転居したときの届出です。保険証（資格確認書）の住所を変更します。',
    conditions: '国民健康保険に加入している方が転居したとき',
    conditionRules: JSON.stringify({
      all: [
        { fact: 'event', op: 'in', value: ['moving_within'] },
        { fact: 'members', where: { nationalHealthInsurance: true }, op: 'gte', value: 1 },
      ],
    }),
    routingPattern: '保険医療課で処理。窓口課は異動届を印字して引き継ぐ。介護福祉課は保険医療課へ案内する。',
    routingRules: JSON.stringify({
      patterns: [
        { authority: '保険医療課', action: 'handle' },
        { authority: 'ktm.shimin.madoguchi', action: 'accept_and_hand_over', note: '国民健康保険異動届を印字して引き継ぐ' },
        { authority: '介護福祉課', action: 'refer' },
      ],
    }),
    confirmationItems: '・本人確認書類\n・国民健康保険の保険証（資格確認書）',
    outputForms: '国民健康保険異動届（住所変更）（印字：世帯主氏名、新住所、旧住所、異動年月日）',
    displayOrder: 112,
    rightsCleared: true,
  };
  const requests = async () => (await t.q<{ n: number }>(`select count(*)::int as n from request where kind_key = 'procedure_definition'`))[0]!.n;

  beforeAll(async () => {
    chief = await t.holder('kitami', 'ktm.shimin.hoken.chief');
    deputyGm = await t.holder('kitami', 'ktm.shimin.madoguchi.chief');
    kaigoChief = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
  });

  it('refuses malformed conditions and routing at filing, with the path of the part, and files nothing', async () => {
    const before = await requests();
    const r = await t.trySubmit(chief, 'procedure_definition', 'ktm.counter', {
      ...content,
      conditionRules: JSON.stringify({
        all: [
          { fact: 'event', op: 'in', value: ['moving'] },
          { fact: 'members', where: { group: 'school_age', minAge: 'six' }, op: 'gte', value: 1 },
        ],
      }),
      routingRules: JSON.stringify({ patterns: [{ authority: '保険医療課', action: 'handle', to: '窓口課' }] }),
    });
    expect(errorCode(r)).toBe('BAD_USER_INPUT');
    expect(fieldPaths(r)).toEqual(['content.conditionRules.all.0.value.0', 'content.conditionRules.all.1.where.minAge', 'content.routingRules.patterns.0.to']);
    const notJson = await t.trySubmit(chief, 'procedure_definition', 'ktm.counter', { ...content, conditionRules: '{"all": [' });
    expect(fieldPaths(notJson)).toEqual(['content.conditionRules']);
    expect(await requests()).toBe(before);
  });

  let defined: Definition;

  it('the 副統括管理者 sets it: the definition exists, is listed and guides residents', async () => {
    const r = await t.submit(chief, 'procedure_definition', 'ktm.counter', content);
    const { request } = await t.walk(r, () => deputyGm);
    expect(request.status).toBe('APPROVED');
    expect(await t.effects(request)).toEqual(['effect.set_procedure_definition']);
    defined = (await list(counter, { text: '国民健康保険の住所変更' }))[0]!;
    expect(defined).toMatchObject({
      name: '国民健康保険の住所変更',
      category: 'RELATED',
      version: 1,
      displayOrder: 112,
      reviewedOn: today,
      reviewDue: false,
      requestId: request.id,
      managingSection: { name: '保険医療課' },
      handlingSection: { name: '保険医療課' },
      confirmationItems: ['本人確認書類', '国民健康保険の保険証（資格確認書）'],
      outputForms: [{ name: '国民健康保険異動届（住所変更）', printedFields: ['世帯主氏名', '新住所', '旧住所', '異動年月日'] }],
      viewerRoute: { action: 'ACCEPT_AND_HAND_OVER', to: { name: '保険医療課' }, note: '国民健康保険異動届を印字して引き継ぐ' },
    });
    expect(defined.routingPatterns.map((p) => [p.authority?.name, p.action])).toEqual([
      ['保険医療課', 'HANDLE'],
      ['窓口課', 'ACCEPT_AND_HAND_OVER'],
      ['介護福祉課', 'REFER'],
    ]);
    expect(defined.history).toEqual([expect.objectContaining({ version: 1, change: 'defined', requestNumber: request.number, changedByName: deputyGm.name })]);
    expect(names(await needed(counter, { events: ['MOVING_WITHIN'], members: [{ age: 45, nationalHealthInsurance: true }] }))).toEqual([
      '転居届',
      '国民健康保険の住所変更',
    ]);
    // KTM-5-1-2: the other section its routing involves is told (the 窓口課長 set it himself).
    const told = await t.q<{ recipient_id: string; rule_ids: string[] }>(
      `select recipient_id, rule_ids from notification where kind = 'procedure.defined' and target_id = $1`,
      [defined.id],
    );
    expect(told).toEqual([{ recipient_id: kaigoChief.staffId, rule_ids: ['KTM-5-1-2'] }]);
  });

  it('a second request of the same name is the next version; the history keeps both', async () => {
    const r = await t.submit(chief, 'procedure_definition', 'ktm.counter', {
      ...content,
      overview: '市内で転居した国民健康保険の加入者の住所変更です。',
      displayOrder: 111,
    });
    const { request } = await t.walk(r, () => deputyGm);
    expect(request.status).toBe('APPROVED');
    const v2 = (await ok(gw.gql<{ procedureDefinition: Definition }>(ONE, { id: defined.id }, { token: counter }))).procedureDefinition;
    expect(v2).toMatchObject({ version: 2, overview: '市内で転居した国民健康保険の加入者の住所変更です。', displayOrder: 111, requestId: request.id });
    expect(v2.history.map((h) => [h.version, h.change])).toEqual([
      [2, 'updated'],
      [1, 'defined'],
    ]);
    expect((await t.q(`select count(*)::int as n from procedure_definition where name = '国民健康保険の住所変更'`))[0]).toEqual({ n: 1 });
  });

  it('a routing naming an org unit that does not exist fails the decision (CONFLICT) and changes nothing; the request can be returned', async () => {
    const r = await t.submit(chief, 'procedure_definition', 'ktm.counter', {
      ...content,
      procedureName: '高額療養費の支給申請',
      routingRules: JSON.stringify({ patterns: [{ authority: '国保年金課', action: 'handle' }] }),
    });
    const step = t.step(r, 'set_definition');
    const refused = await t.tryDecide(deputyGm, step);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(fieldPaths(refused)).toEqual(['content.routingRules.patterns.0.authority']);
    expect(refused.errors![0]!.extensions!.messageJa).toContain('差し戻して');
    expect((await t.q(`select count(*)::int as n from procedure_definition where name = '高額療養費の支給申請'`))[0]).toEqual({ n: 0 });
    expect((await t.load(chief, r.id)).status).toBe('IN_PROGRESS');
    expect((await t.decide(deputyGm, step, 'RETURNED', { comment: '組織名を確認してください。' })).status).toBe('RETURNED');
  });
});

describe('the business section’s regular review (KTM-5-1-1)', () => {
  it('the 業務所管課 records a review of its definition: no longer due; others are refused and nothing changes', async () => {
    const dog = (await list(counter, { reviewDue: true })).find((d) => d.name === '犬の登録事項変更')!;
    const other = await t.holder('kitami', 'ktm.shimin.hoken.chief');
    const refused = await gw.gql(REVIEW, { i: { id: dog.id, note: '見直した' } }, { token: other.token });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.extensions).toMatchObject({ ruleIds: ['KTM-5-1-1'], messageJa: expect.stringContaining('窓口課') });
    const byToken = await gw.gql(REVIEW, { i: { id: dog.id } }, { token });
    expect(errorCode(byToken)).toBe('FORBIDDEN');
    expect(
      (await t.q<{ reviewed_on: string }>(`select to_char(reviewed_on, 'YYYY-MM-DD') as reviewed_on from procedure_definition where id = $1`, [dog.id]))[0]!
        .reviewed_on,
    ).toBe(dog.reviewedOn);

    const owner = await t.holder('kitami', 'ktm.shimin.madoguchi.chief');
    const reviewed = (
      await ok(
        gw.gql<{ recordProcedureReview: Definition }>(
          REVIEW,
          { i: { id: dog.id, note: '狂犬病予防法の改正なし。案内文を確認した。' } },
          { token: owner.token },
        ),
      )
    ).recordProcedureReview;
    expect(reviewed).toMatchObject({ reviewedOn: today, reviewDueOn: cal.yearsAfter(today, 1), reviewDue: false, version: 1 });
    expect(reviewed.history[0]).toMatchObject({
      change: 'reviewed',
      version: 1,
      note: '狂犬病予防法の改正なし。案内文を確認した。',
      ruleIds: ['KTM-5-1-1'],
      changedByName: owner.name,
    });
    expect(await list(counter, { reviewDue: true })).toEqual([]);
    const audit = await t.q<{ action: string; rule_ids: string[] }>(`select action, rule_ids from audit_event where target_id = $1 order by seq`, [dog.id]);
    expect(audit).toEqual([{ action: 'procedure.review', rule_ids: ['KTM-5-1-1'] }]);
    // A year and a day later it is due again (signed in again: a session lasts 8 hours).
    gw.setNow(cal.at(cal.plusDays(cal.yearsAfter(today, 1), 1), '10:00'));
    try {
      expect((await list(await gw.signIn('kitami', 'staff1'), { reviewDue: true })).map((d) => d.name)).toContain('犬の登録事項変更');
    } finally {
      gw.setNow(cal.at(today, '10:00'));
    }
  });
});

describe('a procedure handled at the counter: the identity first, then the form (KTM-8-3)', () => {
  const RUN =
    'id definitionId definitionVersion startedById identityConfirmedById identityConfirmedAt identityDocumentKind identityDocumentLabel { ja en } printedForms printedById printedAt version';
  const START = `mutation($d: ID!) { startProcedureRun(definitionId: $d) { ${RUN} } }`;
  const CONFIRM = `mutation($i: ConfirmProcedureIdentityInput!) { confirmProcedureIdentity(input: $i) { ${RUN} } }`;
  const PRINT = `mutation($i: PrintProcedureFormInput!) { printProcedureForm(input: $i) { ${RUN} } }`;
  interface Run {
    id: string;
    definitionVersion: number;
    identityConfirmedById: string | null;
    identityConfirmedAt: string | null;
    identityDocumentKind: string | null;
    identityDocumentLabel: { ja: string } | null;
    printedForms: string[];
    printedById: string | null;
    version: number;
  }
  const runRow = async (id: string) =>
    (
      await t.q<Record<string, unknown>>(
        'select identity_confirmed_at, identity_document_kind, printed_forms, printed_at, version from procedure_run where id = $1',
        [id],
      )
    )[0];
  const audits = (id: string) =>
    t.q<{ action: string; actor_staff_id: string; rule_ids: string[]; after: Record<string, unknown> }>(
      'select action, actor_staff_id, rule_ids, after from audit_event where target_id = $1 order by seq',
      [id],
    );

  it('refuses to print before the identity is recorded, citing KTM-8-3, and changes nothing; prints once it is, auditing who confirmed it, when and on what', async () => {
    const clerk = await t.holder('kitami', 'ktm.shimin.madoguchi.chief');
    const [def] = await t.q<{ id: string; version: number; output_forms: { name: string }[] }>(
      `select id, version, output_forms from procedure_definition where jsonb_array_length(output_forms) > 0 order by name limit 1`,
    );
    const form = def!.output_forms[0]!.name;
    const run = (await ok(gw.gql<{ startProcedureRun: Run }>(START, { d: def!.id }, { token: clerk.token }))).startProcedureRun;
    expect(run).toMatchObject({ definitionVersion: def!.version, identityConfirmedAt: null, printedForms: [] });

    // KTM-8-3: no print without a recorded identity confirmation — a typed refusal, and nothing written.
    const before = await runRow(run.id);
    const refused = await gw.gql(PRINT, { i: { runId: run.id, formName: form } }, { token: clerk.token });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions!.ruleIds).toEqual(['KTM-8-3']);
    expect(refused.errors![0]!.extensions!.messageJa).toContain('本人確認');
    expect(await runRow(run.id)).toEqual(before);
    expect((await audits(run.id)).map((a) => a.action)).toEqual(['procedure_run.start']);

    // KTM-8-3: the confirmation, by whom, when and on which document.
    const confirmed = (
      await ok(gw.gql<{ confirmProcedureIdentity: Run }>(CONFIRM, { i: { runId: run.id, documentKind: 'MY_NUMBER_CARD' } }, { token: clerk.token }))
    ).confirmProcedureIdentity;
    expect(confirmed).toMatchObject({
      identityConfirmedById: clerk.staffId,
      identityConfirmedAt: cal.at(today, '10:00').toISOString(),
      identityDocumentKind: 'MY_NUMBER_CARD',
      identityDocumentLabel: { ja: 'マイナンバーカード' },
    });
    const again = await gw.gql(CONFIRM, { i: { runId: run.id, documentKind: 'PASSPORT' } }, { token: clerk.token });
    expect(errorCode(again)).toBe('CONFLICT');

    // Only a form the procedure prints (KTM-7-2-5).
    const unknown = await gw.gql(PRINT, { i: { runId: run.id, formName: '存在しない届出書' } }, { token: clerk.token });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(fieldPaths(unknown)).toEqual(['input.formName']);

    const printed = (await ok(gw.gql<{ printProcedureForm: Run }>(PRINT, { i: { runId: run.id, formName: form } }, { token: clerk.token }))).printProcedureForm;
    expect(printed).toMatchObject({ printedForms: [form], printedById: clerk.staffId });

    const trail = await audits(run.id);
    expect(trail.map((a) => [a.action, a.actor_staff_id, a.rule_ids])).toEqual([
      ['procedure_run.start', clerk.staffId, ['KTM-8-1']],
      ['procedure_run.identity_confirm', clerk.staffId, ['KTM-8-3']],
      ['procedure_run.print', clerk.staffId, ['KTM-8-1', 'KTM-8-3']],
    ]);
    expect(trail[1]!.after).toMatchObject({ identityConfirmedById: clerk.staffId, identityDocumentKind: 'my_number_card' });
    expect(trail[1]!.after.identityConfirmedAt).toBe(cal.at(today, '10:00').toISOString());
  });

  it('is recorded by staff only, and only within the municipality', async () => {
    const [def] = await t.q<{ id: string }>(`select id from procedure_definition order by name limit 1`);
    const byToken = await gw.gql(START, { d: def!.id }, { token });
    expect(errorCode(byToken)).toBe('FORBIDDEN');
    const foreign = await gw.gql(START, { d: def!.id }, { token: await gw.signIn('minato') });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });
});
