import { useState } from 'react';
import { herald } from '../api/herald';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { useSectionSave } from '../hooks/useSectionSave';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

export function StorageSection({ settings, save }: SectionProps) {
  const [maxEntries, setMaxEntries] = useState(String(settings.history.maxEntries));
  const [maxAgeDays, setMaxAgeDays] = useState(String(settings.history.maxAgeDays));
  const [cleared, setCleared] = useState(false);
  const { errors, status, run, formRef } = useSectionSave(save);
  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="storage-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run({
          ...settings,
          history: { maxEntries: Number(maxEntries), maxAgeDays: Number(maxAgeDays) },
        });
      }}
    >
      <h2 id="storage-heading">History</h2>
      <div className="row">
        <Field label="Keep at most (events)" errors={errorsAt(errors, 'history.maxEntries')}>
          <input type="number" min={100} value={maxEntries} onChange={(e) => setMaxEntries(e.target.value)} />
        </Field>
        <Field label="Keep for (days)" errors={errorsAt(errors, 'history.maxAgeDays')}>
          <input type="number" min={1} value={maxAgeDays} onChange={(e) => setMaxAgeDays(e.target.value)} />
        </Field>
      </div>
      <SaveBar status={status} errors={unclaimed(errors, ['history.maxEntries', 'history.maxAgeDays'])} />
      <div className="danger-zone">
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm('Delete every event in the history?')) {
              void herald()
                .historyClear()
                .then(() => setCleared(true));
            }
          }}
        >
          Clear history…
        </button>
        {cleared && <span role="status">History cleared</span>}
      </div>
    </form>
  );
}
