import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import { SourceEventSchema } from '../../../../app/core/sources/source-event';
import { normaliseMessage } from '../../../../app/core/sources/emby/normalise';
import { parseEnvelope } from '../../../../app/core/sources/emby/protocol';
import { allSampleIds, eventContext, frameText } from './fixtures';

function decode(id: string) {
  return normaliseMessage(parseEnvelope(decodeJson(frameText(id))), eventContext(), `k-${id}`);
}

describe('emby normaliser against transcribed frames', () => {
  const expected: Record<string, string[]> = {
    'user-data-changed': ['emby.userdata.changed'],
    'user-updated': ['emby.user.updated'],
    'user-deleted': ['emby.user.deleted'],
    'timer-created': ['emby.livetv.timer_created'],
    'series-timer-created': ['emby.livetv.series_timer_created'],
    'timer-cancelled': ['emby.livetv.timer_cancelled'],
    'package-installation-completed': ['emby.package.installed'],
    'refresh-progress': ['emby.library.refresh_progress'],
    'restart-required': ['emby.server.restart_required'],
    'server-restarting': ['emby.server.restarting'],
    'server-shutting-down': ['emby.server.shutting_down'],
    play: ['emby.remote.play'],
    playstate: ['emby.remote.playstate'],
    'display-message': ['emby.DisplayMessage'],
    'legacy-restart-required': ['emby.server.restart_required'],
    'legacy-browse': ['emby.remote.browse'],
    'legacy-update-playstate': ['emby.remote.playstate'],
    'keepalive-reply': [],
  };

  for (const [id, types] of Object.entries(expected)) {
    it(`${id} → ${types.join(', ') || 'nothing'}`, () => {
      const events = decode(id);
      expect(events.map((e) => e.type)).toEqual(types);
      for (const e of events) expect(SourceEventSchema.safeParse(e).success).toBe(true);
    });
  }

  it('every transcribed frame parses as an envelope', () => {
    for (const id of allSampleIds()) expect(() => parseEnvelope(decodeJson(frameText(id)))).not.toThrow();
  });

  it('DisplayMessage: Header is the title, Text the body, TimeoutMs a number', () => {
    const [event] = decode('display-message-doorbell');
    expect(event).toMatchObject({
      type: 'emby.DisplayMessage',
      title: 'Doorbell',
      body: 'Someone is at the front door',
      severity: 'info',
      data: { timeoutMs: 8000 },
      id: 'jf:k-display-message-doorbell',
    });
  });

  it('DisplayMessage without Header or TimeoutMs still reads well', () => {
    const text = JSON.stringify({
      MessageType: 'GeneralCommand',
      Data: { Name: 'DisplayMessage', Arguments: { Text: 'hello' } },
    });
    const [event] = normaliseMessage(parseEnvelope(decodeJson(text)), eventContext(), 'x');
    expect(event!.title).toBe('Message from Jellyfin');
    expect(event!.body).toBe('hello');
    expect(event!.data).not.toHaveProperty('timeoutMs');
  });

  it('a junk TimeoutMs is left out rather than becoming NaN', () => {
    const text = JSON.stringify({
      MessageType: 'GeneralCommand',
      Data: { Name: 'DisplayMessage', Arguments: { Text: 't', TimeoutMs: 'soon' } },
    });
    expect(
      normaliseMessage(parseEnvelope(decodeJson(text)), eventContext(), 'x')[0]!.data,
    ).not.toHaveProperty('timeoutMs');
  });

  it('legacy MessageCommand (numeric TimeoutMs) is a DisplayMessage too', () => {
    const text = JSON.stringify({
      MessageType: 'MessageCommand',
      Data: { Header: 'Old', Text: 'server', TimeoutMs: 5000 },
    });
    expect(normaliseMessage(parseEnvelope(decodeJson(text)), eventContext(), 'x')[0]).toMatchObject({
      type: 'emby.DisplayMessage',
      title: 'Old',
      data: { timeoutMs: 5000 },
    });
  });

  it('other GeneralCommands and legacy SystemCommands become emby.command.<Name>', () => {
    const gc = JSON.stringify({
      MessageType: 'GeneralCommand',
      Data: { Name: 'SetVolume', Arguments: { Volume: '40' } },
    });
    const sc = JSON.stringify({ MessageType: 'SystemCommand', Data: 'GoHome' });
    expect(normaliseMessage(parseEnvelope(decodeJson(gc)), eventContext(), 'a')[0]!.type).toBe(
      'emby.command.SetVolume',
    );
    expect(normaliseMessage(parseEnvelope(decodeJson(sc)), eventContext(), 'b')[0]!.type).toBe(
      'emby.command.GoHome',
    );
  });

  it('unknown message types become a generic emby.<MessageType> event', () => {
    const text = JSON.stringify({ MessageType: 'SyncPlayGroupUpdate', Data: { weird: [1, 2] } });
    expect(normaliseMessage(parseEnvelope(decodeJson(text)), eventContext(), 'x')[0]).toMatchObject({
      type: 'emby.SyncPlayGroupUpdate',
      severity: 'info',
    });
    const odd = JSON.stringify({ MessageType: 'a.b*{{c}}', Data: null });
    expect(normaliseMessage(parseEnvelope(decodeJson(odd)), eventContext(), 'y')[0]!.type).toBe('emby.abc');
  });

  it('Emby notifications carry their level and link', () => {
    const text = JSON.stringify({
      MessageType: 'NotificationAdded',
      Data: { Name: 'Backup failed', Description: 'disk full', Level: 'Error', Url: 'https://emby.local/x' },
    });
    expect(
      normaliseMessage(parseEnvelope(decodeJson(text)), eventContext({ flavour: 'emby' }), 'x')[0],
    ).toMatchObject({
      type: 'emby.notification.added',
      severity: 'warning',
      body: 'disk full',
      url: 'https://emby.local/x',
    });
  });

  it('wrong-typed fields never crash a normaliser', () => {
    const types = [
      'GeneralCommand',
      'UserUpdated',
      'UserDeleted',
      'Play',
      'PackageInstallationFailed',
      'TimerCreated',
      'NotificationAdded',
      'UserDataChanged',
      'RefreshProgress',
      'MessageCommand',
      'SystemCommand',
    ];
    for (const MessageType of types) {
      for (const Data of [
        null,
        42,
        'x',
        [],
        { Name: 5, Arguments: 'no', UserDataList: 'no', Url: 'javascript:alert(1)' },
      ]) {
        const events = normaliseMessage(parseEnvelope({ MessageType, Data }), eventContext(), 'k');
        for (const e of events) {
          expect(SourceEventSchema.safeParse(e).success).toBe(true);
          expect(e.url ?? 'http://').toMatch(/^https?:\/\//);
        }
      }
    }
  });

  it('malformed frames are rejected with a clear error', () => {
    expect(() => parseEnvelope(decodeJson('{not json'))).toThrow(/not JSON/);
    expect(() => parseEnvelope(decodeJson('{"Data":1}'))).toThrow(/no MessageType/);
    expect(() => parseEnvelope(decodeJson('[1,2]'))).toThrow(/no MessageType/);
  });
});
