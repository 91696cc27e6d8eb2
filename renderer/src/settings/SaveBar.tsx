import type { FieldError } from '../../../app/shared/api';

interface Props {
  status: 'idle' | 'saving' | 'saved';
  /** Errors no field shows, listed here so none is lost. */
  errors?: FieldError[];
  label?: string;
  onCancel?(): void;
}

export function SaveBar({ status, errors = [], label = 'Save', onCancel }: Props) {
  return (
    <div className="save-bar">
      {errors.length > 0 && (
        <ul className="form-errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
      <div className="save-actions">
        {status === 'saved' && (
          <span className="saved" role="status">
            Saved
          </span>
        )}
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {status === 'saving' ? 'Saving…' : label}
        </button>
      </div>
    </div>
  );
}
