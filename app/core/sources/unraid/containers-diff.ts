import type { ContainerInfo } from './protocol';
import type { Health } from './docker-status';
import { isExpectedExit, parseDockerStatus } from './docker-status';

/**
 * The current agent never streams Docker events, only a full container list every 30 s, so
 * start / stop / die / restart / health changes are worked out by comparing two snapshots.
 */

export type ContainerChangeKind = 'start' | 'stop' | 'die' | 'restart' | 'unhealthy' | 'healthy' | 'removed';

export interface ContainerChange {
  kind: ContainerChangeKind;
  name: string;
  id: string;
  image?: string;
  previousState: string;
  state: string;
  status: string;
  exitCode?: number;
  /** Looks like a deliberate stop (exit 0 or SIGTERM), not a crash. */
  expected?: boolean;
  restartCount?: number;
}

/** What we remember of one container between snapshots. */
export interface ContainerMemo {
  id: string;
  state: string;
  health?: Health;
  /** Docker fills restart_count only for running containers, so keep the last one seen running. */
  restartCount?: number;
  /** A restart was already reported from a `Restarting (n)` status; do not count it again. */
  restartReported: boolean;
}

export type ContainerMemory = Map<string, ContainerMemo>;

export interface DiffResult {
  changes: ContainerChange[];
  memory: ContainerMemory;
  /** Every running container went down in one snapshot: Docker itself is stopping. */
  bulkStop: boolean;
}

const UP = new Set(['running', 'paused']);
const DOWN = new Set(['exited', 'dead']);

export function diffContainers(previous: ContainerMemory | undefined, next: ContainerInfo[]): DiffResult {
  const memory: ContainerMemory = new Map();
  const changes: ContainerChange[] = [];
  for (const c of next) {
    const parsed = parseDockerStatus(c.status);
    const prev = previous?.get(c.name);
    const running = c.state === 'running';
    const memo: ContainerMemo = {
      id: c.id,
      state: c.state,
      health: parsed.health,
      restartCount: running && c.restart_count !== undefined ? c.restart_count : prev?.restartCount,
      restartReported: prev?.restartReported ?? false,
    };
    memory.set(c.name, memo);
    if (!prev) continue;
    const base = {
      name: c.name,
      id: c.id,
      image: c.image,
      previousState: prev.state,
      state: c.state,
      status: c.status,
    };

    if (UP.has(prev.state) && DOWN.has(c.state)) {
      const expected = c.state !== 'dead' && isExpectedExit(parsed.exitCode);
      changes.push({ ...base, kind: expected ? 'stop' : 'die', exitCode: parsed.exitCode, expected });
    } else if (UP.has(prev.state) && c.state === 'restarting') {
      changes.push({ ...base, kind: 'restart', exitCode: parsed.exitCode, expected: false });
      memo.restartReported = true;
    } else if (running && !UP.has(prev.state) && prev.state !== 'restarting') {
      changes.push({ ...base, kind: 'start' });
    } else if (
      running &&
      c.restart_count !== undefined &&
      prev.restartCount !== undefined &&
      c.restart_count > prev.restartCount &&
      !prev.restartReported
    ) {
      // Crashed and restarted between two polls: the count is the only trace.
      changes.push({ ...base, kind: 'restart', expected: false, restartCount: c.restart_count });
    }
    if (running) memo.restartReported = false;

    if (running && parsed.health === 'unhealthy' && prev.health !== 'unhealthy') {
      changes.push({ ...base, kind: 'unhealthy' });
    } else if (parsed.health === 'healthy' && prev.health === 'unhealthy') {
      changes.push({ ...base, kind: 'healthy' });
    }
  }
  for (const [name, prev] of previous ?? []) {
    if (!memory.has(name)) {
      changes.push({
        kind: 'removed',
        name,
        id: prev.id,
        previousState: prev.state,
        state: 'removed',
        status: '',
      });
    }
  }
  const stopped = changes.filter((c) => c.kind === 'stop' || c.kind === 'die').length;
  const stillRunning = next.some((c) => UP.has(c.state));
  return { changes, memory, bulkStop: stopped >= 2 && !stillRunning };
}
