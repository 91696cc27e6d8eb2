import { createHash } from 'node:crypto';
import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import { getPath } from '../../rules/field-path';
import { renderTemplate } from '../../rules/template';
import type { GenericJsonOptions } from './options';

const severityWords: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  error: 'warning',
  err: 'warning',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  notice: 'info',
  debug: 'info',
};

export function toSeverity(value: unknown, map: Record<string, Severity>): Severity {
  if (value === undefined || value === null) return 'info';
  const word = String(value).trim();
  // Own keys only: a server saying "constructor" or "__proto__" must not pick a value off Object.prototype.
  if (Object.hasOwn(map, word)) return map[word]!;
  const lower = word.toLowerCase();
  return Object.hasOwn(severityWords, lower) ? severityWords[lower]! : 'info';
}

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** The largest distance from the epoch a Date can hold; beyond it `toISOString()` throws. */
const MAX_DATE_MS = 8.64e15;

const toTime = (value: unknown, fallback: number): number => {
  let ms: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value < 1e12 ? value * 1000 : value;
  else if (typeof value === 'string') ms = Date.parse(value);
  // A time no Date can hold (1e20, a corrupt field) would break every consumer that formats it.
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : fallback;
};

const httpUrl = (value: unknown): string | undefined => {
  const url = text(value);
  return url && /^https?:\/\//i.test(url) ? url : undefined;
};

/** The message's own words, when it has a field commonly used for them. */
function defaultBody(message: unknown): string {
  for (const key of ['message', 'text', 'body', 'description', 'msg']) {
    const value = text(getPath(message, key));
    if (value) return value;
  }
  const json = JSON.stringify(message);
  return json.length > 300 ? `${json.slice(0, 297)}…` : json;
}

export interface NormaliseContext {
  sourceId: string;
  sourceName: string;
  now: number;
}

/** One parsed frame → events, following the user's field mapping. Non-object messages are skipped. */
export function normaliseFrame(
  frame: unknown,
  options: GenericJsonOptions,
  ctx: NormaliseContext,
): SourceEvent[] {
  const container = options.itemsPath ? getPath(frame, options.itemsPath) : frame;
  const messages = Array.isArray(container) ? container : [container];
  const events: SourceEvent[] = [];
  for (const message of messages) {
    if (message === null || typeof message !== 'object') continue;
    const rawType = text(getPath(message, options.typePath)) ?? 'message';
    const type = `${options.typePrefix}.${rawType}`;
    const entityId = options.entityIdPath ? text(getPath(message, options.entityIdPath)) : undefined;
    const entityName = options.entityNamePath ? text(getPath(message, options.entityNamePath)) : undefined;
    const explicitId = options.idPath ? text(getPath(message, options.idPath)) : undefined;
    // Without an id field, the same message seen again (a replay after reconnect) hashes to the same id.
    const id = explicitId ?? createHash('sha1').update(JSON.stringify(message)).digest('hex').slice(0, 20);
    const event: SourceEvent = {
      id: `${ctx.sourceId}:${id}`,
      type,
      time: toTime(options.timePath ? getPath(message, options.timePath) : undefined, ctx.now),
      entity:
        entityId || entityName ? { id: entityId ?? entityName!, name: entityName ?? entityId! } : undefined,
      severity: toSeverity(
        options.severityPath ? getPath(message, options.severityPath) : undefined,
        options.severityMap,
      ),
      title: entityName ? `${ctx.sourceName}: ${entityName} ${rawType}` : `${ctx.sourceName}: ${rawType}`,
      body: defaultBody(message),
      url: options.urlPath ? httpUrl(getPath(message, options.urlPath)) : undefined,
      raw: message,
    };
    // Templates may name the source, so they see the event as it will leave the runner.
    const view = () => ({ ...event, sourceId: ctx.sourceId, sourceKind: 'generic-json' });
    if (options.title) event.title = renderTemplate(options.title, view());
    if (options.body) event.body = renderTemplate(options.body, view());
    events.push(event);
  }
  return events;
}
