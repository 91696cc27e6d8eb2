import type { ApiParsedRequest } from '../../shared/api';
import type { Secrets, Settings, SourceConfig } from '../../shared/settings';
import type { SourceTestOutcome, SourceTestResult } from '../../shared/source-test';
import { describeError } from '../connection/errors';
import { createSerialQueue } from '../async/serial-queue';
import { probeWebSocket } from '../connection/probe';
import type { ProbeOptions } from '../connection/probe';
import { CertificateError } from '../connection/tls';
import { AuthFailedError } from '../connection/types';
import type { ConnectTarget, ConnectionStatusUpdate } from '../connection/types';
import { createHttpClient } from '../http/client';
import { HttpError } from '../http/types';
import { displayUrl } from '../http/url';
import { getAdapter, isKnownSourceKind } from '../sources/registry';
import type {
  Logger,
  OwnTransport,
  SocketConnection,
  SourceAdapter,
  SourceContext,
  SourceSession,
} from '../sources/types';

export interface TestConnectionDeps {
  /** The saved settings and secrets: an existing source's stored secrets fill in what was not typed. */
  stored(): { settings: Settings; secrets: Secrets };
  adapterFor?(kind: string): SourceAdapter<unknown> | undefined;
  /** The whole test (preparation and upgrade) ends within this; default 10 s, under the UI's own 15 s. */
  timeoutMs?: number;
  now?: () => number;
}

export const TEST_CONNECTION_TIMEOUT_MS = 10_000;

const silentLog: Logger = { debug() {}, info() {}, warn() {} };

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The transport error behind an HTTP client error or a happy-eyeballs AggregateError. */
function rootCause(err: unknown): unknown {
  let current = err;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else if (current instanceof HttpError && current.cause !== undefined) current = current.cause;
    else break;
  }
  return current;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function result(outcome: SourceTestOutcome, message: string, notes: string[], hint?: string) {
  const r: SourceTestResult = { outcome, message, notes };
  if (hint) r.hint = hint;
  return r;
}

/** Puts a failure of the kind's preparation or of the upgrade into one of the outcomes. */
function classify(err: unknown, adapter: SourceAdapter<unknown>, notes: string[]): SourceTestResult {
  const cause = rootCause(err);
  if (err instanceof AuthFailedError || cause instanceof AuthFailedError) {
    const auth = (err instanceof AuthFailedError ? err : cause) as AuthFailedError;
    return result('auth-failed', `Sign-in refused: ${auth.message}.`, notes, auth.hint);
  }
  if (cause instanceof CertificateError) {
    const r = result(
      'tls-untrusted',
      `${sentence(cause.message)}.`,
      notes,
      cause.fingerprint256
        ? 'If this is your own server, trust exactly this certificate by pinning its fingerprint.'
        : 'Add the certificate of the authority that issued it.',
    );
    if (cause.fingerprint256) r.fingerprint256 = cause.fingerprint256;
    return r;
  }
  const code = codeOf(cause);
  if (code === 'ECONNREFUSED') {
    return result(
      'refused',
      'Connection refused: nothing is listening at that address and port.',
      notes,
      'Check that the server is running, and the host name and port in the URL.',
    );
  }
  if (err instanceof HttpError && err.status !== undefined) {
    return result(
      'wrong-kind',
      `Something answered, but it does not look like ${adapter.displayName}: ${err.message}.`,
      notes,
      `Check the URL (port and path) points at ${adapter.displayName}.`,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return result(
      'unreachable',
      'No answer: the connection timed out.',
      notes,
      'Check the host name, port and firewall.',
    );
  }
  return result('unreachable', `Could not connect: ${describeError(cause)}.`, notes);
}

function timedOut(seconds: number, notes: string[]): SourceTestResult {
  return result(
    'timed-out',
    `No verdict within ${seconds} s.`,
    notes,
    notes.length > 0 ? undefined : 'The server may be slow or the address may drop packets; check the URL.',
  );
}

/** The source as the form holds it, and its secrets: typed ones over the stored ones not cleared. */
function testedSource(request: ApiParsedRequest<'sources:test'>, deps: TestConnectionDeps) {
  const { source, secrets: typed, clearedSecrets } = request;
  const { settings, secrets: stored } = deps.stored();
  const saved = source.id ? settings.sources.find((s) => s.id === source.id) : undefined;
  const secrets: Record<string, string> = {};
  if (saved && saved.kind === source.kind && Object.hasOwn(stored, saved.id)) {
    for (const [field, value] of Object.entries(stored[saved.id] ?? {}))
      if (!clearedSecrets.includes(field)) secrets[field] = value;
  }
  Object.assign(secrets, typed);
  const config: SourceConfig = {
    id: saved?.id ?? 'connection-test',
    kind: source.kind,
    name: saved?.name ?? 'Connection test',
    enabled: true,
    url: source.url,
    options: source.options,
    presets: false,
    ...(source.tls ? { tls: source.tls } : {}),
  };
  return { config, secrets };
}

/** The kind's preparation, then one upgrade; undefined when the time ran out. */
async function tryWebSocket(
  connection: SocketConnection,
  adapter: SourceAdapter<unknown>,
  notes: string[],
  probeOptions: ProbeOptions & { signal: AbortSignal },
  expired: Promise<'expired'>,
): Promise<SourceTestResult | undefined> {
  let target: ConnectTarget | 'expired';
  try {
    target = await Promise.race([connection.prepare(), expired]);
  } catch (err) {
    return classify(err, adapter, notes);
  }
  if (target === 'expired') return undefined;
  const probe = await probeWebSocket(target, probeOptions);
  if (probeOptions.signal.aborted && probe.kind === 'error') return undefined;
  const where = displayUrl(target.url);
  if (probe.kind === 'open') {
    return result('reached', `Reached ${adapter.displayName}: the connection to ${where} opened.`, notes);
  }
  if (probe.kind === 'http') {
    if (probe.status === 401 || probe.status === 403) {
      return result(
        'auth-failed',
        `Sign-in refused: HTTP ${probe.status} on the WebSocket upgrade at ${where}.`,
        notes,
        'Check the user name, password, token or API key.',
      );
    }
    const redirect = probe.location ? ` (a redirect to ${displayUrl(probe.location)})` : '';
    return result(
      'wrong-kind',
      `Something answered at ${where}, but it does not look like ${adapter.displayName}: HTTP ${probe.status}${redirect} instead of a WebSocket.`,
      notes,
      `Check the URL (port and path) points at ${adapter.displayName}.`,
    );
  }
  return classify(probe.error, adapter, notes);
}

/**
 * A kind that brings its own client (not a WebSocket): started once, judged by the first state it
 * reports after connecting (open, refused credentials, or a failure with its reason), then closed.
 */
async function tryOwnTransport(
  own: OwnTransport,
  adapter: SourceAdapter<unknown>,
  notes: string[],
  expired: Promise<'expired'>,
): Promise<SourceTestResult | undefined> {
  let settle: (update: ConnectionStatusUpdate) => void = () => undefined;
  const first = new Promise<ConnectionStatusUpdate>((resolve) => (settle = resolve));
  const transport = own.transport({
    frame: () => undefined,
    badFrame: () => undefined,
    status: (update) => {
      if (update.state === 'open' || update.state === 'auth-failed' || update.state === 'backing-off')
        settle(update);
    },
  });
  try {
    transport.start();
    const update = await Promise.race([first, expired]);
    if (update === 'expired') return undefined;
    if (update.state === 'open')
      return result('reached', `Reached ${adapter.displayName}: the connection opened.`, notes);
    const why = update.lastError ?? 'no reason given';
    if (update.state === 'auth-failed')
      return result('auth-failed', `Sign-in refused: ${why}.`, notes, update.hint);
    return result('unreachable', `Could not connect: ${why}.`, notes, update.hint);
  } finally {
    await transport.close().catch(() => undefined);
  }
}

/**
 * "Test connection": the kind's own preparation (sign-in, port lookup, pairing) and one WebSocket upgrade
 * with the form's unsaved values, in a session of its own, so the running source is not touched. What the
 * session obtains on the way (a token, a pairing key) is thrown away with it; nothing is saved.
 */
export async function testConnection(
  request: ApiParsedRequest<'sources:test'>,
  deps: TestConnectionDeps,
): Promise<SourceTestResult> {
  const timeoutMs = deps.timeoutMs ?? TEST_CONNECTION_TIMEOUT_MS;
  const seconds = Math.round(timeoutMs / 1000);
  const adapterFor =
    deps.adapterFor ?? ((kind: string) => (isKnownSourceKind(kind) ? getAdapter(kind) : undefined));
  const adapter = adapterFor(request.source.kind);
  if (!adapter) return result('invalid', `Unknown kind of server "${request.source.kind}".`, []);
  const { config, secrets } = testedSource(request, deps);
  const parsed = adapter.optionsSchema.safeParse(config.options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
    return result('invalid', `These settings cannot be tried yet: ${problems.join('; ')}.`, []);
  }

  const notes: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const abort = new AbortController();
  const queue = createSerialQueue();
  const ctx: SourceContext<unknown> = {
    config,
    options: parsed.data,
    secrets,
    // Kept for the rest of this test only (a sign-in's token is used by the upgrade), never stored.
    saveSecret(field, value) {
      secrets[field] = value;
    },
    http: createHttpClient({ baseUrl: config.url, tls: config.tls }),
    // Nothing is received during a test, so nothing is emitted; jobs still run in order, and stop with it.
    emit() {},
    inOrder: (job) => queue.enqueue(job),
    // The test tries the source's main connection only; the extra sockets a session may ask for (one per
    // topic) are not opened.
    openSocket: () => ({ start() {}, resume() {}, close: async () => {} }),
    warn(message, hint) {
      notes.push(hint ? `${message} — ${hint}` : message);
    },
    now: deps.now ?? Date.now,
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
    log: silentLog,
  };

  let session: SourceSession;
  try {
    session = adapter.createSession(ctx);
  } catch (err) {
    return result('invalid', `These settings cannot be tried: ${describeError(err)}.`, notes);
  }
  let deadline: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    deadline = setTimeout(() => {
      abort.abort();
      resolve('expired');
    }, timeoutMs);
  });
  try {
    const { connect } = session;
    const verdict =
      'transport' in connect
        ? tryOwnTransport(connect, adapter, notes, expired)
        : tryWebSocket(
            connect,
            adapter,
            notes,
            { tls: config.tls, timeoutMs, signal: abort.signal },
            expired,
          );
    return (await verdict) ?? timedOut(seconds, notes);
  } finally {
    clearTimeout(deadline);
    abort.abort();
    for (const timer of timers) clearTimeout(timer);
    queue.close();
    try {
      session.dispose?.();
    } catch {
      // A session failing to tidy up after a test changes nothing about its verdict.
    }
  }
}
