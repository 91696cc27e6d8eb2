import { describe, expect, it } from 'vitest';
import { createBackoff, resolveBackoffOptions } from '../../../app/core/connection/backoff';

describe('backoff (full jitter, capped)', () => {
  it('stays within [0, initial·2^attempt] and never exceeds the cap', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1_000, resetAfterMs: 5_000 }, Math.random);
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const ceiling = Math.min(1_000, 100 * 2 ** attempt);
      const delay = b.next();
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    expect(b.attempt).toBe(40);
  });

  it('doubles the ceiling per attempt up to the cap (random = 1 shows the ceiling)', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1_000 }, () => 1);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('uses full jitter: random = 0 retries at once, other values scale the ceiling', () => {
    expect(createBackoff({ initialMs: 100 }, () => 0).next()).toBe(0);
    expect(createBackoff({ initialMs: 100 }, () => 0.5).next()).toBe(50);
  });

  it('spreads delays across the whole range (not only near the ceiling)', () => {
    const delays = Array.from({ length: 400 }, () => createBackoff({ initialMs: 1_000 }).next());
    expect(Math.min(...delays)).toBeLessThan(250);
    expect(Math.max(...delays)).toBeGreaterThan(750);
  });

  it('resets the attempt counter only after the socket stayed open resetAfterMs', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 10_000, resetAfterMs: 5_000 }, () => 1);
    b.next();
    b.next();
    b.next();
    b.closedAfterOpen(4_999);
    expect(b.next()).toBe(800);
    b.closedAfterOpen(5_000);
    expect(b.attempt).toBe(0);
    expect(b.next()).toBe(100);
  });

  it('keeps huge attempt counts finite and fills defaults for missing or undefined options', () => {
    const b = createBackoff({ initialMs: 1, maxMs: 2 ** 60 }, () => 1);
    const delays = Array.from({ length: 2_000 }, () => b.next());
    expect(delays.every(Number.isFinite)).toBe(true);
    expect(resolveBackoffOptions({ initialMs: undefined, maxMs: 10 })).toEqual({
      initialMs: 1_000,
      maxMs: 1_000,
      resetAfterMs: 30_000,
    });
  });
});
