import { useEffect, useRef } from 'react';
import type Konva from 'konva';
import { createRoot } from 'react-dom/client';
import { Group, Layer, Rect, Stage, Text } from 'react-konva';
import type { Note } from '@dmc/shared/domain/note';
import type { CanvasTemplate, FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { layoutFormulationBox } from '../scene/formulationBox';
import { canvasMeasurer } from '../scene/measure';
import { layoutOpenPoints } from '../scene/noteBadges';
import { NoteShape, type NoteHandlers } from '../canvas/NoteShape';
import { INFO_BUTTON_NAME, SheetShapes } from '../canvas/SheetLayer';
import { SHEET_COLORS } from '@dmc/shared/scene/palette';
import { CANVAS_COLORS, FONT_FAMILY } from '../scene/theme';
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
  return (
    <Stage width={sheet.width} height={sheet.height} listening={false}>
      <Layer listening={false}>
        <Rect width={sheet.width} height={sheet.height} fill={CANVAS_COLORS.sheet} />
      </Layer>
      <Layer listening={false}>
        <SheetShapes template={template} sheet={sheet} locale={locale} onInfo={noop} onFieldDoubleClick={noop} />
      </Layer>
      <Layer listening={false}>
        {sheet.fields.map((field) => {
          const text = index.formulationByField.get(field.id)?.text.trim() ?? '';
          const chosen = marks.chosenWordings.has(field.id) ? `✓ ${picture.chosenLabel}` : null;
          return text === '' ? null : (
            <Formulation
              key={field.id}
              field={field}
              text={text}
              title={picture.formulationTitle}
              chosenLabel={chosen}
            />
          );
        })}
        {sheet.fields.map((field) => {
          const open = marks.openPoints.get(field.id) ?? 0;
          const text = index.formulationByField.get(field.id)?.text.trim() ?? '';
          return open === 0 ? null : (
            <OpenPoints key={`open-${field.id}`} field={field} count={open} formulation={text} />
          );
        })}
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

/** A chosen wording's pill: the same dark green as a chosen note's ribbon (see FieldExtrasLayer). */
const CHOSEN_COLOR = SHEET_COLORS.chosen;

/** A field's agreed wording, drawn as the canvas draws it (see FieldExtrasLayer), with "✓ GEKOZEN" when chosen. */
function Formulation({
  field,
  text,
  title,
  chosenLabel,
}: {
  field: FieldTemplate;
  text: string;
  title: string;
  chosenLabel: string | null;
}) {
  const nested = field.parentId !== undefined;
  const box = layoutFormulationBox(field.rect, text, canvasMeasurer('normal'), nested);
  const pillWidth = chosenLabel ? canvasMeasurer('bold')(chosenLabel, box.titleSize) + 2 * box.padding : 0;
  return (
    <Group x={box.x} y={box.y}>
      <Rect
        width={box.width}
        height={box.height}
        fill={CANVAS_COLORS.formulationFill}
        stroke={CANVAS_COLORS.formulationEdge}
        strokeWidth={nested ? 0.8 : 1.2}
        cornerRadius={3}
      />
      <Rect width={3} height={box.height} fill={CANVAS_COLORS.formulationEdge} cornerRadius={[3, 0, 0, 3]} />
      <Text
        x={box.padding + 2}
        y={box.padding}
        text={title}
        fontFamily={FONT_FAMILY}
        fontSize={box.titleSize}
        fontStyle="bold"
        fill={CANVAS_COLORS.formulationEdge}
      />
      {chosenLabel && (
        <Group x={box.width - box.padding - pillWidth} y={box.padding - 1.5}>
          <Rect width={pillWidth} height={box.titleSize + 3} fill={CHOSEN_COLOR} cornerRadius={2} />
          <Text
            width={pillWidth}
            height={box.titleSize + 3}
            text={chosenLabel}
            align="center"
            verticalAlign="middle"
            fontFamily={FONT_FAMILY}
            fontSize={box.titleSize}
            fontStyle="bold"
            fill="#ffffff"
          />
        </Group>
      )}
      <Text
        x={box.padding + 2}
        y={box.padding + box.titleSize * 1.4}
        text={box.lines.join('\n')}
        fontFamily={FONT_FAMILY}
        fontSize={box.fontSize}
        lineHeight={box.lineHeight}
        fill={CANVAS_COLORS.ink}
        wrap="none"
      />
    </Group>
  );
}

/** A field's open questions ("⚑ 2"), where the board shows them (the field's button itself is a control, left out). */
function OpenPoints({ field, count, formulation }: { field: FieldTemplate; count: number; formulation: string }) {
  const nested = field.parentId !== undefined;
  const top =
    formulation !== '' ? layoutFormulationBox(field.rect, formulation, canvasMeasurer('normal'), nested).y : null;
  const badge = layoutOpenPoints(field.rect, nested, top, count, canvasMeasurer('bold'), false);
  return (
    <Group x={badge.x} y={badge.y}>
      <Rect
        width={badge.width}
        height={badge.height}
        fill={CANVAS_COLORS.deferralFill}
        cornerRadius={badge.height / 2}
      />
      <Text
        width={badge.width}
        height={badge.height}
        text={badge.text}
        align="center"
        verticalAlign="middle"
        fontSize={badge.fontSize}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#ffffff"
      />
    </Group>
  );
}
