import type { HomeEvent } from '../../app/shared/home-event';
import { expect, test } from './herald-fixture';

const TOTAL = 250;

function event(n: number): HomeEvent {
  return {
    id: `page-${n}`,
    sourceId: 'lab',
    sourceKind: 'generic-json',
    type: 'lab.tick',
    time: Date.now(),
    severity: 'info',
    title: `Tick number ${n}`,
    body: '',
    raw: {},
  };
}

test('scrolling while the next page is on its way loads each entry once', async ({ herald, page }) => {
  for (let n = 1; n <= TOTAL; n++) herald.history.append(event(n), { action: 'record', reason: 'test' });

  // Answers to "the next page" requests come late, as over a slow or busy host.
  await page.routeWebSocket(/\/api\?/, (ws) => {
    const server = ws.connectToServer();
    const slow = new Set<number>();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; request?: { before?: number } };
      if (frame.request?.before !== undefined) slow.add(frame.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id?: number };
      if (frame.id !== undefined && slow.has(frame.id)) setTimeout(() => ws.send(message), 700);
      else ws.send(message);
    });
  });

  await page.goto(herald.url);
  await expect(page.getByTestId('total-count')).toHaveText(String(TOTAL));
  const scroller = page.locator('.history-scroll');
  const oldest = page.getByRole('article', { name: 'Tick number 1', exact: true });
  // Keep scrolling around the bottom while answers are delayed: each move re-renders the list.
  for (let i = 0; i < 120 && !(await oldest.isVisible()); i++) {
    await scroller.evaluate((el, step) => {
      el.scrollTop = el.scrollHeight - el.clientHeight - (step % 2) * 40;
    }, i);
    await page.waitForTimeout(60);
  }
  await expect(oldest).toBeVisible();
  await page.waitForTimeout(1000);
  const sizes = await page
    .getByRole('article')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-setsize'))));
  expect(new Set(sizes)).toEqual(new Set([TOTAL]));
});
