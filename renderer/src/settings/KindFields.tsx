import type { ReactNode } from 'react';
import type { SourceFieldInfo } from '../../../app/shared/api';
import { Field } from '../components/Field';
import { Switch } from '../components/Switch';

interface Props {
  fields: SourceFieldInfo[];
  values: Record<string, unknown>;
  onChange(key: string, value: unknown): void;
  errorsFor(key: string): string[];
  /** Secret fields are rendered by the caller (they are stored apart), in their place in the list. */
  renderSecret(field: SourceFieldInfo): ReactNode;
}

/**
 * The kind's own fields, generated from its field list in the registry and kept in the adapter's order,
 * which follows meaning (server, account, password, API key, …) rather than secret or not.
 */
export function KindFields({ fields, values, onChange, errorsFor, renderSecret }: Props) {
  return (
    <>
      {fields.map((field) => {
        if (field.secret) return <div key={field.key}>{renderSecret(field)}</div>;
        const value = values[field.key] ?? field.default;
        if (field.type === 'boolean') {
          return (
            <Switch
              key={field.key}
              label={field.label}
              checked={Boolean(value)}
              onChange={(v) => onChange(field.key, v)}
            />
          );
        }
        return (
          <Field
            key={field.key}
            label={field.required ? `${field.label} *` : field.label}
            help={field.help}
            errors={errorsFor(field.key)}
          >
            {field.type === 'select' ? (
              <select
                value={String(value ?? '')}
                onChange={(e) => onChange(field.key, e.target.value || undefined)}
              >
                {!field.required && <option value="">—</option>}
                {field.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={field.type === 'number' ? 'number' : 'text'}
                placeholder={field.placeholder}
                value={value === undefined ? '' : String(value)}
                onChange={(e) => {
                  const text = e.target.value;
                  onChange(
                    field.key,
                    text === '' ? undefined : field.type === 'number' ? Number(text) : text,
                  );
                }}
              />
            )}
          </Field>
        );
      })}
    </>
  );
}
