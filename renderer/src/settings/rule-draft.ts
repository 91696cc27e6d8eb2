import type { HistoryEntry } from '../../../app/shared/history';
import type { Rule, RuleAction, RuleInput } from '../../../app/shared/rules';
import { formatDuration, slugify, splitList } from '../format';
import type { ConditionDraft } from './condition-model';
import { blankCondition, fromDraft, toDraft } from './condition-model';

/** Every field of a rule as the editor holds it: lists and durations stay text until saved. */
export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  types: string;
  sources: string;
  kinds: string;
  conditions: ConditionDraft[];
  holdFor: string;
  cooldown: string;
  key: string;
  hysteresis: {
    enabled: boolean;
    on: ConditionDraft;
    off: ConditionDraft;
    notifyResolved: boolean;
    resolvedTitle: string;
    resolvedBody: string;
  };
  action: RuleAction;
}

const list = (items: string[] | undefined) => items?.join(', ') ?? '';
const duration = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));

export function ruleToDraft(rule: Rule | undefined): RuleDraft {
  return {
    id: rule?.id ?? '',
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    types: list(rule?.types),
    sources: list(rule?.sources),
    kinds: list(rule?.kinds),
    conditions: rule?.conditions.map(toDraft) ?? [],
    holdFor: duration(rule?.for),
    cooldown: duration(rule?.cooldown),
    key: rule?.key ?? '',
    hysteresis: {
      enabled: rule?.hysteresis !== undefined,
      on: rule?.hysteresis ? toDraft(rule.hysteresis.on) : blankCondition(),
      off: rule?.hysteresis ? toDraft(rule.hysteresis.off) : blankCondition(),
      notifyResolved: rule?.hysteresis?.notifyResolved ?? true,
      resolvedTitle: rule?.hysteresis?.resolvedTitle ?? '',
      resolvedBody: rule?.hysteresis?.resolvedBody ?? '',
    },
    action: rule?.action ?? { type: 'notify' },
  };
}

/**
 * The id of a new rule: from its name ("Disk alerts" → `disk-alerts`), with `-2`, `-3`… when taken. Once
 * saved it never changes (history entries and cooldown state refer to it), even if the rule is renamed.
 */
export function ruleIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name, 'rule');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The rule to save or preview. Durations go as typed ("5m"): the host parses them and reports bad ones. */
export function draftToRule(draft: RuleDraft, id: string): RuleInput {
  const rule: RuleInput = {
    id,
    name: draft.name.trim(),
    enabled: draft.enabled,
    conditions: draft.conditions.map(fromDraft),
    action: draft.action,
  };
  const types = splitList(draft.types);
  const sources = splitList(draft.sources);
  const kinds = splitList(draft.kinds);
  if (types) rule.types = types;
  if (sources) rule.sources = sources;
  if (kinds) rule.kinds = kinds;
  if (draft.holdFor.trim()) rule.for = draft.holdFor.trim();
  if (draft.cooldown.trim()) rule.cooldown = draft.cooldown.trim();
  if (draft.key.trim()) rule.key = draft.key.trim();
  const h = draft.hysteresis;
  if (h.enabled) {
    rule.hysteresis = { on: fromDraft(h.on), off: fromDraft(h.off), notifyResolved: h.notifyResolved };
    if (h.resolvedTitle.trim()) rule.hysteresis.resolvedTitle = h.resolvedTitle;
    if (h.resolvedBody.trim()) rule.hysteresis.resolvedBody = h.resolvedBody;
  }
  return rule;
}

const MAX_NAME = 60;

/** "Make a rule like this": a new rule scoped to the entry's type and source, notifying by default. */
export function draftFromEntry(entry: HistoryEntry): RuleDraft {
  const { event } = entry;
  const title = event.title.trim() || event.type;
  const draft = ruleToDraft(undefined);
  draft.name = title.length > MAX_NAME ? `${title.slice(0, MAX_NAME - 1)}…` : title;
  draft.types = event.type;
  draft.sources = event.sourceId;
  return draft;
}
