import { useState } from 'react';
import type { SourceKindInfo } from '../../../app/shared/api';
import type { SourceConfig } from '../../../app/shared/settings';
import { herald } from '../api/herald';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { Switch } from '../components/Switch';
import { slugify } from '../format';
import { useSectionSave } from '../hooks/useSectionSave';
import { KindFields } from './KindFields';
import { SaveBar } from './SaveBar';
import { SecretFields } from './SecretFields';
import type { SectionProps } from './section-props';

interface Props extends SectionProps {
  kind: SourceKindInfo | undefined;
  index: number;
  source: SourceConfig | undefined;
  secretsSet: string[];
  onDone(): void;
}

function blankSource(kind: SourceKindInfo | undefined): SourceConfig {
  return {
    id: '',
    kind: kind?.kind ?? '',
    name: '',
    enabled: true,
    url: kind?.defaultUrl ?? '',
    options: {},
    presets: true,
  };
}

export function SourceForm({ settings, save, kind, index, source, secretsSet, onDone }: Props) {
  const isNew = !source;
  const [draft, setDraft] = useState<SourceConfig>(source ?? blankSource(kind));
  const [secretValues, setSecretValues] = useState<Record<string, string>>({});
  const [cleared, setCleared] = useState(new Set<string>());
  const { errors, status, run, setErrors } = useSectionSave(save);
  const base = `sources.${index}`;
  const set = (patch: Partial<SourceConfig>) => setDraft({ ...draft, ...patch });

  const submit = async () => {
    const next = { ...draft, id: draft.id || slugify(draft.name) };
    const sources = [...settings.sources];
    sources[index] = next;
    if (!(await run({ ...settings, sources }))) return;
    try {
      // The source exists now, so its secrets can be stored.
      for (const field of cleared) await herald().secretsClear({ sourceId: next.id, field });
      for (const [field, value] of Object.entries(secretValues)) {
        if (value) await herald().secretsSet({ sourceId: next.id, field, value });
      }
      onDone();
    } catch (err) {
      setErrors([{ path: '', message: (err as Error).message }]);
    }
  };

  const claimed = ['id', 'name', 'url', 'options'].map((p) => `${base}.${p}`);
  return (
    <form
      className="card"
      aria-labelledby="source-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="source-form-heading">
        {isNew ? 'Add' : 'Edit'} {kind?.displayName ?? draft.kind} source
      </h2>
      {kind && <p className="section-help">{kind.description}</p>}
      <div className="row">
        <Field label="Name" errors={errorsAt(errors, `${base}.name`)}>
          <input type="text" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field
          label="Id"
          help={isNew ? 'Used in rules; derived from the name if left empty' : 'Used in rules'}
          errors={errorsAt(errors, `${base}.id`)}
        >
          <input
            type="text"
            value={draft.id}
            placeholder={slugify(draft.name)}
            readOnly={!isNew}
            onChange={(e) => set({ id: e.target.value })}
          />
        </Field>
      </div>
      <Field label="Server URL" errors={errorsAt(errors, `${base}.url`)}>
        <input
          type="text"
          value={draft.url}
          placeholder={kind?.defaultUrl}
          onChange={(e) => set({ url: e.target.value })}
        />
      </Field>
      <Switch label="Enabled" checked={draft.enabled} onChange={(enabled) => set({ enabled })} />
      <Switch
        label="Use this kind's preset rules"
        checked={draft.presets}
        onChange={(presets) => set({ presets })}
      />
      {kind && (
        <fieldset>
          <legend>{kind.displayName} options</legend>
          <KindFields
            fields={kind.fields}
            values={draft.options}
            errorsFor={(key) => errorsAt(errors, `${base}.options.${key}`)}
            onChange={(key, value) => {
              const options = { ...draft.options };
              if (value === undefined) delete options[key];
              else options[key] = value;
              set({ options });
            }}
          />
          <SecretFields
            fields={kind.fields}
            setFields={secretsSet}
            values={secretValues}
            cleared={cleared}
            onChange={(key, value) => setSecretValues({ ...secretValues, [key]: value })}
            onClear={(key) => setCleared(new Set(cleared).add(key))}
          />
        </fieldset>
      )}
      <SaveBar
        status={status}
        errors={unclaimed(errors, claimed)}
        label={isNew ? 'Add source' : 'Save source'}
        onCancel={onDone}
      />
    </form>
  );
}
