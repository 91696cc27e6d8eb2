import { describe, expect, it } from 'vitest';
import { createRuleState, evaluate } from '../../../app/core/rules/evaluate';
import type { Decision, Rule } from '../../../app/shared/rules';
import { ev, MINUTE, rule, SECOND } from './make';

const T0 = 1_700_000_000_000;

function run(rules: Rule[], values: number[], step: number, field = 'cpu'): Decision[] {
  const state = createRuleState();
  return values.map((v, i) => evaluate(rules, ev({ data: { [field]: v } }), T0 + i * step, state));
}

const actions = (ds: Decision[]) => ds.map((d) => d.action);

describe('evaluate: for', () => {
  const slow = rule({
    id: 'hot',
    name: 'CPU hot',
    conditions: [{ field: 'data.cpu', op: 'gt', value: 90 }],
    for: '5m',
  });

  it('holds until the duration has passed, then fires once', () => {
    const ds = run([slow], [95, 95, 95, 95, 95, 95, 95, 95], MINUTE);
    expect(actions(ds)).toEqual([
      'record',
      'record',
      'record',
      'record',
      'record',
      'notify',
      'record',
      'record',
    ]);
    expect(ds[2]!.reason).toBe("rule 'CPU hot' held: condition true for 2m of 5m");
    expect(ds[6]!.reason).toMatch(/already fired, fires again once it breaks/);
  });

  it('fires on the first event at or after the bound, even with sparse events', () => {
    const ds = run([slow], [95, 95], 7 * MINUTE);
    expect(actions(ds)).toEqual(['record', 'notify']);
  });

  it('restarts when the condition breaks, and fires again after holding anew', () => {
    const ds = run([slow], [95, 95, 95, 50, 95, 95, 95, 95, 95, 95, 95], 2.5 * MINUTE);
    // 0: start, 2: held 5m → fire; 3: breaks (no match → record); 4: restart, 6: 5m → fire again
    expect(actions(ds)).toEqual([
      'record',
      'record',
      'notify',
      'record',
      'record',
      'record',
      'notify',
      'record',
      'record',
      'record',
      'record',
    ]);
    expect(ds[3]!.reason).toBe('no rule matched');
  });

  it('keeps separate held times per key', () => {
    const state = createRuleState();
    const a = (t: number) =>
      evaluate([slow], ev({ entity: { id: 'a', name: 'A' }, data: { cpu: 99 } }), t, state);
    const b = (t: number) =>
      evaluate([slow], ev({ entity: { id: 'b', name: 'B' }, data: { cpu: 99 } }), t, state);
    expect(a(T0).action).toBe('record');
    expect(b(T0 + 3 * MINUTE).action).toBe('record');
    expect(a(T0 + 5 * MINUTE).action).toBe('notify');
    expect(b(T0 + 5 * MINUTE).action).toBe('record');
    expect(b(T0 + 8 * MINUTE).action).toBe('notify');
  });
});

describe('evaluate: hysteresis', () => {
  const cpu = rule({
    id: 'cpu',
    name: 'CPU high',
    hysteresis: {
      on: { field: 'data.cpu', op: 'gt', value: 90 },
      off: { field: 'data.cpu', op: 'lt', value: 80 },
    },
    action: { type: 'notify', title: 'CPU high on {{sourceId}}', body: 'CPU at {{data.cpu}}%' },
  });

  it('notifies once going active and once resolving, however the value flaps in between', () => {
    const ds = run([cpu], [70, 95, 89, 91, 85, 92, 81, 79, 85, 81, 79], SECOND);
    expect(actions(ds)).toEqual([
      'record',
      'notify',
      'record',
      'record',
      'record',
      'record',
      'record',
      'notify',
      'record',
      'record',
      'record',
    ]);
    expect(ds[1]!.notification!.title).toBe('CPU high on tower');
    expect(ds[1]!.reason).toBe("rule 'CPU high' became active: data.cpu 95 > 90");
    expect(ds[3]!.reason).toBe("rule 'CPU high': hysteresis still active (off needs data.cpu < 80, now 91)");
    expect(ds[7]!.notification!.title).toBe('Resolved: CPU high on tower');
    expect(ds[7]!.notification!.body).toBe('CPU at 79%');
    expect(ds[7]!.notification!.severity).toBe('info');
    expect(ds[8]!.reason).toBe("rule 'CPU high': hysteresis not active (on needs data.cpu > 90, now 85)");
  });

  it('oscillating around the on threshold alone gives a single notification', () => {
    const ds = run([cpu], [89, 91, 89, 91, 89, 91, 89, 91], SECOND);
    expect(actions(ds).filter((a) => a === 'notify')).toHaveLength(1);
  });

  it('uses resolvedTitle and resolvedBody templates', () => {
    const custom = rule({
      ...cpu,
      hysteresis: { ...cpu.hysteresis!, resolvedTitle: 'OK: {{sourceId}}', resolvedBody: 'now {{data.cpu}}' },
    });
    const ds = run([custom], [95, 70], SECOND);
    expect(ds[1]!.notification).toMatchObject({ title: 'OK: tower', body: 'now 70' });
  });

  it('records the resolution when notifyResolved is false', () => {
    const quiet = rule({ ...cpu, hysteresis: { ...cpu.hysteresis!, notifyResolved: false } });
    const ds = run([quiet], [95, 70], SECOND);
    expect(actions(ds)).toEqual(['notify', 'record']);
    expect(ds[1]!.reason).toBe("rule 'CPU high' resolved: data.cpu 70 < 80");
  });

  it('respects for on the way up', () => {
    const held = rule({ ...cpu, for: '2m' });
    const ds = run([held], [95, 95, 85, 95, 95, 95], MINUTE);
    // 0 start, 1 held 1m, 2 still below off? no: 85 is not > 90, so held resets; 3 start, 5 fires
    expect(actions(ds)).toEqual(['record', 'record', 'record', 'record', 'record', 'notify']);
    expect(ds[1]!.reason).toBe("rule 'CPU high' held: on condition true for 1m of 2m");
  });

  it('does not send a resolved notification when going active was held back by cooldown', () => {
    const cooled = rule({ ...cpu, cooldown: '1h' });
    const ds = run([cooled], [95, 70, 95, 70], MINUTE);
    expect(actions(ds)).toEqual(['notify', 'notify', 'record', 'record']);
    expect(ds[2]!.reason).toMatch(/cooldown: notified 2m ago \(cooldown 1h\)/);
    expect(ds[3]!.reason).toMatch(/becoming active did not notify/);
  });
});

describe('evaluate: cooldown', () => {
  const door = rule({ id: 'door', name: 'Door', cooldown: '5m' });

  it('records further matches with the same key within the cooldown', () => {
    const state = createRuleState();
    const at = (t: number) => evaluate([door], ev({ entity: { id: 'd1', name: 'Front' } }), t, state);
    expect(at(T0).action).toBe('notify');
    const second = at(T0 + 40 * SECOND);
    expect(second.action).toBe('record');
    expect(second.reason).toBe(
      "rule 'Door' matched unraid.system.stats; cooldown: notified 40s ago (cooldown 5m)",
    );
    expect(at(T0 + 5 * MINUTE).action).toBe('notify');
  });

  it('keeps cooldowns per key', () => {
    const state = createRuleState();
    const at = (id: string, t: number) => evaluate([door], ev({ entity: { id, name: id } }), t, state);
    expect(at('a', T0).action).toBe('notify');
    expect(at('b', T0 + SECOND).action).toBe('notify');
    expect(at('a', T0 + 2 * SECOND).action).toBe('record');
  });

  it('uses the key template when given', () => {
    const perSource = rule({ ...door, key: '{{sourceId}}' });
    const state = createRuleState();
    const at = (id: string, t: number) => evaluate([perSource], ev({ entity: { id, name: id } }), t, state);
    const first = at('a', T0);
    expect(first.key).toBe('tower');
    expect(at('b', T0 + SECOND).action).toBe('record');
  });

  it('puts the default key on the decision', () => {
    const d = evaluate([door], ev({ entity: { id: 'd1', name: 'x' } }), T0, createRuleState());
    expect(d.key).toBe('tower|unraid.system.stats|d1');
  });
});

describe('evaluate: changed', () => {
  const opened = rule({
    id: 'opened',
    name: 'Opened',
    types: ['deconz.sensor.*'],
    conditions: [{ field: 'data.open', op: 'changed', from: false, to: true }],
  });
  const sensor = (id: string, open: boolean | undefined) =>
    ev({
      sourceKind: 'deconz',
      sourceId: 'phoscon',
      type: 'deconz.sensor.changed',
      entity: { id, name: `Sensor ${id}`, kind: 'sensor' },
      data: open === undefined ? {} : { open },
    });

  it('does not fire on the first value, fires on the from→to change, not on repeats', () => {
    const state = createRuleState();
    const d = [true, false, true, true, false].map((v, i) =>
      evaluate([opened], sensor('1', v), T0 + i, state),
    );
    expect(actions(d)).toEqual(['record', 'record', 'notify', 'record', 'record']);
    expect(d[2]!.reason).toBe("rule 'Opened' matched: data.open changed false → true");
  });

  it('tracks each entity separately', () => {
    const state = createRuleState();
    expect(evaluate([opened], sensor('1', false), T0, state).action).toBe('record');
    expect(evaluate([opened], sensor('2', false), T0, state).action).toBe('record');
    expect(evaluate([opened], sensor('2', true), T0, state).action).toBe('notify');
    expect(evaluate([opened], sensor('1', false), T0, state).action).toBe('record');
    expect(evaluate([opened], sensor('1', true), T0, state).action).toBe('notify');
  });

  it('keeps the previous value across events that lack the field', () => {
    const state = createRuleState();
    evaluate([opened], sensor('1', false), T0, state);
    evaluate([opened], sensor('1', undefined), T0, state);
    expect(evaluate([opened], sensor('1', true), T0, state).action).toBe('notify');
  });

  it('without from/to fires on any change', () => {
    const any = rule({ id: 'any', conditions: [{ field: 'data.state', op: 'changed' }] });
    const state = createRuleState();
    const at = (s: string) =>
      evaluate([any], ev({ entity: { id: 'x', name: 'x' }, data: { state: s } }), T0, state);
    expect([at('a'), at('b'), at('b'), at('c')].map((d) => d.action)).toEqual([
      'record',
      'notify',
      'record',
      'notify',
    ]);
  });

  it('remembers values even while an earlier rule decides', () => {
    const first = rule({
      id: 'first',
      types: ['deconz.**'],
      conditions: [{ field: 'data.open', op: 'eq', value: false }],
      action: { type: 'record' },
    });
    const state = createRuleState();
    evaluate([first, opened], sensor('1', false), T0, state);
    expect(evaluate([first, opened], sensor('1', true), T0, state).ruleId).toBe('opened');
  });
});

describe('evaluate: notifications', () => {
  it('defaults to the event title, body, url and severity-derived urgency', () => {
    const d = evaluate(
      [rule({ id: 'n' })],
      ev({ severity: 'critical', url: 'http://tower/', data: { timeoutMs: 5000 } }),
      T0,
      createRuleState(),
    );
    expect(d.notification).toEqual({
      title: 'Event title',
      body: 'Event body',
      severity: 'critical',
      urgency: 'critical',
      silent: false,
      url: 'http://tower/',
      timeoutMs: 5000,
    });
  });

  it('maps info and warning to normal urgency unless the rule says otherwise', () => {
    const state = createRuleState();
    expect(evaluate([rule({ id: 'n' })], ev({ severity: 'info' }), T0, state).notification!.urgency).toBe(
      'normal',
    );
    expect(evaluate([rule({ id: 'n' })], ev({ severity: 'warning' }), T0, state).notification!.urgency).toBe(
      'normal',
    );
    const low = rule({ id: 'low', action: { type: 'notify', urgency: 'low', silent: true } });
    expect(evaluate([low], ev(), T0, state).notification).toMatchObject({ urgency: 'low', silent: true });
  });

  it('ignores a timeoutMs that is not a number', () => {
    const d = evaluate([rule({ id: 'n' })], ev({ data: { timeoutMs: '5000' } }), T0, createRuleState());
    expect(d.notification!.timeoutMs).toBeUndefined();
  });

  it('renders title and body templates, with the rule in view and no escaping', () => {
    const r = rule({
      id: 'n',
      name: 'Film',
      action: { type: 'notify', title: '{{rule.name}}: {{entity.name}}', body: '{{raw.Name}} & more' },
    });
    const d = evaluate(
      [r],
      ev({ entity: { id: '1', name: '<Living room>' }, raw: { Name: 'Tom & Jerry' } }),
      T0,
      createRuleState(),
    );
    expect(d.notification).toMatchObject({ title: 'Film: <Living room>', body: 'Tom & Jerry & more' });
  });

  it('falls back to the event title when a template renders empty', () => {
    const r = rule({ id: 'n', action: { type: 'notify', title: '{{entity.name}}' } });
    expect(evaluate([r], ev(), T0, createRuleState()).notification!.title).toBe('Event title');
  });
});

describe('rule state', () => {
  it('stays bounded however many keys pass through', () => {
    const state = createRuleState({ maxEntries: 50 });
    const r = rule({ id: 'c', cooldown: '1h', conditions: [{ field: 'data.v', op: 'changed' }], for: '1s' });
    for (let i = 0; i < 2000; i += 1) {
      evaluate([r], ev({ entity: { id: `e${i}`, name: 'x' }, data: { v: i } }), T0 + i, state);
    }
    expect(state.size()).toBeLessThanOrEqual(4 * 50);
    expect(state.previous.size).toBe(50);
  });
});
