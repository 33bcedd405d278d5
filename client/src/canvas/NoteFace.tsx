import type { Context } from 'konva/lib/Context.js';
import type { Shape as KonvaShape } from 'konva/lib/Shape.js';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import type { SceneText } from '@dmc/shared/scene/sheetScene';
import { canvasFont } from '../scene/measure';
import { Shape } from './konva';

/**
 * A note's face — its shadow, its paper and its fitted text — as ONE Konva shape drawn by one
 * function. As three shapes (two rectangles and a Konva text) a board of 1,000 notes created
 * 3,000 nodes and measured every line of text again (Konva's text measures its lines to align
 * them, and the font's ascent at every draw) although the lines were already fitted; this draws
 * the fitted lines centred as they are, with the font's metrics measured once per size. It draws
 * exactly what the Konva shapes drew (the same paths, colours and text placement).
 */

/** Node name of a note's face (the test hook reads its `text` and `fontSize`). */
export const NOTE_FACE_NAME = 'note-face';

const SHADOW = { dx: 0.6, dy: 1.2, fill: 'rgba(15, 23, 42, 0.16)' } as const;
const CORNER = 1.5;
const PRIVATE_DASH = [4, 2.5];

/** What the face draws; set as the shape's attributes. */
export interface NoteFaceProps {
  readonly paper: string;
  readonly edge: string;
  readonly edgeWidth: number;
  readonly dashed: boolean;
  /** The fitted text (sheetScene's noteTextScene), or null while the note is edited or empty. */
  readonly textScene: SceneText | null;
}

/** Per font string: where the alphabetic baseline lies below a line's middle (as Konva places it). */
const baselineShifts = new Map<string, number>();

function baselineShift(ctx: CanvasRenderingContext2D, font: string): number {
  let shift = baselineShifts.get(font);
  if (shift === undefined) {
    const metrics = ctx.measureText('M');
    const ascent = metrics.fontBoundingBoxAscent ?? metrics.actualBoundingBoxAscent;
    const descent = metrics.fontBoundingBoxDescent ?? metrics.actualBoundingBoxDescent;
    shift = (ascent - descent) / 2;
    if (baselineShifts.size > 200) baselineShifts.clear();
    baselineShifts.set(font, shift);
  }
  return shift;
}

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, size: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, size, size, CORNER);
  ctx.closePath();
}

function drawFace(context: Context, shape: KonvaShape): void {
  const ctx = context._context;
  const { paper, edge, edgeWidth, dashed, textScene } = shape.attrs as NoteFaceProps;
  roundedRect(ctx, SHADOW.dx, SHADOW.dy, NOTE_SIZE);
  ctx.fillStyle = SHADOW.fill;
  ctx.fill();
  roundedRect(ctx, 0, 0, NOTE_SIZE);
  ctx.fillStyle = paper;
  ctx.fill();
  ctx.lineWidth = edgeWidth;
  ctx.strokeStyle = edge;
  if (dashed) ctx.setLineDash(PRIVATE_DASH);
  ctx.stroke();
  if (dashed) ctx.setLineDash([]);
  if (!textScene || textScene.lines.length === 0) return;
  const { x, y, width = 0, height = 0, lines, fontSize, fill } = textScene;
  const lineHeight = (textScene.lineHeight ?? 1) * fontSize;
  const font = canvasFont(textScene.style, fontSize);
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = fill;
  const top = y + (height - lines.length * lineHeight) / 2 + lineHeight / 2 + baselineShift(ctx, font);
  for (let i = 0; i < lines.length; i++) ctx.fillText(lines[i]!, x + width / 2, top + i * lineHeight);
}

/** Where a pointer finds the note: its paper. */
function hitFace(context: Context, shape: KonvaShape): void {
  context.beginPath();
  context.rect(0, 0, NOTE_SIZE, NOTE_SIZE);
  context.closePath();
  context.fillStrokeShape(shape);
}

/** A note's face; listens (the note is found and dragged by it). */
export function NoteFace(props: NoteFaceProps) {
  const { textScene } = props;
  return (
    <Shape
      name={NOTE_FACE_NAME}
      {...props}
      text={textScene ? textScene.lines.join('\n') : ''}
      fontSize={textScene?.fontSize ?? 0}
      // The box a picture of the note (Konva's cache) must hold: the paper and its shadow.
      width={NOTE_SIZE + SHADOW.dx}
      height={NOTE_SIZE + SHADOW.dy}
      sceneFunc={drawFace}
      hitFunc={hitFace}
      perfectDrawEnabled={false}
    />
  );
}
