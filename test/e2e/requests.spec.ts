import { expect, test, type Browser, type Page } from '@playwright/test';
import { saveScreenshot, signIn } from './helpers.ts';
import { testCalendar } from '@tsukasa/domain/testing';

/** Work recorded as done today (Japan time), whatever day the tests run. */
const TODAY = testCalendar().today;

// Requests filed through the generated form, decided by the right person through the inbox (and a
// committee's step by the committee's meeting).
// Only kinds whose approval changes nothing other specs rely on are filed here: a password reset
// (KTM-10-6, no effect on accounts) and a new system introduction that is rejected (ARK-12).

async function signedIn(browser: Browser, municipality: string, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { municipality, username });
  return page;
}

/** Opens the new-request screen and chooses a kind by its Japanese name. */
async function chooseKind(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: '申請', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申請一覧' })).toBeVisible();
  await page.getByRole('link', { name: '＋ 新しい申請' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新しい申請' })).toBeVisible();
  // The card's button reads the kind's name, then its paper form.
  await page
    .getByTestId('kind-card')
    .getByRole('button', { name: new RegExp(`^${name}\\s`) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** The rule IDs of every chip on the page. */
async function citedRules(page: Page): Promise<string[]> {
  return page.locator('main [data-rule-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule-id') ?? ''));
}

test.describe('the rules a municipality sees', () => {
  test('Minato’s request menu and forms cite MNT rules only, though the kinds are shared with other rulebooks', async ({ browser }) => {
    const staff = await signedIn(browser, 'minato', 'chief');
    await staff.getByRole('navigation').getByRole('link', { name: '申請', exact: true }).click();
    await staff.getByRole('link', { name: '＋ 新しい申請' }).click();
    await expect(staff.getByRole('heading', { level: 1, name: '新しい申請' })).toBeVisible();
    const addition = staff.getByTestId('kind-card').filter({ hasText: 'ユーザ追加申請' });
    await expect(addition.locator('[data-rule-id="MNT-10"]')).toBeVisible();
    const menu = await citedRules(staff);
    expect(menu.length).toBeGreaterThan(0);
    expect(menu.filter((id) => !id.startsWith('MNT-'))).toEqual([]);

    for (const name of ['ユーザ追加申請', 'システム改修の依頼', 'アクセス権限更新申請']) {
      await staff.goto('/requests/new');
      await staff
        .getByTestId('kind-card')
        .getByRole('button', { name: new RegExp(`^${name}\\s`) })
        .click();
      await expect(staff.getByRole('heading', { level: 2, name })).toBeVisible();
      await expect(staff.getByTestId('route-preview').locator('[data-rule-id]').first()).toBeVisible();
      const form = await citedRules(staff);
      expect(
        form.some((id) => id.startsWith('MNT-')),
        name,
      ).toBe(true);
      expect(
        form.filter((id) => !id.startsWith('MNT-')),
        name,
      ).toEqual([]);
    }
    await staff.context().close();
  });
});

test.describe('filing and deciding requests', () => {
  test('Kitami: a password reset filed through the generated form with its route previewed, performed by the 副統括管理者 from the inbox', async ({
    browser,
  }) => {
    const staff = await signedIn(browser, 'kitami', 'staff1');
    await chooseKind(staff, 'パスワード初期化');
    const preview = staff.getByTestId('route-preview');
    // Before anything is entered the preview already names who acts, and what is missing.
    await expect(preview.getByTestId('preview-step')).toHaveCount(1);
    await expect(preview.getByTestId('preview-step')).toContainText('パスワードの初期化');
    await expect(preview.getByTestId('preview-step')).toContainText('市民環境部長');
    await expect(preview.getByTestId('preview-step').getByTestId('step-kind')).toHaveText('実施');
    await expect(preview.locator('[data-rule-id="KTM-10-6"]').first()).toBeVisible();
    await expect(preview).toContainText('未入力: システム使用者（本人）');

    await staff.getByLabel('対象システム').selectOption({ label: '窓口支援システム' });
    await staff.getByRole('button', { name: '自分を選択' }).click();
    await expect(staff.getByTestId('picked-staff')).toContainText('渡辺 智子');
    await expect(preview.getByTestId('preview-verdict')).toHaveText(/この内容で申請できます/);
    await expect(preview).not.toContainText('未入力');
    await saveScreenshot(staff, 'request-new');

    await staff.getByRole('button', { name: '申請する' }).click();
    await expect(staff).toHaveURL(/\/requests\/[0-9a-f-]{36}/);
    await expect(staff.getByRole('heading', { level: 1, name: 'パスワード初期化' })).toBeVisible();
    await expect(staff.getByRole('status')).toContainText('申請しました');
    await expect(staff.getByTestId('request-status')).toHaveText('審査中');
    const number = (await staff.getByTestId('request-number').textContent())!.trim();
    expect(number).toMatch(/^R\d+-\d{6}$/);
    const requestUrl = staff.url();
    // The requester cannot take the step; the content reads with the field's label and the name.
    await expect(staff.getByTestId('decision-panel')).toHaveCount(0);
    await expect(staff.getByTestId('request-content')).toContainText('システム使用者（本人）');
    await expect(staff.getByTestId('request-content')).toContainText('渡辺 智子');

    // The 副統括管理者 acts for the 統括管理者 (KTM-3-6): the step is in their inbox.
    const chief = await signedIn(browser, 'kitami', 'chief');
    await chief
      .getByRole('navigation')
      .getByRole('link', { name: /受信箱/ })
      .click();
    const row = chief.getByTestId('awaiting-row').filter({ hasText: number });
    await expect(row).toContainText('パスワードの初期化');
    await expect(row).toContainText('渡辺 智子');
    await row.getByRole('link', { name: number }).click();
    const panel = chief.getByTestId('decision-panel');
    await expect(panel).toBeVisible();
    // A perform step: recorded as performed or returned, never approved or rejected.
    await expect(panel.getByRole('button')).toHaveText(['実施を記録する', '差し戻す']);
    await panel.getByLabel('対応内容').fill('初期パスワードを発行し、本人に手交した');
    await panel.getByLabel('作業完了日').fill(TODAY);
    await panel.getByLabel('コメント').fill('本人確認のうえ初期化しました。');
    await panel.getByRole('button', { name: '実施を記録する' }).click();
    await expect(chief.getByTestId('request-status')).toHaveText('承認済み');
    const step = chief.getByTestId('route-step').filter({ hasText: 'パスワードの初期化' });
    await expect(step.getByTestId('step-status')).toHaveText('実施済み');
    await expect(step.getByTestId('decided-by')).toContainText('長谷川 剛');
    await expect(step.getByTestId('decided-by')).toContainText('の代理');
    await expect(step).toContainText('初期パスワードを発行し、本人に手交した');
    await expect(step).toContainText(TODAY);
    await expect(chief.getByTestId('decision-panel')).toHaveCount(0);

    // The requester sees the outcome too.
    await staff.goto(requestUrl);
    await expect(staff.getByTestId('request-status')).toHaveText('承認済み');
    await staff.context().close();
    await chief.context().close();
  });

  test('Arakawa: a new system introduction is refused inline in Japanese and English, then filed and rejected by the 運営委員会 (却下)', async ({
    browser,
  }) => {
    test.setTimeout(120_000); // the committee's meeting is held through its pages
    const chief = await signedIn(browser, 'arakawa', 'chief');
    await chooseKind(chief, '電子情報システムの導入等の申請');
    // No system to choose: a new introduction concerns none yet.
    await expect(chief.getByLabel('対象システム')).toHaveCount(0);
    await chief.getByRole('button', { name: '申請する' }).click();
    await expect(chief.getByText('システム名（事務名）を入力してください。')).toBeVisible();
    await expect(chief.getByText('導入等の予定年度を入力してください。')).toBeVisible();
    await expect(chief.getByRole('alert').filter({ hasText: '入力内容を確認してください' })).toBeVisible();

    // The same errors in English, field by field.
    await chief.getByRole('button', { name: 'English' }).click();
    await expect(chief.getByText('System (or work) name is required.')).toBeVisible();
    await chief.getByLabel('Target fiscal year').fill('20x8');
    await expect(chief.getByText('Target fiscal year must be a whole number.')).toBeVisible();
    await chief.getByRole('button', { name: '日本語' }).click();
    await expect(chief.getByText('導入等の予定年度は整数で入力してください。')).toBeVisible();

    // A year whose deadline has passed: the gateway's refusal (ARK-12-2) lands on the field.
    await chief.getByLabel('システム名（事務名）').fill('書かない窓口システム（試行）');
    await chief.getByLabel('導入等の概要').fill('申請書の自動作成による来庁者の負担軽減');
    await chief.getByLabel('区民福祉の増進に寄与すること').check();
    await chief.getByLabel('行財政運営の効率化に寄与すること').check();
    await chief.getByLabel('保護法に定める個人情報の保護に適合すること').check();
    await chief.getByLabel('導入等の予定年度').fill('2027');
    await chief.getByLabel('必要性').fill('窓口の待ち時間の短縮');
    const preview = chief.getByTestId('route-preview');
    await expect(preview.getByTestId('preview-errors')).toContainText('申請期限');
    await expect(preview.getByTestId('preview-errors').locator('[data-rule-id="ARK-12-2"]')).toBeVisible();
    await chief.getByRole('button', { name: '申請する' }).click();
    const yearField = chief.locator('[data-field="targetFiscalYear"]');
    await expect(yearField.locator('.field-error')).toContainText('申請期限');

    // For the year after, the application is in time: due 31 August (令和9年8月31日).
    await chief.getByLabel('導入等の予定年度').fill('2028');
    await expect(preview.getByTestId('preview-verdict')).toHaveText(/この内容で申請できます/);
    await expect(preview).toContainText('令和9年8月31日');
    await expect(preview.getByTestId('preview-step')).toHaveCount(3);
    await expect(preview.getByTestId('preview-step').nth(1)).toContainText('電子情報システム運営委員会の可否の決定');
    await chief.getByRole('button', { name: '申請する' }).click();
    await expect(chief).toHaveURL(/\/requests\/[0-9a-f-]{36}/);
    const number = (await chief.getByTestId('request-number').textContent())!.trim();
    const requestUrl = chief.url();

    // The CIO gathers the papers, then the committee rejects it.
    const cio = await signedIn(browser, 'arakawa', 'cio');
    await cio.goto('/inbox');
    await cio.getByTestId('awaiting-row').filter({ hasText: number }).getByRole('link', { name: number }).click();
    await cio.getByTestId('decision-panel').getByRole('button', { name: '実施を記録する' }).click();
    await expect(cio.getByTestId('route-step').filter({ hasText: '資料の徴取' }).getByTestId('step-status')).toHaveText('実施済み');
    // The committee's step has no buttons, not even for its chair: the 運営委員会 decides at its meeting (ARK-12-4).
    const committeeStep = cio.getByTestId('route-step').filter({ hasText: '運営委員会' });
    await expect(committeeStep.getByTestId('committee-step')).toContainText('電子情報システム運営委員会が会議で決定します');
    await expect(cio.getByTestId('decision-panel')).toHaveCount(0);

    // The CIO, its chair, holds a meeting with this application on the agenda (the others wait for the
    // next one); every member attends, and the meeting rejects it.
    await cio.goto('/meetings');
    await cio
      .getByTestId('committee')
      .filter({ has: cio.getByRole('heading', { level: 2, name: '電子情報システム運営委員会' }) })
      .getByRole('link', { name: '＋ 新しい会議' })
      .click();
    await cio.getByLabel('開催日').fill(TODAY);
    await cio.getByLabel('場所').fill('本庁舎5階 庁議室');
    await cio.getByRole('button', { name: '会議を作成' }).click();
    await expect(cio).toHaveURL(/\/meetings\/[0-9a-f-]{36}/);
    const meetingPath = new URL(cio.url()).pathname;
    const item = cio.getByTestId('agenda-item').filter({ hasText: number });
    await expect(item).toContainText('書かない窓口システム（試行）');
    const others = cio.getByTestId('agenda-item').filter({ hasNotText: number });
    const dialog = cio.getByRole('dialog');
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
    cio.once('dialog', (confirm) => void confirm.accept());
    await cio.getByRole('button', { name: '議題を確定' }).click();
    await expect(cio.getByTestId('meeting-status')).toHaveText('議題確定');
    const members = cio.locator('[data-testid="attendee-row"][data-role="chair"], [data-testid="attendee-row"][data-role="member"]');
    await expect(members).toHaveCount(7);
    for (let index = 0; index < 7; index += 1) await members.nth(index).getByRole('checkbox').check();
    await cio.getByRole('button', { name: '出席を記録' }).click();
    await expect(cio.getByTestId('quorum')).toHaveAttribute('data-met', 'true');
    await item.getByLabel('否認', { exact: true }).check();
    await item.getByLabel('備考').fill('費用対効果が不十分');
    await item.getByRole('button', { name: '決定を記録' }).click();
    await expect(item.getByTestId('item-outcome')).toHaveText('否認');
    await expect(item.getByTestId('request-status')).toHaveText('却下');

    // The request is rejected; its route names the meeting and links to it, in Japanese and in English.
    await cio.goto(requestUrl);
    await expect(cio.getByTestId('request-status')).toHaveText('却下');
    await expect(committeeStep).toContainText('電子情報システム運営委員会において否認');
    await expect(committeeStep.getByTestId('committee-step')).toContainText('電子情報システム運営委員会が会議で決定しました。');
    await expect(committeeStep.getByTestId('committee-meeting-link')).toHaveAttribute('href', meetingPath);
    await cio.getByRole('button', { name: 'English' }).click();
    await expect(committeeStep.getByTestId('committee-step')).toContainText('Decided by the Electronic Information System Steering Committee at its meeting.');
    await cio.getByRole('button', { name: '日本語' }).click();

    // The applicant's list shows it 却下, and the status filter lives in the URL.
    await chief.goto('/requests?status=rejected');
    await expect(chief.getByTestId('request-row').filter({ hasText: number })).toContainText('却下');
    await chief.goto(requestUrl);
    await expect(chief.getByTestId('request-status')).toHaveText('却下');
    await expect(chief.getByRole('button', { name: '取り下げる' })).toHaveCount(0);
    await chief.context().close();
    await cio.context().close();
  });
});
