import { useState } from 'react';
import type { AppInfo } from '../../../app/shared/api';
import { herald } from '../api/herald';
import { Field } from '../components/Field';
import { Switch } from '../components/Switch';
import { useSectionSave } from '../hooks/useSectionSave';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

export function AppSection({ settings, save, info }: SectionProps & { info: AppInfo | undefined }) {
  const [draft, setDraft] = useState(settings.app);
  const { errors, status, run, formRef } = useSectionSave(save);
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const desktop = info?.host !== 'serve';
  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="app-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ ...settings, app: draft });
      }}
    >
      <h2 id="app-heading">App</h2>
      <Switch
        label="Show notifications"
        checked={draft.notifications}
        onChange={(notifications) => set({ notifications })}
      />
      <Switch
        label="Start at login"
        checked={draft.autostart}
        disabled={!desktop}
        onChange={(autostart) => set({ autostart })}
      />
      <Switch
        label="Start hidden in the tray"
        checked={draft.startHidden}
        disabled={!desktop}
        onChange={(startHidden) => set({ startHidden })}
      />
      <Field label="Appearance">
        <select value={draft.theme} onChange={(e) => set({ theme: e.target.value as typeof draft.theme })}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </Field>
      <SaveBar status={status} errors={errors} />
      <div className="about">
        <button type="button" className="secondary" onClick={() => void herald().testNotification()}>
          Send a test notification
        </button>
        {info && (
          <p className="muted">
            {info.name} {info.version} · {info.host === 'serve' ? 'web UI (herald serve)' : 'desktop app'}
          </p>
        )}
      </div>
    </form>
  );
}
