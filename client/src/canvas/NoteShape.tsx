import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type Konva from 'konva';
import { Group, Path, Rect, Star } from './konva';
import { NOTE_SIZE, type Note } from '@dmc/shared/domain/note';
import { isNoteChosen } from '../workshop/guidance';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { canvasMeasurer } from '../scene/measure';
import { layoutBadges, layoutChosenRibbon, type BadgeCounts } from '../scene/noteBadges';
import { CANVAS_COLORS, NOTE_EDGES, NOTE_FILLS } from '../scene/theme';
import { HIGHLIGHT_OPACITY, SHEET_COLORS } from '@dmc/shared/scene/palette';
import { badgeScenes, chosenRibbonScene, noteTextScene } from '@dmc/shared/scene/sheetScene';
import { fitNoteText } from '../scene/noteText';
import { sceneElements } from './sceneElements';
import { TagLabel } from './TagLabel';
import { NoteFace } from './NoteFace';
import { cancelPicture, takePictureSoon } from './stageView';

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

/** Whose eyes a note is for: everyone, only me (my draft), or hidden from the group (a facilitator reading a draft). */
export type NotePrivacy = 'shared' | 'mine' | 'hidden';

/** A note on the canvas; its badge counts as the shared badge layout takes them. */
interface NoteShapeProps extends BadgeCounts {
  readonly note: Note;
  readonly selected: boolean;
  readonly editing: boolean;
  readonly draggable: boolean;
  readonly privacy: NotePrivacy;
  /** Small label above a private note ("privé", "verborgen · Anna"). */
  readonly privacyLabel: string;
  readonly highlighted: boolean;
  /** Presentations: highlighted notes stand out. */
  readonly spotlight: boolean;
  readonly handlers: NoteHandlers;
  /**
   * Whether the group chose the note; by default read from the board on screen. A picture of
   * another board (the PNG export) passes it from that board's own choices.
   */
  readonly chosen?: boolean;
  /**
   * The smallest size (sheet units) the text may shrink to before it ends in "…": the canvas
   * passes what is still readable at its zoom (noteFontFloor); by default the absolute minimum.
   */
  readonly minFontSize?: number;
  /**
   * Draw the note from a cached picture at this resolution, made again whenever the note renders
   * (0 or absent: draw it live, as a selected, edited or dragged note is).
   */
  readonly cachePixelRatio?: number;
}

/** The chosen ribbon and outline, as the PDF export draws it. */
const CHOSEN_COLOR = SHEET_COLORS.chosen;

/** An "eye with a stroke through it" (24-unit icon), drawn at 9 sheet units. */
const EYE_OFF =
  'M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 4.5 10 6-.5.8-1.6 2.2-3.1 3.5M6.6 6.6C4.4 8 2.8 10.1 2 12c1 1.5 5 6 10 6 1.6 0 3-.4 4.3-1M9.9 9.9a3 3 0 0 0 4.2 4.2';

/** One sticky note: its face (shadow, paper, fitted text), selection outline, privacy mark, counters, the group's choice. Memoised. */
export const NoteShape = memo(function NoteShape(props: NoteShapeProps) {
  const { note, selected, editing, draggable, privacy, privacyLabel, highlighted, spotlight, handlers } = props;
  const t = useT();
  // Selected here, one boolean per note: choosing redraws only the note chosen.
  const chosenOnScreen = useAppStore(
    (s) => props.chosen === undefined && privacy === 'shared' && isNoteChosen(s.discussion.choices, note),
  );
  const chosen = props.chosen ?? chosenOnScreen;
  const chosenLabel = t('choice.badge');
  const ribbon = useMemo(
    () => (chosen ? layoutChosenRibbon(chosenLabel, canvasMeasurer('bold')) : null),
    [chosen, chosenLabel],
  );
  const fitted = fitNoteText(note.text, props.minFontSize);
  const textScene = useMemo(() => (fitted.lines.length > 0 ? noteTextScene(fitted) : null), [fitted]);
  const { agree, disagree, open, votes, myMark, myVotes } = props;
  const badges = useMemo(
    () => layoutBadges({ agree, disagree, open, votes, myMark, myVotes }, canvasMeasurer('bold')),
    [agree, disagree, open, votes, myMark, myVotes],
  );
  const isPrivate = privacy !== 'shared';
  const group = useRef<Konva.Group>(null);
  const cachePixelRatio = props.cachePixelRatio ?? 0;
  // After every render (props changed): the picture shows what the shapes now say. A picture is
  // taken soon rather than now: until then the note is drawn live (a board mounting many notes, or
  // a phase change that re-renders every note, draws them live in its frame; each picture costs
  // three canvases, taken in short slices when the page is idle).
  useLayoutEffect(() => {
    const node = group.current;
    if (!node) return;
    if (cachePixelRatio > 0) {
      if (node.isCached()) node.clearCache();
      takePictureSoon(node, cachePixelRatio);
    } else {
      cancelPicture(node);
      if (node.isCached()) node.clearCache();
    }
  });
  useLayoutEffect(() => {
    const node = group.current;
    return () => {
      if (node) cancelPicture(node);
    };
  }, []);
  return (
    <Group
      ref={group}
      id={`note-${note.id}`}
      name={NOTE_NAME}
      x={note.x}
      y={note.y}
      draggable={draggable && !editing}
      onPointerDown={(e) => {
        if (e.evt.button === 0 || e.evt.pointerType !== 'mouse') handlers.onSelect(note.id);
      }}
      onDblClick={() => handlers.onEdit(note.id)}
      onDblTap={() => handlers.onEdit(note.id)}
      onContextMenu={(e) => {
        e.evt.preventDefault();
        handlers.onMenu(note.id, e.evt.clientX, e.evt.clientY);
      }}
      onMouseEnter={(e) => setCursor(e.target, editing || !draggable ? '' : 'grab')}
      onMouseLeave={(e) => setCursor(e.target, '')}
      onDragStart={(e) => {
        if (!handlers.onDragStart(note.id, e.target)) e.target.stopDrag();
      }}
      onDragMove={(e) => handlers.onDragMove(note.id, e.target.x(), e.target.y())}
      onDragEnd={(e) => handlers.onDragEnd(note.id, e.target)}
    >
      {chosen && (
        <Rect
          x={-1.6}
          y={-1.6}
          width={NOTE_SIZE + 3.2}
          height={NOTE_SIZE + 3.2}
          stroke={CHOSEN_COLOR}
          strokeWidth={1.8}
          cornerRadius={2.5}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {highlighted && spotlight && (
        <Rect
          x={-5}
          y={-5}
          width={NOTE_SIZE + 10}
          height={NOTE_SIZE + 10}
          fill={SHEET_COLORS.star}
          opacity={HIGHLIGHT_OPACITY}
          cornerRadius={5}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <NoteFace
        paper={NOTE_FILLS[note.color]}
        edge={isPrivate ? CANVAS_COLORS.privateEdge : NOTE_EDGES[note.color]}
        edgeWidth={isPrivate ? 1.4 : 0.6}
        dashed={isPrivate}
        textScene={editing ? null : textScene}
      />
      {isPrivate && (
        <>
          <Path
            x={2}
            y={2}
            data={EYE_OFF}
            scaleX={9 / 24}
            scaleY={9 / 24}
            stroke={CANVAS_COLORS.privateEdge}
            strokeWidth={2.2}
            lineCap="round"
            lineJoin="round"
            listening={false}
            perfectDrawEnabled={false}
          />
          <TagLabel
            x={0}
            y={-1.5}
            offsetY={10}
            listening={false}
            text={privacyLabel}
            color={CANVAS_COLORS.privateEdge}
            fontSize={7.5}
            padding={1.6}
            cornerRadius={2}
          />
        </>
      )}
      {ribbon && sceneElements([chosenRibbonScene(note.id, ribbon)])}
      {highlighted && (
        <Star
          x={NOTE_SIZE - 3}
          y={3}
          numPoints={5}
          innerRadius={3.2}
          outerRadius={7.2}
          fill={SHEET_COLORS.star}
          stroke={SHEET_COLORS.starEdge}
          strokeWidth={0.8}
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {sceneElements(badgeScenes(note.id, badges))}
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
