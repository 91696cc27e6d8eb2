/**
 * The screenshots in docs/screenshots/, taken from the real thing so they stay current:
 *   npm run screenshots
 * builds the web UI, starts `herald serve` (the CLI, as a user would) against the project's fakes on
 * 127.0.0.1 (a fake Tvheadend, a loopback JSON push server, a self-signed wss server) and drives Debian's
 * Chromium through first run, test connection, the live rule preview and an entry's details.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startFakeTvheadend } from '../test/fakes/tvheadend/server';
import { startServeCli } from '../test/helpers/herald-serve';
import { generateSelfSigned } from '../test/helpers/tls';
import { startWsServer } from '../test/helpers/ws-server';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const WIDE = { width: 1400, height: 900 };
const SMALL = { width: 800, height: 600 };

const frames = [
  {
    id: 'b1',
    type: 'backup.done',
    level: 'info',
    host: 'nas',
    title: 'Nightly backup finished',
    message: '412 files, 0 errors',
  },
  {
    id: 'd1',
    type: 'disk.full',
    level: 'warning',
    host: 'nas',
    title: 'Disk almost full on nas',
    message: 'Volume /data is 93% used',
    used: 93,
    link: 'https://nas.example/disks',
  },
  {
    id: 'u1',
    type: 'ups.onbattery',
    level: 'critical',
    host: 'ups',
    title: 'UPS on battery',
    message: 'Mains power lost; 38 minutes left',
    minutes: 38,
  },
  {
    id: 'd2',
    type: 'disk.full',
    level: 'warning',
    host: 'nas',
    title: 'Disk almost full on nas',
    message: 'Volume /data is 97% used',
    used: 97,
    link: 'https://nas.example/disks',
  },
];

async function shoot(page: Page, name: string, size = WIDE) {
  await page.setViewportSize(size);
  // Let the layout settle after the resize (the list measures its rows).
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'herald-screenshots-'));
  const tvh = await startFakeTvheadend();
  const json = await startWsServer();
  const cert = await generateSelfSigned();
  const secure = await startWsServer({ tls: cert });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const stops: (() => Promise<unknown>)[] = [];
  try {
    // 1. First run: a settings file that does not exist yet.
    const fresh = await startServeCli(join(dir, 'new.json'));
    stops.push(() => fresh.stop());
    const page = await browser.newPage({ viewport: WIDE });
    await page.goto(fresh.url.href);
    await page.getByRole('heading', { name: 'Add your first server' }).waitFor();
    await shoot(page, 'first-run');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'first-run-dark', SMALL);
    await page.emulateMedia({ colorScheme: 'light' });

    // 2. Test connection, from the welcome card: Tvheadend reached, then a self-signed certificate.
    await page.setViewportSize(WIDE);
    await page.getByRole('button', { name: 'Add Tvheadend' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Living room TV');
    await page.getByLabel('Server URL').fill(tvh.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByRole('textbox', { name: 'Password' }).fill('admin');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('.test-result').waitFor();
    await page.locator('.test-connection').scrollIntoViewIfNeeded();
    await shoot(page, 'test-connection');
    await page.getByLabel('Server URL').fill(secure.url.replace('wss:', 'https:'));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('.test-result.outcome-tls-untrusted').waitFor();
    await page.locator('.test-connection').scrollIntoViewIfNeeded();
    await shoot(page, 'test-connection-certificate');
    await fresh.stop();
    stops.pop();

    // 3. A configured Herald with some history: the rule preview and an entry's details.
    const config = join(dir, 'herald.json');
    writeFileSync(
      config,
      JSON.stringify({
        version: 1,
        sources: [
          {
            id: 'lab',
            kind: 'generic-json',
            name: 'Home lab',
            url: `${json.url}/events`,
            options: {
              typePrefix: 'lab',
              severityPath: 'level',
              entityNamePath: 'host',
              urlPath: 'link',
              title: '{{raw.title}}',
              body: '{{raw.message}}',
            },
          },
        ],
        rules: [
          { id: 'quiet-backups', name: 'Quiet backups', types: ['lab.backup.*'], action: { type: 'record' } },
        ],
      }),
    );
    const run = await startServeCli(config);
    stops.push(() => run.stop());
    await json.nextConnection(10_000);
    for (const frame of frames) json.broadcast(JSON.stringify(frame));
    await page.goto(run.url.href);
    await page.getByRole('article', { name: 'UPS on battery' }).waitFor();
    await page.getByRole('article', { name: 'Disk almost full on nas' }).first().click();
    await page.getByRole('complementary').getByRole('heading', { name: 'Raw payload (raw.…)' }).waitFor();
    await shoot(page, 'entry-details');
    await shoot(page, 'entry-details-small', SMALL);
    await page.setViewportSize(WIDE);
    await page.getByRole('button', { name: 'Make a rule like this' }).click();
    await page.getByRole('heading', { name: 'New rule' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Disk nearly full');
    await page.getByRole('textbox', { name: 'Event types' }).fill('lab.disk.*');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 1 field').fill('raw.used');
    await page.getByLabel('Condition 1 test').selectOption('gt');
    await page.getByLabel('Condition 1 value').fill('95');
    await page.getByLabel('Title template').fill('{{entity.name}}: disk {{raw.used}}% full');
    await page.getByText('Matches 1 of the last').waitFor();
    await shoot(page, 'rule-preview');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sources', exact: true }).click();
    await page.getByRole('listitem', { name: 'Home lab' }).waitFor();
    await shoot(page, 'sources-small', SMALL);
  } finally {
    await browser.close();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await Promise.all([tvh.stop(), json.close(), secure.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
