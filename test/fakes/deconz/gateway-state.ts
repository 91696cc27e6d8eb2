/**
 * The fake gateway's data: resources loaded from test/fixtures/deconz-state.json, and the frames deCONZ
 * would push when they change (keys sorted as deCONZ's QVariantMap serialises them; with
 * `websocketnotifyall` the whole sub-object, otherwise only the changed keys).
 */
import { readFileSync } from 'node:fs';

export type Values = Record<string, unknown>;
export type Resource = Values & { name?: string; uniqueid?: string; state?: Values; config?: Values };
export type Kind = 'sensors' | 'lights' | 'groups' | 'alarmsystems';

export interface GatewayData {
  config: Values;
  basicConfig: Values;
  sensors: Record<string, Resource>;
  lights: Record<string, Resource>;
  groups: Record<string, Resource>;
  /** `GET /groups/0`: the "All" group, whose events use its Zigbee address as id (65520). */
  group0: Resource;
  alarmsystems: Record<string, Resource>;
}

const FIXTURE = new URL('../../fixtures/deconz-state.json', import.meta.url);

export function loadGatewayData(): GatewayData {
  const raw = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  const clone = <T>(v: unknown) => structuredClone(v) as T;
  const basic = clone<Values>(raw._basic_config_without_key);
  delete basic._note;
  const group0 = clone<Resource>(raw._group0_response);
  delete group0._note;
  return {
    config: clone<Values>(raw.config),
    basicConfig: basic,
    sensors: clone(raw.sensors),
    lights: clone(raw.lights),
    groups: clone(raw.groups),
    group0,
    alarmsystems: clone(raw.alarmsystems),
  };
}

/** deCONZ sends keys in alphabetical order; keeping that makes frames look like the captures. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted((value as Values)[k])]),
  );
}

/** Strictly increasing gateway clock: two presses in one millisecond still get distinct lastupdated. */
export class GatewayClock {
  private last = 0;

  /** `yyyy-MM-ddTHH:mm:ss.zzz`, UTC without a zone, as deCONZ writes `lastupdated`. */
  lastupdated(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString().replace('Z', '');
  }

  /** `lastseen`: UTC with Z, minute resolution. */
  lastseen(): string {
    return `${new Date().toISOString().slice(0, 16)}Z`;
  }
}

export function findResource(data: GatewayData, r: Kind, id: string): Resource | undefined {
  if (r === 'groups' && id === String(data.group0.id)) return data.group0;
  return data[r][id];
}

/** Group any_on / all_on follow their member lights, as the plugin recalculates them. */
export function groupStates(data: GatewayData): { id: string; state: Values }[] {
  const out: { id: string; state: Values }[] = [];
  const all = [...Object.entries(data.groups), [String(data.group0.id), data.group0] as [string, Resource]];
  for (const [id, group] of all) {
    const members = ((group.lights as string[] | undefined) ?? []).map((l) => data.lights[l]).filter(Boolean);
    const on = members.map((l) => l!.state?.on === true);
    const state = { all_on: on.length > 0 && on.every(Boolean), any_on: on.some(Boolean) };
    out.push({ id, state });
  }
  return out;
}
