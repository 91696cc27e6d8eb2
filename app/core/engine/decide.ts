import type { HomeEvent } from '../../shared/home-event';
import type { Decision, RuleInput } from '../../shared/rules';
import type { Settings } from '../../shared/settings';
import { createPolicy } from '../policy/policy';
import type { PolicyOptions } from '../policy/policy';
import type { SummaryNotification } from '../policy/types';
import { effectiveRules } from '../rules/effective-rules';
import { createRuleState, evaluate, noteHeldBack } from '../rules/evaluate';
import { presetsByKind } from '../sources/registry';

/** Rules and policy as one step: what an event should lead to, and the state both keep. */
export interface Decider {
  /**
   * The rules' decision, then the policy's verdict on it. Where the policy held back what a rule
   * notified, the rule state hears of it here, the one place that writes it.
   */
  decide(event: HomeEvent, now: number): Decision;
  /** Summaries of coalesced bursts that came due by `now`. */
  flush(now: number): SummaryNotification[];
  nextFlushAt(): number | undefined;
  /** New settings: rules and policy apply at once; rule and policy state is kept. */
  update(settings: Settings): void;
}

export interface DeciderOptions {
  /** Every kind's presets; the registry's by default. */
  presets?: Record<string, RuleInput[]>;
  policy?: PolicyOptions;
}

export function createDecider(initial: Settings, options: DeciderOptions = {}): Decider {
  const presets = options.presets ?? presetsByKind();
  const ruleState = createRuleState();
  const policy = createPolicy(initial, options.policy);
  let rules = effectiveRules(initial, presets);

  return {
    decide(event, now) {
      const ruled = evaluate(rules, event, now, ruleState);
      const decision = policy.apply(event, ruled, now);
      if (ruled.action === 'notify' && decision.action !== 'notify') noteHeldBack(ruleState, ruled);
      return decision;
    },
    flush: (now) => policy.flush(now),
    nextFlushAt: () => policy.nextFlushAt(),
    update(settings) {
      rules = effectiveRules(settings, presets);
      policy.update(settings);
    },
  };
}
