import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests, DuckDB integration tests in Node, and browser tests on the built app.
export default defineConfig({
  test: {
    // Browser tests spend most of their time waiting on the page, so Node's tests run beside them: two
    // workers even on a 2-core machine, where vitest would otherwise run every file one after another.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      // A few unit tests run hundreds of fits or random sequences: seconds alone, more beside the browser tests.
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
