/**
 * One path syntax for everything that points into an event or a JSON frame: rule conditions, templates
 * and the generic-json source. `type`, `entity.name`, `data.cpu.load`, `raw.Data[0].Name`, `raw["a.b"]`,
 * with an optional leading `$.` (JSONPath habit) and `$` alone meaning the root.
 */

export type PathSegment = string | number;

// Paths come from settings, so the set is small; the bound only guards against pathological callers.
const MAX_CACHED = 2000;
const cache = new Map<string, PathSegment[] | Error>();

function tokenize(path: string): PathSegment[] {
  let text = path.trim();
  if (text === '$') return [];
  if (text.startsWith('$.')) text = text.slice(2);
  else if (text.startsWith('$[')) text = text.slice(1);
  const segments: PathSegment[] = [];
  let i = 0;
  let expectName = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '.') {
      if (expectName) throw new Error(`empty segment at position ${i}`);
      expectName = true;
      i += 1;
    } else if (ch === '[') {
      const close = readBracket(text, i, segments);
      expectName = false;
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end += 1;
      segments.push(text.slice(i, end));
      expectName = false;
      i = end;
    }
  }
  if (expectName && segments.length > 0) throw new Error('path ends with "."');
  if (segments.length === 0) throw new Error('empty path');
  return segments;
}

/** Reads `[0]`, `["key"]` or `['key']` starting at `open`, pushes the segment, returns the index of `]`. */
function readBracket(text: string, open: number, segments: PathSegment[]): number {
  const quote = text[open + 1];
  if (quote === '"' || quote === "'") {
    const endQuote = text.indexOf(quote, open + 2);
    if (endQuote < 0 || text[endQuote + 1] !== ']') throw new Error(`unclosed ${quote} at position ${open}`);
    segments.push(text.slice(open + 2, endQuote));
    return endQuote + 1;
  }
  const close = text.indexOf(']', open);
  if (close < 0) throw new Error(`unclosed "[" at position ${open}`);
  const inner = text.slice(open + 1, close).trim();
  if (!/^\d+$/.test(inner)) throw new Error(`"[${inner}]" is not an index (use [0] or ["name"])`);
  segments.push(Number(inner));
  return close;
}

/** Parses a path; throws an Error explaining what is wrong (for validation messages). */
export function parseFieldPath(path: string): PathSegment[] {
  const hit = cache.get(path);
  if (hit instanceof Error) throw hit;
  if (hit) return hit;
  let result: PathSegment[] | Error;
  try {
    result = tokenize(path);
  } catch (error) {
    result = new Error(`field path "${path}": ${(error as Error).message}`);
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(path, result);
  if (result instanceof Error) throw result;
  return result;
}

/** Whether `path` parses; the message when it does not. */
export function fieldPathError(path: string): string | undefined {
  try {
    parseFieldPath(path);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The value at `path` inside `root`, or `undefined` when any step is missing or the path is malformed.
 * Only own properties are followed, so `constructor` or `__proto__` never leak out of a payload.
 */
export function getFieldPath(root: unknown, path: string): unknown {
  let segments: PathSegment[];
  try {
    segments = parseFieldPath(path);
  } catch {
    return undefined;
  }
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
      current = Number.isInteger(index) ? current[index] : undefined;
      continue;
    }
    const key = String(segment);
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Alias of getFieldPath under the short name other modules import. */
export const getPath = getFieldPath;
