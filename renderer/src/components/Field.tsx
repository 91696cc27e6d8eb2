import { useId } from 'react';
import type { ReactElement } from 'react';
import { cloneElement } from 'react';

interface Props {
  label: string;
  help?: string;
  errors?: string[];
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

/** A labelled control with its help text and errors wired up for screen readers. */
export function Field({ label, help, errors = [], children }: Props) {
  const id = useId();
  const describedBy = [help ? `${id}-help` : '', errors.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': errors.length > 0 || undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {help && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}
