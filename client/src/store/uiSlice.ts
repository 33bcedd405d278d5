import type { Locale, LocalizedText } from '@dmc/shared/template/types';
import type { NoteColor } from '@dmc/shared/domain/note';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import type { MessageKey } from '../i18n/messages';
import type { Size, Viewport } from '../scene/viewport';
import type { SliceCreator } from './types';

/** What the info dialog explains: a field, or a whole sheet. */
export type InfoTarget =
  { readonly kind: 'field'; readonly id: string } | { readonly kind: 'sheet'; readonly id: string };

/** A message shown in the notice bar; stored as a key so it follows the language toggle. */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warning' | 'error';
  readonly key: MessageKey;
  readonly vars?: Readonly<Record<string, string | number>>;
  /** Placeholders filled with another translated message. */
  readonly keyVars?: Readonly<Record<string, MessageKey>>;
  /** Extra untranslated detail, e.g. the server's own reason. */
  readonly detail?: string;
  /** Placeholders filled with a text from the template or the phase table, in the current language. */
  readonly localizedVars?: Readonly<Record<string, LocalizedText>>;
  /** How long an informational notice stays (default: a few seconds). */
  readonly ms?: number;
}

/** The note context menu, at a client (CSS pixel) position. */
export interface ContextMenuState {
  readonly noteId: string;
  readonly x: number;
  readonly y: number;
}

/** The discussion panel of a field: its agreed wording and its open questions (action points). */
export interface FieldPanelState {
  readonly fieldId: string;
  /** What gets the focus when it opens. */
  readonly focus: 'formulation' | 'deferral' | 'none';
  /** A new action point starts from this note (its text becomes the question). */
  readonly noteId?: string;
  /** An existing action point to edit. */
  readonly deferralId?: string;
}

/** A polite screen-reader announcement; the id makes a repeated text announce again. */
export interface Announcement {
  readonly id: number;
  readonly text: string;
}

/** Local interface state: what this person is looking at and doing. Never shared. */
export interface UiSlice {
  readonly locale: Locale;
  /** Whether the person picked the language themselves (then a workshop's language does not override it). */
  readonly localeChosen: boolean;
  readonly sheetId: string;
  readonly selectedId: string | null;
  readonly editingId: string | null;
  /** The note being dragged by this person (set on drag start and end only). */
  readonly draggingId: string | null;
  /** Per sheet; absent means "fit", which follows the canvas size. */
  readonly viewports: Readonly<Record<string, Viewport>>;
  readonly canvasSize: Size;
  /** The list view instead of the canvas; the choice is remembered per device (localStorage). */
  readonly listView: boolean;
  readonly info: InfoTarget | null;
  readonly notice: Notice | null;
  readonly contextMenu: ContextMenuState | null;
  readonly lastColor: NoteColor;
  readonly announcement: Announcement | null;
  /** A facilitator looking at another board than the phase's (plenary or a subgroup id); null: follow the phase. */
  readonly viewBoardId: string | null;
  /** The field whose discussion panel is open. */
  readonly fieldPanel: FieldPanelState | null;
  /** The facilitator this person stopped following (follow mode is on again when another starts it). */
  readonly stoppedFollowing: string | null;
  /** Local time the phase last changed on this screen (a refusal right after it is explained as such). */
  readonly phaseChangedAt: number;
  /** Whether single-key shortcuts (N, +, −, 0) are on; a setting per device (WCAG 2.1.4). */
  readonly singleKeyShortcuts: boolean;
  setViewBoard(boardId: string | null): void;
  openFieldPanel(panel: FieldPanelState | null): void;
  setStoppedFollowing(facilitatorId: string | null): void;
  setPhaseChangedAt(time: number): void;
  setLocale(locale: Locale, chosen: boolean): void;
  setSingleKeyShortcuts(on: boolean): void;
  setSheet(sheetId: string): void;
  select(noteId: string | null): void;
  startEditing(noteId: string): void;
  stopEditing(): void;
  setDragging(noteId: string | null): void;
  setViewport(sheetId: string, viewport: Viewport | null): void;
  setCanvasSize(size: Size): void;
  setListView(on: boolean): void;
  openInfo(target: InfoTarget | null): void;
  showNotice(notice: Omit<Notice, 'id'> | null): void;
  openContextMenu(menu: ContextMenuState | null): void;
  setLastColor(color: NoteColor): void;
  announce(text: string): void;
  resetUi(): void;
}

const LOCALE_KEY = 'dmc.locale';
const SINGLE_KEYS_KEY = 'dmc.singleKeyShortcuts';
const LIST_VIEW_KEY = 'dmc.listView';
let counter = 0;

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return value === 'nl' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function storedSingleKeys(): boolean {
  try {
    return localStorage.getItem(SINGLE_KEYS_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The canvas or the list view, as last chosen on this device; null: never chosen. */
function storedListView(): boolean | null {
  try {
    const value = localStorage.getItem(LIST_VIEW_KEY);
    return value === 'list' ? true : value === 'canvas' ? false : null;
  } catch {
    return null;
  }
}

/** The view a board opens in: the one chosen last on this device, else the list on a narrow screen. */
function initialListView(): boolean {
  return storedListView() ?? narrowScreen();
}

/** A phone-sized window (under 700 CSS px wide) starts in the list view: the canvas needs room. */
function narrowScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(max-width: 699.98px)').matches
    : false;
}

const firstSheet = discussiemodelTemplate.sheets[0]?.id ?? 'vel1';

/** Creates the UI slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set) => {
  const stored = storedLocale();
  return {
    locale: stored ?? 'nl',
    localeChosen: stored !== null,
    sheetId: firstSheet,
    selectedId: null,
    editingId: null,
    draggingId: null,
    viewports: {},
    canvasSize: { width: 0, height: 0 },
    listView: initialListView(),
    info: null,
    notice: null,
    contextMenu: null,
    lastColor: 'yellow',
    announcement: null,
    viewBoardId: null,
    fieldPanel: null,
    stoppedFollowing: null,
    phaseChangedAt: 0,
    singleKeyShortcuts: storedSingleKeys(),
    setViewBoard: (viewBoardId) => set({ viewBoardId, selectedId: null, editingId: null, contextMenu: null }),
    openFieldPanel: (fieldPanel) => set({ fieldPanel, contextMenu: null, info: null }),
    setStoppedFollowing: (stoppedFollowing) => set({ stoppedFollowing }),
    setPhaseChangedAt: (phaseChangedAt) => set({ phaseChangedAt }),
    setLocale: (locale, chosen) => {
      if (chosen) {
        try {
          localStorage.setItem(LOCALE_KEY, locale);
        } catch {
          // Private mode: the choice lasts for this tab only.
        }
      }
      set((s) => ({ locale, localeChosen: s.localeChosen || chosen }));
    },
    setSingleKeyShortcuts: (singleKeyShortcuts) => {
      try {
        localStorage.setItem(SINGLE_KEYS_KEY, singleKeyShortcuts ? 'on' : 'off');
      } catch {
        // Private mode: the setting lasts for this tab only.
      }
      set({ singleKeyShortcuts });
    },
    setSheet: (sheetId) => set({ sheetId, selectedId: null, editingId: null, contextMenu: null }),
    select: (selectedId) => set((s) => (s.selectedId === selectedId ? s : { selectedId, contextMenu: null })),
    startEditing: (editingId) => set({ editingId, selectedId: editingId, contextMenu: null }),
    stopEditing: () => set({ editingId: null }),
    setDragging: (draggingId) => set({ draggingId }),
    setViewport: (sheetId, viewport) =>
      set((s) => {
        const viewports = { ...s.viewports };
        if (viewport) viewports[sheetId] = viewport;
        else delete viewports[sheetId];
        return { viewports };
      }),
    setCanvasSize: (canvasSize) =>
      set((s) =>
        s.canvasSize.width === canvasSize.width && s.canvasSize.height === canvasSize.height ? s : { canvasSize },
      ),
    setListView: (listView) => {
      try {
        localStorage.setItem(LIST_VIEW_KEY, listView ? 'list' : 'canvas');
      } catch {
        // Private mode: the choice lasts for this tab only.
      }
      set({ listView, contextMenu: null, editingId: null });
    },
    openInfo: (info) => set({ info, contextMenu: null, fieldPanel: null }),
    showNotice: (notice) => set({ notice: notice ? { ...notice, id: ++counter } : null }),
    openContextMenu: (contextMenu) => set({ contextMenu }),
    setLastColor: (lastColor) => set({ lastColor }),
    announce: (text) => set({ announcement: { id: ++counter, text } }),
    resetUi: () =>
      set({
        sheetId: firstSheet,
        selectedId: null,
        editingId: null,
        draggingId: null,
        viewports: {},
        listView: initialListView(),
        info: null,
        notice: null,
        contextMenu: null,
        announcement: null,
        viewBoardId: null,
        fieldPanel: null,
        stoppedFollowing: null,
        phaseChangedAt: 0,
      }),
  };
};
