import type { SourceFieldInfo } from '../../../app/shared/api';
import { Field } from '../components/Field';

interface Props {
  fields: SourceFieldInfo[];
  /** Names of the fields already stored (values never come back from the host). */
  setFields: string[];
  values: Record<string, string>;
  cleared: Set<string>;
  onChange(key: string, value: string): void;
  onClear(key: string): void;
}

export function SecretFields({ fields, setFields, values, cleared, onChange, onClear }: Props) {
  return (
    <>
      {fields
        .filter((f) => f.secret)
        .map((field) => {
          const isSet = setFields.includes(field.key) && !cleared.has(field.key);
          return (
            <div key={field.key} className="secret-field">
              <Field
                label={field.label}
                help={field.help ?? 'Stored in the system keychain, never in the settings file'}
              >
                <input
                  type="password"
                  autoComplete="off"
                  placeholder={isSet ? 'Stored — type to replace' : (field.placeholder ?? '')}
                  value={values[field.key] ?? ''}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              </Field>
              <span className={`badge ${isSet ? 'secret-set' : 'secret-unset'}`}>
                {isSet ? 'set' : 'not set'}
              </span>
              {isSet && (
                <button type="button" className="ghost small" onClick={() => onClear(field.key)}>
                  Clear
                </button>
              )}
            </div>
          );
        })}
    </>
  );
}
