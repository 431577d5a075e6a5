import { expect, test } from '@playwright/test';
import { pageGql, signIn } from './helpers.ts';

// 規程対応表: how the product stands to every rule of the municipality's rulebooks. Kawasaki keeps
// two (KWW, KWO); KWO-6-1 (designating handlers) is decided by the product and filed as a user
// addition request.
interface Book {
  id: string;
  coverageSummary: { counts: { class: string; count: number }[]; executedOrRecordedPercent: number | null };
}

test.describe('rule coverage (規程対応表)', () => {
  test('Kawasaki: counts by class per rulebook, each rule with its class, filtered by class and rulebook', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    const { rulebooks } = await pageGql<{ rulebooks: Book[] }>(
      page,
      '{ rulebooks { id coverageSummary { counts { class count } executedOrRecordedPercent } } }',
    );
    const count = (book: string, cls: string) => rulebooks.find((b) => b.id === book)!.coverageSummary.counts.find((c) => c.class === cls)!.count;

    await page.getByRole('link', { name: '規程対応表' }).click();
    await expect(page).toHaveURL(/\/rules$/);
    await expect(page.getByRole('heading', { level: 1, name: '規程対応表' })).toBeVisible();

    // The counts, per rulebook, as the domain computed them.
    const kwo = page.getByTestId('rules-summary-row').and(page.locator('[data-book="KWO"]'));
    await expect(page.getByTestId('rules-summary-row')).toHaveCount(2);
    await expect(kwo.locator('[data-class="EXECUTED"]')).toHaveText(String(count('KWO', 'EXECUTED')));
    await expect(kwo.locator('[data-class="GAP"]')).toHaveText(String(count('KWO', 'GAP')));
    const percent = rulebooks.find((b) => b.id === 'KWO')!.coverageSummary.executedOrRecordedPercent!;
    await expect(kwo.getByTestId('rules-share')).toContainText(`${percent.toFixed(1)}%`);

    // A rule row: its class as a badge, and the request kind that acts on it.
    const designation = page.locator('[data-testid="rule-row"][data-rule="KWO-6-1"]');
    await expect(designation.getByTestId('rule-class')).toHaveText('判定');
    await expect(designation.getByRole('link', { name: 'ユーザ追加申請' })).toHaveAttribute('href', '/requests/new?kind=user_addition');

    // Only what no software acts on, in both rulebooks.
    await page.getByRole('combobox', { name: /^区分/ }).selectOption('NOT_SOFTWARE');
    await expect(page).toHaveURL(/\/rules\?class=NOT_SOFTWARE$/);
    const outside = count('KWO', 'NOT_SOFTWARE') + count('KWW', 'NOT_SOFTWARE');
    await expect(page.getByTestId('rule-row')).toHaveCount(outside);
    await expect(page.getByTestId('total-count')).toHaveText(`${outside}件`);
    await expect(page.locator('[data-testid="rule-row"]:not([data-class="NOT_SOFTWARE"])')).toHaveCount(0);
    await expect(designation).toHaveCount(0);

    // … of KWO only; the class filter stays.
    await page.getByRole('combobox', { name: /^規程/ }).selectOption('KWO');
    await expect(page).toHaveURL(/\/rules\?book=KWO&class=NOT_SOFTWARE$/);
    await expect(page.getByTestId('rule-row')).toHaveCount(count('KWO', 'NOT_SOFTWARE'));
    await expect(page.getByTestId('rule-row').first().getByTestId('rule-class')).toHaveText('対象外');
  });
});
