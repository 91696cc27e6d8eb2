/**
 * The Content-Security-Policy of Herald's page, one list for every place it is delivered: the meta
 * tag of the built page (Electron loads it from file://, which has no headers) and `herald serve`'s
 * response header. Scripts and styles come only from the page's own files (Vite emits no inline code,
 * and the styles React sets go through the CSSOM, which style-src does not govern); nothing else may
 * load. Trusted Types make a string written into an HTML sink (innerHTML and the like) throw, so server
 * text can only ever reach the page as text.
 */
export function pageCsp(opts: {
  /** Where the page may connect: `'none'` (Electron, IPC only), `'self'`, or the serve origins. */
  connect: readonly string[];
  delivery: 'meta' | 'header';
}): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${opts.connect.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ];
  // Browsers ignore frame-ancestors in a meta tag (Chromium logs an error for it): header only.
  if (opts.delivery === 'header') directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** The Electron windows' page: it talks to the host through the preload only, so it connects nowhere. */
export const ELECTRON_PAGE_CSP = pageCsp({ connect: ["'none'"], delivery: 'meta' });
/**
 * The web build (`renderer-dist/`): its socket goes back to the server it came from. `herald serve`
 * also sends the exact policy (its origin by name, frame-ancestors) as a header; both must hold.
 */
export const WEB_PAGE_CSP = pageCsp({ connect: ["'self'"], delivery: 'meta' });

export function cspMetaTag(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}
