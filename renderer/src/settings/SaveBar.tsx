import type { FieldError } from '../../../app/shared/api';
import { ErrorList } from '../components/ErrorList';

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
      <ErrorList errors={errors} />
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
