// Mutation testing (npm run test:mutation): plants one small bug at a time in the pure logic and
// checks that a unit test fails. Not part of npm test: a full run takes long on a small machine.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'lib/timeline/**/*.ts',
    'lib/policies/**/*.ts',
    'lib/money.ts',
    'lib/dates.ts',
    'lib/tracking-numbers.ts',
    'lib/evidence/**/*.{ts,tsx}',
    'lib/guard/**/*.ts',
    'lib/marketplaces/**/*.ts',
  ],
  testRunner: 'vitest',
  // The unit suite only: end-to-end tests drive a browser and would not fit a mutant's budget.
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  // Only the mutated code needs its type checks off in the sandbox; fixture pages stay untouched.
  disableTypeChecks: 'lib/**/*.{ts,tsx}',
  // The checker compiles lib alone: half the files and declarations of the whole project, and a
  // planted bug that breaks lib's types is discarded all the same.
  tsconfigFile: 'tsconfig.mutation.json',
  // Mutants that do not compile are discarded by the type checker rather than run.
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Results are kept between runs, so a rerun tests only mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two CPUs shared with the rest of the machine: one test runner, the checker beside it.
  concurrency: 1,
  // A bug planted in code that runs as a module loads re-runs every test file, about half a
  // minute here: with a shorter limit such bugs were counted as timed out (caught) unseen by any test.
  timeoutMS: 60000,
  ignorePatterns: ['.output', '.artifacts', 'reports', 'store'],
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 85, low: 70, break: null },
};
