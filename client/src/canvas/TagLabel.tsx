import { Label, Tag, Text } from './konva';
import { FONT_FAMILY } from '../scene/theme';

/** What a tag label shows and where: bold white text on a rounded fill (a name, "privé"). */
export interface TagLabelProps {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
  readonly fontSize: number;
  readonly padding: number;
  readonly cornerRadius: number;
  /** Drawn this far above `y` (the label's height, to sit on a line). */
  readonly offsetY?: number;
  /** A constant screen size on a zoomed stage: 1 / the stage's scale. */
  readonly scale?: number;
  readonly listening?: boolean;
}

/** A small label on the canvas: a person's name at their cursor, the private marker on a note. */
export function TagLabel({
  x,
  y,
  text,
  color,
  fontSize,
  padding,
  cornerRadius,
  offsetY = 0,
  scale = 1,
  listening = true,
}: TagLabelProps) {
  return (
    <Label x={x} y={y} scaleX={scale} scaleY={scale} offsetY={offsetY} listening={listening}>
      <Tag fill={color} cornerRadius={cornerRadius} perfectDrawEnabled={false} />
      <Text
        text={text}
        fontFamily={FONT_FAMILY}
        fontSize={fontSize}
        fontStyle="bold"
        fill="#ffffff"
        padding={padding}
        perfectDrawEnabled={false}
      />
    </Label>
  );
}
