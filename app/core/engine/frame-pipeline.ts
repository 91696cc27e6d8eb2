import type { SerialQueue } from '../async/serial-queue';
import { errorMessage } from '../connection/errors';
import { AuthFailedError } from '../connection/types';
import type { SocketLink } from '../connection/types';
import type { FrameHandler, HandleResult, SourceEvent } from '../sources/types';
import { BadFrameError, decodeJson } from './decode-json';

export interface FramePipelineOptions {
  frames: FrameHandler<unknown>;
  /** The session's frame order; `ctx.inOrder` queues on it too. */
  queue: SerialQueue;
  emit(events: SourceEvent[]): void;
  onBadFrame(reason: string): void;
}

/**
 * Takes one message as a transport delivered it. Never throws: a bad frame is reported. The promise,
 * if any, rejects only with an AuthFailedError, for the transport to end the connection with.
 */
export type FramePush = (input: unknown, link: SocketLink) => Promise<void> | undefined;

const isThenable = (value: unknown): value is PromiseLike<HandleResult> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

function textOf(input: unknown): string {
  if (typeof input !== 'string') throw new BadFrameError('not a text frame');
  return input;
}

/**
 * The frame pipeline every session shares: decode (the one JSON decode, then the session's shape check,
 * at arrival), then the session's handler strictly one frame at a time, in arrival order; what it
 * returns is emitted. Whatever throws on the way is a bad frame, counted the same for every kind.
 */
export function createFramePipeline(opts: FramePipelineOptions): FramePush {
  const { frames, queue } = opts;
  const emitResult = (result: HandleResult) => {
    if (result && result.length > 0) opts.emit(result);
  };
  const failed = (err: unknown, reason: string) => {
    if (err instanceof AuthFailedError) return Promise.reject(err);
    opts.onBadFrame(reason);
    return undefined;
  };

  return (input, link) => {
    let frame: unknown;
    try {
      const value = frames.wire === 'as-is' ? input : decodeJson(textOf(input));
      frame = frames.decode ? frames.decode(value, link) : value;
    } catch (err) {
      return failed(err, errorMessage(err));
    }
    if (frame === undefined) return undefined;
    return queue
      .runOrEnqueue(() => {
        const result = frames.handle(frame, link);
        return isThenable(result) ? Promise.resolve(result).then(emitResult) : emitResult(result);
      })
      .catch((err: unknown) => failed(err, `frame handler failed: ${errorMessage(err)}`));
  };
}
