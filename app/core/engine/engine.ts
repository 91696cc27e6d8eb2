import { EventEmitter } from 'node:events';
import { snoozedUntil } from '../../shared/snooze';
import { createDecider } from './decide';
import { createEventPipeline } from './pipeline';
import { createSourcePool } from './source-pool';
import type { Engine, EngineEvents, EngineOptions } from './types';

/**
 * The engine: sources → rules + policy → history and sinks. Only wiring lives here: the source pool
 * runs the sources, the event pipeline decides and records, and listeners are the sinks. Settings and
 * secrets are read from the settings state, and its changes followed.
 */
export function createEngine(opts: EngineOptions): Engine {
  const { state } = opts;
  const now = opts.now ?? Date.now;
  const emitter = new EventEmitter();
  let started = false;

  const emit = <K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]) =>
    emitter.emit(event, ...args);

  const decider = createDecider(state.settings);
  const pipeline = createEventPipeline({
    decider,
    history: opts.history,
    now,
    onEntry: (entry) => emit('entry', entry),
    onNotification: (raised) => {
      if (state.settings.app.notifications) emit('notification', raised);
    },
  });

  const pool = createSourcePool({
    secretsOf: (id) => state.secretsOf(id),
    saveSecret: (sourceId, field, value) => state.keepObtainedSecret(sourceId, field, value),
    snoozedUntil: (sourceId) => snoozedUntil(state.settings, sourceId, now()),
    onEvents: (events) => pipeline.handle(events),
    onStatus: (status) => emit('status', status),
    now,
    log: opts.log,
  });

  const wanted = () => state.settings.sources.filter((s) => s.enabled);
  state.onChange((_current, change) => {
    // A secret a session obtained itself changes nothing the engine must redo.
    if (change.obtained) return;
    decider.update(state.settings);
    if (started) pool.apply(wanted());
  });

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
