import type { HomeEvent } from '../../shared/home-event';
import type { Decision, Rule } from '../../shared/rules';
import { conditionsHold, explainConditions, type CompiledRule, type PreviousLookup } from './compile';
import { ruleSet } from './rule-set';
import { describeCondition, explainCondition, testCondition } from './conditions';
import { formatDuration, formatValue } from './describe';
import { getFieldPath } from './field-path';
import { buildNotification, buildResolvedNotification } from './notification';
import type { RuleState } from './rule-state';
import { renderTemplate } from './template';

export { createRuleState, type RuleState, type RuleStateOptions } from './rule-state';

export const DEFAULT_RULE_KEY = '{{sourceId}}|{{type}}|{{entity.id}}';

/** The rule's key for this event; the default template is built directly since it runs for most events. */
export function ruleKey(rule: Pick<Rule, 'key'>, event: HomeEvent): string {
  if (rule.key === undefined || rule.key === DEFAULT_RULE_KEY) {
    return `${event.sourceId}|${event.type}|${event.entity?.id ?? ''}`;
  }
  return renderTemplate(rule.key, event);
}

/** `changed` compares against the last value seen for the same entity, whichever rule looked at it. */
function entityKey(event: HomeEvent): string {
  return `${event.sourceId}|${event.entity?.kind ?? ''}|${event.entity?.id ?? ''}`;
}

interface Match {
  compiled: CompiledRule;
  /** `${ruleId}|${key}`: the state slot of this rule for this key. */
  slot: string;
  key: string;
  label: string;
}

function act(m: Match, event: HomeEvent, now: number, state: RuleState, why: string): Decision {
  const { rule } = m.compiled;
  const base = { ruleId: rule.id, key: m.key };
  if (rule.action.type === 'drop') return { ...base, action: 'drop', reason: `${why}; action: drop` };
  if (rule.action.type === 'record')
    return { ...base, action: 'record', reason: `${why}; action: record only` };
  const cooldown = rule.cooldown ?? 0;
  const last = state.lastNotified.get(m.slot);
  if (cooldown > 0 && last !== undefined && now - last < cooldown) {
    return {
      ...base,
      action: 'record',
      reason: `${why}; cooldown: notified ${formatDuration(now - last)} ago (cooldown ${formatDuration(cooldown)})`,
    };
  }
  state.lastNotified.set(m.slot, now);
  return {
    ...base,
    action: 'notify',
    reason: why,
    notification: buildNotification(rule, rule.action, event),
  };
}

/**
 * `for`: the condition must hold this long (measured with evaluate's `now`, i.e. arrival time, because
 * server clocks drift). Returns a decision while still holding, or undefined when the rule may fire now.
 */
function hold(
  m: Match,
  now: number,
  state: RuleState,
  what: string,
  onceUntilBroken: boolean,
): Decision | undefined {
  const duration = m.compiled.rule.for ?? 0;
  if (duration <= 0) return undefined;
  let held = state.held.get(m.slot);
  if (!held) {
    held = { since: now, fired: false };
    state.held.set(m.slot, held);
  }
  const base = { action: 'record' as const, ruleId: m.compiled.rule.id, key: m.key };
  const elapsed = now - held.since;
  if (elapsed < duration) {
    return {
      ...base,
      reason: `${m.label} held: ${what} true for ${formatDuration(elapsed)} of ${formatDuration(duration)}`,
    };
  }
  if (held.fired) {
    return {
      ...base,
      reason: `${m.label}: ${what} still true (${formatDuration(elapsed)}); already fired, fires again once it breaks`,
    };
  }
  if (onceUntilBroken) held.fired = true;
  return undefined;
}

function hysteresis(
  m: Match,
  event: HomeEvent,
  now: number,
  state: RuleState,
  previous: PreviousLookup,
): Decision {
  const { rule, on, off } = m.compiled;
  const h = rule.hysteresis!;
  const current = state.hysteresis.get(m.slot) ?? { active: false, notified: false };
  const base = { action: 'record' as const, ruleId: rule.id, key: m.key };
  const test = (c: NonNullable<typeof on>) => {
    const value = getFieldPath(event, c.condition.field);
    const prev = c.condition.op === 'changed' ? previous(c.condition.field) : undefined;
    return { ok: testCondition(c, value, prev), value, prev };
  };
  if (!current.active) {
    const r = test(on!);
    if (!r.ok) {
      state.held.delete(m.slot);
      const now_ = formatValue(r.value);
      return {
        ...base,
        reason: `${m.label}: hysteresis not active (on needs ${describeCondition(h.on)}, now ${now_})`,
      };
    }
    const waiting = hold(m, now, state, 'on condition', false);
    if (waiting) return waiting;
    state.held.delete(m.slot);
    const decision = act(
      m,
      event,
      now,
      state,
      `${m.label} became active: ${explainCondition(h.on, r.value, r.prev)}`,
    );
    state.hysteresis.set(m.slot, { active: true, notified: decision.action === 'notify' });
    return decision;
  }
  const r = test(off!);
  if (!r.ok) {
    const off_ = describeCondition(h.off);
    return {
      ...base,
      reason: `${m.label}: hysteresis still active (off needs ${off_}, now ${formatValue(r.value)})`,
    };
  }
  state.hysteresis.set(m.slot, { active: false, notified: false });
  const why = `${m.label} resolved: ${explainCondition(h.off, r.value, r.prev)}`;
  if (rule.action.type !== 'notify' || !h.notifyResolved) return { ...base, reason: why };
  if (!current.notified)
    return { ...base, reason: `${why}; becoming active did not notify, so neither does this` };
  // A resolution always gets through the cooldown: the user was told it started, so tell them it ended.
  // Its own key keeps the policy's dedup from taking it for a repeat of the alert.
  return {
    ...base,
    key: `${m.key}|resolved`,
    action: 'notify',
    reason: why,
    notification: buildResolvedNotification(rule, rule.action, event),
  };
}

function decide(
  m: Match,
  event: HomeEvent,
  now: number,
  state: RuleState,
  previous: PreviousLookup,
  explanation: string[],
): Decision {
  if (m.compiled.rule.hysteresis) return hysteresis(m, event, now, state, previous);
  const why =
    explanation.length > 0
      ? `${m.label} matched: ${explanation.join(', ')}`
      : `${m.label} matched ${event.type}`;
  const waiting = hold(m, now, state, 'condition', true);
  return waiting ?? act(m, event, now, state, why);
}

/**
 * Runs the ordered rules over one event: the first enabled rule whose scope and conditions match decides.
 * Pure apart from `state` (held times, hysteresis flags, previous values, last notifications).
 */
export function evaluate(rules: readonly Rule[], event: HomeEvent, now: number, state: RuleState): Decision {
  const set = ruleSet(rules);
  const entity = entityKey(event);
  const previous: PreviousLookup = (field) => state.previous.get(`${entity}|${field}`);
  let decision: Decision | undefined;
  for (const compiled of set.candidates(event)) {
    const rule = compiled.rule;
    if (!conditionsHold(compiled.conditions, event, previous)) {
      // A broken condition restarts `for` (hysteresis keeps its own state until `off` holds).
      if (rule.for !== undefined && !rule.hysteresis) state.held.delete(`${rule.id}|${ruleKey(rule, event)}`);
      continue;
    }
    const key = ruleKey(rule, event);
    const match: Match = { compiled, slot: `${rule.id}|${key}`, key, label: `rule '${rule.name}'` };
    decision = decide(
      match,
      event,
      now,
      state,
      previous,
      explainConditions(compiled.conditions, event, previous),
    );
    break;
  }
  // Remember this event's values only after every rule has compared against the previous ones.
  for (const field of set.changedFields) {
    const value = getFieldPath(event, field);
    if (value !== undefined) state.previous.set(`${entity}|${field}`, value);
  }
  return decision ?? { action: 'record', reason: 'no rule matched' };
}

/**
 * The policy held back what a rule decided to notify (quiet hours, snooze, rate cap, a burst). A
 * hysteresis alert the user never saw must not be followed by a lone "Resolved" later.
 */
export function noteHeldBack(state: RuleState, ruleDecision: Decision): void {
  if (ruleDecision.action !== 'notify' || !ruleDecision.ruleId || ruleDecision.key === undefined) return;
  const slot = `${ruleDecision.ruleId}|${ruleDecision.key}`;
  const current = state.hysteresis.get(slot);
  if (current?.active && current.notified) state.hysteresis.set(slot, { active: true, notified: false });
}
