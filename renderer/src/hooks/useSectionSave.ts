import { useCallback, useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import type { Settings } from '../../../app/shared/settings';

/** Save state of one settings form: errors from the host, and a short "Saved" after success. */
export function useSectionSave(save: (next: Settings) => Promise<FieldError[]>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const run = useCallback(
    async (next: Settings): Promise<boolean> => {
      setStatus('saving');
      const result = await save(next);
      setErrors(result);
      setStatus(result.length ? 'idle' : 'saved');
      return result.length === 0;
    },
    [save],
  );
  return { errors, status, run, setErrors };
}
