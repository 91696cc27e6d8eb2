import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue } from '../../../app/core/rules/describe';

describe('reason formatting', () => {
  it('formats durations with at most two units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(40_000)).toBe('40s');
    expect(formatDuration(120_000)).toBe('2m');
    expect(formatDuration(150_000)).toBe('2m 30s');
    expect(formatDuration(3_900_000)).toBe('1h 5m');
    expect(formatDuration(3_600_000 + 5_000)).toBe('1h');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 1)).toBe('2d 3h');
  });

  it('formats values: strings quoted, long ones cut, missing named', () => {
    expect(formatValue('open')).toBe('"open"');
    expect(formatValue(56)).toBe('56');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('missing');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    const long = formatValue('x'.repeat(100));
    expect(long).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
