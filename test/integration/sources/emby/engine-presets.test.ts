import { memoryState } from '../../../helpers/settings-state';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../app/core/engine/engine';
import type { RaisedNotification } from '../../../../app/core/engine/types';
import type { HistoryEntry } from '../../../../app/shared/history';
import { SettingsSchema } from '../../../../app/shared/settings';
import { startFakeEmby } from '../../../fakes/emby/fake-server';
import type { FakeEmby } from '../../../fakes/emby/fake-server';

let fake: FakeEmby | undefined;
let stopEngine: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopEngine?.();
  await fake?.close();
  fake = undefined;
  stopEngine = undefined;
});

async function until(pred: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!pred()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('emby presets through the real engine', () => {
  it('a DisplayMessage notifies with its TimeoutMs; playback is recorded only; failed logins warn', async () => {
    fake = await startFakeEmby({ flavour: 'jellyfin' });
    const settings = SettingsSchema.parse({
      version: 1,
      sources: [
        {
          id: 'jf',
          kind: 'emby',
          name: 'Jellyfin',
          url: fake.url,
          options: { username: 'tray', deviceId: 'herald-engine-test', deviceName: 'Herald engine test' },
        },
      ],
    });
    const engine = createEngine({ state: memoryState(settings, { jf: { password: 's3cret' } }) });
    stopEngine = () => engine.stop();
    const notifications: RaisedNotification[] = [];
    const entries: HistoryEntry[] = [];
    engine.on('notification', (n) => notifications.push(n));
    engine.on('entry', (e) => entries.push(e));
    engine.start();
    await until(() => fake!.state.capabilities.length > 0, 'capabilities');
    await new Promise((r) => setTimeout(r, 150));

    fake.sendDisplayMessage({ header: 'Doorbell', text: 'Someone is at the front door', timeoutMs: 8000 });
    await until(() => notifications.length === 1, 'the DisplayMessage notification');
    expect(notifications[0]).toMatchObject({
      ruleId: 'preset:emby:display-message',
      notification: { title: 'Doorbell', body: 'Someone is at the front door', timeoutMs: 8000 },
    });

    fake.startPlayback({ user: 'alice', device: 'Living Room' });
    await until(() => entries.some((e) => e.event.type === 'emby.playback.start'), 'the playback entry');
    const playback = entries.find((e) => e.event.type === 'emby.playback.start')!;
    expect(playback.decision).toMatchObject({ action: 'record', ruleId: 'preset:emby:playback-start' });

    fake.addActivity({
      Name: 'Failed login attempt from mallory',
      Type: 'AuthenticationFailed',
      Severity: 'Error',
    });
    await until(
      () => notifications.some((n) => n.ruleId === 'preset:emby:login-failed'),
      'the failed-login notification',
    );
    expect(notifications.find((n) => n.ruleId === 'preset:emby:login-failed')?.notification).toMatchObject({
      title: 'Failed login attempt from mallory',
      severity: 'warning',
    });
  });
});
