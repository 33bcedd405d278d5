import { useEffect, useState } from 'react';
import { Group, Line, Rect } from './konva';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import type { RemotePresence } from '../collab/presence';
import { useBoard } from '../workshop/boardContext';
import { useStageScale } from './stageView';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { fitNoteText } from '../scene/noteText';
import { noteFontFloor } from '../scene/viewportField';
import { NOTE_FILLS } from '../scene/theme';
import { noteTextScene } from '@dmc/shared/scene/sheetScene';
import { sceneElements } from './sceneElements';
import { TagLabel } from './TagLabel';

/**
 * Other people's live presence on this sheet: their cursors, the notes they are dragging (before
 * the drop), and the notes they are typing in. Does not listen for events. Presence arrives many
 * times a second, so it is read from the presence feed once per animation frame, not from the store.
 */
export function OverlayShapes({ sheetId }: { sheetId: string }) {
  const scale = useStageScale();
  const { board } = useBoard();
  const t = useT();
  const [remote, setRemote] = useState<readonly RemotePresence[]>(() => board.presence.get());
  const notes = useAppStore((s) => s.notes);

  useEffect(() => {
    let frame = 0;
    const unsubscribe = board.presence.subscribe(() => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setRemote(board.presence.get());
      });
    });
    setRemote(board.presence.get());
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [board]);

  const noteById = new Map<string, Note>();
  for (const note of notes) if (note.sheetId === sheetId) noteById.set(note.id, note);
  const inverse = 1 / scale;

  return (
    <Group listening={false}>
      {remote.map((p) => {
        const note = p.editing ? noteById.get(p.editing) : undefined;
        if (!note) return null;
        return (
          <Group key={`edit-${p.clientId}`} x={note.x} y={note.y}>
            <Rect
              x={-3}
              y={-3}
              width={NOTE_SIZE + 6}
              height={NOTE_SIZE + 6}
              stroke={p.user.color}
              strokeWidth={2}
              dash={[6, 4]}
              strokeScaleEnabled={false}
              cornerRadius={3}
              perfectDrawEnabled={false}
            />
            <NameTag
              x={-3}
              y={-4}
              scale={inverse}
              color={p.user.color}
              text={t('presence.typing', { name: p.user.name })}
              above
            />
          </Group>
        );
      })}
      {remote.map((p) => {
        const note = p.drag ? noteById.get(p.drag.noteId) : undefined;
        if (!p.drag || !note) return null;
        const fitted = fitNoteText(note.text, noteFontFloor(scale));
        return (
          <Group key={`drag-${p.clientId}`} x={p.drag.x} y={p.drag.y} opacity={0.9}>
            <Rect
              width={NOTE_SIZE}
              height={NOTE_SIZE}
              fill={NOTE_FILLS[note.color]}
              stroke={p.user.color}
              strokeWidth={2}
              strokeScaleEnabled={false}
              cornerRadius={1.5}
              shadowColor="black"
              shadowOpacity={0.2}
              shadowBlur={8}
              shadowOffsetY={3}
              perfectDrawEnabled={false}
            />
            {sceneElements([noteTextScene(fitted)])}
          </Group>
        );
      })}
      {remote.map((p) => {
        if (!p.cursor || p.cursor.sheetId !== sheetId) return null;
        return (
          <Group key={`cursor-${p.clientId}`} x={p.cursor.x} y={p.cursor.y} scaleX={inverse} scaleY={inverse}>
            <Line
              points={[0, 0, 0, 17, 4.5, 13, 8, 20.5, 11, 19.2, 7.6, 11.8, 13, 11.8]}
              closed
              fill={p.user.color}
              stroke="#ffffff"
              strokeWidth={1.5}
              perfectDrawEnabled={false}
            />
            <NameTag x={12} y={18} scale={1} color={p.user.color} text={p.user.name} />
          </Group>
        );
      })}
    </Group>
  );
}

/** A name label in a person's colour, at constant screen size. */
function NameTag({
  x,
  y,
  scale,
  color,
  text,
  above = false,
}: {
  x: number;
  y: number;
  scale: number;
  color: string;
  text: string;
  above?: boolean;
}) {
  return (
    <TagLabel
      x={x}
      y={y}
      scale={scale}
      offsetY={above ? 22 : 0}
      text={text}
      color={color}
      fontSize={12}
      padding={4}
      cornerRadius={4}
    />
  );
}
