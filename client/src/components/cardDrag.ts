import { LIMITS } from '@dmc/shared/domain/limits';
import { isId } from '@dmc/shared/domain/ids';

/**
 * The drag-and-drop contract of inspiration cards: what a card carries when it is dragged out of
 * the deck, and how a drop target reads it back. The canvas (a new note) and the plenary action
 * table (a new action) both accept it; anything else gets the text as plain text.
 */

/** The data type of a dragged card: JSON `{ "id": "sd-07", "text": "…" }`. */
export const CARD_MIME = 'application/x-dmc-card';

/** Where the deck's cards go: notes on the canvas, or actions on the action list. */
export type DeckTarget = 'canvas' | 'actions';

/**
 * The window event by which the deck hands a card to the action list from the keyboard (the
 * keyboard twin of dropping it there); detail: `{ id, text }`.
 */
export const CARD_ACTION_EVENT = 'dmc:card-action';

/** What a dragged card carries. */
export interface CardDragPayload {
  /** The card's id in its deck, e.g. "sd-07". */
  readonly id: string;
  /** The card's text in the interface language. */
  readonly text: string;
}

/** The JSON a drag carries for a card. */
export function encodeCardPayload(payload: CardDragPayload): string {
  return JSON.stringify({ id: payload.id, text: payload.text });
}

/**
 * Reads a dragged card back; null for anything that is not one. Drops come from outside the app
 * too, so the shape is checked and the text trimmed and clamped to what a note may hold.
 */
export function parseCardPayload(raw: string): CardDragPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  return cardFromEvent(value);
}

/** Reads a card back from a {@link CARD_ACTION_EVENT}'s detail (or parsed drag data), checked as a drop is; null for anything else. */
export function cardFromEvent(value: unknown): CardDragPayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || !isId(id) || typeof text !== 'string') return null;
  const trimmed = text.trim().slice(0, LIMITS.noteTextLength);
  return trimmed === '' ? null : { id, text: trimmed };
}

/** The minimal view of a DataTransfer this module needs (a real one, or a test double). */
export interface DragDataLike {
  readonly types: readonly string[];
  getData(format: string): string;
  setData(format: string, data: string): void;
  effectAllowed: DataTransfer['effectAllowed'];
}

/** Puts a card on a drag: the card type for our drop targets, plain text for everything else. */
export function startCardDrag(data: DragDataLike, payload: CardDragPayload): void {
  data.setData(CARD_MIME, encodeCardPayload(payload));
  data.setData('text/plain', payload.text);
  data.effectAllowed = 'copy';
}

/** Whether a drag carries a card (readable during dragover, when the data itself is not). */
export function isCardDrag(data: Pick<DragDataLike, 'types'> | null): boolean {
  return data !== null && Array.from(data.types).includes(CARD_MIME);
}

/** The card a drop carries, or null. */
export function cardFromDrop(data: Pick<DragDataLike, 'types' | 'getData'> | null): CardDragPayload | null {
  if (!isCardDrag(data) || data === null) return null;
  return parseCardPayload(data.getData(CARD_MIME));
}
