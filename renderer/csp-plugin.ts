import type { Plugin } from 'vite';
import { cspMetaTag } from '../app/shared/page-csp';

/**
 * Puts the policy into the built page as the first element of <head>, before anything it governs.
 * Build only: the dev server's hot reload needs inline scripts.
 */
export function cspPlugin(policy: string): Plugin {
  return {
    name: 'herald-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    ${cspMetaTag(policy)}`),
  };
}
