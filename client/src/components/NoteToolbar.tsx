import { NOTE_COLORS, NOTE_SIZE } from '@dmc/shared/domain/note';
import { rightsOf } from '../actions/commands';
import { NOTE_FILLS, NOTE_EDGES } from '../canvas/theme';
import { useViewport } from '../canvas/useViewport';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { useCapabilities } from '../workshop/capabilities';
import { ActionButton } from './ActionButton';
import { useBoard } from './boardContext';
import { hasDiscussion, NoteDiscussion } from './NoteDiscussion';
import { NO_DISCUSSION, useDiscussionIndex } from '../workshop/discussionIndex';

/** Height of one toolbar row in pixels, for placing it above or below the note. */
const ROW = 40;

/**
 * A small toolbar next to the selected note: the discussion tools the phase allows, and the
 * note's colours, edit and delete when it may be changed. A private note says who can see it.
 */
export function NoteToolbar() {
  const t = useT();
  const ctx = useBoard();
  const vp = useViewport();
  useCapabilities(); // re-render when the phase changes what is allowed
  const sheetId = useAppStore((s) => s.sheetId);
  const editing = useAppStore((s) => s.editingId !== null);
  const dragging = useAppStore((s) => s.draggingId !== null);
  const menuOpen = useAppStore((s) => s.contextMenu !== null);
  const note = useAppStore((s) => (s.selectedId ? s.notes.find((n) => n.id === s.selectedId) : undefined));
  const owner = useAppStore((s) => (note ? s.privateOwners.get(note.id) : undefined));
  const ownerName = useAppStore((s) => (owner ? s.members.find((m) => m.id === owner)?.name : undefined));
  const index = useDiscussionIndex();
  if (!note || editing || dragging || menuOpen || note.sheetId !== sheetId) return null;

  const rights = rightsOf(ctx, note);
  const privateNote = owner !== undefined;
  const noteRow = rights.recolor || rights.editText || rights.remove || privateNote;
  const discussionRow = !privateNote && hasDiscussion(rights, index.byNote.get(note.id) ?? NO_DISCUSSION);
  const rows = Number(noteRow) + Number(discussionRow);
  if (rows === 0) return null;
  const centreX = vp.x + (note.x + NOTE_SIZE / 2) * vp.scale;
  const height = rows * ROW;
  const above = vp.y + note.y * vp.scale - height - 8;
  const top = above >= 4 ? above : vp.y + (note.y + NOTE_SIZE) * vp.scale + 14;

  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note.menuLabel')} style={{ left: centreX, top }} data-testid="note-toolbar">
      {discussionRow && <NoteDiscussion note={note} variant="toolbar" />}
      {noteRow && (
        <div className="note-toolbar__row">
          {privateNote && (
            <span className="private-tag" data-testid={`private-marker-${note.id}`}>
              <span aria-hidden="true">◌ </span>
              {owner === ctx.board.actor.id ? t('private.marker') : t('private.hiddenFor', { name: ownerName ?? '?' })}
            </span>
          )}
          {rights.recolor && (
            <div className="note-toolbar__colors" role="group" aria-label={t('note.colorsLabel')}>
              {NOTE_COLORS.map((color) => (
                <ActionButton key={color} name={`color-${color}`} className="swatch" pressed={note.color === color}>
                  <span className="swatch__chip" style={{ backgroundColor: NOTE_FILLS[color], borderColor: NOTE_EDGES[color] }} aria-hidden="true" />
                </ActionButton>
              ))}
            </div>
          )}
          {(rights.editText || rights.remove) && (
            <>
              <span className="note-toolbar__divider" aria-hidden="true" />
              {rights.editText && <ActionButton name="editNote" icon="edit" />}
              {rights.remove && <ActionButton name="deleteNote" icon="trash" />}
            </>
          )}
        </div>
      )}
    </div>
  );
}
