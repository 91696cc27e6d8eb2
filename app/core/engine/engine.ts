import { EventEmitter } from 'node:events';
import type { Secrets, Settings } from '../../shared/settings';
import { createDecider } from './decide';
import { createEventPipeline } from './pipeline';
import { createSourcePool } from './source-pool';
import type { Engine, EngineEvents, EngineOptions } from './types';

/**
 * The engine: sources → rules + policy → history and sinks. Only wiring lives here: the source pool
 * runs the sources, the event pipeline decides and records, and listeners are the sinks. Hosts own
 * persistence of settings and secrets and hand the engine plain values.
 */
export function createEngine(opts: EngineOptions): Engine {
  const now = opts.now ?? Date.now;
  const emitter = new EventEmitter();
  let settings: Settings = opts.settings;
  let secrets: Secrets = opts.secrets;
  let started = false;

  const emit = <K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]) =>
    emitter.emit(event, ...args);

  const decider = createDecider(settings);
  const pipeline = createEventPipeline({
    decider,
    history: opts.history,
    now,
    onEntry: (entry) => emit('entry', entry),
    onNotification: (raised) => {
      if (settings.app.notifications) emit('notification', raised);
    },
  });

  // Source ids come from users and files: `constructor` must not find Object.prototype's.
  const secretsOf = (id: string) => (Object.hasOwn(secrets, id) ? secrets[id]! : {});
  const pool = createSourcePool({
    secretsOf,
    saveSecret: (sourceId, field, value) => {
      secrets = { ...secrets, [sourceId]: { ...secretsOf(sourceId), [field]: value } };
      opts.saveSecret?.(sourceId, field, value);
    },
    snoozedUntil: (sourceId) => {
      const until = settings.snoozes[sourceId];
      return until !== undefined && until > now() ? until : undefined;
    },
    onEvents: (events) => pipeline.handle(events),
    onStatus: (status) => emit('status', status),
    now,
    log: opts.log,
  });

  const wanted = () => settings.sources.filter((s) => s.enabled);

  return {
    start() {
      if (started) return;
      started = true;
      pipeline.start();
      pool.apply(wanted());
    },
    async stop() {
      started = false;
      pipeline.stop();
      await pool.stopAll();
    },
    applySettings(next, nextSecrets) {
      settings = next;
      secrets = nextSecrets;
      decider.update(settings);
      if (started) pool.apply(wanted());
    },
    resume: () => pool.resume(),
    reconnect: (sourceId) => pool.reconnect(sourceId),
    statuses: () => pool.statuses(),
    on(event, listener) {
      // One host sink failing (a closed window, a formatter that chokes on a value) must not cost the other
      // sinks, this event's notification or the rest of the frame: emit() would throw into the pipeline.
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
