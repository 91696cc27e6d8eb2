import type { SourceContext, SourceSession } from '../types';
import { createDeconzConnection, GatewayKey } from './connection';
import { LookupBudget } from './lookups';
import { NameMap } from './name-map';
import type { NormaliserDeps } from './normalise';
import { normaliseFrame, parseFrame } from './normalise';
import type { DeconzOptions } from './options';
import { errorText } from './pairing';
import type { Frame, ResourceKind } from './protocol';
import { isResourceKind } from './protocol';
import { GatewayRest } from './rest';
import { StateTracker } from './state-tracker';
import { DeconzSync } from './sync';

export { websocketUrl } from './connection';

/** A deCONZ frame as decoded at arrival: whether the open's snapshot was still pending matters later. */
interface ArrivedFrame {
  frame: Frame;
  duringSnapshot: boolean;
}

/**
 * One deCONZ source: the connection (pairing, port lookup, the snapshot after each open) and the frame
 * handling, where unknown ids are looked up before the frame is normalised.
 */
export function createDeconzSession(ctx: SourceContext<DeconzOptions>): SourceSession<ArrivedFrame> {
  const opts = ctx.options;
  const key = new GatewayKey(ctx, ctx.secrets.apiKey);
  const names = new NameMap(ctx.now);
  const tracker = new StateTracker();
  const deps: NormaliserDeps = {
    sourceId: ctx.config.id,
    names,
    tracker,
    now: ctx.now,
    options: { lowBatteryPercent: opts.lowBatteryPercent, includeClip: opts.includeClip },
  };
  const rest = new GatewayRest(ctx.http, () => key.value ?? '');
  const lookups = new LookupBudget(ctx.now, opts.maxLookupsPerMinute);
  const sync = new DeconzSync(ctx, deps, rest, key);
  const connection = createDeconzConnection(ctx, key, rest, sync);

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
      if (!key.noteRevoked(err)) ctx.log.debug(`deCONZ lookup of ${r}/${id} failed: ${errorText(err)}`);
    }
  }

  ctx.setInterval(() => sync.refreshNames(), opts.refreshMinutes * 60_000);

  return {
    connect: connection,
    frames: {
      decode: (value) => ({ frame: parseFrame(value), duringSnapshot: sync.syncing }),
      async handle({ frame, duringSnapshot }) {
        if (frame.e === 'scene-called' && frame.gid !== undefined && !names.has('groups', frame.gid)) {
          await lookup('groups', frame.gid);
        } else if (isResourceKind(frame.r) && frame.id !== undefined && !names.has(frame.r, frame.id)) {
          const embedded = frame.sensor ?? frame.light ?? frame.group;
          if (frame.e === 'changed') await lookup(frame.r, frame.id, frame);
          else if (frame.e === 'added' && typeof embedded?.name !== 'string') await lookup(frame.r, frame.id);
        }
        return normaliseFrame(deps, frame, { duringSnapshot });
      },
    },
    dispose: () => connection.dispose(),
  };
}
