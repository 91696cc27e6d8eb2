import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../../app/shared/rules';
import { importSettings } from '../../../../app/core/settings/export';
import { getAdapter } from '../../../../app/core/sources/registry';
import { deconzAdapter } from '../../../../app/core/sources/deconz/adapter';

describe('deCONZ adapter', () => {
  it('is registered under its kind', () => {
    expect(getAdapter('deconz')).toBe(deconzAdapter);
  });

  it('ships valid presets with preset:deconz: ids', () => {
    for (const preset of deconzAdapter.presets) {
      expect(preset.id).toMatch(/^preset:deconz:[a-z-]+$/);
      expect(() => RuleSchema.parse(preset)).not.toThrow();
    }
    const critical = deconzAdapter.presets.filter(
      (p) => p.action.type === 'notify' && p.action.urgency === 'critical',
    );
    expect(critical.map((p) => p.id).sort()).toEqual([
      'preset:deconz:alarm',
      'preset:deconz:co',
      'preset:deconz:fire',
      'preset:deconz:water',
    ]);
  });

  it('keeps the API key a secret field and fills option defaults', () => {
    expect(deconzAdapter.secretFields).toEqual(['apiKey']);
    expect(deconzAdapter.fields.find((f) => f.key === 'apiKey')).toMatchObject({
      secret: true,
      type: 'password',
    });
    const options = deconzAdapter.optionsSchema.parse({});
    expect(options).toMatchObject({
      lowBatteryPercent: 20,
      pairRetrySeconds: 10,
      pairWindowSeconds: 50,
      refreshMinutes: 10,
    });
    expect(options.devicetype.length).toBeLessThanOrEqual(40);
    expect(deconzAdapter.optionsSchema.safeParse({ pairWindowSeconds: 120 }).success).toBe(false);
  });

  it('has an example settings file that imports and validates', () => {
    const text = readFileSync(new URL('../../../../examples/deconz.json', import.meta.url), 'utf8');
    const result = importSettings(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const source = result.settings.sources.find((s) => s.kind === 'deconz')!;
    expect(deconzAdapter.optionsSchema.safeParse(source.options).success).toBe(true);
  });
});
