import { listAdapters } from '../core/sources/registry';
import { loadConfig } from './load-config';

export function runCheck(file: string): number {
  const loaded = loadConfig(file);
  if (!loaded.ok) {
    process.stderr.write(`${file}: ${loaded.errors.length} problem(s)\n`);
    for (const error of loaded.errors) process.stderr.write(`  - ${error}\n`);
    return 1;
  }
  const { settings } = loaded;
  const kinds = new Set(settings.sources.filter((s) => s.presets).map((s) => s.kind));
  const presets = listAdapters()
    .filter((a) => kinds.has(a.kind))
    .reduce((n, a) => n + a.presets.filter((p) => !settings.disabledPresets.includes(p.id)).length, 0);
  process.stdout.write(
    `${file}: OK — ${settings.sources.length} source(s), ${settings.rules.length} rule(s), ${presets} preset rule(s)\n`,
  );
  return 0;
}
