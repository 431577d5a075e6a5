import { expect, test, type Page } from '@playwright/test';
import { DEMO, graphql, saveScreenshot, signIn } from './helpers.ts';

// Kitami: 窓口支援システム (KTM rulebook). The 副統括管理者 (chief, 窓口課長) acts as deputy of
// the 統括管理者 and administers its accounts. This spec changes only accounts of Kitami staff
// that no other spec looks at: 松田 修 (suspended) and 中島 秀樹 (suspended and reinstated).
const SYSTEM = '窓口支援システム';
const SUSPENDED_PERSON = '松田 修';
const BUMPED_PERSON = '中島 秀樹';
const REASON = '所属長からの申出により一時停止（端末の紛失）';

async function openAccounts(page: Page): Promise<string> {
  await page.goto(`/systems?q=${encodeURIComponent(SYSTEM)}`);
  await page.getByRole('link', { name: SYSTEM, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: SYSTEM })).toBeVisible();
  await page.getByRole('link', { name: /^アカウント/ }).click();
  await expect(page).toHaveURL(/tab=accounts/);
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

const row = (page: Page, name: string) => page.getByTestId('account-row').filter({ hasText: name });

test.describe('accounts of a system', () => {
  test('a user who does not administer the system sees no account actions, and the gateway refuses them with the rule IDs', async ({ page }) => {
    await signIn(page, { municipality: 'kitami', username: 'staff1' });
    await openAccounts(page);
    // System.viewerCanAdministerAccounts is false: no new / suspend / reinstate / end.
    await expect(row(page, BUMPED_PERSON)).toBeVisible();
    await expect(page.getByRole('button', { name: '＋ アカウント登録' })).toHaveCount(0);
    await expect(page.getByTestId('accounts-table').getByRole('button', { name: '停止' })).toHaveCount(0);
    await expect(page.getByTestId('accounts-table').getByRole('button', { name: '終了' })).toHaveCount(0);

    // The gateway decides anyway: with the flag forced on, acting is refused with its own
    // wording and the rule IDs.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('viewerCanAdministerAccounts')) return route.continue();
      const response = await route.fetch();
      const json = (await response.json()) as { data?: { system?: { viewerCanAdministerAccounts: boolean } } };
      if (json.data?.system) json.data.system.viewerCanAdministerAccounts = true;
      return route.fulfill({ response, json });
    });
    await page.reload();
    await row(page, BUMPED_PERSON).getByRole('button', { name: '停止' }).click();
    const dialog = page.getByRole('dialog');
    // Inline validation: the reason is required.
    await dialog.getByRole('button', { name: '停止' }).click();
    await expect(dialog.getByText('理由を入力してください。')).toBeVisible();
    await dialog.getByLabel(/^理由/).fill('確認のため');
    await dialog.getByRole('button', { name: '停止' }).click();
    const refusal = page.getByTestId('account-error');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('このシステムのアカウントを管理できるのは、システムの管理者だけです。');
    await expect(refusal.locator('[data-rule-id]').first()).toBeVisible();
    await expect(row(page, BUMPED_PERSON).getByTestId('account-status')).toHaveText('有効');
    await page.unroute('**/graphql');
  });

  test('the 副統括管理者, during the 統括管理者’s declared absence (KTM-3-6), suspends an account on the section head’s application; the access decision then refuses it as an ordinary revocation (KTM-10-1, KTM-10-3)', async ({
    page,
    playwright,
  }) => {
    await signIn(page, { municipality: 'kitami', username: 'chief' });
    const systemId = await openAccounts(page);

    // Someone else changes an account after the page was loaded: acting on it shows the conflict.
    const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
    try {
      await graphql(api, `mutation { signIn(municipality: "kitami", username: "admin", password: "${DEMO.password}") { viewer { staffId } } }`);
      const list = await graphql<{ accounts: { edges: { node: { id: string; version: number; staff: { displayName: string } } }[] } }>(
        api,
        `
          query ($s: ID!) {
            accounts(systemId: $s, first: 200) {
              edges {
                node {
                  id
                  version
                  staff {
                    displayName
                  }
                }
              }
            }
          }
        `,
        { s: systemId },
      );
      const bumped = list.data!.accounts.edges.find((edge) => edge.node.staff.displayName === BUMPED_PERSON)!.node;
      const suspended = await graphql<{ suspendAccount: { version: number } }>(
        api,
        `
          mutation ($id: ID!, $v: Int!) {
            suspendAccount(id: $id, version: $v, reason: "点検") {
              version
            }
          }
        `,
        { id: bumped.id, v: bumped.version },
      );
      expect(suspended.errors, JSON.stringify(suspended.errors)).toBeUndefined();
      const reinstated = await graphql(
        api,
        `
          mutation ($id: ID!, $v: Int!) {
            reinstateAccount(id: $id, version: $v) {
              version
            }
          }
        `,
        { id: bumped.id, v: suspended.data!.suspendAccount.version },
      );
      expect(reinstated.errors, JSON.stringify(reinstated.errors)).toBeUndefined();
    } finally {
      await api.dispose();
    }
    await row(page, BUMPED_PERSON).getByRole('button', { name: '停止' }).click();
    await page.getByRole('dialog').getByLabel(/^理由/).fill('確認のため');
    await page.getByRole('dialog').getByRole('button', { name: '停止' }).click();
    const banner = page.getByTestId('conflict-banner');
    await expect(banner).toContainText('他の利用者がこのアカウントを更新しました');
    await banner.getByRole('button', { name: '最新の状態を読み込む' }).click();
    await expect(banner).toHaveCount(0);

    // The suspension itself.
    await expect(row(page, SUSPENDED_PERSON).getByTestId('account-status')).toHaveText('有効');
    await row(page, SUSPENDED_PERSON).getByRole('button', { name: '停止' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(SUSPENDED_PERSON);
    await dialog.getByLabel(/^理由/).fill(REASON);
    // Kitami: not a privacy-law breach, so an ordinary revocation (KTM-10-1, KTM-10-3).
    await expect(dialog.getByTestId('suspension-ground').getByRole('checkbox')).not.toBeChecked();
    await expect(dialog.getByTestId('suspension-ground').locator('[data-rule-id="KTM-10-1"]')).toBeVisible();
    await dialog.getByRole('button', { name: '停止' }).click();
    await expect(page.getByRole('status')).toContainText('アカウントを停止しました。');
    await expect(row(page, SUSPENDED_PERSON).getByTestId('account-status')).toHaveText('停止中');
    await expect(row(page, SUSPENDED_PERSON)).toContainText(REASON);
    await expect(row(page, SUSPENDED_PERSON).getByRole('button', { name: '停止解除' })).toBeVisible();

    // New-account form: inline validation before anything is sent.
    await page.getByRole('button', { name: '＋ アカウント登録' }).click();
    await page.getByRole('button', { name: '登録', exact: true }).click();
    await expect(page.getByText('利用者を選択してください。')).toBeVisible();
    await expect(page.getByText('操作権限を入力してください。')).toBeVisible();
    await page.getByRole('button', { name: 'キャンセル' }).click();

    // Security information and the contact network of the system.
    await page.getByRole('link', { name: 'セキュリティ・連絡網' }).click();
    await expect(page.getByTestId('network-description')).toContainText('VLAN');
    await expect(page.getByTestId('contact-network')).toContainText('窓口支援システム緊急連絡体制');
    await expect(page.getByTestId('contact-network')).not.toContainText('判断者不在');

    await page.getByRole('link', { name: /^アカウント/ }).click();
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'accounts');

    // The integrator's view, as the registry administrator: refused, SUSPENDED. The section head asked for it
    // (no privacy-law breach): an ordinary revocation, KTM-10-1 and KTM-10-3, not KTM-10-4.
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await signIn(page, { municipality: 'kitami', username: 'admin' });
    await page.getByRole('link', { name: 'アクセス判定' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'このシステムを今使えるか' })).toBeVisible();
    const picker = page.locator('.picker');
    await picker.getByRole('searchbox').fill(SUSPENDED_PERSON.split(' ')[0]!);
    await picker
      .getByRole('button', { name: new RegExp(SUSPENDED_PERSON) })
      .first()
      .click();
    await page.getByLabel(/^システム/).selectOption({ label: SYSTEM });
    await page.getByRole('button', { name: '判定する' }).click();
    await expect(page).toHaveURL(/staff=.*system=/);

    const result = page.getByTestId('decision-result');
    await expect(result).toContainText('利用できません');
    const reason = result.locator('[data-code="SUSPENDED"]');
    await expect(reason).toBeVisible();
    await expect(reason).toContainText(REASON);
    await expect(reason.locator('[data-rule-id="KTM-10-1"]')).toBeVisible();
    await expect(reason.locator('[data-rule-id="KTM-10-4"]')).toHaveCount(0);
    await saveScreenshot(page, 'access-decision');
  });
});

test.describe('the arakawa contact networks', () => {
  test('a network with nobody who can decide is flagged 判断者不在', async ({ page }) => {
    await signIn(page, { username: 'chief' });
    await page.goto(`/systems?q=${encodeURIComponent('税務システム')}`);
    await page.getByRole('link', { name: '税務システム', exact: true }).click();
    await page.getByRole('link', { name: 'セキュリティ・連絡網' }).click();
    const network = page.getByTestId('contact-network').filter({ hasText: '税務システム緊急時連絡網' });
    await expect(network).toContainText('判断者不在');
  });
});
