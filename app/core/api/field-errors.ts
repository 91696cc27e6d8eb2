import type { z } from 'zod';
import type { FieldError } from '../../shared/api';

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * The settings parser reports plain strings; where one starts with a dotted path ("sources.0.url: …")
 * the path is split off so the form can show the message beside its field.
 */
export function messagesToFieldErrors(messages: readonly string[]): FieldError[] {
  return messages.map((text) => {
    const match = /^([A-Za-z_$][\w$]*(?:[.[][\w$\]-]*)*):\s+(.+)$/s.exec(text);
    return match
      ? { path: match[1]!.replace(/\[(\d+)\]/g, '.$1'), message: match[2]! }
      : { path: '', message: text };
  });
}
