import { useEffect, useRef, useSyncExternalStore } from 'react';
import { connectionState, onConnectionState } from '../api/connection';

export function useConnection() {
  return useSyncExternalStore(onConnectionState, connectionState);
}

/** Runs `refresh` whenever the link to the host comes back, so views catch up on what they missed. */
export function useOnReconnect(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let previous = connectionState();
    return onConnectionState((state) => {
      if (state === 'open' && previous !== 'open') latest.current();
      previous = state;
    });
  }, []);
}
