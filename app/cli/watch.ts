import { parseDuration } from '../shared/duration';
import { notifySend } from './desktop-notify';
import { openCliHost } from './host';
import { lineOutput, readerLeft } from './line-output';
import type { WatchLine } from './output';
import { eventLine, notificationLine } from './output';
import { createStatusLines } from './status-lines';
import { untilStopped } from './until-stopped';

export interface WatchOptions {
  config: string;
  notify: boolean;
  raw: boolean;
  history?: string;
  /** Stop by itself after this long ("30s", "5m"); runs until a signal otherwise. */
  duration?: string;
}

// `herald watch | head -5`: once the reader has gone the run ends (see the end of runWatch).
const stdout = lineOutput(process.stdout);
const print = (line: WatchLine) => stdout.write(`${JSON.stringify(line)}\n`);
const info = (message: string) => print({ kind: 'info', time: new Date().toISOString(), message });

export async function runWatch(opts: WatchOptions): Promise<number> {
  const durationMs = opts.duration === undefined ? undefined : parseDuration(opts.duration);
  if (opts.duration !== undefined && durationMs === undefined) {
    process.stderr.write(`herald watch: --for "${opts.duration}" is not a duration (e.g. 30s, 5m)\n`);
    return 2;
  }
  const host = openCliHost({ config: opts.config, history: opts.history, writable: false });
  if (!host) return 1;
  const { engine, state } = host;
  state.onChange((_current, { obtained }) => {
    if (obtained)
      info(`${obtained.sourceId}: obtained a new ${obtained.field} (kept in memory for this run)`);
  });
  let desktop = opts.notify;
  const statusLines = createStatusLines({ print });
  engine.on('status', (status) => statusLines.onStatus(status));
  engine.on('entry', (entry) => print(eventLine(entry, opts.raw)));
  engine.on('notification', (raised) => {
    print(notificationLine(raised, Date.now()));
    if (!desktop) return;
    void notifySend(raised.notification).then((ok) => {
      if (ok || !desktop) return;
      desktop = false;
      info('notify-send is not available: printing notifications only');
    });
  });
  const enabled = state.settings.sources.filter((s) => s.enabled).length;
  info(`watching ${enabled} source(s) from ${opts.config}`);
  host.start();
  await untilStopped(durationMs, stdout.closed);
  await host.close();
  statusLines.flush();
  if (!stdout.closed.aborted || readerLeft(stdout.closed.reason)) return 0;
  process.stderr.write(`herald watch: cannot write to stdout: ${(stdout.closed.reason as Error).message}\n`);
  return 1;
}
