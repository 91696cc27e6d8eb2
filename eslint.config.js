import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyInHosts = {
  paths: [
    {
      name: 'electron',
      message: 'app/core and app/shared stay pure Node: only app/main and app/preload may import electron.',
    },
    { name: 'electron-store', message: 'Settings persistence belongs to app/main.' },
  ],
};

/** The hosts (app/main, app/cli) build on the layers below them, never the other way round. */
const hostsOnlyAbove = (layer) => ({
  group: ['**/main/**', '**/cli/**', '**/preload/**'],
  message: `${layer} never imports a host (app/main, app/cli, app/preload): hosts build on it.`,
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'renderer-dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers import downwards only: shared ← core ← hosts (main, cli); the renderer sees shared only.
  {
    files: ['app/cli/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInHosts] },
  },
  {
    files: ['app/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronOnlyInHosts.paths, patterns: [hostsOnlyAbove('app/core')] },
      ],
    },
  },
  {
    files: ['app/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnlyInHosts.paths,
          patterns: [
            hostsOnlyAbove('app/shared'),
            { group: ['**/core/**'], message: 'app/shared is the bottom layer: it never imports app/core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnlyInHosts.paths,
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
            {
              group: ['**/app/core/**', '**/app/main/**', '**/app/cli/**'],
              message: 'The renderer talks only to window.herald.',
            },
          ],
        },
      ],
    },
  },
);
