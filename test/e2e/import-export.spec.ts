import { readFile } from 'node:fs/promises';
import { expect, test } from './herald-fixture';

test.describe('import and export', () => {
  test.beforeEach(async ({ herald, page }) => {
    herald.state.update((current) => ({
      ...current,
      secrets: { lab: { authorization: 'Bearer kept-secret' } },
    }));
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('button', { name: 'Import & export' }).click();
  });

  test('export is a download, confirmed on the page; with passwords only after a warning', async ({
    page,
  }) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export settings…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^herald-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'herald-settings', sources: [{ id: 'lab' }] });
    expect(text).not.toContain('kept-secret');
    await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(
      `Exported ${download.suggestedFilename()}: 1 source, 2 rules, without passwords`,
    );

    await page.getByRole('switch', { name: 'Include passwords and tokens' }).check();
    await page.getByRole('button', { name: 'Export settings…' }).click();
    const warning = page.getByRole('alertdialog');
    await expect(warning).toContainText('plain text');
    const [withSecrets] = await Promise.all([
      page.waitForEvent('download'),
      warning.getByRole('button', { name: 'Export with passwords' }).click(),
    ]);
    expect(await readFile((await withSecrets.path())!, 'utf8')).toContain('kept-secret');
    await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText('with passwords');
  });

  test('import shows what it would change and applies only when confirmed', async ({ herald, page }) => {
    const file = {
      format: 'herald-settings',
      version: 1,
      sources: [
        { ...herald.saved.settings.sources[0], name: 'Lab server (renamed)' },
        { id: 'tv', kind: 'tvheadend', name: 'TV', url: 'http://127.0.0.1:1/', options: {}, enabled: false },
      ],
      rules: [herald.saved.settings.rules[0]],
      quietHours: { enabled: true, start: '23:00', end: '06:30' },
      secrets: { tv: { password: 'from-file' } },
    };
    const choose = () =>
      page.locator('input[type=file]').setInputFiles({
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
    await choose();
    const preview = page.getByRole('region', { name: 'Importing mine.json would:' });
    await expect(preview.getByRole('listitem')).toHaveText([
      'Changes the source “Lab server (renamed)”: name',
      'Adds the source “TV”',
      'Removes the rule “Quiet backups”',
      'Changes quiet hours: enabled, start, end',
      "Sets password for “TV” (from the file's secrets)",
    ]);
    // Nothing is applied yet; Cancel leaves it so.
    expect(herald.saved.settings.sources).toHaveLength(1);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview).toHaveCount(0);
    expect(herald.saved.settings.rules).toHaveLength(2);

    await choose();
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported mine.json' })).toBeVisible();
    expect(herald.saved.settings.sources.map((s) => s.id)).toEqual(['lab', 'tv']);
    expect(herald.saved.settings.quietHours).toMatchObject({ enabled: true, start: '23:00' });
    expect(herald.saved.secrets.tv).toEqual({ password: 'from-file' });
  });

  test('an invalid file shows its problems and changes nothing', async ({ herald, page }) => {
    await page.locator('input[type=file]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, quietHours: { start: '7 pm' } })),
    });
    await expect(page.locator('.form-errors')).toContainText('quietHours.start');
    await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
    expect(herald.saved.settings.sources).toHaveLength(1);
  });
});
