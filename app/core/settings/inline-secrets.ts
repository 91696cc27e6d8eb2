import type { Secrets } from '../../shared/settings';
import { formatPath } from './issues';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Moves secret fields a user wrote into a source's `options` (a hand-written file, an old version)
 * out into the secrets, so a password never stays in settings. Works on the raw file, before
 * validation, so a secret never reaches an adapter's schema or an error message.
 */
export function extractInlineSecrets(
  sources: unknown,
  secretFieldsOf: (kind: string) => readonly string[] | undefined,
): { sources: unknown; secrets: Secrets; errors: string[] } {
  // A Map, not an object: a source id such as "__proto__" or "constructor" must not reach a prototype.
  const found = new Map<string, Record<string, string>>();
  const errors: string[] = [];
  if (!Array.isArray(sources)) return { sources, secrets: {}, errors };
  const cleaned = sources.map((source: unknown, index) => {
    if (!isObject(source) || !isObject(source.options) || typeof source.kind !== 'string') return source;
    const fields = secretFieldsOf(source.kind) ?? [];
    const present = fields.filter((field) => source.options && Object.hasOwn(source.options, field));
    if (present.length === 0) return source;
    const options = { ...source.options };
    for (const field of present) {
      const value = options[field];
      delete options[field];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string' && typeof value !== 'number') {
        errors.push(`${formatPath(['sources', index, 'options', field])}: expected text`);
        continue;
      }
      if (typeof source.id !== 'string') continue; // the missing id is reported by the schema
      const fieldsOfSource = found.get(source.id) ?? {};
      found.set(source.id, fieldsOfSource);
      fieldsOfSource[field] = String(value);
    }
    return { ...source, options };
  });
  // fromEntries defines own properties, so even "__proto__" stays a plain key.
  return { sources: cleaned, secrets: Object.fromEntries(found) as Secrets, errors };
}
