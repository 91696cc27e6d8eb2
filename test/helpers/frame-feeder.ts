import { createSerialQueue } from '../../app/core/async/serial-queue';
import type { SocketLink } from '../../app/core/connection/types';
import { createFramePipeline } from '../../app/core/engine/frame-pipeline';
import type {
  SocketConnection,
  SourceContext,
  SourceEvent,
  SourceSession,
} from '../../app/core/sources/types';

/**
 * The runner's frame pipeline without a runner or a socket, for unit tests of a session: `inOrder`
 * and `openSocket` for the stub context, and `feed`, which resolves once the frame was handled and
 * rejects with the bad-frame reason when it was not usable.
 */
export function frameFeeder(emit: (events: SourceEvent[]) => void) {
  const queue = createSerialQueue();
  const bad: string[] = [];
  const context: Pick<SourceContext, 'inOrder' | 'openSocket'> = {
    inOrder: (job) => queue.enqueue(job),
    openSocket: () => {
      throw new Error('a session unit test opens no sockets');
    },
  };
  return {
    context,
    bad,
    /** Feeds `session`'s frame half one text frame, as the runner does. */
    async feed(session: SourceSession, text: string, link: SocketLink): Promise<void> {
      const push = createFramePipeline({
        frames: session.frames,
        queue,
        emit,
        onBadFrame: (reason) => bad.push(reason),
      });
      const before = bad.length;
      await push(text, link);
      if (bad.length > before) throw new Error(bad.at(-1));
    },
  };
}

/** The connect half of a session that runs on the reconnecting WebSocket. */
export function socketConnectionOf(session: SourceSession): SocketConnection {
  if ('transport' in session.connect) throw new Error('this session brings its own transport');
  return session.connect;
}
