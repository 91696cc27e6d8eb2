import { cleanLine } from '../shared/clean-text';
import type { HomeEvent } from '../shared/home-event';
import type { SourceConfig } from '../shared/settings';
import type { SourceStatus } from '../shared/source-status';
import { describeError } from './connection/errors';
import { createReconnectingSocket } from './connection/reconnecting-socket';
import type { ConnectionStatusUpdate, ReconnectingSocket } from './connection/types';
import { createHttpClient } from './http/client';
import type { Logger, SourceAdapter, SourceContext, SourceSession } from './sources/types';

export interface SourceRunnerOptions {
  config: SourceConfig;
  secrets: Readonly<Record<string, string>>;
  adapter: SourceAdapter<unknown>;
  onEvents(events: HomeEvent[]): void;
  onStatus(status: SourceStatus): void;
  saveSecret?(field: string, value: string): void;
  now?: () => number;
  log?: Logger;
}

export interface SourceRunner {
  readonly config: SourceConfig;
  readonly secrets: Readonly<Record<string, string>>;
  start(): void;
  resume(): void;
  stop(): Promise<void>;
  status(): SourceStatus;
}

const silentLog: Logger = { debug() {}, info() {}, warn() {} };
const MAX_REASON_CHARS = 200;

/** Runs one configured source: validates its options, builds its context, and drives its session's socket. */
export function createSourceRunner(opts: SourceRunnerOptions): SourceRunner {
  const { config, adapter } = opts;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? silentLog;
  const secrets: Record<string, string> = { ...opts.secrets };
  const timers = new Set<NodeJS.Timeout>();
  let session: SourceSession | undefined;
  let socket: ReconnectingSocket | undefined;
  let stopped = false;
  let status: SourceStatus = {
    sourceId: config.id,
    sourceKind: config.kind,
    name: config.name,
    state: 'idle',
    badFrames: 0,
    events: 0,
  };

  const publish = (patch: Partial<SourceStatus>) => {
    status = { ...status, ...patch };
    opts.onStatus(status);
  };

  // A warning the session raised (missing rights) stays visible while the socket itself is fine.
  let warning: { message: string; hint?: string } | undefined;
  const onSocketStatus = (update: ConnectionStatusUpdate) => {
    const open = update.state === 'open';
    // A warning from before this connection (a locked gateway during pairing) is history once it opens;
    // one raised while open (missing rights found by a lookup) stays until the next connection.
    if (open && status.state !== 'open') warning = undefined;
    publish({
      state: update.state,
      lastError: open ? warning?.message : update.lastError,
      hint: open ? warning?.hint : update.hint,
      nextRetryAt: update.nextRetryAt,
      openSince: update.openSince,
    });
  };

  const clearTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  const start = () => {
    if (socket || stopped) return;
    const parsed = adapter.optionsSchema.safeParse(config.options);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `options.${i.path.join('.')}: ${i.message}`).join('; ');
      publish({ state: 'stopped', lastError: `invalid settings: ${problems}` });
      return;
    }
    const ctx: SourceContext<unknown> = {
      config,
      options: parsed.data,
      secrets,
      saveSecret(field, value) {
        secrets[field] = value;
        opts.saveSecret?.(field, value);
      },
      http: createHttpClient({ baseUrl: config.url, tls: config.tls }),
      emit(events) {
        if (stopped || events.length === 0) return;
        const stamped = events.map((e) => ({ ...e, sourceId: config.id, sourceKind: config.kind }));
        status = { ...status, events: status.events + stamped.length };
        opts.onEvents(stamped);
      },
      warn(message, hint) {
        log.warn(`${config.id}: ${message}`);
        warning = { message, hint };
        publish({ lastError: message, hint });
      },
      now,
      setInterval(fn, ms) {
        const timer = setInterval(fn, ms);
        timer.unref?.();
        timers.add(timer);
      },
      setTimeout(fn, ms) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms);
        timer.unref?.();
        timers.add(timer);
      },
      log,
    };
    let current: SourceSession;
    try {
      current = adapter.createSession(ctx);
    } catch (err) {
      // A session that cannot even be built (a URL typed without its scheme, a pattern that does not
      // compile) stops this source with the reason; it must not throw into the engine and stop the others.
      clearTimers();
      publish({ state: 'stopped', lastError: `cannot start: ${describeError(err)}` });
      return;
    }
    session = current;
    socket = createReconnectingSocket({
      prepare: () => current.prepare(),
      tls: config.tls,
      heartbeat: current.heartbeat,
      keepalive: current.keepalive,
      onOpen: current.onOpen ? (link) => current.onOpen!(link) : undefined,
      onText: (text, link) => current.onText(text, link),
      onClose: () => current.onClose?.(),
      onBadFrame: (reason) => {
        log.debug(`${config.id}: bad frame: ${reason}`);
        // The reason may quote the frame ("not JSON: …"): server text, shown in the UI and the CLI.
        const shown = cleanLine(reason.slice(0, MAX_REASON_CHARS));
        publish({ badFrames: status.badFrames + 1, lastBadFrame: { reason: shown, at: now() } });
      },
      onStatus: onSocketStatus,
      now,
    });
    socket.start();
  };

  return {
    config,
    secrets,
    start,
    resume() {
      if (socket) socket.resume();
      else start();
    },
    async stop() {
      stopped = true;
      clearTimers();
      const closing = socket?.close();
      socket = undefined;
      session?.dispose?.();
      session = undefined;
      await closing;
      publish({ state: 'stopped', nextRetryAt: undefined, openSince: undefined });
    },
    status: () => status,
  };
}
