import { memo, useDeferredValue } from 'react';
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
import { FIELD_BUTTON } from '../scene/noteBadges';
import { fieldHintScene, formulationScene, openPointsScene } from '@dmc/shared/scene/sheetScene';
import { CANVAS_COLORS, FONT_FAMILY } from '../scene/theme';
import { sceneElements } from './sceneElements';

/** Node name of the field discussion buttons: a press on them is not a pan. */
export const FIELD_BUTTON_NAME = 'field-button';

/** The browser's measurers for the shared sheet scene. */
const SCENE_MEASURERS = { normal: canvasMeasurer('normal'), bold: canvasMeasurer('bold') };

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
          field.maxChosen !== undefined && isWordingChosen(choices, field.id, text) ? t('choice.badge') : null;
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
  // Follows a phase change after the screen has shown the new phase (as the notes do).
  const caps = useDeferredValue(useCapabilities());
  const index = useDiscussionIndex();
  const openFieldPanel = useAppStore((s) => s.openFieldPanel);
  const tools = mayUse(caps, 'formulate', sheet.id) || mayUse(caps, 'defer', sheet.id);
  const warnings = useDeferredValue(useChoiceWarnings(sheet));
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
  return sceneElements([fieldHintScene(field.id, hint, nested)]);
});

/** One field's agreed wording, from the shared sheet scene (the PNG and the PDF draw the same). */
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
  const labels = { formulation: title, chosen: chosenLabel ?? '' };
  return sceneElements([formulationScene(field, text, labels, chosenLabel !== null, SCENE_MEASURERS)]);
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
  const count = openPointsScene(field, formulation, openPoints, SCENE_MEASURERS, true);
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
      {openPoints > 0 && <Group x={count.x - x}>{sceneElements(count.children, true)}</Group>}
    </Group>
  );
});

function pointer(e: Konva.KonvaEventObject<MouseEvent>, cursor: string): void {
  const container = e.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}
