import type { HomeEvent } from '../../shared/home-event';
import type { Condition, Rule } from '../../shared/rules';
import { compileCondition, explainCondition, testCondition, type CompiledCondition } from './conditions';
import { getFieldPath } from './field-path';
import { compileScope } from './scope';

/** A rule with its globs and regexes built once; cached per rule object. */
export interface CompiledRule {
  rule: Rule;
  inScope: (event: HomeEvent) => boolean;
  conditions: CompiledCondition[];
  on?: CompiledCondition;
  off?: CompiledCondition;
  /** Fields used by `changed` anywhere in the rule, whose previous values must be remembered. */
  changedFields: string[];
}

const compiledRules = new WeakMap<Rule, CompiledRule>();

export function compileRule(rule: Rule): CompiledRule {
  const hit = compiledRules.get(rule);
  if (hit) return hit;
  const all: Condition[] = [...rule.conditions];
  if (rule.hysteresis) all.push(rule.hysteresis.on, rule.hysteresis.off);
  const compiled: CompiledRule = {
    rule,
    inScope: compileScope(rule),
    conditions: rule.conditions.map(compileCondition),
    on: rule.hysteresis ? compileCondition(rule.hysteresis.on) : undefined,
    off: rule.hysteresis ? compileCondition(rule.hysteresis.off) : undefined,
    changedFields: [...new Set(all.filter((c) => c.op === 'changed').map((c) => c.field))],
  };
  compiledRules.set(rule, compiled);
  return compiled;
}

/** Gives the previous value of a field for the event's entity (see evaluate). */
export type PreviousLookup = (field: string) => unknown;

export interface ConditionCheck {
  ok: boolean;
  /** For a pass: how each condition held. For a fail: what the first failing condition needed. */
  explanation: string[];
  failed?: { condition: Condition; value: unknown };
}

export function checkConditions(
  conditions: readonly CompiledCondition[],
  event: HomeEvent,
  previous: PreviousLookup,
): ConditionCheck {
  const explanation: string[] = [];
  for (const compiled of conditions) {
    const c = compiled.condition;
    const value = getFieldPath(event, c.field);
    const prev = c.op === 'changed' ? previous(c.field) : undefined;
    if (!testCondition(compiled, value, prev))
      return { ok: false, explanation, failed: { condition: c, value } };
    explanation.push(explainCondition(c, value, prev));
  }
  return { ok: true, explanation };
}
