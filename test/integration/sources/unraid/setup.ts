import { afterEach } from 'vitest';
import { unraidAdapter } from '../../../../app/core/sources/unraid/adapter';
import { startSession } from '../../../helpers/session-harness';
import type { SessionHarness } from '../../../helpers/session-harness';
import { FakeCurrentAgent } from '../../../fakes/unraid/current-agent';
import type { CurrentAgentOptions } from '../../../fakes/unraid/current-agent';
import { FakeLegacyAgent } from '../../../fakes/unraid/legacy-agent';
import type { LegacyAgentOptions } from '../../../fakes/unraid/legacy-agent';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Sessions first (they hold sockets to the agents), then the agents.
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** Cadences short enough for tests; array and disks also publish at once on change, as with fsnotify. */
export const FAST = {
  system_update: 100,
  container_list_update: 100,
  ups_status_update: 100,
  notifications_update: 150,
  array_status_update: 300,
  disk_list_update: 300,
  vm_list_update: 0,
} as const;

export async function currentAgent(opts: CurrentAgentOptions = {}): Promise<FakeCurrentAgent> {
  const agent = await new FakeCurrentAgent({
    intervals: FAST,
    pingIntervalMs: 100,
    pongTimeoutMs: 2000, // generous: a stalled test worker must not look like a dead client
    ...opts,
  }).start();
  cleanups.push(() => agent.stop());
  return agent;
}

export async function legacyAgent(opts: LegacyAgentOptions = {}): Promise<FakeLegacyAgent> {
  const agent = await new FakeLegacyAgent({ statsMs: 100, storageMs: 300, ...opts }).start();
  cleanups.push(() => agent.stop());
  return agent;
}

export function session(
  url: string,
  options: Record<string, unknown> = {},
  secrets: Record<string, string> = {},
): SessionHarness {
  const h = startSession(
    unraidAdapter,
    {
      id: 'tower',
      kind: 'unraid',
      name: 'Tower',
      url,
      options: { containerHold: 100, arraySettle: 400, ...options },
    },
    secrets,
  );
  cleanups.push(() => h.stop());
  return h;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a condition on a fake (which emits nothing the harness can wait on). */
export async function until(pred: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The first REST bootstrap has been answered and at least one list poll has gone by. */
export async function seeded(agent: FakeCurrentAgent, h: SessionHarness, count = 1): Promise<void> {
  await until(
    () => agent.restRequests.filter((p) => p === '/api/v1/notifications').length >= count,
    5000,
    'the REST bootstrap',
  );
  await h.waitForState('open');
  await sleep(350);
}
