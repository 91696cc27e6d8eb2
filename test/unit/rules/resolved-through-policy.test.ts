import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../app/core/policy/policy';
import { createRuleState, evaluate } from '../../../app/core/rules/evaluate';
import { defaultSettings } from '../../../app/shared/settings';
import { ev, rule, SECOND } from './make';

describe('a hysteresis rule through the policy', () => {
  it('lets the resolution through even when it comes within the dedup window of the alert', () => {
    const rules = [
      rule({
        id: 'disk',
        types: ['unraid.system.stats'],
        hysteresis: {
          on: { field: 'data.free', op: 'lt', value: 10 },
          off: { field: 'data.free', op: 'gt', value: 12 },
        },
      }),
    ];
    const state = createRuleState();
    const policy = createPolicy(defaultSettings(), { minutesOfDay: () => 12 * 60 });
    const run = (free: number, t: number) => {
      const event = ev({ data: { free }, entity: { id: 'disk1', name: 'Disk 1' } });
      return policy.apply(event, evaluate(rules, event, t, state), t);
    };
    expect(run(8, 0).action).toBe('notify');
    expect(run(9, 5 * SECOND).action).toBe('record');
    const resolved = run(13, 10 * SECOND);
    expect(resolved.action).toBe('notify');
    expect(resolved.notification?.title).toMatch(/^Resolved/);
    // …and flapping straight back is still a fresh alert only after the dedup window.
    expect(run(8, 15 * SECOND).action).toBe('record');
  });
});
