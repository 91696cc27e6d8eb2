import { z } from 'zod';
import type { HistoryEntry, HistoryPage } from './history';
import { HistoryQuerySchema } from './history';
import type { RulePreviewResult } from './rule-preview';
import { RulePreviewRequestSchema } from './rule-preview';
import type { Notification, RuleInput } from './rules';
import type { Settings } from './settings';
import type { SourceStatus } from './source-status';
import type { SourceTestResult } from './source-test';
import { SourceTestRequestSchema } from './source-test';

/**
 * The API between the UI and a host, declared once. Electron binds it to IPC, `herald serve` to a
 * WebSocket; the renderer sees it as `window.herald` (type `HeraldApi`). Every request is validated with
 * its schema in `requestSchemas` where it enters the host.
 */
export const API = {
  settingsGet: 'settings:get',
  settingsSet: 'settings:set',
  settingsExport: 'settings:export',
  settingsImport: 'settings:import',
  /** Puts back the settings the last save replaced (one generation is kept on every save). */
  settingsRestorePrevious: 'settings:restorePrevious',
  /** Reads a settings file like an import, without applying it: what it would change. */
  settingsImportPreview: 'settings:importPreview',
  secretsSet: 'secrets:set',
  secretsClear: 'secrets:clear',
  /** Which secret fields are set per source; never the values. */
  secretsStatus: 'secrets:status',
  historyQuery: 'history:query',
  historyMarkRead: 'history:markRead',
  historyClear: 'history:clear',
  sourcesList: 'sources:list',
  sourceKinds: 'sources:kinds',
  sourceReconnect: 'sources:reconnect',
  /** Forget a kind's paired key and pair afresh (deCONZ after its key was refused). */
  sourcePair: 'sources:pair',
  sourceSnooze: 'sources:snooze',
  /** Tries a source's unsaved settings once (prepare + one WebSocket upgrade); saves nothing. */
  sourceTest: 'sources:test',
  /** Runs an unsaved rule over the newest history events: which it matches, what each would become. */
  rulePreview: 'rules:preview',
  testNotification: 'app:testNotification',
  openUrl: 'app:openUrl',
  appInfo: 'app:info',
} as const;

export type ApiMethod = keyof typeof API;
export type ApiChannel = (typeof API)[ApiMethod];

/** Host → UI pushes. */
export const PUSH = {
  historyAppended: 'history:appended',
  sourcesStatus: 'sources:status',
  settingsChanged: 'settings:changed',
  /** A notification the host raised (serve shows it in the page; Electron windows may ignore it). */
  notificationRaised: 'notification:raised',
} as const;

export type PushChannel = (typeof PUSH)[keyof typeof PUSH];

const SourceId = z.string().min(1).max(200);
const FieldKey = z.string().min(1).max(100);

/** Only http(s) URLs may be opened; anything else (javascript:, file:, custom schemes) is refused. */
export const HttpUrlSchema = z
  .string()
  .max(4096)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'only http(s) URLs can be opened');

const NoArgs = z.undefined();

export const requestSchemas = {
  [API.settingsGet]: NoArgs,
  /** The whole settings object; validated by the settings parser (field errors come back in the value). */
  [API.settingsSet]: z.record(z.string(), z.unknown()),
  [API.settingsExport]: z.object({ includeSecrets: z.boolean().default(false) }).strict(),
  [API.settingsImport]: z.object({ text: z.string().max(5_000_000) }).strict(),
  [API.settingsRestorePrevious]: NoArgs,
  [API.settingsImportPreview]: z.object({ text: z.string().max(5_000_000) }).strict(),
  [API.secretsSet]: z
    .object({ sourceId: SourceId, field: FieldKey, value: z.string().min(1).max(10_000) })
    .strict(),
  [API.secretsClear]: z.object({ sourceId: SourceId, field: FieldKey }).strict(),
  [API.secretsStatus]: NoArgs,
  [API.historyQuery]: HistoryQuerySchema.strict(),
  [API.historyMarkRead]: z
    .object({ seqs: z.union([z.array(z.number().int()).max(100_000), z.literal('all')]) })
    .strict(),
  [API.historyClear]: NoArgs,
  [API.sourcesList]: NoArgs,
  [API.sourceKinds]: NoArgs,
  [API.sourceReconnect]: z.object({ sourceId: SourceId }).strict(),
  [API.sourcePair]: z.object({ sourceId: SourceId }).strict(),
  /** `until` epoch ms, or null to clear the snooze. */
  [API.sourceSnooze]: z
    .object({ sourceId: SourceId, until: z.number().int().nonnegative().nullable() })
    .strict(),
  [API.sourceTest]: SourceTestRequestSchema,
  [API.rulePreview]: RulePreviewRequestSchema,
  [API.testNotification]: NoArgs,
  [API.openUrl]: z.object({ url: HttpUrlSchema }).strict(),
  [API.appInfo]: NoArgs,
} satisfies Record<ApiChannel, z.ZodType>;

/** One problem with a setting, addressed by its dotted path (`sources.0.url`, `quietHours.start`). */
export interface FieldError {
  path: string;
  message: string;
}

/** A save's outcome; the saved settings reach every window by the `settings:changed` push. */
export type SettingsSetResult = { ok: true } | { ok: false; errors: FieldError[] };

/** What an import would apply; `secretFields` names the secrets the file holds per source (never values). */
export type ImportPreviewResult =
  | { ok: true; settings: Settings; secretFields: Record<string, string[]> }
  | { ok: false; errors: FieldError[] };

/** A serialisable copy of a kind's FieldSpec (app/core/sources/types.ts). */
export interface SourceFieldInfo {
  key: string;
  label: string;
  type: 'string' | 'number' | 'boolean' | 'select' | 'password';
  secret?: boolean;
  required?: boolean;
  options?: { value: string; label: string }[];
  placeholder?: string;
  help?: string;
  default?: string | number | boolean;
}

export interface SourceKindInfo {
  kind: string;
  displayName: string;
  description: string;
  defaultUrl: string;
  fields: SourceFieldInfo[];
  secretFields: string[];
  /** The kind's preset rules (ids `preset:<kind>:<name>`), so the UI can list and switch them off. */
  presets: RuleInput[];
  /** Present when the kind pairs for its key: the UI then offers "Pair again" once the key was refused. */
  pairing?: { secretField: string };
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'serve';
  /** Problems of the host the user should know about, in plain words (no keyring, settings set aside). */
  warnings: string[];
  /** Where passwords typed in the UI are kept, in plain words, when that is not the system keychain. */
  secretsNote?: string;
}

export interface OpenUrlResult {
  /** False when the host leaves opening to the page (serve: the browser is the user's own). */
  openedByHost: boolean;
  url: string;
}

export interface ExportResult {
  text: string;
  filename: string;
}

type Contract<Req, Res> = { request: Req; response: Res };
/** Fails to compile when a channel in `API` has no contract (or a contract names an unknown channel). */
type AssertCoverage<T extends Record<ApiChannel, Contract<unknown, unknown>>> =
  Exclude<keyof T, ApiChannel> extends never ? T : never;

type Req<C extends ApiChannel> = z.input<(typeof requestSchemas)[C]>;

export type ApiContracts = AssertCoverage<{
  [API.settingsGet]: Contract<Req<'settings:get'>, Settings>;
  [API.settingsSet]: Contract<Req<'settings:set'>, SettingsSetResult>;
  [API.settingsExport]: Contract<Req<'settings:export'>, ExportResult>;
  [API.settingsImport]: Contract<Req<'settings:import'>, SettingsSetResult>;
  [API.settingsRestorePrevious]: Contract<Req<'settings:restorePrevious'>, SettingsSetResult>;
  [API.settingsImportPreview]: Contract<Req<'settings:importPreview'>, ImportPreviewResult>;
  [API.secretsSet]: Contract<Req<'secrets:set'>, undefined>;
  [API.secretsClear]: Contract<Req<'secrets:clear'>, undefined>;
  [API.secretsStatus]: Contract<Req<'secrets:status'>, Record<string, string[]>>;
  [API.historyQuery]: Contract<Req<'history:query'>, HistoryPage>;
  [API.historyMarkRead]: Contract<Req<'history:markRead'>, { unread: number }>;
  [API.historyClear]: Contract<Req<'history:clear'>, undefined>;
  [API.sourcesList]: Contract<Req<'sources:list'>, SourceStatus[]>;
  [API.sourceKinds]: Contract<Req<'sources:kinds'>, SourceKindInfo[]>;
  [API.sourceReconnect]: Contract<Req<'sources:reconnect'>, undefined>;
  [API.sourcePair]: Contract<Req<'sources:pair'>, undefined>;
  [API.sourceSnooze]: Contract<Req<'sources:snooze'>, undefined>;
  [API.sourceTest]: Contract<Req<'sources:test'>, SourceTestResult>;
  [API.rulePreview]: Contract<Req<'rules:preview'>, RulePreviewResult>;
  [API.testNotification]: Contract<Req<'app:testNotification'>, undefined>;
  [API.openUrl]: Contract<Req<'app:openUrl'>, OpenUrlResult>;
  [API.appInfo]: Contract<Req<'app:info'>, AppInfo>;
}>;

/** What the UI sends. */
export type ApiRequest<C extends ApiChannel> = ApiContracts[C]['request'];
/** What the host's handler receives after validation (defaults applied). */
export type ApiParsedRequest<C extends ApiChannel> = z.output<(typeof requestSchemas)[C]>;
export type ApiResponse<C extends ApiChannel> = ApiContracts[C]['response'];
/** `[]` for channels without a request body, so callers write `herald.settingsGet()`. */
export type ApiArgs<C extends ApiChannel> =
  undefined extends ApiRequest<C> ? [request?: ApiRequest<C>] : [request: ApiRequest<C>];

export type PushContracts = {
  [PUSH.historyAppended]: HistoryEntry;
  [PUSH.sourcesStatus]: SourceStatus;
  [PUSH.settingsChanged]: Settings;
  [PUSH.notificationRaised]: Notification;
};
export type PushPayload<P extends PushChannel> = PushContracts[P];

export type ApiErrorCode = 'bad-request' | 'unknown-channel' | 'failed' | 'disconnected';
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: FieldError[];
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The one shape the renderer sees as `window.herald`, whichever host is behind it. */
export type HeraldApi = {
  [M in ApiMethod]: (...args: ApiArgs<(typeof API)[M]>) => Promise<ApiResponse<(typeof API)[M]>>;
} & {
  /** Returns the unsubscribe function (use it as the React effect cleanup). */
  subscribe<P extends PushChannel>(channel: P, listener: (payload: PushPayload<P>) => void): () => void;
};

/** Frames of the serve WebSocket protocol (Electron IPC carries the same request/result pairs). */
export type WireRequest = { id: number; channel: string; request?: unknown };
/** `id` is null when the frame was too broken to carry one. */
export type WireResponse = { id: number | null; result: ApiResult<unknown> };
export type WirePush = { push: PushChannel; payload: unknown };

export class HeraldApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues?: FieldError[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'HeraldApiError';
    this.code = error.code;
    if (error.issues) this.issues = error.issues;
  }
}

/** Builds a `HeraldApi` over any transport; the preload and serve's page client both use it. */
export function createHeraldApi(transport: {
  invoke(channel: ApiChannel, request: unknown): Promise<ApiResult<unknown>>;
  subscribe(channel: PushChannel, listener: (payload: unknown) => void): () => void;
}): HeraldApi {
  const methods = Object.fromEntries(
    (Object.keys(API) as ApiMethod[]).map((method) => [
      method,
      async (request?: unknown) => {
        const result = await transport.invoke(API[method], request);
        if (!result.ok) throw new HeraldApiError(result.error);
        return result.value;
      },
    ]),
  );
  return {
    ...methods,
    subscribe: (channel, listener) => transport.subscribe(channel, listener as (payload: unknown) => void),
  } as HeraldApi;
}

export function isApiChannel(channel: unknown): channel is ApiChannel {
  return typeof channel === 'string' && Object.hasOwn(requestSchemas, channel);
}
