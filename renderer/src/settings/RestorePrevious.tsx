import { useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import { herald } from '../api/herald';
import { ErrorList } from '../components/ErrorList';

/**
 * Every save keeps the settings it replaced (one generation). Restoring is a save too, so a second
 * restore brings back what the first one replaced.
 */
export function RestorePrevious() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();

  const restore = async () => {
    setMessage(undefined);
    setErrors([]);
    const question =
      'Replace the current settings with those from before the last change? ' +
      'The current ones are kept, so you can switch back.';
    if (!window.confirm(question)) return;
    try {
      const result = await herald().settingsRestorePrevious();
      if (result.ok) setMessage('The previous settings are back.');
      else setErrors(result.errors);
    } catch (err) {
      setErrors([{ path: '', message: (err as Error).message }]);
    }
  };

  return (
    <>
      <h3>Undo the last change</h3>
      <p className="section-help">
        Each save keeps the settings it replaced, so the last change can be undone.
      </p>
      <button type="button" className="secondary" onClick={() => void restore()}>
        Restore previous settings…
      </button>
      {message && <p role="status">{message}</p>}
      <ErrorList errors={errors} label="Restore problems" />
    </>
  );
}
