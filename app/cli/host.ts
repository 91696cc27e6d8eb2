import { createHostKernel } from '../core/host/kernel';
import type { HostKernel } from '../core/host/kernel';
import { createMemoryHistory } from '../core/history/memory-history';
import { openHistory } from '../core/history/jsonl-history';
import { configFilePort, fileSecretsNote } from './config-file-port';
import { loadConfig } from './load-config';

export interface CliHost extends HostKernel {
  /** The settings file was missing or empty (only with `missingIsEmpty`). */
  empty: boolean;
}

/** Prints a settings file's problems the way `check`, `watch` and `serve` all do. */
export function printProblems(file: string, errors: string[]): void {
  process.stderr.write(`${file}: ${errors.length} problem(s)\n`);
  for (const error of errors) process.stderr.write(`  - ${error}\n`);
}

/**
 * What every headless command shares: the settings file as the settings port, the history (a JSONL
 * file when asked for, memory otherwise) and the host kernel over them. Returns undefined after
 * printing why it could not.
 */
export function openCliHost(opts: {
  config: string;
  history?: string;
  /** `herald serve` writes the UI's changes back to the file; `herald watch` never writes it. */
  writable: boolean;
  /** See LoadConfigOptions: serve starts on a new, empty file. */
  missingIsEmpty?: boolean;
}): CliHost | undefined {
  const loaded = loadConfig(opts.config, process.env, { missingIsEmpty: opts.missingIsEmpty });
  if (!loaded.ok) {
    printProblems(opts.config, loaded.errors);
    return undefined;
  }
  const port = configFilePort(opts.config, loaded, { writable: opts.writable });
  let historyError: Error | undefined;
  try {
    const kernel = createHostKernel({
      port,
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
      api: {
        host: 'serve',
        version: '0.0.0',
        secretsNote: opts.writable ? () => fileSecretsNote(opts.config, port.keepsSecrets) : undefined,
      },
    });
    return { ...kernel, empty: loaded.empty === true };
  } catch (error) {
    if (!historyError) throw error;
    process.stderr.write(`cannot open the history file ${opts.history}: ${historyError.message}\n`);
    return undefined;
  }
}
