import { readFileSync } from 'node:fs';
import type { EventContext } from '../../../../app/core/sources/emby/event-factory';

interface Sample {
  _id: string;
  frame: Record<string, unknown>;
}

const dir = new URL('../../../fixtures/emby/', import.meta.url);
const samples = JSON.parse(readFileSync(new URL('push-frames.json', dir), 'utf8')) as Sample[];
export const restSamples = JSON.parse(readFileSync(new URL('rest-samples.json', dir), 'utf8')) as Record<
  string,
  unknown
>;

/** The transcribed frame with this id, as the text the socket would deliver. */
export function frameText(id: string): string {
  return JSON.stringify(frame(id));
}

export function frame(id: string): Record<string, unknown> {
  const sample = samples.find((s) => s._id === id);
  if (!sample) throw new Error(`no sample ${id}`);
  return sample.frame;
}

export function allSampleIds(): string[] {
  return samples.map((s) => s._id);
}

export function eventContext(patch: Partial<EventContext> = {}): EventContext {
  return {
    sourceId: 'jf',
    sourceName: 'Jellyfin',
    flavour: 'jellyfin',
    base: 'http://jf.local:8096',
    now: 1_700_000_000_000,
    ...patch,
  };
}
