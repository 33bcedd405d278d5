/**
 * Soak: how long another workshop's websocket round trip takes while a ~6 MB backup is imported.
 * Run: `node --import tsx server/src/soak/importStall.ts` (prints a small table; no assertions).
 * Also times a synchronous parse of the same file on the main thread: what every other workshop
 * waited for before the import moved to a worker thread.
 */
import { performance } from 'node:perf_hooks';
import { parseBackup } from '@dmc/shared/export/json';
import { LIMITS } from '@dmc/shared/domain/limits';
import type { WorkshopExport } from '@dmc/shared/export/model';
import { MAX_BACKUP_BYTES } from '../routes/exchange';
import { createWorkshop, startTestServer } from '../testing/harness';
import { largeBackup } from '../testing/largeBackup';
import { bystander, row } from './roundTrip';

const GROUPS = 20;

const server = await startTestServer({ importsPer10Minutes: 100 });
try {
  const owner = await createWorkshop(server.url, 'Bron');
  const exported = await fetch(`${server.url}/api/workshops/${owner.workshop.id}/export/backup.json`, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  const base = (await exported.json()) as WorkshopExport;
  const body = JSON.stringify(largeBackup(base, GROUPS, LIMITS.notesPerBoard, owner.participant.id));

  const other = await createWorkshop(server.url, 'Andere workshop');
  const probe = await bystander(server.url, other);
  const roundTrip = probe.roundTrip;

  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await roundTrip());

  const during: number[] = [];
  let done = false;
  const started = performance.now();
  const importing = fetch(`${server.url}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  }).then((res) => {
    done = true;
    return res.status;
  });
  while (!done) during.push(await roundTrip());
  const status = await importing;
  const importMs = performance.now() - started;

  const syncStart = performance.now();
  const parsed = parseBackup(body, { maxBytes: MAX_BACKUP_BYTES });
  const syncParseMs = performance.now() - syncStart;

  console.log(
    `backup: ${(body.length / 1024 / 1024).toFixed(1)} MB, ${GROUPS} boards × ${LIMITS.notesPerBoard} notes; import answered ${status} in ${importMs.toFixed(0)} ms`,
  );
  console.log(row('round trip, idle', idle));
  console.log(row('round trip, during import', during));
  console.log(
    `synchronous parse on the main thread (the old stall): ${syncParseMs.toFixed(0)} ms (${parsed.ok ? 'valid' : 'invalid'})`,
  );
  probe.close();
} finally {
  await server.close();
}
// y-websocket providers may keep timers alive; the measurement is done.
process.exit(0);
