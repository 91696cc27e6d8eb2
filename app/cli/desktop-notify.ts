import { execFile } from 'node:child_process';
import type { Notification } from '../shared/rules';

/**
 * Raises a real desktop notification through libnotify's `notify-send` (Linux). Resolves false when
 * the tool is missing or fails, so `herald watch --notify` degrades to printing only.
 */
/** Notification daemons read the body as markup (`<a href>`, `<img>`): server text must stay text. */
const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function notifySend(n: Notification): Promise<boolean> {
  const args = ['--app-name=Herald', `--urgency=${n.urgency}`];
  if (n.timeoutMs) args.push(`--expire-time=${Math.round(n.timeoutMs)}`);
  // "--" keeps server-supplied text from being read as options.
  args.push('--', n.title, escapeMarkup(n.body));
  return new Promise((resolve) => {
    execFile('notify-send', args, { timeout: 5000 }, (error) => resolve(!error));
  });
}
