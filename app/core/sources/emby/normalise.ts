import type { SourceEvent } from '../types';
import { makeEvent, safeWord } from './event-factory';
import type { EventContext, EventParts } from './event-factory';
import { webLink } from './flavours';
import type { Envelope } from './protocol';
import { isRecord, str, strings } from './protocol';

type Normaliser = (env: Envelope, ctx: EventContext, key: string) => SourceEvent[];

function one(ctx: EventContext, parts: EventParts): SourceEvent[] {
  return [makeEvent(ctx, parts)];
}

function record(data: unknown): Record<string, unknown> {
  return isRecord(data) ? data : {};
}

/** Arguments are strings on the wire ("TimeoutMs":"8000"); legacy MessageCommand sent a number. */
function timeoutMs(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

function displayMessage(
  env: Envelope,
  ctx: EventContext,
  key: string,
  args: Record<string, unknown>,
): SourceEvent[] {
  const header = str(args.Header)?.trim();
  const text = str(args.Text) ?? '';
  const timeout = timeoutMs(args.TimeoutMs);
  const data: Record<string, unknown> = { header: header ?? null, text };
  if (timeout !== undefined) data.timeoutMs = timeout;
  return one(ctx, {
    key,
    type: 'emby.DisplayMessage',
    title: header || `Message from ${ctx.sourceName}`,
    body: text,
    data,
    raw: env,
  });
}

const generalCommand: Normaliser = (env, ctx, key) => {
  const data = record(env.Data);
  const name = str(data.Name) ?? 'unknown';
  if (name === 'DisplayMessage') return displayMessage(env, ctx, key, record(data.Arguments));
  return one(ctx, {
    key,
    type: `emby.command.${safeWord(name)}`,
    title: `${ctx.sourceName}: remote command ${name}`,
    body: `The server asked Herald to "${name}" (Herald does not act on remote commands).`,
    data: { name, arguments: record(data.Arguments), controllingUserId: str(data.ControllingUserId) },
    raw: env,
  });
};

function server(type: string, title: string, body: string, severity: 'info' | 'warning'): Normaliser {
  return (env, ctx, key) =>
    one(ctx, {
      key,
      type,
      title: title.replace('{name}', ctx.sourceName),
      body,
      severity,
      url: webLink(ctx.flavour, ctx.base),
      raw: env,
    });
}

function remote(type: string, what: string): Normaliser {
  return (env, ctx, key) => {
    const data = record(env.Data);
    const detail = str(data.Command) ?? str(data.PlayCommand) ?? str(data.ItemName) ?? '';
    return one(ctx, {
      key,
      type,
      title: `${ctx.sourceName}: ${what}${detail ? ` (${detail})` : ''}`,
      body: 'A remote-control command was sent to Herald; Herald does not play media and ignores it.',
      data: {
        command: detail || null,
        itemIds: strings(data.ItemIds),
        controllingUserId: str(data.ControllingUserId),
      },
      raw: env,
    });
  };
}

function user(type: string, verb: string): Normaliser {
  return (env, ctx, key) => {
    const data = env.Data;
    const id = typeof data === 'string' ? data : (str(record(data).Id) ?? 'unknown');
    const name = str(record(data).Name) ?? id;
    return one(ctx, {
      key,
      type,
      title: `${ctx.sourceName}: user ${name} ${verb}`,
      body: '',
      entity: { id, name, kind: 'user' },
      raw: env,
    });
  };
}

function pkg(type: string, verb: string, severity: 'info' | 'warning' = 'info'): Normaliser {
  return (env, ctx, key) => {
    const data = record(env.Data);
    const name = str(data.Name) ?? 'a plugin';
    const version = str(data.Version);
    return one(ctx, {
      key,
      type,
      title: `${ctx.sourceName}: ${name} ${verb}`,
      body: version ? `Version ${version}` : '',
      severity,
      entity: { id: str(data.Guid) ?? str(data.Id) ?? name, name, kind: 'plugin' },
      data: { name, version: version ?? null },
      raw: env,
    });
  };
}

function timer(type: string, what: string): Normaliser {
  return (env, ctx, key) => {
    const data = record(env.Data);
    const id = str(data.Id) ?? 'unknown';
    return one(ctx, {
      key,
      type,
      title: `${ctx.sourceName}: ${what}`,
      body: '',
      entity: { id, name: id, kind: 'timer' },
      data: { timerId: id, programId: str(data.ProgramId) ?? null },
      raw: env,
    });
  };
}

const notificationLevels: Record<string, 'info' | 'warning' | 'critical'> = {
  Normal: 'info',
  Warning: 'warning',
  Error: 'warning',
};

function level(value: string | undefined): 'info' | 'warning' | 'critical' {
  return value !== undefined && Object.hasOwn(notificationLevels, value)
    ? notificationLevels[value]!
    : 'info';
}

/** Emby's own notification centre (NotificationAdded carries Name/Description/Level/Url). */
function notification(type: string): Normaliser {
  return (env, ctx, key) => {
    const data = record(env.Data);
    const name = str(data.Name) ?? 'Notification';
    const url = str(data.Url);
    return one(ctx, {
      key,
      type,
      title: `${ctx.sourceName}: ${name}`,
      body: str(data.Description) ?? '',
      severity: level(str(data.Level)),
      url: url && /^https?:\/\//.test(url) ? url : undefined,
      data: { level: str(data.Level) ?? null },
      raw: env,
    });
  };
}

const userData: Normaliser = (env, ctx, key) => {
  const data = record(env.Data);
  const list = Array.isArray(data.UserDataList) ? data.UserDataList.filter(isRecord) : [];
  return one(ctx, {
    key,
    type: 'emby.userdata.changed',
    title: `${ctx.sourceName}: watch state changed`,
    body: `${list.length} item(s) updated`,
    data: {
      userId: str(data.UserId) ?? null,
      count: list.length,
      itemIds: list.map((d) => str(d.ItemId)).filter(Boolean),
    },
    raw: env,
  });
};

const refreshProgress: Normaliser = (env, ctx, key) => {
  const data = record(env.Data);
  const progress = Number(str(data.Progress));
  return one(ctx, {
    key,
    type: 'emby.library.refresh_progress',
    title: `${ctx.sourceName}: refreshing`,
    body: Number.isFinite(progress) ? `${progress}%` : '',
    sample: true,
    data: { itemId: str(data.ItemId) ?? null, progress: Number.isFinite(progress) ? progress : null },
    raw: env,
  });
};

/** Every message type no dedicated code claims: recorded as `emby.<MessageType>` so a rule can still use it. */
export const generic: Normaliser = (env, ctx, key) =>
  one(ctx, {
    key,
    type: `emby.${safeWord(env.MessageType)}`,
    title: `${ctx.sourceName}: ${env.MessageType}`,
    body: '',
    raw: env,
  });

/** Messages turned into events from the frame alone. Stateful ones (Sessions, activity, tasks, library) live elsewhere. */
export const NORMALISERS: Record<string, Normaliser> = {
  GeneralCommand: generalCommand,
  // Media Browser 3 sent the message box as its own type, TimeoutMs as a number.
  MessageCommand: (env, ctx, key) => displayMessage(env, ctx, key, record(env.Data)),
  SystemCommand: (env, ctx, key) =>
    generalCommand({ ...env, Data: { Name: str(env.Data) ?? 'unknown' } }, ctx, key),
  ServerRestarting: server(
    'emby.server.restarting',
    '{name} is restarting',
    'The server is restarting; Herald reconnects when it is back.',
    'info',
  ),
  ServerShuttingDown: server(
    'emby.server.shutting_down',
    '{name} is shutting down',
    'The server is shutting down.',
    'warning',
  ),
  RestartRequired: server(
    'emby.server.restart_required',
    '{name} needs a restart',
    'Restart the server to apply pending changes.',
    'info',
  ),
  UserDataChanged: userData,
  UserUpdated: user('emby.user.updated', 'was updated'),
  UserDeleted: user('emby.user.deleted', 'was deleted'),
  UserPolicyUpdated: user('emby.user.policy_updated', 'policy was updated'),
  UserConfigurationUpdated: user('emby.user.configuration_updated', 'settings were updated'),
  Play: remote('emby.remote.play', 'play request'),
  Playstate: remote('emby.remote.playstate', 'playstate command'),
  UpdatePlaystate: remote('emby.remote.playstate', 'playstate command'),
  Browse: remote('emby.remote.browse', 'browse request'),
  PackageInstalling: pkg('emby.package.installing', 'is being installed'),
  PackageInstallationCompleted: pkg('emby.package.installed', 'was installed'),
  PackageInstallationFailed: pkg('emby.package.failed', 'failed to install', 'warning'),
  PackageInstallationCancelled: pkg('emby.package.cancelled', 'installation was cancelled'),
  PackageUninstalled: pkg('emby.package.uninstalled', 'was uninstalled'),
  PluginUninstalled: pkg('emby.package.uninstalled', 'was uninstalled'),
  TimerCreated: timer('emby.livetv.timer_created', 'recording scheduled'),
  TimerCancelled: timer('emby.livetv.timer_cancelled', 'recording cancelled'),
  SeriesTimerCreated: timer('emby.livetv.series_timer_created', 'series recording scheduled'),
  SeriesTimerCancelled: timer('emby.livetv.series_timer_cancelled', 'series recording cancelled'),
  NotificationAdded: notification('emby.notification.added'),
  NotificationUpdated: notification('emby.notification.updated'),
  NotificationsMarkedRead: (env, ctx, key) =>
    one(ctx, {
      key,
      type: 'emby.notification.marked_read',
      title: `${ctx.sourceName}: notifications read`,
      body: '',
      raw: env,
    }),
  RefreshProgress: refreshProgress,
  // Per-second progress check-ins (Emby) would flood history; the Sessions diff covers playback.
  PlaybackProgress: () => [],
  KeepAlive: () => [],
};

export function normaliseMessage(env: Envelope, ctx: EventContext, key: string): SourceEvent[] {
  const normaliser = Object.hasOwn(NORMALISERS, env.MessageType) ? NORMALISERS[env.MessageType]! : generic;
  return normaliser(env, ctx, key);
}
