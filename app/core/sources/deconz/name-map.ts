import type { RestResource } from './protocol';

/** What we know about one resource besides its state. */
export interface ResourceInfo {
  name: string;
  type?: string;
  modelid?: string;
  uniqueid?: string;
  /** Groups only: scene id → name, for `scene-called`. */
  scenes?: Map<string, string>;
}

interface Tombstone {
  info: ResourceInfo;
  until: number;
}

/** The built-in "All" group: `/groups/0` in REST, its Zigbee address (usually 65520) in events. */
export const ALL_GROUP_NAME = 'All';

const SINGULAR: Record<string, string> = {
  sensors: 'Sensor',
  lights: 'Light',
  groups: 'Group',
  alarmsystems: 'Alarm system',
};

const key = (r: string, id: string) => `${r}/${id}`;

/**
 * Names of sensors, lights, groups and alarm systems by id: frames carry only ids. Deleted resources keep
 * a tombstone for a while so late frames about them still read well.
 */
export class NameMap {
  private readonly entries = new Map<string, ResourceInfo>();
  private readonly tombstones = new Map<string, Tombstone>();

  constructor(
    private readonly now: () => number,
    private readonly tombstoneMs = 10 * 60_000,
  ) {}

  has(r: string, id: string): boolean {
    return this.entries.has(key(r, id));
  }

  get(r: string, id: string): ResourceInfo | undefined {
    const k = key(r, id);
    const live = this.entries.get(k);
    if (live) return live;
    const dead = this.tombstones.get(k);
    if (dead && dead.until > this.now()) return dead.info;
    if (dead) this.tombstones.delete(k);
    return undefined;
  }

  /** Always a readable name: the known one, else "Sensor 10". */
  nameOf(r: string, id: string): string {
    return this.get(r, id)?.name ?? `${SINGULAR[r] ?? r} ${id}`;
  }

  sceneName(groupId: string, sceneId: string): string | undefined {
    return this.get('groups', groupId)?.scenes?.get(sceneId);
  }

  /** Insert or update from a REST object; a missing name keeps the one we had. */
  upsert(r: string, id: string, resource: RestResource): ResourceInfo {
    const previous = this.entries.get(key(r, id));
    const info: ResourceInfo = {
      name: nonEmpty(resource.name) ?? previous?.name ?? this.nameOf(r, id),
      type: resource.type ?? previous?.type,
      modelid: resource.modelid ?? previous?.modelid,
      uniqueid: resource.uniqueid ?? previous?.uniqueid,
      scenes: resource.scenes
        ? new Map(resource.scenes.map((s) => [s.id, nonEmpty(s.name) ?? `scene ${s.id}`]))
        : previous?.scenes,
    };
    this.entries.set(key(r, id), info);
    this.tombstones.delete(key(r, id));
    return info;
  }

  rename(r: string, id: string, name: string): boolean {
    const trimmed = nonEmpty(name);
    if (!trimmed) return false;
    const info = this.entries.get(key(r, id));
    if (!info) {
      this.entries.set(key(r, id), { name: trimmed });
      return true;
    }
    if (info.name === trimmed) return false;
    info.name = trimmed;
    return true;
  }

  remove(r: string, id: string): ResourceInfo | undefined {
    const k = key(r, id);
    const info = this.entries.get(k);
    if (!info) return undefined;
    this.entries.delete(k);
    this.tombstones.set(k, { info, until: this.now() + this.tombstoneMs });
    return info;
  }

  /** Replace one kind wholesale after a REST listing; vanished ids become tombstones. */
  replaceAll(r: string, resources: Record<string, RestResource>): void {
    const now = this.now();
    for (const [k, dead] of this.tombstones) if (dead.until <= now) this.tombstones.delete(k);
    for (const k of [...this.entries.keys()]) {
      const [kind, id] = splitKey(k);
      if (kind === r && !Object.hasOwn(resources, id)) this.remove(r, id);
    }
    for (const [id, resource] of Object.entries(resources)) this.upsert(r, id, resource);
  }

  ids(r: string): string[] {
    return [...this.entries.keys()]
      .map(splitKey)
      .filter(([kind]) => kind === r)
      .map(([, id]) => id);
  }
}

function splitKey(k: string): [string, string] {
  const slash = k.indexOf('/');
  return [k.slice(0, slash), k.slice(slash + 1)];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
