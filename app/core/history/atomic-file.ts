// Default import on purpose: calls go through the `fs` object at call time, which lets the crash tests
// stop a child process at an exact step of a compaction.
import fs from 'node:fs';
import path from 'node:path';

const BATCH_BYTES = 1024 * 1024;

export function tempPathFor(file: string): string {
  return `${file}.compact-tmp`;
}

/** Writes all of `text` with as few `write` calls as the OS allows (one, for a regular file). */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/**
 * Replaces `file` with the given lines: writes a temp file beside it, fsyncs it, renames it over the
 * original and fsyncs the directory. A crash at any step leaves either the old file or the new one
 * whole; a leftover temp file is removed by the next open.
 */
export function replaceFile(file: string, lines: Iterable<string>): void {
  const tmp = tempPathFor(file);
  const fd = fs.openSync(tmp, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const line of lines) {
      batch.push(line);
      size += line.length;
      if (size >= BATCH_BYTES) {
        writeAll(fd, batch.join(''));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) writeAll(fd, batch.join(''));
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    removeQuietly(tmp);
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  syncDirectory(path.dirname(file));
}

export function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Absent already, or not ours to remove: either way nothing to do.
  }
}

/** Makes the rename itself durable. Windows cannot open a directory; there the rename is as good as it gets. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort, see above.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
