import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import type { NameMap, ResourceInfo } from './name-map';
import { deviceOf } from './protocol';

/** Everything the normaliser reads besides the frame. */
export interface NormaliseDeps {
  sourceId: string;
  names: NameMap;
  now: () => number;
}

export interface Subject {
  r: string;
  id: string;
  info?: ResourceInfo;
  /** The frame's uniqueid, which wins over the cached one (authoritative per the plugin). */
  uniqueid?: string;
}

const ENTITY_KIND: Record<string, string> = {
  sensors: 'sensor',
  lights: 'light',
  groups: 'group',
  alarmsystems: 'alarm system',
  scenes: 'scene',
};

export interface EventSpec {
  type: string;
  severity: Severity;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  raw: unknown;
  /** Part of the stable id: the same happening (same lastupdated, same value) keeps the same id. */
  stamp: string;
  time?: number;
  sample?: boolean;
}

export function makeEvent(deps: NormaliseDeps, subject: Subject, spec: EventSpec): SourceEvent {
  const name = deps.names.nameOf(subject.r, subject.id);
  const uniqueid = subject.uniqueid ?? subject.info?.uniqueid;
  const data: Record<string, unknown> = {
    resource: subject.r,
    resourceId: subject.id,
    ...(uniqueid ? { uniqueid, device: deviceOf(uniqueid) } : {}),
    ...(subject.info?.type ? { resourceType: subject.info.type } : {}),
    ...(subject.info?.modelid ? { modelid: subject.info.modelid } : {}),
    ...spec.data,
  };
  const event: SourceEvent = {
    id: `${deps.sourceId}|${subject.r}/${subject.id}|${spec.type}|${spec.stamp}`,
    type: spec.type,
    time: spec.time ?? deps.now(),
    // Rules key on uniqueid where there is one: it survives renames and id renumbering.
    entity: { id: uniqueid ?? `${subject.r}/${subject.id}`, name, kind: ENTITY_KIND[subject.r] ?? subject.r },
    severity: spec.severity,
    title: spec.title,
    body: spec.body,
    data,
    raw: spec.raw,
  };
  if (spec.sample) event.sample = true;
  return event;
}

/** "Front Door (ZHAOpenClose)" for bodies. */
export function describeSubject(deps: NormaliseDeps, subject: Subject): string {
  const name = deps.names.nameOf(subject.r, subject.id);
  const type = subject.info?.type;
  return type ? `${name} (${type})` : name;
}

export function capitalise(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
