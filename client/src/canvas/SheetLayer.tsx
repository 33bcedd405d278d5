import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type Konva from 'konva';
import { Circle, Group, Rect, Text } from './konva';
import type { CanvasTemplate, FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import type { InfoTarget } from '../store';
import type { TextBlock } from '../scene/fieldLayout';
import { fieldLayoutFor, sheetHeaderFor } from '../scene/layouts';
import { CANVAS_COLORS, FONT_FAMILY } from '../scene/theme';
import { cancelPicture, pictureWaiting, takePictureAhead, whenQuiet } from './stageView';

/**
 * The printed sheet: paper, heading, and every field with its title, questions and hint. Static
 * per sheet and language. Decoration does not listen for events; the field areas listen only for
 * double-clicks (add a note) and the info buttons for clicks.
 */

interface SheetShapesProps {
  /** The board's template (its title heads the sheet). */
  readonly template: CanvasTemplate;
  readonly sheet: SheetTemplate;
  readonly locale: Locale;
  readonly onInfo: (target: InfoTarget) => void;
  readonly onFieldDoubleClick: (fieldId: string) => void;
  /** Draw the sheet from one cached picture at this resolution (0: draw it live). */
  readonly cachePixelRatio?: number;
  /** Whether it is on screen (a hidden sheet keeps its picture for when it is shown). */
  readonly visible?: boolean;
}

/** Node name of field areas: pointer-downs on them count as "empty space" for panning. */
export const FIELD_HIT_NAME = 'field-hit';
/** Node name of info buttons. */
export const INFO_BUTTON_NAME = 'info-button';
/** Node name of the sheet paper. */
export const SHEET_NAME = 'sheet-paper';

/** The sharpest sheet picture kept (screen pixels per sheet unit); sharper zooms draw the sheet live. */
const SHARP_PICTURE = 2;

/**
 * The printed sheet in one language: static, drawn from one picture (the bottom of a canvas
 * layer). A hidden sheet (`visible` false) keeps its picture, taken while the page is idle, so
 * that a phase that turns to it shows it without the tens of milliseconds a picture costs on a
 * slow machine — at a phase change every participant's screen does the same work at once.
 */
export const SheetShapes = memo(function SheetShapes({
  template,
  sheet,
  locale,
  onInfo,
  onFieldDoubleClick,
  cachePixelRatio = 0,
  visible = true,
}: SheetShapesProps) {
  // The printed sheet is hundreds of text lines: one picture is far cheaper to draw every frame.
  const group = useRef<Konva.Group>(null);
  const taken = useRef<{ title: CanvasTemplate['title']; sheet: SheetTemplate; locale: Locale; ratio: number } | null>(
    null,
  );
  useLayoutEffect(() => {
    const node = group.current;
    if (!node) return;
    const before = taken.current;
    // Boards of other templates show the same sheet under the same title: one picture serves them.
    const same = before?.title === template.title && before.sheet === sheet && before.locale === locale;
    // Taken again only when the sheet or its language changes, or when drawing it live is due
    // (zoomed in very far). Once a picture is there, the sharp one follows while the page is
    // idle, ahead of the zoom to a field that a writing or discussion phase makes: a sharp
    // picture drawn smaller looks as good, so zooming out and in again costs nothing.
    const ratio = cachePixelRatio > 0 ? SHARP_PICTURE : 0;
    if (same && before.ratio === ratio && (ratio === 0 || node.isCached() || pictureWaiting(node))) return;
    taken.current = { title: template.title, sheet, locale, ratio };
    if (ratio === 0) {
      cancelPicture(node);
      node.clearCache();
      return;
    }
    // On screen and without a picture of this sheet: one at the resolution needed now, at once.
    if (visible) node.cache({ pixelRatio: cachePixelRatio, offset: 2 });
    if (!visible || cachePixelRatio < ratio) takePictureAhead(node, ratio, 2);
    else cancelPicture(node);
  });
  useLayoutEffect(() => {
    const node = group.current;
    return () => {
      if (node) cancelPicture(node);
    };
  }, []);
  const header = sheetHeaderFor(template, sheet, locale);
  // Parents first, so nested fields are drawn (and hit) on top of them.
  const fields = [...sheet.fields].sort((a, b) => Number(a.parentId !== undefined) - Number(b.parentId !== undefined));
  return (
    <Group ref={group} visible={visible}>
      <Rect
        x={3}
        y={4}
        width={sheet.width}
        height={sheet.height}
        fill="rgba(15, 23, 42, 0.10)"
        cornerRadius={4}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        name={SHEET_NAME}
        x={0}
        y={0}
        width={sheet.width}
        height={sheet.height}
        fill={CANVAS_COLORS.sheet}
        cornerRadius={4}
        perfectDrawEnabled={false}
      />
      <Group listening={false}>
        <TextBlockShape block={header.title} fill={CANVAS_COLORS.ink} />
        <TextBlockShape block={header.subtitle} fill={CANVAS_COLORS.muted} />
      </Group>
      <InfoButton
        x={header.info.x}
        y={header.info.y}
        r={header.info.r}
        onActivate={() => onInfo({ kind: 'sheet', id: sheet.id })}
      />
      {fields.map((field) => (
        <FieldShape
          key={field.id}
          sheet={sheet}
          field={field}
          locale={locale}
          onInfo={onInfo}
          onDoubleClick={onFieldDoubleClick}
        />
      ))}
    </Group>
  );
});

interface FieldShapeProps {
  readonly sheet: SheetTemplate;
  readonly field: FieldTemplate;
  readonly locale: Locale;
  readonly onInfo: (target: InfoTarget) => void;
  readonly onDoubleClick: (fieldId: string) => void;
}

function FieldShape({ sheet, field, locale, onInfo, onDoubleClick }: FieldShapeProps) {
  const layout = fieldLayoutFor(sheet, field, locale);
  const { rect } = field;
  const nested = layout.nested;
  return (
    <Group>
      <Rect
        name={FIELD_HIT_NAME}
        id={`field-${field.id}`}
        x={rect.x}
        y={rect.y}
        width={rect.width}
        height={rect.height}
        fill={field.tint}
        stroke={nested ? CANVAS_COLORS.nestedStroke : CANVAS_COLORS.fieldStroke}
        strokeWidth={nested ? 1 : 1.2}
        cornerRadius={nested ? 4 : 7}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
        onDblClick={() => onDoubleClick(field.id)}
        onDblTap={() => onDoubleClick(field.id)}
      />
      <Group listening={false}>
        <TextBlockShape block={layout.title} fill={CANVAS_COLORS.ink} />
        {layout.questions.map((q, i) => (
          <TextBlockShape key={i} block={q} fill={CANVAS_COLORS.ink} />
        ))}
        {layout.hint && <TextBlockShape block={layout.hint} fill={CANVAS_COLORS.muted} />}
      </Group>
      <InfoButton
        x={layout.info.x}
        y={layout.info.y}
        r={layout.info.r}
        onActivate={() => onInfo({ kind: 'field', id: field.id })}
      />
    </Group>
  );
}

/** A laid-out block of lines. */
export function TextBlockShape({ block, fill }: { block: TextBlock; fill: string }) {
  return (
    <Text
      x={block.x}
      y={block.y}
      text={block.lines.join('\n')}
      fontSize={block.fontSize}
      fontStyle={block.style}
      fontFamily={FONT_FAMILY}
      lineHeight={block.lineHeight}
      fill={fill}
      wrap="none"
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}

function setCursor(e: Konva.KonvaEventObject<MouseEvent>, cursor: string) {
  const container = e.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}

function InfoButton({ x, y, r, onActivate }: { x: number; y: number; r: number; onActivate: () => void }) {
  return (
    <Group
      name={INFO_BUTTON_NAME}
      x={x}
      y={y}
      onClick={(e) => {
        if (e.evt.button === 0) onActivate();
      }}
      onTap={onActivate}
      onMouseEnter={(e) => setCursor(e, 'pointer')}
      onMouseLeave={(e) => setCursor(e, '')}
    >
      <Circle
        radius={r}
        fill={CANVAS_COLORS.infoFill}
        stroke={CANVAS_COLORS.infoInk}
        strokeWidth={r / 6}
        perfectDrawEnabled={false}
      />
      <Text
        x={-r}
        y={-r}
        width={2 * r}
        height={2 * r}
        text="i"
        align="center"
        verticalAlign="middle"
        fontSize={r * 1.3}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill={CANVAS_COLORS.infoInk}
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

/**
 * The sheets a canvas keeps drawn: the one on screen at once, every other sheet a board can have
 * (`all`) once the page is first idle — hidden, with their pictures (see SheetShapes), so that
 * neither a phase that turns to another sheet nor one that moves to another board waits for one.
 */
export function useKeptSheets(all: readonly SheetTemplate[], current: SheetTemplate): readonly SheetTemplate[] {
  const [idle, setIdle] = useState(false);
  // Mounting the other sheets (hundreds of shapes) waits for a quiet moment, as their pictures do.
  useEffect(() => (idle ? undefined : whenQuiet(() => setIdle(true))), [idle]);
  if (!idle) return [current];
  return all.some((s) => s.id === current.id) ? all : [current, ...all];
}
