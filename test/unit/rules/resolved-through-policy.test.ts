import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../app/core/policy/policy';
import { createRuleState, evaluate } from '../../../app/core/rules/evaluate';
import { createDecider } from '../../../app/core/engine/decide';
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

  it('sends no lone "Resolved" for an alert the policy held back', () => {
    const rules = [
      rule({
        id: 'cpu',
        types: ['unraid.system.stats'],
        hysteresis: {
          on: { field: 'data.cpu', op: 'gt', value: 90 },
          off: { field: 'data.cpu', op: 'lt', value: 80 },
        },
      }),
    ];
    const settings = { ...defaultSettings(), rules, snoozes: { tower: 10 * SECOND } };
    // What the engine does with every event: rules and policy as one step.
    const decider = createDecider(settings, { presets: {}, policy: { minutesOfDay: () => 12 * 60 } });
    const run = (cpu: number, t: number) =>
      decider.decide(ev({ data: { cpu }, entity: { id: 'cpu', name: 'CPU' } }), t);
    expect(run(95, 0).reason).toMatch(/snooze/i); // the alert falls into the snooze
    const resolved = run(50, 20 * SECOND); // the snooze is over when it clears
    expect(resolved.action).toBe('record');
    expect(resolved.reason).toMatch(/did not notify/);
    // The next real alert notifies as usual.
    expect(run(95, 30 * SECOND).action).toBe('notify');
  });
});
