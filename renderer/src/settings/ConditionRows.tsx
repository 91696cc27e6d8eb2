import type { ConditionDraft, Op } from './condition-model';
import { blankCondition, opLabels, ops } from './condition-model';

interface RowProps {
  condition: ConditionDraft;
  /** "Condition 2", "On condition": names the row's controls for screen readers. */
  label: string;
  errors: string[];
  onChange(patch: Partial<ConditionDraft>): void;
  onRemove?(): void;
}

/** One test on one field: path, operator and what the operator needs (value, regex flags, from/to). */
export function ConditionRow({ condition: c, label, errors, onChange, onRemove }: RowProps) {
  const invalid = errors.length > 0 || undefined;
  return (
    <div className="condition-row">
      <input
        type="text"
        aria-label={`${label} field`}
        aria-invalid={invalid}
        placeholder="data.cpuPercent"
        value={c.field}
        onChange={(e) => onChange({ field: e.target.value })}
      />
      <select
        aria-label={`${label} test`}
        value={c.op}
        onChange={(e) => onChange({ op: e.target.value as Op })}
      >
        {ops.map((op) => (
          <option key={op} value={op}>
            {opLabels[op]}
          </option>
        ))}
      </select>
      {c.op !== 'changed' && c.op !== 'exists' && (
        <input
          type="text"
          aria-label={`${label} value`}
          value={c.value}
          onChange={(e) => onChange({ value: e.target.value })}
        />
      )}
      {c.op === 'regex' && (
        <input
          type="text"
          className="narrow"
          aria-label={`${label} regex flags`}
          placeholder="flags (i)"
          value={c.flags ?? ''}
          onChange={(e) => onChange({ flags: e.target.value || undefined })}
        />
      )}
      {c.op === 'changed' && (
        <>
          <input
            type="text"
            aria-label={`${label} changed from`}
            placeholder="from (any)"
            value={c.from ?? ''}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <input
            type="text"
            aria-label={`${label} changed to`}
            placeholder="to (any)"
            value={c.to ?? ''}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </>
      )}
      {onRemove && (
        <button
          type="button"
          className="ghost small"
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
      {errors.length > 0 && (
        <p className="field-error" role="alert">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

interface Props {
  conditions: ConditionDraft[];
  errorsAt(index: number): string[];
  onChange(conditions: ConditionDraft[]): void;
}

export function ConditionRows({ conditions, errorsAt, onChange }: Props) {
  const update = (i: number, patch: Partial<ConditionDraft>) =>
    onChange(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="conditions">
      <legend>Conditions (all must hold)</legend>
      {conditions.length === 0 && <p className="muted small">No conditions: every event in scope matches.</p>}
      {conditions.map((c, i) => (
        <ConditionRow
          key={i}
          condition={c}
          label={`Condition ${i + 1}`}
          errors={errorsAt(i)}
          onChange={(patch) => update(i, patch)}
          onRemove={() => onChange(conditions.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="secondary small"
        onClick={() => onChange([...conditions, blankCondition()])}
      >
        Add condition
      </button>
    </fieldset>
  );
}
