import type { SourceEvent } from '../types';
import type { ContainerMemory } from './containers-diff';
import { diffContainers } from './containers-diff';
import { containerEvent, makeEvent } from './normalise';
import type { ContainerInfo } from './protocol';

export interface WatchDeps {
  sourceId: string;
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  emit(events: SourceEvent[]): void;
  /** Container alerts wait this long, so an array or Docker stop that follows can still swallow them. */
  holdMs: number;
  /** Why array-level suppression is on right now (array stopped or just changed state), if it is. */
  arraySuppression(): string | undefined;
  log(message: string): void;
}

type DropWhen = 'array' | 'array-or-docker';

/**
 * Turns container snapshots (current agent) or Docker events (legacy agent) into events, holding
 * per-container alerts back while the array or Docker itself goes down: the user gets one
 * "array stopped" / "Docker stopped" instead of thirty container stops.
 */
export class ContainerWatch {
  private memory: ContainerMemory | undefined;
  /** false once Docker looks down (empty list, source_status unavailable, or every container stopped at once). */
  private dockerUp = true;
  private dockerSourceUnavailable = false;

  constructor(private readonly deps: WatchDeps) {}

  /** One `container_list_update` (or REST `/docker`) snapshot. */
  snapshot(list: ContainerInfo[], time: number, raw: unknown): void {
    if (list.length === 0) {
      // The agent publishes [] when it cannot reach Docker: that is "Docker down", not "all stopped".
      const hadRunning = [...(this.memory?.values() ?? [])].some((m) => m.state === 'running');
      if (this.dockerUp && hadRunning) this.queue([this.dockerEvent('stopped', time, raw, [])], 'array');
      this.dockerUp = false;
      return;
    }
    if (!this.dockerUp) {
      // Re-seed while Docker is down or coming back: containers that stay stopped are not news.
      // Docker already down at the first list is part of the silent seed: its return is not news either.
      const seeding = this.memory === undefined;
      this.memory = diffContainers(undefined, list).memory;
      if (list.some((c) => c.state === 'running')) {
        this.dockerUp = true;
        if (!seeding) this.queue([this.dockerEvent('started', time, raw, list)], 'array');
      }
      return;
    }
    const diff = diffContainers(this.memory, list);
    const seeding = this.memory === undefined;
    this.memory = diff.memory;
    if (seeding || diff.changes.length === 0) return;
    const why =
      this.deps.arraySuppression() ?? (this.dockerSourceUnavailable ? 'Docker is unavailable' : undefined);
    if (why) {
      this.deps.log(`holding back ${diff.changes.length} container change(s): ${why}`);
      return;
    }
    if (diff.bulkStop) {
      const stopped = diff.changes.filter((c) => c.kind === 'stop' || c.kind === 'die').map((c) => c.name);
      this.dockerUp = false;
      this.queue([this.dockerEvent('stopped', time, raw, [], stopped)], 'array');
      return;
    }
    // Each event keeps only its own container as raw, not the whole list of thirty.
    const byName = new Map(list.map((c) => [c.name, c]));
    this.queue(
      diff.changes.map((c) =>
        containerEvent(this.deps.sourceId, c, time, byName.get(c.name) ?? { name: c.name }),
      ),
      'array-or-docker',
    );
  }

  /** A legacy `docker_event`, already normalised: same suppression as derived changes. */
  legacyEvent(event: SourceEvent): void {
    const why = this.deps.arraySuppression();
    if (why) {
      this.deps.log(`holding back ${event.type} for ${event.entity?.name ?? '?'}: ${why}`);
      return;
    }
    this.queue([event], 'array-or-docker');
  }

  /** `source_status_changed` for subsystem docker. */
  dockerSource(state: string): void {
    this.dockerSourceUnavailable = state === 'unavailable';
  }

  private queue(events: SourceEvent[], dropWhen: DropWhen): void {
    const release = () => {
      const why =
        this.deps.arraySuppression() ??
        (dropWhen === 'array-or-docker' && (!this.dockerUp || this.dockerSourceUnavailable)
          ? 'Docker stopped'
          : undefined);
      if (why) {
        this.deps.log(`dropped ${events.length} held container event(s): ${why}`);
        return;
      }
      this.deps.emit(events);
    };
    if (this.deps.holdMs <= 0) release();
    else this.deps.setTimeout(release, this.deps.holdMs);
  }

  private dockerEvent(
    what: 'stopped' | 'started',
    time: number,
    raw: unknown,
    list: ContainerInfo[],
    stopped: string[] = [],
  ): SourceEvent {
    const running = list.filter((c) => c.state === 'running').length;
    return makeEvent(this.deps.sourceId, {
      type: `unraid.docker-service.${what}`,
      time,
      entity: { id: 'docker', name: 'Docker', kind: 'service' },
      severity: what === 'stopped' ? 'warning' : 'info',
      title: what === 'stopped' ? 'Docker stopped' : 'Docker started',
      body:
        what === 'stopped'
          ? stopped.length > 0
            ? `All ${stopped.length} running containers stopped: ${stopped.join(', ')}`
            : 'The Docker service is not running; container alerts are paused'
          : `${running} container(s) running`,
      data: { state: what, containers: stopped.length > 0 ? stopped : undefined, running },
      raw,
    });
  }
}
