import { useEffect, useRef } from 'react';
import type Konva from 'konva';
import { createRoot } from 'react-dom/client';
import { Layer, Rect, Stage } from 'react-konva';
import type { Note } from '@dmc/shared/domain/note';
import type { CanvasTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { sheetScene } from '@dmc/shared/scene/sheetScene';
import { canvasMeasurer } from '../scene/measure';
import { NoteShape, type NoteHandlers } from '../canvas/NoteShape';
import { sceneElements } from '../canvas/sceneElements';
import { INFO_BUTTON_NAME, SheetShapes } from '../canvas/SheetLayer';
import { CANVAS_COLORS } from '../scene/theme';
import { LocaleContext } from '../i18n';
import type { BoardDiscussion } from '../store';
import { indexDiscussion, NO_DISCUSSION } from '../workshop/discussionIndex';
import { pictureMarks } from './pictureMarks';
import { pngSize, PNG_PIXEL_RATIO } from './pngSize';

/**
 * A filled sheet as a high-resolution PNG, drawn in the browser with the canvas's own shapes
 * (SheetShapes, NoteShape) on an offscreen Konva stage: the printed sheet, the agreed wordings,
 * every note with its marks, dots and highlight, the group's choices ("✓ GEKOZEN") and each
 * field's open questions ("⚑ 2") — like the board, without the controls. Everything comes from
 * the exported board's own records, never from the board on screen.
 */

/** What one picture shows. */
export interface SheetPicture {
  /** The board's template (its title heads the sheet). */
  readonly template: CanvasTemplate;
  readonly sheet: SheetTemplate;
  /** The board's notes (those of other sheets are left out here). */
  readonly notes: readonly Note[];
  readonly discussion: BoardDiscussion;
  readonly locale: Locale;
  /** The heading of an agreed wording's box ("Formulering"), in `locale`. */
  readonly formulationTitle: string;
  /** The label of a chosen note or wording ("GEKOZEN"), in `locale`. */
  readonly chosenLabel: string;
}

/** A drawn picture. */
export interface RenderedPng {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

/** Longest wait for the offscreen stage to be built (it normally takes a frame or two). */
const READY_TIMEOUT_MS = 15_000;

const noop = () => undefined;
/** The browser's measurers, as the canvas lays the same scene out with. */
const SCENE_MEASURERS = { normal: canvasMeasurer('normal'), bold: canvasMeasurer('bold') };
const STILL: NoteHandlers = {
  onSelect: noop,
  onEdit: noop,
  onMenu: noop,
  onDragStart: () => false,
  onDragMove: noop,
  onDragEnd: noop,
};

/** Draws a sheet offscreen and encodes it as PNG at the given pixel ratio (4 unless limits forbid). */
export async function renderSheetPng(
  picture: SheetPicture,
  pixelRatio: number = PNG_PIXEL_RATIO,
): Promise<RenderedPng> {
  const size = pngSize(picture.sheet, pixelRatio);
  // Never attached to the page: Konva draws into canvases of its own, which is all we need.
  const host = document.createElement('div');
  const root = createRoot(host);
  try {
    const stage = await new Promise<Konva.Stage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the sheet picture took too long to draw')), READY_TIMEOUT_MS);
      // A root of its own does not see the app's LocaleContext: the picture's language is given here.
      root.render(
        <LocaleContext.Provider value={{ locale: picture.locale, setLocale: noop }}>
          <PictureStage
            picture={picture}
            onReady={(s) => {
              clearTimeout(timer);
              resolve(s);
            }}
          />
        </LocaleContext.Provider>,
      );
    });
    // The info buttons are controls of the live canvas, not part of the filled sheet.
    stage.find(`.${INFO_BUTTON_NAME}`).forEach((node) => node.visible(false));
    const blob = await stage.toBlob({ pixelRatio: size.pixelRatio, mimeType: 'image/png' });
    return { blob, width: size.width, height: size.height };
  } finally {
    root.unmount();
  }
}

function PictureStage({ picture, onReady }: { picture: SheetPicture; onReady: (stage: Konva.Stage) => void }) {
  const { template, sheet, locale } = picture;
  const notesLayer = useRef<Konva.Layer>(null);
  const index = indexDiscussion(picture.discussion, '');
  const notes = picture.notes
    .filter((n) => n.sheetId === sheet.id)
    .sort((a, b) => a.z - b.z || a.createdAt - b.createdAt);
  const marks = pictureMarks(sheet, notes, picture.discussion);
  const formulations = new Map([...index.formulationByField].map(([fieldId, f]) => [fieldId, f.text]));
  const scene = sheetScene(
    sheet,
    { formulations, chosenWordings: marks.chosenWordings, openPoints: marks.openPoints },
    { formulation: picture.formulationTitle, chosen: picture.chosenLabel },
    SCENE_MEASURERS,
  );
  return (
    <Stage width={sheet.width} height={sheet.height} listening={false}>
      <Layer listening={false}>
        <Rect width={sheet.width} height={sheet.height} fill={CANVAS_COLORS.sheet} />
      </Layer>
      <Layer listening={false}>
        <SheetShapes template={template} sheet={sheet} locale={locale} onInfo={noop} onFieldDoubleClick={noop} />
      </Layer>
      <Layer listening={false}>
        {sceneElements(scene.formulations)}
        {sceneElements(scene.openPoints)}
      </Layer>
      <Layer ref={notesLayer} listening={false}>
        {notes.map((note) => {
          const d = index.byNote.get(note.id) ?? NO_DISCUSSION;
          return (
            <NoteShape
              key={note.id}
              note={note}
              selected={false}
              editing={false}
              draggable={false}
              privacy="shared"
              privacyLabel=""
              agree={d.agree}
              disagree={d.disagree}
              open={d.open}
              votes={d.votes}
              myMark={null}
              myVotes={0}
              highlighted={d.highlighted}
              spotlight={false}
              handlers={STILL}
              chosen={marks.chosenNotes.has(note.id)}
            />
          );
        })}
        <Ready
          onReady={() => {
            const stage = notesLayer.current?.getStage();
            if (stage) onReady(stage);
          }}
        />
      </Layer>
    </Stage>
  );
}

/** Calls back once everything before it in the tree is on the stage (effects run after the commit). */
function Ready({ onReady }: { onReady: () => void }) {
  const called = useRef(false);
  useEffect(() => {
    if (called.current) return;
    called.current = true;
    onReady();
  });
  return null;
}
