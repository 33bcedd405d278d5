import { NOTE_COLORS, NOTE_SIZE } from '@dmc/shared/domain/note';
import { NOTE_FILLS, NOTE_EDGES } from '../canvas/theme';
import { useViewport } from '../canvas/useViewport';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { ActionButton } from './ActionButton';
import { useBoard } from './boardContext';

/** Toolbar height in pixels, for placing it above or below the note. */
const HEIGHT = 40;

/** A small toolbar next to the selected note: colours, edit, delete. */
export function NoteToolbar() {
  const t = useT();
  const { board } = useBoard();
  const vp = useViewport();
  const sheetId = useAppStore((s) => s.sheetId);
  const editing = useAppStore((s) => s.editingId !== null);
  const dragging = useAppStore((s) => s.draggingId !== null);
  const menuOpen = useAppStore((s) => s.contextMenu !== null);
  const note = useAppStore((s) => (s.selectedId ? s.notes.find((n) => n.id === s.selectedId) : undefined));
  if (!note || editing || dragging || menuOpen || note.sheetId !== sheetId) return null;

  const mayEdit = board.mayEdit(note);
  const centreX = vp.x + (note.x + NOTE_SIZE / 2) * vp.scale;
  const above = vp.y + note.y * vp.scale - HEIGHT - 8;
  const top = above >= 4 ? above : vp.y + (note.y + NOTE_SIZE) * vp.scale + 8;

  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note.menuLabel')} style={{ left: centreX, top }}>
      <div className="note-toolbar__colors" role="group" aria-label={t('note.colorsLabel')}>
        {NOTE_COLORS.map((color) => (
          <ActionButton key={color} name={`color-${color}`} className="swatch" pressed={note.color === color}>
            <span className="swatch__chip" style={{ backgroundColor: NOTE_FILLS[color], borderColor: NOTE_EDGES[color] }} aria-hidden="true" />
          </ActionButton>
        ))}
      </div>
      {mayEdit && (
        <>
          <span className="note-toolbar__divider" aria-hidden="true" />
          <ActionButton name="editNote" icon="edit" />
          <ActionButton name="deleteNote" icon="trash" />
        </>
      )}
    </div>
  );
}
