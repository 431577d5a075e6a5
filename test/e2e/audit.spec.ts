import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { DEMO, graphql, openSystem, saveScreenshot, signIn } from './helpers.ts';

/** A day some weeks ahead in Japan, as YYYY-MM-DD. */
function daysAhead(days: number, now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Creates a meeting of a committee and cancels it again (so that it takes no business from the
 * meetings other tests hold), as the committee's secretariat or chair. Returns its id.
 */
async function createAndCancelMeeting(api: APIRequestContext, committeeKey: string, place: string): Promise<string> {
  const committees = await graphql<{ committees: { id: string; key: string }[] }>(api, '{ committees { id key } }');
  expect(committees.errors, JSON.stringify(committees.errors)).toBeUndefined();
  const committee = committees.data!.committees.find((c) => c.key === committeeKey);
  expect(committee, committeeKey).toBeTruthy();
  const created = await graphql<{ createMeeting: { id: string } }>(api, 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
    input: { committeeId: committee!.id, heldOn: daysAhead(40), startTime: '10:00', endTime: '11:00', place },
  });
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  const id = created.data!.createMeeting.id;
  const cancelled = await graphql(api, 'mutation ($id: ID!) { cancelMeeting(meetingId: $id, reason: "監査ログの確認のため") { id } }', { id });
  expect(cancelled.errors, JSON.stringify(cancelled.errors)).toBeUndefined();
  return id;
}

test.describe('audit log (MNT-19-3 monitoring)', () => {
  test('the Arakawa administrator filters reads, opens an entry and exports CSV with a BOM', async ({ page, playwright }) => {
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

    // One request reading several protected records is one event naming them all: the digital
    // section chief reads the phones of the contractors' people.
    const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
    let read: string[];
    let reader: string;
    try {
      await graphql(api, `mutation { signIn(municipality: "arakawa", username: "chief", password: "${DEMO.password}") { viewer { staffId } } }`);
      const result = await graphql<{
        viewer: { displayName: string };
        contractors: { people: { id: string; phone: string | null }[] }[];
      }>(api, '{ viewer { displayName } contractors { people { id phone } } }');
      reader = result.data!.viewer.displayName;
      read = result
        .data!.contractors.flatMap((contractor) => contractor.people)
        .filter((person) => person.phone)
        .map((person) => person.id);
    } finally {
      await api.dispose();
    }
    expect(read.length).toBeGreaterThan(1);
    await page.goto('/audit?action=read&ttype=contractor_person');
    const several = page
      .getByTestId('audit-row')
      .filter({ has: page.getByTestId('audit-target-count') })
      .first();
    await expect(several.getByTestId('audit-target-count')).toHaveText(/^\d+件の記録$/);
    const count = Number((await several.getByTestId('audit-target-count').innerText()).replace(/\D/g, ''));
    expect(count).toBeGreaterThanOrEqual(read.length);
    await expect(several).toContainText('phone');
    // The actor is named by the event itself.
    await expect(several.getByRole('link', { name: reader })).toBeVisible();
    await several.getByRole('button', { name: '詳細' }).click();
    const targets = page.getByTestId('audit-targets');
    await expect(targets.getByRole('listitem')).toHaveCount(count);
    for (const id of read) await expect(targets).toContainText(id);
    await page.getByRole('button', { name: '閉じる' }).click();

    await page.goto('/audit?action=read');
    await page.mouse.move(0, 0);
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

  // The log must open whatever ran before it: here a meeting is created first (its event cites the
  // committee's rules and the rules of its cadence, which overlap) and the log then shows it.
  test('a meeting created before the log is opened is listed with each of its rules once', async ({ page, playwright }) => {
    for (const [municipality, username, committeeKey, place, rule] of [
      ['arakawa', 'admin', 'ark.committee.steering', '本庁舎5階 庁議室', 'ARK-19-1'],
      ['minato', 'chief', 'mnt.committee.monthly-report', '本庁舎6階 保健福祉課会議室', 'MNT-9-2'],
    ] as const) {
      const api = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
      let meetingId: string;
      try {
        const signedIn = await graphql(
          api,
          `
            mutation ($m: String!, $u: String!, $p: String!) {
              signIn(municipality: $m, username: $u, password: $p) {
                viewer {
                  staffId
                }
              }
            }
          `,
          { m: municipality, u: username, p: DEMO.password },
        );
        expect(signedIn.errors, JSON.stringify(signedIn.errors)).toBeUndefined();
        meetingId = await createAndCancelMeeting(api, committeeKey, place);
      } finally {
        await api.dispose();
      }

      await page.context().clearCookies();
      await signIn(page, { municipality, username: 'admin' });
      await page.getByRole('navigation').getByRole('link', { name: '監査ログ' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
      await expect(page.getByTestId('audit-row').first()).toBeVisible();

      await page.goto(`/audit?action=meeting.create&tid=${meetingId}`);
      const row = page.locator('[data-testid="audit-row"][data-action="meeting.create"]');
      await expect(row).toHaveCount(1);
      const chips = await row.locator('[data-rule-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule-id')));
      expect(chips).toContain(rule);
      expect(new Set(chips).size).toBe(chips.length);
      await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
    }

    // Whatever an answer holds, a rule cited twice is one chip and the page stands.
    await page.route('**/graphql', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data?: { auditEvents?: { nodes: { ruleIds: string[] }[] } } };
      for (const node of body.data?.auditEvents?.nodes ?? []) node.ruleIds = [...node.ruleIds, ...node.ruleIds];
      await route.fulfill({ response, json: body });
    });
    await page.goto('/audit?action=meeting.create');
    await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
    const first = page.getByTestId('audit-row').first();
    await expect(first.locator('[data-rule-id]').first()).toBeVisible();
    const doubled = await first.locator('[data-rule-id]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule-id')));
    expect(new Set(doubled).size).toBe(doubled.length);
    await page.unroute('**/graphql');
  });

  test('an ordinary member of staff has no audit log entry, and the gateway says why it refuses', async ({ page }) => {
    await signIn(page, { username: 'staff1' });
    await expect(page.getByRole('navigation').getByRole('link', { name: '監査ログ' })).toHaveCount(0);
    await page.goto('/audit');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('監査ログを参照できるのは、アクセス記録を監視する職員だけです。');
  });
});
