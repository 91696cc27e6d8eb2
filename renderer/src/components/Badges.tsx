import type { Severity } from '../../../app/shared/home-event';
import type { DecisionAction } from '../../../app/shared/rules';
import type { ConnectionState } from '../../../app/shared/source-status';

const stateLabels: Record<ConnectionState, string> = {
  idle: 'Idle',
  connecting: 'Connecting…',
  open: 'Connected',
  'backing-off': 'Retrying',
  'auth-failed': 'Sign-in failed',
  stopped: 'Stopped',
};

export function StatusBadge({ state }: { state: ConnectionState | undefined }) {
  const key = state ?? 'idle';
  return <span className={`badge status-${key}`}>{state ? stateLabels[state] : 'Not running'}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

const actionLabels: Record<DecisionAction, string> = {
  notify: 'Notified',
  record: 'Recorded only',
  drop: 'Dropped',
};

export function ActionBadge({ action }: { action: DecisionAction }) {
  return <span className={`badge action-${action}`}>{actionLabels[action]}</span>;
}
