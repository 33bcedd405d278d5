import { defineConfig } from 'vitest/config';

// One runner for every kind of test; `npm test` runs all projects.
//
// The unit and server projects run their files in one reused worker (`isolate: false`): on this
// 2-core machine a fresh worker per file cost about 0.8 s of start-up and imports each, more than
// most files' tests (105 s → 45 s for the 124 files). Their modules hold no state a file could leave
// behind for the next (servers, stores and documents are made per test). The end-to-end files keep
// their own workers: there isolation gains nothing measurable (Chromium's work dominates).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          include: ['shared/src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'client',
          include: ['client/src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Browsers are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
