/**
 * Gesture flags shared between the stage's pointer handling and the notes: a note must not start
 * dragging while the person holds Space to pan or pinches with two fingers. Refs, not state: they
 * change mid-gesture and nothing re-renders for them.
 */
export const gestures = {
  spaceHeld: false,
  pinching: false,
  /** Whether the current pan moved (then the release is not a click that clears the selection). */
  panMoved: false,
  /** When a context menu was last opened: Konva counts a right-click as the first half of a double-click. */
  lastContextMenu: 0,
};
