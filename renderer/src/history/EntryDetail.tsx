import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { cleanLine, cleanText } from '../../../app/shared/clean-text';
import type { HistoryEntry } from '../../../app/shared/history';
import { openLink } from '../api/open-link';
import { ActionBadge, SeverityBadge } from '../components/Badges';
import { formatFullTime, formatPayload, formatTime } from '../format';
import { escapeCancels } from '../hooks/useEscape';
import { navigate } from '../hooks/useHashRoute';
import type { Names } from '../hooks/useNames';
import { useBurst } from './useBurst';

interface Props {
  entry: HistoryEntry;
  names: Names;
  onClose(): void;
  onMarkRead(seq: number): void;
  /** Opens another entry in this pane (a burst's summary, or one it holds). */
  onOpenEntry(entry: HistoryEntry): void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function BurstLinks({ entry, onOpenEntry }: Pick<Props, 'entry' | 'onOpenEntry'>) {
  const burst = useBurst(entry);
  const isSummary = entry.event.type === 'herald.summary';
  if (!entry.decision.burstId) return null;
  if (!burst) return <p className="muted">Looking up the burst…</p>;
  if (isSummary) {
    return (
      <section className="detail-section" aria-labelledby="detail-burst-heading">
        <h3 id="detail-burst-heading">Holds {burst.members.length} notifications</h3>
        {burst.members.length === 0 ? (
          <p className="muted">The entries it held are no longer in the history.</p>
        ) : (
          <ul className="burst-members">
            {burst.members.map((member) => (
              <li key={member.seq}>
                <button type="button" className="link-button" onClick={() => onOpenEntry(member)}>
                  {cleanLine(member.event.title)}
                </button>
                <span className="muted small"> · {formatTime(member.event.time)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return (
    <section className="detail-section" aria-labelledby="detail-burst-heading">
      <h3 id="detail-burst-heading">Part of a burst</h3>
      {burst.summary ? (
        <p>
          Held back with {burst.members.length - 1} others into one summary:{' '}
          <button type="button" className="link-button" onClick={() => onOpenEntry(burst.summary!)}>
            {cleanLine(burst.summary.event.title)}
          </button>
        </p>
      ) : (
        <p className="muted">Its summary comes once the burst is over.</p>
      )}
    </section>
  );
}

/**
 * Everything about one entry: the event, the decision and why, the raw payload, and what to do next.
 * Server text is shown cleaned as in the history row and the notification (app/shared/clean-text.ts).
 */
export function EntryDetail({ entry, names, onClose, onMarkRead, onOpenEntry }: Props) {
  const { event, decision } = entry;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land in the pane when it opens (or shows another entry).
  useEffect(() => heading.current?.focus(), [entry.seq]);
  // A button that goes away once used (Mark read) must not drop the focus out of the pane.
  const markRead = () => {
    onMarkRead(entry.seq);
    heading.current?.focus();
  };
  // Escape also closes the pane when the focus is nowhere in particular (after a click elsewhere).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key === 'Escape' &&
        !e.defaultPrevented &&
        (!document.activeElement || document.activeElement === document.body)
      )
        onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const url = event.url;
  const ruleName = decision.ruleId ? (names.rules[decision.ruleId] ?? decision.ruleId) : undefined;
  const notification = decision.notification;
  return (
    <aside className="entry-detail" aria-labelledby="detail-heading" onKeyDown={escapeCancels(onClose)}>
      <header className="detail-head">
        <h2 id="detail-heading" ref={heading} tabIndex={-1} dir="auto">
          {cleanLine(event.title)}
        </h2>
        <button type="button" className="ghost" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="detail-badges">
        <SeverityBadge severity={event.severity} />
        <ActionBadge action={decision.action} />
        {!entry.read && <span className="badge">Unread</span>}
      </div>
      <div className="detail-actions">
        {url && (
          <button
            type="button"
            className="secondary small"
            onClick={() => void openLink(url).catch(() => undefined)}
          >
            Open link
          </button>
        )}
        {!entry.read && (
          <button type="button" className="secondary small" onClick={markRead}>
            Mark read
          </button>
        )}
        {event.sourceKind !== 'herald' && (
          <button
            type="button"
            className="secondary small"
            onClick={() => navigate('settings', { ruleFrom: entry.seq })}
          >
            Make a rule like this
          </button>
        )}
      </div>
      <div className="detail-scroll">
        {cleanText(event.body) && (
          <p className="detail-body" dir="auto">
            {cleanText(event.body)}
          </p>
        )}
        <section className="detail-section" aria-labelledby="detail-decision-heading">
          <h3 id="detail-decision-heading">Decision</h3>
          <p className="detail-reason">{cleanLine(decision.reason)}</p>
          <dl className="detail-fields">
            {ruleName && (
              <Row label="Rule">
                {ruleName}
                {ruleName !== decision.ruleId && <span className="muted mono"> ({decision.ruleId})</span>}
              </Row>
            )}
            {decision.key && (
              <Row label="Cooldown key">
                <span className="mono">{decision.key}</span>
              </Row>
            )}
            {notification && (
              <Row label="Notification">
                <strong>{cleanLine(notification.title)}</strong>
                {notification.body && (
                  <span className="detail-note-body">{cleanText(notification.body)}</span>
                )}
                <span className="muted small">
                  urgency {notification.urgency}
                  {notification.silent ? ', silent' : ''}
                </span>
              </Row>
            )}
          </dl>
        </section>
        <BurstLinks entry={entry} onOpenEntry={onOpenEntry} />
        <section className="detail-section" aria-labelledby="detail-event-heading">
          <h3 id="detail-event-heading">Event</h3>
          <dl className="detail-fields">
            <Row label="Time">{formatFullTime(event.time)}</Row>
            <Row label="Received">{formatFullTime(entry.recordedAt)}</Row>
            <Row label="Source">
              {names.sources[event.sourceId] ?? event.sourceId}{' '}
              <span className="muted mono">
                ({event.sourceId}, {event.sourceKind})
              </span>
            </Row>
            <Row label="Type">
              <span className="mono">{event.type}</span>
            </Row>
            {event.entity && (
              <Row label="About">
                {cleanLine(event.entity.name)}{' '}
                <span className="muted mono">
                  ({[event.entity.kind, event.entity.id].filter(Boolean).join(' ')})
                </span>
              </Row>
            )}
            {url && (
              <Row label="Link">
                <span className="mono detail-url">{url}</span>
              </Row>
            )}
            <Row label="Event id">
              <span className="mono">{event.id}</span>
            </Row>
            <Row label="Entry">#{entry.seq}</Row>
          </dl>
        </section>
        {event.data && Object.keys(event.data).length > 0 && (
          <section className="detail-section" aria-labelledby="detail-data-heading">
            <h3 id="detail-data-heading">Values rules can test (data.…)</h3>
            <pre className="payload" tabIndex={0} aria-labelledby="detail-data-heading">
              {formatPayload(event.data)}
            </pre>
          </section>
        )}
        <section className="detail-section" aria-labelledby="detail-raw-heading">
          <h3 id="detail-raw-heading">Raw payload (raw.…)</h3>
          <pre className="payload" tabIndex={0} aria-labelledby="detail-raw-heading">
            {formatPayload(event.raw)}
          </pre>
        </section>
      </div>
    </aside>
  );
}
