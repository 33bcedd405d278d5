import { memo } from 'react';
import type Konva from 'konva';
import { Group, Rect, Text } from './konva';
import type { Guidance } from '@dmc/shared/domain/guidance';
import type { FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { placeFieldHint } from '../scene/canvasHint';
import { adviceText, isWordingChosen } from '../workshop/guidance';
import { useChoiceWarnings } from '../workshop/useGuidance';
import { useAppStore } from '../store';
import { translate, useLocale, useT } from '../i18n';
import { mayUse, useCapabilities } from '../workshop/capabilities';
import { useDiscussionIndex } from '../workshop/discussionIndex';
import { layoutFormulationBox } from '../scene/formulationBox';
import { fieldLayoutFor } from '../scene/layouts';
import { canvasMeasurer } from '../scene/measure';
import { FIELD_BUTTON, layoutOpenPoints } from '../scene/noteBadges';
import { SHEET_COLORS } from '@dmc/shared/scene/palette';
import { CANVAS_COLORS, FONT_FAMILY } from '../scene/theme';

/** Node name of the field discussion buttons: a press on them is not a pan. */
export const FIELD_BUTTON_NAME = 'field-button';

/** Guidance on the canvas: amber, with dark text (AA) and a warning sign, so not colour alone. */
const HINT_COLORS = { fill: '#fff3cd', edge: '#b45309', ink: '#78350f' } as const;
/** A chosen wording: the same dark green as a chosen note's ribbon. */
const CHOSEN_COLOR = SHEET_COLORS.chosen;

/**
 * What the group made of each field, drawn on it. The agreed wording: a box across the bottom of
 * the field, under the notes (a note laid there stays on top and reachable), marked when the
 * group chose it. The field's button, over the notes at the field's bottom right (clear of the
 * printed texts): it opens the field's discussion panel and shows the number of open action
 * points. And the guidance line in the title band ("Kies samen één doel (nu: 0)").
 */
export function FormulationShapes({ sheet }: { sheet: SheetTemplate }) {
  const t = useT();
  const index = useDiscussionIndex();
  const choices = useAppStore((s) => s.discussion.choices);
  return (
    <Group listening={false}>
      {sheet.fields.map((field) => {
        const text = index.formulationByField.get(field.id)?.text ?? '';
        if (text.trim() === '') return null;
        const chosenLabel =
          field.maxChosen !== undefined && isWordingChosen(choices, field.id, text) ? `✓ ${t('choice.badge')}` : null;
        return (
          <FormulationBox
            key={field.id}
            field={field}
            text={text}
            title={t('canvas.formulation')}
            chosenLabel={chosenLabel}
          />
        );
      })}
    </Group>
  );
}

/** The discussion button of every field (see FormulationShapes). */
export function FieldButtons({ sheet }: { sheet: SheetTemplate }) {
  const caps = useCapabilities();
  const index = useDiscussionIndex();
  const openFieldPanel = useAppStore((s) => s.openFieldPanel);
  const tools = mayUse(caps, 'formulate', sheet.id) || mayUse(caps, 'defer', sheet.id);
  const warnings = useChoiceWarnings(sheet);
  const locale = useLocale();
  return (
    <Group>
      {sheet.fields.map((field) => {
        const warning = warnings.get(field.id);
        const formulation = index.formulationByField.get(field.id)?.text ?? '';
        return warning ? (
          <FieldHint
            key={`hint-${field.id}`}
            sheet={sheet}
            field={field}
            warning={warning}
            locale={locale}
            formulation={formulation}
          />
        ) : null;
      })}
      {sheet.fields.map((field) => {
        const hasText = (index.formulationByField.get(field.id)?.text ?? '').trim() !== '';
        const open = index.deferralsByField.get(field.id)?.length ?? 0;
        if (!tools && !hasText && open === 0) return null;
        const text = index.formulationByField.get(field.id)?.text ?? '';
        return (
          <FieldButton
            key={field.id}
            field={field}
            formulation={text}
            openPoints={open}
            onOpen={() => openFieldPanel({ fieldId: field.id, focus: 'none' })}
          />
        );
      })}
    </Group>
  );
}

interface FieldHintProps {
  readonly sheet: SheetTemplate;
  readonly field: FieldTemplate;
  readonly warning: Guidance;
  readonly locale: Locale;
  /** The agreed wording, if any: a hint that cannot sit in the title band goes above its box. */
  readonly formulation: string;
}

/** The guidance line of one field, e.g. "⚠ Kies samen één doel (nu: 0)". Does not listen. */
const FieldHint = memo(function FieldHint({ sheet, field, warning, locale, formulation }: FieldHintProps) {
  const nested = field.parentId !== undefined;
  const layout = fieldLayoutFor(sheet, field, locale);
  const said = adviceText(warning, locale);
  const text = `⚠ ${translate(locale, said.key, said.vars)}`;
  const formulationTop =
    formulation.trim() !== ''
      ? layoutFormulationBox(field.rect, formulation, canvasMeasurer('normal'), nested).y
      : null;
  const hint = placeFieldHint(
    { rect: field.rect, nested, title: layout.title, infoLeft: layout.info.x - layout.info.r, formulationTop },
    text,
    canvasMeasurer('bold'),
  );
  return (
    <Group id={`guide-hint-${field.id}`} x={hint.x} y={hint.y} listening={false}>
      <Rect
        width={hint.width}
        height={hint.height}
        fill={HINT_COLORS.fill}
        stroke={HINT_COLORS.edge}
        strokeWidth={nested ? 0.7 : 1}
        cornerRadius={hint.height / 2}
        perfectDrawEnabled={false}
      />
      <Text
        x={hint.padding}
        width={hint.width - 2 * hint.padding}
        height={hint.height}
        text={hint.text}
        fontFamily={FONT_FAMILY}
        fontSize={hint.fontSize}
        fontStyle="bold"
        fill={HINT_COLORS.ink}
        verticalAlign="middle"
        wrap="none"
        ellipsis
        perfectDrawEnabled={false}
      />
    </Group>
  );
});

const FormulationBox = memo(function FormulationBox({
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
    <Group id={`formulation-${field.id}`} x={box.x} y={box.y}>
      <Rect
        width={box.width}
        height={box.height}
        fill={CANVAS_COLORS.formulationFill}
        stroke={CANVAS_COLORS.formulationEdge}
        strokeWidth={nested ? 0.8 : 1.2}
        cornerRadius={3}
        shadowColor="black"
        shadowOpacity={0.12}
        shadowBlur={4}
        shadowOffsetY={1}
        perfectDrawEnabled={false}
      />
      <Rect
        width={3}
        height={box.height}
        fill={CANVAS_COLORS.formulationEdge}
        cornerRadius={[3, 0, 0, 3]}
        perfectDrawEnabled={false}
      />
      <Text
        x={box.padding + 2}
        y={box.padding}
        text={title}
        fontFamily={FONT_FAMILY}
        fontSize={box.titleSize}
        fontStyle="bold"
        fill={CANVAS_COLORS.formulationEdge}
        perfectDrawEnabled={false}
      />
      {chosenLabel && (
        <Group id={`formulation-chosen-${field.id}`} x={box.width - box.padding - pillWidth} y={box.padding - 1.5}>
          <Rect
            width={pillWidth}
            height={box.titleSize + 3}
            fill={CHOSEN_COLOR}
            cornerRadius={2}
            perfectDrawEnabled={false}
          />
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
            perfectDrawEnabled={false}
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
        perfectDrawEnabled={false}
      />
    </Group>
  );
});

interface FieldButtonProps {
  readonly field: FieldTemplate;
  /** The agreed wording, if any: the button sits just above its box. */
  readonly formulation: string;
  readonly openPoints: number;
  readonly onOpen: () => void;
}

const FieldButton = memo(function FieldButton({ field, formulation, openPoints, onOpen }: FieldButtonProps) {
  // Bottom right of the field, clear of the printed texts (and above the agreed wording's box);
  // the open-question count left of it, placed as the sheet pictures place it (noteBadges.ts).
  const nested = field.parentId !== undefined;
  const { r, margin } = nested ? FIELD_BUTTON.nested : FIELD_BUTTON.top;
  const box =
    formulation.trim() !== '' ? layoutFormulationBox(field.rect, formulation, canvasMeasurer('normal'), nested) : null;
  const bottom = box ? box.y - 3 : field.rect.y + field.rect.height - margin;
  const x = field.rect.x + field.rect.width - margin - 2 * r;
  const count = layoutOpenPoints(field.rect, nested, box ? box.y : null, openPoints, canvasMeasurer('bold'), true);
  return (
    <Group
      id={`field-button-${field.id}`}
      name={FIELD_BUTTON_NAME}
      x={x}
      y={bottom - 2 * r}
      onClick={(e) => {
        if (e.evt.button === 0) onOpen();
      }}
      onTap={onOpen}
      onMouseEnter={(e) => pointer(e, 'pointer')}
      onMouseLeave={(e) => pointer(e, '')}
    >
      <Rect
        width={2 * r}
        height={2 * r}
        fill={CANVAS_COLORS.infoFill}
        stroke={CANVAS_COLORS.infoInk}
        strokeWidth={r / 6}
        cornerRadius={r / 2}
        perfectDrawEnabled={false}
      />
      <Text
        width={2 * r}
        height={2 * r}
        text="✎"
        align="center"
        verticalAlign="middle"
        fontSize={r * 1.25}
        fontFamily={FONT_FAMILY}
        fill={CANVAS_COLORS.infoInk}
        listening={false}
        perfectDrawEnabled={false}
      />
      {openPoints > 0 && (
        <Group x={count.x - x}>
          <Rect
            width={count.width}
            height={count.height}
            fill={CANVAS_COLORS.deferralFill}
            cornerRadius={r}
            perfectDrawEnabled={false}
          />
          <Text
            width={count.width}
            height={count.height}
            text={count.text}
            align="center"
            verticalAlign="middle"
            fontSize={count.fontSize}
            fontStyle="bold"
            fontFamily={FONT_FAMILY}
            fill="#ffffff"
            listening={false}
            perfectDrawEnabled={false}
          />
        </Group>
      )}
    </Group>
  );
});

function pointer(e: Konva.KonvaEventObject<MouseEvent>, cursor: string): void {
  const container = e.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}
