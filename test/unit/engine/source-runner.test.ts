import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuthFailedError } from '../../../app/core/connection/types';
import type { SocketLink } from '../../../app/core/connection/types';
import { createSourceRunner } from '../../../app/core/engine/source-runner';
import type { SourceAdapter, TransportHooks } from '../../../app/core/sources/types';
import type { HomeEvent } from '../../../app/shared/home-event';
import { SourceConfigSchema } from '../../../app/shared/settings';
import type { SourceStatus } from '../../../app/shared/source-status';

const link: SocketLink = { send: () => false };
const tick = () => new Promise((r) => setTimeout(r, 5));

/** A kind with its own transport (as an MQTT client would be): the test drives its hooks. */
function ownTransportKind() {
  const transport = { hooks: undefined as TransportHooks | undefined, started: 0, closed: 0 };
  const gates = new Map<string, () => void>();
  const adapter: SourceAdapter<Record<string, never>, 'test-own'> = {
    kind: 'test-own',
    displayName: 'Test',
    description: 'test',
    defaultUrl: 'test://',
    fields: [],
    optionsSchema: z.object({}),
    secretFields: [],
    presets: [],
    createSession: () => ({
      connect: {
        transport(hooks) {
          transport.hooks = hooks;
          return {
            start: () => void (transport.started += 1),
            resume() {},
            close: async () => void (transport.closed += 1),
          };
        },
      },
      frames: {
        decode(value) {
          const frame = z.object({ name: z.string(), slow: z.boolean().optional() }).safeParse(value);
          if (!frame.success) throw new Error('not a test message');
          if (frame.data.name === 'refused') throw new AuthFailedError('bad token');
          return frame.data;
        },
        async handle(frame: { name: string; slow?: boolean }) {
          if (frame.name === 'boom') throw new Error('handler bug');
          if (frame.slow) await new Promise<void>((release) => gates.set(frame.name, release));
          return [
            {
              id: frame.name,
              type: `test.${frame.name}`,
              time: 1,
              severity: 'info',
              title: '',
              body: '',
              raw: frame,
            },
          ];
        },
      },
    }),
  };
  const events: HomeEvent[] = [];
  const statuses: SourceStatus[] = [];
  const runner = createSourceRunner({
    config: SourceConfigSchema.parse({ id: 'own', kind: 'test-own', name: 'Own', url: 'test://x' }),
    secrets: () => ({}),
    saveSecret() {},
    adapter: adapter as SourceAdapter<unknown>,
    onEvents: (batch) => events.push(...batch),
    onStatus: (status) => statuses.push(status),
  });
  return { runner, transport, events, statuses, gates };
}

describe('source runner: the frame pipeline over a kind’s own transport', () => {
  it('stamps source id and kind, keeps arrival order across a slow handler, and counts bad frames', async () => {
    const { runner, transport, events, gates } = ownTransportKind();
    runner.start();
    expect(transport.started).toBe(1);
    const hooks = transport.hooks!;
    hooks.status({ state: 'open', openSince: 1 });
    expect(runner.status().state).toBe('open');

    void hooks.frame('{"name":"first","slow":true}', link);
    void hooks.frame('{"name":"second"}', link);
    await tick();
    expect(events).toEqual([]);
    gates.get('first')!();
    await tick();
    expect(events.map((e) => [e.type, e.sourceId, e.sourceKind])).toEqual([
      ['test.first', 'own', 'test-own'],
      ['test.second', 'own', 'test-own'],
    ]);

    expect(hooks.frame('<html>', link)).toBeUndefined();
    expect(hooks.frame('{"other":1}', link)).toBeUndefined();
    await hooks.frame('{"name":"boom"}', link);
    hooks.badFrame('binary frame');
    expect(runner.status()).toMatchObject({ badFrames: 4, events: 2 });
    await runner.stop();
  });

  it('a frame nested 100 000 deep is a bad frame with its reason, and the next one still arrives', async () => {
    const { runner, transport, events } = ownTransportKind();
    runner.start();
    const hooks = transport.hooks!;
    hooks.status({ state: 'open', openSince: 1 });
    const deep = '{"name":"deep","nested":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(hooks.frame(deep, link)).toBeUndefined();
    expect(runner.status()).toMatchObject({
      badFrames: 1,
      lastBadFrame: { reason: 'nested deeper than 256 levels', at: expect.any(Number) },
    });
    // A reason quoting the frame is server text: cleaned before the UI or a terminal shows it.
    hooks.frame('\x1b[31mjunk\u202e', link);
    expect(runner.status().lastBadFrame?.reason).toBe('frame is not JSON: junk');
    await hooks.frame('{"name":"after"}', link);
    expect(events.map((e) => e.type)).toEqual(['test.after']);
    await runner.stop();
  });

  it('hands an AuthFailedError back to the transport, and drops what arrives after stop', async () => {
    const { runner, transport, events } = ownTransportKind();
    runner.start();
    const hooks = transport.hooks!;
    await expect(hooks.frame('{"name":"refused"}', link)).rejects.toThrow('bad token');
    await runner.stop();
    expect(transport.closed).toBe(1);
    await hooks.frame('{"name":"late"}', link);
    expect(events).toEqual([]);
    expect(runner.status().state).toBe('stopped');
  });
});
