import { embyAdapter } from '../../../../app/core/sources/emby/adapter';
import type { FakeEmby, FakeFlavour } from '../../../fakes/emby/fake-server';
import { startSession } from '../../../helpers/session-harness';
import type { SessionHarness } from '../../../helpers/session-harness';

export const DEVICE_NAME = 'Herald test rig';

export interface Run {
  harness: SessionHarness;
  stop(): Promise<void>;
}

/** One Herald emby source against a fake; password login unless secrets say otherwise. */
export function connect(
  fake: FakeEmby,
  opts: {
    flavour?: FakeFlavour | 'auto';
    options?: Record<string, unknown>;
    secrets?: Record<string, string>;
  } = {},
): SessionHarness {
  return startSession(
    embyAdapter,
    {
      id: 'media',
      kind: 'emby',
      name: 'Media',
      url: fake.url,
      options: {
        flavour: opts.flavour ?? 'auto',
        username: 'tray',
        deviceName: DEVICE_NAME,
        deviceId: 'herald-test-device',
        ...opts.options,
      },
    },
    opts.secrets ?? { password: 's3cret' },
  );
}

/** Resolves once the fake has seen `n` capability registrations (the last step of a resync before activity). */
export async function capabilitiesPosted(
  h: SessionHarness,
  fake: FakeEmby,
  n: number,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (fake.state.capabilities.length < n) {
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `only ${fake.state.capabilities.length} capability posts, wanted ${n}; status ${JSON.stringify(h.status())}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
  // The activity catch-up follows the POST; give it a moment to land.
  await new Promise((r) => setTimeout(r, 150));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
