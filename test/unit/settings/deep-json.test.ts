import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../app/cli/load-config';
import { importSettings } from '../../../app/core/settings';

describe('settings text nested far too deep to be a settings file', () => {
  for (const [name, text] of [
    ['unclosed lists', '['.repeat(200_000)],
    ['unclosed objects', '{"a":'.repeat(200_000)],
  ] as const) {
    it(`${name}: an import reports it as broken JSON instead of throwing`, () => {
      const result = importSettings(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(/^not valid JSON/);
    });
  }

  it('herald check/watch/serve report such a file as a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-deep-'));
    try {
      const file = join(dir, 'deep.json');
      writeFileSync(file, '['.repeat(200_000));
      const loaded = loadConfig(file, {});
      expect(loaded).toMatchObject({ ok: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
