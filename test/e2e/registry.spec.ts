import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn } from './helpers.ts';

test.describe('system registry', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('lists the whole Arakawa registry with its count, 20 rows a page', async ({ page }) => {
    const count = page.getByTestId('total-count');
    await expect(count).toHaveText(/^\d+件$/);
    const total = Number((await count.textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThanOrEqual(100);
    await expect(page.locator('tbody tr')).toHaveCount(20);
    await expect(page.locator('tbody tr td:first-child a').first()).toBeVisible();
    await saveScreenshot(page, 'registry-list');
  });

  test('counts read as English in English: one system, several systems', async ({ page }) => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/systems?q=RPA');
    await expect(page.getByTestId('total-count')).toHaveText('1 system');
    await page.goto(`/systems?q=${encodeURIComponent('介護')}`);
    await expect(page.getByTestId('total-count')).toHaveText(/^\d+ systems$/);
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByTestId('total-count')).toHaveText(/^\d+件$/);
  });

  test('searching 介護 finds 介護保険システム and the URL keeps the search', async ({ page }) => {
    await page.getByRole('searchbox').fill('介護');
    await page.getByRole('button', { name: '検索' }).click();

    await expect(page).toHaveURL(/[?&]q=%E4%BB%8B%E8%AD%B7/);
    await expect(page.getByRole('link', { name: '介護保険システム', exact: true })).toBeVisible();
    const rows = page.locator('tbody tr');
    for (const text of await rows.allInnerTexts()) expect(text).toContain('介護');

    // The URL is the state: a reload shows the same list.
    await page.reload();
    await expect(page.getByRole('searchbox')).toHaveValue('介護');
    await expect(page.getByRole('link', { name: '介護保険システム', exact: true })).toBeVisible();
    await saveScreenshot(page, 'registry-search');
  });

  test('filters by lifecycle status and sorts by column, both in the URL', async ({ page }) => {
    await page.getByRole('checkbox', { name: '稼働中' }).check();
    await expect(page).toHaveURL(/[?&]status=IN_SERVICE/);
    await expect(page.getByRole('checkbox', { name: '稼働中' })).toBeChecked();

    await page.getByRole('button', { name: /^システム名/ }).click();
    await expect(page).toHaveURL(/[?&]sort=NAME&dir=DESC/);
    await expect(page.getByRole('columnheader', { name: /システム名/ })).toHaveAttribute('aria-sort', 'descending');
    await page.getByRole('button', { name: /^更新日/ }).click();
    await expect(page).toHaveURL(/[?&]sort=UPDATED_AT&dir=ASC/);
  });

  test('pages forward and back with cursors, also with the browser history', async ({ page }) => {
    const pager = page.getByRole('navigation', { name: 'ページ送り' });
    await expect(pager).toContainText('1–20件目');
    const firstName = page.locator('tbody tr td:first-child a').first();
    const firstOnPage1 = await firstName.innerText();

    await pager.getByRole('link', { name: /次へ/ }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    await expect(pager).toContainText('21–40件目');
    await expect(pager).toContainText('2ページ目');
    const firstOnPage2 = await firstName.innerText();
    expect(firstOnPage2).not.toBe(firstOnPage1);

    await pager.getByRole('link', { name: /次へ/ }).click();
    await expect(pager).toContainText('41–60件目');

    await pager.getByRole('link', { name: /前へ/ }).click();
    await expect(pager).toContainText('21–40件目');
    await expect(firstName).toHaveText(firstOnPage2);

    await page.goBack();
    await expect(pager).toContainText('41–60件目');
    await page.goBack();
    await page.goBack();
    await expect(pager).toContainText('1–20件目');

    await pager.getByLabel('表示件数').selectOption('50');
    await expect(page).toHaveURL(/[?&]size=50/);
    await expect(page.locator('tbody tr')).toHaveCount(50);
  });

  test('the detail page shows the system, its managing section and dates in 和暦', async ({ page }) => {
    await page.getByRole('searchbox').fill('介護保険システム');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: '介護保険システム', exact: true }).click();

    await expect(page).toHaveURL(/\/systems\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: '介護保険システム' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('介護保険業務');
    await expect(main).toContainText('介護保険課');
    await expect(main.locator('time').first()).toHaveText(/^令和\d+年\d+月\d+日|^令和元年/);
    await saveScreenshot(page, 'system-detail');

    // English keeps the Western date first and 和暦 beside it.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(main).toContainText('Business content');
    await expect(main.locator('time').first()).toContainText('令和');
    await expect(main.locator('time').first()).toHaveText(/^\d{1,2} \w{3} \d{4}/);
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
