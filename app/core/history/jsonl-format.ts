import type { HistoryEntry } from '../../shared/history';
import type { HomeEvent } from '../../shared/home-event';
import { severities } from '../../shared/home-event';
import type { Decision } from '../../shared/rules';

/**
 * The history file is JSON Lines. Every line is self-contained so a line cut short by a crash spoils
 * only itself:
 *   header  {"herald":"history","v":1,"lastSeq":N}          first line after a compaction
 *   entry   {"seq":N,"at":ms,"event":{…},"decision":{…}}      `"read":true` only in compacted files
 *   read    {"r":[seq,…]}  or  {"r":"all","upTo":seq}        appended by markRead, folded in on compaction
 *   clear   {"clear":seq}                                    every entry up to seq is gone (if the compaction failed)
 */
export const HEADER_TAG = 'history';
export const FORMAT_VERSION = 1;

/** A raw payload bigger than this is replaced by a stub, so one huge frame cannot bloat the log. */
export const MAX_LINE_BYTES = 1024 * 1024;

export type DecodedLine =
  | { kind: 'header'; lastSeq: number }
  | { kind: 'entry'; entry: HistoryEntry }
  | { kind: 'read'; seqs: number[] }
  | { kind: 'read-all'; upTo: number }
  | { kind: 'clear'; upTo: number };

export function encodeHeader(lastSeq: number): string {
  return JSON.stringify({ herald: HEADER_TAG, v: FORMAT_VERSION, lastSeq }) + '\n';
}

export function encodeRead(seqs: number[]): string {
  return JSON.stringify({ r: seqs }) + '\n';
}

export function encodeReadAll(upTo: number): string {
  return JSON.stringify({ r: 'all', upTo }) + '\n';
}

export function encodeClear(upTo: number): string {
  return JSON.stringify({ clear: upTo }) + '\n';
}

/**
 * Serialises an entry; when the event cannot be serialised as is (a cycle or BigInt in `raw`, an
 * oversized payload) the offending part is replaced by a stub. Returns the entry as it was stored, so
 * the in-memory copy matches what a reopen would read.
 */
export function encodeEntry(entry: HistoryEntry): { line: string; stored: HistoryEntry } {
  const attempt = (event: HomeEvent): string | undefined => {
    try {
      const record: Record<string, unknown> = {
        seq: entry.seq,
        at: entry.recordedAt,
        event,
        decision: entry.decision,
      };
      if (entry.read) record.read = true;
      const line = JSON.stringify(record) + '\n';
      return Buffer.byteLength(line) <= MAX_LINE_BYTES ? line : undefined;
    } catch {
      return undefined;
    }
  };
  const candidates: HomeEvent[] = [
    entry.event,
    { ...entry.event, raw: { omitted: 'raw payload could not be stored (too large or not JSON)' } },
    {
      ...entry.event,
      data: undefined,
      raw: { omitted: 'payload could not be stored (too large or not JSON)' },
    },
  ];
  for (const event of candidates) {
    const line = attempt(event);
    if (line !== undefined) return { line, stored: event === entry.event ? entry : reparse(line, entry) };
  }
  // Title or body alone are over the limit: keep the facts that make the entry useful.
  const event: HomeEvent = {
    ...entry.event,
    title: entry.event.title.slice(0, 1000),
    body: entry.event.body.slice(0, 10_000),
    data: undefined,
    raw: { omitted: 'event too large to store' },
  };
  const line = attempt(event) ?? attempt({ ...event, entity: undefined, url: undefined })!;
  return { line, stored: reparse(line, entry) };
}

function reparse(line: string, original: HistoryEntry): HistoryEntry {
  // Round-tripping drops undefined fields and functions exactly as a reopen would see them.
  const decoded = decodeLine(line.trimEnd());
  return decoded?.kind === 'entry' ? { ...decoded.entry, read: original.read } : original;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const severitySet = new Set<string>(severities);
const actionSet = new Set(['notify', 'record', 'drop']);

/** Cheap structural check: enough that the UI and queries never trip over a damaged line. */
function looksLikeEvent(value: unknown): value is HomeEvent {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.sourceId === 'string' &&
    typeof value.sourceKind === 'string' &&
    typeof value.type === 'string' &&
    typeof value.time === 'number' &&
    typeof value.severity === 'string' &&
    severitySet.has(value.severity) &&
    typeof value.title === 'string' &&
    typeof value.body === 'string' &&
    (value.entity === undefined || (isObject(value.entity) && typeof value.entity.name === 'string')) &&
    (value.url === undefined || typeof value.url === 'string')
  );
}

function looksLikeDecision(value: unknown): value is Decision {
  return (
    isObject(value) &&
    typeof value.action === 'string' &&
    actionSet.has(value.action) &&
    typeof value.reason === 'string' &&
    (value.ruleId === undefined || typeof value.ruleId === 'string')
  );
}

const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Parses one line (without its newline); `undefined` means the line is damaged. */
export function decodeLine(text: string): DecodedLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if ('seq' in value) {
    if (!isSeq(value.seq) || typeof value.at !== 'number') return undefined;
    if (!looksLikeEvent(value.event) || !looksLikeDecision(value.decision)) return undefined;
    return {
      kind: 'entry',
      entry: {
        seq: value.seq,
        recordedAt: value.at,
        event: value.event,
        decision: value.decision,
        read: value.read === true,
      },
    };
  }
  if ('r' in value) {
    if (value.r === 'all') return isSeq(value.upTo) ? { kind: 'read-all', upTo: value.upTo } : undefined;
    if (Array.isArray(value.r) && value.r.every(isSeq)) return { kind: 'read', seqs: value.r };
    return undefined;
  }
  if ('clear' in value) return isSeq(value.clear) ? { kind: 'clear', upTo: value.clear } : undefined;
  // A seq no entry could follow (fractional, huge) would make every later append unreadable: damaged.
  if (value.herald === HEADER_TAG && (value.lastSeq === 0 || isSeq(value.lastSeq))) {
    return { kind: 'header', lastSeq: value.lastSeq };
  }
  return undefined;
}
