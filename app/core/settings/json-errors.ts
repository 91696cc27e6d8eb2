import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'number cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape',
  InvalidCharacter: 'control character in a string',
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Explains why `text` is not JSON, with line, column and offset. Built from a parser that reports
 * offsets rather than from V8's message, which quotes part of the text (and the text may hold secrets).
 */
export function describeJsonError(text: string, fallback: unknown): string {
  if (text.trim() === '') return 'the file is empty';
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // The parser recurses: text nested deeper than the stack allows is described from JSON.parse alone.
    errors.length = 0;
  }
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    const what =
      first.offset >= text.length ? 'unexpected end of file' : WORDS[printParseErrorCode(first.error)];
    return `not valid JSON: ${what ?? 'syntax error'} at line ${line}, column ${column} (position ${first.offset})`;
  }
  // Something only JSON.parse rejects: use its position if it gives one, never its excerpt.
  const position = /at position (\d+)/.exec(String((fallback as Error | undefined)?.message))?.[1];
  if (position === undefined) return 'not valid JSON';
  const { line, column } = lineAndColumn(text, Number(position));
  return `not valid JSON: syntax error at line ${line}, column ${column} (position ${position})`;
}
