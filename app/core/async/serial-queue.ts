/** Work that may finish at once or later. */
export type Job = () => void | PromiseLike<void>;

/**
 * Jobs run one at a time, in the order they were given: a job starts once every job before it has
 * settled, whatever it did (a failed job does not stall the ones behind it).
 */
export interface SerialQueue {
  /** Queues `job`; it starts in a later microtask at the earliest. Settles as the job does. */
  enqueue(job: Job): Promise<void>;
  /**
   * Runs `job` in this very call when nothing is pending (a synchronous job is then no more than a
   * call), otherwise queues it. Settles as the job does.
   */
  runOrEnqueue(job: Job): Promise<void>;
  /** Nothing is running or waiting. */
  readonly idle: boolean;
  /** Jobs that have not started never will (their promises resolve); a running one finishes. */
  close(): void;
}

const isThenable = (value: unknown): value is PromiseLike<void> =>
  typeof (value as PromiseLike<void> | undefined)?.then === 'function';

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  let closed = false;

  const track = (run: Promise<void>): Promise<void> => {
    pending += 1;
    const settled = run.finally(() => {
      pending -= 1;
    });
    tail = settled.then(
      () => undefined,
      () => undefined,
    );
    return settled;
  };

  const enqueue = (job: Job): Promise<void> =>
    closed ? Promise.resolve() : track(tail.then(() => (closed ? undefined : job())));

  return {
    enqueue,
    runOrEnqueue(job) {
      if (closed) return Promise.resolve();
      if (pending > 0) return enqueue(job);
      let result: void | PromiseLike<void>;
      try {
        result = job();
      } catch (err) {
        return Promise.reject(err);
      }
      return isThenable(result) ? track(Promise.resolve(result)) : Promise.resolve();
    },
    get idle() {
      return pending === 0;
    },
    close() {
      closed = true;
    },
  };
}

/**
 * Wraps `job` so that asking for it again while an earlier request is still waiting to start joins
 * that request: a burst of signals during a run becomes one follow-up run, not one run each.
 */
export function coalesced(queue: SerialQueue, job: () => Promise<void>): () => Promise<void> {
  let waiting: Promise<void> | undefined;
  return () => {
    if (waiting) return waiting;
    const run = queue.enqueue(() => {
      waiting = undefined;
      return job();
    });
    waiting = run;
    return run;
  };
}
