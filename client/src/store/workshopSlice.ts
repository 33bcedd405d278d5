import type { AgendaMinutes } from '@dmc/shared/domain/schedule';
import type { AgendaEntry } from '@dmc/shared/domain/agenda';
import type { Flow, Group, Member, Reading, Settings } from '@dmc/shared/domain/session';
import type { SliceCreator } from './types';

/** The workshop flow as the session document reports it. Written only by collab/sessionClient. */
export interface WorkshopSlice {
  /** Null until the session document has synced. */
  readonly flow: Flow | null;
  readonly groups: readonly Group[];
  readonly members: readonly Member[];
  readonly settings: Settings | null;
  /** The reading list the facilitator prepared ("Vooraf lezen"), in order. */
  readonly readings: readonly Reading[];
  /** Planned minutes per phase from the prepared agenda (phases not in it keep their suggestion). */
  readonly agenda: AgendaMinutes;
  /** The facilitator's own agenda items (breaks and others), in their order. */
  readonly agendaEntries: readonly AgendaEntry[];
  /** Server clock minus local clock (ms), for timers that agree on every screen. */
  readonly clockOffsetMs: number;
  /** Ids of members connected right now (from presence on the session document). */
  readonly online: readonly string[];
  setOnline(ids: readonly string[]): void;
  /** Publishes the session document; `readings` and `agenda` are left as they were when not given or unchanged. */
  setWorkshop(values: {
    flow: Flow;
    groups: readonly Group[];
    members: readonly Member[];
    settings: Settings | null;
    readings?: readonly Reading[];
    agenda?: AgendaMinutes;
    agendaEntries?: readonly AgendaEntry[];
  }): void;
  setClockOffset(ms: number): void;
  resetWorkshop(): void;
}

const initialWorkshop = {
  flow: null as Flow | null,
  groups: [] as readonly Group[],
  members: [] as readonly Member[],
  settings: null as Settings | null,
  readings: [] as readonly Reading[],
  agenda: {} as AgendaMinutes,
  agendaEntries: [] as readonly AgendaEntry[],
};

/** Creates the workshop slice. */
export const createWorkshopSlice: SliceCreator<WorkshopSlice> = (set) => ({
  ...initialWorkshop,
  clockOffsetMs: 0,
  online: [],
  setOnline: (online) => set({ online }),
  setWorkshop: (values) =>
    set((s) => ({
      ...values,
      readings:
        values.readings === undefined || sameReadings(values.readings, s.readings) ? s.readings : values.readings,
      agenda: values.agenda === undefined || sameAgenda(values.agenda, s.agenda) ? s.agenda : values.agenda,
      agendaEntries:
        values.agendaEntries === undefined || JSON.stringify(values.agendaEntries) === JSON.stringify(s.agendaEntries)
          ? s.agendaEntries
          : values.agendaEntries,
    })),
  setClockOffset: (clockOffsetMs) => set({ clockOffsetMs }),
  resetWorkshop: () => set({ ...initialWorkshop, online: [] }),
});

/** Whether two agendas plan the same minutes (keeps the old object, so its readers do not re-render). */
function sameAgenda(a: AgendaMinutes, b: AgendaMinutes): boolean {
  const keys = Object.keys(a) as (keyof AgendaMinutes)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Whether two reading lists say the same (keeps the old list, so its readers do not re-render). */
function sameReadings(a: readonly Reading[], b: readonly Reading[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.title === b[i]?.title && r.url === b[i]?.url && r.order === b[i]?.order)
  );
}
