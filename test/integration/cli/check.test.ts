import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeConfig } from '../../helpers/herald-cli';

const bin = fileURLToPath(new URL('../../../bin/herald.js', import.meta.url));
const check = (file: string) =>
  spawnSync(process.execPath, [bin, 'check', '--config', file], { encoding: 'utf8' });

describe('herald check', { timeout: 60_000 }, () => {
  it('accepts a valid file and summarises it', () => {
    const result = check(
      writeConfig({
        version: 1,
        sources: [{ id: 'a', kind: 'generic-json', name: 'A', url: 'ws://127.0.0.1:1/' }],
      }),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/OK — 1 source\(s\), 0 rule\(s\)/);
  });

  it('names each bad field and exits 1', () => {
    const result = check(
      writeConfig({
        version: 1,
        sources: [{ id: 'a', kind: 'generic-json', name: 'A' }],
        quietHours: { start: '25:00' },
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\[0\]\.url|sources\.0\.url/);
    expect(result.stderr).toMatch(/quietHours\.start/);
  });

  it('reports malformed JSON and a missing file plainly', () => {
    const file = writeConfig({});
    writeFileSync(file, '{"version": 1,');
    const malformed = check(file);
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toMatch(/JSON/);
    const missing = check('/nonexistent/herald.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});
