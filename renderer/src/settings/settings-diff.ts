import type { Settings } from '../../../app/shared/settings';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const quoted = (name: string) => `“${name}”`;

/** Which top-level fields of two objects differ (`url`, `options`, …). */
function changedKeys(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function byId<T extends { id: string; name: string }>(
  noun: string,
  current: readonly T[],
  next: readonly T[],
  removedNote = '',
): string[] {
  const lines: string[] = [];
  const before = new Map(current.map((item) => [item.id, item]));
  const after = new Map(next.map((item) => [item.id, item]));
  for (const item of next) {
    const old = before.get(item.id);
    if (!old) lines.push(`Adds the ${noun} ${quoted(item.name)}`);
    else if (!same(old, item))
      lines.push(`Changes the ${noun} ${quoted(item.name)}: ${changedKeys(old, item).join(', ')}`);
  }
  for (const item of current)
    if (!after.has(item.id)) lines.push(`Removes the ${noun} ${quoted(item.name)}${removedNote}`);
  const kept = (list: readonly T[], other: Map<string, T>) =>
    list.filter((i) => other.has(i.id)).map((i) => i.id);
  if (!same(kept(current, after), kept(next, before))) lines.push(`Puts the ${noun}s in another order`);
  return lines;
}

const sections: [keyof Settings, string][] = [
  ['quietHours', 'quiet hours'],
  ['policy', 'delivery (dedup, bursts, rate cap)'],
  ['history', 'history retention'],
  ['app', 'app preferences'],
  ['snoozes', 'snoozed sources'],
];

/**
 * What applying `next` over `current` would change, one plain line each, so an import can be checked
 * before it replaces anything. `secretFields`: the passwords the file holds per source (names only).
 */
export function describeChanges(
  current: Settings,
  next: Settings,
  secretFields: Record<string, string[]> = {},
): string[] {
  const lines = [
    ...byId('source', current.sources, next.sources, ' and its stored passwords'),
    ...byId('rule', current.rules, next.rules),
  ];
  const offBefore = new Set(current.disabledPresets);
  const offAfter = new Set(next.disabledPresets);
  const switchedOff = [...offAfter].filter((id) => !offBefore.has(id)).length;
  const switchedOn = [...offBefore].filter((id) => !offAfter.has(id)).length;
  if (switchedOff) lines.push(`Switches off ${switchedOff} preset rule${switchedOff === 1 ? '' : 's'}`);
  if (switchedOn) lines.push(`Switches on ${switchedOn} preset rule${switchedOn === 1 ? '' : 's'}`);
  for (const [key, label] of sections) {
    const a = current[key] as object;
    const b = next[key] as object;
    if (!same(a, b)) lines.push(`Changes ${label}: ${changedKeys(a, b).join(', ')}`);
  }
  for (const [id, fields] of Object.entries(secretFields)) {
    if (fields.length === 0) continue;
    const name = next.sources.find((s) => s.id === id)?.name ?? id;
    lines.push(`Sets ${fields.join(', ')} for ${quoted(name)} (from the file's secrets)`);
  }
  return lines;
}
