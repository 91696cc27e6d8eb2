/**
 * Server text made safe to show: in an OS notification, a terminal (`herald watch`) or the UI.
 *
 * Removed, because they change how the text (or the text around it) is displayed, or hide text:
 * - terminal escape sequences, whole (CSI `ESC [ … m`, OSC `ESC ] … BEL` such as OSC 8 links, DCS/APC/PM/SOS
 *   strings, two-byte escapes), in their 7-bit and 8-bit (C1) forms, so no `[31m` is left behind;
 * - every other C0/C1 control character (NUL, BEL, backspace, DEL…);
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make text read
 *   in another order than it is stored ("Trojan Source"); the marks LRM/RLM/ALM stay, as RTL text uses
 *   them and they cannot reorder a span;
 * - invisible characters with no place in a notification: zero width space, word joiner, invisible
 *   operators, BOM, deprecated format controls, interlinear annotation, tag characters outside an emoji
 *   flag sequence, and variation selectors repeated after the first (a way to smuggle hidden data).
 * Kept: every ordinary character, including emoji with ZWJ sequences, skin tones, keycaps and variation
 * selectors, accents and combining marks, CJK, Arabic and Hebrew themselves, ZWNJ, and soft hyphens.
 *
 * Line breaks: every form (CRLF, CR, NEL, U+2028/2029) becomes `\n`. A title is one line (`cleanLine`:
 * breaks and tabs become one space); a body may have several lines and tabs (`cleanText`). Both are
 * trimmed. Lone UTF-16 surrogates (possible in JSON) become U+FFFD.
 */

/* eslint-disable no-control-regex, no-misleading-character-class -- finding control characters and lone
   variation selectors is what this module is for */

/** Escape sequences (ECMA-48), removed whole. An unterminated string control loses only its opener. */
const ESCAPE_SEQUENCE = new RegExp(
  [
    // OSC, DCS, SOS, PM, APC: ESC ] P X ^ _ or their C1 forms, up to BEL or ST (ESC \ or 0x9C).
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d-\\x9f])[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)',
    // CSI: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte.
    '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]',
    // Any other escape: ESC, intermediates, a final byte (ESC c, ESC ( B, and openers of broken sequences).
    '\\x1b[\\x20-\\x2f]*[\\x30-\\x7e]',
  ].join('|'),
  'g',
);

const LINE_BREAK = /\r\n?|[\x85\u2028\u2029]/g;

/** Controls except tab and line feed (CR and NEL were turned into line feeds first). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const INVISIBLE = /[\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u180e\ufff9-\ufffb]/g;

/** An emoji tag sequence (the flags of England, Scotland, Wales) is kept; any other tag character goes. */
const TAGS = /(\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f})|[\u{e0000}-\u{e007f}]/gu;

/** A variation selector directly after another one selects nothing. */
const REPEATED_SELECTOR = /(?<=[\ufe00-\ufe0f\u{e0100}-\u{e01ef}])[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]+/gu;

const LONE_SURROGATE = /\p{Cs}/gu;

/** One test for the common case: text with none of the above is returned as it is. */
const SUSPECT =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]|\p{Cs}/u;

function clean(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAK, '\n')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(TAGS, (_all, flag: string | undefined) => flag ?? '')
    .replace(REPEATED_SELECTOR, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

/** Text that may span lines (a notification body): line feeds and tabs stay. */
export function cleanText(text: string): string {
  return clean(text).trim();
}

/**
 * For text shown as evidence (a raw payload): nothing removed, but every character `cleanText` would
 * remove, except tab and line feed, is written as a visible `\u…` escape, so a payload can neither
 * reorder nor hide what it shows.
 */
export function escapeInvisible(text: string): string {
  return text.replace(
    /[\x00-\x08\x0b-\x1f\x7f-\x9f\u180e\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]|\p{Cs}/gu,
    (c) => {
      const code = c.codePointAt(0)!;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}

/** One line (a title, a name, a status): line breaks and tabs become a single space. */
export function cleanLine(text: string): string {
  return clean(text)
    .replace(/[ \t\n]*[\t\n][ \t\n]*/g, ' ')
    .trim();
}
