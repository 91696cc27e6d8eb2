import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, escapeInvisible } from '../../../app/shared/clean-text';

const ESC = '\x1b';

describe('cleanText / cleanLine: server text made safe to show', () => {
  it('removes terminal escape sequences whole, in 7-bit and 8-bit form', () => {
    expect(cleanLine(`${ESC}[1;31mDisk failed${ESC}[0m`)).toBe('Disk failed');
    expect(cleanLine(`${ESC}[38;2;255;0;0mred${ESC}[m`)).toBe('red');
    // An OSC 8 hyperlink: the target must not survive as text, the label does.
    expect(cleanLine(`${ESC}]8;;http://evil.example/${ESC}\\click me${ESC}]8;;${ESC}\\`)).toBe('click me');
    expect(cleanLine(`${ESC}]0;window title\x07Job done`)).toBe('Job done');
    expect(cleanLine(`${ESC}P1$r0m${ESC}\\ok`)).toBe('ok'); // DCS
    expect(cleanLine(`${ESC}_hidden${ESC}\\shown`)).toBe('shown'); // APC
    expect(cleanLine('\x9b31mC1 form\x9b0m')).toBe('C1 form');
    expect(cleanLine('\x9d0;title\x9cafter')).toBe('after');
    expect(cleanLine(`${ESC}cReset ${ESC}(Bcharset`)).toBe('Reset charset');
    // Broken sequences lose their opener; what follows stays readable.
    expect(cleanLine(`${ESC}[`)).toBe('');
    expect(cleanLine(`unterminated ${ESC}]8;;link`)).toBe('unterminated 8;;link');
    expect(cleanLine(`lone ${ESC}`)).toBe('lone');
  });

  it('removes control characters (backspace overstrike, BEL, NUL, DEL, C1)', () => {
    expect(cleanLine('safe\b\b\b\bevil')).toBe('safeevil');
    expect(cleanLine('a\x00b\x07c\x7fd\x80e\x9ff')).toBe('abcdef');
    expect(cleanText('form\ffeed\vtab')).toBe('formfeedtab');
  });

  it('removes bidi embeddings, overrides and isolates but keeps the marks RTL text needs', () => {
    // "Trojan Source": U+202E would make "exe.txt" read as "txt.exe".
    expect(cleanLine('invoice\u202etxt.exe')).toBe('invoicetxt.exe');
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ])
      expect(cleanLine(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe('ab');
    expect(cleanLine('\u05e9\u05dc\u05d5\u05dd\u200f 42')).toBe('\u05e9\u05dc\u05d5\u05dd\u200f 42');
  });

  it('removes invisible characters: zero width space, word joiner, BOM, tags, repeated selectors', () => {
    expect(cleanLine('pay\u200bpal\u2060.com\ufeff')).toBe('paypal.com');
    expect(cleanLine('a\u2062b\u206ac\ufff9d\ufffbe')).toBe('abcde');
    // Tag characters spelling hidden ASCII ("ASCII smuggling") go…
    expect(cleanLine('Hi\u{e0049}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}')).toBe('Hi');
    // …but an emoji flag tag sequence is a flag.
    const scotland = '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
    expect(cleanLine(`Go ${scotland}!`)).toBe(`Go ${scotland}!`);
    // One variation selector selects; a run of them carries hidden bytes.
    expect(cleanLine('\u2764\ufe0f\ufe0f\ufe01\u{e0100}x')).toBe('\u2764\ufe0fx');
  });

  it('keeps ordinary Unicode exactly: emoji (ZWJ, skin tones, keycaps), accents, CJK, RTL scripts', () => {
    const texts = [
      'Family 👨‍👩‍👧‍👦 and 👍🏽, keycap 1️⃣, heart ❤️, rainbow flag 🏳️‍🌈',
      'Crème brûlée for Zoë; e\u0301 combining; Ångström',
      '録画が完了しました：ニュース 7',
      '녹화 완료',
      'مرحبا بالعالم',
      'שלום עולם',
      'मेरा नाम\u200c', // ZWNJ is part of Indic and Persian spelling
      'co\u00adoperate', // a soft hyphen is a hyphenation hint, not a trick
      'math 𝔸 and old 𐌰',
    ];
    for (const text of texts) expect(cleanText(text)).toBe(text);
  });

  it('a body keeps its lines and tabs; a title is one line', () => {
    expect(cleanText('Line one\r\nLine two\rLine three\u2028four\x85five\n\tindented')).toBe(
      'Line one\nLine two\nLine three\nfour\nfive\n\tindented',
    );
    expect(cleanLine('Recording\r\n  failed:\tdisk full\n')).toBe('Recording failed: disk full');
    expect(cleanText('\n\n  padded body \n')).toBe('padded body');
  });

  it('a lone surrogate (valid in JSON, not in UTF-16 text) becomes U+FFFD', () => {
    expect(cleanLine(JSON.parse('"a\\ud800b\\udc00"') as string)).toBe('a\ufffdb\ufffd');
  });

  it('is idempotent and leaves clean text untouched', () => {
    const dirty = `${ESC}[31m\u202eA\u200b\r\nB\x07`;
    expect(cleanText(cleanText(dirty))).toBe(cleanText(dirty));
    expect(cleanLine('Front door opened')).toBe('Front door opened');
  });

  it('escapeInvisible shows what cleaning would remove as escapes, for a payload shown as evidence', () => {
    expect(escapeInvisible('invoice\u202etxt.exe')).toBe('invoice\\u202etxt.exe');
    expect(escapeInvisible('a\u200bb\x9bc\u{e0041}')).toBe('a\\u200bb\\u009bc\\u{e0041}');
    expect(escapeInvisible('{\n\t"ok": "👨‍👩‍👧 録画 مرحبا ❤️"\n}')).toBe('{\n\t"ok": "👨‍👩‍👧 録画 مرحبا ❤️"\n}');
  });
});
