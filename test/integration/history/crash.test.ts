import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPathFor } from '../../../app/core/history/atomic-file';
import { openHistory } from '../../../app/core/history/jsonl-history';
import { BIG_RETENTION, makeDecision, makeEvent, tempDir } from '../../unit/history/fixtures';

const WRITER = fileURLToPath(new URL('./history-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  /** SIGKILLs the child once `until` holds for a line; resolves with every line it wrote before dying. */
  killWhen(until: (line: string) => boolean, timeoutMs?: number): Promise<string[]>;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

function startWriter(file: string, mode: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Resolves once the child is gone and its stdout drained: lines it wrote before dying still count.
  const drained = new Promise<void>((resolve) => {
    let pending = 2;
    const one = (): void => void (--pending === 0 && resolve());
    child.once('exit', one);
    child.stdout.once('close', one);
  });
  cleanups.push(() => child.kill('SIGKILL'));
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  let onLine: (line: string) => void = () => {};
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      onLine(line);
    }
  });
  return {
    killWhen(until, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        let done = false;
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`writer did not get there in ${timeoutMs} ms; stderr: ${stderr.slice(0, 2000)}`));
        }, timeoutMs);
        onLine = (line) => {
          if (done || !until(line)) return;
          done = true;
          clearTimeout(timer);
          child.kill('SIGKILL');
          void drained.then(() => resolve(lines));
        };
        child.once('exit', (code) => {
          if (done) return;
          clearTimeout(timer);
          reject(new Error(`writer exited early (${code}); stderr: ${stderr.slice(0, 2000)}`));
        });
      });
    },
  };
}

const lastWritten = (lines: string[]): number =>
  Math.max(0, ...lines.filter((l) => l.startsWith('w ')).map((l) => Number(l.slice(2))));

/**
 * Reopens the file and checks it holds exactly seqs 1..M, every entry whole, where M is the last seq
 * the child reported or the one after it (written, or cut short, when the kill landed).
 */
async function verify(file: string, reported: number): Promise<number> {
  const store = openHistory({ file, retention: BIG_RETENTION });
  try {
    expect(store.corruptLines).toBeLessThanOrEqual(1);
    const page = store.query({ limit: 1000 });
    const newest = page.entries[0]?.seq ?? 0;
    // Everything reported as written is there; at most the one being written when killed is missing.
    expect(newest).toBeGreaterThanOrEqual(reported);
    expect(newest).toBeLessThanOrEqual(reported + 1);
    expect(page.total).toBe(newest);
    let before: number | undefined;
    let expected = newest;
    for (let guard = 0; guard < 1000; guard++) {
      const chunk = store.query({ limit: 1000, before });
      for (const entry of chunk.entries) {
        expect(entry.seq).toBe(expected--);
        expect(entry.event.title).toMatch(/^(Container \d+ stopped|Title \d+)$/);
        expect(typeof entry.decision.reason).toBe('string');
      }
      if (chunk.nextCursor === undefined) break;
      before = chunk.nextCursor;
    }
    expect(expected).toBe(0);
    expect(fs.existsSync(tempPathFor(file))).toBe(false);
    return newest;
  } finally {
    await store.close();
  }
}

describe('history survives SIGKILL of the writing process', () => {
  it('loses at most the entry being written when killed mid-append, over several kills', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    let reported = 0;
    for (const extra of [300, 1700, 900]) {
      const target = reported + extra;
      const lines = await startWriter(tmp.file, 'append').killWhen((l) => l === `w ${target}`);
      reported = lastWritten(lines);
      expect(reported).toBeGreaterThanOrEqual(target);
      // The next round appends after whatever the kill left, so the log must stay contiguous.
      reported = await verify(tmp.file, reported);
    }
  }, 60_000);

  it('keeps the old or the new file whole when killed during compactions', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const seed = openHistory({ file: tmp.file, retention: BIG_RETENTION });
    for (let n = 1; n <= 2000; n++) seed.append(makeEvent(n), makeDecision(n));
    await seed.close();
    let reported = 2000;
    for (const compactions of [3, 8, 5]) {
      const lines = await startWriter(tmp.file, 'compact-loop').killWhen((l) => l === `c ${compactions}`);
      reported = Math.max(reported, lastWritten(lines));
      reported = await verify(tmp.file, reported);
    }
  }, 60_000);

  it('keeps the old file when killed after the temp file is written but before the rename', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const seed = openHistory({ file: tmp.file, retention: BIG_RETENTION });
    for (let n = 1; n <= 50; n++) seed.append(makeEvent(n), makeDecision(n));
    seed.markRead([10]);
    await seed.close();

    const lines = await startWriter(tmp.file, 'stop-rename').killWhen((l) => l === 'frozen');
    expect(lastWritten(lines)).toBe(51);
    // The new file was complete beside the old one when the process died.
    expect(fs.existsSync(tempPathFor(tmp.file))).toBe(true);
    await verify(tmp.file, 51);
    const store = openHistory({ file: tmp.file, retention: BIG_RETENTION });
    cleanups.push(() => void store.close());
    expect(store.query({ limit: 100, unreadOnly: true }).entries.map((e) => e.seq)).not.toContain(51);
    expect(store.unreadCount()).toBe(49);
  });

  it('keeps the old file when killed halfway through writing the temp file', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const seed = openHistory({ file: tmp.file, retention: BIG_RETENTION });
    for (let n = 1; n <= 50; n++) seed.append(makeEvent(n), makeDecision(n));
    await seed.close();
    const original = fs.readFileSync(tmp.file, 'utf8');

    const lines = await startWriter(tmp.file, 'stop-temp').killWhen((l) => l === 'frozen');
    expect(lastWritten(lines)).toBe(51);
    const partialTemp = fs.readFileSync(tempPathFor(tmp.file), 'utf8');
    expect(partialTemp.length).toBeGreaterThan(0);
    expect(partialTemp.endsWith('\n')).toBe(false);
    // The live file is the old one plus the child's appends, untouched by the compaction.
    expect(fs.readFileSync(tmp.file, 'utf8').startsWith(original)).toBe(true);
    await verify(tmp.file, 51);
  });
});
