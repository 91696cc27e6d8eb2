import { startTransition, useOptimistic } from 'react';
import type { SourceKindInfo } from '../../../app/shared/api';
import { Switch } from '../components/Switch';
import type { SectionProps } from './section-props';

/** Preset rules of the kinds in use, each with an off switch (stored as `disabledPresets`). */
export function PresetsList({ settings, save, kinds }: SectionProps & { kinds: SourceKindInfo[] }) {
  const used = new Set(settings.sources.map((s) => s.kind));
  const groups = kinds.filter((k) => used.has(k.kind) && k.presets.length > 0);
  const [disabledList, setOptimistic] = useOptimistic(settings.disabledPresets);
  const disabled = new Set(disabledList);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(disabled);
    if (on) next.delete(id);
    else next.add(id);
    startTransition(async () => {
      setOptimistic([...next]);
      await save({ ...settings, disabledPresets: [...next] });
    });
  };
  return (
    <div className="card" aria-labelledby="presets-heading">
      <h2 id="presets-heading">Presets</h2>
      <p className="section-help">
        Ready-made rules for the kinds of server you use. Switch off any you do not want.
      </p>
      {groups.length === 0 && <p className="empty-inline">Add a source to see its presets.</p>}
      {groups.map((kind) => (
        <fieldset key={kind.kind}>
          <legend>{kind.displayName}</legend>
          <ul className="preset-list">
            {kind.presets.map((preset) => (
              <li key={preset.id}>
                <Switch
                  label={preset.name}
                  checked={!disabled.has(preset.id)}
                  onChange={(on) => toggle(preset.id, on)}
                />
                <span className="muted small">{preset.types?.join(', ')}</span>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
