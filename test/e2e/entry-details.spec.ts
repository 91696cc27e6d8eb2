import type { HomeEvent } from '../../app/shared/home-event';
import { expect, test } from './herald-fixture';
import { frames } from './frames';
import { tabTo } from './keyboard';

test.describe('entry details', () => {
  test.beforeEach(async ({ herald, page }) => {
    herald.push(frames.disk, frames.backup, frames.ups);
    await herald.waitForEntries(3);
    await page.goto(herald.url);
    await expect(page.getByRole('article')).toHaveCount(3);
  });

  test('open, read and close an entry with the keyboard alone', async ({ herald, page }) => {
    const feed = page.getByRole('feed', { name: 'History entries' });
    // Entries are tab stops, newest first; the arrow keys move between them.
    await tabTo(page, feed.getByRole('article', { name: frames.ups.title }));
    await page.keyboard.press('ArrowDown');
    await expect(feed.getByRole('article', { name: frames.backup.title })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const disk = feed.getByRole('article', { name: frames.disk.title });
    await expect(disk).toBeFocused();
    await page.keyboard.press('Enter');

    const pane = page.getByRole('complementary', { name: frames.disk.title });
    await expect(pane).toBeVisible();
    await expect(pane.getByRole('heading', { name: frames.disk.title })).toBeFocused();
    const entry = herald.history
      .query({ limit: 10 })
      .entries.find((e) => e.event.title === frames.disk.title)!;
    await expect(pane).toContainText(entry.decision.reason);
    await expect(pane).toContainText('Disk alerts');
    await expect(pane).toContainText('lab.disk.full');
    await expect(pane).toContainText('Lab server');
    await expect(pane).toContainText(frames.disk.link);
    // The raw payload as formatted text.
    const raw = pane.getByRole('region', { name: 'Raw payload (raw.…)' }).locator('pre');
    await expect(raw).toHaveText(JSON.stringify(frames.disk, null, 2));

    await tabTo(page, pane.getByRole('button', { name: 'Mark read' }));
    await page.keyboard.press('Enter');
    await expect(pane.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
    await expect
      .poll(() => herald.history.query({ limit: 10 }).entries.find((e) => e.seq === entry.seq)?.read)
      .toBe(true);

    await page.keyboard.press('Escape');
    await expect(pane).toHaveCount(0);
    // Back on the entry it was opened from.
    await expect(disk).toBeFocused();
  });

  test('a click opens it too; Open link goes to the browser, only after the host approved it', async ({
    page,
  }) => {
    // The link is never fetched: the popup's request is answered here.
    await page.context().route('https://nas.example/**', (route) => route.fulfill({ body: 'disks page' }));
    await page.getByRole('article', { name: frames.disk.title }).getByText(frames.disk.message).click();
    const pane = page.getByRole('complementary', { name: frames.disk.title });
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      pane.getByRole('button', { name: 'Open link' }).click(),
    ]);
    await expect.poll(() => popup.url()).toBe(frames.disk.link);
    await popup.close();
    await pane.getByRole('button', { name: 'Close details' }).click();
    await expect(pane).toHaveCount(0);
  });

  test('"Make a rule like this" opens a prefilled rule editor with its preview', async ({ herald, page }) => {
    await page.getByRole('article', { name: frames.backup.title }).click();
    await page.getByRole('button', { name: 'Make a rule like this' }).click();
    await expect(page.getByRole('heading', { name: 'New rule' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(frames.backup.title);
    await expect(page.getByLabel('Event types')).toHaveValue('lab.backup.done');
    await expect(page.getByLabel('Sources')).toHaveValue('lab');
    // A new rule goes after "Quiet backups", which already decides this event.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('status')).toHaveText('Matches 0 of the last 3 events.');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('listitem', { name: frames.backup.title })).toBeVisible();
    expect(herald.saved.settings.rules[2]).toMatchObject({
      id: 'nightly-backup-finished',
      types: ['lab.backup.done'],
      sources: ['lab'],
    });
    expect(page.url()).not.toContain('ruleFrom');
  });

  test('at 800×600 the details cover the list and long entries stay compact', async ({ herald, page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    const long: HomeEvent = {
      id: 'long',
      sourceId: 'lab',
      sourceKind: 'generic-json',
      type: 'lab.log.line',
      time: Date.now(),
      severity: 'warning',
      title: `A very long title ${'that goes on and on '.repeat(12)}`,
      body: `${'A body of many words. '.repeat(60)}`,
      raw: { text: 'x'.repeat(5000) },
    };
    herald.history.append(long, { action: 'record', reason: `a reason ${'that is long '.repeat(30)}` });
    await page.reload();
    const row = page.getByRole('article', { name: long.title });
    await expect(row).toBeVisible();
    const box = (await row.boundingBox())!;
    expect(box.height).toBeLessThan(170);
    expect(box.x + box.width).toBeLessThanOrEqual(800);
    await row.click();
    const pane = page.getByRole('complementary', { name: long.title });
    const paneBox = (await pane.boundingBox())!;
    expect(paneBox.width).toBeGreaterThan(700);
    await expect(pane.getByRole('button', { name: 'Close details' })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  });
});
