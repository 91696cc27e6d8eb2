import { effectiveRules } from '../core/rules/effective-rules';
import { presetsByKind } from '../core/sources/registry';
import { printProblems } from './host';
import { loadConfig } from './load-config';

export function runCheck(file: string): number {
  const loaded = loadConfig(file);
  if (!loaded.ok) {
    printProblems(file, loaded.errors);
    return 1;
  }
  const { settings } = loaded;
  const presets = effectiveRules(settings, presetsByKind()).length - settings.rules.length;
  process.stdout.write(
    `${file}: OK — ${settings.sources.length} source(s), ${settings.rules.length} rule(s), ${presets} preset rule(s) in effect\n`,
  );
  return 0;
}
