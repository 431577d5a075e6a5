import { expect, test } from '@playwright/test';
import { pageGql as gql, signIn } from './helpers.ts';

// 実施記録 on the dashboard: Kitami's maintenance contact network (KTM-14-3), last checked more than the
// municipality's interval ago in the demo data, is listed as overdue with its cadence, shown as the
// municipality's setting. Nothing is changed: the spec only reads.

test('Kitami: KTM-14-3 the overdue duty is listed under the chart, with the municipality’s cadence', async ({ page }) => {
  await signIn(page, { municipality: 'kitami', username: 'admin' });
  const { operationsDue } = await gql<{
    operationsDue: { dutyRecords: { overdue: number } | null; dutiesDue: { title: { ja: string }; state: string; cadence: { months: number } | null }[] };
  }>(page, '{ operationsDue { dutyRecords { overdue } dutiesDue { title { ja } state cadence { months } } } }');
  const [duty] = operationsDue.dutiesDue;
  expect(duty, 'the demo data leaves the contact network overdue').toMatchObject({ state: 'OVERDUE' });
  expect(operationsDue.dutyRecords!.overdue).toBe(1);

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ダッシュボード' }).click();
  const list = page.getByTestId('duties-due');
  const item = list.getByRole('listitem').filter({ hasText: duty!.title.ja });
  await expect(item).toContainText('期限超過');
  await expect(item).toContainText(`${duty!.cadence!.months}か月ごと（団体の設定）`);
  await expect(item.locator('[data-rule-id="KTM-14-3"]')).toBeVisible();
});
