import { memo } from 'react';
import type Konva from 'konva';
import { Group, Rect, Text } from 'react-konva';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { CANVAS_COLORS, FONT_FAMILY, NOTE_EDGES, NOTE_FILLS, NOTE_TEXT } from './theme';
import { fitNoteText } from './noteText';

function setCursor(node: Konva.Node, cursor: string): void {
  const container = node.getStage()?.container();
  if (container) container.style.cursor = cursor;
}

/** Node name of notes, for hit tests. */
export const NOTE_NAME = 'note';

/** What a note shape reports; the layer turns these into store and document changes. */
export interface NoteHandlers {
  onSelect(noteId: string): void;
  onEdit(noteId: string): void;
  onMenu(noteId: string, clientX: number, clientY: number): void;
  onDragStart(noteId: string, node: Konva.Node): boolean;
  onDragMove(noteId: string, x: number, y: number): void;
  onDragEnd(noteId: string, node: Konva.Node): void;
}

interface NoteShapeProps {
  readonly note: Note;
  readonly selected: boolean;
  readonly editing: boolean;
  readonly handlers: NoteHandlers;
}

/** One sticky note: paper, fitted text, selection outline. Memoised: redrawn only when it changed. */
export const NoteShape = memo(function NoteShape({ note, selected, editing, handlers }: NoteShapeProps) {
  const fitted = fitNoteText(note.text);
  const inner = NOTE_SIZE - 2 * NOTE_TEXT.padding;
  return (
    <Group
      id={`note-${note.id}`}
      name={NOTE_NAME}
      x={note.x}
      y={note.y}
      draggable={!editing}
      onPointerDown={(e) => {
        if (e.evt.button === 0 || e.evt.pointerType !== 'mouse') handlers.onSelect(note.id);
      }}
      onDblClick={() => handlers.onEdit(note.id)}
      onDblTap={() => handlers.onEdit(note.id)}
      onContextMenu={(e) => {
        e.evt.preventDefault();
        handlers.onMenu(note.id, e.evt.clientX, e.evt.clientY);
      }}
      onMouseEnter={(e) => setCursor(e.target, editing ? '' : 'grab')}
      onMouseLeave={(e) => setCursor(e.target, '')}
      onDragStart={(e) => {
        if (!handlers.onDragStart(note.id, e.target)) e.target.stopDrag();
      }}
      onDragMove={(e) => handlers.onDragMove(note.id, e.target.x(), e.target.y())}
      onDragEnd={(e) => handlers.onDragEnd(note.id, e.target)}
    >
      <Rect x={0.6} y={1.2} width={NOTE_SIZE} height={NOTE_SIZE} fill="rgba(15, 23, 42, 0.16)" cornerRadius={1.5} listening={false} perfectDrawEnabled={false} />
      <Rect
        width={NOTE_SIZE}
        height={NOTE_SIZE}
        fill={NOTE_FILLS[note.color]}
        stroke={NOTE_EDGES[note.color]}
        strokeWidth={0.6}
        cornerRadius={1.5}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      {!editing && fitted.lines.length > 0 && (
        <Text
          x={NOTE_TEXT.padding}
          y={NOTE_TEXT.padding}
          width={inner}
          height={inner}
          text={fitted.lines.join('\n')}
          fontSize={fitted.fontSize}
          lineHeight={NOTE_TEXT.lineHeight}
          fontFamily={FONT_FAMILY}
          fill={CANVAS_COLORS.ink}
          align="center"
          verticalAlign="middle"
          wrap="none"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {selected && (
        <Rect
          x={-2.5}
          y={-2.5}
          width={NOTE_SIZE + 5}
          height={NOTE_SIZE + 5}
          stroke={CANVAS_COLORS.selection}
          strokeWidth={2.5}
          strokeScaleEnabled={false}
          cornerRadius={2.5}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});
