import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSettings, importSettings } from '../../../app/core/settings/export';
import { listAdapters } from '../../../app/core/sources/registry';

const doc = fs.readFileSync(new URL('../../../docs/settings-format.md', import.meta.url), 'utf8');

describe('docs/settings-format.md', () => {
  it('has a full example that imports with the real source kinds and rule checks', () => {
    const example = /## Full example\s+```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = importSettings(example!);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.settings.sources.map((s) => s.kind)).toEqual(['unraid', 'tvheadend', 'generic-json']);
    expect(result.settings.rules[0]).toMatchObject({ for: 120_000, cooldown: 1_800_000 });
    expect(result.settings.quietHours.enabled).toBe(true);
    // Exporting what was imported gives a file that imports to the same settings.
    const again = importSettings(exportSettings(result.settings, {}, { includeSecrets: false }));
    expect(again).toEqual({ ok: true, settings: result.settings, secrets: {} });
  });

  it("lists every kind's secret fields", () => {
    const line = doc.split('\n').find((l) => l.includes('The fields per kind')) ?? '';
    const section = doc.slice(doc.indexOf(line), doc.indexOf(line) + 400);
    for (const adapter of listAdapters()) {
      expect(section).toContain(`\`${adapter.kind}\``);
      for (const field of adapter.secretFields) expect(section).toContain(`\`${field}\``);
    }
  });
});
