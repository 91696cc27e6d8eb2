import { memoryState } from '../helpers/settings-state';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../app/core/engine/engine';
import type { RaisedNotification } from '../../app/core/engine/types';
import { SettingsSchema } from '../../app/shared/settings';
import { engineFixture, until } from '../helpers/engine-fixture';

const fx = engineFixture();

describe('engine: a coalescing window longer than a timer can wait', () => {
  it('waits for the burst to end instead of spinning a 1 ms timer', async () => {
    const server = await fx.jsonServer();
    const settings = SettingsSchema.parse({
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
      // 30 days: allowed by the schema, and beyond setTimeout's 2^31-1 ms.
      policy: { coalesce: { window: '30d', threshold: 1 }, dedupWindow: 0 },
    });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const e = createEngine({ state: memoryState(settings) });
      fx.track(e);
      const notes: RaisedNotification[] = [];
      let entries = 0;
      e.on('notification', (n) => notes.push(n));
      e.on('entry', () => (entries += 1));
      e.start();
      await until(() => server.connections === 1, 'the connection');
      for (let i = 0; i < 3; i++) server.send({ type: 'x', n: i });
      await until(() => entries === 3, 'three entries');
      await new Promise((r) => setTimeout(r, 200));
      expect(notes).toHaveLength(1);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
