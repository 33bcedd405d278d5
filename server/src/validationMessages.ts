import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * `zod/mini` (what the shared schemas use, to keep the browser's first load small) brings no texts
 * for its issues: every one reads "Invalid input". The server's refusals name what is wrong — the
 * details of a 400, the reasons a backup cannot be imported (shown to the facilitator), the refused
 * writes in the log — so the server loads zod's English texts once, before it parses anything.
 */
config(en());
