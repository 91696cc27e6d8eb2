import type { z } from 'zod';

type Path = readonly PropertyKey[];

/** `sources[1].url`, `snoozes["my nas"]`; the empty path is the file itself. */
export function formatPath(path: Path): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || 'settings';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const listOf = (values: readonly unknown[]): string => values.map((v) => String(v)).join(', ');

/**
 * One issue in plain words. Never quotes the offending value (it could be a secret pasted into the
 * wrong field); schema-provided messages (regexes, durations) are used as written.
 */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return 'required';
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `needs at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${min} item(s)`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `allows at most ${max} item(s)`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `expected one of: ${listOf(issue.values)}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        const missing = valueAt(input, issue.path) === undefined;
        return `${missing ? 'required, one of' : 'expected one of'}: ${listOf(options)}`;
      }
      // Unions of types (a duration is a number or a string): name what would have been accepted.
      const expected = new Set<string>();
      for (const branch of issue.errors) {
        for (const inner of branch) {
          if (inner.code === 'invalid_type' && inner.path.length === 0)
            expected.add(TYPE_WORDS[inner.expected] ?? inner.expected);
        }
      }
      if (valueAt(input, issue.path) === undefined) return 'required';
      return expected.size > 0 ? `expected ${[...expected].join(' or ')}` : 'not a valid value';
    }
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `not a valid ${issue.format}` : issue.message;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid entry';
    default:
      return issue.message;
  }
}

/** Zod issues as `path: problem` lines; `prefix` is the path of the validated value inside the file. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: Path = [],
): string[] {
  return issues.map((issue) => `${formatPath([...prefix, ...issue.path])}: ${describe(issue, input)}`);
}
