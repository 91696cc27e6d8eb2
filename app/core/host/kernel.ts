import { createApiHandlers } from '../api/handlers';
import type { ApiHandlerDeps, ApiHandlers } from '../api/handlers';
import { createEngine } from '../engine/engine';
import type { Engine } from '../engine/types';
import type { HistoryStore, RetentionOptions } from '../history/types';
import type { SettingsPort } from '../settings/settings-port';
import { createSettingsState } from '../settings/settings-state';
import type { SettingsState } from '../settings/settings-state';
import type { Logger } from '../sources/types';

export interface HostKernelOptions {
  /** Where this host keeps settings and secrets. */
  port: SettingsPort;
  /** Opens this host's history with the retention the settings ask for (may throw: nothing is built then). */
  openHistory(retention: RetentionOptions): HistoryStore;
  /** What the API handlers need from the host itself. */
  api: Omit<ApiHandlerDeps, 'engine' | 'history' | 'state' | 'loadPrevious'>;
  now?: () => number;
  log?: Logger;
}

/** What every host starts from: the settings state and, over it, the engine, the history and the API. */
export interface HostKernel {
  state: SettingsState;
  engine: Engine;
  history: HistoryStore;
  handlers: ApiHandlers;
  /** Starts the sources. */
  start(): void;
  /** Stops the API handlers and the engine, then flushes the history. */
  close(): Promise<void>;
}

/**
 * Builds the parts every host shares, once, the same way for the Electron app, `herald watch` and
 * `herald serve`: one settings state owns settings and secrets; the engine, the history's retention and
 * the API's pushes follow its changes.
 */
export function createHostKernel(opts: HostKernelOptions): HostKernel {
  const state = createSettingsState(opts.port);
  const history = opts.openHistory(state.settings.history);
  const engine = createEngine({ state, history, now: opts.now, log: opts.log });
  const handlers = createApiHandlers({
    ...opts.api,
    engine,
    history,
    state,
    loadPrevious: opts.port.loadPrevious && (() => opts.port.loadPrevious!()),
  });
  state.onChange((current, change) => {
    if (current.settings !== change.previous.settings) history.setRetention(current.settings.history);
  });
  return {
    state,
    engine,
    history,
    handlers,
    start: () => engine.start(),
    async close() {
      handlers.dispose();
      await engine.stop();
      await history.close();
    },
  };
}
