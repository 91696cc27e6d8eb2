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

function previousFor(compiled: CompiledCondition, previous: PreviousLookup): unknown {
  return compiled.condition.op === 'changed' ? previous(compiled.condition.field) : undefined;
}

/** Whether every condition holds (no explanation built: this runs for every candidate rule). */
export function conditionsHold(
  conditions: readonly CompiledCondition[],
  event: HomeEvent,
  previous: PreviousLookup,
): boolean {
  for (const compiled of conditions) {
    const value = getFieldPath(event, compiled.condition.field);
    if (!testCondition(compiled, value, previousFor(compiled, previous))) return false;
  }
  return true;
}

/** How each condition held, for the reason of a rule that matched. */
export function explainConditions(
  conditions: readonly CompiledCondition[],
  event: HomeEvent,
  previous: PreviousLookup,
): string[] {
  return conditions.map((compiled) =>
    explainCondition(
      compiled.condition,
      getFieldPath(event, compiled.condition.field),
      previousFor(compiled, previous),
    ),
  );
}
