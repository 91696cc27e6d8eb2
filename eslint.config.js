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
  {
    files: ['app/core/**', 'app/shared/**', 'app/cli/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInHosts] },
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
              group: ['**/app/core/**', '**/app/main/**'],
              message: 'The renderer talks only to window.herald.',
            },
          ],
        },
      ],
    },
  },
);
