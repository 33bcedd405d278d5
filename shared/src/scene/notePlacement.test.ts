import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, type Note } from '../domain/note';
import { discussiemodelTemplate } from '../template/discussiemodel';
import { fieldAt } from '../template/lookup';
import { freeNoteArea, printedBottom, wordingBlock } from '../template/noteArea';
import type { FieldTemplate, SheetTemplate } from '../template/types';
import {
  boardContents,
  clampToSheet,
  freeSpotInField,
  noteBox,
  placeInField,
  placeNewNote,
  placeNotesInField,
  placeRevealed,
  type BoardContents,
} from './notePlacement';
import { RIBBON } from './noteBadges';
import { overlapArea, type Box } from './placement';

const sheetOf = (id: string): SheetTemplate => {
  const sheet = discussiemodelTemplate.sheets.find((s) => s.id === id);
  if (!sheet) throw new Error(id);
  return sheet;
};
const vel1 = sheetOf('vel1');
const vel2 = sheetOf('vel2');
const field = (sheet: SheetTemplate, id: string): FieldTemplate => {
  const f = sheet.fields.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const centreField = (sheet: SheetTemplate, x: number, y: number) =>
  fieldAt(sheet, x + NOTE_SIZE / 2, y + NOTE_SIZE / 2)?.id;

let counter = 0;
const noteAt = (x: number, y: number, sheet = vel1, extra: Partial<Note> = {}): Note => ({
  id: `n${++counter}`,
  sheetId: sheet.id,
  fieldId: centreField(sheet, x, y) ?? null,
  x,
  y,
  color: 'yellow',
  text: '',
  authorId: 'a',
  createdAt: 0,
  z: counter,
  ...extra,
});
const empty: BoardContents = boardContents([]);
const covers = (a: Box, b: Box) => overlapArea(a, b) > 0;
const inside = (p: { x: number; y: number }, r: Box) =>
  p.x >= r.x - 1e-6 &&
  p.y >= r.y - 1e-6 &&
  p.x + NOTE_SIZE <= r.x + r.width + 1e-6 &&
  p.y + NOTE_SIZE <= r.y + r.height + 1e-6;
const ribbon = (n: { x: number; y: number }): Box => ({
  x: n.x,
  y: n.y + RIBBON.top,
  width: NOTE_SIZE,
  height: -RIBBON.top,
});
/** Whether `b` comes after `a` in reading order (rows top to bottom, each left to right). */
const readsAfter = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  b.y > a.y || (b.y === a.y && b.x > a.x);

describe('freeSpotInField', () => {
  it('puts a note below the printed text of an empty field, inside it', () => {
    const doel = field(vel1, 'doel');
    const spot = freeSpotInField(vel1, doel, empty);
    expect(spot?.free).toBe(true);
    expect(spot!.y).toBeGreaterThanOrEqual(printedBottom(vel1, doel));
    expect(inside(spot!, doel.rect)).toBe(true);
    expect(centreField(vel1, spot!.x, spot!.y)).toBe('doel');
  });

  it('avoids notes already there', () => {
    const doel = field(vel1, 'doel');
    const first = freeSpotInField(vel1, doel, empty)!;
    const second = freeSpotInField(vel1, doel, boardContents([noteAt(first.x, first.y)]))!;
    expect(covers(noteBox(first), noteBox(second))).toBe(false);
  });

  it('stays above the agreed wording', () => {
    const doel = field(vel1, 'doel');
    const wording = 'Een doel dat we allemaal onderschrijven, in een paar regels opgeschreven.';
    const contents = boardContents([], [{ fieldId: 'doel', text: wording }]);
    const box = wordingBlock(doel, wording);
    const near = { x: doel.rect.x + doel.rect.width / 2, y: doel.rect.y + doel.rect.height - 10 };
    const spot = freeSpotInField(vel1, doel, contents, near)!;
    expect(covers(noteBox(spot), box)).toBe(false);
  });

  it('places in a nested box when asked for it', () => {
    const box = field(vel2, 'dpia-risicos');
    const spot = placeInField(vel2, box, empty);
    expect(spot.fieldId).toBe('dpia-risicos');
    expect(inside(spot, box.rect)).toBe(true);
  });

  it('keeps a note for a field full of nested boxes in that field (by its centre)', () => {
    const spot = placeInField(vel2, field(vel2, 'privacy'), empty);
    expect(centreField(vel2, spot.x, spot.y)).toBe('privacy');
  });
});

describe('placing many notes in one field', () => {
  // DOEL's texts and choice rule on a field large enough for 30 notes.
  const doel = field(vel1, 'doel');
  const big: FieldTemplate = { ...doel, rect: { x: 30, y: 120, width: 1100, height: 700 } };
  const sheet: SheetTemplate = { ...vel1, fields: [big] };
  const wording = 'Wat we samen willen bereiken met learning analytics, in één zin.';
  // Just under the first row, so its ribbon reaches up between the notes above it.
  const firstRow = placeNotesInField(sheet, big, boardContents([]), 1)[0]!.y;
  const chosen = noteAt(500, firstRow + NOTE_SIZE + 8, sheet, { id: 'chosen' });
  const contents = boardContents(
    [chosen],
    [{ fieldId: big.id, text: wording }],
    [{ targetKind: 'note', targetId: 'chosen' }],
  );
  const placed = placeNotesInField(sheet, big, contents, 30);

  it('overlaps no other note, the wording box, or the chosen label', () => {
    const boxes = placed.map(noteBox);
    const wordingBox = wordingBlock(big, wording);
    boxes.forEach((box, i) => {
      expect(covers(box, noteBox(chosen))).toBe(false);
      expect(covers(box, ribbon(chosen))).toBe(false);
      expect(covers(box, wordingBox)).toBe(false);
      for (let j = 0; j < i; j++) expect(covers(box, boxes[j]!)).toBe(false);
      // Nor does a placed note's own ribbon, once chosen, cover the printed text.
      expect(box.y + RIBBON.top).toBeGreaterThanOrEqual(printedBottom(sheet, big));
      expect(inside(box, freeNoteArea(sheet, big, contents.wordings))).toBe(true);
    });
  });

  it('fills in reading order', () => {
    for (let i = 1; i < placed.length; i++) expect(readsAfter(placed[i - 1]!, placed[i]!)).toBe(true);
    // The first row is filled left to right before the second starts.
    expect(placed[1]!.y).toBe(placed[0]!.y);
    expect(placed[1]!.x).toBeGreaterThan(placed[0]!.x);
  });

  it('cascades inside the field once it is full', () => {
    const box = field(vel2, 'dpia-noodzaak');
    const many = placeNotesInField(vel2, box, empty, 12);
    const area = freeNoteArea(vel2, box, new Map());
    for (const p of many) {
      expect(inside(p, box.rect)).toBe(true);
      expect(p.fieldId).toBe('dpia-noodzaak');
    }
    // The free places first, without overlap; then the cascade, each on its own step of it.
    const free = many.filter((p, i) => many.slice(0, i).every((q) => !covers(noteBox(p), noteBox(q))));
    expect(free.length).toBeGreaterThan(0);
    expect(free.length).toBeLessThan(many.length);
    const overflow = many.slice(free.length);
    expect(overflow.every((p) => inside(p, area))).toBe(true);
    const corners = new Set(overflow.map((p) => `${p.x},${p.y}`));
    expect(corners.size).toBeGreaterThan(1);
  });
});

describe('placeNewNote', () => {
  it('uses the preferred field while it has room, then the first field with room', () => {
    const placed = placeNewNote(vel1, empty, 'kansen-risicos');
    expect(placed.fieldId).toBe('kansen-risicos');
    // Fill DOELGROEP completely with a grid of notes.
    const rect = field(vel1, 'doelgroep').rect;
    const notes: Note[] = [];
    for (let y = rect.y; y < rect.y + rect.height; y += 20)
      for (let x = rect.x; x < rect.x + rect.width; x += 20) notes.push(noteAt(x, y));
    const next = placeNewNote(vel1, boardContents(notes), 'doelgroep');
    expect(next.fieldId).not.toBe('doelgroep');
    expect(next.fieldId).not.toBeNull();
  });
});

describe('placeRevealed', () => {
  it('spreads notes written on the same spot by several people over the field, by author then time', () => {
    const wording = 'Inzicht in studievoortgang, zodat we eerder kunnen helpen.';
    const chosen = noteAt(300, 300, vel1, { id: 'chosen' });
    const contents = boardContents(
      [chosen],
      [{ fieldId: 'doel', text: wording }],
      [{ targetKind: 'note', targetId: 'chosen' }],
    );
    const drafts = ['cleo', 'anna', 'bram'].flatMap((author) =>
      [4, 2, 3, 1, 0].map((k) =>
        noteAt(100, 250, vel1, { id: `${author}-${k}`, authorId: author, createdAt: 100 + k }),
      ),
    );
    const placed = placeRevealed(discussiemodelTemplate, contents, drafts);
    expect(placed.map((n) => n.id)).toEqual(
      ['anna', 'bram', 'cleo'].flatMap((author) => [0, 1, 2, 3, 4].map((k) => `${author}-${k}`)),
    );
    const doel = field(vel1, 'doel');
    const wordingBox = wordingBlock(doel, wording);
    placed.forEach((n, i) => {
      expect(n.fieldId).toBe('doel');
      expect(inside(n, doel.rect)).toBe(true);
      expect(covers(noteBox(n), wordingBox)).toBe(false);
      expect(covers(noteBox(n), noteBox(chosen))).toBe(false);
      expect(covers(noteBox(n), ribbon(chosen))).toBe(false);
      for (let j = 0; j < i; j++) expect(covers(noteBox(n), noteBox(placed[j]!))).toBe(false);
      if (i > 0) expect(readsAfter(placed[i - 1]!, n)).toBe(true);
    });
  });

  it('leaves notes outside every field where they are', () => {
    const loose = noteAt(2, 2, vel1, { id: 'loose', fieldId: null });
    expect(placeRevealed(discussiemodelTemplate, empty, [loose])).toEqual([loose]);
  });
});

describe('clampToSheet', () => {
  it('keeps the whole note on the sheet', () => {
    expect(clampToSheet(vel1, { x: -50, y: 5000 })).toEqual({ x: 0, y: vel1.height - NOTE_SIZE });
  });
});
