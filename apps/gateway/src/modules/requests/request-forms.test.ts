// Minato's prescribed forms (第1号様式 … 第7号様式) filled from requests walked through the API: the form's number
// and title, the filing date in 和暦 with the Western date, the applicant, the content, the approvals
// recorded (who, when) and the rule IDs in the footer, read back from the PDF's text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearEnd, fiscalYearStart, formatWareki } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { expectInOrder, pdfPages } from '@tsukasa/documents/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type Person, type Req, type RequestTools } from './requests.testing.ts';

const T = testCalendar();
const FROM = fiscalYearStart(T.fiscalYear);
const UNTIL = fiscalYearEnd(T.fiscalYear + 1);

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

const FORMS = `query($id: ID!) { request(id: $id) { filedAt paperForms { number formNumber title article } steps { key decidedAt } } }`;
const FILE = `query($id: ID!, $n: Int!) { request(id: $id) { paperFormFile(number: $n) { fileName mimeType base64 } } }`;

interface Forms {
  filedAt: string;
  paperForms: { number: number; formNumber: string; title: string; article: string }[];
  steps: { key: string; decidedAt: string | null }[];
}

async function formsOf(who: Person, r: Req): Promise<Forms> {
  const res = await gw.gql<{ request: Forms }>(FORMS, { id: r.id }, { token: who.token });
  expect(res.errors).toBeUndefined();
  return res.data!.request;
}

async function formText(who: Person, r: Req, n: number): Promise<{ fileName: string; text: string }> {
  const res = await gw.gql<{ request: { paperFormFile: { fileName: string; mimeType: string; base64: string } } }>(FILE, { id: r.id, n }, { token: who.token });
  expect(res.errors).toBeUndefined();
  const file = res.data!.request.paperFormFile;
  expect(file.mimeType).toBe('application/pdf');
  const bytes = Buffer.from(file.base64, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { fileName: file.fileName, text: (await pdfPages(bytes)).join('\n') };
}

const wareki = (d: string) => formatWareki(d, { withWestern: true });

describe('Minato (MNT): the forms a request is printed on', () => {
  let filer: Person;
  let chief: Person;
  let policy: Person;
  let coordinator: Person;
  const taken = new Set<string>();
  /** Someone with a current position and no account on the system, not used by another test. */
  async function newcomer(): Promise<{ id: string; name: string }> {
    const rows = await t.q<{ id: string; name: string }>(
      `select s.id, s.family_name || ' ' || s.given_name as name from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
        where s.municipality_id = (select id from municipality where code = 'minato')
          and not exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = 'mnt.welfare')
        order by s.employee_number`,
    );
    const row = rows.find((x) => !taken.has(x.id))!;
    taken.add(row.id);
    return row;
  }
  /** Someone with an open account on the system, not used by another test. */
  async function accountHolder(): Promise<{ id: string; name: string }> {
    const rows = await t.q<{ id: string; name: string }>(
      `select s.id, s.family_name || ' ' || s.given_name as name from account a join system y on y.id = a.system_id join staff s on s.id = a.staff_id
        join position_tenure t on t.staff_id = a.staff_id and t.valid_to is null
        where y.key = 'mnt.welfare' and a.ended_at is null and a.suspended_at is null and (a.valid_to is null or a.valid_to > now()) order by a.created_at, a.staff_id`,
    );
    const row = rows.find((x) => !taken.has(x.id))!;
    taken.add(row.id);
    return row;
  }

  beforeAll(async () => {
    filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
    chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    policy = await t.holder('minato', 'mnt.kikaku.joho.chief');
    coordinator = await t.holder('minato', 'mnt.hoken.fukushi.kanri.coordinator');
  });

  it('第1号様式 使用許可申請書 (MNT-10-1): the application, judged and performed by the 保健福祉課長 (MNT-10-2)', async () => {
    const staff = await newcomer();
    const r = await t.submit(filer, 'user_addition', 'mnt.welfare', {
      staffId: staff.id,
      authorityProfile: '照会',
      validFrom: FROM,
      validTo: UNTIL,
      reason: '人事異動による配属',
    });
    const { request } = await t.walk(r, () => chief);
    const forms = await formsOf(filer, request);
    expect(forms.paperForms).toEqual([{ number: 1, formNumber: '第1号様式', title: '福祉総合システム使用許可申請書', article: '第10条関係' }]);
    const judged = forms.steps.find((s) => s.key === 'judge')!.decidedAt!;
    const { fileName, text } = await formText(filer, request, 1);
    expect(fileName).toBe(`第1号様式_福祉総合システム使用許可申請書_${request.number}.pdf`);
    expectInOrder(text, [
      '第1号様式（第10条関係）',
      formatWareki(forms.filedAt),
      request.number,
      '福祉総合システム使用許可申請書',
      '保健福祉課長　様',
      '申請者',
      // The section one level up: the 区民課 of the 芝地区総合支所, not one of the five.
      '港区　芝地区総合支所 区民課',
      `氏名　${filer.name}`,
      '第10条第1項',
      '記',
      'システム',
      '職員',
      staff.name,
      '操作権限',
      '照会',
      '使用開始日',
      wareki(FROM),
      '使用期限',
      wareki(UNTIL),
      '人事異動による配属',
      '決裁欄',
      '承認',
      `保健福祉課長（使用の妥当性の判断）　承認　${chief.name}　${formatWareki(judged, { withWestern: true })}`,
      `保健福祉課長（ユーザの追加）　実施済　${chief.name}`,
      '福祉総合システム運用要領 第1号様式',
      'MNT-10-1, MNT-10-2',
    ]);
    // Asking for a form the rulebook does not prescribe for this request is refused.
    const wrong = await gw.gql(FILE, { id: request.id, n: 4 }, { token: filer.token });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
  });

  it('第2号様式 使用終了通知書 (MNT-11-1), 第3号様式 ユーザ更新申請書 (MNT-12-1)', async () => {
    const leaving = await accountHolder();
    const ended = await t.submit(filer, 'user_termination', 'mnt.welfare', { staffId: leaving.id, endOn: UNTIL, reason: '異動' });
    const two = await formText(filer, ended, 2);
    expectInOrder(two.text, [
      '第2号様式（第11条関係）',
      '福祉総合システム使用終了通知書',
      '保健福祉課長　様',
      `氏名　${filer.name}`,
      '第11条第1項',
      'ユーザ',
      leaving.name,
      '使用終了日',
      wareki(UNTIL),
      '決裁欄',
      '未決',
      'MNT-11-1, MNT-11-2',
    ]);

    const add = await newcomer();
    const remove = await accountHolder();
    const bulk = await t.submit(filer, 'bulk_user_update', 'mnt.welfare', {
      changes: [
        { action: 'add', staffId: add.id, authorityProfile: '照会', validTo: UNTIL },
        { action: 'remove', staffId: remove.id },
      ],
      reason: '4月1日付人事異動',
    });
    const three = await formText(filer, bulk, 3);
    expectInOrder(three.text, [
      '第3号様式（第12条関係）',
      '福祉総合システムユーザ更新申請書',
      '第12条第1項',
      '4月1日付人事異動',
      '更新内容（追加・削除）',
      '区分',
      '追加',
      add.name,
      '照会',
      wareki(UNTIL),
      '削除',
      remove.name,
      '決裁欄',
      'MNT-12-1, MNT-12-2',
    ]);
  });

  it('第4号様式 作業依頼一覧 and 第5号様式 作業確認票 (MNT-14-1, MNT-14-4): the request, the contractor’s entry and the confirmations', async () => {
    const content = { workDescription: '介護保険受給者一覧のデータ抽出（前月末時点）', desiredCompletionDate: T.day(60), changeManagementApprovalNeeded: true };
    const r = await t.submit(filer, 'work_request', 'mnt.welfare', content);
    let cur = await t.decide(policy, t.step(r, 'change_management'));
    cur = await t.decide(chief, t.step(cur, 'perform'), 'PERFORMED', { record: { 対応内容: '抽出データをCSVで納品', 完了日: T.day(45) } });
    cur = await t.decide(filer, t.step(cur, 'confirm'));
    cur = await t.decide(coordinator, t.step(cur, 'cross_check'));
    const forms = await formsOf(filer, cur);
    expect(forms.paperForms.map((f) => `${f.formNumber} ${f.title}`)).toEqual([
      '第4号様式 福祉総合システム作業依頼一覧',
      '第5号様式 福祉総合システム作業確認票',
    ]);
    const at = (key: string) => formatWareki(forms.steps.find((s) => s.key === key)!.decidedAt!, { withWestern: true });

    const four = await formText(filer, cur, 4);
    expectInOrder(four.text, [
      '第4号様式（第14条関係）',
      '福祉総合システム作業依頼一覧',
      '保健福祉課長　様',
      '作業の内容',
      '介護保険受給者一覧のデータ抽出（前月末時点）',
      '完了希望日',
      wareki(T.day(60)),
      '変更管理会議の承認の要否',
      '要',
      '対応内容',
      '抽出データをCSVで納品',
      '作業完了日',
      wareki(T.day(45)),
      '決裁欄',
      '保健福祉課長（保健福祉課長への報告（第4号様式））　報告済',
      `情報政策課長（変更管理会議の承認（情報政策課長））　承認　${policy.name}　${at('change_management')}`,
      `（作業の実施と対応内容・作業完了日の入力）　実施済　${chief.name}　${at('perform')}`,
      'MNT-14-1, MNT-14-2, MNT-14-3',
    ]);

    const five = await formText(filer, cur, 5);
    expect(five.text).not.toContain('様　');
    expectInOrder(five.text, [
      '第5号様式（第14条関係）',
      '福祉総合システム作業確認票',
      '第14条第4項',
      '作業の内容',
      '介護保険受給者一覧のデータ抽出（前月末時点）',
      '対応内容',
      '抽出データをCSVで納品',
      '作業完了日',
      wareki(T.day(45)),
      '決裁欄',
      `（作業確認票の作成（第5号様式））　確認済　${filer.name}　${at('confirm')}`,
      // The 保健福祉課長's deputy cross-checks (MNT-6-4); the box records for whom.
      `確認済　${coordinator.name}（${chief.name}の代理）　${at('cross_check')}`,
      'MNT-14-3, MNT-14-4, MNT-14-6',
    ]);
  });

  it('第6号様式 アクセス権限更新申請書 (MNT-17-2) and 第7号様式 ライセンス数更新申請書 (MNT-18-2)', async () => {
    const holder = await accountHolder();
    const access = await t.submit(filer, 'access_rights_update', 'mnt.welfare', {
      staffId: holder.id,
      newAuthorityProfile: '照会・更新',
      reason: '担当業務の変更',
    });
    const rejected = await t.decide(chief, t.step(access, 'judge'), 'REJECTED', { comment: '業務上の必要性が認められません。' });
    const six = await formText(filer, rejected, 6);
    expectInOrder(six.text, [
      '第6号様式（第17条関係）',
      '福祉総合システムアクセス権限更新申請書',
      '第17条第2項',
      'ユーザ',
      holder.name,
      '更新後の権限',
      '照会・更新',
      '決裁欄',
      `却下　${chief.name}`,
      'MNT-17-2, MNT-17-3',
    ]);

    const section = (
      await t.q<{ id: string; name: string }>(
        `select ou.id, ou.name from position p join org_unit ou on ou.id = p.org_unit_id where p.key = 'mnt.shiba.kumin.chief'`,
      )
    )[0]!;
    const licence = await t.submit(filer, 'licence_count_change', 'mnt.welfare', {
      section: section.id,
      newCount: 1,
      purchasedTotal: 100,
      otherSectionsTotal: 80,
      reason: '窓口体制の見直し',
    });
    const seven = await formText(filer, licence, 7);
    expectInOrder(seven.text, [
      '第7号様式（第18条関係）',
      '福祉総合システムライセンス数更新申請書',
      '第18条第2項',
      '課',
      section.name,
      '変更後のライセンス数',
      '1',
      '窓口体制の見直し',
      'MNT-18-1, MNT-18-2',
    ]);
  });

  it('prints no form for the same kind under a rulebook that prescribes none (KTM-10)', async () => {
    const head = await t.holder('kitami', 'ktm.fukushi.kaigo.chief');
    const staffId = (
      await t.q<{ id: string }>(
        `select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
          where s.municipality_id = (select id from municipality where code = 'kitami')
            and not exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = 'ktm.counter')
          order by s.employee_number desc`,
      )
    )[0]!.id;
    const r = await t.submit(head, 'user_addition', 'ktm.counter', { staffId, authorityProfile: '受付', validFrom: FROM, reason: '窓口業務の担当' });
    expect((await formsOf(head, r)).paperForms).toEqual([]);
    expect(errorCode(await gw.gql(FILE, { id: r.id, n: 1 }, { token: head.token }))).toBe('BAD_USER_INPUT');
  });
});
