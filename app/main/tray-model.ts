import type { SourceStatus } from '../shared/source-status';

export type TrayIconState = 'ok' | 'unread' | 'offline' | 'snoozed';

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  sourceLines: string[];
}

const problem = (s: SourceStatus) =>
  s.state === 'auth-failed' || s.state === 'backing-off' || (s.state === 'stopped' && !!s.lastError);

const describe = (s: SourceStatus): string => {
  switch (s.state) {
    case 'open':
      return s.snoozedUntil ? `${s.name}: connected, snoozed` : `${s.name}: connected`;
    case 'connecting':
      return `${s.name}: connecting…`;
    case 'auth-failed':
      return `${s.name}: ${s.lastError ?? 'authentication failed'}`;
    case 'backing-off':
      return `${s.name}: offline${s.lastError ? ` (${s.lastError})` : ''}`;
    default:
      return `${s.name}: ${s.lastError ?? s.state}`;
  }
};

/**
 * What the tray shows, decided in one pure place: a problem wins over unread, so the icon never claims
 * "connected" while a server is unreachable.
 */
export function trayModel(statuses: SourceStatus[], unread: number, allSnoozed: boolean): TrayModel {
  const troubled = statuses.filter(problem);
  const icon: TrayIconState = troubled.length
    ? 'offline'
    : allSnoozed
      ? 'snoozed'
      : unread > 0
        ? 'unread'
        : 'ok';
  const parts = [
    statuses.length === 0
      ? 'no sources yet'
      : troubled.length
        ? `${troubled.length} of ${statuses.length} source(s) offline`
        : `${statuses.length} source(s) connected`,
  ];
  if (unread > 0) parts.push(`${unread} unread`);
  if (allSnoozed) parts.push('snoozed');
  return { icon, tooltip: `Herald — ${parts.join(', ')}`, sourceLines: statuses.map(describe) };
}
