import { expect, test } from '@playwright/test';
import { signIn } from './helpers.ts';

// viewer.permissions: the app offers only what the gateway will accept (it decides anyway).
test.describe('what the viewer may do', () => {
  test('Kitami: staff1 has no 監査ログ, アクセス判定 or 閲覧権限の説明 entry and no registry edits; admin has them', async ({ page }) => {
    await signIn(page, { municipality: 'kitami', username: 'staff1' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await expect(nav.getByRole('link', { name: '職員' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '取扱者指定' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '監査ログ' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'アクセス判定' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: '閲覧権限の説明' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /新規登録/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'CSV取込' })).toHaveCount(0);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await signIn(page, { municipality: 'kitami', username: 'admin' });
    await expect(nav.getByRole('link', { name: '監査ログ' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'アクセス判定' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '閲覧権限の説明' })).toBeVisible();
    await expect(page.getByRole('link', { name: /新規登録/ })).toBeVisible();
    await nav.getByRole('link', { name: '監査ログ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '監査ログ' })).toHaveAttribute('aria-current', 'page');
  });
});
