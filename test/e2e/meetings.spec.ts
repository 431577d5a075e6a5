import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { DEMO, graphql, saveScreenshot, signIn } from './helpers.ts';
import { formatWareki, formatWarekiFiscalYear, fiscalYearStart } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';

/** The meeting sits on the 14th day after the tests run (the next business day from it). */
const T = testCalendar();
const HELD_ON = T.businessDay(14);
const BUDGET_ITEM = `${formatWarekiFiscalYear(fiscalYearStart(T.fiscalYear + 1))}電子情報システム関係予算の見積方針`;

// The committee secretary's workflow in Arakawa (ARK-15–19): the 運営委員会's secretariat
// (admin, 管理部デジタル推進課 運用係, ARK-19-3) creates a meeting whose agenda is proposed from the
// applications awaiting the committee, edits and fixes it, takes the attendance (refused a decision
// without a quorum, ARK-19-1), records the decisions, previews and downloads the minutes and sends them.

const COMMITTEE = '電子情報システム運営委員会';

interface Filed {
  id: string;
  number: string;
  name: string;
}

async function apiAs(playwright: PlaywrightWorkerArgs['playwright'], username: string): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const result = await graphql<{ signIn: { viewer: { username: string } } }>(
    api,
    `
      mutation ($municipality: String!, $username: String!, $password: String!) {
        signIn(municipality: $municipality, username: $username, password: $password) {
          viewer {
            username
          }
        }
      }
    `,
    { municipality: 'arakawa', username, password: DEMO.password },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return api;
}

/** A fiscal year whose application deadline (31 August of the year before, ARK-12-2) is still ahead. */
function fiscalYearInTime(now = new Date()): number {
  const year = now.getFullYear();
  const currentFiscalYear = now.getMonth() >= 3 ? year : year - 1;
  return currentFiscalYear + 2;
}

/**
 * The backlog the committee hears: applications for a new system (ARK-12) filed by the デジタル推進課長
 * whose papers the CIO (管理部長) has gathered, so each one's committee step is open.
 */
async function readyApplications(playwright: PlaywrightWorkerArgs['playwright'], names: string[]): Promise<Filed[]> {
  const chief = await apiAs(playwright, 'chief');
  const cio = await apiAs(playwright, 'cio');
  const filed: Filed[] = [];
  try {
    for (const name of names) {
      const submitted = await graphql<{ submitRequest: { id: string; number: string } }>(
        chief,
        `
          mutation ($input: RequestInput!) {
            submitRequest(input: $input) {
              id
              number
            }
          }
        `,
        {
          input: {
            kindKey: 'new_system_introduction',
            systemId: null,
            content: {
              systemName: name,
              summary: `${name}の導入`,
              welfare: true,
              efficiency: true,
              privacy: true,
              targetFiscalYear: fiscalYearInTime(),
              necessity: '窓口の待ち時間の短縮',
              cost: '年額1200万円',
              effect: '来庁者の負担軽減',
              alternatives: '既存システムの改修',
            },
          },
        },
      );
      expect(submitted.errors, JSON.stringify(submitted.errors)).toBeUndefined();
      const { id, number } = submitted.data!.submitRequest;
      const loaded = await graphql<{ request: { steps: { id: string; key: string; status: string }[] } }>(
        cio,
        `
          query ($id: ID!) {
            request(id: $id) {
              steps {
                id
                key
                status
              }
            }
          }
        `,
        { id },
      );
      const collect = loaded.data!.request.steps.find((step) => step.key === 'collect_materials' && step.status === 'OPEN');
      expect(collect, JSON.stringify(loaded)).toBeTruthy();
      const performed = await graphql(
        cio,
        `
          mutation ($input: DecideStepInput!) {
            decideStep(input: $input) {
              id
              status
            }
          }
        `,
        { input: { stepId: collect!.id, decision: 'PERFORMED', comment: '資料を徴しました。' } },
      );
      expect(performed.errors, JSON.stringify(performed.errors)).toBeUndefined();
      filed.push({ id, number, name });
    }
  } finally {
    await chief.dispose();
    await cio.dispose();
  }
  return filed;
}

const itemOf = (page: Page, text: string) => page.getByTestId('agenda-item').filter({ hasText: text });

test.describe('the committee secretary’s workflow', () => {
  test('Arakawa: a 運営委員会 meeting from the proposed agenda to the minutes sent', async ({ page, playwright }) => {
    test.setTimeout(180_000);
    const [first, second, third] = await readyApplications(playwright, [
      '電子申請受付システム（会議）',
      '文書管理システム（会議）',
      '施設予約システム（会議）',
    ]);

    await signIn(page);
    await page.getByRole('navigation').getByRole('link', { name: '会議', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '会議' })).toBeVisible();
    const committee = page.getByTestId('committee').filter({ has: page.getByRole('heading', { level: 2, name: COMMITTEE }) });
    await expect(committee.getByTestId('committee-quorum')).toContainText('委員の過半数の出席');
    await expect(committee.getByTestId('committee-quorum').locator('[data-rule-id="ARK-19-1"]')).toBeVisible();
    await expect(committee.getByTestId('committee-circulation')).toHaveText('定めなし');
    await expect(committee).toContainText('デジタル推進課');

    // The new-meeting form checks itself field by field, in Japanese and in English.
    await committee.getByRole('link', { name: '＋ 新しい会議' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '新しい会議' })).toBeVisible();
    await expect(page.getByTestId('new-meeting-committee')).toHaveText(COMMITTEE);
    await expect(page.getByLabel('持回りにより決定する')).toHaveCount(0); // ARK has no circulation
    await page.getByRole('button', { name: '会議を作成' }).click();
    await expect(page.getByText('開催日を入力してください。')).toBeVisible();
    await expect(page.getByText('開催場所を入力してください。')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New meeting' })).toBeVisible();
    await expect(page.getByText('Give the date of the meeting.')).toBeVisible();
    await expect(page.getByLabel('Place')).toBeVisible();
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByLabel('開催日').fill(HELD_ON);
    await page.getByLabel('開始時刻').fill('10:00');
    await page.getByLabel('終了時刻').fill('09:30');
    await page.getByLabel('場所').fill('本庁舎5階 庁議室');
    await page.getByRole('button', { name: '会議を作成' }).click();
    await expect(page.getByText('終了時刻は開始時刻より後にしてください。')).toBeVisible();
    await page.getByLabel('終了時刻').fill('11:30');
    await page.getByRole('button', { name: '会議を作成' }).click();

    // The meeting page: its agenda proposed from the applications awaiting the committee.
    await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}/);
    const meetingUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId('notice')).toContainText('会議を作成しました');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`回 ${COMMITTEE}`);
    await expect(page.getByTestId('meeting-status')).toHaveText('議題作成中');
    await expect(page.getByTestId('meeting-date')).toContainText(formatWareki(HELD_ON));
    await expect(page.getByTestId('meeting-date')).toContainText(HELD_ON.replaceAll('-', '/'));
    await expect(page.locator('[data-testid="workflow-step"][data-state="current"]')).toContainText('議題の確認');
    for (const application of [first!, second!, third!]) {
      const item = itemOf(page, application.number);
      await expect(item).toContainText(application.name);
      await expect(item.getByTestId('item-presenter')).toHaveText('デジタル推進課長');
      await expect(item.getByTestId('item-request')).toHaveAttribute('href', `/requests/${application.id}`);
      await expect(item.locator('[data-rule-id="ARK-16-1-2"]')).toBeVisible();
    }
    const deliberation = page.getByRole('region', { name: '審議事項', exact: true });
    await expect(deliberation.getByTestId('agenda-item').filter({ hasText: first!.number })).toContainText(/資料\d+-1/);
    await expect(page.getByTestId('not-proposed')).toBeVisible();

    // The secretary takes one application off the agenda (a reason is required); anything else the
    // committee has pending goes too, so this meeting decides the two applications only.
    await itemOf(page, third!.number)
      .getByRole('button', { name: /を議題から除く$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '議題から除く' }).click();
    await expect(dialog.getByText('議題から除く理由を入力してください。')).toBeVisible();
    await dialog.getByLabel('除く理由').fill('費用資料の再提出を待って次回に付議する');
    await dialog.getByRole('button', { name: '議題から除く' }).click();
    await expect(page.getByTestId('notice')).toContainText('議題から除きました');
    await expect(itemOf(page, third!.number)).toHaveCount(0);
    await expect(page.getByTestId('removed-item').filter({ hasText: third!.number })).toContainText('費用資料の再提出を待って次回に付議する');
    const others = page.getByTestId('agenda-item').filter({ hasNotText: first!.number }).filter({ hasNotText: second!.number });
    while ((await others.count()) > 0) {
      const count = await others.count();
      await others
        .first()
        .getByRole('button', { name: /を議題から除く$/ })
        .click();
      await dialog.getByLabel('除く理由').fill('次回の会議に付議する');
      await dialog.getByRole('button', { name: '議題から除く' }).click();
      await expect(others).toHaveCount(count - 1);
    }

    // … adds a report with its papers …
    await page.getByRole('button', { name: '＋ 議題を追加' }).click();
    const addForm = page.getByTestId('add-item-form');
    await addForm.getByRole('button', { name: '追加する' }).click();
    await expect(addForm.getByText('議題名を入力してください。')).toBeVisible();
    await addForm.getByLabel('議題名').fill(BUDGET_ITEM);
    await addForm.getByLabel('説明者').fill('財政課長');
    await addForm.getByLabel('区分').selectOption({ label: '報告事項' });
    await addForm.getByLabel('資料（1行に1件）').fill('予算見積方針（案）\n見積スケジュール');
    await addForm.getByRole('button', { name: '追加する' }).click();
    await expect(page.getByTestId('notice')).toContainText('議題に追加しました');
    const report = itemOf(page, BUDGET_ITEM);
    await expect(page.getByRole('region', { name: '報告事項', exact: true }).getByTestId('agenda-item')).toHaveCount(1);
    await expect(report).toContainText('予算見積方針（案）');
    await expect(report).toContainText('見積スケジュール');
    await expect(report.getByTestId('item-presenter')).toHaveText('財政課長');

    // … and reorders: the papers are renumbered.
    const deliberationItems = deliberation.getByTestId('agenda-item');
    await expect(deliberationItems).toHaveCount(2);
    const before = await deliberationItems.first().innerText();
    const lower = before.includes(first!.number) ? second! : first!;
    await itemOf(page, lower.number)
      .getByRole('button', { name: /を上へ移動$/ })
      .click();
    await expect(page.getByTestId('notice')).toContainText('議題の順序を変更しました');
    await expect(deliberationItems.first()).toContainText(lower.number);
    await expect(deliberationItems.first()).toContainText('資料1-1');
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'meeting-agenda');

    // The agenda is fixed: no more editing.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: '議題を確定' }).click();
    await expect(page.getByTestId('meeting-status')).toHaveText('議題確定');
    await expect(page.getByRole('button', { name: '＋ 議題を追加' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /を上へ移動$/ })).toHaveCount(0);
    await expect(page.locator('[data-testid="workflow-step"][data-state="current"]')).toContainText('出席の記録');

    // Three of seven members present: the meeting is not quorate and takes no decision (ARK-19-1).
    const members = page.locator('[data-testid="attendee-row"][data-role="chair"], [data-testid="attendee-row"][data-role="member"]');
    await expect(members).toHaveCount(7);
    for (let index = 0; index < 3; index += 1) await members.nth(index).getByRole('checkbox').check();
    await page.getByRole('button', { name: '出席を記録' }).click();
    await expect(page.getByTestId('meeting-status')).toHaveText('開催済み');
    const quorum = page.getByTestId('quorum');
    await expect(quorum).toHaveAttribute('data-met', 'false');
    await expect(quorum).toContainText('委員7名中3名出席（過半数4名に満たない）のため会議は成立していません');
    const firstItem = deliberationItems.first();
    await firstItem.getByLabel('承認', { exact: true }).check();
    await firstItem.getByRole('button', { name: '決定を記録' }).click();
    const refusal = firstItem.getByTestId('refusal');
    await expect(refusal).toHaveAttribute('data-code', 'QUORUM_NOT_MET');
    await expect(refusal.getByTestId('refusal-primary')).toContainText('過半数4名に満たない');
    await expect(refusal.getByTestId('refusal-primary')).toContainText('決定を記録できません');
    await expect(refusal.getByTestId('refusal-secondary')).toContainText('not quorate');
    await expect(refusal.locator('[data-rule-id="ARK-19-1"]')).toBeVisible();
    await expect(firstItem.getByTestId('item-outcome')).toHaveCount(0);

    // Five present: quorate; 承認 for the first, 継続審議 for the second.
    for (let index = 3; index < 5; index += 1) await members.nth(index).getByRole('checkbox').check();
    await page.getByRole('button', { name: '出席を記録' }).click();
    await expect(quorum).toHaveAttribute('data-met', 'true');
    await expect(quorum).toContainText('委員7名中5名出席（過半数4名）により会議は成立');
    await expect(page.locator('[data-testid="workflow-step"][data-state="current"]')).toContainText('決定の記録');
    const approved = itemOf(page, lower.number);
    const deferred = itemOf(page, (lower === first ? second : first)!.number);
    await approved.getByLabel('承認', { exact: true }).check();
    await approved.getByRole('button', { name: '決定を記録' }).click();
    await expect(approved.getByTestId('item-outcome')).toHaveText('承認');
    await expect(approved.getByTestId('decision-form')).toHaveCount(0);
    await expect(approved.getByTestId('request-status')).toHaveText('承認済み');

    await deferred.getByLabel('条件付き承認').check();
    await deferred.getByRole('button', { name: '決定を記録' }).click();
    await expect(deferred.getByText('承認の条件を入力してください。')).toBeVisible();
    await deferred.getByLabel('継続審議').check();
    await deferred.getByLabel('備考').fill('費用の精査が必要');
    await deferred.getByRole('button', { name: '決定を記録' }).click();
    await expect(deferred.getByTestId('item-outcome')).toHaveText('継続審議');
    await expect(deferred).toContainText('費用の精査が必要');
    await expect(page.locator('[data-testid="workflow-step"][data-state="current"]')).toContainText('会議録の送付');

    // The minutes: previewed from the gateway's Markdown, downloaded as PDF and Word.
    const preview = page.getByTestId('document-preview');
    await expect(preview).toHaveAttribute('data-kind', 'MINUTES');
    await expect(preview.getByRole('heading', { name: /会議録/ }).first()).toBeVisible();
    await expect(preview).toContainText('委員7名中5名出席（過半数4名）により会議は成立');
    await expect(preview).toContainText('継続審議');
    await expect(preview).toContainText(formatWareki(HELD_ON));
    await page.getByTestId('documents').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'meeting-minutes');

    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '会議録をPDFでダウンロード' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(await pdf.path())).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const docxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '次第をWordでダウンロード' }).click();
    const docx = await docxDownload;
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect((await readFile(await docx.path())).subarray(0, 2).toString('latin1')).toBe('PK');

    // Sent: the meeting closes and reads only.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: '会議録を送付' }).click();
    await expect(page.getByTestId('meeting-status')).toHaveText('送付済み');
    await expect(page.getByTestId('notice')).toContainText('会議録を送付しました');
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByTestId('minutes-sent-at')).toContainText('令和');
    await expect(page.locator('[data-testid="workflow-step"][data-state="done"]')).toHaveCount(5);
    await expect(page.getByRole('button', { name: '出席を記録' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '会議録を送付' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('meeting-status')).toHaveText('Minutes sent');
    await expect(page.getByRole('heading', { level: 2, name: 'Attendance', exact: true })).toBeVisible();
    await expect(approved.getByTestId('item-outcome')).toHaveText('Approved');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByTestId('meeting-status')).toHaveText('送付済み');

    // The list shows the meeting sent.
    await page.getByRole('navigation').getByRole('link', { name: '会議', exact: true }).click();
    const row = committee.getByTestId('meeting-row').filter({ has: page.locator(`a[href="${meetingUrl}"]`) });
    await expect(row.getByTestId('meeting-status')).toHaveText('送付済み');
    await expect(row).toContainText(formatWareki(HELD_ON));
    await saveScreenshot(page, 'meetings-list');
  });
});
