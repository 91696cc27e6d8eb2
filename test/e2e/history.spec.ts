import { expect, test } from './herald-fixture';
import { XSS_TITLE, frames } from './frames';

test.describe('history view', () => {
  test.beforeEach(async ({ herald, page }) => {
    herald.push(frames.disk, frames.backup, frames.xss, frames.ups);
    await herald.waitForEntries(4);
    await page.goto(herald.url);
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  });

  test('shows each event with why it did or did not notify', async ({ herald, page }) => {
    const entries = herald.history.query({ limit: 10 }).entries;
    const disk = entries.find((e) => e.event.title === frames.disk.title)!;
    const backup = entries.find((e) => e.event.title === frames.backup.title)!;
    expect(disk.decision.action).toBe('notify');
    expect(backup.decision.action).toBe('record');

    const diskRow = page.getByRole('article', { name: frames.disk.title });
    await expect(diskRow).toContainText(frames.disk.message);
    await expect(diskRow).toContainText('Lab server');
    await expect(diskRow).toContainText('Notified');
    await expect(diskRow).toContainText(disk.decision.reason);
    // The rule's name, not its id.
    await expect(diskRow).toContainText('rule: Disk alerts');
    const backupRow = page.getByRole('article', { name: frames.backup.title });
    await expect(backupRow).toContainText('Recorded only');
    await expect(backupRow).toContainText(backup.decision.reason);
    // The token left the address bar once the page had it.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: 'test-results/history-view.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/history-view-dark.png' });
  });

  test('renders server-supplied markup as text, never as HTML', async ({ page }) => {
    const row = page.getByRole('article', { name: XSS_TITLE });
    await expect(row.getByRole('heading', { name: XSS_TITLE })).toBeVisible();
    await expect(row).toContainText('<script>window.__pwned=2</script><b>not bold</b>');
    await expect(page.locator('.history-canvas img, .history-canvas script, .history-canvas b')).toHaveCount(
      0,
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('filters by text, severity and outcome', async ({ page }) => {
    const rows = page.getByRole('article');
    await expect(rows).toHaveCount(4);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('backup');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAccessibleName(frames.backup.title);
    await page.getByRole('searchbox', { name: 'Search history' }).fill('');
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('critical');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAccessibleName(frames.ups.title);
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('');
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('record');
    await expect(page.getByRole('article', { name: frames.backup.title })).toBeVisible();
    await expect(page.getByRole('article', { name: frames.disk.title })).toHaveCount(0);
  });

  test('mark read updates the unread count', async ({ herald, page }) => {
    const unread = page.getByTestId('unread-count');
    const before = herald.history.unreadCount();
    expect(before).toBeGreaterThan(0);
    await expect(unread).toHaveText(String(before));
    const diskRow = page.getByRole('article', { name: frames.disk.title });
    await diskRow.getByRole('button', { name: 'Mark read' }).click();
    await expect(unread).toHaveText(String(before - 1));
    await expect(diskRow.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(unread).toHaveText('0');
    expect(herald.history.unreadCount()).toBe(0);
  });

  test('new events appear live without a reload', async ({ herald, page }) => {
    herald.push({
      id: 'late',
      type: 'disk.smart',
      level: 'warning',
      title: 'SMART warning on sdb',
      message: 'Reallocated sectors: 8',
    });
    await expect(page.getByRole('article', { name: 'SMART warning on sdb' })).toBeVisible();
    await expect(page.getByTestId('total-count')).toHaveText('5');
  });

  test('opening #/history?seq=N (a clicked notification) marks that entry read and highlights it', async ({
    herald,
    page,
  }) => {
    const ups = herald.history.query({ limit: 10 }).entries.find((e) => e.event.title === frames.ups.title)!;
    await page.goto(`${herald.url}#/history?seq=${ups.seq}`);
    const row = page.locator('.history-row.focused');
    await expect(row.getByRole('article', { name: frames.ups.title })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
    await expect
      .poll(() => herald.history.query({ limit: 10 }).entries.find((e) => e.seq === ups.seq)?.read)
      .toBe(true);
  });
});
