import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeCli } from '../helpers/herald-serve';
import type { ServeRun } from '../helpers/herald-serve';
import { startWsServer } from '../helpers/ws-server';
import type { TestWsServer } from '../helpers/ws-server';
import { expect, test } from './herald-fixture';
import { tabTo } from './keyboard';

test.describe('first run: `herald serve --config new.json` on a file that does not exist', () => {
  let dir: string;
  let run: ServeRun;
  let server: TestWsServer;
  test.beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'herald-first-run-'));
    server = await startWsServer();
    run = await startServeCli(join(dir, 'new.json'));
  });
  test.afterEach(async () => {
    await run.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the empty history offers the first server; adding it by keyboard alone creates the file', async ({
    page,
  }) => {
    await page.goto(run.url.href);
    await expect(page.getByRole('heading', { name: 'Add your first server' })).toBeVisible();
    const cards = page.getByRole('list', { name: 'Add your first server' }).getByRole('button');
    await expect(cards).toHaveText([
      /Unraid Management Agent/,
      /Tvheadend/,
      /Emby \/ Jellyfin/,
      /JSON WebSocket/,
      /deCONZ \/ Phoscon/,
    ]);
    expect(existsSync(join(dir, 'new.json'))).toBe(false);

    // Keyboard only: tab to the card, open it, fill the form, test, save.
    await tabTo(page, page.getByRole('button', { name: 'Add JSON WebSocket' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Add JSON WebSocket source' })).toBeVisible();
    expect(page.url()).toContain('#/settings?add=generic-json');
    // The form starts where the typing starts.
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('Lab box');
    await tabTo(page, page.getByLabel('Server URL'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(`${server.url}/events`);
    await tabTo(page, page.getByRole('button', { name: 'Test connection' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.test-result')).toContainText('Reached');
    expect(existsSync(join(dir, 'new.json'))).toBe(false);
    await tabTo(page, page.getByRole('button', { name: 'Add source' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listitem', { name: 'Lab box' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Lab box' })).toContainText('Connected');
    // The request left the address, so a reload does not open the form again.
    expect(page.url()).not.toContain('add=');

    const file = JSON.parse(readFileSync(join(dir, 'new.json'), 'utf8')) as { sources: { id: string }[] };
    expect(file.sources.map((s) => s.id)).toEqual(['lab-box']);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).click();
    await expect(page.getByText('No events yet')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Add your first server' })).toHaveCount(0);
  });

  test('at 800×600 the kind cards fit without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(run.url.href);
    const cards = page.getByRole('list', { name: 'Add your first server' }).getByRole('button');
    await expect(cards).toHaveCount(5);
    for (const box of await cards.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  });
});
