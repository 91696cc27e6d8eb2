import { createEngine } from '../core/engine/engine';
import type { Engine } from '../core/engine/types';
import { createMemoryHistory } from '../core/history/memory-history';
import { openHistory } from '../core/history/jsonl-history';
import type { HistoryStore } from '../core/history/types';
import type { Secrets, Settings } from '../shared/settings';
import { loadConfig } from './load-config';

export interface CliHost {
  settings: Settings;
  secrets: Secrets;
  /** The settings file was missing or empty (only with `missingIsEmpty`). */
  empty: boolean;
  engine: Engine;
  history: HistoryStore;
  /** Stops the engine and flushes the history. */
  close(): Promise<void>;
}

/** Prints a settings file's problems the way `check`, `watch` and `serve` all do. */
export function printProblems(file: string, errors: string[]): void {
  process.stderr.write(`${file}: ${errors.length} problem(s)\n`);
  for (const error of errors) process.stderr.write(`  - ${error}\n`);
}

/**
 * What every headless command shares: the settings file, the history (a JSONL file when asked for,
 * memory otherwise) and an engine over them. Returns undefined after printing why it could not.
 */
export function openCliHost(opts: {
  config: string;
  history?: string;
  onSecret?: (sourceId: string, field: string, value: string) => void;
  /** See LoadConfigOptions: serve starts on a new, empty file. */
  missingIsEmpty?: boolean;
}): CliHost | undefined {
  const loaded = loadConfig(opts.config, process.env, { missingIsEmpty: opts.missingIsEmpty });
  if (!loaded.ok) {
    printProblems(opts.config, loaded.errors);
    return undefined;
  }
  const { settings, secrets } = loaded;
  let history: HistoryStore;
  try {
    history = opts.history
      ? openHistory({ file: opts.history, retention: settings.history })
      : createMemoryHistory({ retention: settings.history });
  } catch (error) {
    process.stderr.write(`cannot open the history file ${opts.history}: ${(error as Error).message}\n`);
    return undefined;
  }
  const engine = createEngine({ settings, secrets, history, saveSecret: opts.onSecret });
  return {
    settings,
    secrets,
    empty: loaded.empty === true,
    engine,
    history,
    async close() {
      await engine.stop();
      await history.close();
    },
  };
}
