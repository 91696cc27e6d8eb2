import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReconnectingSocket } from '../../../app/core/connection/reconnecting-socket';
import type { ReconnectingSocket } from '../../../app/core/connection/types';

/** A status listener is a natural place to give up ("stop after it failed"): close() from inside it. */
describe('close() from inside onStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('closing on backing-off leaves no retry behind', async () => {
    const prepare = vi.fn(() => Promise.reject(new Error('server down')));
    const states: string[] = [];
    const socket: ReconnectingSocket = createReconnectingSocket({
      prepare,
      onText: () => undefined,
      random: () => 1,
      backoff: { initialMs: 1_000, maxMs: 1_000 },
      onStatus: (s) => {
        states.push(s.state);
        if (s.state === 'backing-off') void socket.close();
      },
    });
    socket.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(socket.state).toBe('stopped');
    expect(states).toEqual(['connecting', 'backing-off', 'stopped']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closing on connecting neither calls prepare() nor leaves its timeout running', async () => {
    const prepare = vi.fn(() => new Promise<never>(() => undefined));
    const socket: ReconnectingSocket = createReconnectingSocket({
      prepare,
      onText: () => undefined,
      onStatus: (s) => {
        if (s.state === 'connecting') void socket.close();
      },
    });
    socket.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.state).toBe('stopped');
    expect(prepare).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
