import { readFileSync } from 'node:fs';

/** The recorded frames and API answers from a real Tvheadend (see docs/protocols/tvheadend.md §9). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous recording, read by path in tests
export const samples: any = JSON.parse(
  readFileSync(new URL('../../../fixtures/tvheadend-samples.json', import.meta.url), 'utf8'),
);

export interface RecordedFrame {
  t_rel_s: number;
  conn: string;
  frame: { boxid?: string; messages: Record<string, unknown>[] };
}

/** Every recorded websocket frame in the samples, wherever it sits. */
export function allFrames(): RecordedFrame[] {
  const out: RecordedFrame[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.frame && typeof o.frame === 'object') out.push(o as unknown as RecordedFrame);
      else Object.values(o).forEach(walk);
    }
  };
  walk(samples);
  return out;
}

/** `STATE-CHANGE {json}` lines recorded as raw text. */
export function stateChanges(scenario: string): unknown[] {
  return (samples[scenario].http as { raw?: string }[])
    .filter((h) => h.raw?.startsWith('STATE-CHANGE '))
    .map((h) => JSON.parse(h.raw!.slice('STATE-CHANGE '.length)));
}
