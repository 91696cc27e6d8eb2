import { useEffect, useState } from 'react';

export type View = 'history' | 'settings';

export interface Route {
  view: View;
  /** `#/history?seq=12`: the entry a clicked notification belongs to. */
  seq?: number;
  /** `#/settings?add=emby`: open the form for a new source of that kind (the welcome cards). */
  add?: string;
  /** `#/settings?ruleFrom=12`: a new rule prefilled from that history entry ("Make a rule like this"). */
  ruleFrom?: number;
}

const positive = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

function read(): Route {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const route: Route = { view: path.startsWith('settings') ? 'settings' : 'history' };
  const seq = positive(params.get('seq'));
  const ruleFrom = positive(params.get('ruleFrom'));
  const add = params.get('add');
  if (seq !== undefined) route.seq = seq;
  if (ruleFrom !== undefined) route.ruleFrom = ruleFrom;
  if (add && /^[a-z0-9-]{1,50}$/.test(add)) route.add = add;
  return route;
}

/** The hash for a route; Electron opens its two windows on `#/history` and `#/settings` of the same page. */
export function routeHash(view: View, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `#/${view}${query ? `?${query}` : ''}`;
}

export function navigate(view: View, params?: Record<string, string | number>): void {
  window.location.hash = routeHash(view, params);
}

export function useHashRoute(): [Route, (view: View) => void] {
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => navigate(next)];
}
