import type { Flow, Group, Member, Settings } from '@dmc/shared/domain/session';
import type { SliceCreator } from './types';

/** The workshop flow as the session document reports it. Written only by collab/sessionClient. */
export interface WorkshopSlice {
  /** Null until the session document has synced. */
  readonly flow: Flow | null;
  readonly groups: readonly Group[];
  readonly members: readonly Member[];
  readonly settings: Settings | null;
  /** Server clock minus local clock (ms), for timers that agree on every screen. */
  readonly clockOffsetMs: number;
  /** Ids of members connected right now (from presence on the session document). */
  readonly online: readonly string[];
  setOnline(ids: readonly string[]): void;
  setWorkshop(values: { flow: Flow; groups: readonly Group[]; members: readonly Member[]; settings: Settings | null }): void;
  setClockOffset(ms: number): void;
  resetWorkshop(): void;
}

const initialWorkshop = {
  flow: null as Flow | null,
  groups: [] as readonly Group[],
  members: [] as readonly Member[],
  settings: null as Settings | null,
};

/** Creates the workshop slice. */
export const createWorkshopSlice: SliceCreator<WorkshopSlice> = (set) => ({
  ...initialWorkshop,
  clockOffsetMs: 0,
  online: [],
  setOnline: (online) => set({ online }),
  setWorkshop: (values) => set(values),
  setClockOffset: (clockOffsetMs) => set({ clockOffsetMs }),
  resetWorkshop: () => set({ ...initialWorkshop, online: [] }),
});
