import { useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import { herald } from '../api/herald';
import { Switch } from '../components/Switch';
import { describeChanges } from './settings-diff';
import type { SectionProps } from './section-props';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Pending {
  name: string;
  text: string;
  changes: string[];
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function ImportExportSection({ settings }: Pick<SectionProps, 'settings'>) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [confirmSecrets, setConfirmSecrets] = useState(false);
  const [exported, setExported] = useState<string>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<string>();

  const runExport = async () => {
    setConfirmSecrets(false);
    setExported(undefined);
    try {
      const result = await herald().settingsExport({ includeSecrets });
      download(result.filename, result.text);
      setExported(
        `Exported ${result.filename}: ${count(settings.sources.length, 'source')}, ${count(settings.rules.length, 'rule')}, ${includeSecrets ? 'with passwords and tokens' : 'without passwords'}. Your browser saved it with your other downloads.`,
      );
    } catch (err) {
      setExported(`Export failed: ${(err as Error).message}`);
    }
  };

  const chooseFile = async (file: File) => {
    setMessage(undefined);
    setPending(undefined);
    try {
      const text = await file.text();
      const result = await herald().settingsImportPreview({ text });
      if (!result.ok) return setErrors(result.errors);
      setErrors([]);
      setPending({
        name: file.name,
        text,
        changes: describeChanges(settings, result.settings, result.secretFields),
      });
    } catch (err) {
      setErrors([{ path: '', message: (err as Error).message }]);
    }
  };

  const apply = async () => {
    if (!pending) return;
    try {
      const result = await herald().settingsImport({ text: pending.text });
      if (!result.ok) return setErrors(result.errors);
      setMessage(`Imported ${pending.name}`);
      setPending(undefined);
    } catch (err) {
      setErrors([{ path: '', message: (err as Error).message }]);
    }
  };

  return (
    <div className="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import &amp; export</h2>
      <h3>Export</h3>
      <p className="section-help">Saves sources, rules and preferences to a JSON file you download.</p>
      <Switch
        label="Include passwords and tokens"
        checked={includeSecrets}
        onChange={(on) => {
          setIncludeSecrets(on);
          setConfirmSecrets(false);
        }}
      />
      {confirmSecrets ? (
        <div className="banner warning confirm" role="alertdialog" aria-labelledby="confirm-secrets-text">
          <p id="confirm-secrets-text">
            The file will contain your passwords and tokens in plain text. Anyone who gets it can sign in to
            your servers.
          </p>
          <div className="confirm-actions">
            <button type="button" className="primary" onClick={() => void runExport()}>
              Export with passwords
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmSecrets(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => (includeSecrets ? setConfirmSecrets(true) : void runExport())}
        >
          Export settings…
        </button>
      )}
      {exported && (
        <p className="export-done" role="status">
          {exported}
        </p>
      )}
      <h3>Import</h3>
      <p className="section-help">
        Replaces the current settings with those in a file. You see what it changes before anything is
        applied.
      </p>
      <label className="file-input">
        <span className="secondary button-like">Choose a settings file…</span>
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void chooseFile(file);
            e.target.value = '';
          }}
        />
      </label>
      {pending && (
        <section className="import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">Importing {pending.name} would:</h3>
          {pending.changes.length === 0 ? (
            <p>Change nothing: the file matches the current settings.</p>
          ) : (
            <ul>
              {pending.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <div className="confirm-actions">
            <button type="button" className="primary" onClick={() => void apply()}>
              Apply import
            </button>
            <button type="button" className="secondary" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {message && <p role="status">{message}</p>}
      {errors.length > 0 && (
        <ul className="form-errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
