import { expect, test, type Page } from '@playwright/test';
import { DEMO, graphql, saveScreenshot, signIn } from './helpers.ts';

interface Person {
  displayName: string;
  employeeNumber: string;
}

/** Chooses a person in a staff picker by staff number (unique), checking the name shown. */
async function pickStaff(page: Page, label: string, person: Person) {
  const group = page.locator('.picker').filter({ hasText: label });
  await group.getByRole('searchbox').fill(person.employeeNumber);
  await group
    .getByRole('button', { name: new RegExp(person.displayName) })
    .first()
    .click();
  await expect(group.getByTestId('picked-staff')).toContainText(person.displayName);
}

test.describe('why can’t they see it?', () => {
  test('staff1 may not see another person’s personal phone (NO_RIGHT)', async ({ page, playwright }) => {
    // Who staff1 is, and a colleague, as staff1 sees the directory.
    const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
    let me: Person;
    let colleague: Person;
    try {
      const signedIn = await graphql(
        api,
        `mutation { signIn(municipality: "arakawa", username: "staff1", password: "${DEMO.password}") { viewer { staffId } } }`,
      );
      expect(signedIn.errors).toBeUndefined();
      const result = await graphql<{
        viewer: { staffId: string };
        staff: { edges: { node: Person & { id: string } }[] };
      }>(
        api,
        `
          {
            viewer {
              staffId
            }
            staff(first: 5) {
              edges {
                node {
                  id
                  displayName
                  employeeNumber
                }
              }
            }
          }
        `,
      );
      const viewerId = result.data!.viewer.staffId;
      const people = result.data!.staff.edges.map((edge) => edge.node);
      const self = await graphql<{ staffMember: Person }>(
        api,
        `
          query ($id: ID!) {
            staffMember(id: $id) {
              displayName
              employeeNumber
            }
          }
        `,
        { id: viewerId },
      );
      me = self.data!.staffMember;
      colleague = people.find((person) => person.id !== viewerId)!;
    } finally {
      await api.dispose();
    }

    await signIn(page);
    await page.getByRole('link', { name: 'アクセス判定' }).click();
    await page.getByRole('link', { name: /項目の閲覧可否を調べる/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'なぜ見えないのか' })).toBeVisible();

    await pickStaff(page, '閲覧する職員', me);
    await page.getByLabel(/^項目/).selectOption('personalPhone');
    await expect(page.getByLabel(/^情報資産/)).not.toHaveValue('');
    await pickStaff(page, '対象の職員', colleague);
    await page.getByRole('button', { name: '確認する' }).click();

    const result = page.getByTestId('explain-result');
    await expect(result).toBeVisible();
    await expect(result).toContainText('閲覧できません');
    await expect(page.getByTestId('explain-reason')).toHaveText('NO_RIGHT');
    for (const kind of ['OWNER', 'GRANT']) {
      await expect(result.locator(`[data-kind="${kind}"]`).first()).toBeVisible();
    }
    await expect(result.locator('[data-passed="true"]')).toHaveCount(0);
    await expect(page).toHaveURL(/field=personalPhone/);
    await expect(page).toHaveURL(/subject=/);

    // The same question about their own phone is allowed (SELF).
    await page.locator('.picker').filter({ hasText: '対象の職員' }).getByRole('button', { name: '変更' }).click();
    await pickStaff(page, '対象の職員', me);
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByTestId('explain-reason')).toHaveText('SELF');
  });

  test('the Arakawa digital section chief may see the resident-record system’s network layout', async ({ page }) => {
    await signIn(page);
    await page.goto('/access/explain');
    await pickStaff(page, '閲覧する職員', { displayName: '石川 浩二', employeeNumber: '石川' });
    await page.getByLabel(/^項目/).selectOption('networkDescription');
    await expect(page.getByLabel(/^情報資産/)).toHaveValue(/.+/);
    await page.getByLabel(/^対象のシステム/).selectOption({ label: '住民記録システム' });
    await page.getByRole('button', { name: '確認する' }).click();

    const result = page.getByTestId('explain-result');
    await expect(result).toContainText('閲覧できます');
    await expect(page.getByTestId('explain-reason')).toHaveText('OWNER');
    const owner = result.locator('[data-kind="OWNER"]');
    await expect(owner).toHaveAttribute('data-passed', 'true');
    await expect(owner).toContainText('デジタル推進課長');
    await expect(owner.locator('[data-rule-id="ARK-14-1"]')).toBeVisible();
    await saveScreenshot(page, 'explain');

    // The chief's own view of the system shows the protected layout.
    const chief = await page
      .context()
      .browser()!
      .newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1440, height: 900 } });
    try {
      const chiefPage = await chief.newPage();
      await signIn(chiefPage, { username: 'chief' });
      await chiefPage.goto('/systems?q=住民記録システム');
      await chiefPage.getByRole('link', { name: '住民記録システム', exact: true }).click();
      await chiefPage.getByRole('link', { name: 'セキュリティ・連絡網' }).click();
      await expect(chiefPage.getByTestId('network-description')).toContainText('VLAN');
      await expect(chiefPage.getByTestId('contact-network').first()).toBeVisible();
    } finally {
      await chief.close();
    }
  });
});
