import type { SourceStatus } from '../shared/source-status';
import type { WatchLine } from './output';
import { badFramesLine, statusLine } from './output';

/** At most one bad-frame line per source this often; the line counts everything since the last one. */
export const BAD_FRAME_REPORT_MS = 10_000;

export interface StatusLinesOptions {
  print(line: WatchLine): void;
  now?: () => number;
  badFrameReportMs?: number;
}

export interface StatusLines {
  onStatus(status: SourceStatus): void;
  /** Prints what is still held back (at exit), so no count is lost. */
  flush(): void;
}

interface SourceLines {
  latest: SourceStatus;
  /** state, error and hint of the last status line printed. */
  shown?: string;
  /** `badFrames` as of the last bad-frame line. */
  reported: number;
  reportedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Turns the engine's status updates into `herald watch` lines. A status line is printed when the state,
 * the error or the hint changes: an update that only moves a counter is not a new status. Unusable
 * frames are reported as their own status lines with the count and the last reason, the first one at
 * once and then at most one per source per `badFrameReportMs`, so a server spewing junk cannot flood
 * the output and a single bad frame is never silent.
 */
export function createStatusLines(opts: StatusLinesOptions): StatusLines {
  const now = opts.now ?? Date.now;
  const interval = opts.badFrameReportMs ?? BAD_FRAME_REPORT_MS;
  const sources = new Map<string, SourceLines>();

  const reportBadFrames = (s: SourceLines) => {
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    const count = s.latest.badFrames - s.reported;
    if (count <= 0) return;
    s.reported = s.latest.badFrames;
    s.reportedAt = now();
    opts.print(badFramesLine(s.latest, count, s.reportedAt));
  };

  const scheduleBadFrames = (s: SourceLines) => {
    if (s.timer) return;
    const wait = s.reportedAt === undefined ? 0 : s.reportedAt + interval - now();
    if (wait <= 0) return reportBadFrames(s);
    s.timer = setTimeout(() => reportBadFrames(s), wait);
    s.timer.unref?.();
  };

  return {
    onStatus(status) {
      let s = sources.get(status.sourceId);
      if (!s) {
        s = { latest: status, reported: 0 };
        sources.set(status.sourceId, s);
      }
      const shown = JSON.stringify([status.state, status.lastError ?? '', status.hint ?? '']);
      if (shown !== s.shown) {
        // The frames held back arrived before this change: they are reported first, under the old state.
        reportBadFrames(s);
        s.shown = shown;
        opts.print(statusLine(status, now()));
      }
      // A restarted source (settings changed) counts from zero again.
      if (status.badFrames < s.reported) s.reported = 0;
      s.latest = status;
      if (status.badFrames > s.reported) scheduleBadFrames(s);
    },
    flush() {
      for (const s of sources.values()) reportBadFrames(s);
    },
  };
}
