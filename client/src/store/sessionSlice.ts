import type { SessionResponse } from '@dmc/shared/protocol/api';
import type { SliceCreator } from './types';

/** Who this browser tab is in the workshop it shows. Persisted by api/sessions, not here. */
export interface SessionSlice {
  readonly session: SessionResponse | null;
  setSession(session: SessionResponse | null): void;
}

/** Creates the session slice. */
export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  session: null,
  setSession: (session) => set({ session }),
});
