import { expect, test } from '@playwright/test';
import { testCalendar } from '@tsukasa/domain/testing';
import { saveScreenshot, signIn } from './helpers.ts';

const T = testCalendar();

test.describe('staff directory and protected personal phone', () => {
  test('Arakawa staff1 sees their own personal phone, a colleague’s is hidden with the reason', async ({ page }) => {
    await signIn(page, { username: 'staff1' });
    const me = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { staffId displayName } }' }),
      });
      return ((await response.json()) as { data: { viewer: { staffId: string; displayName: string } } }).data.viewer;
    });

    // Their own record: the phone is shown, and the tenure timeline ends with 現在.
    await page.getByRole('link', { name: '職員', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '職員' })).toBeVisible();
    const family = me.displayName.split(' ')[0] ?? me.displayName;
    await page.getByRole('searchbox').fill(family);
    await page.getByRole('button', { name: '検索' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(family)}`));
    await page.getByRole('link', { name: me.displayName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: me.displayName })).toBeVisible();
    const phone = page.getByTestId('personal-phone');
    await expect(phone).toContainText(/\d{3}-\d{4}-\d{4}/);
    await expect(phone.getByTestId('hidden-field')).toHaveCount(0);
    await expect(page.getByRole('table').filter({ hasText: '発令日' })).toContainText('現在');
    await expect(page.getByRole('table').filter({ hasText: '発令日' })).toContainText('令和');

    // A colleague: the phone is withheld, with the reason and the way to the explainer.
    await page.goto('/staff');
    const colleague = page
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .filter({ hasNotText: me.displayName })
      .first()
      .getByRole('link')
      .first();
    const colleagueName = (await colleague.innerText()).trim();
    await colleague.click();
    await expect(page.getByRole('heading', { level: 1, name: colleagueName })).toBeVisible();
    const hidden = page.getByTestId('personal-phone').getByTestId('hidden-field');
    await expect(hidden).toBeVisible();
    await expect(hidden).toContainText('閲覧権限がありません');
    await expect(hidden).toHaveAttribute('data-reason', 'NO_RIGHT');
    await expect(hidden.locator('[data-rule-id]').first()).toBeVisible();
    // The explainer is for registry administrators (viewer.permissions.explainAccess): no なぜ？.
    await expect(hidden.getByRole('link', { name: /個人の電話番号が見えない理由/ })).toHaveCount(0);

    // The reason follows the language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(hidden).toContainText('Not permitted to view');
    await expect(hidden).toContainText('No right to see');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  test('the list keeps its search and org filter in the URL, and a detail page shows roles with rule chips', async ({ page }) => {
    await signIn(page, { municipality: 'kitami', username: 'chief' });
    await page.goto('/staff');
    const total = Number((await page.getByTestId('total-count').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(5);

    const org = page.getByLabel('所属');
    const section = await org
      .locator('option', { hasText: /窓口課$/ })
      .first()
      .getAttribute('value');
    await org.selectOption(section!);
    await expect(page).toHaveURL(/[?&]org=/);
    const filtered = Number((await page.getByTestId('total-count').innerText()).replace(/\D/g, ''));
    expect(filtered).toBeLessThan(total);
    await page.reload();
    await expect(page.getByLabel('所属')).not.toHaveValue('');

    // The 副統括管理者 acts as deputy of the 統括管理者 (KTM-3-6).
    const me = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { staffId } }' }),
      });
      return ((await response.json()) as { data: { viewer: { staffId: string } } }).data.viewer.staffId;
    });
    await page.goto(`/staff/${me}`);
    const roles = page.getByTestId('held-role');
    await expect(roles.filter({ hasText: '副統括管理者' })).toBeVisible();
    const deputy = roles.filter({ hasText: '代理' });
    await expect(deputy).toContainText('統括管理者');
    await expect(deputy).toContainText(/の代理/);
    const chip = deputy.locator('[data-rule-id="KTM-3-6"]');
    await expect(chip).toBeVisible();
    await chip.hover();
    await expect(deputy.getByRole('tooltip')).toContainText('第3条');
    await expect(page.getByTestId('staff-accounts')).toContainText('窓口支援システム');
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'staff-detail');
  });

  test('the 統括管理者’s absences (KTM-3-6): the one declared in the demo, and another declared from the staff page', async ({ page }) => {
    await signIn(page, { municipality: 'kitami', username: 'admin' });
    const director = await page.evaluate(async () => {
      const ask = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return ((await response.json()) as { data: T }).data;
      };
      const { positions } = await ask<{ positions: { id: string; name: string }[] }>('{ positions { id name } }');
      const position = positions.find((p) => p.name === '市民環境部長')!;
      const { positionAbsences } = await ask<{ positionAbsences: { current: { absentStaffId: string } } }>(
        'query($p: ID!) { positionAbsences(positionId: $p) { current { absentStaffId } } }',
        { p: position.id },
      );
      return positionAbsences.current.absentStaffId;
    });
    await page.goto(`/staff/${director}`);
    const panel = page.getByTestId('absence-panel');
    await expect(panel.getByRole('heading', { name: '市民環境部長の不在の届出' })).toBeVisible();
    await expect(panel).toContainText('事故があるときに限り');
    await expect(panel.locator('[data-rule-id="KTM-3-6"]').first()).toBeVisible();
    await expect(panel.getByTestId('absence-current')).toContainText('不在中');
    await expect(panel.getByTestId('absence-current')).toContainText('病気療養のため');

    // Another absence, after the demo's: declared, listed with who declared it.
    const from = T.monthStart(4);
    await panel.getByLabel(/^開始日/).fill(from);
    await panel.getByLabel(/^終了日/).fill(T.plusDays(from, 1));
    await panel.getByLabel(/^事由/).fill('出張中の事故のため');
    await panel.getByRole('button', { name: '不在を届け出る' }).click();
    await expect(panel.getByTestId('absence-notice')).toContainText('不在を届け出ました');
    await expect(panel.getByTestId('absence-row').filter({ hasText: '出張中の事故のため' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(panel.getByRole('heading', { name: 'Absences of the 市民環境部長' })).toBeVisible();
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
