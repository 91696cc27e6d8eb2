import { z } from 'zod';
import type { FieldError } from './api';
import type { DecisionAction } from './rules';

/** The rule being edited, unsaved, and where it stands among the user's rules. */
export const RulePreviewRequestSchema = z
  .object({
    /** A rule as the editor holds it; checked like a saved one, problems come back in the answer. */
    rule: z.record(z.string(), z.unknown()),
    /** Its place among the user's rules (the first matching rule decides, so order matters). */
    index: z.number().int().min(0).max(100_000),
    /** True when it replaces the rule at `index` (editing), false when it is inserted there (new). */
    replace: z.boolean(),
    /** How many of the newest history events to run it over. */
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type RulePreviewRequest = z.input<typeof RulePreviewRequestSchema>;

/** One history event and what it would become with the edited rule in place. */
export interface RulePreviewItem {
  seq: number;
  time: number;
  sourceId: string;
  type: string;
  title: string;
  /** The edited rule is the one that decides this event. */
  matched: boolean;
  action: DecisionAction;
  /** The reason the engine would give (rules, then policy: quiet hours, cooldown, dedup…). */
  reason: string;
  ruleId?: string;
  /** The notification as the templates would render it. */
  notification?: { title: string; body: string };
  /** What the event was actually recorded as. */
  was: DecisionAction;
}

export type RulePreviewResult =
  | { ok: true; items: RulePreviewItem[]; matched: number; scanned: number }
  | { ok: false; errors: FieldError[] };
