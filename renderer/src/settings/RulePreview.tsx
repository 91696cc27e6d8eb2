import { useEffect, useState } from 'react';
import { PUSH } from '../../../app/shared/api';
import type { RulePreviewRequest, RulePreviewResult } from '../../../app/shared/rule-preview';
import type { RuleInput } from '../../../app/shared/rules';
import { herald } from '../api/herald';
import { ActionBadge } from '../components/Badges';
import { formatTime } from '../format';
import { useDebounced } from '../hooks/useDebounced';

interface Props {
  rule: RuleInput;
  index: number;
  replace: boolean;
  sourceNames: Record<string, string>;
}

const LIMIT = 100;

/**
 * Live preview while a rule is edited: the host runs it, with the other rules around it, over the newest
 * history events and says which it would decide and what each would become.
 */
export function RulePreview({ rule, index, replace, sourceNames }: Props) {
  const request = useDebounced(JSON.stringify({ rule, index, replace, limit: LIMIT }), 300);
  const [result, setResult] = useState<RulePreviewResult>();
  const [failure, setFailure] = useState<string>();
  const [showAll, setShowAll] = useState(false);
  // New events change what the preview runs over: ask again, once per burst.
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = herald().subscribe(PUSH.historyAppended, () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setArrivals((n) => n + 1);
      }, 500);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    let current = true;
    herald()
      .rulePreview(JSON.parse(request) as RulePreviewRequest)
      .then(
        (answer) => {
          if (!current) return;
          setResult(answer);
          setFailure(undefined);
        },
        (err: Error) => current && setFailure(err.message),
      );
    return () => {
      current = false;
    };
  }, [request, arrivals]);

  const items = result?.ok ? (showAll ? result.items : result.items.filter((i) => i.matched)) : [];
  return (
    <section className="card rule-preview" aria-labelledby="rule-preview-heading">
      <h2 id="rule-preview-heading">Preview</h2>
      <p className="preview-summary" role="status" aria-live="polite">
        {failure
          ? `The preview is not available: ${failure}`
          : !result
            ? 'Running the rule over recent events…'
            : !result.ok
              ? 'The preview waits for a complete rule.'
              : result.scanned === 0
                ? 'No events in the history yet: the preview shows what this rule would do once some arrive.'
                : `Matches ${result.matched} of the last ${result.scanned} events.`}
      </p>
      {result && !result.ok && (
        <ul className="preview-problems">
          {result.errors.map((e, i) => (
            <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
      {result?.ok && result.scanned > 0 && (
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          Show the events it does not match too
        </label>
      )}
      {items.length > 0 && (
        <ol className="preview-list" aria-label="Events the rule was tried on">
          {items.map((item) => (
            <li key={item.seq} className={`preview-item${item.matched ? ' matched' : ''}`}>
              <div className="preview-head">
                <ActionBadge action={item.action} />
                <strong className="preview-title">{item.notification?.title ?? item.title}</strong>
                <time className="muted small">{formatTime(item.time)}</time>
              </div>
              {item.notification?.body && <p className="preview-body">{item.notification.body}</p>}
              <p className="muted small">
                {sourceNames[item.sourceId] ?? item.sourceId} · <span className="mono">{item.type}</span>
                {!item.matched && item.ruleId ? ' · decided by another rule' : ''}
              </p>
              <p className="preview-reason small">{item.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
