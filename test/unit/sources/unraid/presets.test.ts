import { describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../../app/shared/rules';
import type { SourceEvent } from '../../../../app/core/sources/source-event';
import { stampEvent } from '../../../../app/core/engine/stamp';
import { SettingsSchema } from '../../../../app/shared/settings';
import { createRuleState, evaluate as evaluateStamped } from '../../../../app/core/rules/evaluate';
import { effectiveRules } from '../../../../app/core/rules/effective-rules';
import { unraidAdapter } from '../../../../app/core/sources/unraid/adapter';
import {
  statsEvents,
  legacyDockerEvent,
  notificationEvent,
} from '../../../../app/core/sources/unraid/normalise';

/** Rules see events as the runner hands them on: stamped with the source. */
const evaluate = (
  rules: Parameters<typeof evaluateStamped>[0],
  event: SourceEvent,
  ...rest: [number, Parameters<typeof evaluateStamped>[3]]
) => evaluateStamped(rules, stampEvent(event, { id: 'tower', kind: 'unraid' }), ...rest);

const rules = () =>
  effectiveRules(
    SettingsSchema.parse({
      version: 1,
      sources: [{ id: 'tower', kind: 'unraid', name: 'Tower', url: 'http://127.0.0.1:1' }],
    }),
    { unraid: unraidAdapter.presets },
  );

describe('unraid presets', () => {
  it('all parse, carry preset:unraid: ids and can be switched off one by one', () => {
    for (const p of unraidAdapter.presets) {
      expect(p.id).toMatch(/^preset:unraid:[a-z-]+$/);
      expect(RuleSchema.safeParse(p).success).toBe(true);
    }
    const settings = SettingsSchema.parse({
      version: 1,
      sources: [{ id: 'tower', kind: 'unraid', name: 'Tower', url: 'http://127.0.0.1:1' }],
      disabledPresets: ['preset:unraid:cpu-high'],
    });
    const ids = effectiveRules(settings, { unraid: unraidAdapter.presets }).map((r) => r.id);
    expect(ids).not.toContain('preset:unraid:cpu-high');
    expect(ids).toContain('preset:unraid:memory-high');
  });

  it('CPU fires after 5 minutes above 90 % and resolves below 80 %, while memory keeps its own rule', () => {
    const all = rules();
    const state = createRuleState();
    const minute = 60_000;
    const decide = (cpu: number, mem: number, t: number) =>
      statsEvents('tower', { hostname: 'tower', cpuPercent: cpu, memoryPercent: mem }, t, {}).map((e) =>
        evaluate(all, e, t, state),
      );
    const cpuRuns = [0, 1, 2, 3, 4].map((m) => decide(95, 50, m * minute)[0]!);
    expect(cpuRuns.every((d) => d.action === 'record')).toBe(true);
    const [cpuFire, memDecision] = decide(96, 50, 5 * minute);
    expect(cpuFire).toMatchObject({ action: 'notify', ruleId: 'preset:unraid:cpu-high' });
    expect(memDecision).toMatchObject({ ruleId: 'preset:unraid:memory-high', action: 'record' });
    expect(decide(85, 50, 6 * minute)[0]!.action).toBe('record'); // hysteresis: 85 is not below 80
    const [resolved] = decide(70, 50, 7 * minute);
    expect(resolved).toMatchObject({ action: 'notify' });
    expect(resolved!.notification?.title).toMatch(/CPU back to normal/);
  });

  it('container presets: crash warns, a user stop notifies quietly', () => {
    const all = rules();
    const state = createRuleState();
    const base = { action: 'die', container_id: 'a', container_name: 'plex', attributes: { exitCode: '1' } };
    const crash = legacyDockerEvent('tower', base, 1, {})!;
    expect(evaluate(all, crash, 1, state)).toMatchObject({
      action: 'notify',
      ruleId: 'preset:unraid:container-crashed',
    });
    const stop = legacyDockerEvent(
      'tower',
      { ...base, action: 'stop', attributes: { exitCode: '0' } },
      2,
      {},
    )!;
    const d = evaluate(all, stop, 2, state);
    expect(d).toMatchObject({ action: 'notify', ruleId: 'preset:unraid:container-stopped' });
    expect(d.notification).toMatchObject({ silent: true, urgency: 'low', severity: 'info' });
  });

  it("Unraid's own notifications pass through with their severity; parity/temperature copies are kept only", () => {
    const all = rules();
    const state = createRuleState();
    const n = (title: string, importance: string) =>
      notificationEvent(
        'tower',
        { id: title, title, subject: `${title}!`, description: '', importance, type: 'unread' },
        1,
        1,
      );
    expect(evaluate(all, n('Unraid array errors', 'alert'), 1, state)).toMatchObject({
      action: 'notify',
      notification: { severity: 'critical', urgency: 'critical' },
    });
    expect(evaluate(all, n('Unraid Parity-Check', 'normal'), 1, state)).toMatchObject({
      action: 'record',
      ruleId: 'preset:unraid:notification-duplicates',
    });
  });
});
