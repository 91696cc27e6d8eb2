import type { ApiParsedRequest } from '../../shared/api';
import type { RulePreviewItem, RulePreviewResult } from '../../shared/rule-preview';
import { RuleSchema } from '../../shared/rules';
import type { RuleInput } from '../../shared/rules';
import type { Settings } from '../../shared/settings';
import type { HistoryStore } from '../history/types';
import { createPolicy } from '../policy/policy';
import { effectiveRules } from '../rules/effective-rules';
import { createRuleState, evaluate, noteHeldBack } from '../rules/evaluate';
import { validateRules } from '../rules/template';
import { describeIssues } from '../settings/issues';
import { presetsByKind } from '../sources/registry';
import { messagesToFieldErrors } from './field-errors';

export interface RulePreviewDeps {
  settings: Settings;
  history: HistoryStore;
  presets?: Record<string, RuleInput[]>;
}

/** A rule being typed may not have its name yet; the preview still runs it. */
const DRAFT_ID = 'draft';
const DRAFT_NAME = 'new rule';

/**
 * Runs the user's rules with the edited one in place over the newest history events, oldest first, through
 * the same rules and policy code the engine uses, with fresh state (so `for`, cooldown, hysteresis and
 * dedup play out over the replay as they would have). Nothing is recorded or raised.
 */
export function previewRule(
  request: ApiParsedRequest<'rules:preview'>,
  deps: RulePreviewDeps,
): RulePreviewResult {
  const raw = { ...request.rule };
  if (typeof raw.id !== 'string' || raw.id === '') raw.id = DRAFT_ID;
  if (typeof raw.name !== 'string' || raw.name.trim() === '') raw.name = DRAFT_NAME;
  const parsed = RuleSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: messagesToFieldErrors(describeIssues(parsed.error.issues, raw)) };
  }
  const problems = validateRules([parsed.data]);
  if (problems.length > 0) return { ok: false, errors: messagesToFieldErrors(problems) };
  const draft = parsed.data;

  const { settings } = deps;
  const own = [...settings.rules];
  const index = Math.min(request.index, own.length);
  own.splice(index, request.replace && index < own.length ? 1 : 0, draft);
  const rules = effectiveRules({ ...settings, rules: own }, deps.presets ?? presetsByKind());

  const entries = deps.history
    .query({ limit: request.limit })
    // Burst summaries are Herald's own, not something a source sent; no rule ever sees them.
    .entries.filter((entry) => entry.event.sourceKind !== 'herald')
    .reverse();
  const state = createRuleState();
  const policy = createPolicy(settings);
  const items: RulePreviewItem[] = [];
  for (const entry of entries) {
    const { event } = entry;
    const at = entry.recordedAt;
    const ruled = evaluate(rules, event, at, state);
    const decision = policy.apply(event, ruled, at);
    if (ruled.action === 'notify' && decision.action !== 'notify') noteHeldBack(state, ruled);
    const item: RulePreviewItem = {
      seq: entry.seq,
      time: event.time,
      sourceId: event.sourceId,
      type: event.type,
      title: event.title,
      matched: ruled.ruleId === draft.id,
      action: decision.action,
      reason: decision.reason,
      was: entry.decision.action,
    };
    if (decision.ruleId) item.ruleId = decision.ruleId;
    if (decision.notification)
      item.notification = { title: decision.notification.title, body: decision.notification.body };
    items.push(item);
  }
  items.reverse();
  return { ok: true, items, matched: items.filter((i) => i.matched).length, scanned: items.length };
}
