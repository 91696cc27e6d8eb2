import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../app/shared/api';
import type { SourceConfig } from '../../../app/shared/settings';
import { snoozedUntil } from '../../../app/shared/snooze';
import { KindCards } from '../components/KindCards';
import { useSecretsStatus, useSourceKinds } from '../hooks/useHostData';
import { useSourceStatuses } from '../hooks/useSourceStatuses';
import { SourceCard } from './SourceCard';
import { SourceForm } from './SourceForm';
import type { SectionProps } from './section-props';

type Editing = { index: number } | { kind: string } | undefined;

interface Props extends SectionProps {
  info: AppInfo | undefined;
  /** Open the form for a new source of this kind at once (a welcome card was picked). */
  addKind?: string;
  onAddDone?(): void;
}

export function SourcesSection({ settings, save, info, addKind, onAddDone }: Props) {
  const kinds = useSourceKinds();
  const statuses = useSourceStatuses();
  const [secrets, reloadSecrets] = useSecretsStatus();
  const [editing, setEditing] = useState<Editing>(addKind ? { kind: addKind } : undefined);
  useEffect(() => {
    if (addKind) setEditing({ kind: addKind });
  }, [addKind]);

  if (editing) {
    const existing = 'index' in editing ? settings.sources[editing.index] : undefined;
    const kind = kinds.find((k) => k.kind === (existing?.kind ?? ('kind' in editing ? editing.kind : '')));
    // The kinds arrive with the first answer from the host; the form is built from them.
    if (!kind && kinds.length === 0) return <p className="loading">Loading…</p>;
    return (
      <SourceForm
        key={'index' in editing ? `edit-${editing.index}` : `new-${editing.kind}`}
        settings={settings}
        save={save}
        kind={kind}
        info={info}
        index={'index' in editing ? editing.index : settings.sources.length}
        source={existing}
        secretsSet={existing ? (secrets[existing.id] ?? []) : []}
        onDone={() => {
          reloadSecrets();
          setEditing(undefined);
          if ('kind' in editing) onAddDone?.();
        }}
      />
    );
  }

  const remove = (source: SourceConfig) => {
    if (!window.confirm(`Remove ${source.name}? Its stored passwords are deleted too.`)) return;
    void save({ ...settings, sources: settings.sources.filter((s) => s.id !== source.id) });
  };

  return (
    <>
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
              pairs={kinds.find((k) => k.kind === source.kind)?.pairing !== undefined}
              status={statuses[source.id]}
              snoozedUntil={snoozedUntil(settings, source.id, Date.now())}
              onEdit={() => setEditing({ index })}
              onRemove={() => remove(source)}
            />
          ))}
        </ul>
      </div>
      <div className="card" aria-labelledby="add-source-heading">
        <h2 id="add-source-heading">Add a server</h2>
        <KindCards kinds={kinds} labelledBy="add-source-heading" onPick={(kind) => setEditing({ kind })} />
      </div>
    </>
  );
}
