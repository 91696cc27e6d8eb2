import { EventEmitter } from 'node:events';
import type { HistoryEntry } from '../../shared/history';
import type { HomeEvent } from '../../shared/home-event';
import type { Decision, Rule } from '../../shared/rules';
import type { Secrets, Settings, SourceConfig } from '../../shared/settings';
import type { SourceStatus } from '../../shared/source-status';
import type { Engine, EngineEvents, EngineOptions, RaisedNotification } from './types';
import { createPolicy } from '../policy/policy';
import type { Policy, SummaryNotification } from '../policy/types';
import { effectiveRules } from '../rules/effective-rules';
import { createRuleState, evaluate, noteHeldBack } from '../rules/evaluate';
import type { RuleState } from '../rules/evaluate';
import { createSourceRunner } from './source-runner';
import type { SourceRunner } from './source-runner';
import { getAdapter, isKnownSourceKind, presetsByKind } from '../sources/registry';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The engine: sources → rules → policy → history and sinks. Hosts (Electron main, the CLI) own
 * persistence of settings and secrets and hand the engine plain values.
 */
export function createEngine(opts: EngineOptions): Engine {
  const now = opts.now ?? Date.now;
  const emitter = new EventEmitter();
  const runners = new Map<string, SourceRunner>();
  const ruleState: RuleState = createRuleState();
  let settings: Settings = opts.settings;
  let secrets: Secrets = opts.secrets;
  let rules: Rule[] = effectiveRules(settings, presetsByKind());
  const policy: Policy = createPolicy(settings);
  let flushTimer: NodeJS.Timeout | undefined;
  let seq = 0;
  let started = false;

  // Source ids come from users and files: `constructor` must not find Object.prototype's.
  const secretsOf = (id: string) => (Object.hasOwn(secrets, id) ? secrets[id]! : {});

  const emit = <K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]) =>
    emitter.emit(event, ...args);

  const record = (event: HomeEvent, decision: Decision): HistoryEntry => {
    // Only a notification the user has not seen is unread: what was recorded or dropped never lights the badge.
    const read = decision.action !== 'notify';
    if (opts.history) return opts.history.append(event, decision, read);
    return { seq: ++seq, recordedAt: now(), event, decision, read };
  };

  const raise = (raised: RaisedNotification) => {
    if (settings.app.notifications) emit('notification', raised);
  };

  const scheduleFlush = () => {
    const at = policy.nextFlushAt();
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (at === undefined || !started) return;
    // setTimeout cannot wait longer than 2^31-1 ms (it fires after 1 ms instead, over and over); a longer
    // coalescing window is waited for in steps: an early flush finds nothing due and schedules again.
    flushTimer = setTimeout(flushSummaries, Math.min(MAX_TIMER_MS, Math.max(0, at - now())));
    flushTimer.unref?.();
  };

  const summaryEvent = (summary: SummaryNotification): HomeEvent => ({
    id: `herald.summary:${now()}:${summary.sourceIds.join(',')}`,
    sourceId: 'herald',
    sourceKind: 'herald',
    type: 'herald.summary',
    time: now(),
    severity: summary.notification.severity,
    title: summary.notification.title,
    body: summary.notification.body,
    data: { count: summary.count, sourceIds: summary.sourceIds },
    raw: null,
  });

  function flushSummaries() {
    flushTimer = undefined;
    for (const summary of policy.flush(now())) {
      const reason = `summary of ${summary.count} notifications held back during a burst`;
      const decision: Decision = summary.heldBack
        ? { action: 'record', reason: `${summary.heldBack} (${reason})` }
        : { action: 'notify', reason, notification: summary.notification };
      const entry = record(summaryEvent(summary), decision);
      emit('entry', entry);
      if (!summary.heldBack)
        raise({ notification: summary.notification, seq: entry.seq, summaryOf: summary.count });
    }
    scheduleFlush();
  }

  const handleEvents = (events: HomeEvent[]) => {
    for (const event of events) {
      const t = now();
      const ruled = evaluate(rules, event, t, ruleState);
      const decision = policy.apply(event, ruled, t);
      if (ruled.action === 'notify' && decision.action !== 'notify') noteHeldBack(ruleState, ruled);
      // Periodic samples are kept only when they matter, so a stats stream cannot flood the log.
      if (event.sample && decision.action !== 'notify') continue;
      const entry = record(event, decision);
      emit('entry', entry);
      if (decision.action === 'notify' && decision.notification) {
        raise({
          notification: decision.notification,
          sourceId: event.sourceId,
          ruleId: decision.ruleId,
          seq: entry.seq,
        });
      }
    }
    scheduleFlush();
  };

  const statusOfUnknown = (config: SourceConfig, message: string): SourceStatus => ({
    sourceId: config.id,
    sourceKind: config.kind,
    name: config.name,
    state: 'stopped',
    lastError: message,
    badFrames: 0,
    events: 0,
  });
  const brokenSources = new Map<string, SourceStatus>();

  const startSource = (config: SourceConfig) => {
    if (!isKnownSourceKind(config.kind)) {
      const status = statusOfUnknown(config, `unknown source kind "${config.kind}"`);
      brokenSources.set(config.id, status);
      emit('status', status);
      return;
    }
    const runner: SourceRunner = createSourceRunner({
      config,
      secrets: secretsOf(config.id),
      adapter: getAdapter(config.kind),
      onEvents: handleEvents,
      onStatus: (status) => {
        // A replaced runner's last words ("stopped") must not overwrite its successor's status.
        if (runners.get(config.id) === runner)
          emit('status', { ...status, snoozedUntil: snoozedUntil(config.id) });
      },
      saveSecret: (field, value) => {
        secrets = { ...secrets, [config.id]: { ...secretsOf(config.id), [field]: value } };
        opts.saveSecret?.(config.id, field, value);
      },
      now,
      log: opts.log,
    });
    runners.set(config.id, runner);
    runner.start();
  };

  const snoozedUntil = (sourceId: string) => {
    const until = settings.snoozes[sourceId];
    return until !== undefined && until > now() ? until : undefined;
  };

  const stopSource = async (id: string) => {
    const runner = runners.get(id);
    runners.delete(id);
    brokenSources.delete(id);
    await runner?.stop();
  };

  const wanted = () => settings.sources.filter((s) => s.enabled);

  return {
    start() {
      if (started) return;
      started = true;
      for (const config of wanted()) startSource(config);
    },
    async stop() {
      started = false;
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = undefined;
      await Promise.all([...runners.keys(), ...brokenSources.keys()].map(stopSource));
    },
    applySettings(next, nextSecrets) {
      settings = next;
      secrets = nextSecrets;
      rules = effectiveRules(settings, presetsByKind());
      policy.update(settings);
      if (!started) return;
      const keep = new Set<string>();
      for (const config of wanted()) {
        const runner = runners.get(config.id);
        const unchanged =
          runner && sameJson(runner.config, config) && sameJson(runner.secrets, secretsOf(config.id));
        if (unchanged) {
          keep.add(config.id);
          continue;
        }
        // Stopping is async, but a runner's config is fixed, so the new one can start at once.
        void stopSource(config.id);
        startSource(config);
        keep.add(config.id);
      }
      for (const id of [...runners.keys(), ...brokenSources.keys()]) if (!keep.has(id)) void stopSource(id);
    },
    resume() {
      for (const runner of runners.values()) runner.resume();
    },
    reconnect(sourceId) {
      runners.get(sourceId)?.resume();
    },
    statuses() {
      const live = [...runners.values()].map((r) => ({
        ...r.status(),
        snoozedUntil: snoozedUntil(r.config.id),
      }));
      return [...live, ...brokenSources.values()];
    },
    on(event, listener) {
      // One host sink failing (a closed window, a formatter that chokes on a value) must not cost the other
      // sinks, this event's notification or the rest of the frame: emit() would throw into handleEvents.
      const guarded = (...args: unknown[]) => {
        try {
          (listener as (...a: unknown[]) => void)(...args);
        } catch (err) {
          opts.log?.warn(`a '${event}' listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      };
      emitter.on(event, guarded);
      return () => emitter.off(event, guarded);
    },
  };
}
