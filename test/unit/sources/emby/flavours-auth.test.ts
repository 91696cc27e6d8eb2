import { describe, expect, it } from 'vitest';
import { authorizationValue, restHeaders } from '../../../../app/core/sources/emby/auth';
import {
  flavourFromPublicInfo,
  legacySocketPort,
  restBase,
  socketTarget,
} from '../../../../app/core/sources/emby/flavours';
import { EmbyOptionsSchema } from '../../../../app/core/sources/emby/options';
import { embyAdapter } from '../../../../app/core/sources/emby/adapter';
import { RuleSchema } from '../../../../app/shared/rules';

const id = { client: 'Herald', version: '0.1.0', deviceId: 'dev-1', deviceName: 'Herald on box, "den"' };

describe('emby flavours and auth headers', () => {
  it('detects Jellyfin by ProductName, otherwise Emby', () => {
    expect(flavourFromPublicInfo({ ProductName: 'Jellyfin Server', Version: '10.11.9' })).toBe('jellyfin');
    expect(flavourFromPublicInfo({ ServerName: 'emby', Version: '4.8.11.0' })).toBe('emby');
  });

  it('legacy only when the socket port differs from the HTTP port', () => {
    expect(legacySocketPort({ WebSocketPortNumber: 8945 }, 'http://mb:8096')).toBe(8945);
    expect(legacySocketPort({ WebSocketPortNumber: 8096 }, 'http://mb:8096')).toBeUndefined();
    expect(legacySocketPort({ WebSocketPortNumber: 80 }, 'http://mb')).toBeUndefined();
    expect(legacySocketPort({}, 'http://mb:8096')).toBeUndefined();
  });

  it('builds each flavour’s socket URL; Jellyfin keeps the token out of the URL', () => {
    const base = restBase('https://media.example/jellyfin/');
    expect(base).toBe('https://media.example/jellyfin');
    const common = { base, token: 'tok', deviceId: 'dev-1', authorization: authorizationValue(id, 'tok') };
    const jf = socketTarget({ ...common, flavour: 'jellyfin' });
    expect(jf.url).toBe('wss://media.example/jellyfin/socket');
    expect(jf.headers?.Authorization).toContain('Token="tok"');
    expect(socketTarget({ ...common, flavour: 'emby' }).url).toBe(
      'wss://media.example/jellyfin/embywebsocket?api_key=tok&deviceId=dev-1',
    );
    expect(
      socketTarget({ ...common, base: 'http://mb:8096', flavour: 'emby-legacy', legacyPort: 8945 }).url,
    ).toBe('ws://mb:8945/mediabrowser?api_key=tok&deviceId=dev-1');
  });

  it('percent-encodes header values (the server splits on , and =)', () => {
    const value = authorizationValue(id, 'tok');
    expect(value).toBe(
      'MediaBrowser Client="Herald", Device="Herald%20on%20box%2C%20%22den%22", DeviceId="dev-1", Version="0.1.0", Token="tok"',
    );
    expect(restHeaders('emby', id, 'tok')).toMatchObject({ 'X-Emby-Token': 'tok' });
    expect(restHeaders('jellyfin', id, 'tok')).not.toHaveProperty('X-Emby-Token');
  });

  it('options default sensibly and reject bad device ids', () => {
    const opts = EmbyOptionsSchema.parse({});
    expect(opts).toMatchObject({
      flavour: 'auto',
      remoteControl: true,
      keepaliveSeconds: 30,
      nameLookups: 5,
    });
    expect(EmbyOptionsSchema.safeParse({ deviceId: 'a b' }).success).toBe(false);
    expect(EmbyOptionsSchema.safeParse({ flavour: 'plex' }).success).toBe(false);
  });

  it('presets are valid rules with emby ids', () => {
    for (const preset of embyAdapter.presets) {
      expect(RuleSchema.safeParse(preset).success).toBe(true);
      expect(preset.id).toMatch(/^preset:emby:/);
    }
    expect(embyAdapter.presets.find((p) => p.id === 'preset:emby:playback-start')?.action).toEqual({
      type: 'record',
    });
  });
});
