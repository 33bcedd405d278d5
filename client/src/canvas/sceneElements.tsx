import type { ReactElement } from 'react';
import type { ScenePrimitive } from '@dmc/shared/scene/sheetScene';
import { Group, Rect, Text } from './konva';
import { FONT_FAMILY } from '../scene/theme';

/**
 * Konva shapes for the shared sheet scene's primitives (shared/src/scene/sheetScene.ts): the canvas
 * and the PNG export both draw through here, so they show exactly what the PDF prints. Plain
 * elements, no component of their own, so a note costs no extra React work. Shapes do not listen
 * unless `listening` (a button's face is part of what is pressed); text never listens.
 */
export function sceneElements(shapes: readonly ScenePrimitive[], listening = false): ReactElement[] {
  return shapes.map((shape, i) => sceneElement(shape, i, listening));
}

/** Where a rectangle or a text's box lies in its group. */
function placeOf({ x, y, width, height }: { x: number; y: number; width?: number; height?: number }) {
  return { x, y, width, height };
}

function sceneElement(shape: ScenePrimitive, key: number, listening: boolean): ReactElement {
  switch (shape.kind) {
    case 'group':
      return (
        <Group key={shape.id ?? key} id={shape.id} x={shape.x} y={shape.y} listening={listening}>
          {sceneElements(shape.children, listening)}
        </Group>
      );
    case 'rect':
      return (
        <Rect
          key={key}
          {...placeOf(shape)}
          fill={shape.fill}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          cornerRadius={typeof shape.cornerRadius === 'object' ? [...shape.cornerRadius] : shape.cornerRadius}
          shadowColor={shape.shadow ? 'black' : undefined}
          shadowOpacity={shape.shadow?.opacity}
          shadowBlur={shape.shadow?.blur}
          shadowOffsetY={shape.shadow?.offsetY}
          listening={listening}
          perfectDrawEnabled={false}
        />
      );
    case 'text':
      return (
        <Text
          key={key}
          {...placeOf(shape)}
          text={shape.lines.join('\n')}
          fontFamily={FONT_FAMILY}
          fontSize={shape.fontSize}
          fontStyle={shape.style}
          lineHeight={shape.lineHeight ?? 1}
          fill={shape.fill}
          align={shape.align ?? 'left'}
          verticalAlign={shape.verticalAlign ?? 'top'}
          wrap="none"
          ellipsis={shape.ellipsis ?? false}
          listening={false}
          perfectDrawEnabled={false}
        />
      );
  }
}
