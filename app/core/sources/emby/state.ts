import { AuthFailedError } from '../../connection/types';
import type { SourceContext } from '../types';
import { ActivityTracker, activityEvent, isOwnEntry } from './activity';
import { CLIENT_NAME, CLIENT_VERSION, restHeaders } from './auth';
import type { ClientIdentity } from './auth';
import { resolveDeviceId } from './credentials';
import type { AuthState } from './credentials';
import type { EventContext } from './event-factory';
import { restBase, withoutCredentials } from './flavours';
import type { EmbyOptions, Flavour } from './options';
import type { ActivityLogEntry, QueryResult } from './protocol';
import { EmbyRest } from './rest';
import { PlaybackTracker } from './sessions-diff';
import { TaskTracker } from './tasks';

/** What the connect half and the frame half of an Emby / Jellyfin session share. */
export interface EmbyState {
  ctx: SourceContext<EmbyOptions>;
  identity: ClientIdentity;
  auth: AuthState;
  /** REST root. */
  base: string;
  rest: EmbyRest;
  /** Known once detected (or configured); REST headers and links follow it. */
  flavour: Flavour | undefined;
  /** Herald's own session on the server, to register capabilities for. */
  ownSessionId: string | undefined;
  /** The account may not read the activity log: do not ask until the next sign-in. */
  activityDenied: boolean;
  playback: PlaybackTracker;
  tasks: TaskTracker;
  activity: ActivityTracker;
  eventContext(): EventContext;
}

export function createEmbyState(ctx: SourceContext<EmbyOptions>): EmbyState {
  const { options, config } = ctx;
  const base = restBase(config.url);
  // Links in events are shown, stored and exported: never with the credentials a proxy URL may carry.
  const linkBase = withoutCredentials(base);
  const identity: ClientIdentity = {
    client: CLIENT_NAME,
    version: CLIENT_VERSION,
    deviceId: resolveDeviceId(ctx),
    deviceName: options.deviceName,
  };
  const auth: AuthState = {};
  const state: EmbyState = {
    ctx,
    identity,
    auth,
    base,
    rest: new EmbyRest(ctx.http, base, (withToken) =>
      restHeaders(state.flavour ?? 'emby', identity, withToken ? auth.token : undefined),
    ),
    flavour: options.flavour === 'auto' ? undefined : options.flavour,
    ownSessionId: undefined,
    activityDenied: false,
    playback: new PlaybackTracker(identity.deviceId),
    tasks: new TaskTracker(),
    activity: new ActivityTracker(
      (query) => state.rest.get<QueryResult<ActivityLogEntry>>(`/System/ActivityLog/Entries?${query}`),
      (entries) => {
        const own = { deviceName: identity.deviceName, userId: auth.userId, signedInAt: auth.signedInAt };
        ctx.emit(
          entries.filter((e) => !isOwnEntry(e, own)).map((e) => activityEvent(state.eventContext(), e)),
        );
      },
      (err) => {
        if (err instanceof AuthFailedError) {
          state.activityDenied = true;
          ctx.warn(
            'this account may not read the activity log (failed logins, plugin installs)',
            'use an administrator account or an API key',
          );
        } else ctx.log.warn(`${config.id}: activity log fetch failed: ${String(err)}`);
      },
    ),
    eventContext: () => ({
      sourceId: config.id,
      sourceName: config.name,
      flavour: state.flavour ?? 'emby',
      base: linkBase,
      now: ctx.now(),
    }),
  };
  return state;
}
