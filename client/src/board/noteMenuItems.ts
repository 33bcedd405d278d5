import { NOTE_COLORS, type Note } from '@dmc/shared/domain/note';
import { MARK_VALUES } from '@dmc/shared/domain/discussion';
import { getAction, isEnabled } from '../actions/registry';
import { rightsOf } from '../actions/commands';
import type { ActionContext } from '../actions/types';
import type { NoteDiscussion } from '../workshop/discussionIndex';
import { isNoteChosen } from '../workshop/guidance';

/*
 * What a note's context menu offers, apart from the menu itself (ContextMenu.tsx, fetched when a
 * menu is first opened): the canvas asks it whether a note has a menu at all.
 */

/** The commands the note's menu offers now (empty: no menu). */
export function menuItems(ctx: ActionContext, note: Note, d: NoteDiscussion): Item[] {
  const rights = rightsOf(ctx, note);
  const items: Item[] = [
    ...(rights.editText ? [{ action: 'editNote', kind: 'command' as const }] : []),
    ...(rights.mark
      ? MARK_VALUES.map((value) => ({ action: `mark-${value}`, kind: 'check' as const, checked: d.myMark === value }))
      : []),
    ...(rights.vote
      ? [
          { action: 'vote-add', kind: 'command' as const },
          { action: 'vote-remove', kind: 'command' as const },
        ]
      : []),
    ...(rights.highlight ? [{ action: 'highlight', kind: 'check' as const, checked: d.highlighted }] : []),
    ...(['goal', 'question'] as const)
      .filter((kind) => isEnabled(getAction(`choose-${kind}`), ctx))
      .map((kind) => ({
        action: `choose-${kind}`,
        kind: 'check' as const,
        checked: isNoteChosen(ctx.store.getState().discussion.choices, note),
      })),
    ...(rights.defer && note.fieldId ? [{ action: 'deferNote', kind: 'command' as const }] : []),
    ...(note.fieldId && !ctx.store.getState().privateOwners.has(note.id)
      ? [{ action: 'fieldPanel', kind: 'command' as const }]
      : []),
    ...(rights.recolor
      ? NOTE_COLORS.map((color) => ({
          action: `color-${color}`,
          kind: 'color' as const,
          checked: note.color === color,
        }))
      : []),
    ...(rights.remove ? [{ action: 'deleteNote', kind: 'command' as const }] : []),
  ];
  // Commands that cannot run now (no dot left, none to take back) are left out.
  return items.filter(
    (item) => item.kind !== 'command' || item.action === 'fieldPanel' || isEnabled(getAction(item.action), ctx),
  );
}

export interface Item {
  readonly action: string;
  readonly kind: 'command' | 'color' | 'check';
  readonly checked?: boolean;
}
