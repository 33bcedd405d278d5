import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { Collab } from '../collab/collab';
import type { WorkshopService } from '../workshops';
import type { RedisRelay, WorkshopEvent } from './redisRelay';

/**
 * Workshop changes between server processes. The process that made a change announces it; every
 * other process reads the record again and re-checks the connections it holds, so a phase, a
 * closed workshop, a removal or a deletion takes effect on every process.
 */

/** How long an announcement may wait for Redis before the request goes on without it. */
const ANNOUNCE_TIMEOUT_MS = 2_000;

/**
 * Tells the other processes about a change (no-op for one process). Never throws: while Redis is
 * away the others catch up when it is back (they read every record again).
 */
export async function announce(relay: RedisRelay | undefined, event: WorkshopEvent): Promise<void> {
  if (!relay) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      relay.publishWorkshopEvent(event),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis did not answer')), ANNOUNCE_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    console.error(`[relay] announcing ${event.type} of ${event.workshopId} failed:`, (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

/** Follows the other processes' announcements, and catches up after Redis was away. */
export function followOtherProcesses(relay: RedisRelay, workshops: WorkshopService, collab: Collab): void {
  relay.onWorkshopEvent((event) => {
    void apply(event, workshops, collab).catch((error: unknown) =>
      console.error(`[relay] applying ${event.type} of ${event.workshopId} failed:`, error),
    );
  });
  relay.onGap(async () => {
    await workshops.refreshAll();
    await collab.catchUp();
    for (const id of new Set(collab.loadedWorkshops())) {
      if (!workshops.cached(id)) await collab.closeWorkshop(id, CLOSE.gone, 'the workshop was deleted');
      else collab.recheckAccess(id);
    }
  });
}

async function apply(event: WorkshopEvent, workshops: WorkshopService, collab: Collab): Promise<void> {
  const workshop = await workshops.refresh(event.workshopId);
  switch (event.type) {
    case 'deleted':
      await collab.closeWorkshop(event.workshopId, CLOSE.gone, 'the workshop was deleted');
      return;
    case 'removed':
      for (const room of collab.roomsOf(event.workshopId)) {
        for (const peer of [...room.peers.keys()]) {
          if (peer.actor.id === event.participantId)
            peer.close(CLOSE.unauthorized, 'you were removed from this workshop');
        }
      }
      collab.recheckAccess(event.workshopId);
      return;
    case 'changed':
      if (!workshop) await collab.closeWorkshop(event.workshopId, CLOSE.gone, 'the workshop was deleted');
      else collab.recheckAccess(event.workshopId);
      return;
  }
}
