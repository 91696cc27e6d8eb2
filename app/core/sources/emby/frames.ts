import type { SocketLink } from '../../connection/types';
import type { FrameHandler, HandleResult } from '../types';
import { libraryEvents, lookupNames, parseLibraryChange } from './library';
import type { NamedItem } from './library';
import { describeTimer } from './livetv';
import { normaliseMessage } from './normalise';
import { KEEPALIVE_MESSAGE, isRecord, parseEnvelope, str } from './protocol';
import type { Envelope } from './protocol';
import type { EmbyState } from './state';

/** An envelope as decoded at arrival, with the key its events are identified by. */
interface ArrivedMessage {
  env: Envelope;
  key: string;
}

type Handler = (env: Envelope, link: SocketLink, key: string) => HandleResult | Promise<HandleResult>;

/** A MessageId worth keying on: real servers send fresh GUIDs, test data sometimes all zeros. */
function usefulId(id: string | undefined): string | undefined {
  return id && !/^[0-]*$/.test(id) ? id : undefined;
}

/**
 * The frame half of an Emby / Jellyfin session: envelopes by MessageType, with REST look-ups for the
 * names and titles a push leaves out (new library items, scheduled recordings).
 */
export function createEmbyFrames(state: EmbyState): FrameHandler<ArrivedMessage> {
  const { ctx, rest, auth } = state;
  const { options, config } = ctx;
  const recentIds: string[] = [];
  let seq = 0;

  /** A frame delivered twice (the JS/Python clients guard against it too) is dropped the second time. */
  function isRepeat(id: string | undefined): boolean {
    if (!id) return false;
    if (recentIds.includes(id)) return true;
    recentIds.push(id);
    if (recentIds.length > 200) recentIds.shift();
    return false;
  }

  async function libraryChanged(env: Envelope, key: string): Promise<HandleResult> {
    const change = parseLibraryChange(env.Data);
    let names: NamedItem[] = [];
    const ids = change.added.slice(0, options.nameLookups);
    if (ids.length > 0) {
      try {
        names = await lookupNames((path) => rest.get(path, { timeoutMs: 5000 }), ids, auth.userId);
      } catch (err) {
        ctx.log.debug(`${config.id}: item names unavailable: ${String(err)}`);
      }
    }
    return libraryEvents(state.eventContext(), env, key, change, names);
  }

  /** Live TV: a scheduled recording is worth its programme name; the lookup is best effort. */
  async function timerCreated(env: Envelope, key: string, kind: 'Timers' | 'SeriesTimers') {
    const events = normaliseMessage(env, state.eventContext(), key);
    const timerId = isRecord(env.Data) ? str(env.Data.Id) : undefined;
    if (timerId && events[0]) {
      try {
        const timer = await rest.get<unknown>(`/LiveTv/${kind}/${encodeURIComponent(timerId)}`, {
          timeoutMs: 5000,
        });
        events[0] = describeTimer(events[0], timer);
      } catch (err) {
        ctx.log.debug(`${config.id}: timer ${timerId} unavailable: ${String(err)}`);
      }
    }
    return events;
  }

  const handlers: Record<string, Handler> = {
    ForceKeepAlive: (_env, link) => void link.send(KEEPALIVE_MESSAGE),
    KeepAlive: () => {},
    Sessions: (env) => state.playback.update(env.Data, state.eventContext()),
    // A signal only; the catch-up runs beside the frames (serialised on its own), not in their order.
    ActivityLogEntry: () => void (state.activityDenied ? undefined : state.activity.sync()),
    ScheduledTasksInfo: (env) => state.tasks.info(env.Data, state.eventContext()),
    ScheduledTaskEnded: (env) => state.tasks.ended(env.Data, state.eventContext()),
    LibraryChanged: (env, _link, key) => libraryChanged(env, key),
    TimerCreated: (env, _link, key) => timerCreated(env, key, 'Timers'),
    SeriesTimerCreated: (env, _link, key) => timerCreated(env, key, 'SeriesTimers'),
  };

  return {
    decode(value) {
      const env = parseEnvelope(value);
      const id = usefulId(env.MessageId);
      // Keepalives are answered every time, whatever their MessageId.
      if (env.MessageType !== 'ForceKeepAlive' && isRepeat(id)) return undefined;
      return { env, key: id ? `msg:${id}` : `msg:${ctx.now()}:${seq++}` };
    },
    handle({ env, key }, link) {
      const handler = Object.hasOwn(handlers, env.MessageType) ? handlers[env.MessageType] : undefined;
      return handler ? handler(env, link, key) : normaliseMessage(env, state.eventContext(), key);
    },
  };
}
