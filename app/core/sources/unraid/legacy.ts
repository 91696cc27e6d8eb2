import type { Transport } from '../../connection/types';
import type { SourceContext } from '../types';
import type { FlavourSession } from './current';
import type { Sinks } from './dispatch';
import { legacyDockerEvent, statsEvents } from './normalise';
import type { UnraidOptions } from './options';
import { socketUrl } from './options';
import {
  ArrayStatusSchema,
  LEGACY_PATHS,
  LegacyDockerEventSchema,
  LegacyEnvelopeSchema,
  LegacyStatsSchema,
  LegacyStorageSchema,
  parseLegacyDisks,
  parseTime,
} from './protocol';
import { z } from 'zod';

/** The shape the old agent's code actually sent on /system/stats (its docs show `stats`). */
const LegacyCodeStatsSchema = z.object({
  cpu: z
    .object({ usage_percent: z.number().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  memory: z
    .object({ used_percent: z.number().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/** Handles one legacy frame (JSON-decoded by the frame pipeline) from any of the three topic sockets. */
export function handleLegacyFrame(frame: unknown, now: number, sinks: Sinks): void {
  const env = LegacyEnvelopeSchema.safeParse(frame);
  if (!env.success) throw new Error('not a UMA message (no "type" field)');
  const time = parseTime(env.data.timestamp, now);
  switch (env.data.type) {
    case 'docker_event': {
      const ev = LegacyDockerEventSchema.safeParse(env.data.data);
      if (!ev.success) throw new Error('malformed docker_event');
      const event = legacyDockerEvent(sinks.sourceId, ev.data, time, frame);
      if (event) sinks.watch.legacyEvent(event);
      return;
    }
    case 'stats': {
      const s = LegacyStatsSchema.safeParse(env.data.data);
      if (!s.success) throw new Error('malformed stats');
      const ev = statsEvents(
        sinks.sourceId,
        { hostname: s.data.hostname, cpuPercent: s.data.cpu_percent, memoryPercent: s.data.memory_percent },
        time,
        frame,
      );
      sinks.emit(ev);
      return;
    }
    case 'system_stats': {
      const s = LegacyCodeStatsSchema.parse(frame);
      const ev = statsEvents(
        sinks.sourceId,
        { cpuPercent: s.cpu?.usage_percent, memoryPercent: s.memory?.used_percent },
        time,
        frame,
      );
      sinks.emit(ev);
      return;
    }
    case 'storage_status': {
      const s = LegacyStorageSchema.safeParse(env.data.data);
      if (!s.success) throw new Error('malformed storage_status');
      if (s.data.array_status)
        sinks.tracker.array(ArrayStatusSchema.parse({ state: s.data.array_status }), time, frame);
      sinks.tracker.disks(parseLegacyDisks(s.data), time);
      return;
    }
    default:
      return; // unknown types are not errors: the old agent had more topics than we use
  }
}

/**
 * The legacy agent has one socket per topic. The engine drives the Docker events socket (the one
 * that matters most); while it is open, this flavour keeps the stats and storage sockets beside it
 * (`ctx.openSocket`: their frames go through the same frame pipeline) and tears them down whenever
 * the main socket closes, so nothing outlives the session.
 */
export function createLegacyFlavour(ctx: SourceContext<UnraidOptions>, sinks: Sinks): FlavourSession {
  let extras: Transport[] = [];

  const closeExtras = () => {
    const closing = extras;
    extras = [];
    for (const socket of closing) {
      socket
        .close()
        .catch((err: unknown) =>
          ctx.log.debug(`unraid ${ctx.config.id}: closing a topic socket: ${String(err)}`),
        );
    }
  };

  const openExtra = (path: string) => {
    const url = socketUrl(ctx.config.url, path);
    const socket = ctx.openSocket({ prepare: async () => ({ url }) }, (s) => {
      if (s.state === 'auth-failed') ctx.warn(`the agent refused ${path}`, s.hint);
      else if (s.state === 'backing-off')
        ctx.log.debug(`unraid ${ctx.config.id}: ${path}: ${s.lastError ?? 'closed'}`);
    });
    extras.push(socket);
    socket.start();
  };

  return {
    async target() {
      return { url: socketUrl(ctx.config.url, LEGACY_PATHS.docker) };
    },
    onOpen() {
      closeExtras();
      openExtra(LEGACY_PATHS.stats);
      openExtra(LEGACY_PATHS.storage);
    },
    handle(frame) {
      handleLegacyFrame(frame, ctx.now(), sinks);
    },
    onClose: closeExtras,
    dispose: closeExtras,
  };
}
