import { describe, expect, it } from 'vitest';
import { createRuleState, evaluate } from '../../../app/core/rules/evaluate';
import { ev, rule } from './make';

const T0 = 1_700_000_000_000;

describe('evaluate: matching and order', () => {
  it('records with "no rule matched" when nothing matches', () => {
    const d = evaluate([rule({ id: 'a', types: ['emby.*'] })], ev(), T0, createRuleState());
    expect(d).toEqual({ action: 'record', reason: 'no rule matched' });
  });

  it('lets the first matching rule decide', () => {
    const rules = [
      rule({ id: 'first', types: ['unraid.**'], action: { type: 'drop' } }),
      rule({ id: 'second', action: { type: 'notify' } }),
    ];
    const d = evaluate(rules, ev(), T0, createRuleState());
    expect(d.action).toBe('drop');
    expect(d.ruleId).toBe('first');
  });

  it('skips a rule whose conditions fail and falls through to the next', () => {
    const rules = [
      rule({ id: 'hot', conditions: [{ field: 'data.temp', op: 'gt', value: 55 }] }),
      rule({ id: 'rest', action: { type: 'record' } }),
    ];
    const d = evaluate(rules, ev({ data: { temp: 40 } }), T0, createRuleState());
    expect(d.ruleId).toBe('rest');
    expect(d.action).toBe('record');
    expect(d.reason).toMatch(/record only/);
  });

  it('skips disabled rules', () => {
    const rules = [rule({ id: 'off', enabled: false, action: { type: 'drop' } }), rule({ id: 'on' })];
    expect(evaluate(rules, ev(), T0, createRuleState()).ruleId).toBe('on');
  });

  it('explains a match with the actual value', () => {
    const d = evaluate(
      [rule({ id: 'disk', name: 'Disk hot', conditions: [{ field: 'data.temp', op: 'gt', value: 55 }] })],
      ev({ data: { temp: 56 } }),
      T0,
      createRuleState(),
    );
    expect(d.action).toBe('notify');
    expect(d.reason).toBe("rule 'Disk hot' matched: data.temp 56 > 55");
  });
});

describe('evaluate: scope globs', () => {
  const match = (r: Parameters<typeof rule>[0], e: Parameters<typeof ev>[0]) =>
    evaluate([rule(r)], ev(e), T0, createRuleState()).action !== 'record';

  it('matches dotted types segment by segment', () => {
    expect(match({ id: 'a', types: ['emby.*'] }, { type: 'emby.DisplayMessage' })).toBe(true);
    expect(match({ id: 'a', types: ['emby.*'] }, { type: 'emby.Session.Start' })).toBe(false);
    expect(match({ id: 'a', types: ['unraid.docker.*'] }, { type: 'unraid.docker.stop' })).toBe(true);
    expect(match({ id: 'a', types: ['unraid.docker.*'] }, { type: 'unraid.dockerx.stop' })).toBe(false);
    expect(match({ id: 'a', types: ['unraid.**'] }, { type: 'unraid.docker.stop' })).toBe(true);
    expect(match({ id: 'a', types: ['**'] }, { type: 'a.b.c.d' })).toBe(true);
    expect(match({ id: 'a', types: ['**.stop'] }, { type: 'unraid.docker.stop' })).toBe(true);
  });

  it('accepts any of several globs, and braces', () => {
    expect(match({ id: 'a', types: ['x.*', 'emby.*'] }, { type: 'emby.A' })).toBe(true);
    expect(match({ id: 'a', types: ['{emby,jellyfin}.*'] }, { type: 'jellyfin.A' })).toBe(true);
  });

  it('scopes by source id and kind', () => {
    expect(match({ id: 'a', sources: ['tower'] }, { sourceId: 'tower' })).toBe(true);
    expect(match({ id: 'a', sources: ['tower'] }, { sourceId: 'nas' })).toBe(false);
    expect(match({ id: 'a', sources: ['tow*'] }, { sourceId: 'tower.lan' })).toBe(true);
    expect(match({ id: 'a', kinds: ['deconz'] }, { sourceKind: 'unraid' })).toBe(false);
    expect(match({ id: 'a', kinds: ['un*'] }, { sourceKind: 'unraid' })).toBe(true);
  });

  it('treats empty scopes as everything', () => {
    expect(match({ id: 'a', sources: [], kinds: [], types: [] }, {})).toBe(true);
  });

  it('never matches with a glob that cannot compile, and does not throw', () => {
    expect(match({ id: 'a', types: [''] }, {})).toBe(false);
  });
});

describe('evaluate: conditions', () => {
  const holds = (c: object, e: Parameters<typeof ev>[0]) =>
    evaluate([rule({ id: 'c', conditions: [c as never] })], ev(e), T0, createRuleState()).action === 'notify';

  it('eq and ne compare loosely across string and number', () => {
    expect(holds({ field: 'data.exit', op: 'eq', value: 0 }, { data: { exit: '0' } })).toBe(true);
    expect(holds({ field: 'data.exit', op: 'eq', value: 0 }, { data: { exit: 1 } })).toBe(false);
    expect(holds({ field: 'data.exit', op: 'ne', value: 0 }, { data: { exit: 1 } })).toBe(true);
    expect(holds({ field: 'data.x', op: 'eq', value: null }, { data: { x: null } })).toBe(true);
    expect(holds({ field: 'data.x', op: 'eq', value: null }, { data: {} })).toBe(false);
  });

  it('contains works on strings and arrays, case-sensitively', () => {
    expect(holds({ field: 'title', op: 'contains', value: 'door' }, { title: 'Front door' })).toBe(true);
    expect(holds({ field: 'title', op: 'contains', value: 'Door' }, { title: 'Front door' })).toBe(false);
    expect(holds({ field: 'data.tags', op: 'contains', value: 'x' }, { data: { tags: ['y', 'x'] } })).toBe(
      true,
    );
  });

  it('regex tests strings and numbers, with flags, and is not stateful with g', () => {
    expect(holds({ field: 'title', op: 'regex', value: '^front', flags: 'i' }, { title: 'Front door' })).toBe(
      true,
    );
    const r = rule({ id: 'g', conditions: [{ field: 'title', op: 'regex', value: 'a', flags: 'g' }] });
    const state = createRuleState();
    for (let i = 0; i < 3; i += 1)
      expect(evaluate([r], ev({ title: 'a', id: `g${i}` }), T0, state).action).toBe('notify');
    expect(holds({ field: 'data.n', op: 'regex', value: '^4' }, { data: { n: 42 } })).toBe(true);
    expect(holds({ field: 'title', op: 'regex', value: '(' }, { title: '(' })).toBe(false);
  });

  it('numeric comparisons accept numeric strings and reject other values', () => {
    expect(holds({ field: 'data.t', op: 'gte', value: 55 }, { data: { t: 55 } })).toBe(true);
    expect(holds({ field: 'data.t', op: 'gt', value: 55 }, { data: { t: 55 } })).toBe(false);
    expect(holds({ field: 'data.t', op: 'lt', value: 10 }, { data: { t: '9.5' } })).toBe(true);
    expect(holds({ field: 'data.t', op: 'lte', value: 10 }, { data: { t: 'hot' } })).toBe(false);
    expect(holds({ field: 'data.t', op: 'lt', value: 10 }, { data: {} })).toBe(false);
  });

  it('exists needs a non-null value', () => {
    expect(holds({ field: 'entity.name', op: 'exists' }, { entity: { id: '1', name: 'n' } })).toBe(true);
    expect(holds({ field: 'entity.name', op: 'exists' }, {})).toBe(false);
    expect(holds({ field: 'data.x', op: 'exists' }, { data: { x: null } })).toBe(false);
  });

  it('reads raw payload paths with indexes', () => {
    expect(
      holds({ field: 'raw.A.B[1].C', op: 'eq', value: 'y' }, { raw: { A: { B: [{ C: 'x' }, { C: 'y' }] } } }),
    ).toBe(true);
  });
});

describe('evaluate: actions', () => {
  it('drops with a reason naming the rule', () => {
    const d = evaluate(
      [rule({ id: 'x', name: 'Noise', action: { type: 'drop' } })],
      ev(),
      T0,
      createRuleState(),
    );
    expect(d).toMatchObject({ action: 'drop', ruleId: 'x' });
    expect(d.reason).toBe("rule 'Noise' matched unraid.system.stats; action: drop");
    expect(d.notification).toBeUndefined();
  });

  it('gives the same answer for a fresh rules array with the same content', () => {
    const make = () => [rule({ id: 'a', types: ['emby.*'], action: { type: 'drop' } }), rule({ id: 'b' })];
    const state = createRuleState();
    expect(evaluate(make(), ev({ type: 'emby.X' }), T0, state).ruleId).toBe('a');
    const next = make();
    next[0] = rule({ id: 'a', enabled: false, types: ['emby.*'], action: { type: 'drop' } });
    expect(evaluate(next, ev({ type: 'emby.X' }), T0, state).ruleId).toBe('b');
  });

  it('keeps matching correctly across many distinct types', () => {
    const rules = [rule({ id: 'odd', types: ['t.*1'] }), rule({ id: 'rest', action: { type: 'record' } })];
    const state = createRuleState();
    for (let i = 0; i < 2500; i += 1) {
      const d = evaluate(rules, ev({ type: `t.${i}` }), T0, state);
      expect(d.ruleId).toBe(i % 10 === 1 ? 'odd' : 'rest');
    }
  });
});
