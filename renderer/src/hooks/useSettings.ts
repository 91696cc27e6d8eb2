import { useCallback, useEffect, useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import { PUSH } from '../../../app/shared/api';
import type { Settings } from '../../../app/shared/settings';
import { herald } from '../api/herald';
import { useOnReconnect } from './useConnection';

/** The saved settings, kept current by `settings:changed`; `save` returns field errors (empty when saved). */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    herald()
      .settingsGet()
      .then(setSettings, (err: Error) => setError(err.message));
  }, []);

  useEffect(() => {
    load();
    return herald().subscribe(PUSH.settingsChanged, setSettings);
  }, [load]);
  useOnReconnect(load);

  const save = useCallback(async (next: Settings): Promise<FieldError[]> => {
    try {
      const result = await herald().settingsSet(next);
      // Saved settings arrive once, by the settings:changed push, in this window as in every other.
      return result.ok ? [] : result.errors;
    } catch (err) {
      return [{ path: '', message: (err as Error).message }];
    }
  }, []);

  return { settings, error, save };
}
