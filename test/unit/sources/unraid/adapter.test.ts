import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSettings } from '../../../../app/core/settings';
import { getAdapter } from '../../../../app/core/sources/registry';
import { unraidAdapter } from '../../../../app/core/sources/unraid/adapter';
import { socketUrl } from '../../../../app/core/sources/unraid/options';

describe('unraid adapter', () => {
  it('is registered under its kind', () => {
    expect(getAdapter('unraid')).toBe(unraidAdapter);
    expect(unraidAdapter.displayName).toBe('Unraid Management Agent');
    expect(unraidAdapter.secretFields).toEqual(['token']);
    expect(unraidAdapter.fields.find((f) => f.key === 'token')).toMatchObject({
      secret: true,
      type: 'password',
    });
  });

  it('options: defaults, durations as text, bad values rejected', () => {
    expect(unraidAdapter.optionsSchema.parse({})).toEqual({
      flavour: 'auto',
      containerHold: 5000,
      arraySettle: 120_000,
      bootstrap: true,
    });
    expect(
      unraidAdapter.optionsSchema.parse({ flavour: 'legacy', containerHold: '10s', diskWarningCelsius: 50 }),
    ).toMatchObject({
      flavour: 'legacy',
      containerHold: 10_000,
      diskWarningCelsius: 50,
    });
    expect(unraidAdapter.optionsSchema.safeParse({ flavour: 'graphql' }).success).toBe(false);
    expect(unraidAdapter.optionsSchema.safeParse({ containerHold: 'soon' }).success).toBe(false);
  });

  it('builds socket URLs from whatever base the user typed', () => {
    expect(socketUrl('http://tower.local:8043', '/api/v1/ws')).toBe('ws://tower.local:8043/api/v1/ws');
    expect(socketUrl('https://tower:8043/api/v1/ws?x=1', '/api/v1/ws')).toBe('wss://tower:8043/api/v1/ws');
    expect(socketUrl('ws://10.0.0.2:34600/', '/api/v1/ws/docker/events')).toBe(
      'ws://10.0.0.2:34600/api/v1/ws/docker/events',
    );
  });

  it('examples/unraid.json imports cleanly', () => {
    const text = readFileSync(new URL('../../../../examples/unraid.json', import.meta.url), 'utf8');
    const result = importSettings(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const source = result.settings.sources[0]!;
    expect(source.kind).toBe('unraid');
    expect(unraidAdapter.optionsSchema.safeParse(source.options).success).toBe(true);
  });
});
