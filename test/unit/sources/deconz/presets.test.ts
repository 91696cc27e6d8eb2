import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../../app/shared/rules';
import { createRuleState, evaluate } from '../../../../app/core/rules/evaluate';
import { DECONZ_PRESETS } from '../../../../app/core/sources/deconz/presets';
import { normaliseFrame, parseFrame } from '../../../../app/core/sources/deconz/normalise';
import { primedDeps } from './helpers';
import { stampEvent } from '../../../../app/core/engine/stamp';

const rules = DECONZ_PRESETS.map((p) => RuleSchema.parse(p));

describe('deCONZ presets with the rules engine', () => {
  const deps = primedDeps();
  const push = (frame: object) =>
    normaliseFrame(deps, parseFrame({ t: 'event', e: 'changed', ...frame })).map((e) =>
      stampEvent(e, { id: 'gw', kind: 'deconz' }),
    );

  it('notifies danger as critical, doors quietly, and records buttons', () => {
    const state = createRuleState();
    const decide = (frame: object) => push(frame).map((e) => evaluate(rules, e, 1_000, state));
    expect(decide({ r: 'sensors', id: '34', state: { water: true } })).toMatchObject([
      {
        action: 'notify',
        ruleId: 'preset:deconz:water',
        notification: { urgency: 'critical', severity: 'critical' },
      },
    ]);
    expect(decide({ r: 'alarmsystems', id: '1', state: { armstate: 'in_alarm' } })).toMatchObject([
      { action: 'notify', ruleId: 'preset:deconz:alarm' },
    ]);
    expect(decide({ r: 'sensors', id: '3', state: { open: true } })).toMatchObject([
      { action: 'notify', ruleId: 'preset:deconz:doors', notification: { urgency: 'low' } },
    ]);
    expect(
      decide({ r: 'sensors', id: '12', state: { buttonevent: 1002, lastupdated: '2026-01-01T10:00:00' } }),
    ).toMatchObject([{ action: 'record', ruleId: 'preset:deconz:buttons' }]);
  });

  it('warns about a low battery once per physical device within the cooldown', () => {
    const state = createRuleState();
    const [low] = push({ r: 'sensors', id: '24', config: { battery: 10 } });
    expect(evaluate(rules, low!, 1_000, state)).toMatchObject({
      action: 'notify',
      ruleId: 'preset:deconz:battery',
    });
    // The same device recovers and drops again an hour later: still inside the 24 h cooldown.
    push({ r: 'sensors', id: '24', config: { battery: 90 } });
    const [again] = push({ r: 'sensors', id: '25', config: { battery: 10 } });
    expect(again?.type).toBe('deconz.battery.low');
    expect(evaluate(rules, again!, 3_600_000, state).action).toBe('record');
  });
});
