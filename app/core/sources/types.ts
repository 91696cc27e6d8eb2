import type { z } from 'zod';
import type { SourceFieldInfo } from '../../shared/api';
import type { HomeEvent } from '../../shared/home-event';
import type { RuleInput } from '../../shared/rules';
import type { SourceConfig } from '../../shared/settings';
import type { AppKeepalive, ConnectTarget, HeartbeatOptions, SocketLink } from '../connection/types';
import type { HttpClient } from '../http/types';

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

/** What the engine gives a source session. Timers made here die with the session. */
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
  /** Hand events to the engine (rules, policy, history). */
  emit(events: HomeEvent[]): void;
  /** Tell the user something about this source without changing the connection state ("account lacks rights"). */
  warn(message: string, hint?: string): void;
  now(): number;
  setInterval(fn: () => void, ms: number): void;
  setTimeout(fn: () => void, ms: number): void;
  log: Logger;
}

/** One live connection of a source; created per start, disposed on stop. */
export interface SourceSession {
  /** Compute URL, headers and subprotocols before every (re)connect: auth handshakes, port lookups. */
  prepare(): Promise<ConnectTarget>;
  /** After every open: subscriptions, identity, REST resync. */
  onOpen?(link: SocketLink): void | Promise<void>;
  /** One text frame. Throwing marks the frame bad and keeps the socket. */
  onText(text: string, link: SocketLink): void | Promise<void>;
  onClose?(): void;
  /** Overrides of the default ws ping heartbeat. */
  heartbeat?: Partial<HeartbeatOptions>;
  keepalive?: AppKeepalive;
  dispose?(): void;
}

export interface SourceAdapter<Options = Record<string, unknown>> {
  kind: string;
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
  createSession(ctx: SourceContext<Options>): SourceSession;
}
