import { describe, expect, it } from 'vitest';
import { gateway, openSession } from './setup';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deCONZ name refresh', () => {
  it('does not pile up behind a gateway slower than the refresh period, so pushes stay live', async () => {
    const gw = await gateway();
    const h = await openSession(gw, { refreshMinutes: 0.01 }); // every 600 ms
    gw.restDelayMs = 1200; // each refresh now takes longer than the period
    await sleep(6000);
    const sent = Date.now();
    gw.press('31', 1002);
    const press = await h.waitForEvent('deconz.button', 3000);
    expect(press.data?.code).toBe(1002);
    expect(Date.now() - sent).toBeLessThan(3000);
  }, 15_000);
});
