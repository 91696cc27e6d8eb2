import { memoryState } from '../helpers/settings-state';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../app/core/engine/engine';
import type { RaisedNotification } from '../../app/core/engine/types';
import { createMemoryHistory } from '../../app/core/history/memory-history';
import type { HistoryEntry } from '../../app/shared/history';
import { SettingsSchema } from '../../app/shared/settings';
import { engineFixture, until } from '../helpers/engine-fixture';

const fx = engineFixture();

describe('engine listeners', () => {
  it('a listener that throws costs neither the other listeners, the notification, nor the rest of the frame', async () => {
    const server = await fx.jsonServer((socket) =>
      socket.send(
        JSON.stringify([
          { type: 'smoke', level: 'critical', text: 'Smoke in the hall' },
          { type: 'door', level: 'critical', text: 'Back door open' },
        ]),
      ),
    );
    const settings = SettingsSchema.parse({
      version: 1,
      sources: [
        {
          id: 'lab',
          kind: 'generic-json',
          name: 'Lab',
          url: server.url,
          options: { severityPath: 'level' },
        },
      ],
    });
    const history = createMemoryHistory({ retention: settings.history });
    const warnings: string[] = [];
    const e = createEngine({
      state: memoryState(settings),
      history,
      log: { debug() {}, info() {}, warn: (m) => warnings.push(m) },
    });
    fx.track(e);
    // A host sink with a bug (a window that went away, a formatter that chokes on one value).
    e.on('entry', (entry) => {
      if (entry.event.type === 'json.smoke') throw new Error('sink bug');
    });
    const entries: HistoryEntry[] = [];
    const notes: RaisedNotification[] = [];
    e.on('entry', (x) => entries.push(x));
    e.on('notification', (x) => notes.push(x));
    e.start();
    await until(() => notes.length === 2, 'both notifications');
    expect(entries.map((x) => x.event.type)).toEqual(['json.smoke', 'json.door']);
    expect(notes.map((n) => n.notification.body)).toEqual(['Smoke in the hall', 'Back door open']);
    expect(e.statuses()[0]?.badFrames).toBe(0);
    expect(warnings.join('\n')).toMatch(/sink bug/);
  });
});
