import { expect, test } from './herald-fixture';
import { frames } from './frames';
import { tabTo } from './keyboard';

const SMALL = { width: 800, height: 600 };

test.describe('at 800×600, by keyboard', () => {
  test.use({ viewport: SMALL });

  test('a source card keeps all its actions inside the card and the window', async ({ page, herald }) => {
    await page.goto(`${herald.url}#/settings`);
    const card = page.getByRole('listitem', { name: 'Lab server' });
    await expect(card).toContainText('Connected');
    const cardBox = (await card.boundingBox())!;
    for (const name of ['Reconnect', 'Edit', 'Remove']) {
      const box = (await card.getByRole('button', { name }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
      expect(box.x + box.width).toBeLessThanOrEqual(SMALL.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL.width);
  });

  test('Escape cancels the source form; a refused save scrolls to and focuses its first error', async ({
    page,
    herald,
  }) => {
    await page.goto(`${herald.url}#/settings`);
    await tabTo(page, page.getByRole('button', { name: 'Add JSON WebSocket' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('Abandoned');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    expect(herald.saved.settings.sources).toHaveLength(1);

    await page.getByRole('button', { name: 'Add JSON WebSocket' }).click();
    // No name: the host refuses the save; the Name field is far above the button at this size.
    await tabTo(page, page.getByRole('button', { name: 'Add source' }));
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Name', { exact: true });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toBeFocused();
    await expect(name).toBeInViewport();
    expect(herald.saved.settings.sources).toHaveLength(1);
  });

  test('toasts stay a short stack beside the list; critical ones look and announce differently', async ({
    page,
    herald,
  }) => {
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('button', { name: 'App' }).click();
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Send a test notification' }).click();
    await expect(page.locator('.toast-more')).toHaveText(/\+3 more notifications/);
    await expect(page.locator('.toast')).toHaveCount(1);
    await expect(page.locator('.toast-info')).toHaveAttribute('role', 'status');

    herald.push(frames.ups);
    const critical = page.locator('.toast-critical');
    await expect(critical).toContainText(frames.ups.title);
    await expect(critical).toHaveAttribute('role', 'alert');
    await expect(critical).toContainText('Critical');
    await expect(page.locator('.toast')).toHaveCount(1);
    await expect(page.locator('.toast-more')).toHaveText(/\+4 more notifications/);
    await page.locator('.toast-more').getByRole('button', { name: 'Dismiss all' }).click();
    await expect(page.locator('.toast')).toHaveCount(0);

    // A taller window has room for three.
    await page.setViewportSize({ width: 1100, height: 760 });
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Send a test notification' }).click();
    await expect(page.locator('.toast')).toHaveCount(3);
    await expect(page.locator('.toast-more')).toHaveText(/\+1 more notification(?!s)/);
  });

  test('a snooze reason gives its time in the locale’s format', async ({ page, herald }) => {
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('combobox', { name: 'Snooze Lab server' }).selectOption('1');
    await expect.poll(() => herald.saved.settings.snoozes.lab).toBeGreaterThan(Date.now());
    herald.push(frames.disk);
    const [entry] = await herald.waitForEntries(1);
    const until = herald.saved.settings.snoozes.lab!;
    const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(until);
    expect(entry!.decision.reason).toContain(`is snoozed until ${clock}`);
    await expect(page.getByRole('listitem', { name: 'Lab server' })).toContainText('Snoozed until');
  });
});

test.describe('the Emby form', () => {
  test('lists its fields by meaning, and says where typed passwords are kept under herald serve', async ({
    page,
    herald,
  }) => {
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('button', { name: 'Add Emby / Jellyfin' }).click();
    const options = page.getByRole('group', { name: 'Emby / Jellyfin options' });
    const labels = await options
      .locator('label')
      .evaluateAll((els) => els.map((el) => el.textContent?.trim()));
    expect(labels).toEqual([
      'Server',
      'Username',
      'Password',
      'API key',
      'Device name',
      'Allow "Send message" from the dashboard',
    ]);
    await expect(options.getByRole('note')).toContainText('kept in memory only, until herald serve stops');
  });
});
