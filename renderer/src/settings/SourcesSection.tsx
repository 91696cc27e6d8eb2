import { useState } from 'react';
import type { SourceConfig } from '../../../app/shared/settings';
import { snoozedUntil } from '../../../app/shared/snooze';
import { useSecretsStatus, useSourceKinds } from '../hooks/useHostData';
import { useSourceStatuses } from '../hooks/useSourceStatuses';
import { SourceCard } from './SourceCard';
import { SourceForm } from './SourceForm';
import type { SectionProps } from './section-props';

type Editing = { index: number } | { kind: string } | undefined;

export function SourcesSection({ settings, save }: SectionProps) {
  const kinds = useSourceKinds();
  const statuses = useSourceStatuses();
  const [secrets, reloadSecrets] = useSecretsStatus();
  const [editing, setEditing] = useState<Editing>();
  const [newKind, setNewKind] = useState('');

  if (editing) {
    const existing = 'index' in editing ? settings.sources[editing.index] : undefined;
    const kind = kinds.find((k) => k.kind === (existing?.kind ?? ('kind' in editing ? editing.kind : '')));
    return (
      <SourceForm
        settings={settings}
        save={save}
        kind={kind}
        index={'index' in editing ? editing.index : settings.sources.length}
        source={existing}
        secretsSet={existing ? (secrets[existing.id] ?? []) : []}
        onDone={() => {
          reloadSecrets();
          setEditing(undefined);
        }}
      />
    );
  }

  const remove = (source: SourceConfig) => {
    if (!window.confirm(`Remove ${source.name}? Its stored passwords are deleted too.`)) return;
    void save({ ...settings, sources: settings.sources.filter((s) => s.id !== source.id) });
  };

  return (
    <div className="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <p className="section-help">The servers Herald keeps a live connection to.</p>
      {settings.sources.length === 0 && (
        <p className="empty-inline">No sources yet. Add your first server below.</p>
      )}
      <ul className="source-list">
        {settings.sources.map((source, index) => (
          <SourceCard
            key={source.id}
            source={source}
            kindName={kinds.find((k) => k.kind === source.kind)?.displayName ?? source.kind}
            status={statuses[source.id]}
            snoozedUntil={snoozedUntil(settings, source.id, Date.now())}
            onEdit={() => setEditing({ index })}
            onRemove={() => remove(source)}
          />
        ))}
      </ul>
      <div className="add-source">
        <select
          aria-label="Kind of server to add"
          value={newKind}
          onChange={(e) => setNewKind(e.target.value)}
        >
          <option value="">Choose a kind of server…</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.displayName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          disabled={!newKind}
          onClick={() => {
            setEditing({ kind: newKind });
            setNewKind('');
          }}
        >
          Add source
        </button>
      </div>
      {newKind && <p className="muted">{kinds.find((k) => k.kind === newKind)?.description}</p>}
    </div>
  );
}
