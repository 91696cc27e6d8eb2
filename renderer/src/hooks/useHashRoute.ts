import { useEffect, useState } from 'react';

export type View = 'history' | 'settings';

const read = (): View =>
  window.location.hash.replace(/^#\/?/, '').startsWith('settings') ? 'settings' : 'history';

/** `#/history` or `#/settings`; Electron opens its two windows on the two hashes of the same page. */
export function useHashRoute(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(read);
  useEffect(() => {
    const onHash = () => setView(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [view, (next) => void (window.location.hash = `#/${next}`)];
}
