import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchPower } from '../../../app/main/power';

afterEach(() => vi.useRealTimers());

describe('sleep and resume', () => {
  it('rebuilds sockets once, a moment after resume', () => {
    vi.useFakeTimers();
    const powerMonitor = new EventEmitter();
    const resume = vi.fn();
    const stop = watchPower({ powerMonitor, resume, settleMs: 3000 });
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    vi.advanceTimersByTime(2999);
    expect(resume).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(resume).toHaveBeenCalledTimes(1);
    stop();
  });

  it('notices a wall-clock jump when no resume event came', () => {
    vi.useFakeTimers();
    let clock = 0;
    const resume = vi.fn();
    const stop = watchPower({
      powerMonitor: new EventEmitter(),
      resume,
      now: () => clock,
      tickMs: 1000,
      settleMs: 10,
    });
    clock += 1000;
    vi.advanceTimersByTime(1000);
    expect(resume).not.toHaveBeenCalled();
    clock += 60_000; // the machine slept between two ticks
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(10);
    expect(resume).toHaveBeenCalledTimes(1);
    stop();
  });
});
