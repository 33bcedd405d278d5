import { useMemo } from 'react';
import { Layer } from 'react-konva';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { useAppStore } from '../store';
import { NoteShape, type NoteHandlers } from './NoteShape';
import { useViewport } from './useViewport';
import { visibleSheetRect } from './viewport';

/** Notes of the current sheet, bottom first; notes outside the view are not drawn (culling). */
export function NotesLayer({ sheetId, handlers }: { sheetId: string; handlers: NoteHandlers }) {
  const notes = useAppStore((s) => s.notes);
  const selectedId = useAppStore((s) => s.selectedId);
  const editingId = useAppStore((s) => s.editingId);
  const draggingId = useAppStore((s) => s.draggingId);
  const width = useAppStore((s) => s.canvasSize.width);
  const height = useAppStore((s) => s.canvasSize.height);
  const viewport = useViewport();

  const onSheet = useMemo(() => notes.filter((n) => n.sheetId === sheetId), [notes, sheetId]);
  const visible = useMemo(() => {
    const view = visibleSheetRect(viewport, { width, height });
    const margin = NOTE_SIZE;
    return onSheet.filter(
      (n) =>
        n.id === draggingId ||
        n.id === editingId ||
        (n.x + NOTE_SIZE >= view.x - margin &&
          n.x <= view.x + view.width + margin &&
          n.y + NOTE_SIZE >= view.y - margin &&
          n.y <= view.y + view.height + margin),
    );
  }, [onSheet, viewport, width, height, draggingId, editingId]);

  return (
    <Layer>
      {visible.map((note) => (
        <NoteShape key={note.id} note={note} selected={note.id === selectedId} editing={note.id === editingId} handlers={handlers} />
      ))}
    </Layer>
  );
}
