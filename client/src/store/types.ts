import type { StateCreator } from 'zustand';
import type { BoardSlice } from './boardSlice';
import type { LinkSlice } from './linkSlice';
import type { PlenarySlice } from './plenarySlice';
import type { RecoverySlice } from './recoverySlice';
import type { SessionSlice } from './sessionSlice';
import type { UiSlice } from './uiSlice';
import type { WorkshopSlice } from './workshopSlice';

/** The whole client state: one bound store built from typed slices. */
export type AppState = SessionSlice & BoardSlice & UiSlice & WorkshopSlice & PlenarySlice & RecoverySlice & LinkSlice;

/** A slice creator that can read and write the whole state. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
