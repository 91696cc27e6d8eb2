import { useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import { herald } from '../api/herald';
import { ErrorList } from '../components/ErrorList';
import { Switch } from '../components/Switch';
import { RestorePrevious } from './RestorePrevious';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportExportSection() {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();

  const importFile = async (file: File) => {
    setMessage(undefined);
    try {
      const result = await herald().settingsImport({ text: await file.text() });
      setErrors(result.ok ? [] : result.errors);
      if (result.ok) setMessage(`Imported ${file.name}`);
    } catch (err) {
      setErrors([{ path: '', message: (err as Error).message }]);
    }
  };

  return (
    <div className="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import &amp; export</h2>
      <h3>Export</h3>
      <p className="section-help">Saves sources, rules and preferences to a JSON file.</p>
      <Switch label="Include passwords and tokens" checked={includeSecrets} onChange={setIncludeSecrets} />
      {includeSecrets && (
        <p className="banner warning">
          The file will contain your secrets in plain text. Keep it somewhere safe.
        </p>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void herald()
            .settingsExport({ includeSecrets })
            .then((r) => download(r.filename, r.text))
        }
      >
        Export settings…
      </button>
      <h3>Import</h3>
      <p className="section-help">
        Replaces the current settings with those in the file, after checking them.
      </p>
      <label className="file-input">
        <span className="secondary button-like">Choose a settings file…</span>
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </label>
      {message && <p role="status">{message}</p>}
      <ErrorList errors={errors} />
      <RestorePrevious />
    </div>
  );
}
