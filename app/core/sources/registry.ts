import { genericJsonAdapter } from './generic-json/adapter';
import { deconzAdapter } from './deconz/adapter';
import { embyAdapter } from './emby/adapter';
import { tvheadendAdapter } from './tvheadend/adapter';
import { unraidAdapter } from './unraid/adapter';
import type { RuleInput } from '../../shared/rules';
import type { SourceAdapter } from './types';

/**
 * Every server kind Herald knows. Adding a kind is one folder under `sources/` and one line here;
 * shared code routes through `getAdapter()` and never imports a kind's modules directly.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own options type
const ADAPTERS: Record<string, SourceAdapter<any>> = {
  unraid: unraidAdapter,
  tvheadend: tvheadendAdapter,
  emby: embyAdapter,
  'generic-json': genericJsonAdapter,
  deconz: deconzAdapter,
};

export function getAdapter(kind: string): SourceAdapter<unknown> {
  const adapter = ADAPTERS[kind];
  if (!adapter) throw new Error(`unknown source kind "${kind}" (known: ${Object.keys(ADAPTERS).join(', ')})`);
  return adapter;
}

export function isKnownSourceKind(kind: string): boolean {
  return Object.hasOwn(ADAPTERS, kind);
}

export function listAdapters(): SourceAdapter<unknown>[] {
  return Object.values(ADAPTERS);
}

/** Every kind's preset rules, for `effectiveRules`. */
export function presetsByKind(): Record<string, RuleInput[]> {
  return Object.fromEntries(listAdapters().map((adapter) => [adapter.kind, adapter.presets]));
}
