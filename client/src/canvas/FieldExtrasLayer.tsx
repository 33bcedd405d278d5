import { memo } from 'react';
import type Konva from 'konva';
import { Group, Layer, Rect, Text } from 'react-konva';
import type { FieldTemplate, Locale, SheetTemplate } from '@dmc/shared/template/types';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import { mayUse, useCapabilities } from '../workshop/capabilities';
import { useDiscussionIndex } from '../workshop/discussionIndex';
import { layoutFormulationBox } from './formulationBox';
import { fieldLayoutFor } from './layouts';
import { canvasMeasurer } from './measure';
import { CANVAS_COLORS, FONT_FAMILY } from './theme';

/** Node name of the field discussion buttons: a press on them is not a pan. */
export const FIELD_BUTTON_NAME = 'field-button';

/**
 * What the group made of each field, drawn over it: the agreed wording in a box across the
 * bottom (visible to all, not listening, so notes under it stay reachable), and next to the
 * info button a button that opens the field's discussion panel with, when there are any, the
 * number of open action points.
 */
export function FieldExtrasLayer({ sheet, locale }: { sheet: SheetTemplate; locale: Locale }) {
  const t = useT();
  const caps = useCapabilities();
  const index = useDiscussionIndex();
  const openFieldPanel = useAppStore((s) => s.openFieldPanel);
  const tools = mayUse(caps, 'formulate', sheet.id) || mayUse(caps, 'defer', sheet.id);
  return (
    <Layer>
      {sheet.fields.map((field) => {
        const text = index.formulationByField.get(field.id)?.text ?? '';
        const open = index.deferralsByField.get(field.id)?.length ?? 0;
        if (!tools && text.trim() === '' && open === 0) return null;
        return (
          <FieldExtras
            key={field.id}
            sheet={sheet}
            field={field}
            locale={locale}
            text={text}
            openPoints={open}
            title={t('canvas.formulation')}
            onOpen={() => openFieldPanel({ fieldId: field.id, focus: 'none' })}
          />
        );
      })}
    </Layer>
  );
}

interface FieldExtrasProps {
  readonly sheet: SheetTemplate;
  readonly field: FieldTemplate;
  readonly locale: Locale;
  readonly text: string;
  readonly openPoints: number;
  readonly title: string;
  readonly onOpen: () => void;
}

const FieldExtras = memo(function FieldExtras({ sheet, field, locale, text, openPoints, title, onOpen }: FieldExtrasProps) {
  const nested = field.parentId !== undefined;
  const { info } = fieldLayoutFor(sheet, field, locale);
  const r = info.r;
  const buttonX = info.x - r - 4 - 2 * r;
  const countText = `⚑ ${openPoints}`;
  const countWidth = canvasMeasurer('bold')(countText, r * 1.05) + r;
  const box = text.trim() !== '' ? layoutFormulationBox(field.rect, text, canvasMeasurer('normal'), nested) : null;
  return (
    <Group id={`field-extras-${field.id}`}>
      {box && (
        <Group id={`formulation-${field.id}`} x={box.x} y={box.y} listening={false}>
          <Rect width={box.width} height={box.height} fill={CANVAS_COLORS.formulationFill} stroke={CANVAS_COLORS.formulationEdge} strokeWidth={nested ? 0.8 : 1.2} cornerRadius={3} shadowColor="black" shadowOpacity={0.12} shadowBlur={4} shadowOffsetY={1} perfectDrawEnabled={false} />
          <Rect width={3} height={box.height} fill={CANVAS_COLORS.formulationEdge} cornerRadius={[3, 0, 0, 3]} perfectDrawEnabled={false} />
          <Text x={box.padding + 2} y={box.padding} text={title} fontFamily={FONT_FAMILY} fontSize={box.titleSize} fontStyle="bold" fill={CANVAS_COLORS.formulationEdge} perfectDrawEnabled={false} />
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
      )}
      <Group
        name={FIELD_BUTTON_NAME}
        x={buttonX}
        y={info.y - r}
        onClick={(e) => {
          if (e.evt.button === 0) onOpen();
        }}
        onTap={onOpen}
        onMouseEnter={(e) => pointer(e, 'pointer')}
        onMouseLeave={(e) => pointer(e, '')}
      >
        <Rect width={2 * r} height={2 * r} fill={CANVAS_COLORS.infoFill} stroke={CANVAS_COLORS.infoInk} strokeWidth={r / 6} cornerRadius={r / 2} perfectDrawEnabled={false} />
        <Text width={2 * r} height={2 * r} text="✎" align="center" verticalAlign="middle" fontSize={r * 1.25} fontFamily={FONT_FAMILY} fill={CANVAS_COLORS.infoInk} listening={false} perfectDrawEnabled={false} />
        {openPoints > 0 && (
          <Group x={-countWidth - 3}>
            <Rect width={countWidth} height={2 * r} fill={CANVAS_COLORS.deferralFill} cornerRadius={r} perfectDrawEnabled={false} />
            <Text width={countWidth} height={2 * r} text={countText} align="center" verticalAlign="middle" fontSize={r * 1.05} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#ffffff" listening={false} perfectDrawEnabled={false} />
          </Group>
        )}
      </Group>
    </Group>
  );
});

function pointer(e: Konva.KonvaEventObject<MouseEvent>, cursor: string): void {
  const container = e.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
}
