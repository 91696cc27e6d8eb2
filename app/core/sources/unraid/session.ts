import type { SourceContext, SourceSession } from '../types';
import { ContainerWatch } from './container-watch';
import type { FlavourSession } from './current';
import { bearerHeaders, createCurrentFlavour, fetchParityRecord } from './current';
import type { Sinks } from './dispatch';
import { createLegacyFlavour } from './legacy';
import type { UnraidOptions } from './options';
import { UnraidTracker } from './tracker';

/**
 * Asks the server which agent it is. The old agent's `/api/v1/health` names itself
 * (`"service":"uma"`); anything else is taken to be the current agent.
 */
export async function probeFlavour(ctx: SourceContext<UnraidOptions>): Promise<'current' | 'legacy'> {
  const res = await ctx.http.request({
    url: '/api/v1/health',
    headers: bearerHeaders(ctx),
    timeoutMs: 5_000,
  });
  if (res.status >= 200 && res.status < 300) {
    try {
      const body = res.json<Record<string, unknown>>();
      if (typeof body === 'object' && body !== null && String(body.service ?? '').toLowerCase() === 'uma')
        return 'legacy';
    } catch {
      // not JSON: not the legacy agent either
    }
  }
  return 'current';
}

export function createUnraidSession(ctx: SourceContext<UnraidOptions>): SourceSession {
  const sourceId = ctx.config.id;
  const log = (message: string) => ctx.log.debug(`unraid ${sourceId}: ${message}`);
  const flavourOption = ctx.options.flavour;
  const tracker = new UnraidTracker({
    sourceId,
    now: ctx.now,
    emit: ctx.emit,
    settleMs: ctx.options.arraySettle,
    thresholdOverrides: {
      warningCelsius: ctx.options.diskWarningCelsius,
      criticalCelsius: ctx.options.diskCriticalCelsius,
    },
    // Only the current agent keeps a parity history; the legacy session never reports a parity status.
    fetchParityRecord: () => fetchParityRecord(ctx),
    log,
  });
  const watch = new ContainerWatch({
    sourceId,
    now: ctx.now,
    setTimeout: ctx.setTimeout,
    emit: ctx.emit,
    holdMs: ctx.options.containerHold,
    arraySuppression: () => tracker.arraySuppression(),
    log,
  });
  const sinks: Sinks = { sourceId, tracker, watch, emit: ctx.emit, log };

  let flavour: 'current' | 'legacy' | undefined = flavourOption === 'auto' ? undefined : flavourOption;
  let impl: FlavourSession =
    flavour === 'legacy' ? createLegacyFlavour(ctx, sinks) : createCurrentFlavour(ctx, sinks);
  /** In auto mode: the last attempt at the current socket never opened, so ask before trying again. */
  let unopenedAttempts = 0;

  const settle = async () => {
    if (flavour !== undefined) return;
    if (unopenedAttempts === 0) return; // "try current first"
    const found = await probeFlavour(ctx); // throws when nothing answers: the socket backs off
    if (found === 'legacy') {
      ctx.log.info(`unraid ${sourceId}: the server is the legacy UMA (per-topic sockets)`);
      impl.dispose();
      impl = createLegacyFlavour(ctx, sinks);
    }
    flavour = found;
  };

  return {
    connect: {
      async prepare() {
        await settle();
        unopenedAttempts += 1;
        return impl.target();
      },
      onOpen(link) {
        unopenedAttempts = 0;
        if (flavourOption === 'auto' && flavour === undefined) flavour = 'current';
        impl.onOpen(link);
      },
      onClose() {
        impl.onClose();
      },
    },
    frames: {
      handle(frame) {
        impl.handle(frame);
      },
    },
    dispose() {
      impl.dispose();
    },
  };
}
