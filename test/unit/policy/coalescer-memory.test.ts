import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../../app/core/policy/coalescer';

describe('coalescer memory', () => {
  it('forgets passed times older than the window even when only critical notifications arrive', () => {
    const c = new Coalescer({ window: 10_000, threshold: 3 }, (id) => id);
    const critical = {
      title: 'Leak',
      body: 'b',
      severity: 'critical' as const,
      urgency: 'critical' as const,
      silent: false,
    };
    // A day of a critical alarm repeating every minute: nothing here should grow with it.
    for (let i = 0; i < 1_440; i++) expect(c.offer(i * 60_000, 'deconz', critical)).toBe(true);
    const passed = (c as unknown as { passed: number[] }).passed;
    expect(passed.length).toBeLessThanOrEqual(1);
  });
});
