import { cleanLine } from '../../shared/clean-text';
import type { HomeEvent } from '../../shared/home-event';
import type { SourceConfig } from '../../shared/settings';
import type { SourceStatus } from '../../shared/source-status';
import { createSerialQueue } from '../async/serial-queue';
import { describeError } from '../connection/errors';
import { createReconnectingSocket } from '../connection/reconnecting-socket';
import type {
  ConnectionStatusUpdate,
  ReconnectingSocket,
  ReconnectingSocketOptions,
  Transport,
} from '../connection/types';
import { createFramePipeline } from './frame-pipeline';
import { createSessionSockets } from './session-sockets';
import { createSessionTimers } from './session-timers';
import type { FramePush } from './frame-pipeline';
import { stampEvent } from './stamp';
import { createHttpClient } from '../http/client';
import type { Logger, SourceAdapter, SourceContext, SourceEvent, SourceSession } from '../sources/types';

export interface SourceRunnerOptions {
  config: SourceConfig;
  /** This source's secrets as their owner holds them now (what the session saved included). */
  secrets: () => Readonly<Record<string, string>>;
  adapter: SourceAdapter<unknown>;
  onEvents(events: HomeEvent[]): void;
  onStatus(status: SourceStatus): void;
  /** Keep a secret the session obtained with its owner; `secrets()` returns it from then on. */
  saveSecret(field: string, value: string): void;
  now?: () => number;
  log?: Logger;
  /** Builds the reconnecting sockets; injected by tests that run without a network. */
  createSocket?: (opts: ReconnectingSocketOptions) => ReconnectingSocket;
}

export interface SourceRunner {
  readonly config: SourceConfig;
  start(): void;
  resume(): void;
  stop(): Promise<void>;
  status(): SourceStatus;
}

const silentLog: Logger = { debug() {}, info() {}, warn() {} };
const MAX_REASON_CHARS = 200;

/**
 * Runs one configured source: validates its options, builds its context, and drives its session's
 * transport, with every frame going through the one frame pipeline.
 */
export function createSourceRunner(opts: SourceRunnerOptions): SourceRunner {
  const { config, adapter } = opts;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? silentLog;
  const timers = createSessionTimers();
  // Frames and the jobs a session puts in frame order (ctx.inOrder); closed on stop.
  const queue = createSerialQueue();
  let push: FramePush = () => undefined;
  let session: SourceSession | undefined;
  let transport: Transport | undefined;
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

  const countBadFrame = (reason: string) => {
    log.debug(`${config.id}: bad frame: ${reason}`);
    // The reason may quote the frame ("not JSON: …"): server text, shown in the UI and the CLI.
    const shown = cleanLine(reason.slice(0, MAX_REASON_CHARS));
    publish({ badFrames: status.badFrames + 1, lastBadFrame: { reason: shown, at: now() } });
  };

  const emit = (events: SourceEvent[]) => {
    if (stopped || events.length === 0) return;
    // Stamped here, once: sessions never carry their source's id and kind.
    const stamped = events.map((e) => stampEvent(e, config));
    status = { ...status, events: status.events + stamped.length };
    opts.onEvents(stamped);
  };

  const sockets = createSessionSockets({
    config,
    createSocket: opts.createSocket ?? createReconnectingSocket,
    frames: () => push,
    onBadFrame: countBadFrame,
    now,
  });

  const start = () => {
    if (transport || stopped) return;
    const parsed = adapter.optionsSchema.safeParse(config.options);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `options.${i.path.join('.')}: ${i.message}`).join('; ');
      publish({ state: 'stopped', lastError: `invalid settings: ${problems}` });
      return;
    }
    const ctx: SourceContext<unknown> = {
      config,
      options: parsed.data,
      get secrets() {
        return opts.secrets();
      },
      saveSecret: (field, value) => opts.saveSecret(field, value),
      http: createHttpClient({ baseUrl: config.url, tls: config.tls }),
      emit,
      inOrder: (job) => queue.enqueue(job),
      openSocket: sockets.openExtra,
      warn(message, hint) {
        log.warn(`${config.id}: ${message}`);
        warning = { message, hint };
        publish({ lastError: message, hint });
      },
      now,
      setInterval: timers.setInterval,
      setTimeout: timers.setTimeout,
      log,
    };
    let current: SourceSession;
    try {
      current = adapter.createSession(ctx);
    } catch (err) {
      // A session that cannot even be built (a URL typed without its scheme, a pattern that does not
      // compile) stops this source with the reason; it must not throw into the engine and stop the others.
      timers.clear();
      publish({ state: 'stopped', lastError: `cannot start: ${describeError(err)}` });
      return;
    }
    session = current;
    push = createFramePipeline({ frames: current.frames, queue, emit, onBadFrame: countBadFrame });
    const { connect } = current;
    const started =
      'transport' in connect
        ? connect.transport({
            frame: (input, link) => push(input, link),
            badFrame: countBadFrame,
            status: onSocketStatus,
          })
        : sockets.socketFor(connect, onSocketStatus);
    transport = started;
    started.start();
  };

  return {
    config,
    start,
    resume() {
      if (transport) transport.resume();
      else start();
    },
    async stop() {
      stopped = true;
      timers.clear();
      queue.close();
      const closing = [transport?.close(), ...sockets.closeExtras()];
      transport = undefined;
      session?.dispose?.();
      session = undefined;
      await Promise.all(closing);
      publish({ state: 'stopped', nextRetryAt: undefined, openSince: undefined });
    },
    status: () => status,
  };
}
