import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, signIn } from './helpers.ts';

test.describe('CSV export and import', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('export downloads systems-YYYYMMDD.csv that starts with a BOM', async ({ page }) => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const download = await downloadPromise;

    expect(download.suggestedFilename()).toMatch(/^systems-\d{8}\.csv$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('住民記録システム');
  });

  test('importing shows a dry-run diff before anything is saved', async ({ page }) => {
    // Export the current registry, change one business content and add one new system.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const exported = (await readFile(await (await downloadPromise).path())).toString('utf8');

    const lines = exported.replace(/^\uFEFF/, '').split(/\r?\n/);
    const taxLine = lines.findIndex((line) => line.includes('税務システム'));
    expect(taxLine).toBeGreaterThan(0);
    const changed = [...lines];
    const marker = `課税・収納 ${Date.now()}`;
    changed[taxLine] = changed[taxLine]!.replace('税務事務', `税務事務（${marker}）`);
    const csv = `\uFEFF${changed.filter((line) => line !== '').join('\r\n')}\r\n`;

    await page.getByRole('link', { name: 'CSV取込' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'CSV取込' })).toBeVisible();
    await page.getByLabel('CSVファイル').setInputFiles({
      name: 'systems.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });

    const diff = page.getByTestId('import-diff');
    await expect(diff).toBeVisible();
    const taxRow = diff.locator('tr', { hasText: '税務システム' });
    await expect(taxRow).toContainText('更新');
    await expect(taxRow.locator('del')).toContainText('税務事務');
    await expect(taxRow.locator('ins')).toContainText(`税務事務（${marker}）`);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('更新 1件');
    await saveScreenshot(page, 'csv-import-diff');

    await page.getByRole('button', { name: '取り込む' }).click();
    await expect(page.getByRole('status')).toContainText('取り込みました');

    await page.goto('/systems?q=%E7%A8%8E%E5%8B%99%E3%82%B7%E3%82%B9%E3%83%86%E3%83%A0');
    await expect(page.locator('tbody')).toContainText(`税務事務（${marker}）`);
  });

  test('rows with errors block the import', async ({ page }) => {
    await page.goto('/systems/import');
    // The exported row of 住民記録システム with its name removed: a required field is missing.
    const [header, row] = await exportedLines(page, '住民記録システム');
    const csv = `${header}\r\n${row.replace('住民記録システム', '')}\r\n`;
    await page.getByLabel('CSVファイル').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const diff = page.getByTestId('import-diff');
    await expect(diff).toBeVisible();
    await expect(diff.locator('.field-error').first()).toBeVisible();
    await expect(page.getByRole('button', { name: '取り込む' })).toBeDisabled();
    await expect(page.getByText('エラーのある行があるため取り込めません。')).toBeVisible();
  });
});

/** Header and first data row of the registry CSV for one system, as the gateway exports it. */
async function exportedLines(page: Page, name: string): Promise<[string, string]> {
  const response = await page.request.post('/graphql', {
    data: {
      query: 'query ($filter: SystemFilter) { systemsCsv(filter: $filter) }',
      variables: { filter: { text: name } },
    },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { data: { systemsCsv: string } };
  const lines = body.data.systemsCsv.split(/\r?\n/);
  const row = lines.find((line) => line.includes(name));
  if (!lines[0] || !row) throw new Error(`No CSV row for ${name}`);
  return [lines[0], row];
}
