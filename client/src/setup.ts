import { config } from 'zod';

// Zod probes `new Function` to speed up parsing; under our strict CSP (no 'unsafe-eval') the
// probe is refused and the browser logs a violation. The interpreted path is fast enough here.
config({ jitless: true });
