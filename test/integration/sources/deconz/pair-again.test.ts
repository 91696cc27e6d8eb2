import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsPort } from '../../../../app/core/settings/settings-port';
import { createHostKernel } from '../../../../app/core/host/kernel';
import type { Engine } from '../../../../app/core/engine/types';
import { createMemoryHistory } from '../../../../app/core/history/memory-history';
import { REVOKED_MESSAGE } from '../../../../app/core/sources/deconz/rest';
import { API } from '../../../../app/shared/api';
import type { SourceKindInfo } from '../../../../app/shared/api';
import type { Secrets, Settings } from '../../../../app/shared/settings';
import { SettingsSchema } from '../../../../app/shared/settings';
import type { SourceStatus } from '../../../../app/shared/source-status';
import { startFakeDeconz } from '../../../fakes/deconz/fake-deconz';
import type { FakeDeconz } from '../../../fakes/deconz/fake-deconz';
import { FAST_OPTIONS } from './setup';

let gw: FakeDeconz | undefined;
let engine: Engine | undefined;
afterEach(async () => {
  await engine?.stop();
  await gw?.close();
  engine = undefined;
  gw = undefined;
});

/** The real engine and API handlers over one deCONZ source, with settings and secrets kept in memory. */
function host(url: string, secrets: Secrets) {
  const stored: { settings: Settings; secrets: Secrets } = {
    settings: SettingsSchema.parse({
      version: 1,
      sources: [{ id: 'zigbee', kind: 'deconz', name: 'Zigbee', url, options: FAST_OPTIONS }],
    }),
    secrets,
  };
  const port: SettingsPort = {
    load: () => stored,
    save(settings, next) {
      stored.settings = settings;
      stored.secrets = next;
    },
  };
  // As the desktop host does: a key obtained by pairing is saved with the source's secrets (port.save).
  const kernel = createHostKernel({
    port,
    openHistory: (retention) => createMemoryHistory({ retention }),
    api: { host: 'serve', version: 'test' },
  });
  const { engine: e, handlers: api } = kernel;
  const statuses: SourceStatus[] = [];
  e.on('status', (s) => statuses.push(s));
  const waitFor = async (pred: (s: SourceStatus) => boolean, what: string, timeoutMs = 8000) => {
    const end = Date.now() + timeoutMs;
    while (!statuses.some(pred)) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return statuses.find(pred)!;
  };
  return { engine: e, api, stored, statuses, waitFor };
}

describe('deCONZ "Pair again" after the gateway refused the key', () => {
  it('clears the stale key, pairs afresh through Phoscon, stores the new key and connects', async () => {
    gw = await startFakeDeconz({ locked: true, apiKeys: [] });
    const h = host(gw.url, { zigbee: { apiKey: 'STALE-KEY-123' } });
    engine = h.engine;
    h.engine.start();
    await h.waitFor((s) => s.state === 'auth-failed' && s.lastError === REVOKED_MESSAGE, 'the refusal');

    const kinds = await h.api.handle(API.sourceKinds, undefined);
    expect(kinds.ok && (kinds.value as SourceKindInfo[]).find((k) => k.kind === 'deconz')?.pairing).toEqual({
      secretField: 'apiKey',
    });

    h.statuses.length = 0;
    expect(await h.api.handle(API.sourcePair, { sourceId: 'zigbee' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(h.stored.secrets.zigbee).toEqual({});
    // The restarted source asks for a key and tells the user how to let it in.
    const waiting = await h.waitFor((s) => /locked/.test(s.lastError ?? ''), 'the pairing hint');
    expect(waiting.hint).toMatch(/Authenticate app/);
    gw.unlock();
    await h.waitFor((s) => s.state === 'open', 'the new connection');
    const key = h.stored.secrets.zigbee?.apiKey;
    expect(key).toBeDefined();
    expect(gw.keys.has(key!)).toBe(true);
    expect(gw.requestsTo('/api/STALE-KEY-123/config')).toBe(1);
  });

  it('pairs again with a reconnect when no key is stored; an unknown source is refused', async () => {
    gw = await startFakeDeconz({ locked: true, apiKeys: [] });
    const h = host(gw.url, {});
    engine = h.engine;
    h.engine.start();
    // Nobody unlocks within the short pairing window: auth-failed without a key.
    await h.waitFor((s) => s.state === 'auth-failed', 'the pairing window to close');
    const posts = () => gw!.requests.filter((r) => r.method === 'POST').length;
    const before = posts();
    gw.unlock();
    expect(await h.api.handle(API.sourcePair, { sourceId: 'zigbee' })).toMatchObject({ ok: true });
    await h.waitFor((s) => s.state === 'open', 'the connection after pairing');
    expect(posts()).toBe(before + 1);

    expect(await h.api.handle(API.sourcePair, { sourceId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'no source with id "nope"' },
    });
  });
});
