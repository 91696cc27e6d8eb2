import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReconnectingSocket } from '../../../app/core/connection/reconnecting-socket';
import { AuthFailedError } from '../../../app/core/connection/types';
import type { ConnectionStatusUpdate, ReconnectingSocketOptions } from '../../../app/core/connection/types';

/** State machine paths that need no network: prepare() decides. Real sockets are in test/integration. */
describe('reconnecting socket state machine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = (
    prepare: ReconnectingSocketOptions['prepare'],
    extra: Partial<ReconnectingSocketOptions> = {},
  ) => {
    const statuses: ConnectionStatusUpdate[] = [];
    const socket = createReconnectingSocket({
      prepare,
      onText: () => undefined,
      onStatus: (s) => statuses.push(s),
      backoff: { initialMs: 1_000, maxMs: 8_000, resetAfterMs: 10_000 },
      random: () => 1,
      ...extra,
    });
    return { socket, statuses, states: () => statuses.map((s) => s.state) };
  };

  it('starts idle, and backs off with growing delays while prepare() fails', async () => {
    const prepare = vi.fn(() => Promise.reject(new Error('login server down')));
    const { socket, statuses, states } = make(prepare);
    expect(socket.state).toBe('idle');
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states()).toEqual(['connecting', 'backing-off']);
    expect(statuses[1]).toMatchObject({ lastError: 'login server down', nextRetryAt: Date.now() + 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)?.nextRetryAt).toBe(Date.now() + 2_000);
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000 + 8_000);
    expect(prepare).toHaveBeenCalledTimes(6);
    await socket.close();
    expect(socket.state).toBe('stopped');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops for good on AuthFailedError from prepare(), until start() or resume()', async () => {
    const prepare = vi.fn(() =>
      Promise.reject(new AuthFailedError('authentication failed', 'sign in again')),
    );
    const { socket, statuses } = make(prepare);
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.state).toBe('auth-failed');
    expect(statuses.at(-1)).toMatchObject({
      state: 'auth-failed',
      lastError: 'authentication failed',
      hint: 'sign in again',
    });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(prepare).toHaveBeenCalledTimes(1);
    socket.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(prepare).toHaveBeenCalledTimes(2);
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(prepare).toHaveBeenCalledTimes(3);
    await socket.close();
  });

  it('resume() reconnects at once with a fresh attempt counter', async () => {
    const prepare = vi.fn(() => Promise.reject(new Error('nope')));
    const { socket, statuses } = make(prepare);
    socket.start();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000);
    expect(statuses.at(-1)?.nextRetryAt).toBe(Date.now() + 4_000);
    socket.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(prepare).toHaveBeenCalledTimes(4);
    expect(statuses.at(-1)?.nextRetryAt).toBe(Date.now() + 1_000);
    await socket.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores a prepare() that resolves after close(), and leaves nothing running', async () => {
    let release: (v: { url: string }) => void = () => undefined;
    const prepare = vi.fn(() => new Promise<{ url: string }>((r) => (release = r)));
    const { socket, states } = make(prepare);
    socket.start();
    await socket.close();
    release({ url: 'ws://127.0.0.1:9/' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states()).toEqual(['connecting', 'stopped']);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('times out a prepare() that never settles and backs off', async () => {
    const prepare = vi.fn(() => new Promise<never>(() => undefined));
    const { socket, statuses } = make(prepare);
    socket.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statuses.at(-1)).toMatchObject({
      state: 'backing-off',
      lastError: 'timed out while preparing the connection',
    });
    await socket.close();
  });

  it('survives a throwing onStatus listener and a synchronously throwing prepare()', async () => {
    const prepare = vi.fn((): Promise<{ url: string }> => {
      throw new Error('sync boom');
    });
    const socket = createReconnectingSocket({
      prepare,
      onText: () => undefined,
      onStatus: () => {
        throw new Error('listener bug');
      },
      random: () => 0,
    });
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.state).toBe('backing-off');
    await socket.close();
  });

  it('start() twice does not open two attempts; send() while not open returns false', async () => {
    const prepare = vi.fn(() => new Promise<never>(() => undefined));
    const { socket } = make(prepare);
    socket.start();
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(socket.send({ hello: 1 })).toBe(false);
    await socket.close();
  });

  it('reports an unusable URL in plain words', async () => {
    const { socket, statuses } = make(() => Promise.resolve({ url: 'not a url' }));
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)?.state).toBe('backing-off');
    expect(statuses.at(-1)?.lastError).toMatch(/cannot connect to the configured URL: invalid URL/);
    await socket.close();
  });
});
