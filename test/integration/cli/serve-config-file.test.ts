import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { writeConfig } from '../../helpers/herald-cli';

const bin = fileURLToPath(new URL('../../../bin/herald.js', import.meta.url));

const lab = (options: Record<string, unknown> = {}) => ({
  id: 'lab',
  kind: 'generic-json',
  name: 'Lab',
  url: 'ws://127.0.0.1:1/events',
  options: { typePath: 'type', ...options },
});
const tvh = { id: 'tvh', kind: 'tvheadend', name: 'TV', url: 'http://127.0.0.1:1/', options: {} };

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Starts `herald serve` on a config file and returns a function that sends one API request. */
async function serve(config: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, 'serve', '--config', config], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  stops.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!));
      }
    });
  });
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, {
    origin: url.origin,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const call = (channel: string, request?: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve, reject) => {
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
  const stop = async () => {
    ws.close();
    child.kill('SIGTERM');
    await exited;
  };
  return { call, stop };
}

/** Saves the settings unchanged except for the quiet hours switch: any edit made in the UI. */
async function editSomething(call: Awaited<ReturnType<typeof serve>>['call']) {
  const got = await call('settings:get');
  const settings = got.value as { quietHours: { enabled: boolean } };
  settings.quietHours.enabled = !settings.quietHours.enabled;
  const set = await call('settings:set', settings);
  expect(set).toMatchObject({ ok: true, value: { ok: true } });
}

describe('herald serve writes UI edits back to the settings file', () => {
  it('keeps a file that holds secrets readable by its owner only', async () => {
    const file = writeConfig({
      version: 1,
      sources: [lab()],
      secrets: { lab: { authorization: 'Bearer s3cret' } },
    });
    chmodSync(file, 0o600);
    const run = await serve(file);
    await editSomething(run.call);
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Bearer s3cret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never writes a secret given in the environment into the file', async () => {
    const file = writeConfig({
      version: 1,
      sources: [lab(), tvh],
      secrets: { lab: { authorization: 'Bearer s3cret' } },
    });
    const run = await serve(file, { HERALD_SECRET_TVH_PASSWORD: 'env-only-pw' });
    await editSomething(run.call);
    await run.stop();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Bearer s3cret');
    expect(text).not.toContain('env-only-pw');
  });

  it('does not lose a secret the file kept inline in a source’s options', async () => {
    const file = writeConfig({ version: 1, sources: [lab({ authorization: 'Bearer inline' })] });
    const run = await serve(file);
    await editSomething(run.call);
    await run.stop();
    expect(readFileSync(file, 'utf8')).toContain('Bearer inline');
  });

  it('keeps secrets the engine obtained during the run in memory, and out of the file', async () => {
    const emby = {
      id: 'emby',
      kind: 'emby',
      name: 'Emby',
      url: 'http://127.0.0.1:1/',
      options: {},
    };
    const file = writeConfig({ version: 1, sources: [emby], secrets: { emby: { apiKey: 'k-123' } } });
    const run = await serve(file);
    // The Emby source generates its device id on its first connect attempt and saves it as a secret.
    const deadline = Date.now() + 10_000;
    let status = await run.call('secrets:status');
    while (!(status.value as Record<string, string[]>).emby?.includes('deviceId') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await run.call('secrets:status');
    }
    expect((status.value as Record<string, string[]>).emby).toContain('deviceId');
    await editSomething(run.call);
    const after = await run.call('secrets:status');
    expect((after.value as Record<string, string[]>).emby).toContain('deviceId');
    await run.stop();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('k-123');
    expect(text).not.toContain('deviceId');
  });
});
