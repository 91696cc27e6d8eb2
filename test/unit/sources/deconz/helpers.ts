import { readFileSync } from 'node:fs';
import { NameMap } from '../../../../app/core/sources/deconz/name-map';
import type { NormaliserDeps } from '../../../../app/core/sources/deconz/normalise';
import type { RestResource } from '../../../../app/core/sources/deconz/protocol';
import type { Snapshot } from '../../../../app/core/sources/deconz/resync';
import { applySnapshot } from '../../../../app/core/sources/deconz/resync';
import { StateTracker } from '../../../../app/core/sources/deconz/state-tracker';

const fixtures = new URL('../../../fixtures/', import.meta.url);

export type Sample = Record<string, unknown> & { _seq: number };

export function loadSamples(): Sample[] {
  const samples = JSON.parse(readFileSync(new URL('deconz-samples.json', fixtures), 'utf8')) as Sample[];
  return [...samples].sort((a, b) => a._seq - b._seq);
}

export function loadState(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('deconz-state.json', fixtures), 'utf8')) as Record<string, unknown>;
}

/** The fixture gateway as a REST snapshot, with the "All" group merged in under its event id. */
export function stateSnapshot(): Snapshot {
  const state = loadState();
  const groups = structuredClone(state.groups) as Record<string, RestResource>;
  const all = state._group0_response as RestResource;
  groups[all.id!] = all;
  return {
    sensors: structuredClone(state.sensors) as Record<string, RestResource>,
    lights: structuredClone(state.lights) as Record<string, RestResource>,
    groups,
    alarmsystems: structuredClone(state.alarmsystems) as Record<string, RestResource>,
  };
}

export function makeDeps(now = () => Date.UTC(2026, 0, 1, 12, 0, 0)): NormaliserDeps {
  return {
    sourceId: 'gw',
    names: new NameMap(now),
    tracker: new StateTracker(),
    now,
    options: { lowBatteryPercent: 20, includeClip: false },
  };
}

/** Deps primed with the fixture gateway (first snapshot: a silent baseline). */
export function primedDeps(): NormaliserDeps {
  const deps = makeDeps();
  applySnapshot(deps, stateSnapshot(), false);
  return deps;
}

/** Strip the fixture's documentation keys (`_seq`, `_source`…) so the frame is what a gateway sends. */
export function wire(sample: Sample): string {
  return JSON.stringify(Object.fromEntries(Object.entries(sample).filter(([k]) => !k.startsWith('_'))));
}
