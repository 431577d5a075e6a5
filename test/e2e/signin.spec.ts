import { expect, test } from '@playwright/test';
import { DEMO, saveScreenshot, signIn } from './helpers.ts';

test.describe('sign-in', () => {
  test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.getByLabel('自治体').selectOption(DEMO.municipality);
    await page.getByLabel('ユーザー名').fill(DEMO.username);
    await page.getByLabel('パスワード').fill('not-the-password');
    await page.getByRole('button', { name: 'ログイン' }).click();

    await expect(page.getByRole('alert')).toContainText('自治体、ユーザー名またはパスワードが正しくありません。');
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByLabel('パスワード')).toHaveValue('');
    await saveScreenshot(page, 'signin-error');
  });

  test('signing in as the Arakawa administrator lands on the registry', async ({ page }) => {
    await page.goto('/signin');
    await saveScreenshot(page, 'signin');
    await signIn(page);

    const banner = page.getByRole('banner');
    await expect(banner).toContainText('荒川区');
    await expect(banner.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await expect(page.getByRole('link', { name: '台帳' })).toHaveAttribute('aria-current', 'page');
  });

  test('a signed-out visitor is sent to sign-in and returned to the page asked for', async ({ page }) => {
    await page.goto('/systems?q=%E4%BB%8B%E8%AD%B7');
    await expect(page).toHaveURL(/\/signin\?next=/);
    await page.getByLabel('自治体').selectOption(DEMO.municipality);
    await page.getByLabel('ユーザー名').fill(DEMO.username);
    await page.getByLabel('パスワード').fill(DEMO.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page).toHaveURL(/\/systems\?q=%E4%BB%8B%E8%AD%B7/);
    await expect(page.getByRole('searchbox')).toHaveValue('介護');
  });

  test('signing out returns to the sign-in page and the registry needs signing in again', async ({ page }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto('/systems');
    await expect(page).toHaveURL(/\/signin/);
  });
});
