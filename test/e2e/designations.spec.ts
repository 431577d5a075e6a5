import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, signIn } from './helpers.ts';

// Kawasaki ward offices (KWO): システム利用責任者 designate who handles 住民基本台帳・印鑑登録情報
// at their using place (KWO-5-1); someone outside their supervision needs the
// 情報資産管理責任者's prior permission (KWO-6). The demo data holds designations inside the
// 川崎区役所区民課長's supervision only. `admin` is a registry administrator, but neither a ward
// chief nor the asset manager, so it can neither designate nor permit: an outside-supervision
// designation is shown by adding one to the list the gateway returns, and permitting it goes to
// the real gateway, which refuses.
const PENDING_ID = '6f1b7c2e-0d4a-4c3e-9b8a-5e2d1f0a9c11';
const PERMITTED_ID = '6f1b7c2e-0d4a-4c3e-9b8a-5e2d1f0a9c12';

interface SeededDesignation {
  id: string;
  assetId: string;
  outsideSupervision: boolean;
  effective: boolean;
  ruleIds: string[];
  staff: { displayName: string; employeeNumber: string };
  permittedBy: { displayName: string } | null;
  orgUnit: { id: string };
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; messageJa?: string; ruleIds?: string[] } }[];
}

/** A GraphQL request from the signed-in page (its session cookie). */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    { query, variables },
  );
}

test.describe('handler designations (KWO-6)', () => {
  test('Kawasaki: the seeded designations are listed 有効 with their rule IDs', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    const seeded = await gql<{ designations: SeededDesignation[] }>(
      page,
      `{ designations { id assetId outsideSupervision effective ruleIds
          staff { displayName employeeNumber } permittedBy { displayName } orgUnit { id } } }`,
    );
    const designations = seeded.data!.designations;

    await page.getByRole('navigation').getByRole('link', { name: '取扱者指定' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '取扱者指定' })).toBeVisible();
    const rows = page.getByTestId('designation-row');
    await expect(rows).toHaveCount(designations.length);

    // Inside the chief's supervision: in force at once, on KWO-5-1 and KWO-6.
    expect(designations.length).toBeGreaterThan(0);
    const inside = page.locator('[data-testid="designation-row"][data-outside="false"]');
    const insideCount = designations.filter((d) => !d.outsideSupervision).length;
    await expect(inside).toHaveCount(insideCount);
    for (let i = 0; i < insideCount; i++) {
      const row = inside.nth(i);
      await expect(row.getByTestId('designation-state')).toHaveText('有効');
      await expect(row.locator('[data-rule-id="KWO-5-1"]')).toBeVisible();
      await expect(row.locator('[data-rule-id="KWO-6"]')).toBeVisible();
    }
    await expect(rows.first()).toContainText('住民基本台帳・印鑑登録情報');

    expect(designations.every((d) => d.effective)).toBe(true);
    // The asset filter lives in the URL.
    await page.getByRole('combobox', { name: /^情報資産/ }).selectOption(designations[0]!.assetId);
    await expect(page).toHaveURL(/[?&]asset=/);
    await expect(rows).toHaveCount(designations.filter((d) => d.assetId === designations[0]!.assetId).length);
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'designations');
  });

  test('Kawasaki admin: the designate form checks its input, and the gateway refuses a non-chief with KWO-2-4 and KWO-6', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    const seeded = await gql<{ designations: SeededDesignation[] }>(
      page,
      `{ designations { id assetId outsideSupervision effective ruleIds
          staff { displayName employeeNumber } permittedBy { displayName } orgUnit { id } } }`,
    );
    const example = seeded.data!.designations.find((d) => !d.outsideSupervision)!;

    await page.goto('/designations');
    await page.getByRole('button', { name: '＋ 取扱者を指定' }).click();
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: '取扱者の指定' }) });
    await form.getByRole('button', { name: '指定する' }).click();
    await expect(form.getByText('情報資産を選択してください。')).toBeVisible();
    await expect(form.getByText('取扱者を選択してください。')).toBeVisible();
    await expect(form.getByText('利用場所を選択してください。')).toBeVisible();

    await form.locator('select[name="assetId"]').selectOption(example.assetId);
    const picker = form.locator('.picker');
    await picker.getByRole('searchbox').fill(example.staff.employeeNumber);
    await picker
      .getByRole('button', { name: new RegExp(example.staff.displayName) })
      .first()
      .click();
    await form.locator('select[name="orgUnitId"]').selectOption(example.orgUnit.id);
    await form.getByRole('button', { name: '指定する' }).click();

    const refusal = page.getByTestId('failure');
    await expect(refusal).toContainText('この利用場所のシステム利用責任者だけが取扱者を指定できます。');
    await expect(refusal.locator('[data-rule-id="KWO-2-4"]')).toBeVisible();
    await expect(refusal.locator('[data-rule-id="KWO-6"]')).toBeVisible();
    await expect(page.getByTestId('designation-row')).toHaveCount(seeded.data!.designations.length);

    // Permitting is for the 情報資産管理責任者 alone; the gateway asks that before anything else.
    const permit = await gql<{ permitDesignation: { effective: boolean } }>(page, 'mutation ($id: ID!) { permitDesignation(id: $id) { effective } }', {
      id: example.id,
    });
    expect(permit.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      messageJa: '情報資産管理責任者だけがこの指定を許可できます。',
      ruleIds: ['KWO-2-2', 'KWO-6'],
    });
  });

  test('Kawasaki: an outside-supervision designation is 許可待ち until permitted, then 有効; permitting is refused to a non-manager', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    // The demo data may hold outside-supervision designations of its own (permitted, KWO-6).
    let seededOutside = 0;
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('DesignationsPage')) return route.continue();
      const response = await route.fetch();
      const json = (await response.json()) as { data: { designations: Record<string, unknown>[] } };
      const [base] = json.data.designations;
      seededOutside = json.data.designations.filter((designation) => designation.outsideSupervision === true).length;
      if (base) {
        const outside = { ...base, outsideSupervision: true, ruleIds: ['KWO-6'] };
        json.data.designations.push(
          { ...outside, id: PENDING_ID, effective: false, permittedBy: null, permittedAt: null },
          { ...outside, id: PERMITTED_ID, effective: true, permittedBy: base.designatedBy, permittedAt: base.validFrom },
        );
      }
      return route.fulfill({ response, json });
    });
    await page.goto('/designations');
    const outside = page.locator('[data-testid="designation-row"][data-outside="true"]');
    const pending = outside.and(page.locator(`[data-id="${PENDING_ID}"]`));
    const permitted = outside.and(page.locator(`[data-id="${PERMITTED_ID}"]`));
    await expect(pending).toBeVisible();
    await expect(outside).toHaveCount(seededOutside + 2);
    await expect(pending).toHaveAttribute('data-state', 'AWAITING_PERMISSION');
    await expect(permitted).toHaveAttribute('data-state', 'EFFECTIVE');
    await expect(pending.getByTestId('designation-state')).toHaveText('許可待ち');
    await expect(pending).toContainText('未許可');
    await expect(pending.locator('[data-rule-id="KWO-6"]')).toBeVisible();
    await expect(permitted.getByTestId('designation-state')).toHaveText('有効');
    await expect(permitted.getByRole('button', { name: '許可' })).toHaveCount(0);

    // Only the 情報資産管理責任者 permits (KWO-2-2, KWO-6): the gateway's refusal is shown as is.
    await pending.getByRole('button', { name: '許可' }).click();
    const refusal = page.getByTestId('failure');
    await expect(refusal).toContainText('情報資産管理責任者だけがこの指定を許可できます。');
    await expect(refusal.locator('[data-rule-id="KWO-2-2"]')).toBeVisible();
    await expect(refusal.locator('[data-rule-id="KWO-6"]')).toBeVisible();
    await page.unroute('**/graphql');
  });
});
