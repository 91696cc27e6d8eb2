import type { SourceConfig } from '../../../app/shared/settings';
import type { SourceStatus } from '../../../app/shared/source-status';
import { herald } from '../api/herald';
import { StatusBadge } from '../components/Badges';
import { formatTime } from '../format';

interface Props {
  source: SourceConfig;
  kindName: string;
  /** The kind pairs for its key (deCONZ): offer "Pair again" once the key was refused. */
  pairs?: boolean;
  status: SourceStatus | undefined;
  /** Until when the source is snoozed; undefined when it is not (now). */
  snoozedUntil: number | undefined;
  onEdit(): void;
  onRemove(): void;
}

const HOUR = 3_600_000;

export function SourceCard({ source, kindName, pairs, status, snoozedUntil, onEdit, onRemove }: Props) {
  const snoozed = snoozedUntil !== undefined;
  const offerPairing = pairs === true && source.enabled && status?.state === 'auth-failed';
  const snooze = (until: number | null) => void herald().sourceSnooze({ sourceId: source.id, until });
  return (
    <li className="source-card" aria-label={source.name}>
      <div className="source-main">
        <div className="source-title">
          <strong>{source.name}</strong>
          <span className="muted">{kindName}</span>
          {source.enabled ? <StatusBadge state={status?.state} /> : <span className="badge">Disabled</span>}
          {snoozed && <span className="badge snoozed">Snoozed until {formatTime(snoozedUntil)}</span>}
        </div>
        <div className="source-url muted">{source.url}</div>
        {status?.lastError && (
          <p className="source-error" role="note">
            {status.lastError}
            {status.hint && <span className="source-hint"> — {status.hint}</span>}
          </p>
        )}
        {status && (
          <p className="muted small">
            {status.events} events
            {status.badFrames > 0 && ` · ${status.badFrames} unreadable messages`}
            {status.openSince && ` · connected since ${formatTime(status.openSince)}`}
            {status.nextRetryAt &&
              status.state === 'backing-off' &&
              ` · next try ${formatTime(status.nextRetryAt)}`}
          </p>
        )}
        {status?.lastBadFrame && status.badFrames > 0 && (
          <p className="muted small source-bad-frame">
            Last unreadable message ({formatTime(status.lastBadFrame.at)}): {status.lastBadFrame.reason}
          </p>
        )}
      </div>
      <div className="source-actions">
        {offerPairing && (
          <button
            type="button"
            className="primary small"
            onClick={() => void herald().sourcePair({ sourceId: source.id })}
          >
            Pair again
          </button>
        )}
        <button
          type="button"
          className="ghost small"
          onClick={() => void herald().sourceReconnect({ sourceId: source.id })}
        >
          Reconnect
        </button>
        {snoozed ? (
          <button type="button" className="ghost small" onClick={() => snooze(null)}>
            Unsnooze
          </button>
        ) : (
          <select
            className="small"
            aria-label={`Snooze ${source.name}`}
            value=""
            onChange={(e) => e.target.value && snooze(Date.now() + Number(e.target.value) * HOUR)}
          >
            <option value="">Snooze…</option>
            <option value="1">1 hour</option>
            <option value="4">4 hours</option>
            <option value="24">1 day</option>
          </select>
        )}
        <button type="button" className="ghost small" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="ghost small danger-text" onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
