/**
 * Soak: another workshop's websocket round trip while one client floods the server with
 * malformed frames (garbage, unknown message types, undecodable updates), reconnecting after
 * every close as an attacker would. Run: `node --import tsx server/src/soak/malformedFlood.ts`
 * (prints a small table; no assertions). Issue 9 measured p95 1.7 s here before the fix.
 */
import { performance } from 'node:perf_hooks';
import { MESSAGE, SYNC } from '@dmc/shared/protocol/messages';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { createWorkshop, rawSocket, startTestServer } from '../testing/harness';
import { bystander, row } from './roundTrip';

const FLOODERS = Number(process.env.FLOODERS ?? 8);
const SECONDS = Number(process.env.SECONDS ?? 10);

const server = await startTestServer({ maxConnectionsPerParticipant: 10_000, maxConnectionsPerAddress: 10_000 });
try {
  const target = await createWorkshop(server.url, 'Aanvaller');
  const other = await createWorkshop(server.url, 'Andere workshop');
  const probe = await bystander(server.url, other);
  const roundTrip = probe.roundTrip;

  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await roundTrip());

  const garbage = [
    new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]),
    new Uint8Array([MESSAGE.sync, SYNC.update, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    new Uint8Array([MESSAGE.sync, 9, 0]),
    new Uint8Array([MESSAGE.awareness, 5, 1, 2]),
    new Uint8Array(64 * 1024).fill(7),
  ];
  let stop = false;
  let frames = 0;
  let connections = 0;
  const flood = async (n: number) => {
    while (!stop) {
      const socket = await rawSocket(server.url, target.workshop.id, boardDocKey(PLENARY_BOARD), target.token);
      connections++;
      for (let i = 0; i < 50 && socket.ws.readyState === socket.ws.OPEN; i++) {
        socket.ws.send(garbage[(n + i) % garbage.length]!);
        frames++;
      }
      await socket.closed;
    }
  };
  const flooding = Array.from({ length: FLOODERS }, (_, n) => flood(n));
  const during: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) during.push(await roundTrip());
  stop = true;
  await Promise.all(flooding);

  console.log(
    `${FLOODERS} flooding clients for ${SECONDS} s: ${connections} connections, ${frames} malformed frames sent`,
  );
  console.log(row('round trip, idle', idle));
  console.log(row('round trip, during the flood', during));
  probe.close();
} finally {
  await server.close();
}
process.exit(0);
