import type { ConnectTarget } from '../../connection/types';
import { AuthFailedError } from '../../connection/types';
import type { SourceContext, SourceSession } from '../types';
import { LookupBudget } from './lookups';
import { NameMap } from './name-map';
import type { NormaliserDeps } from './normalise';
import { normaliseFrame, parseFrame } from './normalise';
import type { DeconzOptions } from './options';
import { errorText, PAIRING_HINT, pairWithRetries } from './pairing';
import type { Frame, GatewayConfig, ResourceKind } from './protocol';
import { isResourceKind } from './protocol';
import { GatewayRest, REFUSED_HINT, REFUSED_MESSAGE, RefusedKeyError } from './rest';
import { applySnapshot } from './resync';
import { StateTracker } from './state-tracker';

/**
 * One deCONZ connection. prepare(): pair if there is no key, then read the WebSocket port from `/config`
 * (it moved in v2.32 and may change on any restart). onOpen(): REST snapshot (names, and the level states
 * that changed while we were away), with frames that arrive meanwhile held back and applied after it.
 */
export function createDeconzSession(ctx: SourceContext<DeconzOptions>): SourceSession {
  const opts = ctx.options;
  let apiKey: string | undefined = ctx.secrets.apiKey?.trim() || undefined;
  let refused = false;
  let disposed = false;
  let synced = false;
  const wakers = new Set<() => void>();

  const names = new NameMap(ctx.now);
  const tracker = new StateTracker();
  const deps: NormaliserDeps = {
    sourceId: ctx.config.id,
    names,
    tracker,
    now: ctx.now,
    options: { lowBatteryPercent: opts.lowBatteryPercent, includeClip: opts.includeClip },
  };
  const rest = new GatewayRest(ctx.http, () => apiKey ?? '');
  const lookups = new LookupBudget(ctx.now, opts.maxLookupsPerMinute);
  // Frames and snapshots are applied strictly in order: the cache diff depends on it.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void> | void) => {
    queue = queue.then(job).catch((err: unknown) => ctx.log.warn(`deCONZ: ${errorText(err)}`));
    return queue;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakers.add(resolve);
      ctx.setTimeout(() => {
        wakers.delete(resolve);
        resolve();
      }, ms);
    });

  function noteRefused(err: unknown): boolean {
    if (!(err instanceof RefusedKeyError)) return false;
    if (!refused) ctx.warn(REFUSED_MESSAGE, REFUSED_HINT);
    refused = true;
    return true;
  }

  async function pair(): Promise<void> {
    const result = await pairWithRetries(ctx.http, {
      devicetype: opts.devicetype,
      timeoutMs: 3000,
      retryMs: opts.pairRetrySeconds * 1000,
      windowMs: opts.pairWindowSeconds * 1000,
      sleep,
      now: ctx.now,
      isCancelled: () => disposed,
      onLocked: (attempt) => {
        if (attempt === 1)
          ctx.warn('the gateway is locked: Herald is waiting to be allowed in', PAIRING_HINT);
        ctx.log.info(`deCONZ pairing: gateway locked (attempt ${attempt})`);
      },
    });
    if (result.ok) {
      apiKey = result.apiKey;
      refused = false;
      ctx.saveSecret('apiKey', result.apiKey);
      ctx.log.info('deCONZ pairing: got an API key');
      return;
    }
    if (result.reason === 'link-button') {
      const seconds = Math.round(opts.pairWindowSeconds);
      throw new AuthFailedError(`the gateway stayed locked for ${seconds} s: no API key yet`, PAIRING_HINT);
    }
    if (result.reason === 'refused') throw new AuthFailedError(result.message, PAIRING_HINT);
    throw new Error(result.message);
  }

  async function prepare(): Promise<ConnectTarget> {
    if (!apiKey || refused) await pair();
    let config: GatewayConfig;
    try {
      config = await rest.config();
    } catch (err) {
      noteRefused(err);
      throw err;
    }
    return { url: websocketUrl(ctx.config.url, config, opts.secureWebsocket) };
  }

  /** A refusal found by the snapshot ends the connection as auth-failed (see onOpen). */
  let refusedDuringSync: RefusedKeyError | undefined;
  /** From open until the snapshot is applied: frames received now are live, whatever the snapshot says. */
  let syncing = false;

  async function resync(): Promise<void> {
    try {
      const snapshot = await rest.snapshot();
      const events = applySnapshot(deps, snapshot, synced);
      synced = true;
      if (events.length > 0) ctx.emit(events);
    } catch (err) {
      if (noteRefused(err)) refusedDuringSync = err as RefusedKeyError;
      else ctx.log.warn(`deCONZ resync failed: ${errorText(err)}`);
    } finally {
      syncing = false;
    }
  }

  /** Unknown ids (a device paired while we were away, a group "added" with only its id): one GET each. */
  async function lookup(r: ResourceKind, id: string, frame?: Frame): Promise<void> {
    if (!lookups.take(`${r}/${id}`)) return;
    try {
      const resource = await rest.resource(r, id);
      names.upsert(r, id, resource);
      // The fetched values already include this frame's change: seed only the keys the frame does not
      // carry, so the frame's own transition is still seen.
      for (const section of ['state', 'config'] as const) {
        const values = resource[section];
        if (!values) continue;
        const carried = frame?.[section] ?? {};
        const baseline = Object.fromEntries(Object.entries(values).filter(([k]) => !(k in carried)));
        tracker.apply(r, id, section, baseline);
      }
    } catch (err) {
      lookups.failed(`${r}/${id}`);
      if (!noteRefused(err)) ctx.log.debug(`deCONZ lookup of ${r}/${id} failed: ${errorText(err)}`);
    }
  }

  async function handle(frame: Frame, duringSnapshot: boolean): Promise<void> {
    if (frame.e === 'scene-called' && frame.gid !== undefined && !names.has('groups', frame.gid)) {
      await lookup('groups', frame.gid);
    } else if (isResourceKind(frame.r) && frame.id !== undefined && !names.has(frame.r, frame.id)) {
      const embedded = frame.sensor ?? frame.light ?? frame.group;
      if (frame.e === 'changed') await lookup(frame.r, frame.id, frame);
      else if (frame.e === 'added' && typeof embedded?.name !== 'string') await lookup(frame.r, frame.id);
    }
    const events = normaliseFrame(deps, frame, { duringSnapshot });
    if (events.length > 0) ctx.emit(events);
  }

  /** A refresh is queued or running: a gateway slower than the period must not stack them up in the queue. */
  let refreshing = false;
  ctx.setInterval(() => {
    if (!apiKey || refused || refreshing) return;
    refreshing = true;
    void enqueue(async () => {
      try {
        const snapshot = await rest.snapshot();
        for (const [r, resources] of Object.entries(snapshot)) names.replaceAll(r, resources);
      } catch (err) {
        if (!noteRefused(err)) ctx.log.debug(`deCONZ name refresh failed: ${errorText(err)}`);
      } finally {
        refreshing = false;
      }
    });
  }, opts.refreshMinutes * 60_000);

  return {
    prepare,
    async onOpen() {
      // Connect first, then snapshot: frames that arrive during the GETs wait in the queue behind it.
      refusedDuringSync = undefined;
      syncing = true;
      await enqueue(resync);
      // The socket itself needs no key, but a refused key means stale names and no resync: stop and say so.
      if (refusedDuringSync) throw refusedDuringSync;
    },
    onText(text) {
      const frame = parseFrame(text);
      const duringSnapshot = syncing;
      void enqueue(() => handle(frame, duringSnapshot));
    },
    heartbeat: { intervalMs: opts.pingIntervalSeconds * 1000, timeoutMs: opts.pingTimeoutSeconds * 1000 },
    dispose() {
      disposed = true;
      for (const wake of wakers) wake();
      wakers.clear();
    },
  };
}

/**
 * `ws://<host of the source URL>:<websocketport>/`. Up to v2.31 that is a dedicated port (443, 8080, 8088,
 * 20877 or random); from v2.32 it is usually the REST port itself, and `websocketport_wss` the HTTPS one.
 */
export function websocketUrl(sourceUrl: string, config: GatewayConfig, secure: boolean): string {
  let host: string;
  try {
    host = new URL(sourceUrl).hostname;
  } catch {
    throw new Error(`"${sourceUrl}" is not a URL`);
  }
  const port = secure ? config.websocketport_wss : config.websocketport;
  if (port === undefined) {
    throw new Error(
      secure
        ? 'the gateway reports no websocketport_wss (needs deCONZ 2.32 or later): turn off wss'
        : 'the gateway reports no websocketport in /config',
    );
  }
  return `${secure ? 'wss' : 'ws'}://${host}:${port}/`;
}
