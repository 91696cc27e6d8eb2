import { createHostKernel } from '../core/host/kernel';
import type { HostKernel } from '../core/host/kernel';
import { createMemoryHistory } from '../core/history/memory-history';
import { openHistory } from '../core/history/jsonl-history';
import { configFilePort } from './config-file-port';
import { loadConfig } from './load-config';

/** Prints a settings file's problems the way `check`, `watch` and `serve` all do. */
export function printProblems(file: string, errors: string[]): void {
  process.stderr.write(`${file}: ${errors.length} problem(s)\n`);
  for (const error of errors) process.stderr.write(`  - ${error}\n`);
}

/**
 * What every headless command shares: the host kernel over the settings file, with the history in a
 * JSONL file when asked for, in memory otherwise. Returns undefined after printing why it could not.
 */
export function openCliHost(opts: {
  config: string;
  history?: string;
  writable: boolean;
}): HostKernel | undefined {
  const loaded = loadConfig(opts.config);
  if (!loaded.ok) {
    printProblems(opts.config, loaded.errors);
    return undefined;
  }
  let historyError: Error | undefined;
  try {
    return createHostKernel({
      port: configFilePort(opts.config, loaded, { writable: opts.writable }),
      openHistory(retention) {
        try {
          return opts.history
            ? openHistory({ file: opts.history, retention })
            : createMemoryHistory({ retention });
        } catch (error) {
          historyError = error as Error;
          throw error;
        }
      },
      api: { host: 'serve', version: '0.0.0' },
    });
  } catch (error) {
    if (!historyError) throw error;
    process.stderr.write(`cannot open the history file ${opts.history}: ${historyError.message}\n`);
    return undefined;
  }
}
