import { config } from 'zod/v4/mini';

/**
 * `zod/mini` as the browser build sees it (vite.config.ts aliases the bare specifier here): the
 * real library, switched to jitless before any schema exists. Zod decides per object schema, when
 * the schema is created, whether to compile a fast parser with `new Function`; under our CSP (no
 * 'unsafe-eval') that probe is refused and the browser logs a violation. Setting the option in
 * the app's entry was not enough once shared schemas landed in a chunk that runs before it.
 * The interpreted path is fast enough for what the browser parses.
 */
config({ jitless: true });

export * from 'zod/v4/mini';
export { z } from 'zod/v4/mini';
