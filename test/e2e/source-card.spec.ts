import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe } from '../../app/cli/serve/start-serve';
import type { SettingsPort } from '../../app/core/settings/settings-port';
import { createHostKernel } from '../../app/core/host/kernel';
import { openHistory } from '../../app/core/history/jsonl-history';
import type { Secrets, Settings } from '../../app/shared/settings';
import { SettingsSchema } from '../../app/shared/settings';
import { startFakeDeconz } from '../fakes/deconz/fake-deconz';
import { expect, test } from './herald-fixture';

test.describe('the source card', () => {
  test('shows the count of unreadable messages and why the last one was', async ({ herald, page }) => {
    await page.goto(`${herald.url}#/settings`);
    const card = page.getByRole('listitem', { name: 'Lab server' });
    await expect(card).toContainText('Connected');
    herald.pushText('this is not JSON', '{"nested":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    await expect(card).toContainText('2 unreadable messages');
    await expect(card).toContainText(/Last unreadable message \(.+\): nested deeper than 256 levels/);
  });

  test('offers "Pair again" when the deCONZ gateway refused the key, and pairing then works', async ({
    page,
  }) => {
    const gw = await startFakeDeconz({ locked: true, apiKeys: [] });
    const dir = mkdtempSync(join(tmpdir(), 'herald-e2e-pair-'));
    const saved: { settings: Settings; secrets: Secrets } = {
      settings: SettingsSchema.parse({
        version: 1,
        sources: [
          {
            id: 'zigbee',
            kind: 'deconz',
            name: 'Zigbee gateway',
            url: gw.url,
            options: { pairRetrySeconds: 0.2, pairWindowSeconds: 20 },
          },
        ],
      }),
      secrets: { zigbee: { apiKey: 'STALE-KEY-123' } },
    };
    const settingsPort: SettingsPort = {
      load: () => saved,
      save(settings, secrets) {
        saved.settings = settings;
        saved.secrets = secrets;
      },
    };
    // A key obtained by pairing is saved through the port, as the desktop host keeps it.
    const kernel = createHostKernel({
      port: settingsPort,
      openHistory: (retention) => openHistory({ file: join(dir, 'history.jsonl'), retention }),
      api: { host: 'serve', version: '0.1.0-e2e' },
    });
    const staticDir = fileURLToPath(new URL('../../renderer-dist', import.meta.url));
    const serve = await startServe({ handlers: kernel.handlers, staticDir });
    kernel.start();
    try {
      await page.goto(`${serve.url}#/settings`);
      const card = page.getByRole('listitem', { name: 'Zigbee gateway' });
      await expect(card).toContainText('Sign-in failed');
      await expect(card).toContainText('the gateway refused the API key: pair again');
      const pairAgain = card.getByRole('button', { name: 'Pair again' });
      await expect(pairAgain).toBeVisible();
      await page.screenshot({ path: 'test-results/settings-pair-again.png' });

      await pairAgain.click();
      await expect(card).toContainText('the gateway is locked: Herald is waiting to be allowed in');
      await expect(card).toContainText('Authenticate app');
      await expect(pairAgain).toBeHidden();
      expect(saved.secrets.zigbee?.apiKey).toBeUndefined();

      gw.unlock();
      await expect(card).toContainText('Connected', { timeout: 10_000 });
      expect(gw.keys.has(saved.secrets.zigbee?.apiKey ?? '')).toBe(true);
    } finally {
      await serve.close();
      await kernel.close();
      await gw.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
