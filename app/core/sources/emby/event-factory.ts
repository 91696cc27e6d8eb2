import type { Entity, Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import type { Flavour } from './options';

/** What every normaliser needs to know about the source, besides the frame. */
export interface EventContext {
  sourceId: string;
  /** The user's label for the server ("Jellyfin"), used in titles. */
  sourceName: string;
  flavour: Flavour;
  /** REST root, for links into the web UI. */
  base: string;
  now: number;
}

export interface EventParts {
  /** Unique within the source; the same happening seen again must give the same key. */
  key: string;
  type: string;
  title: string;
  body: string;
  severity?: Severity;
  time?: number;
  entity?: Entity;
  data?: Record<string, unknown>;
  url?: string;
  sample?: boolean;
  raw: unknown;
}

export function makeEvent(ctx: EventContext, parts: EventParts): SourceEvent {
  const event: SourceEvent = {
    id: `${ctx.sourceId}:${parts.key}`,
    type: parts.type,
    time: parts.time ?? ctx.now,
    severity: parts.severity ?? 'info',
    title: parts.title,
    body: parts.body,
    raw: parts.raw,
  };
  if (parts.entity) event.entity = parts.entity;
  if (parts.data) event.data = parts.data;
  if (parts.url) event.url = parts.url;
  if (parts.sample) event.sample = true;
  return event;
}

/** `AuthenticationFailed` → `authentication_failed`: the dotted-type style for server words. */
export function snake(word: string): string {
  return word
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** A MessageType safe to put into a dotted type (servers are trusted little, types feed globs and templates). */
export function safeWord(word: string): string {
  const cleaned = word.replace(/[^A-Za-z0-9_]/g, '').slice(0, 60);
  return cleaned === '' ? 'unknown' : cleaned;
}
