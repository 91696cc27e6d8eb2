import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldError } from '../../../app/shared/api';
import type { Settings } from '../../../app/shared/settings';

/**
 * Brings the first problem of a form into view and focus: the first invalid control, else the list of
 * errors no field claims. Long forms otherwise leave the user looking at a button that did nothing.
 */
export function focusFirstError(form: HTMLElement | null): void {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], .form-errors, .field-error');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

/**
 * Save state of one settings form: errors from the host, and a short "Saved" after success. Attach
 * `formRef` to the form: a refused save moves the focus to its first problem.
 */
export function useSectionSave(save: (next: Settings) => Promise<FieldError[]>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) focusFirstError(formRef.current);
  }, [refusals]);
  const run = useCallback(
    async (next: Settings): Promise<boolean> => {
      setStatus('saving');
      const result = await save(next);
      setErrors(result);
      setStatus(result.length ? 'idle' : 'saved');
      if (result.length) setRefusals((n) => n + 1);
      return result.length === 0;
    },
    [save],
  );
  const fail = useCallback((next: FieldError[]) => {
    setErrors(next);
    if (next.length) setRefusals((n) => n + 1);
  }, []);
  return { errors, status, run, setErrors: fail, formRef };
}
