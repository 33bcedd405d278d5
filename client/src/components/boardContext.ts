import { createContext, useContext } from 'react';
import type { ActionContext } from '../actions/types';

/** The live board for the components under BoardScreen. */
export const BoardContext = createContext<ActionContext | null>(null);

/** The action context of the board on screen; only valid under BoardScreen. */
export function useBoard(): ActionContext {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoard outside BoardScreen');
  return ctx;
}
