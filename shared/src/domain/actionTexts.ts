import { CATALOGUE, text } from '../i18n/catalogue';
import type { LocalizedText } from '../template/types';
import {
  ACTION_WHAT_LENGTH,
  ACTION_WHO_LENGTH,
  clamp,
  matchOwner,
  newAction,
  oneLine,
  type ActionItem,
  type ActionSourceKind,
  type ActionStatus,
  type NewActionContext,
} from './actionItems';
import type { Deferral } from './discussion';
import type { Note } from './note';

/**
 * The parts of the follow-up actions that are written in words from the text catalogue: the
 * status and source labels, and the "what" of an action made from a deferred question or a note.
 * (Apart from actionItems.ts so that the participant's board loads without the catalogue.)
 */

/**
 * Turns a deferred question into an action: "Uitzoeken: <what to find out> — navragen bij
 * <whom> (vraag: <question>)", or "Beantwoorden: <question> — …" when nothing specific was
 * written to find out. The owner becomes "who".
 */
export function actionFromDeferral(deferral: Deferral, groupId: string | null, context: NewActionContext): ActionItem {
  const word = (key: 'deferral.findOut' | 'deferral.answer' | 'deferral.ask' | 'deferral.question') =>
    text(context.locale, key);
  const question = oneLine(deferral.question);
  const findOut = oneLine(deferral.findOut);
  const askWhom = oneLine(deferral.askWhom);
  let what =
    findOut !== ''
      ? `${word('deferral.findOut')}: ${findOut}`
      : `${word('deferral.answer')}: ${question !== '' ? question : '…'}`;
  if (askWhom !== '') what += ` — ${word('deferral.ask')} ${askWhom}`;
  if (findOut !== '' && question !== '' && question !== findOut) what += ` (${word('deferral.question')}: ${question})`;
  return newAction(
    clamp(what, ACTION_WHAT_LENGTH),
    {
      sourceKind: 'deferral',
      sourceGroupId: groupId,
      sourceFieldId: deferral.fieldId,
      sourceNoteId: deferral.noteId,
      sourceDeferralId: deferral.id,
      ...matchOwner(clamp(oneLine(deferral.owner), ACTION_WHO_LENGTH), context.members ?? []),
    },
    context,
  );
}

/** Turns a note into an action; its text (on one line) is the "what". */
export function actionFromNote(note: Note, groupId: string | null, context: NewActionContext): ActionItem {
  const written = oneLine(note.text);
  const empty = text(context.locale, 'action.emptyNote');
  return newAction(
    clamp(written !== '' ? written : empty, ACTION_WHAT_LENGTH),
    { sourceKind: 'note', sourceGroupId: groupId, sourceFieldId: note.fieldId, sourceNoteId: note.id },
    context,
  );
}

/** Status labels for lists and exports. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, LocalizedText>> = {
  open: CATALOGUE['actionStatus.open'],
  doing: CATALOGUE['actionStatus.doing'],
  done: CATALOGUE['actionStatus.done'],
};

/** Source labels for lists and exports. */
export const ACTION_SOURCE_LABELS: Readonly<Record<ActionSourceKind, LocalizedText>> = {
  note: CATALOGUE['actionSource.note'],
  deferral: CATALOGUE['actionSource.deferral'],
  synthesis: CATALOGUE['actionSource.synthesis'],
  direct: CATALOGUE['actionSource.direct'],
  card: CATALOGUE['actionSource.card'],
};
