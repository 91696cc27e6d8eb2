import { afterEach, describe, expect, it } from 'vitest';
import { rig, type Rig } from './helpers';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('tvheadend: the server changes its authentication type', () => {
  it('follows a server switched from Digest to Plain (Basic) across a restart', async () => {
    r = await rig();
    const { fake, h } = r;
    await h.waitForState('open');
    // The admin sets "Authentication type" to Plain and restarts Tvheadend.
    await fake.restart(() => void Object.assign(fake.auth, { mode: 'plain' }));
    await h.waitFor(
      () => fake.requests.some((q) => q.upgrade && q.status === 101 && /^Basic /.test(q.auth ?? '')),
      10_000,
      'a Basic upgrade after the switch',
    );
    await h.waitForState('open');
    expect(h.status().state).toBe('open');
  });
});
