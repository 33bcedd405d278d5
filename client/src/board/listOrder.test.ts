import { describe, expect, it } from 'vitest';
import type { Note } from '@dmc/shared/domain/note';
import { discussiemodelTemplate } from '@dmc/shared/template/discussiemodel';
import { notesByField } from './listOrder';

const vel1 = discussiemodelTemplate.sheets[0]!;
const note = (id: string, createdAt: number, y: number, fieldId: string | null = 'doel', sheetId = 'vel1'): Note => ({
  id,
  sheetId,
  fieldId,
  x: 40,
  y,
  color: 'yellow',
  text: id,
  authorId: 'a',
  createdAt,
  z: 1,
});
const ids = (notes: readonly Note[] | undefined) => (notes ?? []).map((n) => n.id);

describe('the list view order', () => {
  it('keeps notes in the order they were written, whatever their place on the canvas', () => {
    // "new" was written last but sits highest on the sheet: it still comes last.
    const byField = notesByField([note('new', 30, 120), note('first', 10, 400), note('second', 20, 300)], vel1);
    expect(ids(byField.get('doel'))).toEqual(['first', 'second', 'new']);
  });

  it('does not reorder when a note moves on the canvas', () => {
    const before = notesByField([note('a', 1, 200), note('b', 2, 300)], vel1);
    const after = notesByField([note('a', 1, 500), note('b', 2, 100)], vel1);
    expect(ids(after.get('doel'))).toEqual(ids(before.get('doel')));
  });

  it('settles notes of the same moment by id, and groups per field and off-field', () => {
    const byField = notesByField(
      [
        note('z', 5, 100),
        note('m', 5, 100),
        note('q', 1, 100, 'doelgroep'),
        note('x', 1, 100, null),
        note('o', 1, 1, 'doel', 'vel2'),
      ],
      vel1,
    );
    expect(ids(byField.get('doel'))).toEqual(['m', 'z']);
    expect(ids(byField.get('doelgroep'))).toEqual(['q']);
    expect(ids(byField.get(null))).toEqual(['x']);
  });
});
