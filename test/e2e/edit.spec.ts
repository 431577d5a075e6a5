import { expect, test } from '@playwright/test';
import { graphql, openSystem, saveScreenshot, signIn, signInApi } from './helpers.ts';

test.describe('editing a system', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('an empty name is refused inline, in Japanese then English, and nothing is saved', async ({ page }) => {
    const id = await openSystem(page, '国民年金システム');
    const version = await page.getByTestId('system-version').innerText();
    await page.getByRole('link', { name: '編集' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'システムの編集' })).toBeVisible();

    const name = page.getByLabel(/^システム名/);
    await name.fill('');
    await name.blur();
    await expect(page.getByText('システム名を入力してください。').first()).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('alert')).toContainText('入力内容を確認してください');
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/edit$`));
    await saveScreenshot(page, 'system-edit-validation');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByText('Enter the system name.').first()).toBeVisible();
    await expect(page.getByText('システム名を入力してください。')).toHaveCount(0);
    await saveScreenshot(page, 'system-edit-validation-en');
    await page.getByRole('button', { name: '日本語' }).click();

    // Nothing reached the gateway: the stored system is unchanged.
    await page.goto(`/systems/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: '国民年金システム' })).toBeVisible();
    await expect(page.getByTestId('system-version')).toHaveText(version);
  });

  test('a valid edit is saved and shown on the detail page', async ({ page }) => {
    const id = await openSystem(page, '貸付システム');
    const before = Number(await page.getByTestId('system-version').innerText());
    await page.getByRole('link', { name: '編集' }).click();

    const business = page.getByLabel(/^業務内容/);
    await business.fill('資金貸付事務（償還管理を含む）');
    await page.getByLabel('状態').selectOption('UNDER_CHANGE');
    await page.getByRole('button', { name: '保存' }).click();

    await expect(page).toHaveURL(new RegExp(`/systems/${id}$`));
    const main = page.getByRole('main');
    await expect(main).toContainText('資金貸付事務（償還管理を含む）');
    await expect(main).toContainText('改修中');
    await expect(page.getByTestId('system-version')).toHaveText(String(before + 1));
  });

  test('saving over someone else’s change shows the conflict banner', async ({ page, browser }) => {
    const id = await openSystem(page, '私立幼稚園システム');
    const version = Number(await page.getByTestId('system-version').innerText());
    await page.getByRole('link', { name: '編集' }).click();
    await page.getByLabel(/^業務内容/).fill('私立幼稚園事務（私の変更）');

    // Another administrator saves first, from their own session.
    const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    try {
      await signInApi(other.request);
      const result = await graphql<{ updateSystem: { version: number } }>(
        other.request,
        `
          mutation ($input: UpdateSystemInput!) {
            updateSystem(input: $input) {
              version
            }
          }
        `,
        { input: { id, version, businessContent: '私立幼稚園事務（他の利用者の変更）' } },
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data?.updateSystem.version).toBe(version + 1);
    } finally {
      await other.close();
    }

    await page.getByRole('button', { name: '保存' }).click();
    const banner = page.getByTestId('conflict-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('他の利用者がこのシステムを更新しました');
    await expect(banner).toContainText('私立幼稚園事務（私の変更）');
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/edit$`));
    await saveScreenshot(page, 'stale-edit-conflict');

    await banner.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
    await expect(page.getByLabel(/^業務内容/)).toHaveValue('私立幼稚園事務（他の利用者の変更）');
  });
});
