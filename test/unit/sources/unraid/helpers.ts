import { readFileSync } from 'node:fs';
import type { HomeEvent } from '../../../../app/shared/home-event';
import { ContainerWatch } from '../../../../app/core/sources/unraid/container-watch';
import type { Sinks } from '../../../../app/core/sources/unraid/dispatch';
import type { ParityRecord } from '../../../../app/core/sources/unraid/protocol';
import { UnraidTracker } from '../../../../app/core/sources/unraid/tracker';

export interface Sample {
  _id: string;
  [key: string]: unknown;
}

const samples = JSON.parse(
  readFileSync(new URL('../../../fixtures/uma-samples.json', import.meta.url), 'utf8'),
) as Sample[];

export function sample(id: string): Sample {
  const found = samples.find((s) => s._id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return structuredClone(found);
}

/** The frame as the server sends it: the sample without its `_` annotations. */
export function frameText(id: string): string {
  const s = sample(id);
  return JSON.stringify(Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('_'))));
}

export interface TestRig {
  sinks: Sinks;
  tracker: UnraidTracker;
  watch: ContainerWatch;
  events: HomeEvent[];
  clock: { now: number };
  /** Runs timers that are due at the current clock. */
  runTimers(): void;
  types(): string[];
}

export function makeRig(
  opts: {
    holdMs?: number;
    settleMs?: number;
    parity?: ParityRecord;
    overrides?: { warningCelsius?: number };
  } = {},
): TestRig {
  const events: HomeEvent[] = [];
  const clock = { now: 1_000_000 };
  let timers: Array<{ at: number; fn: () => void }> = [];
  const emit = (batch: HomeEvent[]) => events.push(...batch);
  const log = () => {};
  const tracker = new UnraidTracker({
    sourceId: 'tower',
    now: () => clock.now,
    emit,
    settleMs: opts.settleMs ?? 120_000,
    thresholdOverrides: opts.overrides,
    fetchParityRecord: opts.parity ? async () => opts.parity : undefined,
    log,
  });
  const watch = new ContainerWatch({
    sourceId: 'tower',
    now: () => clock.now,
    setTimeout: (fn, ms) => timers.push({ at: clock.now + ms, fn }),
    emit,
    holdMs: opts.holdMs ?? 0,
    arraySuppression: () => tracker.arraySuppression(),
    log,
  });
  return {
    sinks: { sourceId: 'tower', tracker, watch, emit, log },
    tracker,
    watch,
    events,
    clock,
    runTimers() {
      const due = timers.filter((t) => t.at <= clock.now);
      timers = timers.filter((t) => t.at > clock.now);
      for (const t of due) t.fn();
    },
    types: () => events.map((e) => e.type),
  };
}
