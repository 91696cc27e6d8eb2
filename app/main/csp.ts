/**
 * The Content-Security-Policy of Herald's windows. The page talks to the host only through the preload
 * (IPC), so it needs no network at all: scripts and styles from the app itself, nothing else.
 */
export const WINDOW_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** A file:// page has no response headers to carry the policy, so the packaged page gets it as a meta tag. */
export function cspMetaTag(policy = WINDOW_CSP): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}
