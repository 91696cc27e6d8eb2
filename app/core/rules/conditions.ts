import type { Condition } from '../../shared/rules';
import { formatValue } from './describe';

/** Loose equality so a rule written `exitCode = 0` still matches a payload carrying "0". */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(a) && scalar(b) && String(a) === String(b);
}

/** Numbers, and strings that are plainly numbers ("56.5"); anything else is not comparable. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const symbols = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

export interface CompiledCondition {
  condition: Condition;
  /** Undefined when the regex does not compile: such a condition never holds (validateRules reports it). */
  regex?: RegExp;
}

export function compileCondition(condition: Condition): CompiledCondition {
  if (condition.op !== 'regex') return { condition };
  try {
    // 'g' and 'y' make RegExp.test stateful between events; a condition must not be.
    const flags = (condition.flags ?? '').replace(/[gy]/g, '');
    return { condition, regex: new RegExp(condition.value, flags) };
  } catch {
    return { condition };
  }
}

/**
 * Whether the condition holds for `value` (the field's current value). `previous` is the field's last
 * value for the same entity, only used by `changed`; `undefined` means "never seen", which is not a change.
 */
export function testCondition(compiled: CompiledCondition, value: unknown, previous: unknown): boolean {
  const c = compiled.condition;
  switch (c.op) {
    case 'eq':
      return looseEquals(value, c.value);
    case 'ne':
      return !looseEquals(value, c.value);
    case 'contains':
      if (typeof value === 'string') return value.includes(c.value);
      if (Array.isArray(value)) return value.some((item) => looseEquals(item, c.value));
      return false;
    case 'regex': {
      if (!compiled.regex) return false;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
      return compiled.regex.test(String(value));
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const n = toNumber(value);
      if (n === undefined) return false;
      if (c.op === 'lt') return n < c.value;
      if (c.op === 'lte') return n <= c.value;
      if (c.op === 'gt') return n > c.value;
      return n >= c.value;
    }
    case 'changed':
      if (previous === undefined || value === undefined) return false;
      if (looseEquals(previous, value)) return false;
      if (c.from !== undefined && !looseEquals(previous, c.from)) return false;
      if (c.to !== undefined && !looseEquals(value, c.to)) return false;
      return true;
    case 'exists':
      return value !== undefined && value !== null;
  }
}

/** What the condition asks for, without values: "data.cpu < 80", "data.state changed to \"open\"". */
export function describeCondition(c: Condition): string {
  switch (c.op) {
    case 'eq':
    case 'ne':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return `${c.field} ${symbols[c.op]} ${formatValue(c.value)}`;
    case 'contains':
      return `${c.field} contains ${formatValue(c.value)}`;
    case 'regex':
      return `${c.field} matches /${c.value}/${c.flags ?? ''}`;
    case 'changed': {
      const from = c.from !== undefined ? ` from ${formatValue(c.from)}` : '';
      const to = c.to !== undefined ? ` to ${formatValue(c.to)}` : '';
      return `${c.field} changed${from}${to}`;
    }
    case 'exists':
      return `${c.field} exists`;
  }
}

/** How the condition held for these values: "data.temp 56 > 55", "data.state changed \"closed\" → \"open\"". */
export function explainCondition(c: Condition, value: unknown, previous: unknown): string {
  switch (c.op) {
    case 'eq':
      return `${c.field} = ${formatValue(value)}`;
    case 'changed':
      return `${c.field} changed ${formatValue(previous)} → ${formatValue(value)}`;
    case 'exists':
      return `${c.field} exists (${formatValue(value)})`;
    case 'contains':
      return `${c.field} ${formatValue(value)} contains ${formatValue(c.value)}`;
    case 'regex':
      return `${c.field} ${formatValue(value)} matches /${c.value}/${c.flags ?? ''}`;
    default:
      return `${c.field} ${formatValue(value)} ${symbols[c.op]} ${formatValue(c.value)}`;
  }
}
