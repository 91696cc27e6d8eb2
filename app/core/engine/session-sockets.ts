import type { SourceConfig } from '../../shared/settings';
import type {
  ConnectionStatusUpdate,
  ReconnectingSocket,
  ReconnectingSocketOptions,
  Transport,
} from '../connection/types';
import type { SocketConnection } from '../sources/types';
import type { FramePush } from './frame-pipeline';

export interface SessionSocketsOptions {
  config: SourceConfig;
  createSocket: (opts: ReconnectingSocketOptions) => ReconnectingSocket;
  /** Where text frames go: the session's frame pipeline (set once the session exists). */
  frames: () => FramePush;
  onBadFrame(reason: string): void;
  now: () => number;
}

/**
 * The reconnecting sockets of one source: the main one a `SocketConnection` asks for, and any extra
 * one the session opens (`ctx.openSocket`); every text frame of each goes to the frame pipeline.
 */
export function createSessionSockets(opts: SessionSocketsOptions) {
  const extras = new Set<Transport>();
  let closed = false;

  const socketFor = (
    connection: SocketConnection,
    onStatus: (update: ConnectionStatusUpdate) => void,
  ): ReconnectingSocket =>
    opts.createSocket({
      prepare: () => connection.prepare(),
      tls: opts.config.tls,
      heartbeat: connection.heartbeat,
      keepalive: connection.keepalive,
      onOpen: connection.onOpen ? (link) => connection.onOpen!(link) : undefined,
      onText: (text, link) => opts.frames()(text, link),
      onClose: () => connection.onClose?.(),
      onBadFrame: opts.onBadFrame,
      onStatus,
      now: opts.now,
    });

  return {
    socketFor,
    /** An extra socket, closed with the source; it reports its state to `onStatus` only. */
    openExtra(connection: SocketConnection, onStatus?: (update: ConnectionStatusUpdate) => void): Transport {
      const socket = socketFor(connection, (update) => onStatus?.(update));
      extras.add(socket);
      return {
        start: () => {
          if (!closed) socket.start();
        },
        resume: () => socket.resume(),
        close: () => {
          extras.delete(socket);
          return socket.close();
        },
      };
    },
    /** Closes every extra socket; none starts after this. */
    closeExtras(): Promise<void>[] {
      closed = true;
      const closing = [...extras].map((socket) => socket.close());
      extras.clear();
      return closing;
    },
  };
}
