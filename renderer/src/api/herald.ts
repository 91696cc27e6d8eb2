import type { HeraldApi } from '../../../app/shared/api';

declare global {
  interface Window {
    /** The host's API: the Electron preload, or the serve client over a WebSocket. */
    herald: HeraldApi;
  }
}

/** The only way the UI reaches its host. */
export function herald(): HeraldApi {
  return window.herald;
}

export { HeraldApiError } from '../../../app/shared/api';
