import { memoryState, replaceSettings } from '../helpers/settings-state';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../app/core/engine/engine';
import type { RaisedNotification } from '../../app/core/engine/types';
import { createMemoryHistory } from '../../app/core/history/memory-history';
import type { HistoryEntry } from '../../app/shared/history';
import { SettingsSchema } from '../../app/shared/settings';
import { engineFixture, until } from '../helpers/engine-fixture';
import type { SettingsInput } from '../../app/shared/settings';

const fx = engineFixture();

describe('engine: burst summaries', () => {
  it('snoozing the source during its burst records the summary instead of raising it', async () => {
    const server = await fx.jsonServer();
    const input: SettingsInput = {
      version: 1,
      sources: [
        {
          id: 'lab',
          kind: 'generic-json',
          name: 'Lab',
          url: server.url,
        },
      ],
      rules: [{ id: 'all', name: 'Everything', action: { type: 'notify' } }],
      policy: { coalesce: { window: 1000, threshold: 2 }, dedupWindow: 0 },
    };
    const settings = SettingsSchema.parse(input);
    const state = memoryState(settings);
    const e = createEngine({
      state,
      history: createMemoryHistory({ retention: settings.history }),
    });
    fx.track(e);
    const entries: HistoryEntry[] = [];
    const notes: RaisedNotification[] = [];
    e.on('entry', (x) => entries.push(x));
    e.on('notification', (x) => notes.push(x));
    e.start();
    await until(() => server.connections === 1, 'the connection');
    for (let i = 0; i < 6; i++) server.send({ type: 'ping', n: i });
    await until(() => entries.length === 6, 'six entries');
    expect(notes).toHaveLength(2);
    // The user silences the noisy source while the burst is still open.
    replaceSettings(state, SettingsSchema.parse({ ...input, snoozes: { lab: Date.now() + 3_600_000 } }));
    await until(() => entries.some((x) => x.event.type === 'herald.summary'), 'the summary entry', 3000);
    const summary = entries.find((x) => x.event.type === 'herald.summary')!;
    expect(summary.decision.action).toBe('record');
    expect(summary.decision.reason).toMatch(/^snoozed: Lab is snoozed until .*summary of 4 notifications/);
    expect(summary.read).toBe(true);
    expect(notes).toHaveLength(2);
    expect(server.connections).toBe(1);
  });
});
