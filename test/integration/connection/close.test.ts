import { spawn } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { client, server, sleep, waitUntil } from './harness';

const probe = fileURLToPath(new URL('./exit-probe.ts', import.meta.url));

/** Runs the probe; resolves with its output once it exits by itself, or fails after `timeoutMs`. */
function runProbe(scenario: string, timeoutMs = 15_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', probe, scenario], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `process did not exit by itself within ${timeoutMs} ms (something left open); output: ${out}`,
        ),
      );
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe('close() leaves nothing behind', () => {
  it('the process exits by itself after closing an open socket (heartbeat and keepalive running)', async () => {
    const { code, out } = await runProbe('open');
    expect(out).toContain('closed from open');
    expect(code).toBe(0);
  });

  it('the process exits by itself after closing while backing off', async () => {
    const { code, out } = await runProbe('refused');
    expect(out).toContain('closed from backing-off');
    expect(code).toBe(0);
  });

  it('close() during a TLS handshake destroys the half-made socket', async () => {
    const held: net.Socket[] = [];
    const closed: net.Socket[] = [];
    const silent = net.createServer((s) => {
      held.push(s);
      s.resume();
      s.on('close', () => closed.push(s));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (silent.address() as AddressInfo).port;
      const c = client(`wss://127.0.0.1:${port}`, { connectTimeoutMs: 10_000 });
      c.socket.start();
      await waitUntil(() => held.length === 1, 'TCP connection');
      await c.socket.close();
      await waitUntil(() => closed.length === 1, 'client side gone', 2_000);
    } finally {
      for (const s of held) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('close() awaits the close handshake with the server', async () => {
    const srv = await server();
    const c = client(srv.url);
    c.socket.start();
    const ws = await srv.nextConnection();
    const codes: number[] = [];
    ws.on('close', (code) => codes.push(code));
    await waitUntil(() => c.socket.state === 'open', 'open');
    await c.socket.close();
    await waitUntil(() => codes.length === 1, 'server saw close');
    expect(codes).toEqual([1000]);
    expect(c.socket.state).toBe('stopped');
    expect(c.socket.send('late')).toBe(false);
  });

  it('many reconnects leave no socket or timer behind once closed', async () => {
    const count = (kind: string) => process.getActiveResourcesInfo().filter((r) => r === kind).length;
    const srv = await server({ onConnection: (ws) => ws.close(4000, 'go away') });
    await sleep(50);
    const baseline = { tcp: count('TCPSocketWrap'), timers: count('Timeout') };
    const c = client(srv.url, {
      backoff: { initialMs: 5, maxMs: 20 },
      heartbeat: { intervalMs: 50, timeoutMs: 50 },
    });
    c.socket.start();
    await waitUntil(() => srv.upgradeCount >= 15, '15 reconnects');
    // Close while a retry timer is pending: the hardest moment to leave nothing behind.
    await waitUntil(() => c.socket.state === 'backing-off', 'backing off');
    await c.socket.close();
    await sleep(100);
    await waitUntil(
      () => count('TCPSocketWrap') <= baseline.tcp && count('Timeout') <= baseline.timers,
      `resources back to baseline (tcp ${baseline.tcp}, timers ${baseline.timers}; now ${process.getActiveResourcesInfo().join(',')})`,
      2_000,
    );
    expect(c.last()?.state).toBe('stopped');
  });
});
