import { expect, test, type Page } from '@playwright/test';
import { pageGql as gql, saveScreenshot, signIn } from './helpers.ts';

// The dashboard (SPEC §6): what is due or overdue across the registers, as the API counts
// it (Kawasaki: check sheets of its using places, KWO-5-3, a finding and a form past its retention),
// the open incidents and the licence use of Minato (MNT-18-1), and the stop Kitami has announced.
// Nothing is changed: the spec only reads.

interface DueLine {
  key: string;
  label: { ja: string; en: string };
  due: number;
  overdue: number;
  ruleIds: string[];
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
}

const dueLine = (page: Page, key: string) => page.locator(`[data-testid="due-line"][data-key="${key}"]`);

test.describe('the dashboard', () => {
  test('Kawasaki: the due and overdue registers as the API counts them, each opening its list', async ({ page }) => {
    await signIn(page, { municipality: 'kawasaki', username: 'admin' });
    // The dashboard is first in the menu.
    await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link').first()).toHaveText('ダッシュボード');
    const api = await gql<{
      operationsDue: {
        at: string;
        summary: DueLine[];
        checkSheets: { orgUnitName: string; state: string }[];
        findings: { title: string }[];
        ledgerEntriesPastRetention: { formName: string }[];
      };
    }>(
      page,
      `{ operationsDue { at summary { key label { ja en } due overdue ruleIds } checkSheets { orgUnitName state } findings { title } ledgerEntriesPastRetention { formName } } }`,
    );
    const summary = api.operationsDue.summary;
    const sheets = summary.find((line) => line.key === 'check_sheets')!;
    expect(sheets.overdue).toBeGreaterThan(0);

    await openDashboard(page);
    const chart = page.getByTestId('due-summary');
    await expect(chart.getByTestId('due-line')).toHaveCount(summary.length);
    for (const line of summary) {
      const row = dueLine(page, line.key);
      await expect(row.getByRole('rowheader')).toHaveText(line.label.ja);
      await expect(row.getByTestId('due-overdue')).toHaveText(String(line.overdue));
      await expect(row.getByTestId('due-due')).toHaveText(String(line.due));
      for (const ruleId of line.ruleIds) await expect(row.locator(`[data-rule-id="${ruleId}"]`)).toBeVisible();
    }
    const totals = summary.reduce((sum, line) => ({ overdue: sum.overdue + line.overdue, due: sum.due + line.due }), { overdue: 0, due: 0 });
    // The chart is a table: its caption gives screen readers the totals.
    await expect(chart.locator('caption')).toContainText(`期限超過 ${totals.overdue}件・期限内（未了） ${totals.due}件`);

    // The check sheets line opens the using places that owe one, overdue first (KWO-5-3).
    const sheetRow = dueLine(page, 'check_sheets');
    const toggle = sheetRow.getByRole('button', { name: '点検シートの一覧を表示' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = sheetRow.getByTestId('due-list');
    await expect(list.locator('li').first()).toContainText('期限超過');
    await expect(list).toContainText(api.operationsDue.checkSheets[0]!.orgUnitName);
    await toggle.click();
    await expect(sheetRow.getByTestId('due-list')).toHaveCount(0);

    // The finding and the form past its retention.
    await dueLine(page, 'findings')
      .getByRole('button', { name: /一覧を表示/ })
      .click();
    await expect(dueLine(page, 'findings').getByTestId('due-list')).toContainText(api.operationsDue.findings[0]!.title);
    await dueLine(page, 'form_ledger')
      .getByRole('button', { name: /一覧を表示/ })
      .click();
    await expect(dueLine(page, 'form_ledger').getByTestId('due-list')).toContainText(api.operationsDue.ledgerEntriesPastRetention[0]!.formName);

    // In English, the labels the API gives.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(dueLine(page, 'check_sheets').getByRole('rowheader')).toHaveText(sheets.label.en);
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ダッシュボード' })).toBeVisible();
  });

  test('Minato: the open incidents and the licence use per system, with its text alternative', async ({ page }) => {
    await signIn(page, { municipality: 'minato', username: 'chief' });
    const api = await gql<{
      operationsDue: { summary: DueLine[] };
      openIncidents: { id: string; number: string; title: string; residentsAffected: boolean; system: { name: string } }[];
      licenceUse: {
        systemId: string;
        systemName: string;
        purchasedTotal: number;
        allocatedTotal: number;
        free: number;
        sections: { orgUnitId: string; count: number }[];
      }[];
    }>(
      page,
      `{ operationsDue { summary { key due overdue } }
         openIncidents { id number title residentsAffected system { name } }
         licenceUse { systemId systemName purchasedTotal allocatedTotal free sections { orgUnitId count } } }`,
    );
    expect(api.openIncidents.length).toBeGreaterThan(0);
    expect(api.licenceUse.length).toBeGreaterThan(0);

    await openDashboard(page);
    for (const line of api.operationsDue.summary) {
      await expect(dueLine(page, line.key).getByTestId('due-overdue')).toHaveText(String(line.overdue));
      await expect(dueLine(page, line.key).getByTestId('due-due')).toHaveText(String(line.due));
    }

    // Open incidents: number, title, system, status; each links to its page.
    const incidents = page.getByTestId('card-incidents');
    await expect(incidents.getByTestId('open-incident-count')).toHaveText(String(api.openIncidents.length));
    await expect(incidents.getByTestId('open-incident')).toHaveCount(api.openIncidents.length);
    for (const incident of api.openIncidents) {
      const item = incidents.getByTestId('open-incident').filter({ hasText: incident.number });
      await expect(item).toContainText(incident.title);
      await expect(item).toContainText(incident.system.name);
      await expect(item.getByTestId('incident-status')).toBeVisible();
      await expect(item).toContainText('令和');
      await expect(item.getByTestId('residents-affected')).toHaveCount(incident.residentsAffected ? 1 : 0);
      await expect(item.getByRole('link', { name: incident.number })).toHaveAttribute('href', `/incidents/${incident.id}`);
    }

    // Licence use (MNT-18-1): a stacked bar per system, spoken as a summary, with the table beneath.
    const charts = page.getByTestId('licence-chart');
    await expect(charts).toHaveCount(api.licenceUse.length);
    for (const use of api.licenceUse) {
      const chart = charts.filter({ hasText: use.systemName });
      await expect(chart.getByTestId('licence-summary')).toHaveText(
        `購入 ${use.purchasedTotal}・課の保有 ${use.allocatedTotal}（${use.sections.length}課）・空き ${use.free}`,
      );
      const bar = chart.getByRole('img');
      await expect(bar).toHaveAttribute(
        'aria-label',
        new RegExp(`購入${use.purchasedTotal}ライセンスのうち${use.sections.length}課が${use.allocatedTotal}を保有し、空きは${use.free}です`),
      );
      await expect(chart.locator('[data-rule-id="MNT-18-1"]')).toBeVisible();
      const table = chart.getByTestId('licence-table');
      await expect(table).toBeHidden();
      await chart.getByText('課別の内訳を表で表示').click();
      await expect(table).toBeVisible();
      await expect(table.locator('tbody tr')).toHaveCount(use.sections.length + 1); // every section, and the free ones
      await expect(table.locator('tfoot')).toContainText(String(use.purchasedTotal));
      // The largest sections are named; the 区民課 of each 地区総合支所 told apart.
      await expect(chart).toContainText('芝地区総合支所 区民課');
      await chart.getByText('課別の内訳を表で表示').click();
    }
    await expect(page.getByTestId('card-maintenance')).toContainText('現在、保守により停止しているシステムはありません。');
    await expect(page.getByTestId('card-maintenance')).not.toContainText('予定を読み込み中');
    await saveScreenshot(page, 'dashboard');

    // From the dashboard to the incident.
    const first = api.openIncidents[0]!;
    await incidents.getByRole('link', { name: first.title }).click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${first.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  });

  test('Kitami: the stop announced for next month is listed among the stops to come', async ({ page }) => {
    await signIn(page, { municipality: 'kitami', username: 'admin' });
    const { systems } = await gql<{ systems: { edges: { node: { id: string; name: string } }[] } }>(
      page,
      '{ systems(first: 20) { edges { node { id name } } } }',
    );
    const system = systems.edges[0]!.node;
    const { operatingCalendar } = await gql<{ operatingCalendar: { upcoming: { kind: string; reason: string; from: string }[] } }>(
      page,
      'query ($id: ID!) { operatingCalendar(systemId: $id) { upcoming { kind reason from } } }',
      { id: system.id },
    );
    const stop = operatingCalendar.upcoming.find((window) => window.kind === 'CLOSED');
    expect(stop, 'the demo data announces a stop').toBeTruthy();

    await openDashboard(page);
    const item = page.getByTestId('upcoming-stop').filter({ hasText: stop!.reason });
    await expect(item).toContainText(system.name);
    await expect(item).toContainText('令和');
    await expect(item.locator('[data-rule-id="KTM-15-2"]')).toBeVisible();
    await item.getByRole('link', { name: system.name }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${system.id}\\?tab=maintenance$`));
    await expect(page.getByTestId('maintenance-window').filter({ hasText: stop!.reason })).toContainText('周知済み');
  });
});
