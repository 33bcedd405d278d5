import { createContext, useContext } from 'react';
import type { SessionClient } from '../collab/sessionClient';

/**
 * The workshop's session client for the components of the board screen, also while no board is
 * shown (a participant waiting to be placed in a subgroup).
 */
export const WorkshopContext = createContext<SessionClient | null>(null);

/** The session client; null outside the board screen or before it started. */
export function useSessionClient(): SessionClient | null {
  return useContext(WorkshopContext);
}
