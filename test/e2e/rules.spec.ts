import { expect, test } from './herald-fixture';
import { frames } from './frames';

test.describe('rule editor and its live preview', () => {
  test.beforeEach(async ({ herald, page }) => {
    herald.push(frames.disk, frames.backup, frames.ups);
    await herald.waitForEntries(3);
    await page.goto(`${herald.url}#/settings`);
    await page.getByRole('button', { name: 'Rules' }).click();
  });

  test('shows, while typing, which recent events a new rule would decide and what each becomes', async ({
    herald,
    page,
  }) => {
    await page.getByRole('button', { name: 'Add rule' }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await page.getByLabel('Name', { exact: true }).fill('Power trouble');
    // No scope yet: the rule would decide every event the earlier rules leave to it.
    await page.getByLabel('Event types').fill('lab.ups.*');
    await expect(preview.getByRole('status')).toHaveText('Matches 1 of the last 3 events.');
    const item = preview.getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Notified');
    await expect(item).toContainText(frames.ups.title);
    await expect(item).toContainText("rule 'Power trouble' matched lab.ups.onbattery");

    // The templates render as the notification would.
    await page.getByLabel('Title template').fill('Power: {{entity.name}} {{raw.message}}');
    await expect(item).toContainText('Power:  Mains power lost');
    // Drop instead of notify: the preview follows.
    await page.getByLabel('Action').selectOption('drop');
    await expect(item).toContainText('Dropped');
    await expect(item).toContainText('action: drop');
    // A condition that does not hold: nothing matches.
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 1 field').fill('severity');
    await page.getByLabel('Condition 1 value').fill('info');
    await expect(preview.getByRole('status')).toHaveText('Matches 0 of the last 3 events.');
    await preview.getByLabel('Show the events it does not match too').check();
    await expect(preview.getByRole('listitem')).toHaveCount(3);
    await expect(preview.getByRole('listitem').filter({ hasText: frames.disk.title })).toContainText(
      "rule 'Disk alerts' matched",
    );
    // A half-typed rule gets its problems, not a stale answer.
    await page.getByLabel('Condition 1 test').selectOption('gt');
    await expect(preview.getByRole('status')).toHaveText('The preview waits for a complete rule.');
    expect(herald.saved.settings.rules).toHaveLength(2);
  });

  test('every rule field is editable; a new rule’s id comes from its name, and stays on rename', async ({
    herald,
    page,
  }) => {
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Disk alerts');
    // "disk-alerts" is taken by the existing rule.
    await expect(page.getByText('Id: disk-alerts-2')).toBeVisible();
    await page.getByLabel('Event types').fill('lab.cpu');
    await page.getByLabel('Sources').fill('lab');
    await page.getByLabel('Kinds').fill('generic-json');
    await page.getByLabel('Must hold for').fill('2m');
    await page.getByLabel('Cooldown', { exact: true }).fill('10m');
    await page.getByLabel('Cooldown key').fill('{{sourceId}}|cpu');
    await page.getByRole('switch', { name: 'Separate on and off thresholds (hysteresis)' }).check();
    await page.getByLabel('On condition field').fill('raw.cpu');
    await page.getByLabel('On condition test').selectOption('gt');
    await page.getByLabel('On condition value').fill('90');
    await page.getByLabel('Off condition field').fill('raw.cpu');
    await page.getByLabel('Off condition test').selectOption('lt');
    await page.getByLabel('Off condition value').fill('80');
    await page.getByLabel('Resolved title').fill('CPU cool again');
    await page.getByLabel('Urgency').selectOption('critical');
    await page.getByRole('switch', { name: 'Silent (no sound)' }).check();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 1 field').fill('title');
    await page.getByLabel('Condition 1 test').selectOption('regex');
    await page.getByLabel('Condition 1 value').fill('^cpu');
    await page.getByLabel('Condition 1 regex flags').fill('i');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('listitem', { name: 'Disk alerts' })).toHaveCount(2);
    expect(herald.saved.settings.rules[2]).toEqual({
      id: 'disk-alerts-2',
      name: 'Disk alerts',
      enabled: true,
      types: ['lab.cpu'],
      sources: ['lab'],
      kinds: ['generic-json'],
      conditions: [{ field: 'title', op: 'regex', value: '^cpu', flags: 'i' }],
      for: 120_000,
      cooldown: 600_000,
      key: '{{sourceId}}|cpu',
      hysteresis: {
        on: { field: 'raw.cpu', op: 'gt', value: 90 },
        off: { field: 'raw.cpu', op: 'lt', value: 80 },
        notifyResolved: true,
        resolvedTitle: 'CPU cool again',
      },
      action: { type: 'notify', urgency: 'critical', silent: true },
    });

    await page
      .getByRole('listitem', { name: 'Disk alerts' })
      .last()
      .getByRole('button', { name: 'Edit' })
      .click();
    await page.getByLabel('Name', { exact: true }).fill('CPU hot');
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByRole('listitem', { name: 'CPU hot' })).toBeVisible();
    expect(herald.saved.settings.rules[2]).toMatchObject({ id: 'disk-alerts-2', name: 'CPU hot' });
  });

  test('Escape cancels the editor; a refused save brings its first problem into view and focus', async ({
    herald,
    page,
  }) => {
    await page.getByRole('listitem', { name: 'Disk alerts' }).getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Changed, then abandoned');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Your rules' })).toBeVisible();
    expect(herald.saved.settings.rules[0]!.name).toBe('Disk alerts');

    await page.setViewportSize({ width: 800, height: 600 });
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Broken');
    await page.getByLabel('Cooldown', { exact: true }).fill('soon');
    await page.getByRole('button', { name: 'Save rule' }).click();
    const cooldown = page.getByLabel('Cooldown', { exact: true });
    await expect(cooldown).toHaveAttribute('aria-invalid', 'true');
    await expect(cooldown).toBeFocused();
    await expect(cooldown).toBeInViewport();
    expect(herald.saved.settings.rules).toHaveLength(2);
  });
});
