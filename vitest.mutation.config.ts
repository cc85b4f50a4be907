// The unit tests mutation testing runs (stryker.config.js), once per planted bug: those of the
// pure modules it mutates. The component, database and background tests reach the same code
// only through React or IndexedDB, at many times the cost per planted bug.
import { configDefaults, defineConfig } from 'vitest/config';
import unit from './vitest.config';

export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: [
      'tests/unit/*.test.ts',
      'tests/unit/{evidence,guard,marketplaces,policies,timeline}/**/*.test.{ts,tsx}',
    ],
    // The pure modules need neither IndexedDB nor React Testing Library's cleanup, whose imports
    // would cost every test file a second on each planted bug.
    setupFiles: [],
    // One worker runs all the files of a planted bug's run, so the DOM library and the modules
    // load once per run rather than once per file: runs took twice as long isolated. Each run
    // still starts a fresh worker, so a bug planted in module-level code is always evaluated.
    isolate: false,
    // Each property still draws hundreds of cases per planted bug (see tests/property.ts).
    env: { ...unit.test?.env, PROPERTY_RUNS_CAP: '300' },
    // These two prove a reading's cost grows with the page and no pattern backtracks; they take
    // half a minute, and a planted bug would only show there as a timeout, not as a failure.
    exclude: [
      ...configDefaults.exclude,
      'tests/unit/marketplaces/linearity.test.ts',
      'tests/unit/marketplaces/patterns.test.ts',
    ],
  },
});
