import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { notifySend } from '../../../app/cli/desktop-notify';

const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

describe('notify-send sink and server text', () => {
  it('escapes the body, which notification daemons read as markup (links, images)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-notify-'));
    const out = join(dir, 'args.txt');
    const script = join(dir, 'notify-send');
    writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> "${out}"; done\n`);
    chmodSync(script, 0o755);
    process.env.PATH = `${dir}${delimiter}${originalPath}`;

    const body = '<a href="file:///etc/passwd">open</a> & <img src="file:///x.png"> <b>not bold</b>';
    await expect(
      notifySend({ title: 'Message', body, severity: 'info', urgency: 'normal', silent: false }),
    ).resolves.toBe(true);
    const args = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(args.at(-1)).toBe(
      '&lt;a href="file:///etc/passwd"&gt;open&lt;/a&gt; &amp; &lt;img src="file:///x.png"&gt; &lt;b&gt;not bold&lt;/b&gt;',
    );
  });
});
