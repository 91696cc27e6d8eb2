import { expect, test } from './herald-fixture';

test.describe('restore previous settings', () => {
  test('undoes the last change after a confirmation, and says so when there is nothing to undo', async ({
    herald,
    page,
  }) => {
    herald.state.update((current) => ({
      ...current,
      secrets: { lab: { authorization: 'Bearer kept-secret' } },
    }));
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('button', { name: 'Import & export' }).click();
    const restore = page.getByRole('button', { name: 'Restore previous settings…' });

    page.once('dialog', (dialog) => void dialog.accept());
    await restore.click();
    await expect(page.getByRole('alert', { name: 'Restore problems' })).toContainText(
      'There are no previous settings to restore yet',
    );

    // A change worth undoing: the only source removed (its password goes with it).
    await page.getByRole('button', { name: 'Sources' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('listitem', { name: 'Lab server' }).getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('No sources yet.')).toBeVisible();
    expect(herald.saved.settings.sources).toHaveLength(0);
    expect(herald.saved.secrets).toEqual({});

    await page.getByRole('button', { name: 'Import & export' }).click();
    // Cancelling the confirmation changes nothing.
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await restore.click();
    await expect.poll(() => question).toContain('before the last change');
    expect(herald.saved.settings.sources).toHaveLength(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await restore.click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The previous settings are back.' }),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/settings-restore.png' });
    expect(herald.saved.settings.sources.map((s) => s.id)).toEqual(['lab']);
    expect(herald.saved.secrets).toEqual({ lab: { authorization: 'Bearer kept-secret' } });

    await page.getByRole('button', { name: 'Sources' }).click();
    await expect(page.getByRole('listitem', { name: 'Lab server' })).toBeVisible();
    await page.screenshot({ path: 'test-results/settings-restored.png' });
  });
});
