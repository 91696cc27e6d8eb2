import type { Severity } from '../../../app/shared/home-event';
import type { DecisionAction } from '../../../app/shared/rules';
import type { HistoryFilters as Filters } from '../hooks/useHistory';

interface Props {
  filters: Filters;
  sources: { id: string; name: string }[];
  onChange(filters: Filters): void;
}

export function HistoryFilters({ filters, sources, onChange }: Props) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div className="filters" role="search">
      <input
        type="search"
        className="filter-text"
        placeholder="Search title, text, type…"
        aria-label="Search history"
        value={filters.text}
        onChange={(e) => set('text', e.target.value)}
      />
      <select aria-label="Source" value={filters.sourceId} onChange={(e) => set('sourceId', e.target.value)}>
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Severity"
        value={filters.severity}
        onChange={(e) => set('severity', e.target.value as Severity | '')}
      >
        <option value="">All severities</option>
        <option value="info">Info</option>
        <option value="warning">Warning</option>
        <option value="critical">Critical</option>
      </select>
      <select
        aria-label="Outcome"
        value={filters.action}
        onChange={(e) => set('action', e.target.value as DecisionAction | '')}
      >
        <option value="">All outcomes</option>
        <option value="notify">Notified</option>
        <option value="record">Recorded only</option>
        <option value="drop">Dropped</option>
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.unreadOnly}
          onChange={(e) => set('unreadOnly', e.target.checked)}
        />
        Unread only
      </label>
    </div>
  );
}
