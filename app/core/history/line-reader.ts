import fs from 'node:fs';

const CHUNK_BYTES = 1024 * 1024;

export interface ReadSummary {
  /** False when the file's last line has no newline (a write cut short). */
  endsWithNewline: boolean;
  bytes: number;
}

/**
 * Calls `onLine` for every line of the file, reading in chunks: a history of a million entries can
 * exceed V8's longest string, so the file is never read into one. Empty lines are skipped.
 */
export function readLines(file: string, onLine: (text: string) => void): ReadSummary {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { endsWithNewline: true, bytes: 0 };
    throw error;
  }
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry: Buffer[] = [];
  let bytes = 0;
  let lastByte = 0x0a;
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      bytes += n;
      lastByte = chunk[n - 1]!;
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, 0); nl !== -1 && nl < n; nl = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, nl);
        const line = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        if (line.length > 0) onLine(line.toString('utf8'));
        start = nl + 1;
      }
      // A line spanning chunks: copy, because `chunk` is reused by the next read.
      if (start < n) carry.push(Buffer.from(chunk.subarray(start, n)));
    }
    if (carry.length > 0) onLine(Buffer.concat(carry).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
  return { endsWithNewline: lastByte === 0x0a, bytes };
}
