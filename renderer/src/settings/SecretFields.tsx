import type { SourceFieldInfo } from '../../../app/shared/api';
import { Field } from '../components/Field';

interface Props {
  field: SourceFieldInfo;
  /** Already stored (its value never comes back from the host). */
  isSet: boolean;
  value: string;
  /** Where the host keeps what is typed here, when that is not the system keychain. */
  storageNote?: string;
  onChange(value: string): void;
  onClear(): void;
}

/** A password, token or key: typed, shown only as set / not set, cleared on purpose. */
export function SecretField({ field, isSet, value, storageNote, onChange, onClear }: Props) {
  const help = [field.help, storageNote ?? 'Stored in the system keychain, never in the settings file']
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="secret-field">
      <Field label={field.label} help={help}>
        <input
          type="password"
          autoComplete="off"
          placeholder={isSet ? 'Stored — type to replace' : (field.placeholder ?? '')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      <span className={`badge ${isSet ? 'secret-set' : 'secret-unset'}`}>{isSet ? 'set' : 'not set'}</span>
      {isSet && (
        <button type="button" className="ghost small" aria-label={`Clear ${field.label}`} onClick={onClear}>
          Clear
        </button>
      )}
    </div>
  );
}
