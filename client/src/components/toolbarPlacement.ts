/**
 * Where a floating toolbar goes next to a selected object, like a whiteboard tool places it:
 * centred above the object when its measured height fits there, otherwise below it, otherwise
 * beside it; always kept fully inside the area (the canvas) with a small margin. Only when the
 * area is too small for every one of those does it overlap the object, still inside the area.
 * Pure geometry in CSS pixels relative to the area's top-left corner.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export type Side = 'above' | 'below' | 'right' | 'left' | 'over';

export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: Side;
}

/** Distance kept from the area's edges. */
export const EDGE_MARGIN = 8;
/** Space between the object and the toolbar above it (the object's labels stick out a little above it). */
export const GAP_ABOVE = 10;
/** Space below the object (its badges hang over its bottom edge). */
export const GAP_BELOW = 14;
/** Space beside the object. */
export const GAP_SIDE = 12;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

/** The toolbar's top-left corner for an object at `target`, a toolbar of `toolbar` size, in an area of `area` size. */
export function placeToolbar(target: Rect, toolbar: Size, area: Size): Placement {
  const minLeft = EDGE_MARGIN;
  const maxLeft = Math.max(minLeft, area.width - EDGE_MARGIN - toolbar.width);
  const minTop = EDGE_MARGIN;
  const maxTop = Math.max(minTop, area.height - EDGE_MARGIN - toolbar.height);
  const centredLeft = clamp(target.x + target.width / 2 - toolbar.width / 2, minLeft, maxLeft);

  const above = target.y - GAP_ABOVE - toolbar.height;
  if (above >= minTop && above <= maxTop) return { left: centredLeft, top: above, side: 'above' };
  const below = target.y + target.height + GAP_BELOW;
  if (below >= minTop && below <= maxTop) return { left: centredLeft, top: below, side: 'below' };

  // No room above or below (zoomed far in, or a very low window): beside the object, if it fits there.
  const middleTop = clamp(target.y + target.height / 2 - toolbar.height / 2, minTop, maxTop);
  const right = target.x + target.width + GAP_SIDE;
  if (right >= minLeft && right <= maxLeft) return { left: right, top: middleTop, side: 'right' };
  const left = target.x - GAP_SIDE - toolbar.width;
  if (left >= minLeft && left <= maxLeft) return { left, top: middleTop, side: 'left' };

  // Nowhere free: stay inside the area on the side with the most room, over part of the object.
  const roomAbove = target.y - minTop;
  const roomBelow = area.height - EDGE_MARGIN - (target.y + target.height);
  return { left: centredLeft, top: roomAbove >= roomBelow ? minTop : maxTop, side: 'over' };
}
