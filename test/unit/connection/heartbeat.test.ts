import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchdog } from '../../../app/core/connection/heartbeat';

describe('heartbeat watchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () => {
    const ping = vi.fn();
    const dead = vi.fn();
    const w = startWatchdog({ intervalMs: 1_000, timeoutMs: 500, now: Date.now, ping, dead });
    return { ping, dead, w };
  };

  it('pings after a quiet interval and declares the socket dead when nothing answers within the timeout', () => {
    const { ping, dead, w } = make();
    vi.advanceTimersByTime(999);
    expect(ping).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(499);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(dead).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    w.stop();
  });

  it('counts any frame as liveness: a busy socket is never pinged', () => {
    const { ping, dead, w } = make();
    for (let i = 0; i < 50; i += 1) {
      vi.advanceTimersByTime(300);
      w.activity();
    }
    expect(ping).not.toHaveBeenCalled();
    expect(dead).not.toHaveBeenCalled();
    w.stop();
  });

  it('a pong (or any frame) after the ping keeps the socket alive and the cycle goes on', () => {
    const { ping, dead, w } = make();
    vi.advanceTimersByTime(1_000);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    w.activity();
    vi.advanceTimersByTime(400);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(ping).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(500);
    expect(dead).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('stop() leaves no timer behind', () => {
    const { ping, w } = make();
    w.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(ping).not.toHaveBeenCalled();
  });
});
