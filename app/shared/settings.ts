import { z } from 'zod';
import { DurationSchema } from './duration';
import { RuleSchema } from './rules';

export const SETTINGS_VERSION = 1;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');

export const TlsSchema = z.object({
  /** Extra CA certificate(s), PEM, trusted beside the system ones. */
  ca: z.string().optional(),
  /** Trust exactly this certificate (self-signed): its SHA-256 fingerprint, hex with or without colons. */
  fingerprint256: z
    .string()
    .regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'a SHA-256 fingerprint is 32 hex bytes')
    .optional(),
});
export type TlsConfig = z.infer<typeof TlsSchema>;

export const SourceConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-" only'),
  kind: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  /** Base URL of the server (http(s):// or ws(s)://, per kind). */
  url: z.string().min(1),
  /** Kind-specific options, validated by the kind's adapter. Never holds secrets. */
  options: z.record(z.string(), z.unknown()).default({}),
  tls: TlsSchema.optional(),
  /** Apply the kind's preset rules to this source. */
  presets: z.boolean().default(true),
});
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

export const QuietHoursSchema = z.object({
  enabled: z.boolean().default(false),
  start: HHMM.default('22:00'),
  end: HHMM.default('07:00'),
  /** Critical events (water leak, smoke) still notify during quiet hours. */
  allowCritical: z.boolean().default(true),
});

export const PolicySchema = z.object({
  /** The same dedup key notifying again within this window is recorded only. */
  dedupWindow: DurationSchema.default(60_000),
  coalesce: z
    .object({
      /** More than `threshold` notifications within `window` become one summary. */
      window: DurationSchema.default(10_000),
      threshold: z.number().int().min(1).default(3),
    })
    .prefault({}),
  /** Global cap of notifications per minute; the rest are recorded. */
  maxPerMinute: z.number().int().min(1).default(20),
});

export const HistorySettingsSchema = z.object({
  maxEntries: z.number().int().min(100).max(1_000_000).default(50_000),
  maxAgeDays: z.number().min(1).max(3650).default(30),
});

export const AppSettingsSchema = z.object({
  notifications: z.boolean().default(true),
  autostart: z.boolean().default(false),
  startHidden: z.boolean().default(true),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  sources: z.array(SourceConfigSchema).default([]),
  /** User rules, evaluated in order before the presets; a rule whose id equals a preset's replaces it. */
  rules: z.array(RuleSchema).default([]),
  /** Preset rule ids the user switched off. */
  disabledPresets: z.array(z.string()).default([]),
  quietHours: QuietHoursSchema.prefault({}),
  policy: PolicySchema.prefault({}),
  /** Per-source snooze: source id → epoch ms until which its notifications are held back. */
  snoozes: z.record(z.string(), z.number()).default({}),
  history: HistorySettingsSchema.prefault({}),
  app: AppSettingsSchema.prefault({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Secrets live apart from settings: source id → field → value. Hosts keep them in safeStorage. */
export const SecretsSchema = z.record(z.string(), z.record(z.string(), z.string()));
export type Secrets = z.infer<typeof SecretsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ version: SETTINGS_VERSION });
}
