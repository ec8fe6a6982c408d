import { defineConfig } from 'vitest/config';

// Tests that are integration-level by size although they live beside the unit tests they extend: they run
// in the integration project, which `npm test` still runs.
const HEAVY_UNIT_FILES = [
  // A 1,000,000-vertex territory imported and split end to end, as `npm run split` does.
  'tests/unit/large.test.ts',
];

// Three projects: unit tests in Node, integration tests (the pipeline and the CLIs as processes, and the
// heavy files above), and browser tests that drive the production build in Debian's Chromium through
// playwright-core.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: HEAVY_UNIT_FILES,
          environment: 'node',
          testTimeout: 60_000,
          // Vitest's default on a 2-core machine is one worker (cores - 1): the main process is idle while
          // tests run, so two workers use both cores. The unit tests share no mutable state between files
          // (no globals, mocks or stubs left behind), so a worker keeps its loaded modules from one file to
          // the next instead of importing the geometry, the data and the libraries again for every file.
          pool: 'forks',
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        // Slow but honest: the pipeline rebuilding geo/ and the CLIs run as processes, as a user runs them.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', ...HEAVY_UNIT_FILES],
          environment: 'node',
          testTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
