// Work requests, modifications, new systems, data use, retirement and procedure definitions walked
// through the API under each rulebook that defines them: approved, and rejected (or returned).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearEnd, fiscalYearStart, formatWareki } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type Req, type RequestTools, type Step } from './requests.testing.ts';

/** Dates counted from the day the tests run. */
const T = testCalendar();
/** 令和N年4月: when a law taking effect with a fiscal year applies. */
const lawTakesEffect = (fiscalYear: number) => formatWareki(fiscalYearStart(fiscalYear)).replace(/\d+日$/, '');

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

const shape = (r: Req) => r.steps.map((s) => [s.key, s.kind, s.stage, s.ruleIds]);
const lifecycle = async (key: string) =>
  (await t.q<{ lifecycle_status: string }>('select lifecycle_status from system where key = $1', [key]))[0]!.lifecycle_status;

describe('Minato (MNT)', () => {
  let filer: Person;
  let chief: Person;
  let coordinator: Person;
  let policy: Person;
  beforeAll(async () => {
    filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
    chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    coordinator = await t.holder('minato', 'mnt.hoken.fukushi.kanri.coordinator'); // MNT-6-4: deputises for the 保健福祉課長
    policy = await t.holder('minato', 'mnt.kikaku.joho.chief');
  });

  it('work_request (MNT-14): reported, change-management approval, the contractor’s work recorded, confirmed by the requesting chief, cross-checked by someone else (KWO-8-1-2)', async () => {
    const content = { workDescription: '介護保険受給者一覧のデータ抽出（前月末時点）', desiredCompletionDate: T.day(60), changeManagementApprovalNeeded: true };
    const r = await t.submit(filer, 'work_request', 'mnt.welfare', content);
    expect(shape(r)).toEqual([
      ['report', 'INFORM', 1, ['MNT-14-1']],
      ['change_management', 'APPROVE', 2, ['MNT-14-2']],
      ['perform', 'PERFORM', 3, ['MNT-14-3']],
      ['confirm', 'CONFIRM', 4, ['MNT-14-4']],
      ['cross_check', 'CONFIRM', 5, ['MNT-14-6']],
    ]);
    expect(t.step(r, 'report')).toMatchObject({ status: 'DONE', decision: 'INFORMED' });
    expect(t.step(r, 'change_management')).toMatchObject({ status: 'OPEN', actors: [{ name: '情報政策課長' }] });
    await t.expectForbidden(chief, t.step(r, 'change_management'));
    let cur = await t.decide(policy, t.step(r, 'change_management'));
    // The contractor has no sign-in: the administrator records its report (対応内容, 完了日).
    const perform = t.step(cur, 'perform');
    expect(perform.actors.map((a) => a.type).sort()).toEqual(['CONTRACTOR', 'POSITION']);
    await t.expectForbidden(filer, perform);
    cur = await t.decide(chief, perform, 'PERFORMED', { record: { 対応内容: '抽出データをCSVで納品', 完了日: T.day(45) } });
    expect(t.step(cur, 'perform').record).toEqual({ 対応内容: '抽出データをCSVで納品', 完了日: T.day(45) });
    // The requesting section chief writes the confirmation (第5号様式) …
    const confirm = t.step(cur, 'confirm');
    expect(confirm.actors.map((a) => a.name)).toEqual(['区民課長']);
    await t.expectForbidden(policy, confirm);
    cur = await t.decide(filer, confirm);
    // … and whoever recorded the work never cross-checks it: the 保健福祉課長's deputy does.
    const cross = t.step(cur, 'cross_check');
    await t.expectForbidden(chief, cross, ['KWO-8-1-2']);
    cur = await t.decide(coordinator, cross);
    expect(cur.status).toBe('APPROVED');
    expect(t.step(cur, 'cross_check')).toMatchObject({ decidedByName: coordinator.name, onBehalfOfName: chief.name });

    const r2 = await t.submit(filer, 'work_request', 'mnt.welfare', content);
    const rejected = await t.decide(policy, t.step(r2, 'change_management'), 'REJECTED', { comment: '変更管理会議で否決' });
    expect(rejected.status).toBe('REJECTED');
    expect(t.step(rejected, 'perform').status).toBe('WAITING');

    // Without change-management approval the policy chief is only told; a defective job is returned (MNT-14-6).
    const r3 = await t.submit(filer, 'work_request', 'mnt.welfare', { ...content, changeManagementApprovalNeeded: false });
    expect(t.step(r3, 'change_management')).toMatchObject({ kind: 'INFORM', status: 'DONE' });
    const performed = await t.decide(coordinator, t.step(r3, 'perform'), 'PERFORMED', { record: { 対応内容: '抽出', 完了日: T.day(45) } });
    await t.expectForbidden(coordinator, t.step(performed, 'confirm'));
    const confirmed = await t.decide(filer, t.step(performed, 'confirm'));
    const returned = await t.decide(chief, t.step(confirmed, 'cross_check'), 'RETURNED', { comment: '抽出条件が依頼と異なります。' });
    expect(returned.status).toBe('RETURNED');
  });

  it('system_modification (MNT-13): need judged, estimate, contract when costly, report, modification, confirmation, documents updated', async () => {
    const content = {
      lawChangeSummary: '介護保険法施行規則の改正（負担割合の判定基準）',
      referenceMaterials: '厚生労働省 事務連絡',
      costly: true,
      changeManagementApprovalNeeded: false,
    };
    const r = await t.submit(filer, 'system_modification', 'mnt.welfare', content);
    expect(shape(r)).toEqual([
      ['need', 'APPROVE', 1, ['MNT-13-2']],
      ['estimate', 'PERFORM', 2, ['MNT-13-3']],
      ['contract', 'PERFORM', 3, ['MNT-13-4']],
      ['change_management', 'INFORM', 4, ['MNT-13-5']],
      ['modify', 'PERFORM', 5, ['MNT-13-6']],
      ['confirm', 'CONFIRM', 6, ['MNT-13-8']],
      ['report', 'INFORM', 7, ['MNT-13-8']],
      ['documents', 'PERFORM', 7, ['MNT-13-9', 'MNT-21-2']],
    ]);
    const { request, opened } = await t.walk(r, (s) => (s.key === 'modify' ? coordinator : chief), {
      bystander: policy,
      record: (s) => (s.kind === 'PERFORM' ? { 内容: s.key } : undefined),
    });
    expect(opened).toEqual([['need'], ['estimate'], ['contract'], ['modify'], ['confirm'], ['documents']]);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'change_management')).toMatchObject({ status: 'DONE', decision: 'INFORMED' });
    expect(t.step(request, 'report')).toMatchObject({ status: 'DONE', actors: [{ name: '区民課長' }] });
    expect(t.step(request, 'modify')).toMatchObject({ decidedByName: coordinator.name, onBehalfOfName: chief.name });
    expect(await t.effects(request)).toEqual(['effect.modify_system']);

    const r2 = await t.submit(filer, 'system_modification', 'mnt.welfare', content);
    const rejected = await t.decide(chief, t.step(r2, 'need'), 'REJECTED', { comment: '運用で対応可能' });
    expect(rejected.status).toBe('REJECTED');
    expect(await t.effects(rejected)).toEqual([]);
  });
});

describe('Kitami (KTM)', () => {
  let manager: Person;
  let gm: Person;
  let chair: Person;
  let bystander: Person;
  beforeAll(async () => {
    manager = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
    gm = await t.holder('kitami', 'ktm.shimin.director');
    chair = await t.holder('kitami', 'ktm.somu.director');
    bystander = await t.holder('kitami', 'ktm.somu.zeimu.chief');
  });

  it('system_modification: a minor one is decided by the 統括管理者 after coordination (KTM-13-1-1), or rejected', async () => {
    const r = await t.submit(manager, 'system_modification', 'ktm.counter', { summary: '受付票の印字項目の追加' });
    expect(shape(r)).toEqual([
      ['coordinate_sections', 'INFORM', 1, ['KTM-13-1-1', 'KTM-5-1-2']],
      ['decide', 'APPROVE', 2, ['KTM-13-1-1']],
    ]);
    const { request, opened } = await t.walk(r, () => gm, { bystander });
    expect(opened).toEqual([['decide']]);
    expect(request.status).toBe('APPROVED');
    const r2 = await t.submit(manager, 'system_modification', 'ktm.counter', { summary: '受付票の印字項目の追加' });
    expect((await t.decide(gm, t.step(r2, 'decide'), 'REJECTED')).status).toBe('REJECTED');
  });

  it('system_modification: a major one goes to the 運用会議 first (KTM-13-1-2); a change of the section’s work is carried out by its manager (KTM-13-2)', async () => {
    const content = { summary: '転入手続の案内フローの全面改修', major: true, businessChange: true };
    const r = await t.submit(manager, 'system_modification', 'ktm.counter', content);
    expect(shape(r)).toEqual([
      ['operations_meeting', 'APPROVE', 1, ['KTM-13-1-2', 'KTM-3-7']],
      ['decide', 'APPROVE', 2, ['KTM-13-1-2']],
      ['implement', 'PERFORM', 3, ['KTM-13-2']],
    ]);
    // The meeting's decision is recorded by its chair or the secretariat's head.
    expect(
      t
        .step(r, 'operations_meeting')
        .actors.map((a) => a.name)
        .sort(),
    ).toEqual(['窓口課長', '総務部長'].sort());
    expect(t.step(r, 'operations_meeting').committee).toMatchObject({ key: 'ktm.committee.one-stop', name: { ja: expect.stringContaining('運用会議') } });
    // Nobody decides it alone, the meeting's chair included (KTM-13-1-2): only the meeting does.
    for (const who of [chair, gm, manager, bystander]) await t.expectCommitteeDecides(who, r, 'operations_meeting', ['KTM-13-1-2', 'KTM-3-7']);
    const { request, opened } = await t.walk(r, (s) => (s.key === 'operations_meeting' ? chair : s.key === 'decide' ? gm : manager), { bystander });
    expect(opened).toEqual([['operations_meeting'], ['decide'], ['implement']]);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'operations_meeting').meetingId).toEqual(expect.any(String));
    const r2 = await t.submit(manager, 'system_modification', 'ktm.counter', content);
    await t.expectCommitteeDecides(chair, r2, 'operations_meeting', ['KTM-13-1-2', 'KTM-3-7'], 'REJECTED');
    expect((await t.decideAtMeeting(chair, r2, 'operations_meeting', 'REJECTED', '運用会議で継続審議')).request.status).toBe('REJECTED');
  });

  it('procedure_definition (KTM-7): the 副統括管理者 sets it, or returns it', async () => {
    const deputyGm = await t.holder('kitami', 'ktm.shimin.madoguchi.chief');
    const content = {
      procedureName: '転入届',
      procedureCategory: 'address_name_household',
      overview: '他市区町村から北見市に転入したときの届出',
      conditions: '転入から14日以内',
      routingPattern: '窓口課→保険医療課→介護福祉課',
      confirmationItems: '本人確認書類、転出証明書',
      outputForms: '転入届受付票',
      rightsCleared: true,
    };
    const unchecked = await t.trySubmit(manager, 'procedure_definition', 'ktm.counter', { ...content, rightsCleared: false });
    expect(JSON.stringify(unchecked.errors![0]!.extensions!.fieldErrors)).toContain('KTM-7-5');
    const r = await t.submit(manager, 'procedure_definition', 'ktm.counter', content);
    expect(shape(r)).toEqual([['set_definition', 'PERFORM', 1, ['KTM-7-4', 'KTM-3-3-5']]]);
    expect(t.step(r, 'set_definition').actors.map((a) => a.name)).toEqual(['窓口課長']);
    const { request } = await t.walk(r, () => deputyGm, { bystander: gm });
    expect(request.status).toBe('APPROVED');
    const r2 = await t.submit(manager, 'procedure_definition', 'ktm.counter', content);
    expect(errorCode(await t.tryDecide(deputyGm, t.step(r2, 'set_definition'), 'REJECTED'))).toBe('BAD_USER_INPUT');
    expect((await t.decide(deputyGm, t.step(r2, 'set_definition'), 'RETURNED', { comment: '案内文を見直してください。' })).status).toBe('RETURNED');
  });
});

describe('Arakawa (ARK)', () => {
  let digital: Person;
  let cio: Person;
  beforeAll(async () => {
    // Tomorrow morning; everyone below signs in then.
    gw.setNow(T.at(T.day(1), '10:00'));
    digital = await t.holder('arakawa', 'ark.kanri.digital.chief');
    cio = await t.holder('arakawa', 'ark.kanri.director');
  });
  afterAll(() => gw.setNow(null));

  // For the fiscal year after next: on time under ARK-12-2 until 31 August of next year.
  const criteria = {
    welfare: true,
    efficiency: true,
    privacy: true,
    targetFiscalYear: T.fiscalYearAfterNext,
    necessity: '来庁者の負担軽減',
    cost: '年額1200万円',
    effect: '待ち時間の短縮',
    alternatives: '既存システムの改修',
  };

  it('new_system_introduction (ARK-12): the CIO gathers the papers, the 運営委員会 decides, the system is registered as proposed', async () => {
    const content = { systemName: '書かない窓口システム', summary: '申請書の自動作成', ...criteria };
    const r = await t.submit(digital, 'new_system_introduction', null, content);
    expect(shape(r)).toEqual([
      ['collect_materials', 'PERFORM', 1, ['ARK-12-4']],
      ['steering_committee', 'APPROVE', 2, ['ARK-12-4', 'ARK-16-1-2']],
      ['notify_result', 'INFORM', 3, ['ARK-12-5']],
    ]);
    await t.expectForbidden(digital, t.step(r, 'collect_materials'));
    let cur = await t.decide(cio, t.step(r, 'collect_materials'));
    // The committee's decision: recorded by its chair (the CIO) or the secretariat's head — not the applicant.
    const committee = t.step(cur, 'steering_committee');
    expect(committee.actors.map((a) => a.name).sort()).toEqual(['デジタル推進課長', '管理部長'].sort());
    expect(committee.committee).toMatchObject({ key: 'ark.committee.steering', name: { ja: '電子情報システム運営委員会' } });
    // Nobody decides it alone, the chair included: the 運営委員会 decides (ARK-12-4, ARK-16-1-2).
    for (const who of [digital, cio]) await t.expectCommitteeDecides(who, cur, 'steering_committee', ['ARK-12-4', 'ARK-16-1-2']);
    // Nor does it wait in the chair's inbox as a decision of theirs.
    const inbox = await gw.gql<{ inbox: { awaitingMe: { step: { id: string } }[] } }>('{ inbox { awaitingMe { step { id } } } }', {}, { token: cio.token });
    expect(inbox.data!.inbox.awaitingMe.map((i) => i.step.id)).not.toContain(committee.id);
    const held = await t.decideAtMeeting(cio, cur, 'steering_committee', 'APPROVED');
    cur = held.request;
    expect(cur.status).toBe('APPROVED');
    // The request's history names the meeting whose minutes took the decision.
    expect(t.step(cur, 'steering_committee')).toMatchObject({ status: 'DONE', decision: 'APPROVED', meetingId: held.meetingId });
    expect(t.step(cur, 'steering_committee').record).toMatchObject({ meetingId: held.meetingId, outcome: 'approved' });
    const [audited] = await t.q<{ meeting: string }>(
      `select after->'record'->>'meetingId' as meeting from audit_event where action = 'request.step.approved' and target_id = $1`,
      [committee.id],
    );
    expect(audited).toEqual({ meeting: held.meetingId });
    expect(t.step(cur, 'notify_result')).toMatchObject({ status: 'DONE', decision: 'INFORMED', actors: [{ name: digital.name }] });
    const [system] = await t.q<{ lifecycle_status: string; management_type: string }>('select lifecycle_status, management_type from system where name = $1', [
      '書かない窓口システム',
    ]);
    expect(system).toMatchObject({ lifecycle_status: 'proposed' });
    expect(await t.effects(cur)).toEqual(['effect.introduce_system']);

    const r2 = await t.submit(digital, 'new_system_introduction', null, { ...content, systemName: '却下される窓口システム' });
    const c2 = await t.decide(cio, t.step(r2, 'collect_materials'));
    expect((await t.decideAtMeeting(cio, c2, 'steering_committee', 'REJECTED', '費用対効果が不十分')).request.status).toBe('REJECTED');
    expect(await t.q('select id from system where name = $1', ['却下される窓口システム'])).toEqual([]);
  });

  it('ARK-12-2: after 31 August a late application is refused unless urgent by a change of law', async () => {
    // 1 September of the year before the target fiscal year: the day after its deadline.
    const dayAfterDeadline = `${T.fiscalYearAfterNext - 1}-09-01`;
    gw.setNow(T.at(dayAfterDeadline, '10:00'));
    try {
      // Signed in on that day (sessions end on the gateway's clock).
      const applicant = { ...digital, token: await gw.signIn(digital.municipality, digital.username) };
      const content = { systemName: '期限後のシステム', summary: '遅延', ...criteria };
      const late = await t.trySubmit(applicant, 'new_system_introduction', null, content);
      expect(errorCode(late)).toBe('BAD_USER_INPUT');
      expect(late.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ path: ['content', 'targetFiscalYear'], ruleIds: ['ARK-12-2'] })]);
      const urgent = await t.submit(applicant, 'new_system_introduction', null, {
        ...content,
        urgentByLawChange: true,
        urgencyReason: `法令改正（${lawTakesEffect(T.fiscalYearAfterNext)}施行）への対応`,
      });
      expect(urgent.status).toBe('IN_PROGRESS');
    } finally {
      gw.setNow(T.at(T.day(1), '10:00'));
    }
  });

  it('system_modification: minor changes are decided by the system-managing chief (ARK-13-3) or the digital section chief (ARK-13-1); others go to the committee', async () => {
    const applicant = await t.holder('arakawa', 'ark.kumin.kumin.chief');
    const kaigo = await t.holder('arakawa', 'ark.fukushi.kaigo.chief');
    const minor = { summary: '納入通知書の様式変更', minor: true };
    const r = await t.submit(applicant, 'system_modification', 'ark.sys.long-term-care', minor);
    expect(shape(r)).toEqual([
      ['decide', 'APPROVE', 1, ['ARK-13-3']],
      ['record', 'PERFORM', 2, ['ARK-13-3']],
      ['notify_result', 'INFORM', 2, ['ARK-13-3', 'ARK-13-2']],
    ]);
    expect(t.step(r, 'decide').actors.map((a) => a.name)).toEqual(['介護保険課長']);
    const walked = await t.walk(r, () => kaigo, { bystander: digital });
    expect(walked.opened).toEqual([['decide'], ['record']]);
    expect(walked.request.status).toBe('APPROVED');
    expect(t.step(walked.request, 'notify_result').status).toBe('DONE');
    const r2 = await t.submit(applicant, 'system_modification', 'ark.sys.long-term-care', minor);
    expect((await t.decide(kaigo, t.step(r2, 'decide'), 'REJECTED')).status).toBe('REJECTED');

    const r3 = await t.submit(applicant, 'system_modification', 'ark.sys.resident-record', { summary: '住民票の写しの様式変更', minor: true });
    expect(shape(r3)).toEqual([
      ['decide', 'APPROVE', 1, ['ARK-13-1']],
      ['notify_result', 'INFORM', 2, ['ARK-13-2']],
    ]);
    expect((await t.walk(r3, () => digital, { bystander: kaigo })).request.status).toBe('APPROVED');

    const major = await t.submit(digital, 'system_modification', 'ark.sys.resident-record', { summary: 'クラウド移行', ...criteria });
    expect(shape(major)).toEqual([
      ['collect_materials', 'PERFORM', 1, ['ARK-12-4']],
      ['steering_committee', 'APPROVE', 2, ['ARK-12-4', 'ARK-16-1-3']],
      ['notify_result', 'INFORM', 3, ['ARK-12-5']],
    ]);
    const c = await t.decide(cio, t.step(major, 'collect_materials'));
    await t.expectCommitteeDecides(cio, c, 'steering_committee', ['ARK-12-4', 'ARK-16-1-3'], 'REJECTED');
    expect((await t.decideAtMeeting(cio, c, 'steering_committee', 'REJECTED')).request.status).toBe('REJECTED');
    const major2 = await t.submit(digital, 'system_modification', 'ark.sys.resident-record', { summary: 'クラウド移行（再提案）', ...criteria });
    const done = await t.walk(major2, () => cio, { bystander: kaigo });
    expect(done.request.status).toBe('APPROVED');
    expect(await t.effects(done.request)).toEqual(['effect.modify_system']);
  });

  it('data_use_consultation (ARK-14): basic resident items 1–8 need no approval of the managing section; other items do', async () => {
    const items = await t.q<{ id: string; basic_resident_item: number | null; name: string }>(
      `select d.id, d.basic_resident_item, d.name from data_item d join information_asset a on a.id = d.asset_id where a.key = 'ark.asset.resident-record' order by d.sort_order`,
    );
    const basic = items.filter((i) => i.basic_resident_item !== null && i.basic_resident_item >= 1 && i.basic_resident_item <= 8).map((i) => i.id);
    const other = items.filter((i) => i.basic_resident_item === null).map((i) => i.id);
    expect(basic).toHaveLength(8);
    expect(other.length).toBeGreaterThan(0);
    const koseki = await t.holder('arakawa', 'ark.kumin.koseki.chief');

    // Only items 1–8: no approval of the 戸籍住民課長; the applying chief still completes the privacy-law procedure.
    const exempt = await t.submit(digital, 'data_use_consultation', null, { purpose: '各種通知の宛名作成', dataItems: basic });
    expect(shape(exempt)).toEqual([['privacy_procedure', 'PERFORM', 1, ['ARK-14-2']]]);
    expect(t.step(exempt, 'privacy_procedure').actors.map((a) => a.name)).toEqual(['デジタル推進課長']);
    expect((await t.walk(exempt, () => digital, { bystander: koseki })).request.status).toBe('APPROVED');

    // Other items: the chief of the section managing them decides.
    const content = { purpose: '番号連携による照会', dataItems: [...basic.slice(0, 2), ...other] };
    const r = await t.submit(digital, 'data_use_consultation', null, content);
    expect(shape(r)).toEqual([
      ['data_owner_approval', 'APPROVE', 1, ['ARK-14-1']],
      ['privacy_procedure', 'PERFORM', 1, ['ARK-14-2']],
    ]);
    expect(t.step(r, 'data_owner_approval').actors.map((a) => a.name)).toEqual(['戸籍住民課長']);
    await t.expectForbidden(digital, t.step(r, 'data_owner_approval'));
    const { request, opened } = await t.walk(r, (s) => (s.key === 'data_owner_approval' ? koseki : digital), { bystander: cio });
    expect(opened).toEqual([['data_owner_approval', 'privacy_procedure']]);
    expect(request.status).toBe('APPROVED');

    const r2 = await t.submit(digital, 'data_use_consultation', null, content);
    expect((await t.decide(koseki, t.step(r2, 'data_owner_approval'), 'REJECTED', { comment: '目的外利用に当たります。' })).status).toBe('REJECTED');
  });
});

describe('Kawasaki welfare (KWW): other owners approve first', () => {
  let owner: Person;
  let supervisor: Person;
  let allAssets: string[];
  beforeAll(async () => {
    owner = await t.holder('kawasaki', 'kaw.kenko.choju.kaigo.chief');
    supervisor = await t.holder('kawasaki', 'kaw.kenko.somu.director');
    allAssets = (
      await t.q<{ id: string }>(`select a.id from information_asset a join information_asset_system x on x.asset_id = a.id
      where x.system_id = (select id from system where key = 'kww.welfare') and a.kind = 'business'`)
    ).map((r) => r.id);
  });
  const byStep = (s: Step) => (s.key === 'other_owner_approval' ? t.holderOfStep('kawasaki', s) : s.key === 'owner_decision' ? owner : supervisor);

  it('system_modification (KWW-6): every other owner approves before the filing owner decides with the 総括者’s consent', async () => {
    // A change of the common screens touches every asset of the system.
    const content = { summary: '介護保険料の算定方法の変更に伴う改修', scope: 'health-welfare', touchedAssets: allAssets };
    const r = await t.submit(owner, 'system_modification', 'kww.welfare', content);
    const others = r.steps.filter((s) => s.key === 'other_owner_approval');
    expect(others.length).toBeGreaterThan(5);
    expect(others.every((s) => s.stage === 1 && s.status === 'OPEN' && s.actors.length === 1 && s.ruleIds.join() === 'KWW-6-2')).toBe(true);
    expect(r.steps.filter((s) => s.stage > 1).map((s) => [s.key, s.kind, s.stage, s.status, s.ruleIds])).toEqual([
      ['supervisor_consent', 'CONSENT', 2, 'WAITING', ['KWW-6-1-1']],
      ['owner_decision', 'APPROVE', 3, 'WAITING', ['KWW-6-1-1']],
      ['overall_decision', 'APPROVE', 4, 'WAITING', ['KWW-6-1-3']],
    ]);
    // The filing owner can neither take another owner’s approval nor decide before them.
    await t.expectForbidden(owner, others[0]!, ['KWW-6-2']);
    const early = await t.tryDecide(owner, t.step(r, 'owner_decision'));
    expect(errorCode(early)).toBe('CONFLICT');
    const { request, opened } = await t.walk(r, byStep);
    expect(opened.slice(1)).toEqual([['supervisor_consent'], ['owner_decision'], ['overall_decision']]);
    expect(opened[0]).toHaveLength(others.length);
    expect(request.status).toBe('APPROVED');
    expect(t.step(request, 'owner_decision').decidedByName).toBe(owner.name);
    expect(await t.effects(request)).toEqual(['effect.modify_system']);

    // One other owner refusing ends it.
    const r2 = await t.submit(owner, 'system_modification', 'kww.welfare', content);
    const first = r2.steps.find((s) => s.key === 'other_owner_approval')!;
    const rejected = await t.decide(await t.holderOfStep('kawasaki', first), first, 'REJECTED', { comment: '当課の情報資産への影響が不明' });
    expect(rejected.status).toBe('REJECTED');
    expect(t.step(rejected, 'owner_decision').status).toBe('WAITING');
  });

  it('system_modification (KWW-6-2): only the owners of the assets the change touches approve first', async () => {
    const own = (await t.q<{ id: string }>(`select id from information_asset where key = 'kaw.asset.long-term-care'`))[0]!.id;
    const other = (await t.q<{ id: string }>(`select id from information_asset where key = 'kaw.asset.public-assistance'`))[0]!.id;
    // 介護保険 has four owners (KWW 別表): its three co-owners are asked too, as is 生活保護's owner.
    const coOwners = ['地域包括ケア推進室担当課長', '高齢者事業推進課長', '保健医療政策部担当課長（健康増進）'];
    const one = await t.submit(owner, 'system_modification', 'kww.welfare', {
      summary: '介護保険と生活保護の連携画面の改修',
      scope: 'health-welfare',
      touchedAssets: [own, other],
    });
    expect(
      one.steps
        .filter((s) => s.key === 'other_owner_approval')
        .flatMap((s) => s.actors.map((a) => a.name))
        .sort(),
    ).toEqual([...coOwners, '生活保護・自立支援室保護指導担当課長'].sort());
    const mine = await t.submit(owner, 'system_modification', 'kww.welfare', {
      summary: '介護保険の帳票の改修',
      scope: 'health-welfare',
      touchedAssets: [own],
    });
    expect(
      mine.steps
        .filter((s) => s.key === 'other_owner_approval')
        .flatMap((s) => s.actors.map((a) => a.name))
        .sort(),
    ).toEqual([...coOwners].sort());
  });

  it('system_retirement (KWW-7): other owners first, prior notice, consent, the owner’s decision, the 総括者’s measures; the system is retired', async () => {
    const content = {
      summary: '介護保険業務の新システムへの移行に伴う利用停止',
      stopOn: fiscalYearEnd(T.fiscalYear + 1),
      scope: 'health-welfare',
      touchedAssets: allAssets,
    };
    const r = await t.submit(owner, 'system_retirement', 'kww.welfare', content);
    expect(r.steps.filter((s) => s.stage > 1).map((s) => [s.key, s.kind, s.stage, s.ruleIds])).toEqual([
      ['prior_notice', 'INFORM', 2, ['KWW-7-1-1']],
      ['supervisor_consent', 'CONSENT', 3, ['KWW-7-1-1']],
      ['owner_decision', 'APPROVE', 4, ['KWW-7-1-1']],
      ['measures', 'PERFORM', 5, ['KWW-7-1-2']],
    ]);
    expect(r.steps.filter((s) => s.stage === 1).every((s) => s.key === 'other_owner_approval' && s.ruleIds.join() === 'KWW-7-2')).toBe(true);
    // Rejected by the 総括者: the system stays in service.
    let cur = r;
    for (const s of r.steps.filter((x) => x.stage === 1)) cur = await t.decide(await t.holderOfStep('kawasaki', s), s);
    expect(t.step(cur, 'prior_notice')).toMatchObject({ status: 'DONE', decision: 'INFORMED' });
    await t.expectForbidden(owner, t.step(cur, 'supervisor_consent'));
    const rejected = await t.decide(supervisor, t.step(cur, 'supervisor_consent'), 'REJECTED', { comment: '移行計画の確定後に再申請してください。' });
    expect(rejected.status).toBe('REJECTED');
    expect(await lifecycle('kww.welfare')).toBe('in_service');

    const r2 = await t.submit(owner, 'system_retirement', 'kww.welfare', content);
    const { request, opened } = await t.walk(r2, byStep);
    expect(opened.slice(1)).toEqual([['supervisor_consent'], ['owner_decision'], ['measures']]);
    expect(request.status).toBe('APPROVED');
    expect(await lifecycle('kww.welfare')).toBe('retired');
    expect(await t.effects(request)).toEqual(['effect.retire_system']);
  });
});
