import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.ts';

// Every date the admin app shows has both calendars, the same way on every page: in Japanese the
// 和暦 first with the Western date beside it, in English the Western date first with the 和暦 beside it.

const WAREKI = /(令和|平成)(元|\d+)年\d+月\d+日/;
const WESTERN_JA = /\d{4}\/\d{2}\/\d{2}/;
const WESTERN_EN = /\d{1,2} [A-Z][a-z]{2} \d{4}/;

/** The dates on the page (once it shows its heading), each as its leading text and the text beside it. */
async function datesOn(page: Page, required: boolean): Promise<{ primary: string; secondary: string }[]> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (required) await expect(page.locator('main time').first()).toBeVisible();
  return page.locator('main time').evaluateAll((elements) =>
    elements.map((element) => {
      const secondary = element.querySelector('[data-testid="date-secondary"]')?.textContent ?? '';
      return { primary: (element.textContent ?? '').slice(0, (element.textContent ?? '').length - secondary.length), secondary };
    }),
  );
}

/** Pages whose demo data always has dates, then pages that may have none yet. */
const PAGES: [string, boolean][] = [
  ['/systems', true],
  ['/audit', true],
  ['/dashboard', false],
  ['/requests', false],
  ['/incidents', false],
  ['/inbox', false],
];

test.describe('dates in both calendars', () => {
  test('the registry, the audit log and the other lists show 和暦 with the Western date beside it, and the other way round in English', async ({ page }) => {
    await signIn(page);
    for (const [path, required] of PAGES) {
      await page.goto(path);
      const dates = await datesOn(page, required);
      for (const date of dates) {
        expect(date.primary, path).toMatch(new RegExp(`^${WAREKI.source}`));
        expect(date.secondary, path).toMatch(new RegExp(`^（${WESTERN_JA.source}）$`));
      }
    }

    // The registry list's 更新日 column: 令和… beside 20…/…/…, and a system's own dates.
    await page.goto('/systems');
    const updated = page.getByRole('row').nth(1).locator('time');
    await expect(updated).toHaveText(new RegExp(`^${WAREKI.source}（${WESTERN_JA.source}）$`));
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await expect(page).toHaveURL(/\/systems\/[0-9a-f-]{36}$/);
    for (const date of await datesOn(page, true)) {
      expect(date.primary).toMatch(new RegExp(`^${WAREKI.source}`));
      expect(date.secondary).toMatch(new RegExp(`^（${WESTERN_JA.source}）$`));
    }

    await page.getByRole('button', { name: 'English' }).click();
    for (const [path, required] of PAGES) {
      await page.goto(path);
      const dates = await datesOn(page, required);
      for (const date of dates) {
        expect(date.primary, path).toMatch(new RegExp(`^${WESTERN_EN.source}`));
        expect(date.secondary, path).toMatch(new RegExp(`^ \\(${WAREKI.source}\\)$`));
      }
    }
    await page.getByRole('button', { name: '日本語' }).click();
  });

  test('the audit log can lead with the Western date, the 和暦 then beside it', async ({ page }) => {
    await signIn(page);
    await page.goto('/audit?western=1');
    const dates = await datesOn(page, true);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) {
      expect(date.primary).toMatch(new RegExp(`^${WESTERN_JA.source} \\d{2}:\\d{2}:\\d{2}$`));
      expect(date.secondary).toMatch(new RegExp(`^（${WAREKI.source}）$`));
    }
  });
});
