import type { Secrets, Settings } from '../../shared/settings';
import { SecretsSchema, SettingsSchema } from '../../shared/settings';
import type { Rule } from '../../shared/rules';
import { validateRules } from '../rules/template';
import { getAdapter, isKnownSourceKind, listAdapters } from '../sources/registry';
import type { SourceAdapter } from '../sources/types';
import { extractInlineSecrets } from './inline-secrets';
import { describeIssues, formatPath } from './issues';
import { migrate } from './migrations';

export type ParseSettingsResult =
  { ok: true; settings: Settings; secrets: Secrets; migratedFrom?: number } | { ok: false; errors: string[] };

/** What parseSettings needs from the rest of the core; tests pass their own adapters. */
export interface SettingsDeps {
  adapterFor(kind: string): Pick<SourceAdapter<unknown>, 'optionsSchema' | 'secretFields'> | undefined;
  knownKinds(): string[];
  /** Deeper rule checks (globs, regexes, templates): `path: problem` lines. */
  checkRules(rules: Rule[]): string[];
}

export const defaultSettingsDeps: SettingsDeps = {
  adapterFor: (kind) => (isKnownSourceKind(kind) ? getAdapter(kind) : undefined),
  knownKinds: () => listAdapters().map((adapter) => adapter.kind),
  // One rule at a time: its problems get the rule's place in the file, and duplicate ids (reported by
  // parseSettings in the same words as every other problem) are not reported twice.
  checkRules: (rules) =>
    rules.flatMap((rule, index) => validateRules([rule]).map((m) => `rules[${index}]: ${m}`)),
};

/** A file with thousands of problems is one problem for the user: show the first ones. */
const MAX_ERRORS = 50;

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function duplicateIds(list: unknown, field: string): string[] {
  if (!Array.isArray(list)) return [];
  const firstAt = new Map<string, number>();
  const errors: string[] = [];
  list.forEach((item: unknown, index) => {
    if (!isObject(item) || typeof item.id !== 'string') return;
    const first = firstAt.get(item.id);
    if (first === undefined) firstAt.set(item.id, index);
    else
      errors.push(`${formatPath([field, index, 'id'])}: "${item.id}" is already used by ${field}[${first}]`);
  });
  return errors;
}

function sourceKindErrors(sources: unknown, deps: SettingsDeps): string[] {
  if (!Array.isArray(sources)) return [];
  const errors: string[] = [];
  sources.forEach((source: unknown, index) => {
    if (!isObject(source) || typeof source.kind !== 'string' || source.kind === '') return;
    const adapter = deps.adapterFor(source.kind);
    if (!adapter) {
      const known = deps.knownKinds().join(', ') || 'none';
      errors.push(
        `${formatPath(['sources', index, 'kind'])}: unknown kind "${source.kind}" (known: ${known})`,
      );
      return;
    }
    const options = source.options ?? {};
    if (!isObject(options)) return; // the settings schema reports it
    const parsed = adapter.optionsSchema.safeParse(options);
    if (!parsed.success)
      errors.push(...describeIssues(parsed.error.issues, options, ['sources', index, 'options']));
  });
  return errors;
}

/**
 * Validates a settings object from anywhere (the store, an import, a hand-written config file):
 * migrates old versions, checks the schema, each source's options with its adapter, duplicate ids and
 * the rules, and splits secrets (a `secrets` section, or secret fields written into `options`) off the
 * settings. Errors are `path: problem` lines and never contain a secret.
 */
export function parseSettings(raw: unknown, deps: SettingsDeps = defaultSettingsDeps): ParseSettingsResult {
  if (!isObject(raw)) return { ok: false, errors: ['settings: expected an object ({ … }) at the top level'] };
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const { secrets: secretSection, format: _format, ...body } = migrated.value;

  const errors: string[] = [];
  let sectionSecrets: Secrets = {};
  if (secretSection !== undefined) {
    const parsed = SecretsSchema.safeParse(secretSection);
    if (parsed.success) sectionSecrets = parsed.data;
    else errors.push(...describeIssues(parsed.error.issues, secretSection, ['secrets']));
  }
  const inline = extractInlineSecrets(body.sources, (kind) => deps.adapterFor(kind)?.secretFields);
  errors.push(...inline.errors);
  const clean: Raw = { ...body, sources: inline.sources };
  if (clean.sources === undefined) delete clean.sources;

  const parsed = SettingsSchema.safeParse(clean);
  if (!parsed.success) errors.push(...describeIssues(parsed.error.issues, clean));
  errors.push(...sourceKindErrors(clean.sources, deps));
  errors.push(...duplicateIds(clean.sources, 'sources'), ...duplicateIds(clean.rules, 'rules'));
  if (parsed.success) errors.push(...deps.checkRules(parsed.data.rules));

  if (errors.length > 0 || !parsed.success) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`… and ${errors.length - MAX_ERRORS} more problems`);
    return { ok: false, errors: shown };
  }
  const settings = parsed.data;
  // Secrets of sources that are not in the file would only linger unseen: keep those of listed sources.
  const secrets: Secrets = {};
  for (const source of settings.sources) {
    const merged = { ...inline.secrets[source.id], ...sectionSecrets[source.id] };
    if (Object.keys(merged).length > 0) secrets[source.id] = merged;
  }
  return {
    ok: true,
    settings,
    secrets,
    ...(migrated.from < settings.version ? { migratedFrom: migrated.from } : {}),
  };
}
