import type { KeyboardEvent } from 'react';

/**
 * `onKeyDown` for an editor: Escape cancels it, as in any dialog. An open <select> list or an IME
 * composition keeps its own Escape.
 */
export function escapeCancels(cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    cancel();
  };
}
