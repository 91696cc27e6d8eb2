import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Socket tests bind loopback ports; two workers match the machine and keep timing honest.
    maxWorkers: 2,
    // `herald serve` needs a built page; the files that start it share one placeholder (see the module).
    globalSetup: ['test/helpers/web-ui-global-setup.ts'],
    alias: {
      // Nothing under test may need the Electron binary: main-process code gets the fake.
      electron: new URL('./test/fakes/electron/index.ts', import.meta.url).pathname,
    },
  },
});
