import { memoryState, replaceSettings } from '../helpers/settings-state';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../app/core/engine/engine';
import { SettingsSchema } from '../../app/shared/settings';
import { engineFixture, until } from '../helpers/engine-fixture';
import type { SourceStatus } from '../../app/shared/source-status';

const fx = engineFixture();

describe('engine: a source that cannot even start', () => {
  it('a URL typed without its scheme stops that source with a reason; the others start', async () => {
    const server = await fx.jsonServer();
    const lab = {
      id: 'lab',
      kind: 'generic-json',
      name: 'Lab',
      url: server.url,
    };
    // "192.168.1.20:8096" is how many people type a server's address.
    const emby = { id: 'emby', kind: 'emby', name: 'Emby', url: '192.168.1.20:8096' };
    const state = memoryState(SettingsSchema.parse({ version: 1, sources: [emby, lab] }));
    const e = createEngine({ state });
    fx.track(e);
    const statuses: SourceStatus[] = [];
    e.on('status', (s) => statuses.push(s));
    expect(() => e.start()).not.toThrow();
    await until(() => server.connections === 1, 'the lab source to connect');
    const bad = e.statuses().find((s) => s.sourceId === 'emby');
    expect(bad).toMatchObject({ state: 'stopped' });
    expect(bad?.lastError).toMatch(/invalid URL/i);
    expect(statuses.some((s) => s.sourceId === 'emby' && s.state === 'stopped')).toBe(true);

    // The same through a settings change, and resume() does not throw either.
    expect(() =>
      replaceSettings(
        state,
        SettingsSchema.parse({ version: 1, sources: [lab, { ...emby, url: 'emby.local:8096' }] }),
      ),
    ).not.toThrow();
    expect(() => e.resume()).not.toThrow();
    expect(e.statuses().find((s) => s.sourceId === 'emby')).toMatchObject({ state: 'stopped' });
  });
});
