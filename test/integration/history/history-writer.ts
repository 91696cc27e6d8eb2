/**
 * Child process for the crash tests: writes history entries and reports progress on stdout, one
 * synchronous line per step, so that whatever the parent has read is known to have happened.
 *   node --import tsx history-writer.ts FILE MODE
 * MODE:
 *   append         append entries in a tight loop, "w SEQ" after each
 *   compact-loop   append one entry ("w SEQ"), compact ("c N"), repeat
 *   stop-rename    append one entry, mark it read, then compact but freeze just before the rename ("frozen")
 *   stop-temp      same, but freeze after half of the temp file was written ("frozen")
 * The process never exits by itself within a test's time except after 60 s, as a safety net.
 */
import fs from 'node:fs';
import { openHistory } from '../../../app/core/history/jsonl-history';
import type { HomeEvent } from '../../../app/shared/home-event';

const [file, mode] = process.argv.slice(2);
if (!file || !mode) throw new Error('usage: history-writer FILE MODE');

const deadline = Date.now() + 60_000;
// The parent reads stdout through a non-blocking pipe: when it lags (a loaded machine) the pipe fills and
// writeSync fails with EAGAIN. The line must still go out whole, and in order, before the next step.
const say = (text: string): void => {
  const line = Buffer.from(text + '\n');
  let written = 0;
  while (written < line.length) {
    try {
      written += fs.writeSync(1, line, written, line.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
};
const freeze = (): never => {
  say('frozen');
  const cell = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(cell, 0, 0, 60_000);
  process.exit(3);
};

const event = (n: number): HomeEvent => ({
  id: `child-${n}`,
  sourceId: 'nas',
  sourceKind: 'unraid',
  type: 'unraid.docker.stop',
  time: n,
  severity: 'warning',
  title: `Container ${n} stopped`,
  body: 'x'.repeat(200 + (n % 300)),
  raw: { n, padding: 'y'.repeat(n % 500) },
});

const store = openHistory({ file, retention: { maxEntries: 1_000_000, maxAgeDays: 3650 } });
const append = (n: number): void => {
  const entry = store.append(event(n), { action: 'record', reason: `child ${n}` });
  say(`w ${entry.seq}`);
};

if (mode === 'append') {
  for (let n = 1; Date.now() < deadline; n++) append(n);
} else if (mode === 'compact-loop') {
  for (let n = 1; Date.now() < deadline; n++) {
    append(n);
    store.compact();
    say(`c ${store.stats().compactions}`);
  }
} else if (mode === 'stop-rename' || mode === 'stop-temp') {
  append(1);
  const last = store.query({ limit: 1 }).entries[0]!;
  store.markRead([last.seq]);
  if (mode === 'stop-rename') {
    fs.renameSync = () => freeze();
  } else {
    const { openSync, writeSync } = fs;
    let tempFd = -1;
    fs.openSync = ((target: fs.PathLike, ...rest: unknown[]) => {
      const fd = (openSync as (...a: unknown[]) => number)(target, ...rest);
      if (String(target).endsWith('.compact-tmp')) tempFd = fd;
      return fd;
    }) as typeof fs.openSync;
    fs.writeSync = ((fd: number, data: Buffer, offset: number, length: number) => {
      if (fd !== tempFd) return writeSync(fd, data, offset, length);
      writeSync(fd, data, offset, Math.floor(length / 2));
      return freeze();
    }) as typeof fs.writeSync;
  }
  store.compact();
  say(`not frozen: ${store.stats().lastError ?? 'compaction finished'}`);
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.exit(0);
