import { cleanLine, cleanText } from '../../../app/shared/clean-text';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { HistoryEntry } from '../../../app/shared/history';
import { openLink } from '../api/open-link';
import { ActionBadge, SeverityBadge } from '../components/Badges';
import { formatTime, isoTime } from '../format';

interface Props {
  entry: HistoryEntry;
  sourceName: string;
  /** The deciding rule's name (its id when the rule no longer exists). */
  ruleName?: string;
  /** Place in the feed, for screen readers (only the visible rows are in the DOM). */
  position: number;
  setSize: number;
  selected?: boolean;
  /** Click, Enter or Space on the entry: show its details. */
  onOpen?(entry: HistoryEntry): void;
  onMarkRead(seq: number): void;
  /** Arrow keys move between entries. */
  onStep?(position: number, delta: number): void;
}

/** Buttons inside the row act on their own; the rest of the row opens the details. */
const fromControl = (event: MouseEvent | KeyboardEvent) =>
  (event.target as HTMLElement).closest('button, a, input, select') !== null;

/**
 * One event and why it did or did not notify. Server text is rendered as text only, cleaned the way
 * notification text is (escape sequences, controls, bidi overrides), also for entries recorded before
 * that cleaning existed; `dir="auto"` keeps an RTL title from reordering the row around it.
 */
export function HistoryRow(props: Props) {
  const { entry, sourceName, ruleName, position, setSize, selected, onOpen, onMarkRead, onStep } = props;
  const { event, decision } = entry;
  const url = event.url;
  const title = cleanLine(event.title);
  const body = cleanText(event.body);
  const reason = cleanLine(decision.reason);
  const summary = event.type === 'herald.summary';
  return (
    <article
      className={`entry severity-edge-${event.severity}${entry.read ? '' : ' unread'}${selected ? ' selected' : ''}`}
      aria-label={title}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-current={selected || undefined}
      aria-keyshortcuts="Enter"
      data-seq={entry.seq}
      tabIndex={0}
      onClick={(e) => {
        if (!fromControl(e)) onOpen?.(entry);
      }}
      onKeyDown={(e) => {
        if (fromControl(e) || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen?.(entry);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          onStep?.(position, e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
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
        {summary && <span className="badge summary-badge">Burst summary</span>}
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
        <span className="entry-reason" title={reason}>
          {reason}
        </span>
        {decision.ruleId && <span className="entry-rule">rule: {ruleName ?? decision.ruleId}</span>}
      </div>
    </article>
  );
}
