import { useDeferredValue, useMemo } from 'react';
import { isPresenting } from '@dmc/shared/domain/policies';
import { Layer } from './konva';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { noteRights, useCapabilities } from '../workshop/capabilities';
import { NO_DISCUSSION, useDiscussionIndex } from '../workshop/discussionIndex';
import { NoteShape, type NoteHandlers, type NotePrivacy } from './NoteShape';
import { isNoteChosen } from '../workshop/guidance';
import { useCachePixelRatio, useCullRect, useNoteFontFloor } from './stageView';

/**
 * Notes of the current sheet, bottom first (board notes, then private ones on top); notes outside
 * the view are not drawn (culling). Each note gets what the rules allow (drag) and its counters.
 */
export function NotesLayer({ sheetId, handlers }: { sheetId: string; handlers: NoteHandlers }) {
  const t = useT();
  const notes = useAppStore((s) => s.notes);
  const privateOwners = useAppStore((s) => s.privateOwners);
  const members = useAppStore((s) => s.members);
  const selectedId = useAppStore((s) => s.selectedId);
  const editingId = useAppStore((s) => s.editingId);
  const draggingId = useAppStore((s) => s.draggingId);
  // What the phase allows (drag, the presenter's spotlight) follows a phase change in a render
  // of its own, after the screen has shown the new phase (see useDeferredValue).
  const spotlight = useDeferredValue(useAppStore((s) => isPresenting(s.flow)));
  const caps = useDeferredValue(useCapabilities());
  const index = useDiscussionIndex();
  const choices = useAppStore((s) => s.discussion.choices);
  // Panning and zooming do not render this layer: it follows the view in steps (see stageView).
  const view = useCullRect(useAppStore);
  const minFontSize = useNoteFontFloor(useAppStore);
  const cachePixelRatio = useCachePixelRatio(useAppStore);
  const me = caps?.actor.id;

  const onSheet = useMemo(() => notes.filter((n) => n.sheetId === sheetId), [notes, sheetId]);
  const visible = useMemo(
    () =>
      onSheet.filter(
        (n) =>
          n.id === draggingId ||
          n.id === editingId ||
          (n.x + NOTE_SIZE >= view.x &&
            n.x <= view.x + view.width &&
            n.y + NOTE_SIZE >= view.y &&
            n.y <= view.y + view.height),
      ),
    [onSheet, view, draggingId, editingId],
  );
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);

  return (
    <Layer>
      {visible.map((note) => {
        const owner = privateOwners.get(note.id);
        const privacy: NotePrivacy = owner === undefined ? 'shared' : owner === me ? 'mine' : 'hidden';
        const label =
          privacy === 'mine'
            ? t('canvas.private')
            : privacy === 'hidden'
              ? t('canvas.hidden', { name: names.get(owner ?? '') ?? '?' })
              : '';
        const d = index.byNote.get(note.id) ?? NO_DISCUSSION;
        const live = note.id === selectedId || note.id === editingId || note.id === draggingId;
        return (
          <NoteShape
            key={note.id}
            note={note}
            selected={note.id === selectedId}
            editing={note.id === editingId}
            draggable={noteRights(caps, note, owner).move}
            privacy={privacy}
            privacyLabel={label}
            agree={d.agree}
            disagree={d.disagree}
            open={d.open}
            votes={d.votes}
            myMark={d.myMark}
            myVotes={d.myVotes}
            highlighted={d.highlighted}
            spotlight={spotlight}
            handlers={handlers}
            minFontSize={minFontSize}
            chosen={privacy === 'shared' && isNoteChosen(choices, note)}
            cachePixelRatio={live ? 0 : cachePixelRatio}
          />
        );
      })}
    </Layer>
  );
}
