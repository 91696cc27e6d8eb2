import { cleanLine, cleanText } from '../../../app/shared/clean-text';
import type { HistoryEntry } from '../../../app/shared/history';
import { openLink } from '../api/open-link';
import { ActionBadge, SeverityBadge } from '../components/Badges';
import { formatTime, isoTime } from '../format';

interface Props {
  entry: HistoryEntry;
  sourceName: string;
  /** Place in the feed, for screen readers (only the visible rows are in the DOM). */
  position: number;
  setSize: number;
  onMarkRead(seq: number): void;
}

/**
 * One event and why it did or did not notify. Server text is rendered as text only, cleaned the way
 * notification text is (escape sequences, controls, bidi overrides), also for entries recorded before
 * that cleaning existed; `dir="auto"` keeps an RTL title from reordering the row around it.
 */
export function HistoryRow({ entry, sourceName, position, setSize, onMarkRead }: Props) {
  const { event, decision } = entry;
  const url = event.url;
  const title = cleanLine(event.title);
  const body = cleanText(event.body);
  return (
    <article
      className={`entry severity-edge-${event.severity}${entry.read ? '' : ' unread'}`}
      aria-label={title}
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <header className="entry-head">
        {!entry.read && <span className="unread-dot" title="Unread" aria-label="Unread" />}
        <h3 className="entry-title" dir="auto">
          {title}
        </h3>
        <time className="entry-time" dateTime={isoTime(event.time)}>
          {formatTime(event.time)}
        </time>
      </header>
      {body && (
        <p className="entry-body" dir="auto">
          {body}
        </p>
      )}
      <div className="entry-meta">
        <SeverityBadge severity={event.severity} />
        <span className="entry-source">{sourceName}</span>
        <span className="entry-type">{event.type}</span>
        {event.entity && <span className="entry-entity">{cleanLine(event.entity.name)}</span>}
        <span className="entry-actions">
          {url && (
            <button
              type="button"
              className="link-button"
              onClick={() => void openLink(url).catch(() => undefined)}
            >
              Open link
            </button>
          )}
          {!entry.read && (
            <button type="button" className="ghost small" onClick={() => onMarkRead(entry.seq)}>
              Mark read
            </button>
          )}
        </span>
      </div>
      <div className="entry-why">
        <ActionBadge action={decision.action} />
        <span className="entry-reason">{cleanLine(decision.reason)}</span>
        {decision.ruleId && <span className="entry-rule">rule: {decision.ruleId}</span>}
      </div>
    </article>
  );
}
