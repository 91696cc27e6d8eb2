import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lines are checked by the tests that read them
export type Line = Record<string, any>;

export interface WatchRun {
  lines: Line[];
  stderr: () => string;
  /** Resolves with the first line (from `from` on) that satisfies `pred`; rejects after timeoutMs. */
  waitForLine(pred: (line: Line) => boolean, timeoutMs?: number, from?: number): Promise<Line>;
  notifications(): Line[];
  events(): Line[];
  /** Closes the read end of the child's stdout, like `| head` does after its last line. */
  closeStdout(): void;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Writes a settings object to a temp file (the import/export format) and returns its path. */
export function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  const file = join(dir, 'herald.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Runs `herald watch` as a real child process and collects its JSON lines. */
export function runWatch(
  configFile: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): WatchRun {
  const child = spawn(process.execPath, [bin, 'watch', '--config', configFile, ...extraArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (text.trim()) lines.push(JSON.parse(text) as Line);
    }
    for (const check of [...waiters]) check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return {
    lines,
    stderr: () => stderr,
    exited,
    closeStdout: () => child.stdout.destroy(),
    notifications: () => lines.filter((l) => l.kind === 'notification'),
    events: () => lines.filter((l) => l.kind === 'event'),
    waitForLine(pred, timeoutMs = 30_000, from = 0) {
      return new Promise((resolve, reject) => {
        const find = () => lines.slice(from).find(pred);
        const hit = find();
        if (hit) return resolve(hit);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching line within ${timeoutMs} ms; got:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr: ${stderr}`,
            ),
          );
        }, timeoutMs);
        const check = () => {
          const found = find();
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
