import { useState } from 'react';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { Switch } from '../components/Switch';
import { useSectionSave } from '../hooks/useSectionSave';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

export function QuietHoursSection({ settings, save }: SectionProps) {
  const [draft, setDraft] = useState(settings.quietHours);
  const { errors, status, run, formRef } = useSectionSave(save);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="quiet-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ ...settings, quietHours: draft });
      }}
    >
      <h2 id="quiet-heading">Quiet hours</h2>
      <p className="section-help">
        During quiet hours events are still recorded in the history, but no notification pops up.
      </p>
      <Switch label="Enable quiet hours" checked={draft.enabled} onChange={(enabled) => set({ enabled })} />
      <div className="row">
        <Field label="From" help="24-hour clock, e.g. 22:00" errors={errorsAt(errors, 'quietHours.start')}>
          <input
            type="text"
            inputMode="numeric"
            value={draft.start}
            onChange={(e) => set({ start: e.target.value })}
          />
        </Field>
        <Field label="Until" help="May wrap past midnight" errors={errorsAt(errors, 'quietHours.end')}>
          <input
            type="text"
            inputMode="numeric"
            value={draft.end}
            onChange={(e) => set({ end: e.target.value })}
          />
        </Field>
      </div>
      <Switch
        label="Critical events still notify"
        checked={draft.allowCritical}
        onChange={(allowCritical) => set({ allowCritical })}
      />
      <SaveBar status={status} errors={unclaimed(errors, ['quietHours.start', 'quietHours.end'])} />
    </form>
  );
}
