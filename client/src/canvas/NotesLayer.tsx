import { useMemo } from 'react';
import { isPresenting } from '@dmc/shared/domain/policies';
import { Layer } from 'react-konva';
import { NOTE_SIZE } from '@dmc/shared/domain/note';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { noteRights, useCapabilities } from '../workshop/capabilities';
import { NO_DISCUSSION, useDiscussionIndex } from '../workshop/discussionIndex';
import { NoteShape, type NoteHandlers, type NotePrivacy } from './NoteShape';
import { useViewport } from './useViewport';
import { visibleSheetRect } from '../scene/viewport';
import { noteFontFloor } from '../scene/viewportField';

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
  const width = useAppStore((s) => s.canvasSize.width);
  const height = useAppStore((s) => s.canvasSize.height);
  const spotlight = useAppStore((s) => isPresenting(s.flow));
  const caps = useCapabilities();
  const index = useDiscussionIndex();
  const viewport = useViewport();
  const me = caps?.actor.id;

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

  // Text stays readable at this zoom: long notes end in "…" rather than shrink below it.
  const minFontSize = noteFontFloor(viewport.scale);
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
          />
        );
      })}
    </Layer>
  );
}
