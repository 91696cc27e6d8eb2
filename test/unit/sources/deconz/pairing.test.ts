import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../../../app/core/http/types';
import { pairDeconz, pairWithRetries } from '../../../../app/core/sources/deconz/pairing';
import { websocketUrl } from '../../../../app/core/sources/deconz/session';
import { decodeButtonEvent, describeGesture } from '../../../../app/core/sources/deconz/buttons';
import { LookupBudget } from '../../../../app/core/sources/deconz/lookups';

/** Answers POST /api from a script of (status, body) pairs; records what was sent. */
function scriptedHttp(
  script: (() => { status: number; body: string })[],
): HttpClient & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async request(req) {
      sent.push(req);
      const next = script.shift();
      if (!next) throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      const { status, body } = next();
      const res: HttpResponse = {
        status,
        headers: {},
        text: body,
        json: <T>() => JSON.parse(body) as T,
      };
      return res;
    },
    async getJson() {
      throw new Error('not used');
    },
  };
}

const locked = () => ({
  status: 403,
  body: '[{"error":{"type":101,"address":"/","description":"link button not pressed"}}]',
});
const granted = () => ({ status: 200, body: '[{"success":{"username":"988112A4E1"}}]' });

describe('pairDeconz', () => {
  it('returns the key once the gateway is unlocked', async () => {
    const http = scriptedHttp([granted]);
    await expect(pairDeconz(http, { devicetype: 'herald#test' })).resolves.toEqual({
      ok: true,
      apiKey: '988112A4E1',
    });
    expect(http.sent[0]).toMatchObject({ url: '/api', method: 'POST', json: { devicetype: 'herald#test' } });
  });

  it('tells locked, unreachable and not-deCONZ apart', async () => {
    await expect(pairDeconz(scriptedHttp([locked]), { devicetype: 'x' })).resolves.toMatchObject({
      ok: false,
      reason: 'link-button',
    });
    await expect(pairDeconz(scriptedHttp([]), { devicetype: 'x' })).resolves.toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
    await expect(
      pairDeconz(scriptedHttp([() => ({ status: 200, body: '<html>' })]), { devicetype: 'x' }),
    ).resolves.toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    await expect(
      pairDeconz(
        scriptedHttp([() => ({ status: 400, body: '[{"error":{"type":7,"description":"invalid value"}}]' })]),
        { devicetype: 'x' },
      ),
    ).resolves.toMatchObject({ ok: false, reason: 'refused' });
  });

  it('trims devicetype to the 40 characters deCONZ accepts', async () => {
    const http = scriptedHttp([granted]);
    await pairDeconz(http, { devicetype: 'x'.repeat(60) });
    expect((http.sent[0]!.json as { devicetype: string }).devicetype).toHaveLength(40);
  });
});

describe('pairWithRetries', () => {
  it('retries while locked and stops at the window', async () => {
    let clock = 0;
    const locks: number[] = [];
    const http = scriptedHttp([locked, locked, locked, locked, locked, locked, locked, locked]);
    const result = await pairWithRetries(http, {
      devicetype: 'x',
      retryMs: 10_000,
      windowMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      onLocked: (n) => locks.push(n),
    });
    expect(result).toMatchObject({ ok: false, reason: 'link-button' });
    expect(http.sent).toHaveLength(7); // t = 0, 10, …, 60 s
    expect(locks).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('succeeds when the user unlocks in time', async () => {
    let clock = 0;
    const http = scriptedHttp([locked, locked, granted]);
    const result = await pairWithRetries(http, {
      devicetype: 'x',
      retryMs: 10_000,
      windowMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    expect(result).toEqual({ ok: true, apiKey: '988112A4E1' });
  });
});

describe('websocketUrl', () => {
  it('uses the host of the source and the port from /config (both layouts)', () => {
    expect(websocketUrl('http://192.168.1.5:80', { websocketport: 443 }, false)).toBe(
      'ws://192.168.1.5:443/',
    );
    expect(websocketUrl('http://gw.local', { websocketport: 80, websocketport_wss: 443 }, false)).toBe(
      'ws://gw.local:80/',
    );
    expect(websocketUrl('http://gw.local', { websocketport: 80, websocketport_wss: 443 }, true)).toBe(
      'wss://gw.local:443/',
    );
    expect(websocketUrl('http://[::1]:8080', { websocketport: 8088 }, false)).toBe('ws://[::1]:8088/');
  });

  it('explains a missing port', () => {
    expect(() => websocketUrl('http://gw', {}, false)).toThrow(/no websocketport/);
    expect(() => websocketUrl('http://gw', { websocketport: 80 }, true)).toThrow(/2\.32/);
  });
});

describe('button gestures', () => {
  it('reads the ×1000 scheme and the special remotes', () => {
    expect(describeGesture(decodeButtonEvent(1002))).toBe('button 1 short press');
    expect(describeGesture(decodeButtonEvent(2001))).toBe('button 2 held');
    expect(describeGesture(decodeButtonEvent(2003))).toBe('button 2 long press released');
    expect(describeGesture(decodeButtonEvent(3004))).toBe('button 3 double press');
    expect(describeGesture(decodeButtonEvent(1010))).toBe('button 1 multi press');
    expect(describeGesture(decodeButtonEvent(7007, 1))).toBe('shaken');
    expect(decodeButtonEvent(34)).toMatchObject({ button: 1 });
    expect(describeGesture(decodeButtonEvent(5))).toBe('event 5');
    expect(describeGesture(decodeButtonEvent(1099))).toBe('button 1 event 1099');
  });
});

describe('LookupBudget', () => {
  it('caps lookups per minute and backs off failed ids', () => {
    let clock = 0;
    const budget = new LookupBudget(() => clock, 2);
    expect(budget.take('a')).toBe(true);
    expect(budget.take('b')).toBe(true);
    expect(budget.take('c')).toBe(false);
    clock = 61_000;
    budget.failed('c');
    expect(budget.take('c')).toBe(false);
    expect(budget.take('d')).toBe(true);
    clock += 6 * 60_000;
    expect(budget.take('c')).toBe(true);
  });
});
