import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const bin = fileURLToPath(new URL('../../bin/herald.js', import.meta.url));
const webUi = fileURLToPath(new URL('../../renderer-dist', import.meta.url));

/**
 * `herald serve` refuses to start without the built web UI, and `npm test` runs vitest before it builds
 * it: tests that only talk to the API get a placeholder page. Returns the clean-up (removes only what it made).
 */
export function ensureWebUi(): () => void {
  if (existsSync(`${webUi}/index.html`)) return () => {};
  const madeDir = !existsSync(webUi);
  mkdirSync(webUi, { recursive: true });
  writeFileSync(`${webUi}/index.html`, '<!doctype html><title>placeholder</title>\n');
  return () => {
    if (madeDir) rmSync(webUi, { recursive: true, force: true });
    else rmSync(`${webUi}/index.html`, { force: true });
  };
}

export interface ServeRun {
  url: URL;
  /** Sends one API request over the page's WebSocket and resolves with its result. */
  call(channel: string, request?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  /** Resolves with the exit code, or 'running' if the process is still up after `ms`. */
  exitedWithin(ms: number): Promise<number | null | 'running'>;
  stop(): Promise<void>;
  kill(): void;
}

/** Starts `herald serve` as a real child process on a config file and connects as the served page. */
export async function startServeCli(config: string, env: NodeJS.ProcessEnv = {}): Promise<ServeRun> {
  const child = spawn(process.execPath, [bin, 'serve', '--config', config], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`serve did not start: ${err}`));
    }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, {
    origin: url.origin,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.on('error', () => {});
  let id = 0;
  const call: ServeRun['call'] = (channel, request) =>
    new Promise((resolve, reject) => {
      const mine = ++id;
      const timer = setTimeout(() => reject(new Error(`no answer to ${channel}`)), 10_000);
      const onMessage = (data: WebSocket.RawData) => {
        const frame = JSON.parse(String(data)) as { id?: number; result?: never };
        if (frame.id !== mine) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(frame.result!);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, channel, request }));
    });
  return {
    url,
    call,
    kill,
    exitedWithin: (ms) =>
      Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), ms))]),
    async stop() {
      ws.close();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
