import { z } from 'zod';
import { DurationSchema } from './duration';

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A path into the event: `type`, `entity.name`, `data.cpuPercent`, `raw.Data.Arguments.Header`. */
const Field = z.string().min(1);

export const ConditionSchema = z.discriminatedUnion('op', [
  z.object({ field: Field, op: z.enum(['eq', 'ne']), value: Scalar }),
  z.object({ field: Field, op: z.literal('contains'), value: z.string() }),
  z.object({ field: Field, op: z.literal('regex'), value: z.string(), flags: z.string().optional() }),
  z.object({ field: Field, op: z.enum(['lt', 'lte', 'gt', 'gte']), value: z.number() }),
  /** Holds when the field differs from its previous value for the same entity (optionally from/to given values). */
  z.object({ field: Field, op: z.literal('changed'), from: Scalar.optional(), to: Scalar.optional() }),
  z.object({ field: Field, op: z.literal('exists') }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const urgencies = ['low', 'normal', 'critical'] as const;

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('notify'),
    /** Mustache templates over the event; default to the event's own title and body. */
    title: z.string().optional(),
    body: z.string().optional(),
    urgency: z.enum(urgencies).optional(),
    silent: z.boolean().optional(),
  }),
  z.object({ type: z.literal('record') }),
  z.object({ type: z.literal('drop') }),
]);
export type RuleAction = z.infer<typeof ActionSchema>;

export const HysteresisSchema = z.object({
  /** Becomes active when this holds… */
  on: ConditionSchema,
  /** …and resolves only when this holds (e.g. on: cpu > 90, off: cpu < 80). */
  off: ConditionSchema,
  /** Raise a "resolved" notification when it clears. */
  notifyResolved: z.boolean().default(true),
  resolvedTitle: z.string().optional(),
  resolvedBody: z.string().optional(),
});
export type Hysteresis = z.infer<typeof HysteresisSchema>;

export const RuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  /** Globs over source ids; empty or missing means every source. */
  sources: z.array(z.string()).optional(),
  /** Globs over source kinds (`emby`, `deconz`). */
  kinds: z.array(z.string()).optional(),
  /** Globs over the dotted event type (`emby.*`, `unraid.docker.*`). */
  types: z.array(z.string()).optional(),
  /** Every condition must hold. */
  conditions: z.array(ConditionSchema).default([]),
  /** The conditions (or the hysteresis `on`) must hold this long before the rule fires. */
  for: DurationSchema.optional(),
  hysteresis: HysteresisSchema.optional(),
  /** After a notification, further matches with the same key are recorded but not notified for this long. */
  cooldown: DurationSchema.optional(),
  /** Mustache template for the cooldown/dedup key; default `{{sourceId}}|{{type}}|{{entity.id}}`. */
  key: z.string().optional(),
  action: ActionSchema,
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

export type DecisionAction = 'notify' | 'record' | 'drop';

export interface Notification {
  title: string;
  body: string;
  severity: 'info' | 'warning' | 'critical';
  urgency: (typeof urgencies)[number];
  silent: boolean;
  url?: string;
  /** Milliseconds the server asked the message to stay (Emby DisplayMessage TimeoutMs). */
  timeoutMs?: number;
}

/** What happened to one event, and why: recorded with the event so the user can always ask. */
export interface Decision {
  action: DecisionAction;
  ruleId?: string;
  /** The rule's rendered cooldown/dedup key, so policy can dedup per rule + key. */
  key?: string;
  reason: string;
  notification?: Notification;
  /** The burst a held-back notification went into; its summary entry's decision carries the same id. */
  burstId?: string;
}
