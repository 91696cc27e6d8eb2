import type { HomeEvent } from '../../../shared/home-event';
import { AuthFailedError } from '../../connection/types';
import type { ConnectTarget, SocketLink } from '../../connection/types';
import { HttpError } from '../../http/types';
import type { SourceContext, SourceSession } from '../types';
import { ActivityTracker, activityEvent, isOwnEntry } from './activity';
import { CLIENT_NAME, CLIENT_VERSION, authorizationValue, restHeaders } from './auth';
import type { ClientIdentity } from './auth';
import { authenticate, resolveDeviceId } from './credentials';
import type { AuthState } from './credentials';
import type { EventContext } from './event-factory';
import {
  flavourFromPublicInfo,
  legacySocketPort,
  restBase,
  socketTarget,
  withoutCredentials,
} from './flavours';
import { libraryEvents, lookupNames, parseLibraryChange } from './library';
import { describeTimer } from './livetv';
import type { NamedItem } from './library';
import { normaliseMessage } from './normalise';
import type { EmbyOptions, Flavour } from './options';
import { KEEPALIVE_MESSAGE, SUBSCRIPTIONS, isRecord, parseEnvelope, str } from './protocol';
import type {
  ActivityLogEntry,
  Envelope,
  PublicSystemInfo,
  QueryResult,
  SessionInfo,
  SystemInfo,
} from './protocol';
import { EmbyRest } from './rest';
import { PlaybackTracker } from './sessions-diff';
import { TaskTracker } from './tasks';

export function createEmbySession(ctx: SourceContext<EmbyOptions>): SourceSession {
  const { options, config } = ctx;
  const base = restBase(config.url);
  const identity: ClientIdentity = {
    client: CLIENT_NAME,
    version: CLIENT_VERSION,
    deviceId: resolveDeviceId(ctx),
    deviceName: options.deviceName,
  };
  const auth: AuthState = {};
  let flavour: Flavour | undefined = options.flavour === 'auto' ? undefined : options.flavour;
  let ownSessionId: string | undefined;
  let knownLegacyPort: number | undefined;
  let activityDenied = false;
  let disposed = false;
  let seq = 0;
  const recentIds: string[] = [];

  const rest = new EmbyRest(ctx.http, base, (withToken) =>
    restHeaders(flavour ?? 'emby', identity, withToken ? auth.token : undefined),
  );
  // Links in events are shown, stored and exported: never with the credentials a proxy URL may carry.
  const linkBase = withoutCredentials(base);
  const eventContext = (): EventContext => ({
    sourceId: config.id,
    sourceName: config.name,
    flavour: flavour ?? 'emby',
    base: linkBase,
    now: ctx.now(),
  });
  const emit = (events: HomeEvent[]) => {
    if (!disposed && events.length > 0) ctx.emit(events);
  };
  const playback = new PlaybackTracker(identity.deviceId);
  const tasks = new TaskTracker();
  const activity = new ActivityTracker(
    (query) => rest.get<QueryResult<ActivityLogEntry>>(`/System/ActivityLog/Entries?${query}`),
    (entries) => {
      const own = { deviceName: identity.deviceName, userId: auth.userId, signedInAt: auth.signedInAt };
      emit(entries.filter((e) => !isOwnEntry(e, own)).map((e) => activityEvent(eventContext(), e)));
    },
    (err) => {
      if (err instanceof AuthFailedError) {
        activityDenied = true;
        ctx.warn(
          'this account may not read the activity log (failed logins, plugin installs)',
          'use an administrator account or an API key',
        );
      } else ctx.log.warn(`${config.id}: activity log fetch failed: ${String(err)}`);
    },
  );

  async function detectFlavour(): Promise<Flavour> {
    if (flavour) return flavour;
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

  async function prepare(): Promise<ConnectTarget> {
    const detected = await detectFlavour();
    // REST headers follow the flavour: Jellyfin 12 ignores X-Emby-Authorization.
    flavour = detected;
    await authenticate(ctx, rest, detected, auth);
    // A refusal seen on the old token (revoked while the socket stayed up) says nothing about this one.
    activityDenied = false;
    const mayBeLegacy = detected === 'emby-legacy' || (detected === 'emby' && options.flavour === 'auto');
    // Keep the last port seen: a later /System/Info may fail while the socket port has not moved.
    const found = mayBeLegacy ? await legacyPort() : undefined;
    const port = found === 'unknown' ? knownLegacyPort : found;
    knownLegacyPort = port;
    flavour = port ? 'emby-legacy' : detected;
    return socketTarget({
      flavour,
      base,
      token: auth.token!,
      deviceId: identity.deviceId,
      authorization: authorizationValue(identity, auth.token),
      legacyPort: port,
    });
  }

  /** After every open: capabilities are forgotten on reconnect and server restart, sessions have no initial push. */
  async function resync(): Promise<void> {
    try {
      const sessions = await rest.get<SessionInfo[]>('/Sessions');
      const own = Array.isArray(sessions)
        ? sessions.find((s) => s?.DeviceId === identity.deviceId)
        : undefined;
      ownSessionId = own?.Id ?? ownSessionId;
      if (own?.UserId && auth.mode === 'user') auth.userId ??= own.UserId;
      emit(playback.update(sessions, eventContext()));
    } catch (err) {
      ctx.log.warn(`${config.id}: GET /Sessions failed: ${String(err)}`);
    }
    try {
      const query = ownSessionId ? `?Id=${encodeURIComponent(ownSessionId)}` : '';
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
    if (!activityDenied) await activity.sync();
  }

  async function onLibraryChanged(env: Envelope, key: string): Promise<void> {
    const change = parseLibraryChange(env.Data);
    let names: NamedItem[] = [];
    const ids = change.added.slice(0, options.nameLookups);
    if (ids.length > 0) {
      try {
        names = await lookupNames((path) => rest.get(path, { timeoutMs: 5000 }), ids, auth.userId);
      } catch (err) {
        ctx.log.debug(`${config.id}: item names unavailable: ${String(err)}`);
      }
    }
    emit(libraryEvents(eventContext(), env, key, change, names));
  }

  /** Live TV: a scheduled recording is worth its programme name; the lookup is best effort. */
  async function timerCreated(env: Envelope, key: string, kind: 'Timers' | 'SeriesTimers'): Promise<void> {
    const events = normaliseMessage(env, eventContext(), key);
    const timerId = isRecord(env.Data) ? str(env.Data.Id) : undefined;
    if (timerId && events[0]) {
      try {
        const timer = await rest.get<unknown>(`/LiveTv/${kind}/${encodeURIComponent(timerId)}`, {
          timeoutMs: 5000,
        });
        events[0] = describeTimer(events[0], timer);
      } catch (err) {
        ctx.log.debug(`${config.id}: timer ${timerId} unavailable: ${String(err)}`);
      }
    }
    emit(events);
  }

  /** A MessageId worth keying on: real servers send fresh GUIDs, test data sometimes all zeros. */
  function usefulId(id: string | undefined): string | undefined {
    return id && !/^[0-]*$/.test(id) ? id : undefined;
  }

  /** A frame delivered twice (the JS/Python clients guard against it too) is dropped the second time. */
  function isRepeat(id: string | undefined): boolean {
    if (!id) return false;
    if (recentIds.includes(id)) return true;
    recentIds.push(id);
    if (recentIds.length > 200) recentIds.shift();
    return false;
  }

  const handlers: Record<string, (env: Envelope, link: SocketLink, key: string) => void> = {
    ForceKeepAlive: (_env, link) => void link.send(KEEPALIVE_MESSAGE),
    KeepAlive: () => {},
    Sessions: (env) => emit(playback.update(env.Data, eventContext())),
    ActivityLogEntry: () => void (activityDenied ? undefined : activity.sync()),
    ScheduledTasksInfo: (env) => emit(tasks.info(env.Data, eventContext())),
    ScheduledTaskEnded: (env) => emit(tasks.ended(env.Data, eventContext())),
    LibraryChanged: (env, _link, key) =>
      void onLibraryChanged(env, key).catch((err) =>
        ctx.log.warn(`${config.id}: LibraryChanged: ${String(err)}`),
      ),
    TimerCreated: (env, _link, key) => void timerCreated(env, key, 'Timers'),
    SeriesTimerCreated: (env, _link, key) => void timerCreated(env, key, 'SeriesTimers'),
  };

  const keepalive =
    options.flavour === 'jellyfin' || options.flavour === 'auto'
      ? { intervalMs: Math.round(options.keepaliveSeconds * 1000), message: () => KEEPALIVE_MESSAGE }
      : undefined;

  return {
    prepare,
    keepalive,
    onOpen(link) {
      if (flavour === 'emby-legacy') {
        // The Media Browser 3 socket binds the session by this message, and it must come first.
        link.send({
          MessageType: 'Identity',
          Data: `${identity.client}|${identity.deviceId}|${identity.version}|${identity.deviceName}`,
        });
      }
      for (const sub of SUBSCRIPTIONS) link.send(sub);
      void resync();
    },
    onText(text, link) {
      const env = parseEnvelope(text);
      const handler = Object.hasOwn(handlers, env.MessageType) ? handlers[env.MessageType] : undefined;
      const id = usefulId(env.MessageId);
      // Keepalives are answered every time, whatever their MessageId.
      if (env.MessageType !== 'ForceKeepAlive' && isRepeat(id)) return;
      const key = id ? `msg:${id}` : `msg:${ctx.now()}:${seq++}`;
      if (handler) handler(env, link, key);
      else emit(normaliseMessage(env, eventContext(), key));
    },
    dispose() {
      disposed = true;
    },
  };
}
