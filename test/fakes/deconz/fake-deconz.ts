/**
 * Scenario API over the fake gateway: change sensors, press buttons, rename, add, delete, revoke keys,
 * restart with changes made while clients are away. Every change pushes the frame deCONZ would push,
 * unless `silent` (a change nobody connected can see).
 */
import type { Kind, Resource, Values } from './gateway-state';
import { findResource, GatewayClock, groupStates } from './gateway-state';
import type { FakeDeconzOptions } from './server';
import { FakeDeconzServer } from './server';

export type { FakeDeconzOptions } from './server';

export interface ChangeOptions {
  /** Change the data without pushing (as if no client were connected). */
  silent?: boolean;
}

export class FakeDeconz extends FakeDeconzServer {
  readonly clock = new GatewayClock();

  unlock(): void {
    this.locked = false;
  }

  lock(): void {
    this.locked = true;
  }

  /** The user deleted the key in Phoscon: `/config` now gives only the public subset, the rest error 1. */
  revoke(key: string): void {
    this.keys.delete(key);
  }

  /** Sensors stamp `lastupdated` on every state change, as the gateway does. */
  setSensorState(id: string, changes: Values, opts: ChangeOptions = {}): void {
    this.change('sensors', id, 'state', { ...changes, lastupdated: this.clock.lastupdated() }, opts);
  }

  setSensorConfig(id: string, changes: Values, opts: ChangeOptions = {}): void {
    this.change('sensors', id, 'config', changes, opts);
  }

  setLightState(id: string, changes: Values, opts: ChangeOptions = {}): void {
    const before = groupStates(this.data);
    this.change('lights', id, 'state', changes, opts);
    // A change of `on` makes the plugin recalculate group any_on / all_on and push the groups that moved.
    const after = groupStates(this.data);
    for (const group of after) {
      const old = before.find((g) => g.id === group.id);
      if (JSON.stringify(old?.state) === JSON.stringify(group.state)) continue;
      this.change('groups', group.id, 'state', group.state, opts);
    }
  }

  setAlarmSystemState(id: string, changes: Values, opts: ChangeOptions = {}): void {
    this.change('alarmsystems', id, 'state', changes, opts);
  }

  /** One button event (push-on-set: the same code twice is two presses with different lastupdated). */
  press(id: string, buttonevent: number, extra: Values = {}, opts: ChangeOptions = {}): void {
    this.setSensorState(id, { buttonevent, ...extra }, opts);
  }

  /** websocketnotifyall re-send: the whole sub-object again, nothing in it changed. */
  resend(r: Kind, id: string, section: 'state' | 'config' = 'state'): void {
    const resource = this.require(r, id);
    this.push(this.frame(r, id, resource, { [section]: resource[section] ?? {} }));
  }

  /** The v2.30+ lastseen heartbeat of a device: `{"attr":{"lastseen":…}}` only. */
  lastseen(r: Kind, id: string): void {
    const resource = this.require(r, id);
    resource.lastseen = this.clock.lastseen();
    this.push(this.frame(r, id, resource, { attr: { lastseen: resource.lastseen } }));
  }

  /** A rename in Phoscon: `attr.name` (current deCONZ) or top-level `name` (legacy, and groups). */
  rename(
    r: Kind,
    id: string,
    name: string,
    style: 'attr' | 'legacy' = 'attr',
    opts: ChangeOptions = {},
  ): void {
    const resource = this.require(r, id);
    resource.name = name;
    if (opts.silent) return;
    const payload =
      style === 'attr' && r !== 'groups' ? { attr: { id, lastseen: resource.lastseen, name } } : { name };
    this.push(this.frame(r, id, resource, payload));
  }

  /** A newly paired sensor or light; `embedName: false` omits the name, as some captures do. */
  add(
    r: 'sensors' | 'lights' | 'groups',
    id: string,
    resource: Resource,
    opts: { embedName?: boolean } & ChangeOptions = {},
  ): void {
    this.data[r][id] = structuredClone(resource);
    if (opts.silent) return;
    const frame: Values = { e: 'added', id, r, t: 'event' };
    if (resource.uniqueid) frame.uniqueid = resource.uniqueid;
    if (r !== 'groups') {
      const embedded: Values = { ...structuredClone(resource) };
      if (opts.embedName === false) delete embedded.name;
      frame[r === 'sensors' ? 'sensor' : 'light'] = embedded;
    }
    this.push(frame);
  }

  remove(r: Kind, id: string, opts: ChangeOptions = {}): void {
    const resource = this.require(r, id);
    delete this.data[r][id];
    if (opts.silent) return;
    const frame: Values = { e: 'deleted', id, r, t: 'event' };
    if (resource.uniqueid) frame.uniqueid = resource.uniqueid;
    this.push(frame);
  }

  /** A Zigbee switch recalled a scene (REST recalls push nothing, as in the plugin). */
  sceneCalled(gid: string, scid: string): void {
    this.push({ e: 'scene-called', gid, r: 'scenes', scid, t: 'event' });
  }

  /** Cut every client (no close frame), like a network drop; the gateway keeps running. */
  dropClients(): void {
    for (const client of this.clients) client.terminate();
  }

  /**
   * deCONZ restarts: sockets and listeners go away, `whileDown` changes state nobody sees, then it
   * listens again on the same REST port (and, with `moveWsPort`, a new WebSocket port, as 2.31 may pick).
   */
  async restart(
    whileDown?: (gw: FakeDeconz) => void,
    opts: { downMs?: number; moveWsPort?: boolean } = {},
  ): Promise<void> {
    const restPort = this.restPort;
    const wsPort = this.layout === 'separate' && !opts.moveWsPort ? this.wsPort : 0;
    await this.stop();
    whileDown?.(this);
    if (opts.downMs) await new Promise((resolve) => setTimeout(resolve, opts.downMs));
    await this.start(restPort, wsPort);
  }

  async waitFor(pred: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`fake deCONZ: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  waitForClients(n = 1, timeoutMs = 5000): Promise<void> {
    return this.waitFor(() => this.clients.length >= n, timeoutMs, `${n} WebSocket client(s)`);
  }

  /** REST requests whose path matches, e.g. `/api/<key>/config`. */
  requestsTo(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  private change(
    r: Kind,
    id: string,
    section: 'state' | 'config',
    changes: Values,
    opts: ChangeOptions,
  ): void {
    const resource = this.require(r, id);
    const target = (resource[section] ??= {}) as Values;
    Object.assign(target, changes);
    if (opts.silent) return;
    const payload = this.notifyAll ? structuredClone(target) : changes;
    this.push(this.frame(r, id, resource, { [section]: payload }));
  }

  private frame(r: Kind, id: string, resource: Resource, payload: Values): Values {
    const frame: Values = { e: 'changed', id, r, t: 'event', ...payload };
    if (resource.uniqueid && (r === 'sensors' || r === 'lights')) frame.uniqueid = resource.uniqueid;
    return frame;
  }

  private require(r: Kind, id: string): Resource {
    const resource = findResource(this.data, r, id);
    if (!resource) throw new Error(`fake deCONZ: no ${r}/${id}`);
    return resource;
  }
}

export async function startFakeDeconz(opts: FakeDeconzOptions = {}): Promise<FakeDeconz> {
  const gw = new FakeDeconz(opts);
  await gw.start();
  return gw;
}
