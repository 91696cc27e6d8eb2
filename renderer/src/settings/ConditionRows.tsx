import type { ConditionDraft, Op } from './condition-model';
import { opLabels, ops } from './condition-model';

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
      {conditions.map((c, i) => {
        const errors = errorsAt(i);
        return (
          <div key={i} className="condition-row">
            <input
              type="text"
              aria-label={`Condition ${i + 1} field`}
              placeholder="data.cpuPercent"
              value={c.field}
              onChange={(e) => update(i, { field: e.target.value })}
            />
            <select
              aria-label={`Condition ${i + 1} test`}
              value={c.op}
              onChange={(e) => update(i, { op: e.target.value as Op })}
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
                aria-label={`Condition ${i + 1} value`}
                value={c.value}
                onChange={(e) => update(i, { value: e.target.value })}
              />
            )}
            <button
              type="button"
              className="ghost small"
              aria-label={`Remove condition ${i + 1}`}
              onClick={() => onChange(conditions.filter((_, j) => j !== i))}
            >
              ×
            </button>
            {errors.length > 0 && (
              <p className="field-error" role="alert">
                {errors.join('; ')}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="secondary small"
        onClick={() => onChange([...conditions, { field: '', op: 'eq', value: '' }])}
      >
        Add condition
      </button>
    </fieldset>
  );
}
