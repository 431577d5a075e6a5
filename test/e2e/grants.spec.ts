import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn } from './helpers.ts';

test.describe('viewing grants', () => {
  test('Kawasaki: a grant approved by two of its four owners shows 一部承認 and 2/4, who approved and its history', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    await page.getByRole('link', { name: '閲覧権限', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '閲覧権限' })).toBeVisible();
    const pending = page.getByTestId('grant-row').filter({ hasText: '窓口での介護保険資格の確認' });
    await expect(pending).toContainText('一部承認');
    await expect(pending).toContainText('承認 2/4');
    // Since when and by whom: the second approval, by its approver, who is named under the owner.
    const changed = pending.getByTestId('grant-state-changed');
    await expect(changed.locator('time')).toHaveCount(1);
    await expect(pending.locator('.owners li.done .approved-by')).toHaveCount(2);
    await pending.getByText('経過').click();
    await expect(pending.locator('.history li')).toHaveCount(3);
    await expect(pending.locator('.history li').first()).toContainText('申請');
    await expect(pending.locator('.history li').nth(1)).toContainText('承認');
    // Names come with the grant: the asset, the grantee and the four owner positions.
    await expect(pending.getByRole('cell').first()).toHaveText('介護保険業務に関する情報資産');
    await expect(pending.locator('.owners li')).toHaveCount(4);
    await expect(pending).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The administrator is not an owner: Grant.viewerCanApprove is false, so no 承認.
    await expect(pending.getByRole('button', { name: '承認' })).toHaveCount(0);
    const active = page.getByTestId('grant-row').filter({ hasText: '介護保険システムの改修に伴うデータ確認' });
    await expect(active).toContainText('有効');

    // The state filter lives in the URL.
    await page.getByLabel('状態').selectOption('PARTLY_APPROVED');
    await expect(page).toHaveURL(/state=PARTLY_APPROVED/);
    await expect(page.getByTestId('grant-row')).toHaveCount(1);
    await page.getByLabel('状態').selectOption('');

    // The request form checks its input before sending anything.
    await page.getByRole('button', { name: '＋ 閲覧権限を申請' }).click();
    await page.getByRole('button', { name: '申請する' }).click();
    await expect(page.getByText('情報資産を選択してください。')).toBeVisible();
    await expect(page.getByText('閲覧する職員を選択してください。')).toBeVisible();
    await expect(page.getByText('目的を入力してください。')).toBeVisible();
    await saveScreenshot(page, 'grants');
  });
});
