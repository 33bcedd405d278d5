import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { NOTE_COLORS, NOTE_SIZE } from '@dmc/shared/domain/note';
import { rightsOf } from '../actions/commands';
import { NOTE_FILLS, NOTE_EDGES } from '../scene/theme';
import { useViewport } from '../canvas/useViewport';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { useCapabilities } from '../workshop/capabilities';
import { ActionButton } from '../components/ActionButton';
import { useBoard } from '../workshop/boardContext';
import { hasDiscussion, NoteDiscussion } from './NoteDiscussion';
import { NO_DISCUSSION, useDiscussionIndex } from '../workshop/discussionIndex';
import { placeToolbar, type Rect, type Size } from '../components/toolbarPlacement';
import { useLayoutOnNewContent } from '../components/useToolbarFit';

/**
 * A small toolbar next to the selected note: the discussion tools the phase allows, and the
 * note's colours, edit and delete when it may be changed. A private note says who can see it.
 * It is placed by its measured size (see toolbarPlacement.ts): above the note when it fits,
 * else below or beside it, always wholly inside the canvas; it wraps within the canvas's width.
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
  if (!noteRow && !discussionRow) return null;
  const target: Rect = {
    x: vp.x + note.x * vp.scale,
    y: vp.y + note.y * vp.scale,
    width: NOTE_SIZE * vp.scale,
    height: NOTE_SIZE * vp.scale,
  };

  return (
    <PlacedToolbar target={target} label={t('note.menuLabel')}>
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
                  <span
                    className="swatch__chip"
                    style={{ backgroundColor: NOTE_FILLS[color], borderColor: NOTE_EDGES[color] }}
                    aria-hidden="true"
                  />
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
    </PlacedToolbar>
  );
}

/**
 * The toolbar's box, positioned once its size is known. The size is measured before the browser
 * paints (layout effect) and again whenever it changes (counts, language, wrapping), so the
 * placement always uses the real height, however many lines the buttons take.
 */
function PlacedToolbar({ target, label, children }: { target: Rect; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const area = useAppStore((s) => s.canvasSize);
  const [size, setSize] = useState<Size | null>(null);

  const measure = () => {
    const el = ref.current;
    if (!el) return;
    const next = { width: el.offsetWidth, height: el.offsetHeight };
    setSize((prev) => (prev && prev.width === next.width && prev.height === next.height ? prev : next));
  };
  // After a render that changed its contents (another note, other tools), before paint…
  useLayoutOnNewContent(ref, measure);
  // …and when its contents change size on their own (counts, language).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const place = size ? placeToolbar(target, size, area) : null;
  return (
    <div
      ref={ref}
      className="note-toolbar"
      role="toolbar"
      aria-label={label}
      // Until it is measured (before the first paint) it waits, unseen, in the corner.
      style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, visibility: 'hidden' }}
      data-side={place?.side}
      data-testid="note-toolbar"
    >
      {children}
    </div>
  );
}
