import { defineConfig } from 'vitest/config';

/** End-to-end tests: the production build in a real Chromium, one browser at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
