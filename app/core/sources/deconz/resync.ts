import type { SourceEvent } from '../types';
import type { Origin } from './changes';
import { changeEvents } from './changes';
import type { NormaliserDeps } from './normalise';
import { isNoise } from './normalise';
import type { ResourceKind, RestResource } from './protocol';
import { parseLastUpdated, resourceKinds } from './protocol';

/** The gateway's resources as REST lists them, by kind and id. */
export type Snapshot = Record<ResourceKind, Record<string, RestResource>>;

export const STATELESS_KEYS = ['buttonevent', 'action', 'presenceevent', 'rotaryevent'] as const;

/**
 * Take a REST snapshot after a (re)connect: names and cached values are replaced. With `report`, level
 * values that changed since we last saw them (water, open, reachable, battery…, alarm state) become
 * events marked `data.offline: true`; stateless values (buttons, keypad, scenes) are never replayed.
 * The first snapshot of a session is only a baseline: there is nothing to compare it with.
 */
export function applySnapshot(deps: NormaliserDeps, snapshot: Snapshot, report: boolean): SourceEvent[] {
  const events: SourceEvent[] = [];
  for (const r of resourceKinds) {
    const resources = snapshot[r];
    for (const id of deps.names.ids(r)) {
      if (!Object.hasOwn(resources, id)) deps.tracker.remove(r, id);
    }
    deps.names.replaceAll(r, resources);
    for (const [id, resource] of Object.entries(resources)) {
      const known = deps.tracker.knows(r, id);
      const state = resource.state ?? {};
      const origin: Origin = {
        offline: true,
        raw: resource,
        lastupdated: state.lastupdated,
        lastupdatedMs: parseLastUpdated(state.lastupdated),
      };
      const subject = { r, id, info: deps.names.get(r, id), uniqueid: resource.uniqueid };
      const fromState = changeEvents(deps, subject, 'state', stripStateless(state), origin);
      const fromConfig = resource.config
        ? changeEvents(deps, subject, 'config', resource.config, origin)
        : [];
      for (const key of STATELESS_KEYS) deps.tracker.seedStateless(r, id, key, state[key], state.lastupdated);
      if (report && known && !isNoise(deps, r, id)) events.push(...fromState, ...fromConfig);
    }
  }
  return events;
}

function stripStateless(state: Record<string, unknown>): Record<string, unknown> {
  const out = { ...state };
  for (const key of STATELESS_KEYS) delete out[key];
  return out;
}
