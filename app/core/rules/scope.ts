import picomatch from 'picomatch';
import type { HomeEvent } from '../../shared/home-event';
import type { Rule } from '../../shared/rules';

type Matcher = (text: string) => boolean;

const matchAll: Matcher = () => true;
const MEMO_LIMIT = 1000;

/**
 * Dotted types are matched as paths: `.` plays the role of `/`, so `emby.*` matches `emby.DisplayMessage`
 * but not `emby.Session.Start`, and `unraid.**` matches any depth. Source ids and kinds are single words.
 */
export function toTypePath(text: string): string {
  return text.replaceAll('.', '/');
}

/** Throws picomatch's error for a glob it cannot compile (validateRules reports it). */
export function compileGlobs(globs: readonly string[] | undefined, dotted: boolean): Matcher {
  if (!globs || globs.length === 0) return matchAll;
  const patterns = dotted ? globs.map(toTypePath) : [...globs];
  const isMatch = picomatch(patterns, { dot: true });
  // Types, kinds and source ids come from a small set, so remembering answers turns the regex run into a
  // Map lookup on the hot path (every rule, every event).
  const memo = new Map<string, boolean>();
  return (text) => {
    let hit = memo.get(text);
    if (hit === undefined) {
      hit = isMatch(dotted ? toTypePath(text) : text);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, hit);
    }
    return hit;
  };
}

function safeGlobs(globs: readonly string[] | undefined, dotted: boolean): Matcher {
  try {
    return compileGlobs(globs, dotted);
  } catch {
    return () => false;
  }
}

/** A predicate telling whether the event falls in the rule's sources, kinds and types. */
export function compileScope(rule: Pick<Rule, 'sources' | 'kinds' | 'types'>): (event: HomeEvent) => boolean {
  const sources = safeGlobs(rule.sources, false);
  const kinds = safeGlobs(rule.kinds, false);
  const types = safeGlobs(rule.types, true);
  return (event) => sources(event.sourceId) && kinds(event.sourceKind) && types(event.type);
}
