import { closedPort } from '../helpers/ports';
import { generateSelfSigned } from '../helpers/tls';
import { startWsServer } from '../helpers/ws-server';
import { expect, test } from './herald-fixture';

test.describe('test connection on the source form', () => {
  test.beforeEach(async ({ herald, page }) => {
    await page.goto(`${herald.url}#/settings`);
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  });

  test('says in plain words: refused, wrong kind of server, sign-in failed, reached', async ({
    herald,
    page,
  }) => {
    const notWs = await startWsServer({ authorize: () => 404 });
    const guarded = await startWsServer({
      authorize: (req) => (req.headers.authorization === 'Bearer right' ? undefined : 401),
    });
    try {
      await page.getByRole('button', { name: 'Add JSON WebSocket' }).click();
      await page.getByLabel('Name', { exact: true }).fill('New box');
      const url = page.getByLabel('Server URL');
      const test = page.getByRole('button', { name: 'Test connection' });
      const result = page.locator('.test-result');

      await url.fill(`ws://127.0.0.1:${await closedPort()}/`);
      await test.click();
      await expect(result).toContainText('Refused');
      await expect(result).toContainText('nothing is listening');

      await url.fill(`${notWs.url}/events`);
      await test.click();
      await expect(result).toContainText('Wrong kind of server');
      await expect(result).toContainText('HTTP 404');

      await url.fill(guarded.url);
      await page.getByRole('textbox', { name: 'Authorization header' }).fill('Bearer wrong');
      await test.click();
      await expect(result).toContainText('Sign-in failed');
      await page.getByRole('textbox', { name: 'Authorization header' }).fill('Bearer right');
      await test.click();
      await expect(result).toContainText('Reached');
      // Testing saved nothing: the source and its secret exist only once the form is saved.
      expect(herald.saved.settings.sources.map((s) => s.id)).toEqual(['lab']);
      expect(herald.saved.secrets).toEqual({});
    } finally {
      await notWs.close();
      await guarded.close();
    }
  });

  test('an untrusted certificate shows the fingerprint to pin; trusting it makes the test pass', async ({
    herald,
    page,
  }) => {
    const cert = await generateSelfSigned();
    const secure = await startWsServer({ tls: cert });
    try {
      await page.getByRole('button', { name: 'Add JSON WebSocket' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Secure box');
      await page.getByLabel('Server URL').fill(secure.url);
      await page.getByRole('button', { name: 'Test connection' }).click();
      const result = page.locator('.test-result');
      await expect(result).toContainText('Certificate not trusted');
      await expect(result.locator('code')).toHaveText(cert.fingerprint256);
      await result.getByRole('button', { name: 'Trust this certificate' }).click();
      await expect(page.getByLabel('Trusted certificate fingerprint (SHA-256)')).toHaveValue(
        cert.fingerprint256,
      );
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(result).toContainText('Reached');
      await page.getByRole('button', { name: 'Add source' }).click();
      await expect(page.getByRole('listitem', { name: 'Secure box' })).toContainText('Connected');
      expect(herald.saved.settings.sources[1]).toMatchObject({
        id: 'secure-box',
        tls: { fingerprint256: cert.fingerprint256 },
      });
    } finally {
      await secure.close();
    }
  });

  test('testing other values for a running source leaves it running and unsaved', async ({
    herald,
    page,
  }) => {
    const before = structuredClone(herald.saved.settings);
    const card = page.getByRole('listitem', { name: 'Lab server' });
    await expect(card).toContainText('Connected');
    await card.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Server URL').fill(`ws://127.0.0.1:${await closedPort()}/`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.locator('.test-result')).toContainText('Refused');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('listitem', { name: 'Lab server' })).toContainText('Connected');
    expect(herald.engine.statuses().find((s) => s.sourceId === 'lab')?.state).toBe('open');
    expect(herald.saved.settings).toEqual(before);
  });
});
