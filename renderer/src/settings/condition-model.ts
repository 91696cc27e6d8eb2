import type { Condition } from '../../../app/shared/rules';

export const ops = ['eq', 'ne', 'contains', 'regex', 'lt', 'lte', 'gt', 'gte', 'changed', 'exists'] as const;
export type Op = (typeof ops)[number];

export const opLabels: Record<Op, string> = {
  eq: 'equals',
  ne: 'is not',
  contains: 'contains',
  regex: 'matches regex',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  changed: 'changed',
  exists: 'exists',
};

/** A condition as the form edits it: every value is text until saved. */
export interface ConditionDraft {
  field: string;
  op: Op;
  value: string;
}

export function toDraft(condition: Condition): ConditionDraft {
  const value = 'value' in condition ? condition.value : undefined;
  return {
    field: condition.field,
    op: condition.op,
    value: value === undefined || value === null ? '' : String(value),
  };
}

function scalar(text: string): string | number | boolean | null {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Numbers for comparisons; the host's validation reports a value that is not one. */
export function fromDraft(draft: ConditionDraft): Condition {
  const { field, op, value } = draft;
  switch (op) {
    case 'eq':
    case 'ne':
      return { field, op, value: scalar(value) };
    case 'contains':
    case 'regex':
      return { field, op, value };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { field, op, value: value.trim() === '' ? Number.NaN : Number(value) };
    case 'changed':
    case 'exists':
      return { field, op };
  }
}
