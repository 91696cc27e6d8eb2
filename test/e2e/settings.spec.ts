import { expect, test } from './herald-fixture';

test.describe('settings view', () => {
  test.beforeEach(async ({ herald, page }) => {
    await page.goto(`${herald.url}#/settings`);
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  });

  test('lists the source with its live connection status', async ({ page }) => {
    const card = page.getByRole('listitem', { name: 'Lab server' });
    await expect(card).toContainText('JSON WebSocket');
    await expect(card).toContainText('Connected');
    await page.screenshot({ path: 'test-results/settings-sources.png' });
  });

  test('the source form is generated from the kind and shows secrets only as set / not set', async ({
    herald,
    page,
  }) => {
    await page.getByRole('listitem', { name: 'Lab server' }).getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { name: 'Edit JSON WebSocket source' })).toBeVisible();
    await expect(page.getByLabel('Type prefix')).toHaveValue('lab');
    await expect(page.getByLabel('Authorization header')).toHaveAttribute('type', 'password');
    await expect(page.locator('.secret-field .badge')).toHaveText('not set');
    await page.getByLabel('Authorization header').fill('Bearer e2e-secret');
    await page.getByRole('button', { name: 'Save source' }).click();
    await expect(page.getByRole('listitem', { name: 'Lab server' })).toBeVisible();
    expect(herald.saved.secrets).toEqual({ lab: { authorization: 'Bearer e2e-secret' } });
    expect(JSON.stringify(herald.saved.settings)).not.toContain('e2e-secret');
    await page.getByRole('listitem', { name: 'Lab server' }).getByRole('button', { name: 'Edit' }).click();
    await expect(page.locator('.secret-field .badge')).toHaveText('set');
    await expect(page.getByRole('textbox', { name: 'Authorization header' })).toHaveValue('');
  });

  test('editing a rule saves it', async ({ herald, page }) => {
    await page.getByRole('button', { name: 'Rules' }).click();
    const row = page.getByRole('listitem', { name: 'Disk alerts' });
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name').fill('Disk and RAID alerts');
    await page.getByLabel('Cooldown', { exact: true }).fill('10m');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('listitem', { name: 'Disk and RAID alerts' })).toBeVisible();
    expect(herald.saved.settings.rules[0]).toMatchObject({
      id: 'disk-alerts',
      name: 'Disk and RAID alerts',
      cooldown: 600_000,
    });

    await page.getByRole('switch', { name: 'Enable Quiet backups' }).uncheck();
    await expect.poll(() => herald.saved.settings.rules[1]?.enabled).toBe(false);
    await page.screenshot({ path: 'test-results/settings-rules.png' });
  });

  test('a bad setting shows its field error and is not saved', async ({ herald, page }) => {
    await page.getByRole('button', { name: 'Quiet hours' }).click();
    const from = page.getByLabel('From');
    await from.fill('25:99');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-invalid .field-error')).toContainText('HH:MM');
    expect(herald.saved.settings.quietHours.start).toBe('22:00');
    await page.screenshot({ path: 'test-results/settings-field-error.png' });
    await from.fill('23:30');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    expect(herald.saved.settings.quietHours.start).toBe('23:30');
  });

  test('adding a source from the generated form; one that cannot connect shows its error', async ({
    herald,
    page,
  }) => {
    await page.getByRole('button', { name: 'Add JSON WebSocket' }).click();
    await expect(page.getByLabel('Server URL')).toHaveValue('ws://localhost:8080/events');
    await page.getByLabel('Name', { exact: true }).fill('Dead box');
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    await page.getByLabel('Server URL').fill('ws://127.0.0.1:9/events');
    await page.getByRole('button', { name: 'Add source' }).click();
    const card = page.getByRole('listitem', { name: 'Dead box' });
    await expect(card).toBeVisible();
    expect(herald.saved.settings.sources.map((s) => s.id)).toEqual(['lab', 'dead-box']);
    await expect(card.locator('.source-error')).not.toBeEmpty({ timeout: 10_000 });
    await expect(card.locator('.badge').first()).toHaveText(/Retrying|Connecting/);
    await page.screenshot({ path: 'test-results/settings-source-error.png' });
  });
});
