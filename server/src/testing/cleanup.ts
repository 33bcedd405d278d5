import { afterEach } from 'vitest';

/** Takes the steps that undo what a test set up (a server, a client, a timer, a schema). */
export type Cleanup = (...steps: Array<() => unknown>) => void;

/**
 * Clean-up for the tests of the enclosing suite (or of the file, called at its top level): a test
 * hands each step to the returned function as it sets something up; after each test the steps run,
 * the last first, and are forgotten — also when the test failed half-way.
 */
export function cleanupAfterEach(): Cleanup {
  const steps: Array<() => unknown> = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return (...more) => {
    steps.push(...more);
  };
}
