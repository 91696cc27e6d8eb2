import fs from 'node:fs';
import path from 'node:path';
import type { HistoryEntry, HistoryPage, HistoryQuery } from '../../shared/history';
import type { HomeEvent } from '../../shared/home-event';
import type { Decision } from '../../shared/rules';
import { removeQuietly, replaceFile, tempPathFor, writeAll } from './atomic-file';
import { HistoryIndex } from './history-index';
import {
  decodeLine,
  encodeClear,
  encodeEntry,
  encodeHeader,
  encodeRead,
  encodeReadAll,
} from './jsonl-format';
import { readLines } from './line-reader';
import type { HistoryStore, RetentionOptions } from './types';

export interface OpenHistoryOptions {
  /** The JSONL file; created (with its directory) when missing. */
  file: string;
  retention: RetentionOptions;
  now?: () => number;
}

export interface HistoryStats {
  file: string;
  entries: number;
  unread: number;
  lastSeq: number;
  /** Damaged lines skipped when the file was opened (a write cut short by a crash, disk garbage). */
  corruptLines: number;
  /** Lines currently in the file: entries, read markers, header, dropped entries not yet compacted. */
  fileLines: number;
  compactions: number;
  writeErrors: number;
  /** The last write or compaction failure; the store keeps working in memory meanwhile. */
  lastError?: string;
}

export interface JsonlHistoryStore extends HistoryStore {
  readonly corruptLines: number;
  stats(): HistoryStats;
  /** Rewrites the file to just the live entries now (normally automatic). Never throws. */
  compact(): void;
}

/** Read markers carry at most this many seqs, so a "mark these 50 000 read" stays a set of modest lines. */
const MARKER_CHUNK = 5000;

/**
 * Opens (or creates) the append-only JSONL history. Every append is one complete line in one
 * synchronous write, so a kill at any moment loses at most the entry being written; damaged lines are
 * skipped and counted on open. Retention is applied on open and on append; the file is compacted
 * (temp file, fsync, atomic rename) once dead lines exceed a quarter of `maxEntries` (min 1024).
 */
export function openHistory(opts: OpenHistoryOptions): JsonlHistoryStore {
  const { file } = opts;
  const now = opts.now ?? Date.now;
  let retention: RetentionOptions = { ...opts.retention };
  const index = new HistoryIndex();
  let corruptLines = 0;
  let fileLines = 0;
  let headerSeq = 0;
  let compactions = 0;
  let writeErrors = 0;
  let lastError: string | undefined;
  let fd = -1;
  let closed = false;
  // Set when the file may end mid-line, so the next write starts a fresh line instead of gluing on.
  let needsNewline = false;
  let failedCompactionAt = -Infinity;

  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeQuietly(tempPathFor(file));
  const summary = readLines(file, (text) => {
    fileLines++;
    const line = text === undefined ? undefined : decodeLine(text);
    if (!line) corruptLines++;
    else if (line.kind === 'entry') {
      if (!index.add(line.entry)) corruptLines++;
    } else if (line.kind === 'read') index.markRead(line.seqs);
    else if (line.kind === 'read-all') index.markAllRead(line.upTo);
    else if (line.kind === 'clear') index.clear();
    else headerSeq = Math.max(headerSeq, line.lastSeq);
  });
  index.lastSeq = Math.max(index.lastSeq, headerSeq);
  needsNewline = !summary.endsWithNewline;
  const droppedAtOpen = index.trim(retention, now());

  const slack = (): number => Math.max(1024, Math.floor(retention.maxEntries / 4));
  const deadLines = (): number => fileLines - index.size;

  const recordError = (error: unknown): void => {
    lastError = error instanceof Error ? error.message : String(error);
  };

  const ensureOpen = (): number => {
    if (fd < 0) fd = fs.openSync(file, 'a');
    return fd;
  };

  const write = (text: string): void => {
    try {
      writeAll(ensureOpen(), needsNewline ? '\n' + text : text);
      needsNewline = false;
    } catch (error) {
      // Part of the line may be on disk; the next write starts on a new line.
      needsNewline = true;
      writeErrors++;
      recordError(error);
    }
  };

  function* compactedLines(): Generator<string> {
    yield encodeHeader(index.lastSeq);
    for (const entry of index.entries()) yield encodeEntry(entry).line;
  }

  const compact = (): void => {
    try {
      replaceFile(file, compactedLines());
      // The old descriptor points at the replaced inode: appends must go to the new file.
      if (fd >= 0) fs.closeSync(fd);
      fd = -1;
      fileLines = index.size + 1;
      needsNewline = false;
      compactions++;
      if (!closed) ensureOpen();
    } catch (error) {
      failedCompactionAt = fileLines;
      recordError(error);
    }
  };

  const maybeCompact = (): void => {
    // After a failure (read-only disk, full disk) wait for another slack's worth of lines before retrying.
    if (deadLines() > slack() && fileLines - failedCompactionAt > slack()) compact();
  };

  if (droppedAtOpen > 0 || corruptLines > 0 || needsNewline || deadLines() > slack()) compact();
  ensureOpen();

  const assertOpen = (): void => {
    if (closed) throw new Error('history is closed');
  };

  return {
    get corruptLines() {
      return corruptLines;
    },

    append(event: HomeEvent, decision: Decision, read = false): HistoryEntry {
      assertOpen();
      const entry: HistoryEntry = { seq: index.lastSeq + 1, recordedAt: now(), event, decision, read };
      const { line, stored } = encodeEntry(entry);
      write(line);
      fileLines++;
      index.add(stored);
      index.trim(retention, stored.recordedAt);
      maybeCompact();
      return { ...stored };
    },

    query(query: HistoryQuery): HistoryPage {
      return index.query(query);
    },

    markRead(seqs: number[] | 'all'): void {
      assertOpen();
      if (seqs === 'all') {
        if (index.markAllRead(index.lastSeq) === 0) return;
        write(encodeReadAll(index.lastSeq));
        fileLines++;
      } else {
        const changed = seqs.filter((seq) => {
          const entry = index.find(seq);
          return entry !== undefined && !entry.read;
        });
        index.markRead(changed);
        for (let i = 0; i < changed.length; i += MARKER_CHUNK) {
          write(encodeRead(changed.slice(i, i + MARKER_CHUNK)));
          fileLines++;
        }
      }
      maybeCompact();
    },

    unreadCount(): number {
      return index.unreadCount;
    },

    clear(): void {
      assertOpen();
      // The marker makes the clear stick even if the compaction below fails.
      if (index.lastSeq > 0) {
        write(encodeClear(index.lastSeq));
        fileLines++;
      }
      index.clear();
      compact();
    },

    setRetention(next: RetentionOptions): void {
      retention = { ...next };
      if (index.trim(retention, now()) > 0 && !closed) compact();
    },

    compact(): void {
      if (!closed) compact();
    },

    stats(): HistoryStats {
      return {
        file,
        entries: index.size,
        unread: index.unreadCount,
        lastSeq: index.lastSeq,
        corruptLines,
        fileLines,
        compactions,
        writeErrors,
        ...(lastError !== undefined ? { lastError } : {}),
      };
    },

    close(): Promise<void> {
      if (!closed) {
        closed = true;
        if (fd >= 0) {
          for (const step of [fs.fsyncSync, fs.closeSync]) {
            try {
              // Appends are not fsynced one by one (a kill keeps them anyway); a clean shutdown makes them durable.
              step(fd);
            } catch (error) {
              recordError(error);
            }
          }
          fd = -1;
        }
      }
      return Promise.resolve();
    },
  };
}
