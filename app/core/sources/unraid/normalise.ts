import type { Entity, Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import type { ContainerChange } from './containers-diff';
import { describeExit, isExpectedExit, parseDockerStatus } from './docker-status';
import type { LegacyDockerEvent, UnraidNotification } from './protocol';

export interface EventInit {
  type: string;
  time: number;
  entity?: Entity;
  severity: Severity;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  sample?: boolean;
  raw: unknown;
  /** Overrides the default identity (type + entity + time), e.g. a notification's own id. */
  key?: string;
}

/** Ids are derived from the happening, so a replay after a reconnect yields the same id. */
export function makeEvent(sourceId: string, init: EventInit): SourceEvent {
  const { key, ...rest } = init;
  const identity = key ?? `${init.type}|${init.entity?.id ?? ''}|${init.time}`;
  return { id: `${sourceId}|${identity}`, ...rest };
}

export interface StatsInput {
  hostname?: string;
  cpuPercent?: number;
  memoryPercent?: number;
  cpuTempCelsius?: number;
}

/**
 * Samples: rules with `for` / hysteresis see every one, history keeps only those that notify.
 * CPU and memory travel as two events (entities `cpu` and `memory`, each with only its own value)
 * because the first matching rule decides: one event carrying both could only ever feed one preset.
 */
export function statsEvents(sourceId: string, s: StatsInput, time: number, raw: unknown): SourceEvent[] {
  const host = s.hostname || 'Unraid';
  const metrics: Array<[id: 'cpu' | 'memory', label: string, field: string, value: number | undefined]> = [
    ['cpu', 'CPU', 'cpuPercent', s.cpuPercent],
    ['memory', 'memory', 'memoryPercent', s.memoryPercent],
  ];
  return metrics
    .filter(([, , , value]) => value !== undefined && Number.isFinite(value))
    .map(([id, label, field, value]) =>
      makeEvent(sourceId, {
        type: 'unraid.system.stats',
        time,
        entity: { id, name: `${host} ${label}`, kind: 'metric' },
        severity: 'info',
        title: `${host} ${label} ${value!.toFixed(1)} %`,
        body: id === 'cpu' && s.cpuTempCelsius ? `CPU at ${s.cpuTempCelsius} °C` : '',
        data: {
          metric: id,
          [field]: value,
          cpuTempCelsius: id === 'cpu' ? s.cpuTempCelsius : undefined,
          hostname: host,
        },
        sample: true,
        raw,
      }),
    );
}

const CHANGE_TEXT: Record<ContainerChange['kind'], (c: ContainerChange) => [Severity, string, string]> = {
  start: (c) => ['info', `${c.name} started`, c.status || 'running'],
  stop: (c) => ['info', `${c.name} stopped`, describeExit(c.exitCode)],
  die: (c) => [
    'warning',
    `${c.name} stopped unexpectedly`,
    `${describeExit(c.exitCode)} — ${c.status || c.state}`,
  ],
  restart: (c) => [
    'warning',
    `${c.name} restarted`,
    c.exitCode !== undefined
      ? `crashed (${describeExit(c.exitCode)}) and is restarting`
      : `restarted by Docker (restart count ${c.restartCount ?? '?'})`,
  ],
  unhealthy: (c) => ['warning', `${c.name} is unhealthy`, c.status],
  healthy: (c) => ['info', `${c.name} is healthy again`, c.status],
  removed: (c) => ['info', `${c.name} removed`, 'the container is no longer listed'],
};

export function containerEvent(
  sourceId: string,
  change: ContainerChange,
  time: number,
  raw: unknown,
): SourceEvent {
  const [severity, title, body] = CHANGE_TEXT[change.kind](change);
  return makeEvent(sourceId, {
    type: `unraid.docker.${change.kind}`,
    time,
    entity: { id: change.name, name: change.name, kind: 'container' },
    severity,
    title,
    body,
    data: {
      container: change.name,
      containerId: change.id,
      image: change.image,
      state: change.state,
      previousState: change.previousState,
      status: change.status,
      exitCode: change.exitCode,
      expected: change.expected,
      restartCount: change.restartCount,
    },
    raw,
  });
}

/** Docker's own event actions, as the legacy agent's docs describe them. */
const LEGACY_ACTIONS = new Set(['start', 'stop', 'die', 'restart', 'kill', 'oom', 'health']);

type LegacyText = (name: string, detail: string, expected: boolean | undefined) => [Severity, string];
const LEGACY_TEXT: Record<string, LegacyText> = {
  start: (n) => ['info', `${n} started`],
  stop: (n, _d, ok) => (ok === false ? ['warning', `${n} stopped unexpectedly`] : ['info', `${n} stopped`]),
  die: (n, _d, ok) => (ok === false ? ['warning', `${n} stopped unexpectedly`] : ['info', `${n} exited`]),
  restart: (n) => ['info', `${n} restarted`],
  kill: (n) => ['info', `${n} was sent a signal`],
  oom: (n) => ['warning', `${n} ran out of memory`],
  unhealthy: (n) => ['warning', `${n} is unhealthy`],
  healthy: (n) => ['info', `${n} is healthy again`],
  health: (n) => ['info', `${n} health changed`],
};

/**
 * Legacy `docker_event` → `unraid.docker.<action>`. Health events are split into
 * `unhealthy` / `healthy` so both flavours give rules the same types.
 */
export function legacyDockerEvent(
  sourceId: string,
  ev: LegacyDockerEvent,
  time: number,
  raw: unknown,
): SourceEvent | undefined {
  const [head = '', tail] = ev.action.split(':', 2);
  const action = head.trim().replace(/_status$/, '');
  if (!LEGACY_ACTIONS.has(action)) return undefined;
  const attrs = ev.attributes ?? {};
  const codeText = attrs['exitCode'] ?? attrs['exit_code'];
  const parsedCode = codeText === undefined || codeText === '' ? NaN : Number(codeText);
  const exitCode = Number.isFinite(parsedCode) ? parsedCode : undefined;
  const name = ev.container_name || ev.container_id || 'container';
  let kind = action;
  let health: string | undefined;
  if (action === 'health') {
    health = String(attrs['health_status'] ?? tail ?? '').trim() || parseDockerStatus(ev.status ?? '').health;
    kind = health === 'unhealthy' ? 'unhealthy' : health === 'healthy' ? 'healthy' : 'health';
  }
  // A user stop, a clean exit or SIGTERM is expected; an OOM kill or a crash code is not.
  const expected =
    kind === 'oom' ? false : kind === 'stop' || kind === 'die' ? isExpectedExit(exitCode) : undefined;
  const signal =
    attrs['signal'] === undefined || attrs['signal'] === '' ? undefined : String(attrs['signal']);
  const detail =
    kind === 'stop' || kind === 'die'
      ? describeExit(exitCode)
      : kind === 'kill' && signal
        ? `signal ${signal}`
        : (health ?? ev.status ?? kind);
  const [severity, title] = LEGACY_TEXT[kind]!(name, detail, expected);
  return makeEvent(sourceId, {
    type: `unraid.docker.${kind}`,
    time,
    entity: { id: name, name, kind: 'container' },
    severity,
    title,
    body: detail,
    data: {
      container: name,
      containerId: ev.container_id,
      image: ev.image,
      status: ev.status,
      action: ev.action,
      exitCode,
      expected,
      health,
      signal,
    },
    raw,
  });
}

const IMPORTANCE: Record<string, Severity> = {
  alert: 'critical',
  warning: 'warning',
  normal: 'info',
  info: 'info',
};

export function notificationEvent(
  sourceId: string,
  n: UnraidNotification,
  fallbackTime: number,
  time: number,
): SourceEvent {
  const severity = IMPORTANCE[n.importance.toLowerCase()] ?? 'info';
  return makeEvent(sourceId, {
    type: 'unraid.notification',
    key: `unraid.notification|${n.id}`,
    time: time || fallbackTime,
    entity: { id: n.id, name: n.title || 'Unraid', kind: 'notification' },
    severity,
    title: n.subject || n.title || 'Unraid notification',
    body: n.description,
    data: {
      importance: n.importance,
      title: n.title,
      subject: n.subject,
      description: n.description,
      link: n.link,
    },
    raw: n,
  });
}
