import type { HomeEvent } from '../../shared/home-event';
import type { Rule } from '../../shared/rules';
import { compileRule, type CompiledRule } from './compile';

/**
 * A rules array compiled once: which enabled rules are in scope for each (source, kind, type), and which
 * fields `changed` must remember. Events come from a handful of sources and types, so after the first
 * few events evaluate() only walks the rules that can possibly apply. Rules arrays and rule objects are
 * treated as immutable (the engine builds new ones on every settings change).
 */
export interface RuleSet {
  candidates(event: HomeEvent): readonly CompiledRule[];
  changedFields: readonly string[];
}

const MAX_SCOPES = 2000;
const sets = new WeakMap<readonly Rule[], RuleSet>();

export function ruleSet(rules: readonly Rule[]): RuleSet {
  const hit = sets.get(rules);
  if (hit) return hit;
  const enabled = rules.filter((rule) => rule.enabled).map(compileRule);
  const byScope = new Map<string, CompiledRule[]>();
  const set: RuleSet = {
    changedFields: [...new Set(rules.flatMap((rule) => compileRule(rule).changedFields))],
    candidates(event) {
      const scopeKey = `${event.sourceId}\u0000${event.sourceKind}\u0000${event.type}`;
      let list = byScope.get(scopeKey);
      if (!list) {
        list = enabled.filter((compiled) => compiled.inScope(event));
        // A source inventing types per message must not grow this without bound.
        if (byScope.size >= MAX_SCOPES) byScope.clear();
        byScope.set(scopeKey, list);
      }
      return list;
    },
  };
  sets.set(rules, set);
  return set;
}
