import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HomeEvent, Severity } from '../../../app/shared/home-event';
import type { Decision } from '../../../app/shared/rules';

export function makeEvent(n: number, over: Partial<HomeEvent> = {}): HomeEvent {
  return {
    id: `ev-${n}`,
    sourceId: n % 2 === 0 ? 'nas' : 'tv',
    sourceKind: n % 2 === 0 ? 'unraid' : 'tvheadend',
    type: n % 2 === 0 ? 'unraid.docker.stop' : 'tvheadend.dvr.failed',
    time: 1_700_000_000_000 + n,
    entity: { id: `e${n}`, name: `Entity ${n}` },
    severity: (['info', 'warning', 'critical'] as Severity[])[n % 3]!,
    title: `Title ${n}`,
    body: `Body of event ${n}`,
    raw: { n, nested: { list: [1, 2, 3] } },
    ...over,
  };
}

export function makeDecision(n: number): Decision {
  const action = (['notify', 'record', 'drop'] as const)[n % 3]!;
  return { action, ruleId: `rule-${n % 4}`, reason: `because ${n}` };
}

export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-history-'));
  return {
    dir,
    file: path.join(dir, 'history.jsonl'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every line of the file, parsed; throws on a line that is not JSON. */
export function fileLines(file: string): unknown[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

export const BIG_RETENTION = { maxEntries: 1_000_000, maxAgeDays: 3650 };
