import { defineConfig } from 'vitest/config';

/** The core journeys again, in real Firefox ESR: the production Firefox build, one at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.firefox.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
