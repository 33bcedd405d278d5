import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { LIMITS } from '@dmc/shared/domain/limits';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { rightsOf, writeNoteText } from '../actions/commands';
import { throttle } from '../collab/throttle';
import { useBoard } from '../workshop/boardContext';
import { useAppStore } from '../store';
import { noteRights, useCapabilities } from '../workshop/capabilities';
import { useT } from '../i18n';
import { fitNoteText } from '../scene/noteText';
import { FONT_FAMILY, NOTE_FILLS, NOTE_TEXT, CANVAS_COLORS } from '../scene/theme';
import { useViewport } from './useViewport';

/** How often live text goes to the document while typing. */
const WRITE_INTERVAL_MS = 250;

/** The in-place text editor over the note being edited (a DOM textarea that follows the zoom). */
export function NoteEditor({ onDone }: { onDone: () => void }) {
  const sheetId = useAppStore((s) => s.sheetId);
  const note = useAppStore((s) => (s.editingId ? s.notes.find((n) => n.id === s.editingId) : undefined));
  const owner = useAppStore((s) => (note ? s.privateOwners.get(note.id) : undefined));
  const caps = useCapabilities();
  const allowed = note !== undefined && noteRights(caps, note, owner).editText;
  // The phase moved on (or the note became someone's else's to change): stop without writing.
  useEffect(() => {
    if (note && !allowed) useAppStore.getState().stopEditing();
  }, [note, allowed]);
  if (!note || note.sheetId !== sheetId || !allowed) return null;
  return <EditorBox key={note.id} note={note} onDone={onDone} />;
}

function EditorBox({ note, onDone }: { note: Note; onDone: () => void }) {
  const ctx = useBoard();
  const { board, store } = ctx;
  const t = useT();
  const vp = useViewport();
  const [text, setText] = useState(note.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  const noteId = note.id;
  const write = useMemo(
    () => throttle((value: string) => writeNoteText(ctx, noteId, value), WRITE_INTERVAL_MS),
    [ctx, noteId],
  );
  const shared = !store.getState().privateOwners.has(noteId);

  useEffect(() => {
    // Whether a private note is being typed in stays private too.
    if (shared) board.setEditing(noteId);
    const el = ref.current;
    if (el) {
      el.focus({ preventScroll: true });
      el.setSelectionRange(el.value.length, el.value.length);
    }
    return () => {
      // Only a write that is still allowed goes out; after a phase change it would be refused.
      const current = store.getState().notes.find((n) => n.id === noteId);
      if (current && rightsOf(ctx, current).editText) write.flush();
      else write.cancel();
      board.setEditing(null);
    };
  }, [board, ctx, noteId, write, shared, store]);

  const finish = (refocus: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const value = ref.current?.value ?? text;
    write(value);
    write.flush();
    store.getState().stopEditing();
    if (refocus) onDone();
  };

  const fitted = fitNoteText(text);
  const inner = NOTE_SIZE - 2 * NOTE_TEXT.padding;
  const textHeight = Math.max(1, fitted.lines.length) * fitted.fontSize * NOTE_TEXT.lineHeight;
  const padTop = NOTE_TEXT.padding + Math.max(0, (inner - textHeight) / 2);
  const s = vp.scale;
  const style: CSSProperties = {
    left: vp.x + note.x * s,
    top: vp.y + note.y * s,
    width: NOTE_SIZE * s,
    height: NOTE_SIZE * s,
    fontSize: fitted.fontSize * s,
    lineHeight: NOTE_TEXT.lineHeight,
    fontFamily: FONT_FAMILY,
    padding: `${padTop * s}px ${NOTE_TEXT.padding * s}px ${NOTE_TEXT.padding * s}px`,
    backgroundColor: NOTE_FILLS[note.color],
    color: CANVAS_COLORS.ink,
  };

  return (
    <textarea
      ref={ref}
      className="note-editor"
      data-testid="note-editor"
      aria-label={t('note.editorLabel')}
      style={style}
      value={text}
      maxLength={LIMITS.noteTextLength}
      spellCheck
      onChange={(e) => {
        setText(e.target.value);
        write(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(true);
        }
      }}
      onBlur={() => finish(false)}
    />
  );
}
