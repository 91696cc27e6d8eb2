import type { SourceEvent } from '../types';
import { isRecord, str } from './protocol';

/**
 * `TimerCreated` carries only ids; `GET /LiveTv/Timers/{id}` (or `/SeriesTimers/{id}`) names the
 * programme, channel and start, which is what a person wants to read.
 */
export function describeTimer(event: SourceEvent, timer: unknown): SourceEvent {
  if (!isRecord(timer)) return event;
  const name = str(timer.Name);
  if (!name) return event;
  const channel = str(timer.ChannelName);
  const start = str(timer.StartDate);
  const when =
    start && Number.isFinite(Date.parse(start)) ? new Date(Date.parse(start)).toLocaleString() : undefined;
  return {
    ...event,
    title: `${event.title}: ${name}`,
    body: [channel, when].filter(Boolean).join(', '),
    entity: { id: event.entity?.id ?? name, name, kind: 'timer' },
    data: { ...event.data, programName: name, channelName: channel ?? null, startDate: start ?? null },
  };
}
