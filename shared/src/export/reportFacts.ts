import { text } from '../i18n/catalogue';
import type { FieldTemplate, Locale } from '../template/types';
import type { ExportBoard, ExportParticipant, WorkshopExport } from './model';

/**
 * What the two reports (Markdown and PDF) state alike, so they never disagree: who counts as a
 * participant, how the date reads, and which notes and wordings the group chose. No pdf-lib here:
 * the Markdown writer uses it too.
 */

/** Languages for dates in words. */

/** A YYYY-MM-DD date in words ("11 maart 2025"); other text as entered. */
export function formatWorkshopDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (match === null) return date.trim();
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (Number.isNaN(ms)) return date.trim();
  return new Intl.DateTimeFormat(text(locale, 'locale.tag'), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ms);
}

/** The people the reports count as participants; the facilitators are named apart. */
export function reportParticipants(exp: WorkshopExport): ExportParticipant[] {
  return exp.participants.filter((p) => p.role === 'participant');
}

/** The facilitators ("procesbegeleiding"). */
export function reportFacilitators(exp: WorkshopExport): ExportParticipant[] {
  return exp.participants.filter((p) => p.role === 'facilitator');
}

/** The notes the group chose (the goal, the concrete questions), while they lie in the field they were chosen in (as on screen). */
export function chosenNoteIds(board: ExportBoard): Set<string> {
  return new Set(
    board.choices
      .filter((c) => c.targetKind === 'note' && board.notes.some((n) => n.id === c.targetId && n.fieldId === c.fieldId))
      .map((c) => c.targetId),
  );
}

/** The fields whose agreed wording the group chose (while there is a wording). */
export function chosenWordingFields(board: ExportBoard): Set<string> {
  return new Set(
    board.choices
      .filter(
        (c) =>
          c.targetKind === 'formulation' &&
          c.targetId === c.fieldId &&
          board.formulations.some((f) => f.fieldId === c.fieldId && f.text.trim() !== ''),
      )
      .map((c) => c.fieldId),
  );
}

/**
 * What a choice is called in the reports: DOEL asks for one goal ("gekozen doel"), the concrete
 * questions for at most two ("gekozen vraag"); a field the template does not know: "gekozen".
 */
export function choiceLabel(field: Pick<FieldTemplate, 'maxChosen'> | undefined, locale: Locale): string {
  if (field?.maxChosen === undefined) return text(locale, 'choice.chosen');
  return text(locale, field.maxChosen === 1 ? 'choice.goal' : 'choice.question');
}
