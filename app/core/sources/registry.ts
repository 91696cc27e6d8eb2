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
const ADAPTERS = {
  unraid: unraidAdapter,
  tvheadend: tvheadendAdapter,
  emby: embyAdapter,
  'generic-json': genericJsonAdapter,
  deconz: deconzAdapter,
} as const;

/** The kinds Herald knows, as a type: `SourceConfig.kind` is user input, this is what it must be. */
export type SourceKind = keyof typeof ADAPTERS;

/** Each entry's key is its adapter's own `kind` (a mismatch does not compile). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own options type
const _keyedByKind: { readonly [K in SourceKind]: SourceAdapter<any, K> } = ADAPTERS;

export function isKnownSourceKind(kind: string): kind is SourceKind {
  return Object.hasOwn(ADAPTERS, kind);
}

export function getAdapter(kind: SourceKind): SourceAdapter<unknown> {
  if (!isKnownSourceKind(kind)) {
    throw new Error(`unknown source kind "${String(kind)}" (known: ${Object.keys(ADAPTERS).join(', ')})`);
  }
  return ADAPTERS[kind] as SourceAdapter<unknown>;
}

export function listAdapters(): SourceAdapter<unknown>[] {
  return Object.values(ADAPTERS) as SourceAdapter<unknown>[];
}

/** Every kind's preset rules, for `effectiveRules`. */
export function presetsByKind(): Record<string, RuleInput[]> {
  return Object.fromEntries(listAdapters().map((adapter) => [adapter.kind, adapter.presets]));
}
