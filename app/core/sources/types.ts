import type { z } from 'zod';
import type { SourceFieldInfo } from '../../shared/api';
import type { RuleInput } from '../../shared/rules';
import type { SourceConfig } from '../../shared/settings';
import type {
  AppKeepalive,
  ConnectTarget,
  ConnectionStatusUpdate,
  HeartbeatOptions,
  SocketLink,
  Transport,
} from '../connection/types';
import type { HttpClient } from '../http/types';
import type { SourceEvent } from './source-event';

/**
 * Describes one setting of a kind, so the settings window can build its form from the registry. It is
 * the API's serialisable field description: the settings window receives exactly what adapters declare.
 */
export type FieldSpec = SourceFieldInfo;

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
}

export type { SourceEvent } from './source-event';

/** What the engine gives a source session. Timers, queues and sockets made here die with the session. */
export interface SourceContext<Options = Record<string, unknown>> {
  config: SourceConfig;
  /** The adapter's options, already validated with its `optionsSchema`. */
  options: Options;
  /** This source's secrets (field → value). */
  secrets: Readonly<Record<string, string>>;
  /** Keep a secret the session obtained (a token from a login, an API key from pairing). */
  saveSecret(field: string, value: string): void;
  /** HTTP with timeouts and the source's TLS options, for REST lookups beside the socket. */
  http: HttpClient;
  /** Hand events to the engine (rules, policy, history); the runner stamps source id and kind. */
  emit(events: SourceEvent[]): void;
  /**
   * Runs `job` in frame order: after every frame received so far has been handled, before any frame
   * received later (a REST snapshot that live frames must neither overtake nor be overtaken by).
   * Settles as the job does; a job still waiting when the session stops never runs.
   */
  inOrder(job: () => void | Promise<void>): Promise<void>;
  /**
   * One more reconnecting socket for this session (a server with one socket per topic). Its frames go
   * through this session's frame pipeline like the main socket's; it is closed with the session.
   */
  openSocket(connection: SocketConnection, onStatus?: (update: ConnectionStatusUpdate) => void): Transport;
  /** Tell the user something about this source without changing the connection state ("account lacks rights"). */
  warn(message: string, hint?: string): void;
  now(): number;
  setInterval(fn: () => void, ms: number): void;
  setTimeout(fn: () => void, ms: number): void;
  log: Logger;
}

/** The connect half of a session over the runner's reconnecting WebSocket. */
export interface SocketConnection {
  /** Compute URL, headers and subprotocols before every (re)connect: auth handshakes, port lookups. */
  prepare(): Promise<ConnectTarget>;
  /**
   * After every open, before any frame of that connection: subscriptions, identity, REST resync. Throwing
   * (or rejecting) ends the connection; an AuthFailedError stops retrying.
   */
  onOpen?(link: SocketLink): void | Promise<void>;
  onClose?(): void;
  /** Overrides of the default ws ping heartbeat. */
  heartbeat?: Partial<HeartbeatOptions>;
  keepalive?: AppKeepalive;
}

/** What the runner hands a kind's own transport: where its messages and its state go. */
export interface TransportHooks {
  /**
   * One message into the session's frame pipeline. Never throws; bad frames are counted. The promise,
   * if any, rejects only with an AuthFailedError: end the connection as auth-failed then.
   */
  frame(input: unknown, link: SocketLink): Promise<void> | undefined;
  /** A message the transport itself could not use (binary, too large). */
  badFrame(reason: string): void;
  /** The connection's state, with the meaning the reconnecting socket gives it. */
  status(update: ConnectionStatusUpdate): void;
}

/** The connect half of a session whose server is not a WebSocket (MQTT): the kind brings its client. */
export interface OwnTransport {
  transport(hooks: TransportHooks): Transport;
}

export type HandleResult = SourceEvent[] | void;

/** The frame half of a session, driven by the runner's frame pipeline. */
export interface FrameHandler<Frame = unknown> {
  /**
   * `json` (the default): each message is text, decoded by the pipeline's one JSON decode before
   * `decode` sees it. `as-is`: `decode` gets the message as the transport delivered it.
   */
  wire?: 'json' | 'as-is';
  /**
   * At arrival, synchronously, in order: check the shape and take what must be decided in arrival order.
   * Throwing marks the frame bad (the message is the reason). Returning undefined: nothing more to do.
   * Without it, the decoded value is the frame.
   */
  decode?(value: unknown, link: SocketLink): Frame | undefined;
  /**
   * One frame at a time, in arrival order: the next frame's handle starts once this one settled, so
   * a slow REST enrichment cannot reorder what happened. Returns the events (or hands them to
   * `ctx.emit`). Throwing or rejecting counts the frame as bad; an AuthFailedError ends the connection.
   */
  handle(frame: Frame, link: SocketLink): HandleResult | Promise<HandleResult>;
}

/** One live source: how it connects and how its frames become events; created per start, disposed on stop. */
export interface SourceSession<Frame = unknown> {
  connect: SocketConnection | OwnTransport;
  frames: FrameHandler<Frame>;
  dispose?(): void;
}

export interface SourceAdapter<Options = Record<string, unknown>, Kind extends string = string> {
  kind: Kind;
  displayName: string;
  /** A line for the "add source" list. */
  description: string;
  /** Default URL shown in the form (`http://localhost:9981`). */
  defaultUrl: string;
  fields: FieldSpec[];
  /** Validates `SourceConfig.options`; unknown keys are stripped. */
  optionsSchema: z.ZodType<Options>;
  /** Names of the secret fields this kind may use. */
  secretFields: string[];
  /** Default rules for a fresh install; ids are `preset:<kind>:<name>`. */
  presets: RuleInput[];
  /**
   * The kind obtains its key by pairing with the server (the session saves it with `saveSecret`).
   * "Pair again" clears `secretField` and restarts the source, which pairs afresh.
   */
  pairing?: { secretField: string };
  createSession(ctx: SourceContext<Options>): SourceSession<unknown>;
}
