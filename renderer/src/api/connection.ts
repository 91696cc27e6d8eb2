import type { ConnectionState } from './serve-client';

type Source = { state(): ConnectionState; onState(listener: (state: ConnectionState) => void): () => void };

let source: Source | undefined;

/** Serve mode registers its socket client here; under Electron there is none and the host is always "open". */
export function registerConnection(next: Source): void {
  source = next;
}

export function connectionState(): ConnectionState {
  return source?.state() ?? 'open';
}

export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  return source?.onState(listener) ?? (() => {});
}
