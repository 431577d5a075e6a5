import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { saveDocsFile, saveScreenshot, signIn } from './helpers.ts';
import { fiscalYearEnd } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';

/** Counted from the day the tests run: use from the start of this month to the end of next fiscal year. */
const T = testCalendar();
const VALID_FROM = T.monthStart(0);

// Minato (MNT-10): a user addition (第1号様式) filed by staff1 is judged by the 保健福祉課長
// (minato/chief) from the inbox. Its creation step is returned, so no account is ever created,
// and the requester withdraws it in the end: nothing other specs rely on changes.

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL request from the signed-in page (its session cookie). */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    { query, variables },
  );
}

async function signedIn(browser: Browser, municipality: string, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { municipality, username });
  return page;
}

test.describe('the inbox', () => {
  test('Minato: the 保健福祉課長 judges a user addition from the inbox; a second decision meets CONFLICT; the creation is returned, resubmission is pre-filled, the requester withdraws; the 第1号様式 prints', async ({
    browser,
  }) => {
    // Two people's sessions, a resubmission and the form printed to PDF: on a loaded two-core
    // machine this takes about half a minute, the default timeout.
    test.setTimeout(90_000);
    const staff = await signedIn(browser, 'minato', 'staff1');
    const setup = await gql<{ viewer: { staffId: string }; systems: { edges: { node: { id: string; name: string } }[] } }>(
      staff,
      '{ viewer { staffId } systems(first: 50) { edges { node { id name } } } }',
    );
    const system = setup.data!.systems.edges.map((edge) => edge.node).find((node) => node.name === '福祉総合システム')!;
    const filed = await gql<{ submitRequest: { id: string; number: string } }>(
      staff,
      `mutation ($input: RequestInput!, $key: String) { submitRequest(input: $input, idempotencyKey: $key) { id number } }`,
      {
        input: {
          kindKey: 'user_addition',
          systemId: system.id,
          content: {
            staffId: setup.data!.viewer.staffId,
            authorityProfile: '照会',
            validFrom: VALID_FROM,
            validTo: fiscalYearEnd(T.fiscalYear + 1),
            reason: '窓口業務の応援のため',
          },
        },
        key: `e2e-inbox-${Date.now()}`,
      },
    );
    expect(filed.errors, JSON.stringify(filed.errors)).toBeUndefined();
    const { id, number } = filed.data!.submitRequest;

    // The judge's inbox: a count in the nav, the step with the request's number, kind and requester.
    const chief = await signedIn(browser, 'minato', 'chief');
    await expect(chief.getByTestId('inbox-count')).toHaveText(/^[1-9]\d*$/);
    await chief
      .getByRole('navigation')
      .getByRole('link', { name: /受信箱/ })
      .click();
    await expect(chief.getByRole('heading', { level: 1, name: '受信箱' })).toBeVisible();
    const row = chief.getByTestId('awaiting-row').filter({ hasText: number });
    await expect(row).toContainText('ユーザ追加申請');
    await expect(row).toContainText('原田 圭介');
    await expect(row).toContainText('使用の妥当性の判断');
    await expect(row).toContainText(/令和\d+年/);
    await expect(row.getByTestId('step-kind')).toHaveText('承認');
    await saveScreenshot(chief, 'inbox');

    // Two tabs on the same request: the second decision on the same step is refused.
    await row.getByRole('link', { name: number }).click();
    await expect(chief.getByTestId('request-number')).toHaveText(number);
    const second = await chief.context().newPage();
    await second.goto(`/requests/${id}`);
    await expect(second.getByTestId('decision-panel')).toBeVisible();

    const panel = chief.getByTestId('decision-panel');
    await expect(panel.getByRole('button')).toHaveText(['承認する', '却下する', '差し戻す']);
    await panel.getByLabel('コメント').fill('業務上の必要性を認めます。');
    await panel.getByRole('button', { name: '承認する' }).click();
    await expect(chief.getByRole('status')).toContainText('判断を記録しました');
    const judge = chief.getByTestId('route-step').filter({ hasText: '使用の妥当性の判断' });
    await expect(judge.getByTestId('step-status')).toHaveText('承認');
    await expect(judge.getByTestId('decided-by')).toContainText('中川 誠');
    await expect(judge).toContainText('業務上の必要性を認めます。');
    // The next step opens for the same person: its record fields come with it.
    await expect(chief.getByTestId('decision-panel').getByLabel('作業完了日')).toBeVisible();
    await expect(chief.getByTestId('requester')).toContainText('原田 圭介');
    await saveScreenshot(chief, 'request-detail');

    await second.getByTestId('decision-panel').first().getByRole('button', { name: '承認する' }).click();
    await expect(second.getByTestId('conflict-banner')).toContainText('この手順はすでに判断されています');
    await expect(second.getByTestId('route-step').filter({ hasText: '使用の妥当性の判断' }).getByTestId('step-status')).toHaveText('承認');
    await second.close();

    // The creation is returned (confirmed in a dialog): the request goes back to the requester.
    const create = chief.getByTestId('decision-panel');
    await create.getByLabel('コメント').fill('使用開始日を確認してください。');
    await create.getByRole('button', { name: '差し戻す' }).click();
    await chief.getByRole('dialog').getByRole('button', { name: '差し戻す' }).click();
    await expect(chief.getByTestId('request-status')).toHaveText('差戻し');
    await expect(chief.getByTestId('decision-panel')).toHaveCount(0);

    // The requester: 差戻し among what they filed; the correction form comes pre-filled.
    await staff.goto('/inbox');
    const mine = staff.getByTestId('filed-row').filter({ hasText: number });
    await expect(mine.getByTestId('request-status')).toHaveText('差戻し');
    await mine.getByRole('link', { name: number }).click();
    await staff.getByRole('link', { name: '修正して再申請' }).click();
    await expect(staff.getByRole('heading', { level: 1, name: '差し戻された申請の再申請' })).toBeVisible();
    await expect(staff.getByText('使用開始日を確認してください。')).toBeVisible();
    await expect(staff.getByLabel('操作権限')).toHaveValue('照会');
    await expect(staff.getByLabel('使用開始日')).toHaveValue(VALID_FROM);
    await expect(staff.getByTestId('picked-staff')).toContainText('原田 圭介');
    await expect(staff.getByTestId('route-preview').getByTestId('preview-step').first()).toContainText('保健福祉課長');
    await staff.getByRole('link', { name: 'キャンセル' }).click();

    // … and withdraws it instead.
    staff.once('dialog', (dialog) => void dialog.accept());
    await staff.getByRole('button', { name: '取り下げる' }).click();
    await expect(staff.getByTestId('request-status')).toHaveText('取下げ');

    // The prescribed form filled on the server from the request's data (MNT-10-1): 第1号様式 as a PDF.
    const formDownload = staff.waitForEvent('download');
    await staff.getByRole('button', { name: '第1号様式 福祉総合システム使用許可申請書（PDF）' }).click();
    const form = await formDownload;
    expect(form.suggestedFilename()).toBe(`第1号様式_福祉総合システム使用許可申請書_${number}.pdf`);
    expect((await readFile(await form.path())).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The paper form: 第1号様式, its title, the 和暦 date and the approvals with names and dates.
    await staff.getByRole('link', { name: '様式で印刷' }).click();
    const sheet = staff.getByTestId('print-sheet');
    await expect(sheet.getByTestId('paper-form')).toHaveText('第1号様式');
    await expect(sheet.getByRole('heading', { level: 1, name: 'ユーザ追加申請書' })).toBeVisible();
    await expect(sheet).toContainText('保健福祉課長 様');
    await expect(sheet).toContainText(number);
    await expect(sheet).toContainText('窓口業務の応援のため');
    await expect(sheet.getByRole('heading', { name: '決裁欄' })).toBeVisible();
    const cells = sheet.getByTestId('approvals-grid').getByTestId('approval-cell');
    await expect(cells).toHaveCount(2);
    await expect(cells.nth(0)).toContainText('承認');
    await expect(cells.nth(0)).toContainText('中川 誠');
    await expect(cells.nth(0)).toContainText(/令和\d+年\d+月\d+日/);
    await expect(cells.nth(1)).toContainText('差戻し');
    await expect(staff.getByRole('button', { name: '印刷' })).toBeVisible();
    await saveScreenshot(staff, 'request-print');

    const pdf = await staff.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    saveDocsFile('request-form-sample.pdf', pdf);

    await staff.context().close();
    await chief.context().close();
  });
});
