import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openSystem, saveScreenshot, signIn } from './helpers.ts';

test.describe('audit log (MNT-19-3 monitoring)', () => {
  test('the Arakawa administrator filters reads, opens an entry and exports CSV with a BOM', async ({ page }) => {
    await signIn(page);
    // A protected read to monitor: the administrator holds a grant for the system security data.
    await openSystem(page, '住民記録システム');
    await page.getByRole('link', { name: 'セキュリティ・連絡網' }).click();
    await expect(page.getByTestId('network-description')).toContainText('VLAN');

    await page.getByRole('link', { name: '監査ログ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
    await expect(page.getByTestId('audit-lead')).toContainText('MNT-19-3');

    await page.getByLabel('操作（前方一致）').fill('read');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await expect(page).toHaveURL(/[?&]action=read/);
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toBeVisible();
    const actions = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((action) => action?.startsWith('read'))).toBe(true);
    await expect(rows.filter({ hasText: 'networkDescription' }).first()).toBeVisible();
    await expect(rows.first()).toContainText('令和');

    // The URL holds the filter: a reload shows the same list.
    await page.reload();
    await expect(page.getByLabel('操作（前方一致）')).toHaveValue('read');
    await expect(rows.first()).toBeVisible();

    // Western dates on request.
    await page.getByLabel('西暦で表示').check();
    await expect(page).toHaveURL(/western=1/);
    await expect(rows.first()).toContainText(/20\d\d\/\d\d\/\d\d/);
    await page.getByLabel('西暦で表示').uncheck();

    await saveScreenshot(page, 'audit-log');

    // Detail drawer with the JSON of a change (an edit elsewhere in the log).
    await page.goto('/audit?action=auth.');
    await page.getByTestId('audit-row').first().getByRole('button', { name: '詳細' }).click();
    const detail = page.getByTestId('audit-detail');
    await expect(detail).toBeVisible();
    await expect(detail).toContainText('ハッシュ');
    await page.getByRole('button', { name: '閉じる' }).click();
    await expect(detail).toHaveCount(0);

    await page.goto('/audit?action=read');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-\d{8}\.csv$/);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\n')[0]).toContain('操作者');
    expect(text).toContain('networkDescription');
  });

  test('an ordinary member of staff may not read the audit log', async ({ page }) => {
    await signIn(page, { username: 'staff1' });
    await page.goto('/audit');
    await expect(page.getByRole('alert')).toContainText('この操作を行う権限がありません。');
  });
});
