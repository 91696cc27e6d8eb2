import { AuthFailedError } from '../../connection/types';
import type { ConnectTarget, SocketLink } from '../../connection/types';
import type { SourceContext } from '../types';
import type { Sinks } from './dispatch';
import { dispatchTopic, identifyTopic } from './dispatch';
import type { UnraidOptions } from './options';
import { socketUrl } from './options';
import {
  CURRENT_TOPICS,
  CurrentEnvelopeSchema,
  DiskThresholdsSchema,
  ParityHistorySchema,
  parseTime,
} from './protocol';
import type { ParityRecord } from './protocol';

/** One protocol's part of a session; the outer session picks one (see session.ts). */
export interface FlavourSession {
  target(): Promise<ConnectTarget>;
  onOpen(link: SocketLink): void;
  /** One frame, already JSON-decoded by the frame pipeline. */
  handle(frame: unknown): void;
  onClose(): void;
  dispose(): void;
}

export const CURRENT_WS_PATH = '/api/v1/ws';

/** REST endpoints read after every open (raw DTOs, no envelope), with the topic each one seeds. */
export const BOOTSTRAP: ReadonlyArray<[path: string, topic: string]> = [
  ['/api/v1/system', 'system_update'],
  ['/api/v1/array', 'array_status_update'],
  ['/api/v1/disks', 'disk_list_update'],
  ['/api/v1/docker', 'container_list_update'],
  ['/api/v1/vm', 'vm_list_update'],
  ['/api/v1/ups', 'ups_status_update'],
  ['/api/v1/notifications', 'notifications_update'],
];

export function bearerHeaders(ctx: SourceContext<UnraidOptions>): Record<string, string> {
  const token = ctx.secrets.token?.trim();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * The maintained agent: one socket, a `{"subscribe": [...]}` filter that the server forgets on every
 * reconnect, no initial snapshot (hence the REST bootstrap), and envelopes named by topic or, on old
 * agents, all called "update".
 */
export function createCurrentFlavour(ctx: SourceContext<UnraidOptions>, sinks: Sinks): FlavourSession {
  /** Frames seen per topic, so a REST answer older than a frame that beat it is not applied. */
  const framesSeen = new Map<string, number>();
  let generation = 0;
  let authWarned = false;

  const get = async (path: string) => ctx.http.getJson<unknown>(path, { headers: bearerHeaders(ctx) });

  const fetchOrNote = async (path: string): Promise<unknown> => {
    try {
      return await get(path);
    } catch (err) {
      if (err instanceof AuthFailedError && !authWarned) {
        authWarned = true;
        ctx.warn(
          'the agent refused the API token for REST requests',
          'check the token in the source settings',
        );
      } else {
        ctx.log.debug(`unraid ${ctx.config.id}: ${path} unavailable: ${(err as Error).message}`);
      }
      return undefined;
    }
  };

  const bootstrap = async (gen: number) => {
    // Thresholds first: the disk list that follows is judged against the user's own limits.
    const thresholds = DiskThresholdsSchema.safeParse(await fetchOrNote('/api/v1/settings/disk-thresholds'));
    if (gen !== generation) return;
    if (thresholds.success) sinks.tracker.setThresholds(thresholds.data);
    const before = new Map(framesSeen);
    await Promise.all(
      BOOTSTRAP.map(async ([path, topic]) => {
        const body = await fetchOrNote(path);
        if (body === undefined || gen !== generation) return;
        if ((framesSeen.get(topic) ?? 0) !== (before.get(topic) ?? 0)) return; // a live frame was newer
        let ok = false;
        try {
          ok = dispatchTopic(topic, body, ctx.now(), body, sinks);
        } catch (err) {
          ctx.log.warn(`unraid ${ctx.config.id}: applying ${path} failed: ${(err as Error).message}`);
        }
        if (!ok) ctx.log.debug(`unraid ${ctx.config.id}: ${path} returned an unexpected shape`);
      }),
    );
  };

  return {
    async target() {
      return { url: socketUrl(ctx.config.url, CURRENT_WS_PATH), headers: bearerHeaders(ctx) };
    },
    onOpen(link) {
      generation += 1;
      authWarned = false;
      link.send({ subscribe: [...CURRENT_TOPICS] });
      if (ctx.options.bootstrap) {
        bootstrap(generation).catch((err: unknown) =>
          ctx.log.warn(`unraid ${ctx.config.id}: bootstrap failed: ${String(err)}`),
        );
      }
    },
    handle(frame) {
      const env = CurrentEnvelopeSchema.safeParse(frame);
      if (!env.success) throw new Error('not an agent event (no "event" field)');
      const topic = identifyTopic(env.data.event, env.data.data);
      if (topic === undefined) return; // collector changes, agent_stream, an empty list under "update"
      framesSeen.set(topic, (framesSeen.get(topic) ?? 0) + 1);
      if (!dispatchTopic(topic, env.data.data, parseTime(env.data.timestamp, ctx.now()), frame, sinks)) {
        throw new Error(`malformed ${topic} payload`);
      }
    },
    onClose() {
      generation += 1; // a bootstrap still in flight belongs to the old connection
    },
    dispose() {
      generation += 1;
    },
  };
}

/** Newest parity-history record, for "Parity-Check finished (N errors)". */
export async function fetchParityRecord(
  ctx: SourceContext<UnraidOptions>,
): Promise<ParityRecord | undefined> {
  const body = await ctx.http.getJson<unknown>('/api/v1/array/parity-check/history', {
    headers: bearerHeaders(ctx),
  });
  const records = ParityHistorySchema.parse(body).records ?? [];
  return [...records].sort((a, b) => parseTime(b.date, 0) - parseTime(a.date, 0))[0];
}
