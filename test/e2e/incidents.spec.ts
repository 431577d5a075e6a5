import { expect, test, type Browser, type Page } from '@playwright/test';
import { openSystem, pageGql as gql, saveScreenshot, signIn } from './helpers.ts';

// Incidents and maintenance windows of Minato's 福祉総合システム (SPEC §6):
// - the 保健福祉課長 (minato/chief, MNT-22-1) reports an incident (第8号様式): the continuation notice
//   goes to every using section (MNT-22-4) and, residents being affected, the 情報政策課長 is consulted
//   (MNT-22-2); he logs an ETA while recovering;
// - the システム総括担当者 (minato/admin, acting for the 保健福祉課長, MNT-6-4) records the resolution —
//   the notice of resolution goes out — and the post-incident analysis; having recorded the
//   resolution, he does not confirm it (MNT-22-3); the 保健福祉課長 does;
// - a stop planned inside the operating hours (MNT-15-1) comes back with its warning, is announced to
//   the using sections (MNT-15-2) and cancelled, so nothing other specs rely on changes.

async function signedIn(browser: Browser, municipality: string, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { municipality, username });
  return page;
}

/** The value of an <input type="datetime-local"> for an instant, in Japan time. */
function localInput(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Tomorrow in Japan, at a local time (HH:MM). */
function tomorrowAt(time: string): string {
  return `${localInput(new Date(Date.now() + 86_400_000)).slice(0, 10)}T${time}`;
}

const SYSTEM = '福祉総合システム';

test.describe('incidents', () => {
  test('Minato 福祉総合システム: from the report of occurrence to the confirmed resolution (MNT-22)', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signIn(page, { municipality: 'minato', username: 'chief' });
    const { systems } = await gql<{ systems: { edges: { node: { id: string; name: string; usingOrgUnits: { id: string }[] } }[] } }>(
      page,
      '{ systems(first: 50) { edges { node { id name usingOrgUnits { id } } } } }',
    );
    const system = systems.edges.map((edge) => edge.node).find((node) => node.name === SYSTEM)!;
    const sections = system.usingOrgUnits.length;
    expect(sections).toBe(20);

    // The report form checks itself field by field; the gateway checks the rest.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '障害', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '障害' })).toBeVisible();
    await page.getByRole('link', { name: '＋ 障害を報告' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '障害を報告' })).toBeVisible();
    await page.getByLabel('システム').selectOption({ label: SYSTEM });
    await page.getByLabel('障害の内容').fill('介護保険の決定通知書が出力できない。窓口での交付に支障が出ている。');
    await page.getByLabel('重大（業務に支障）').check();
    await page.getByLabel('市民（区民）への影響がある').check();
    await page.getByRole('button', { name: '報告する' }).click();
    await expect(page.getByText('件名を入力してください。')).toBeVisible();
    await expect(page.getByLabel('件名')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('件名')).toBeFocused();
    await page.getByLabel('件名').fill('帳票出力の障害（e2e）');
    await expect(page.getByText('件名を入力してください。')).toHaveCount(0);
    // An occurrence in the future: the gateway's field error, next to its field.
    await page.getByLabel('発生日時').fill(tomorrowAt('10:00'));
    await page.getByRole('button', { name: '報告する' }).click();
    await expect(page.getByText('発生日時に未来の日時は指定できません。')).toBeVisible();
    await expect(page.getByLabel('発生日時')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('発生日時').fill(localInput(new Date(Date.now() - 40 * 60_000)));
    await page.getByLabel('縮退運転の内容').fill('帳票出力を停止し、照会業務のみで運用');
    await page.getByRole('button', { name: '報告する' }).click();

    // The incident: its notices to every using section, the consultation, the contact network.
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}(\?reported=1)?$/);
    const incidentUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId('notice')).toContainText('障害の発生を記録し、利用課へ継送連絡を送りました。');
    await expect(page.getByRole('heading', { level: 1, name: '帳票出力の障害（e2e）' })).toBeVisible();
    await expect(page.getByTestId('incident-number')).toHaveText(/^INC-R\d+-\d{4}$/);
    const number = (await page.getByTestId('incident-number').textContent())!;
    await expect(page.getByTestId('incident-status').first()).toHaveText('発生報告');
    await expect(page.getByTestId('incident-severity').first()).toHaveText('重大（業務に支障）');
    await expect(page.getByTestId('residents-affected').first()).toBeVisible();
    await expect(page.getByTestId('incident-system')).toHaveText(SYSTEM);
    await expect(page.getByTestId('incident-occurred')).toContainText('令和');
    const notices = page.getByTestId('incident-notices');
    await expect(notices.locator('[data-testid="notice-count"][data-kind="OCCURRENCE"]')).toContainText(`利用課${sections}課すべてに連絡済み`);
    await expect(notices.getByTestId('notice-row')).toHaveCount(sections);
    await expect(notices.getByTestId('notice-row').filter({ hasText: '芝地区総合支所 区民課' })).toContainText('区民課長');
    await expect(notices.getByTestId('notice-row').first()).toContainText('令和');
    await expect(notices.locator('[data-rule-id="MNT-22-4"]').first()).toBeVisible();
    const timeline = page.getByTestId('incident-timeline');
    await expect(timeline.getByTestId('timeline-entry')).toHaveCount(2);
    await expect(timeline.locator('[data-kind="REPORT"]')).toContainText('発生報告');
    await expect(timeline.locator('[data-kind="ESCALATION"]')).toContainText('情報政策課長');
    await expect(timeline.locator('[data-kind="ESCALATION"] [data-rule-id="MNT-22-2"]')).toBeVisible();
    const network = page.getByTestId('incident-network').filter({ hasText: '福祉総合システム障害時連絡網' });
    await expect(network).toContainText('保健福祉課長（判断）');
    await expect(network.getByTestId('missing-decider')).toHaveCount(0);
    await expect(page.getByTestId('confirm-refused')).toContainText('障害はまだ解消していません');

    // An update needs something to record; then the ETA while recovering.
    const update = page.getByTestId('update-form');
    await update.getByRole('button', { name: '経過を記録' }).click();
    await expect(update.getByTestId('update-form-error')).toHaveText('復旧見込、原因、縮退運転、経過、状態のいずれかを入力してください。');
    const eta = new Date(Date.now() + 3 * 3_600_000);
    await update.getByLabel('復旧見込日時').fill(localInput(eta));
    await update.getByLabel('経過').fill('保守業務受託者が帳票サーバを調査中');
    await update.getByLabel('状態を「復旧対応中」にする').check();
    await update.getByRole('button', { name: '経過を記録' }).click();
    await expect(page.getByTestId('notice')).toHaveText('経過を記録しました。');
    await expect(page.getByTestId('incident-status').first()).toHaveText('復旧対応中');
    await expect(timeline.getByTestId('timeline-entry')).toHaveCount(3);
    const logged = timeline.locator('[data-kind="UPDATE"]');
    await expect(logged).toContainText('保守業務受託者が帳票サーバを調査中');
    await expect(logged.getByTestId('entry-eta')).toContainText('令和');
    await expect(page.getByTestId('incident-eta')).toContainText('令和');

    // Once in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('incident-status').first()).toHaveText('Recovering');
    await expect(page.getByRole('heading', { level: 2, name: 'Log' })).toBeVisible();
    await expect(notices.locator('[data-testid="notice-count"][data-kind="OCCURRENCE"]')).toContainText(`All ${sections} using sections notified`);
    await expect(page.getByRole('button', { name: 'Add the update' })).toBeVisible();
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByTestId('incident-status').first()).toHaveText('復旧対応中');

    // The システム総括担当者 records the resolution: the notice of resolution goes to every section.
    const admin = await signedIn(browser, 'minato', 'admin');
    await admin.goto(incidentUrl);
    await expect(admin.getByTestId('incident-number')).toHaveText(number);
    const resolve = admin.getByTestId('resolve-form');
    await resolve.getByLabel('原因').fill('帳票サーバのディスク容量不足');
    await resolve.getByRole('button', { name: '解消を記録' }).click();
    await expect(admin.getByTestId('notice')).toHaveText('解消を記録し、利用課へ継送連絡を送りました。');
    await expect(admin.getByTestId('incident-status').first()).toHaveText('解消');
    await expect(admin.getByTestId('incident-resolved')).toContainText('令和');
    await expect(admin.getByTestId('incident-cause')).toHaveText('帳票サーバのディスク容量不足');
    const adminNotices = admin.getByTestId('incident-notices');
    await expect(adminNotices.locator('[data-testid="notice-count"][data-kind="RESOLUTION"]')).toContainText(`利用課${sections}課すべてに連絡済み`);
    await expect(adminNotices.getByTestId('notice-row')).toHaveCount(sections);
    await expect(admin.getByTestId('update-form')).toHaveCount(0);
    await expect(admin.getByTestId('confirm-refused')).toContainText('事後の分析（原因と再発防止策）がまだ記録されていない');

    // The analysis: both parts are required.
    const analysis = admin.getByTestId('analysis-form');
    await analysis.getByLabel('事後の分析（事象の調査及び分析）').fill('ログの肥大化により帳票サーバのディスク容量が不足した。');
    await analysis.getByRole('button', { name: '分析を記録' }).click();
    await expect(analysis.getByText('再発防止策を入力してください。')).toBeVisible();
    await analysis.getByLabel('再発防止策').fill('ログのローテーション設定と容量監視を追加する。');
    await analysis.getByRole('button', { name: '分析を記録' }).click();
    await expect(admin.getByTestId('notice')).toHaveText('事後の分析と再発防止策を記録しました。');
    await expect(admin.getByTestId('analysis')).toContainText('ログのローテーション設定と容量監視を追加する。');

    // Having recorded the resolution, he does not confirm it (MNT-22-3).
    await expect(admin.getByRole('button', { name: '解消を確認' })).toHaveCount(0);
    await expect(admin.getByTestId('confirm-refused')).toContainText('あなたはこの障害の解消を記録したため、確認できません。');
    await admin.context().close();

    // The 保健福祉課長 confirms it.
    await page.reload();
    await expect(page.getByTestId('incident-status').first()).toHaveText('解消');
    await expect(page.getByTestId('confirm-refused')).toHaveCount(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '解消を確認' }).click();
    await expect(page.getByTestId('notice')).toHaveText('解消を確認しました。');
    await expect(page.getByTestId('incident-status').first()).toHaveText('解消確認済');
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByTestId('confirmed')).toContainText('が解消を確認しました');
    await expect(timeline.getByTestId('timeline-entry')).toHaveCount(6);
    await expect(timeline.getByTestId('timeline-entry').last()).toContainText('解消の確認');
    await expect(timeline.locator('[data-kind="CONFIRMATION"] [data-rule-id="MNT-22-3"]')).toBeVisible();
    await expect(page.getByRole('button', { name: '分析を修正' })).toHaveCount(0);
    await expect(page.getByTestId('resolve-form')).toHaveCount(0);
    // Reloaded, the page says nothing more of the report: only what stands.
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`${incidentUrl}$`));
    await expect(page.getByTestId('incident-status').first()).toHaveText('解消確認済');
    await expect(page.getByTestId('notice')).toHaveCount(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'incident');

    // The list: the incident confirmed, not among the open ones.
    await page.getByRole('link', { name: '‹ 障害一覧へ戻る' }).click();
    const row = page.getByTestId('incident-row').filter({ hasText: number });
    await expect(row.getByTestId('incident-status')).toHaveText('解消確認済');
    await expect(row.getByTestId('residents-affected')).toBeVisible();
    await page.getByLabel('未解消のみ').check();
    await expect(page).toHaveURL(/[?&]open=1/);
    await expect(page.getByTestId('incident-row').filter({ hasText: number })).toHaveCount(0);
    await page.getByLabel('システム').selectOption({ label: SYSTEM });
    await expect(page).toHaveURL(new RegExp(`[?&]system=${system.id}`));
    await expect(page.getByTestId('incident-row').first()).toContainText(SYSTEM);
  });

  test('Minato: staff who do not administer the system are refused in place', async ({ page }) => {
    await signIn(page, { municipality: 'minato', username: 'staff1' });
    await page.goto('/incidents/new');
    await page.getByLabel('システム').selectOption({ label: SYSTEM });
    await page.getByLabel('件名').fill('照会画面が表示されない');
    await page.getByLabel('障害の内容').fill('照会画面が開かない。');
    await page.getByLabel('軽微（一部機能の障害）').check();
    await page.getByRole('button', { name: '報告する' }).click();
    const failure = page.getByTestId('failure');
    await expect(failure).toContainText('このシステムの障害を記録できるのは、システムの管理者だけです。');
    await expect(failure.locator('[data-rule-id="MNT-22-1"]')).toBeVisible();
    await expect(page).toHaveURL(/\/incidents\/new$/);
  });

  test('Minato 福祉総合システム: a stop inside the operating hours is planned with its warning, announced and cancelled (MNT-15)', async ({ page }) => {
    await signIn(page, { municipality: 'minato', username: 'chief' });
    const id = await openSystem(page, SYSTEM);
    await page.getByRole('link', { name: '運用時間・保守' }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}\\?tab=maintenance$`));
    const panel = page.getByTestId('maintenance-panel');
    await expect(panel.getByTestId('weekly-hours')).toContainText('05:00〜24:00');
    await expect(panel.getByTestId('open-now').locator('[data-rule-id="MNT-15-1"]')).toBeVisible();

    const form = panel.getByTestId('plan-form');
    await form.getByRole('button', { name: '登録する' }).click();
    await expect(form.getByText('開始日時を入力してください。')).toBeVisible();
    await expect(form.getByText('周知する理由を入力してください（例: 定期保守作業）。')).toBeVisible();
    await form.getByLabel('停止', { exact: true }).check();
    await form.getByLabel('開始日時').fill(tomorrowAt('10:00'));
    await form.getByLabel('終了日時').fill(tomorrowAt('12:00'));
    await form.getByLabel('理由（周知する文面）').fill('帳票サーバの緊急保守作業（e2e）');
    await form.getByLabel('理由（英語）').fill('Emergency maintenance of the form server (e2e)');
    await form.getByRole('button', { name: '登録する' }).click();

    // The warnings the gateway returns: a stop inside the operating hours, not yet announced.
    const result = panel.getByTestId('plan-result');
    await expect(result).toContainText('登録しました。次の点に注意してください。');
    const inHours = result.locator('[data-testid="plan-warning"][data-code="STOP_IN_OPERATING_HOURS"]');
    await expect(inHours).toContainText('利用時間内の停止です。');
    await expect(inHours.locator('[data-rule-id="MNT-15-2"]')).toBeVisible();
    await expect(inHours).toContainText('利用時間内に停止する時間');
    await expect(inHours).toContainText('10:00〜12:00');
    await expect(result.locator('[data-testid="plan-warning"][data-code="NOT_ANNOUNCED"]')).toContainText('まだ利用課へ周知していません');
    const windowId = await result.getAttribute('data-window-id');
    const planned = panel.locator(`[data-testid="maintenance-window"][data-window-id="${windowId}"]`);
    await expect(planned).toContainText('帳票サーバの緊急保守作業（e2e）');
    await expect(planned.getByTestId('maintenance-status')).toHaveText('未周知');
    await expect(planned).toContainText('10:00〜12:00');
    await expect(result).toBeInViewport();
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'system-maintenance');

    // Announced to the using sections; then cancelled with its reason.
    page.once('dialog', (dialog) => void dialog.accept());
    await planned.getByRole('button', { name: '周知する' }).click();
    await expect(panel.getByTestId('maintenance-notice')).toHaveText('利用課へ周知しました。');
    await expect(planned.getByTestId('maintenance-status')).toHaveText('周知済み');
    await expect(planned).toContainText('周知:');
    await planned.getByRole('button', { name: '取り消す' }).click();
    const cancel = panel.getByTestId('cancel-form');
    await cancel.getByRole('button', { name: '取消しを確定' }).click();
    await expect(cancel.getByText('取消しの理由を入力してください。')).toBeVisible();
    await cancel.getByLabel('取消しの理由').fill('作業が不要になったため');
    await cancel.getByRole('button', { name: '取消しを確定' }).click();
    await expect(panel.getByTestId('maintenance-notice')).toHaveText('取り消しました。');
    await expect(planned.getByTestId('maintenance-status')).toHaveText('取消');
    await expect(planned).toContainText('取消しの理由: 作業が不要になったため');
    await expect(planned.getByRole('button', { name: '周知する' })).toHaveCount(0);
  });
});
