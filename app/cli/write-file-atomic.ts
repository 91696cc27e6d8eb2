import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Replaces `file` with `text` through a temp file beside it and a rename, so a reader never sees half a
 * file; the temp file gets `mode` before it takes the file's place (chmod too: the umask narrows it).
 */
export function writeFileAtomic(file: string, text: string, mode: number): void {
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, text, { mode });
  chmodSync(temp, mode);
  renameSync(temp, file);
}
