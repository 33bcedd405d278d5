/**
 * `npm run demo [-- http://127.0.0.1:8080]`: asks a running server for a fully filled example
 * workshop and prints its links. The same happens behind "Voorbeeldworkshop" on the home page.
 */
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';

const base = (process.argv[2] ?? process.env.DEMO_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const response = await fetch(`${base}/api/demo`, { method: 'POST' }).catch((error: Error) => {
  console.error(`Cannot reach ${base}: ${error.message}. Start the server first (npm start).`);
  process.exit(1);
});
if (response.status !== 201) {
  console.error(`The server answered ${response.status}: ${await response.text()}`);
  process.exit(1);
}
const created = (await response.json()) as CreateWorkshopResponse;
console.log(`Demo workshop "${created.workshop.title}" created.`);
console.log(`Facilitator link (keep it private): ${base}/f/${created.workshop.id}#${created.facilitatorSecret}`);
console.log(`Participants join at: ${base}/j/${created.workshop.code}`);
