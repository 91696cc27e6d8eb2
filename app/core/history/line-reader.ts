import fs from 'node:fs';

const CHUNK_BYTES = 1024 * 1024;
/** Far above any line Herald writes (1 MiB cap): longer is garbage, and could exceed V8's string limit. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface ReadSummary {
  /** False when the file's last line has no newline (a write cut short). */
  endsWithNewline: boolean;
  bytes: number;
}

/**
 * Calls `onLine` for every line of the file, reading in chunks: a history of a million entries can
 * exceed V8's longest string, so the file is never read into one. Empty lines are skipped; a line
 * too long to be one of ours is passed as `undefined` (damaged) without being assembled.
 */
export function readLines(file: string, onLine: (text: string | undefined) => void): ReadSummary {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { endsWithNewline: true, bytes: 0 };
    throw error;
  }
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let oversized = false;
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
        if (oversized || carryBytes + piece.length > MAX_LINE_BYTES) onLine(undefined);
        else {
          const line = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
          if (line.length > 0) onLine(line.toString('utf8'));
        }
        carry = [];
        carryBytes = 0;
        oversized = false;
        start = nl + 1;
      }
      if (start < n && !oversized) {
        // A line spanning chunks: copy, because `chunk` is reused by the next read.
        carry.push(Buffer.from(chunk.subarray(start, n)));
        carryBytes += n - start;
        if (carryBytes > MAX_LINE_BYTES) {
          oversized = true;
          carry = [];
        }
      }
    }
    if (oversized) onLine(undefined);
    else if (carry.length > 0) onLine(Buffer.concat(carry).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
  return { endsWithNewline: lastByte === 0x0a, bytes };
}
