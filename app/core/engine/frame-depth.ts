/**
 * How deeply a frame may nest. Every server Herald speaks to sends JSON a few levels deep; V8's
 * JSON.parse accepts any depth, but much of what handles the parsed value recurses (normalisers, rule
 * templates, JSON.stringify for the history and the CLI, structured clone over IPC) and throws a
 * RangeError somewhere past a few thousand levels. A frame nested deeper than this is refused by the
 * pipeline's JSON decode, as a bad frame with its reason, before any of that code sees it.
 */
export const DEFAULT_MAX_FRAME_DEPTH = 256;

/**
 * True when the JSON text opens more than `max` arrays or objects inside one another. Brackets inside
 * strings do not count. Not a validator: text that is not JSON gets a quick, harmless answer.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  // Depth cannot exceed the number of opening brackets: most frames have too few to need the full scan.
  if (text.length <= 2 * max || countUpTo(text, '{', countUpTo(text, '[', 0, max), max) <= max) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) return false; // an unterminated string: JSON.parse will reject the frame anyway
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Adds the occurrences of `char` to `count`, stopping once past `max` (indexOf is native and fast). */
function countUpTo(text: string, char: string, count: number, max: number): number {
  for (let i = text.indexOf(char); i >= 0 && count <= max; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Index of the quote that closes the string opened at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
