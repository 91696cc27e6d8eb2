/** Output of a command that prints lines to a stream its reader may close at any time (`| head -5`). */
export interface LineOutput {
  /** Writes `text` while the stream is open; nothing once it is closed. */
  write(text: string): void;
  /** Aborted when the stream can take no more: `reason` is the write error (EPIPE: the reader left). */
  closed: AbortSignal;
}

/** A reader that stopped reading is a normal end for a command that prints lines, not a failure. */
export const readerLeft = (reason: unknown): boolean =>
  (reason as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

/**
 * Wraps stdout so that a write error (Node reports EPIPE as an 'error' event, which would otherwise
 * crash the process with a stack trace) ends the output instead: the caller sees `closed` and stops.
 */
export function lineOutput(stream: NodeJS.WritableStream): LineOutput {
  const controller = new AbortController();
  stream.on('error', (error: Error) => {
    if (!controller.signal.aborted) controller.abort(error);
  });
  return {
    write(text) {
      if (!controller.signal.aborted) stream.write(text);
    },
    closed: controller.signal,
  };
}
