import { afterEach } from 'vitest';
import type { HomeEvent } from '../../../../app/shared/home-event';
import { deconzAdapter } from '../../../../app/core/sources/deconz/adapter';
import type { SessionHarness } from '../../../helpers/session-harness';
import { startSession } from '../../../helpers/session-harness';
import type { FakeDeconz, FakeDeconzOptions } from '../../../fakes/deconz/fake-deconz';
import { startFakeDeconz } from '../../../fakes/deconz/fake-deconz';

export const KEY = 'ABCDEF1234';

/** Short timings so every wait in these tests is bounded by a few seconds. */
export const FAST_OPTIONS = {
  pairRetrySeconds: 0.1,
  pairWindowSeconds: 3,
  pingIntervalSeconds: 0.2,
  pingTimeoutSeconds: 1,
};

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

export async function gateway(opts: FakeDeconzOptions = {}): Promise<FakeDeconz> {
  const gw = await startFakeDeconz({ apiKeys: [KEY], ...opts });
  cleanups.push(() => gw.close());
  return gw;
}

export function session(
  gw: FakeDeconz,
  secrets: Record<string, string> = { apiKey: KEY },
  options: object = {},
): SessionHarness {
  const harness = startSession(
    deconzAdapter,
    { id: 'zigbee', kind: 'deconz', name: 'Zigbee', url: gw.url, options: { ...FAST_OPTIONS, ...options } },
    secrets,
  );
  cleanups.push(() => harness.stop());
  return harness;
}

/** An open session whose first snapshot is done (its baseline is in place). */
export async function openSession(gw: FakeDeconz, options: object = {}): Promise<SessionHarness> {
  const h = session(gw, { apiKey: KEY }, options);
  await h.waitForState('open');
  await gw.waitForClients(1);
  await gw.waitFor(() => gw.requestsTo('/api/<key>/alarmsystems') >= 1, 5000, 'the snapshot');
  await flush(gw, h);
  return h;
}

let marker = 0;

/**
 * Frames are applied in order, so once a marker press arrives every frame pushed before it has been
 * handled: counts taken afterwards are final, with no sleeping.
 */
export async function flush(gw: FakeDeconz, h: SessionHarness): Promise<void> {
  marker += 1;
  const code = 27000 + (marker % 10);
  const from = h.events.length;
  const isMarker = (e: HomeEvent) =>
    e.type === 'deconz.button' && e.data?.code === code && e.entity?.name === 'ZHA remote 1';
  gw.press('31', code);
  await h.waitFor(() => h.events.slice(from).some(isMarker), 5000, 'the marker press');
  // Take only the marker out, so tests count exactly what their own frames produced.
  h.events.splice(
    h.events.findIndex((e, i) => i >= from && isMarker(e)),
    1,
  );
}
