import type { SourceContext, SourceEvent, SourceSession } from '../types';
import { TvhApi } from './api';
import { TvheadendConnection } from './connection';
import { HttpAuth } from './digest-auth';
import { DiskMonitor } from './disk-monitor';
import { diskEvent, epgDvrEvent, logEvent, type EventBase } from './events';
import { LogErrorFilter } from './log-filter';
import { TvheadendLookups, describe } from './lookups';
import {
  DEFAULT_LOG_ERROR_PATTERN,
  parseFrame,
  parseLogLine,
  summariseFrame,
  type FrameSummary,
} from './normalise';
import type { TvheadendOptions } from './options';
import { tvhUrls } from './urls';

export { NO_COMET_WS } from './connection';

/** A comet frame as decoded at arrival: what it asks for, and whether it came in a new mailbox. */
interface ArrivedFrame {
  summary: FrameSummary;
  mailboxReplaced: boolean;
}

/**
 * One Tvheadend source: the connection (auth, mailbox) and the frame handling, where REST look-ups
 * turn the comet invalidations into transitions. The frame pipeline hands frames over one at a time,
 * in order, so a slow look-up cannot reorder what happened.
 */
export function createTvheadendSession(ctx: SourceContext<TvheadendOptions>): SourceSession<ArrivedFrame> {
  const o = ctx.options;
  const urls = tvhUrls(ctx.config.url);
  const auth = new HttpAuth(o.username, ctx.secrets.password ?? '', o.auth);
  const connection = new TvheadendConnection(ctx, urls, auth);
  const base = (): EventBase => ({ sourceId: ctx.config.id, webUrl: urls.web, now: ctx.now() });
  const lookups = new TvheadendLookups(ctx, new TvhApi(ctx.http, urls.http, auth), base);
  const disk = new DiskMonitor(o.diskLowGiB);
  const logFilter = new LogErrorFilter(new RegExp(o.logErrorPattern ?? DEFAULT_LOG_ERROR_PATTERN, 'i'));
  let address: string | undefined;

  const checkDisk = (freeBytes: number, totalBytes: number | undefined) => {
    const reading = disk.update(freeBytes, totalBytes);
    if (reading) ctx.emit([diskEvent(base(), reading, o.diskLowGiB, disk.clearGiB)]);
  };

  const logEvents = (lines: string[]): SourceEvent[] => {
    if (!o.logErrors || lines.length === 0) return [];
    const b = base();
    return lines.flatMap((logtxt) => {
      const line = parseLogLine(logtxt);
      return logFilter.accept(line, logtxt, address, b.now) ? [logEvent(b, line, logtxt)] : [];
    });
  };

  const epgUpdate = async (eventId: string) => {
    let epg;
    try {
      epg = await lookups.epgEvent(eventId);
    } catch (err) {
      ctx.log.debug(`tvheadend: EPG event ${eventId} lookup failed: ${describe(err)}`);
    }
    ctx.emit([epgDvrEvent(base(), eventId, epg)]);
  };

  return {
    connect: connection,
    frames: {
      decode: (value) => {
        const summary = summariseFrame(parseFrame(value));
        return { summary, mailboxReplaced: connection.mailboxReplaced(summary) };
      },
      async handle({ summary: s, mailboxReplaced }) {
        if (s.access) {
          if (s.access.admin !== undefined) lookups.admin = s.access.admin === 1;
          if (s.access.address) address = s.access.address;
        }
        // A new mailbox lost whatever was queued for the old one: read the whole state and diff it.
        if (lookups.resyncDue(mailboxReplaced)) await lookups.resync();
        const free = s.disk?.freediskspace ?? s.access?.freediskspace;
        if (free !== undefined) checkDisk(free, s.disk?.totaldiskspace ?? s.access?.totaldiskspace);
        ctx.emit(logEvents(s.logLines));
        if (s.dvrChanged.length > 0) await lookups.dvrChanged(s.dvrChanged);
        lookups.dvrDeleted(s.dvrDeleted);
        if (s.subscriptionsChanged) await lookups.refreshSubscriptions();
        for (const id of s.epgDvrUpdates) await epgUpdate(id);
      },
    },
  };
}
