import type { FieldError } from '../../../app/shared/api';

/** Problems the host reported, each with its setting's path when it has one; nothing when there are none. */
export function ErrorList({ errors, label }: { errors: readonly FieldError[]; label?: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="form-errors" role="alert" aria-label={label}>
      {errors.map((e, i) => (
        <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
      ))}
    </ul>
  );
}
