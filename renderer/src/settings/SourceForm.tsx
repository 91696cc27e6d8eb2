import { useState } from 'react';
import type { AppInfo, SourceKindInfo } from '../../../app/shared/api';
import type { SourceConfig, TlsConfig } from '../../../app/shared/settings';
import { herald } from '../api/herald';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { Switch } from '../components/Switch';
import { slugify } from '../format';
import { escapeCancels } from '../hooks/useEscape';
import { useSectionSave } from '../hooks/useSectionSave';
import { KindFields } from './KindFields';
import { SaveBar } from './SaveBar';
import { SecretField } from './SecretFields';
import type { SectionProps } from './section-props';
import { TestConnection } from './TestConnection';

interface Props extends SectionProps {
  kind: SourceKindInfo | undefined;
  info: AppInfo | undefined;
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

/** Empty strings mean "not set": a `tls` object with nothing in it is left out. */
function cleanTls(tls: TlsConfig | undefined): TlsConfig | undefined {
  if (!tls) return undefined;
  const next: TlsConfig = {};
  if (tls.ca?.trim()) next.ca = tls.ca;
  if (tls.fingerprint256?.trim()) next.fingerprint256 = tls.fingerprint256.trim();
  return Object.keys(next).length ? next : undefined;
}

export function SourceForm({ settings, save, kind, info, index, source, secretsSet, onDone }: Props) {
  const isNew = !source;
  const [draft, setDraft] = useState<SourceConfig>(source ?? blankSource(kind));
  const [secretValues, setSecretValues] = useState<Record<string, string>>({});
  const [cleared, setCleared] = useState(new Set<string>());
  const [tlsOpen, setTlsOpen] = useState(Boolean(source?.tls));
  const { errors, status, run, setErrors, formRef } = useSectionSave(save);
  const base = `sources.${index}`;
  const set = (patch: Partial<SourceConfig>) => setDraft((d) => ({ ...d, ...patch }));
  const setTls = (patch: Partial<TlsConfig>) => setDraft((d) => ({ ...d, tls: { ...d.tls, ...patch } }));

  const current = (): SourceConfig => {
    const next: SourceConfig = { ...draft, id: draft.id || slugify(draft.name) };
    const tls = cleanTls(draft.tls);
    if (tls) next.tls = tls;
    else delete next.tls;
    return next;
  };

  const submit = async () => {
    const next = current();
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

  const testRequest = () => {
    const next = current();
    return {
      source: {
        ...(isNew ? {} : { id: source.id }),
        kind: next.kind,
        url: next.url,
        options: next.options,
        ...(next.tls ? { tls: next.tls } : {}),
      },
      secrets: Object.fromEntries(Object.entries(secretValues).filter(([, value]) => value)),
      clearedSecrets: [...cleared],
    };
  };

  const claimed = ['id', 'name', 'url', 'options', 'tls'].map((p) => `${base}.${p}`);
  const tlsErrors = errorsAt(errors, `${base}.tls`);
  return (
    <form
      ref={formRef}
      className="card"
      aria-labelledby="source-form-heading"
      onKeyDown={escapeCancels(onDone)}
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
          <input
            type="text"
            value={draft.name}
            autoFocus={isNew}
            onChange={(e) => set({ name: e.target.value })}
          />
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
          {info?.secretsNote && kind.fields.some((f) => f.secret) && (
            <p className="banner warning secrets-note" role="note">
              {info.secretsNote}
            </p>
          )}
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
            renderSecret={(field) => (
              <SecretField
                field={field}
                isSet={secretsSet.includes(field.key) && !cleared.has(field.key)}
                value={secretValues[field.key] ?? ''}
                storageNote={info?.secretsNote ? 'See the note above on where it is kept' : undefined}
                onChange={(value) => setSecretValues({ ...secretValues, [field.key]: value })}
                onClear={() => setCleared(new Set(cleared).add(field.key))}
              />
            )}
          />
        </fieldset>
      )}
      <details
        className="tls-settings"
        open={tlsOpen || tlsErrors.length > 0}
        onToggle={(e) => setTlsOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary>Certificate (https and wss only)</summary>
        <Field
          label="Trusted certificate fingerprint (SHA-256)"
          help="Trust exactly this certificate, e.g. your server's own self-signed one"
          errors={errorsAt(errors, `${base}.tls.fingerprint256`)}
        >
          <input
            type="text"
            className="mono"
            placeholder="AB:CD:…"
            value={draft.tls?.fingerprint256 ?? ''}
            onChange={(e) => setTls({ fingerprint256: e.target.value })}
          />
        </Field>
        <Field
          label="Extra certificate authority (PEM)"
          help="Trusted besides the system's; host names are still checked"
          errors={errorsAt(errors, `${base}.tls.ca`)}
        >
          <textarea
            rows={3}
            className="mono"
            placeholder="-----BEGIN CERTIFICATE-----"
            value={draft.tls?.ca ?? ''}
            onChange={(e) => setTls({ ca: e.target.value })}
          />
        </Field>
      </details>
      <TestConnection
        request={testRequest}
        onPin={(fingerprint256) => {
          setTls({ fingerprint256 });
          setTlsOpen(true);
        }}
      />
      <SaveBar
        status={status}
        errors={unclaimed(errors, claimed)}
        label={isNew ? 'Add source' : 'Save source'}
        onCancel={onDone}
      />
    </form>
  );
}
