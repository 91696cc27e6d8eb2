import type { PolicySettings } from '../../../app/core/policy/types';
import type { HomeEvent, Severity } from '../../../app/shared/home-event';
import type { Decision } from '../../../app/shared/rules';
import { defaultSettings } from '../../../app/shared/settings';

let counter = 0;

export function event(partial: Partial<HomeEvent> = {}): HomeEvent {
  counter += 1;
  return {
    id: `p${counter}`,
    sourceId: 'emby',
    sourceKind: 'emby',
    type: 'emby.DisplayMessage',
    time: 0,
    severity: 'info',
    title: `Message ${counter}`,
    body: 'body',
    raw: {},
    ...partial,
  };
}

export function notify(severity: Severity = 'info', extra: Partial<Decision> = {}): Decision {
  counter += 1;
  return {
    action: 'notify',
    ruleId: 'r',
    key: `k${counter}`,
    reason: "rule 'R' matched",
    notification: { title: `N${counter}`, body: 'b', severity, urgency: 'normal', silent: false },
    ...extra,
  };
}

/** Defaults with dedup, coalescing and the rate cap wide open, so one test exercises one step. */
export function settings(overrides: Partial<PolicySettings> = {}): PolicySettings {
  const base = defaultSettings();
  return {
    quietHours: base.quietHours,
    policy: { dedupWindow: 60_000, coalesce: { window: 10_000, threshold: 1000 }, maxPerMinute: 1000 },
    snoozes: {},
    ...overrides,
  };
}

/** Minutes-of-day as if epoch 0 were local midnight, so `at(hh, mm)` is deterministic in every zone. */
export const utcMinutes = (ms: number) =>
  Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
export const at = (hh: number, mm = 0, day = 1) => day * 86_400_000 + (hh * 60 + mm) * 60_000;
