import type { HomeEvent } from '../../app/shared/home-event';
import { expect, test } from './herald-fixture';

/**
 * A coalesced burst as the engine records it: held-back notifications carry `decision.burstId`, and the
 * summary entry (Herald's own event) carries the same id and lists what it holds in its data.
 */
function burstEntries(burstId: string) {
  const event = (n: number): HomeEvent => ({
    id: `door-${n}`,
    sourceId: 'lab',
    sourceKind: 'generic-json',
    type: 'lab.door.open',
    time: Date.now(),
    severity: 'info',
    title: `Door ${n} opened`,
    body: '',
    raw: { n },
  });
  const held = [1, 2, 3].map((n) => ({
    event: event(n),
    decision: {
      action: 'record' as const,
      reason: 'coalesced into summary: more than 3 notifications within 10s (rule matched)',
      burstId,
    },
  }));
  const summary = {
    event: {
      id: `herald.summary:${burstId}`,
      sourceId: 'herald',
      sourceKind: 'herald',
      type: 'herald.summary',
      time: Date.now(),
      severity: 'info' as const,
      title: '3 more from Lab server',
      body: 'Door 1 opened, Door 2 opened, Door 3 opened',
      data: { count: 3, sourceIds: ['lab'] },
      raw: null,
    },
    decision: {
      action: 'notify' as const,
      reason: 'summary of 3 notifications held back during a burst',
      burstId,
    },
  };
  return { held, summary };
}

test('a burst summary is an entry of its own, linked both ways with what it holds', async ({
  herald,
  page,
}) => {
  const { held, summary } = burstEntries('burst-1');
  for (const { event, decision } of held) herald.history.append(event, decision, true);
  herald.history.append(summary.event, summary.decision, false);
  await page.goto(herald.url);

  const summaryRow = page.getByRole('article', { name: summary.event.title });
  await expect(summaryRow).toContainText('Burst summary');
  await summaryRow.click();
  const pane = page.getByRole('complementary', { name: summary.event.title });
  await expect(pane.getByRole('heading', { name: 'Holds 3 notifications' })).toBeVisible();
  // Herald's own summary is not something to base a rule on.
  await expect(pane.getByRole('button', { name: 'Make a rule like this' })).toHaveCount(0);
  await pane.getByRole('button', { name: 'Door 2 opened' }).click();

  const member = page.getByRole('complementary', { name: 'Door 2 opened' });
  await expect(member.getByRole('heading', { name: 'Part of a burst' })).toBeVisible();
  await expect(member).toContainText('coalesced into summary');
  await member.getByRole('button', { name: summary.event.title }).click();
  await expect(page.getByRole('complementary', { name: summary.event.title })).toBeVisible();
});
