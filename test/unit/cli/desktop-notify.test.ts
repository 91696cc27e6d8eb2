import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notifySend } from '../../../app/cli/desktop-notify';
import type { Notification } from '../../../app/shared/rules';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

/** A stand-in `notify-send` on PATH that writes its arguments, one per line, where the test can read them. */
function fakeNotifySend(exitCode = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-notify-'));
  const out = join(dir, 'args.txt');
  const script = join(dir, 'notify-send');
  writeFileSync(
    script,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${out}"; done\nexit ${exitCode}\n`,
  );
  chmodSync(script, 0o755);
  process.env.PATH = `${dir}${delimiter}${originalPath}`;
  return out;
}

const note: Notification = {
  title: '--help',
  body: 'Water detected in the kitchen',
  severity: 'critical',
  urgency: 'critical',
  silent: false,
  timeoutMs: 8000,
};

describe('notify-send sink', () => {
  it('passes urgency and timeout, and server text only after "--" so it is never read as options', async () => {
    const out = fakeNotifySend();
    await expect(notifySend(note)).resolves.toBe(true);
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toEqual([
      '--app-name=Herald',
      '--urgency=critical',
      '--expire-time=8000',
      '--',
      '--help',
      'Water detected in the kitchen',
    ]);
  });

  it('reports failure instead of throwing when the tool fails or is missing', async () => {
    fakeNotifySend(1);
    await expect(notifySend(note)).resolves.toBe(false);
    process.env.PATH = mkdtempSync(join(tmpdir(), 'herald-empty-'));
    await expect(notifySend(note)).resolves.toBe(false);
  });
});
