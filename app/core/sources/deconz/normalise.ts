import type { SourceEvent } from '../types';
import { decodeButtonEvent, describeGesture } from './buttons';
import type { ChangeDeps, Origin } from './changes';
import { changeEvents } from './changes';
import type { Subject } from './events';
import { describeSubject, makeEvent } from './events';
import type { Frame, ResourceKind, Values } from './protocol';
import { FrameSchema, isResourceKind, parseLastUpdated, RestResourceSchema } from './protocol';
import { keypadOutcome } from './transitions';

export interface NormaliserOptions {
  lowBatteryPercent: number;
  /** CLIP sensors are virtual, user-made ones: noise unless asked for. */
  includeClip: boolean;
}

export interface NormaliserDeps extends ChangeDeps {
  options: NormaliserOptions;
}

/** Reads one frame (JSON-decoded by the frame pipeline); throws with a readable reason when it is not a deCONZ event. */
export function parseFrame(json: unknown): Frame {
  const parsed = FrameSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`not a deCONZ event frame: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data;
}

/** Frames about these never notify: the Daylight clock and (unless enabled) virtual CLIP sensors. */
export function isNoise(deps: NormaliserDeps, r: string, id: string): boolean {
  if (r !== 'sensors') return false;
  const type = deps.names.get(r, id)?.type ?? '';
  return type === 'Daylight' || (!deps.options.includeClip && type.startsWith('CLIP'));
}

/**
 * One push frame → events. Keeps the name map and state cache current as a side effect. Frames for ids
 * the name map does not know should be resolved (REST) by the caller first; they still work without.
 */
export interface FrameContext {
  /** The frame arrived while the post-connect snapshot was loading (it is live, not part of the snapshot). */
  duringSnapshot?: boolean;
}

export function normaliseFrame(deps: NormaliserDeps, frame: Frame, fc: FrameContext = {}): SourceEvent[] {
  if (frame.t !== undefined && frame.t !== 'event') return [];
  if (frame.e === 'scene-called') return sceneCalled(deps, frame);
  if (!isResourceKind(frame.r) || frame.id === undefined) return [];
  const r = frame.r;
  const id = frame.id;
  switch (frame.e) {
    case 'changed':
      return changed(deps, frame, r, id, fc);
    case 'added':
      return added(deps, frame, r, id);
    case 'deleted':
      return deleted(deps, frame, r, id);
    default:
      return [];
  }
}

function changed(
  deps: NormaliserDeps,
  frame: Frame,
  r: ResourceKind,
  id: string,
  fc: FrameContext,
): SourceEvent[] {
  // Renames come as a top-level `name` (legacy, and groups) or inside `attr` (since 2020). Neither notifies;
  // `attr.lastseen` alone is the v2.30+ heartbeat of a device and carries nothing for us either.
  const newName = frame.name ?? (typeof frame.attr?.name === 'string' ? frame.attr.name : undefined);
  if (newName !== undefined) deps.names.rename(r, id, newName);
  const subject: Subject & { r: ResourceKind } = {
    r,
    id,
    info: deps.names.get(r, id),
    uniqueid: frame.uniqueid,
  };
  const noise = isNoise(deps, r, id);
  const events: SourceEvent[] = [];
  if (frame.state) {
    const origin = liveOrigin(frame, frame.state);
    const stateless = noise ? [] : statelessEvents(deps, subject, frame.state, origin, fc);
    const level = changeEvents(deps, subject, 'state', frame.state, origin);
    events.push(...stateless, ...(noise ? [] : level));
  }
  if (frame.config) {
    const level = changeEvents(deps, subject, 'config', frame.config, liveOrigin(frame, frame.config));
    if (!noise) events.push(...level);
  }
  return events;
}

function liveOrigin(frame: Frame, values: Values): Origin {
  return {
    offline: false,
    raw: frame,
    lastupdated: values.lastupdated,
    lastupdatedMs: parseLastUpdated(values.lastupdated),
  };
}

/** Push-on-set values: each new (lastupdated, value) pair is one happening, never a level. */
function statelessEvents(
  deps: NormaliserDeps,
  subject: Subject & { r: ResourceKind },
  state: Values,
  origin: Origin,
  fc: FrameContext,
) {
  const events: SourceEvent[] = [];
  const { tracker, names } = deps;
  const name = names.nameOf(subject.r, subject.id);
  const fresh = (key: string, value: unknown) =>
    tracker.isNewStateless(subject.r, subject.id, key, value, state.lastupdated, fc.duringSnapshot);
  const stamp = typeof state.lastupdated === 'string' ? state.lastupdated : String(deps.now());

  if (
    subject.r === 'sensors' &&
    typeof state.buttonevent === 'number' &&
    fresh('buttonevent', state.buttonevent)
  ) {
    const gesture = decodeButtonEvent(state.buttonevent, state.gesture);
    const words = describeGesture(gesture);
    events.push(
      makeEvent(deps, subject, {
        type: 'deconz.button',
        severity: 'info',
        title: `${name}: ${words}`,
        body: `${describeSubject(deps, subject)}: ${words} (code ${gesture.code}).`,
        data: {
          key: 'buttonevent',
          code: gesture.code,
          button: gesture.button,
          action: gesture.action,
          gesture: gesture.label,
          ...pick(state, ['gesture', 'eventduration', 'angle', 'xy']),
        },
        raw: origin.raw,
        stamp: `${stamp}|${state.buttonevent}`,
      }),
    );
  }
  if (subject.r === 'sensors' && typeof state.action === 'string' && fresh('action', state.action)) {
    const outcome = keypadOutcome(state.action);
    events.push(
      makeEvent(deps, subject, {
        type: outcome.type,
        severity: outcome.severity,
        title: `${name}: ${outcome.words}`,
        body: `${describeSubject(deps, subject)}: ${outcome.words}.`,
        data: { key: 'action', action: state.action, ...pick(state, ['panel', 'seconds_remaining']) },
        raw: origin.raw,
        stamp: `${stamp}|${state.action}`,
      }),
    );
  }
  if (
    subject.r === 'sensors' &&
    typeof state.presenceevent === 'string' &&
    fresh('presenceevent', state.presenceevent)
  ) {
    events.push(
      makeEvent(deps, subject, {
        type: 'deconz.sensor.presenceevent',
        severity: 'info',
        title: `${name}: ${state.presenceevent.replace(/_/g, ' ')}`,
        body: `${describeSubject(deps, subject)} reports presence event "${state.presenceevent}".`,
        data: { key: 'presenceevent', presenceEvent: state.presenceevent },
        raw: origin.raw,
        stamp: `${stamp}|${state.presenceevent}`,
      }),
    );
  }
  if (
    subject.r === 'sensors' &&
    typeof state.rotaryevent === 'number' &&
    fresh('rotaryevent', state.rotaryevent)
  ) {
    events.push(
      makeEvent(deps, subject, {
        type: 'deconz.rotary',
        severity: 'info',
        title: `${name}: ${state.rotaryevent === 1 ? 'rotation started' : state.rotaryevent === 2 ? 'rotating' : 'rotation stopped'}`,
        body: `${describeSubject(deps, subject)} rotary event ${state.rotaryevent}.`,
        data: {
          key: 'rotaryevent',
          rotaryEvent: state.rotaryevent,
          ...pick(state, ['expectedrotation', 'expectedeventduration']),
        },
        raw: origin.raw,
        stamp: `${stamp}|${state.rotaryevent}`,
      }),
    );
  }
  return events;
}

function added(deps: NormaliserDeps, frame: Frame, r: ResourceKind, id: string): SourceEvent[] {
  const embedded = frame.sensor ?? frame.light ?? frame.group;
  const parsed = RestResourceSchema.safeParse({
    ...embedded,
    ...(frame.uniqueid ? { uniqueid: frame.uniqueid } : {}),
  });
  const info = deps.names.upsert(r, id, parsed.success ? parsed.data : {});
  const state = embedded?.state;
  const config = embedded?.config;
  // The new resource's current values are a baseline, not news.
  if (isValues(state)) {
    deps.tracker.apply(r, id, 'state', state);
    for (const key of ['buttonevent', 'action', 'presenceevent', 'rotaryevent']) {
      deps.tracker.seedStateless(r, id, key, state[key], state.lastupdated);
    }
  }
  if (isValues(config)) deps.tracker.apply(r, id, 'config', config);
  const subject: Subject = { r, id, info, uniqueid: frame.uniqueid };
  const kind = r === 'sensors' ? 'sensor' : r === 'lights' ? 'light' : r === 'groups' ? 'group' : 'resource';
  return [
    makeEvent(deps, subject, {
      type: 'deconz.device.added',
      severity: 'info',
      title: `${info.name}: new ${kind} added`,
      body: `${describeSubject(deps, subject)} was added to the gateway.`,
      raw: frame,
      stamp: String(deps.now()),
    }),
  ];
}

function deleted(deps: NormaliserDeps, frame: Frame, r: ResourceKind, id: string): SourceEvent[] {
  const info = deps.names.get(r, id);
  const subject: Subject = { r, id, info, uniqueid: frame.uniqueid };
  const event = makeEvent(deps, subject, {
    type: 'deconz.device.deleted',
    severity: 'info',
    title: `${deps.names.nameOf(r, id)}: removed`,
    body: `${describeSubject(deps, subject)} was removed from the gateway.`,
    raw: frame,
    stamp: String(deps.now()),
  });
  deps.names.remove(r, id);
  deps.tracker.remove(r, id);
  return [event];
}

function sceneCalled(deps: NormaliserDeps, frame: Frame): SourceEvent[] {
  if (frame.gid === undefined || frame.scid === undefined) return [];
  const subject: Subject = { r: 'groups', id: frame.gid, info: deps.names.get('groups', frame.gid) };
  const group = deps.names.nameOf('groups', frame.gid);
  const scene = deps.names.sceneName(frame.gid, frame.scid) ?? `scene ${frame.scid}`;
  return [
    makeEvent(deps, subject, {
      type: 'deconz.scene.called',
      severity: 'info',
      title: `${group}: scene "${scene}" called`,
      body: `A switch recalled scene "${scene}" in ${group}.`,
      data: { groupId: frame.gid, sceneId: frame.scid, scene },
      raw: frame,
      stamp: `${deps.now()}|${frame.scid}`,
    }),
  ];
}

function pick(values: Values, keys: string[]): Values {
  const out: Values = {};
  for (const k of keys) if (values[k] !== undefined) out[k] = values[k];
  return out;
}

function isValues(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
