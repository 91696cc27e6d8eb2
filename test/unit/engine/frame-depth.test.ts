import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FRAME_DEPTH, nestsDeeperThan } from '../../../app/core/engine/frame-depth';

const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('draws the line exactly at the limit, for arrays, objects and mixtures', () => {
    expect(nestsDeeperThan(arrays(256), 256)).toBe(false);
    expect(nestsDeeperThan(arrays(257), 256)).toBe(true);
    expect(nestsDeeperThan(objects(256), 256)).toBe(false);
    expect(nestsDeeperThan(objects(257), 256)).toBe(true);
    const mixed = '{"x":['.repeat(150) + '0' + ']}'.repeat(150); // 300 levels
    expect(nestsDeeperThan(mixed, 256)).toBe(true);
    expect(nestsDeeperThan(`{"event":"deep","nested":${arrays(100_000)}}`, DEFAULT_MAX_FRAME_DEPTH)).toBe(
      true,
    );
  });

  it('counts depth, not brackets: many siblings are fine', () => {
    const wide = JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => ({ id: i, tags: [i] })) });
    expect(nestsDeeperThan(wide, 256)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: '['.repeat(1000), quote: '\\"[[[' + '{'.repeat(600), after: [[1]] });
    expect(nestsDeeperThan(text, 256)).toBe(false);
    const tricky = JSON.stringify({ s: 'ends with a backslash \\' }) + arrays(300);
    expect(nestsDeeperThan(tricky, 256)).toBe(true);
  });

  it('answers quickly and harmlessly for text that is not JSON', () => {
    expect(nestsDeeperThan('not json at all', 256)).toBe(false);
    expect(nestsDeeperThan('"unterminated ' + '['.repeat(1000), 256)).toBe(false);
    expect(nestsDeeperThan('', 256)).toBe(false);
  });
});
