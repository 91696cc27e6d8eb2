import { describe, expect, it } from 'vitest';
import { coalesced, createSerialQueue } from '../../../app/core/async/serial-queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('serial queue', () => {
  it('runs jobs one at a time in the order given, a failed job not stalling the next', async () => {
    const queue = createSerialQueue();
    const order: string[] = [];
    const gate = deferred();
    const first = queue.enqueue(async () => {
      order.push('a start');
      await gate.promise;
      order.push('a end');
    });
    const second = queue.enqueue(() => {
      order.push('b');
      throw new Error('b failed');
    });
    const third = queue.enqueue(() => void order.push('c'));
    await Promise.resolve();
    expect(order).toEqual(['a start']);
    gate.resolve();
    await first;
    await expect(second).rejects.toThrow('b failed');
    await third;
    expect(order).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('runOrEnqueue runs at once when idle and waits behind pending work otherwise', async () => {
    const queue = createSerialQueue();
    const order: string[] = [];
    void queue.runOrEnqueue(() => void order.push('now'));
    expect(order).toEqual(['now']);
    const gate = deferred();
    void queue.runOrEnqueue(() => gate.promise);
    expect(queue.idle).toBe(false);
    const later = queue.runOrEnqueue(() => void order.push('later'));
    expect(order).toEqual(['now']);
    gate.resolve();
    await later;
    expect(order).toEqual(['now', 'later']);
    expect(queue.idle).toBe(true);
  });

  it('after close, waiting jobs never start', async () => {
    const queue = createSerialQueue();
    const ran: string[] = [];
    const gate = deferred();
    void queue.enqueue(() => gate.promise);
    const waiting = queue.enqueue(() => void ran.push('waiting'));
    queue.close();
    gate.resolve();
    await waiting;
    await queue.enqueue(() => void ran.push('after close'));
    expect(ran).toEqual([]);
  });

  it('coalesced: requests while one waits join it; one follow-up run per burst', async () => {
    const queue = createSerialQueue();
    let runs = 0;
    const gate = deferred();
    const sync = coalesced(queue, async () => {
      runs += 1;
      if (runs === 1) await gate.promise;
    });
    const first = sync();
    await Promise.resolve();
    const burst = [sync(), sync(), sync()];
    expect(burst[0]).toBe(burst[2]);
    gate.resolve();
    await Promise.all([first, ...burst]);
    expect(runs).toBe(2);
  });
});
