import { useEffect, useState } from 'react';

export type View = 'history' | 'settings';

export interface Route {
  view: View;
  /** `#/history?seq=12`: the entry a clicked notification belongs to. */
  seq?: number;
}

function read(): Route {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  const view: View = path.startsWith('settings') ? 'settings' : 'history';
  const seq = Number(new URLSearchParams(query).get('seq'));
  return Number.isInteger(seq) && seq > 0 ? { view, seq } : { view };
}

/** `#/history` or `#/settings`; Electron opens its two windows on the two hashes of the same page. */
export function useHashRoute(): [Route, (view: View) => void] {
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => void (window.location.hash = `#/${next}`)];
}
