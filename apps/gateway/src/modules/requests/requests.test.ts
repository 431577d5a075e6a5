import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fiscalYearEnd, fiscalYearStart, formatWareki } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

/** Application dates counted from the day the tests run: from the start of this fiscal year to the end of the next. */
const T = testCalendar();
const FROM = fiscalYearStart(T.fiscalYear);
const UNTIL = fiscalYearEnd(T.fiscalYear + 1);
/** The instant use ends under an end date: the next day begins in Japan (MNT-11-1). */
const UNTIL_ENDS_AT = T.at(T.plusDays(UNTIL, 1), '00:00').toISOString();

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

/** Gives the current holder of a position a sign-in (demo data signs in only a few people). */
async function signInHolder(code: string, positionKey: string, username: string): Promise<{ token: string; staffId: string }> {
  const holder = (
    await gw.admin.query(`select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = $1 and t.valid_to is null`, [
      positionKey,
    ])
  ).rows[0].staff_id;
  await gw.admin.query(
    `update staff set username = coalesce(username, $2), password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = $3)) where id = $1`,
    [holder, username, code],
  );
  const name = (await gw.admin.query('select username from staff where id = $1', [holder])).rows[0].username;
  return { token: await gw.signIn(code, name), staffId: holder };
}
const systemId = async (key: string) => (await gw.admin.query('select id from system where key = $1', [key])).rows[0].id as string;
const staffIdOf = async (code: string, username: string) =>
  (await gw.admin.query(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = $1 and s.username = $2`, [code, username]))
    .rows[0].id as string;

const SUBMIT = `mutation($i: RequestInput!, $k: String) { submitRequest(input: $i, idempotencyKey: $k) { id number status steps { id key kind stage status actors { name } ruleIds } } }`;
const DECIDE = `mutation($i: DecideStepInput!) { decideStep(input: $i) { id status steps { id key kind stage status decision decidedByName onBehalfOfName actors { name } ruleIds } } }`;
type Step = { id: string; key: string; kind: string; stage: number; status: string; actors: { name: string }[]; ruleIds: string[] };
type Submitted = { submitRequest: { id: string; number: string; status: string; steps: Step[] } };

describe('MNT user addition (第1号様式)', () => {
  it('is filed by a using section chief, judged and performed by the 保健福祉課長, and creates the account with its declared end date (MNT-11)', async () => {
    const shiba = await signInHolder('minato', 'mnt.shiba.kumin.chief', 'shibachief');
    const welfare = await signInHolder('minato', 'mnt.hoken.fukushi.chief', 'chief');
    const system = await systemId('mnt.welfare');
    // Someone in Minato without an account on the system yet.
    const newcomer = (
      await gw.admin.query(
        `select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_to is null
      where s.municipality_id = (select id from municipality where code = 'minato')
        and not exists (select 1 from account a where a.staff_id = s.id and a.system_id = $1) order by s.employee_number limit 1`,
        [system],
      )
    ).rows[0].id;
    const content = { staffId: newcomer, authorityProfile: '照会・更新', validFrom: FROM, validTo: UNTIL, reason: '人事異動による配属' };
    const preview = await gw.gql<{ previewRoute: { acceptable: boolean; steps: { key: string; ruleIds: string[]; actors: { name: string }[] }[] } }>(
      'query($i: RequestInput!) { previewRoute(input: $i) { acceptable steps { key kind ruleIds actors { name } } notes { message { ja } ruleIds } errors { path message { en ja } } } }',
      { i: { kindKey: 'user_addition', systemId: system, content } },
      { token: shiba.token },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewRoute.acceptable).toBe(true);
    expect(preview.data!.previewRoute.steps.flatMap((s) => s.actors.map((a) => a.name))).toContain('保健福祉課長');

    const filed = await gw.gql<Submitted>(SUBMIT, { i: { kindKey: 'user_addition', systemId: system, content }, k: 'add-1' }, { token: shiba.token });
    expect(filed.errors).toBeUndefined();
    const request = filed.data!.submitRequest;
    expect(request.number).toMatch(/^R\d+-\d{6}$/);
    // Resubmitting with the same idempotency key returns the first request, not a second one.
    const again = await gw.gql<Submitted>(SUBMIT, { i: { kindKey: 'user_addition', systemId: system, content }, k: 'add-1' }, { token: shiba.token });
    expect(again.data!.submitRequest.id).toBe(request.id);

    let current = request.steps;
    for (let i = 0; i < 10; i++) {
      const open = current.find((s) => s.status === 'OPEN');
      if (!open) break;
      const decision = open.kind === 'PERFORM' ? 'PERFORMED' : open.kind === 'CONSENT' ? 'CONSENTED' : open.kind === 'CONFIRM' ? 'CONFIRMED' : 'APPROVED';
      const r = await gw.gql<{ decideStep: { status: string; steps: Step[] } }>(
        DECIDE,
        { i: { stepId: open.id, decision, comment: '妥当と認める（MNT-10-2）' } },
        { token: welfare.token },
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      current = r.data!.decideStep.steps;
      if (r.data!.decideStep.status !== 'IN_PROGRESS') break;
    }
    const final = (await gw.admin.query('select status from request where id = $1', [request.id])).rows[0].status;
    expect(final).toBe('approved');
    const account = (
      await gw.admin.query(`select authority_profile, valid_to from account where staff_id = $1 and system_id = $2 and ended_at is null`, [newcomer, system])
    ).rows[0];
    expect(account.authority_profile).toBe('照会・更新');
    // The end date declared at application: the account ends as the next day begins in Japan (MNT-11-1).
    expect(new Date(account.valid_to).toISOString()).toBe(UNTIL_ENDS_AT);
    const effects = (await gw.admin.query(`select action, after from audit_event where action like 'effect.%' and after->>'requestUuid' = $1`, [request.id]))
      .rows;
    expect(effects.map((e) => e.action)).toEqual(['effect.create_accounts']);
    // The requester is told of the outcome, in the inbox and by e-mail (outbox).
    expect(
      (await gw.admin.query(`select count(*)::int as n from notification where target_id = $1 and kind = 'request.approved'`, [request.id])).rows[0].n,
    ).toBe(1);
    expect(
      (await gw.admin.query(`select count(*)::int as n from mail_outbox where subject like $1`, [`%${request.number}%`])).rows[0].n,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('exactly one decision per step', () => {
  it('takes one of 50 simultaneous approvals, audits it once, and answers the rest with CONFLICT', async () => {
    const shiba = await signInHolder('minato', 'mnt.azabu.kumin.chief', 'azabuchief');
    const welfare = await signInHolder('minato', 'mnt.hoken.fukushi.chief', 'chief');
    const system = await systemId('mnt.welfare');
    const someone = await staffIdOf('minato', 'staff1');
    const filed = await gw.gql<Submitted>(
      SUBMIT,
      {
        i: {
          kindKey: 'access_rights_update',
          systemId: system,
          content: { staffId: someone, currentAuthorityProfile: '照会', newAuthorityProfile: '照会・更新', reason: '担当業務の変更' },
        },
      },
      { token: shiba.token },
    );
    expect(filed.errors, JSON.stringify(filed.errors)).toBeUndefined();
    const open = filed.data!.submitRequest.steps.find((s) => s.status === 'OPEN')!;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        gw.gql(DECIDE, { i: { stepId: open.id, decision: open.kind === 'PERFORM' ? 'PERFORMED' : 'APPROVED' } }, { token: welfare.token }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(conflicts[0]!.errors![0]!.extensions!.messageJa).toBe('この手順はすでに判断されています。');
    const audits = (await gw.admin.query(`select count(*)::int as n from audit_event where target_id = $1 and action like 'request.step.%'`, [open.id])).rows[0]
      .n;
    expect(audits).toBe(1);
  });
});

describe('KWW-6-2: other owners approve a system modification first', () => {
  it('opens one step per other owner before the filing owner’s own decision', async () => {
    const owner = await signInHolder('kawasaki', 'kaw.kenko.choju.kaigo.chief', 'owner');
    const system = await systemId('kww.welfare');
    const filed = await gw.gql<Submitted>(
      SUBMIT,
      {
        i: {
          kindKey: 'system_modification',
          systemId: system,
          content: { summary: '介護保険料の算定方法の変更に伴う改修', lawChangeSummary: '介護保険法施行令の改正', scope: 'health-welfare' },
        },
      },
      { token: owner.token },
    );
    expect(filed.errors, JSON.stringify(filed.errors)).toBeUndefined();
    const steps = filed.data!.submitRequest.steps;
    const first = steps.filter((s) => s.stage === 1);
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((s) => s.ruleIds.includes('KWW-6-2'))).toBe(true);
    expect(first.every((s) => s.status === 'OPEN')).toBe(true);
    const own = steps.find((s) => s.ruleIds.includes('KWW-6-1-1'))!;
    expect(own.stage).toBeGreaterThan(1);
    expect(own.status).toBe('WAITING');
  });
});

describe('ARK-12-2: new systems are applied for by 31 August', () => {
  it('refuses a late application unless it is urgent by a change of law', async () => {
    // The next 1 September: the day after the deadline for the fiscal year that begins the April after.
    const dayAfterDeadline = T.nextMonthDay('09-01');
    const targetFiscalYear = Number(dayAfterDeadline.slice(0, 4)) + 1;
    const content = {
      systemName: '窓口DXシステム',
      summary: '書かない窓口',
      welfare: true,
      efficiency: true,
      privacy: true,
      targetFiscalYear,
      necessity: '来庁者の負担軽減',
      cost: '年額1200万円',
      effect: '待ち時間の短縮',
      alternatives: '既存システムの改修',
    };
    gw.setNow(T.at(dayAfterDeadline, '10:00'));
    try {
      const head = await signInHolder('arakawa', 'ark.kanri.digital.chief', 'chief'); // signed in that day
      const late = await gw.gql(SUBMIT, { i: { kindKey: 'new_system_introduction', content } }, { token: head.token });
      expect(late.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(late.errors![0]!.extensions!.fieldErrors)).toContain('ARK-12-2');
      const urgent = await gw.gql<Submitted>(
        SUBMIT,
        {
          i: {
            kindKey: 'new_system_introduction',
            content: {
              ...content,
              urgentByLawChange: true,
              urgencyReason: `法令改正（${formatWareki(fiscalYearStart(targetFiscalYear)).replace(/\d+日$/, '')}施行）への対応`,
            },
          },
        },
        { token: head.token },
      );
      expect(urgent.errors, JSON.stringify(urgent.errors)).toBeUndefined();
      expect(urgent.data!.submitRequest.steps.some((s) => s.actors.some((a) => a.name.includes('管理部長')) || s.ruleIds.includes('ARK-12-4'))).toBe(true);
    } finally {
      gw.setNow(null);
    }
  });
});

describe('requests: a connection integrators page through', () => {
  const LIST = `query($first: Int, $after: String, $status: RequestStatus) {
    requests(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status filedAt } } } }`;
  type Page = {
    requests: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string; status: string; filedAt: string } }[];
    };
  };

  it('pages newest filed first, one request per page and none twice, to the total; the filter narrows the total too', async () => {
    // Three work requests of Minato's 区民課長, so the list has pages whatever else the tests filed.
    const filer = await signInHolder('minato', 'mnt.shiba.kumin.chief', 'shibachief');
    const system = await systemId('mnt.welfare');
    for (const n of [1, 2, 3]) {
      const content = { workDescription: `帳票の抽出（${n}）`, desiredCompletionDate: T.day(60), changeManagementApprovalNeeded: false };
      expect((await gw.gql<Submitted>(SUBMIT, { i: { kindKey: 'work_request', systemId: system, content } }, { token: filer.token })).errors).toBeUndefined();
    }
    const token = await gw.signIn('minato');
    const all = (await gw.gql<Page>(LIST, { first: 200 }, { token })).data!.requests;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const filed = all.edges.map((e) => Date.parse(e.node.filedAt));
    expect(filed).toEqual([...filed].sort((a, b) => b - a));

    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard <= all.totalCount; guard++) {
      const page: Page['requests'] = (await gw.gql<Page>(LIST, { first: 1, after }, { token })).data!.requests;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));

    const inProgress = (await gw.gql<Page>(LIST, { first: 200, status: 'IN_PROGRESS' }, { token })).data!.requests;
    expect(inProgress.totalCount).toBe(all.edges.filter((e) => e.node.status === 'IN_PROGRESS').length);
    expect(inProgress.edges.every((e) => e.node.status === 'IN_PROGRESS')).toBe(true);
  });

  it('refuses a cursor that is not one, a status the schema lacks and an oversized page, with BAD_USER_INPUT on the argument', async () => {
    const token = await gw.signIn('minato');
    const bad = await gw.gql(LIST, { first: 5, after: 'not-a-cursor' }, { token });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['after'], code: 'INVALID_VALUE' }] });
    const otherList = await gw.gql(
      LIST,
      { first: 5, after: Buffer.from(JSON.stringify(['NAME', 'x', '00000000-0000-4000-8000-000000000000'])).toString('base64url') },
      { token },
    );
    expect(otherList.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const lower = await gw.gql(LIST, { first: 5, status: 'in_progress' }, { token });
    expect(lower.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const huge = await gw.gql(LIST, { first: 100000 }, { token });
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['first'] }] });
  });
});
