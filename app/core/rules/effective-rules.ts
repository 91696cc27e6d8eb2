import { RuleSchema, type Rule, type RuleInput } from '../../shared/rules';
import type { Settings } from '../../shared/settings';

export type EffectiveRulesSettings = Pick<Settings, 'rules' | 'sources' | 'disabledPresets'>;

/**
 * The rules the engine runs: the user's rules first, in their order, then each configured kind's presets
 * scoped to the sources of that kind that want presets. A preset the user switched off, or whose id a
 * user rule already uses (the user's edited copy), is left out. A preset that does not parse is skipped and
 * reported through `onInvalidPreset`, so one broken adapter cannot take the user's own rules down with it.
 */
export function effectiveRules(
  settings: EffectiveRulesSettings,
  presetsByKind: Record<string, RuleInput[]>,
  onInvalidPreset?: (presetId: string, message: string) => void,
): Rule[] {
  const result: Rule[] = [...settings.rules];
  const skip = new Set<string>([...settings.disabledPresets, ...settings.rules.map((rule) => rule.id)]);
  const sourcesByKind = new Map<string, string[]>();
  for (const source of settings.sources) {
    if (source.presets === false) continue;
    const ids = sourcesByKind.get(source.kind) ?? [];
    ids.push(source.id);
    sourcesByKind.set(source.kind, ids);
  }
  for (const [kind, sourceIds] of sourcesByKind) {
    for (const preset of presetsByKind[kind] ?? []) {
      if (skip.has(preset.id)) continue;
      const parsed = RuleSchema.safeParse(preset);
      if (!parsed.success) {
        onInvalidPreset?.(preset.id, parsed.error.message);
        continue;
      }
      // Source ids are restricted to letters, digits, "_", "." and "-", so as globs they match only themselves.
      result.push({ ...parsed.data, sources: [...sourceIds] });
      skip.add(preset.id);
    }
  }
  return result;
}
