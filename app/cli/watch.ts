import { parseDuration } from '../shared/duration';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/engine-types';
import type { HistoryStore } from '../core/history/types';
import { openHistory } from '../core/history/jsonl-history';
import { notifySend } from './desktop-notify';
import { loadConfig } from './load-config';
import type { WatchLine } from './output';
import { eventLine, notificationLine, statusLine } from './output';

export interface WatchOptions {
  config: string;
  notify: boolean;
  raw: boolean;
  history?: string;
  /** Stop by itself after this long ("30s", "5m"); runs until a signal otherwise. */
  duration?: string;
}

const print = (line: WatchLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
const info = (message: string) => print({ kind: 'info', time: new Date().toISOString(), message });

/** Resolves on SIGINT/SIGTERM or when the optional duration ends. */
function untilStopped(durationMs: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = durationMs === undefined ? undefined : setTimeout(done, durationMs);
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export async function runWatch(opts: WatchOptions): Promise<number> {
  const durationMs = opts.duration === undefined ? undefined : parseDuration(opts.duration);
  if (opts.duration !== undefined && durationMs === undefined) {
    process.stderr.write(`herald watch: --for "${opts.duration}" is not a duration (e.g. 30s, 5m)\n`);
    return 2;
  }
  const loaded = loadConfig(opts.config);
  if (!loaded.ok) {
    process.stderr.write(`${opts.config}: ${loaded.errors.length} problem(s)\n`);
    for (const error of loaded.errors) process.stderr.write(`  - ${error}\n`);
    return 1;
  }
  const { settings, secrets } = loaded;
  let history: HistoryStore | undefined;
  if (opts.history) {
    history = openHistory({ file: opts.history, retention: settings.history });
  }
  const engine: Engine = createEngine({
    settings,
    secrets,
    history,
    saveSecret: (sourceId, field) =>
      info(`${sourceId}: obtained a new ${field} (kept in memory for this run)`),
  });
  let desktop = opts.notify;
  engine.on('status', (status) => print(statusLine(status, Date.now())));
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
  const enabled = settings.sources.filter((s) => s.enabled).length;
  info(`watching ${enabled} source(s) from ${opts.config}`);
  engine.start();
  await untilStopped(durationMs);
  await engine.stop();
  await history?.close();
  return 0;
}
