import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../app/core/api/handlers';
import { API, PUSH } from '../../../app/shared/api';
import type { SettingsSetResult } from '../../../app/shared/api';
import { fakeEngine, memoryHistory, memorySettings, sampleEvent, settingsWithSource } from './fakes';

function setup() {
  const engine = fakeEngine();
  const history = memoryHistory();
  const settings = memorySettings(settingsWithSource(), { lab: { authorization: 'Bearer s3cret' } });
  const opened: string[] = [];
  const api = createApiHandlers({
    engine: engine.engine,
    history,
    state: settings.owner,
    host: 'electron',
    version: '1.2.3',
    openUrl: (url) => void opened.push(url),
  });
  return { engine, history, settings, api, opened };
}

describe('createApiHandlers', () => {
  it('rejects unknown channels and malformed requests with a clear error', async () => {
    const { api } = setup();
    expect(await api.handle('nope:nope', undefined)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const bad = await api.handle(API.historyQuery, { limit: 'lots' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('limit');
    expect(await api.handle(API.historyQuery, { limit: 5, evil: true })).toMatchObject({ ok: false });
  });

  it('opens only http(s) URLs', async () => {
    const { api, opened } = setup();
    expect(await api.handle(API.openUrl, { url: 'javascript:alert(1)' })).toMatchObject({ ok: false });
    expect(await api.handle(API.openUrl, { url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(await api.handle(API.openUrl, { url: 'https://example.org/x' })).toEqual({
      ok: true,
      value: { openedByHost: true, url: 'https://example.org/x' },
    });
    expect(opened).toEqual(['https://example.org/x']);
  });

  it('returns field errors for bad settings and saves good ones', async () => {
    const { api, settings } = setup();
    const current = settings.state.settings;
    const bad = await api.handle(API.settingsSet, {
      ...current,
      quietHours: { ...current.quietHours, start: '25:99' },
    });
    expect(bad.ok).toBe(true);
    const badValue = (bad as { value: SettingsSetResult }).value;
    expect(badValue.ok).toBe(false);
    if (!badValue.ok) expect(badValue.errors[0]?.path).toBe('quietHours.start');
    expect(settings.state.saves).toBe(0);

    const good = await api.handle(API.settingsSet, {
      ...current,
      quietHours: { ...current.quietHours, enabled: true },
    });
    expect(good).toMatchObject({ ok: true, value: { ok: true } });
    expect(settings.state.settings.quietHours.enabled).toBe(true);
    expect(settings.changes).toHaveLength(1);
    // Secrets survive a settings save and are never part of the settings.
    expect(settings.state.secrets.lab?.authorization).toBe('Bearer s3cret');
    expect(JSON.stringify(await api.handle(API.settingsGet, undefined))).not.toContain('s3cret');
  });

  it('reports which secrets are set without their values, and refuses fields the kind does not have', async () => {
    const { api, settings } = setup();
    const status = await api.handle(API.secretsStatus, undefined);
    expect(status).toEqual({ ok: true, value: { lab: ['authorization'] } });
    expect(JSON.stringify(status)).not.toContain('s3cret');
    expect(await api.handle(API.secretsClear, { sourceId: 'lab', field: 'authorization' })).toMatchObject({
      ok: true,
    });
    expect(settings.state.secrets.lab).toEqual({});
    expect(await api.handle(API.secretsSet, { sourceId: 'ghost', field: 'x', value: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });

  it('exports secrets only when asked', async () => {
    const { api } = setup();
    const without = await api.handle(API.settingsExport, { includeSecrets: false });
    const withSecrets = await api.handle(API.settingsExport, { includeSecrets: true });
    expect(JSON.stringify(without)).not.toContain('s3cret');
    expect(JSON.stringify(withSecrets)).toContain('s3cret');
  });

  it('snoozes and un-snoozes a source through settings', async () => {
    const { api, settings } = setup();
    const until = Date.now() + 60_000;
    expect(await api.handle(API.sourceSnooze, { sourceId: 'lab', until })).toMatchObject({ ok: true });
    expect(settings.state.settings.snoozes).toEqual({ lab: until });
    await api.handle(API.sourceSnooze, { sourceId: 'lab', until: null });
    expect(settings.state.settings.snoozes).toEqual({});
  });

  it('turns engine events into pushes and marks history read', async () => {
    const { api, engine, history } = setup();
    const pushes: string[] = [];
    api.onPush((channel) => pushes.push(channel));
    const entry = history.append(sampleEvent(), { action: 'notify', reason: 'rule "disk" matched' });
    engine.emit('entry', entry);
    await api.handle(API.testNotification, undefined);
    expect(pushes).toEqual([PUSH.historyAppended, PUSH.notificationRaised]);
    expect(await api.handle(API.historyMarkRead, { seqs: [entry.seq] })).toEqual({
      ok: true,
      value: { unread: 0 },
    });
    api.dispose();
    engine.emit('entry', entry);
    expect(pushes).toHaveLength(2);
  });

  it('a save reaches the windows once: by the settings:changed push, not again in the reply', async () => {
    const { api, settings } = setup();
    const pushed: unknown[] = [];
    api.onPush((channel, payload) => {
      if (channel === PUSH.settingsChanged) pushed.push(payload);
    });
    const next = { ...settings.state.settings, disabledPresets: ['preset:x:z'] };
    expect(await api.handle(API.settingsSet, next)).toEqual({ ok: true, value: { ok: true } });
    expect(pushed).toEqual([expect.objectContaining({ disabledPresets: ['preset:x:z'] })]);
    // A secret change alone is no settings change: nothing to push.
    await api.handle(API.secretsSet, { sourceId: 'lab', field: 'authorization', value: 'Bearer new' });
    expect(pushed).toHaveLength(1);
  });

  it('imports settings text and reports broken JSON as an error', async () => {
    const { api, settings } = setup();
    const broken = await api.handle(API.settingsImport, { text: '{nope' });
    expect(broken).toMatchObject({ ok: true, value: { ok: false } });
    const text = JSON.stringify({ ...settings.state.settings, disabledPresets: ['preset:x:y'] });
    expect(await api.handle(API.settingsImport, { text })).toMatchObject({ ok: true, value: { ok: true } });
    expect(settings.state.settings.disabledPresets).toEqual(['preset:x:y']);
  });
});
