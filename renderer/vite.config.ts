// eslint-disable-next-line no-restricted-imports -- the build config runs in Node, not in the page
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { WEB_PAGE_CSP } from '../app/shared/page-csp';
import { cspPlugin } from './csp-plugin';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web build of the renderer: `renderer-dist/`, served by `herald serve` (and loadable from file://
 * by Electron, hence relative asset paths). No inline scripts, so the strict CSP (app/shared/page-csp.ts)
 * it carries in a meta tag holds.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), cspPlugin(WEB_PAGE_CSP)],
  build: {
    outDir: here('../renderer-dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Keeps the module-preload polyfill (an inline-free helper) out; Chromium has native support.
    modulePreload: { polyfill: false },
  },
});
