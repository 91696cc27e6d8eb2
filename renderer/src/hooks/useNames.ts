import { useMemo } from 'react';
import type { Settings } from '../../../app/shared/settings';
import { useSourceKinds } from './useHostData';
import { useSourceStatuses } from './useSourceStatuses';

export interface Names {
  /** Source id → the name the user gave it. */
  sources: Record<string, string>;
  /** Rule id → name, for the user's rules and every kind's presets. */
  rules: Record<string, string>;
}

/** Ids are what entries store; people read names. Unknown ids (a rule since deleted) stay as they are. */
export function useNames(settings: Settings | undefined): Names {
  const kinds = useSourceKinds();
  const statuses = useSourceStatuses();
  return useMemo(() => {
    const sources: Record<string, string> = { herald: 'Herald' };
    for (const status of Object.values(statuses)) sources[status.sourceId] = status.name;
    for (const source of settings?.sources ?? []) sources[source.id] = source.name;
    const rules: Record<string, string> = {};
    for (const kind of kinds) for (const preset of kind.presets) rules[preset.id] = preset.name;
    for (const rule of settings?.rules ?? []) rules[rule.id] = rule.name;
    return { sources, rules };
  }, [kinds, statuses, settings]);
}
