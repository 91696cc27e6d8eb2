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
  /** `regex` only: flags such as "i". */
  flags?: string;
  /** `changed` only: the previous and the new value it must change between (empty: any). */
  from?: string;
  to?: string;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function toDraft(condition: Condition): ConditionDraft {
  const draft: ConditionDraft = {
    field: condition.field,
    op: condition.op,
    value: 'value' in condition ? text(condition.value) : '',
  };
  if (condition.op === 'regex' && condition.flags) draft.flags = condition.flags;
  if (condition.op === 'changed') {
    if (condition.from !== undefined) draft.from = text(condition.from);
    if (condition.to !== undefined) draft.to = text(condition.to);
  }
  return draft;
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
      return { field, op, value };
    case 'regex':
      return draft.flags ? { field, op, value, flags: draft.flags } : { field, op, value };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { field, op, value: value.trim() === '' ? Number.NaN : Number(value) };
    case 'changed': {
      const changed: Condition = { field, op };
      if (draft.from?.trim()) changed.from = scalar(draft.from);
      if (draft.to?.trim()) changed.to = scalar(draft.to);
      return changed;
    }
    case 'exists':
      return { field, op };
  }
}

export const blankCondition = (): ConditionDraft => ({ field: '', op: 'eq', value: '' });
