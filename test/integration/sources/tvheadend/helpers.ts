import { tvheadendAdapter } from '../../../../app/core/sources/tvheadend/adapter';
import { startSession, type SessionHarness } from '../../../helpers/session-harness';
import {
  startFakeTvheadend,
  type FakeTvheadend,
  type FakeTvheadendOptions,
} from '../../../fakes/tvheadend/server';

export interface Rig {
  fake: FakeTvheadend;
  h: SessionHarness;
  close(): Promise<void>;
}

/** A fake server with a short batch window and one real session against it. */
export async function rig(
  options: Record<string, unknown> = { username: 'admin' },
  password = 'admin',
  fakeOptions: FakeTvheadendOptions = {},
): Promise<Rig> {
  const fake = await startFakeTvheadend({ batchMs: 50, diskIntervalMs: 100, ...fakeOptions });
  const h = startSession(
    tvheadendAdapter,
    { id: 'tvh', kind: 'tvheadend', name: 'TV', url: fake.url, options },
    { password },
  );
  return {
    fake,
    h,
    async close() {
      await h.stop();
      await fake.stop();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Count of API calls to a path the fake answered. */
export function calls(fake: FakeTvheadend, path: string, status?: number): number {
  return fake.requests.filter((r) => r.path === path && (status === undefined || r.status === status)).length;
}

/** Waits until the session has made `n` calls to `path` (so the frames that caused them were handled). */
export async function waitForCalls(fake: FakeTvheadend, path: string, n: number, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (calls(fake, path) < n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} calls to ${path}, saw ${calls(fake, path)}`);
    await sleep(20);
  }
  // The answer is in; give the session a moment to act on it.
  await sleep(60);
}

export function types(h: SessionHarness, glob = 'tvheadend.*'): string[] {
  return h.eventsOf(glob).map((e) => e.type);
}
