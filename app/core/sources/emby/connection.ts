import { AuthFailedError } from '../../connection/types';
import type { ConnectTarget } from '../../connection/types';
import { HttpError } from '../../http/types';
import type { SocketConnection } from '../types';
import { authorizationValue } from './auth';
import { authenticate } from './credentials';
import { flavourFromPublicInfo, legacySocketPort, socketTarget } from './flavours';
import type { Flavour } from './options';
import { KEEPALIVE_MESSAGE, SUBSCRIPTIONS } from './protocol';
import type { PublicSystemInfo, SessionInfo, SystemInfo } from './protocol';
import type { EmbyState } from './state';

/**
 * The connect half of an Emby / Jellyfin session: detect the flavour, sign in (or use the API key), find
 * the Media Browser 3 socket port where there is one; after every open, subscribe and catch up.
 */
export function createEmbyConnection(state: EmbyState): SocketConnection {
  const { ctx, rest, auth, identity, base } = state;
  const { options, config } = ctx;
  let knownLegacyPort: number | undefined;

  async function detectFlavour(): Promise<Flavour> {
    if (state.flavour) return state.flavour;
    try {
      const info = await rest.get<PublicSystemInfo>('/System/Info/Public', { withToken: false });
      return flavourFromPublicInfo(info ?? {});
    } catch (err) {
      // Very old servers have no public info endpoint; they are Emby/Media Browser.
      if (err instanceof HttpError && err.status === 404) return 'emby';
      if (err instanceof AuthFailedError)
        throw new Error(`cannot identify the server: ${err.message}`, { cause: err });
      throw err;
    }
  }

  /** `WebSocketPortNumber` ≠ HTTP port means the Media Browser 3 socket; `/System/Info` may be admin-only. */
  async function legacyPort(): Promise<number | undefined | 'unknown'> {
    try {
      const info = await rest.get<SystemInfo>('/System/Info');
      return info ? legacySocketPort(info, base) : 'unknown';
    } catch (err) {
      if (err instanceof AuthFailedError) return 'unknown';
      throw err;
    }
  }

  /** After every open: capabilities are forgotten on reconnect and server restart, sessions have no initial push. */
  async function resync(): Promise<void> {
    try {
      const sessions = await rest.get<SessionInfo[]>('/Sessions');
      const own = Array.isArray(sessions)
        ? sessions.find((s) => s?.DeviceId === identity.deviceId)
        : undefined;
      state.ownSessionId = own?.Id ?? state.ownSessionId;
      if (own?.UserId && auth.mode === 'user') auth.userId ??= own.UserId;
      ctx.emit(state.playback.update(sessions, state.eventContext()));
    } catch (err) {
      ctx.log.warn(`${config.id}: GET /Sessions failed: ${String(err)}`);
    }
    try {
      const query = state.ownSessionId ? `?Id=${encodeURIComponent(state.ownSessionId)}` : '';
      await rest.post(`/Sessions/Capabilities/Full${query}`, {
        PlayableMediaTypes: [],
        SupportedCommands: ['DisplayMessage'],
        SupportsMediaControl: options.remoteControl,
        SupportsPersistentIdentifier: true,
        SupportsSync: false,
      });
    } catch (err) {
      ctx.log.warn(`${config.id}: capabilities not registered: ${String(err)}`);
    }
    if (!state.activityDenied) await state.activity.sync();
  }

  return {
    async prepare(): Promise<ConnectTarget> {
      const detected = await detectFlavour();
      // REST headers follow the flavour: Jellyfin 12 ignores X-Emby-Authorization.
      state.flavour = detected;
      await authenticate(ctx, rest, detected, auth);
      // A refusal seen on the old token (revoked while the socket stayed up) says nothing about this one.
      state.activityDenied = false;
      const mayBeLegacy = detected === 'emby-legacy' || (detected === 'emby' && options.flavour === 'auto');
      // Keep the last port seen: a later /System/Info may fail while the socket port has not moved.
      const found = mayBeLegacy ? await legacyPort() : undefined;
      const port = found === 'unknown' ? knownLegacyPort : found;
      knownLegacyPort = port;
      state.flavour = port ? 'emby-legacy' : detected;
      return socketTarget({
        flavour: state.flavour,
        base,
        token: auth.token!,
        deviceId: identity.deviceId,
        authorization: authorizationValue(identity, auth.token),
        legacyPort: port,
      });
    },
    keepalive:
      options.flavour === 'jellyfin' || options.flavour === 'auto'
        ? { intervalMs: Math.round(options.keepaliveSeconds * 1000), message: () => KEEPALIVE_MESSAGE }
        : undefined,
    onOpen(link) {
      if (state.flavour === 'emby-legacy') {
        // The Media Browser 3 socket binds the session by this message, and it must come first.
        link.send({
          MessageType: 'Identity',
          Data: `${identity.client}|${identity.deviceId}|${identity.version}|${identity.deviceName}`,
        });
      }
      for (const sub of SUBSCRIPTIONS) link.send(sub);
      void resync();
    },
  };
}
