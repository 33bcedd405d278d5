import { describe, expect, it } from 'vitest';
import { discussiemodelTemplate } from '../template/discussiemodel';
import { fieldAt } from '../template/lookup';
import { templateForBoard, welcomeSheet } from '../template/plenary';
import { freeNoteArea, printedBlock, wordingBlock } from '../template/noteArea';
import type { Rect, SheetTemplate } from '../template/types';
import { workshopExportSchema, type ExportBoard, type WorkshopExport } from '../export/model';
import { sheetGuidance } from '../domain/guidance';
import { NOTE_SIZE } from '../domain/note';
import { suggestClusters } from '../domain/synthesis';
import { demoWorkshop } from './index';

const NOW = Date.UTC(2026, 10, 25, 14, 0, 0);
const demo: WorkshopExport = demoWorkshop(NOW);
const groupBoards = demo.boards.filter((b) => b.boardId !== 'plenary');
const plenary = demo.boards.find((b) => b.boardId === 'plenary');

function sheetOf(boardId: string, sheetId: string): SheetTemplate | undefined {
  return templateForBoard(boardId).sheets.find((s) => s.id === sheetId);
}

function membersOf(groupId: string): Set<string> {
  return new Set(demo.participants.filter((p) => p.groupId === groupId).map((p) => p.id));
}

/** Whether two rectangles overlap (touching edges do not). */
function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The field itself and its nested boxes: a note in a DPIA box counts for PRIVACY too. */
function family(sheet: SheetTemplate, fieldId: string): Set<string> {
  return new Set([fieldId, ...sheet.fields.filter((f) => f.parentId === fieldId).map((f) => f.id)]);
}

describe('demoWorkshop', () => {
  it('is a valid workshop export', () => {
    const result = workshopExportSchema.safeParse(demoWorkshop(Date.UTC(2026, 10, 25)));
    // The issues are printed as the failure message.
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it('is deterministic', () => {
    expect(demoWorkshop(NOW)).toEqual(demoWorkshop(NOW));
  });

  it('takes place on a weekday a few days before now, with actions in the weeks after', () => {
    const date = Date.parse(`${demo.workshop.date}T00:00:00Z`);
    const daysBefore = (Date.UTC(2026, 10, 25) - date) / 86_400_000;
    expect(daysBefore).toBeGreaterThanOrEqual(3);
    expect(daysBefore).toBeLessThanOrEqual(5);
    expect([1, 2, 3, 4, 5]).toContain(new Date(date).getUTCDay());
    const dated = demo.actions.filter((a) => a.when !== '');
    expect(dated.length).toBeGreaterThan(demo.actions.length / 2);
    for (const action of dated) expect(action.when > demo.workshop.date).toBe(true);
    expect(new Set(demo.actions.map((a) => a.status))).toEqual(new Set(['open', 'doing', 'done']));
    for (const board of demo.boards) for (const note of board.notes) expect(note.createdAt).toBeLessThan(NOW);
  });

  it('has a facilitator and three subgroups of three or four people, each of whom wrote on their board', () => {
    expect(demo.participants.filter((p) => p.role === 'facilitator')).toHaveLength(1);
    expect(demo.groups).toHaveLength(3);
    expect(groupBoards).toHaveLength(3);
    for (const group of demo.groups) {
      const members = membersOf(group.id);
      expect(members.size).toBeGreaterThanOrEqual(3);
      expect(members.size).toBeLessThanOrEqual(4);
      const board = demo.boards.find((b) => b.boardId === group.id);
      expect(board).toBeDefined();
      const authors = new Set(board?.notes.map((n) => n.authorId));
      for (const member of members) expect(authors.has(member), `${member} wrote on ${group.id}`).toBe(true);
      for (const author of authors) expect(members.has(author), `${author} is in ${group.id}`).toBe(true);
    }
  });

  it('has at least two notes in every field of both sheets on every group board', () => {
    for (const board of groupBoards) {
      const wordings = new Map(board.formulations.map((f) => [f.fieldId, f.text]));
      for (const sheet of discussiemodelTemplate.sheets) {
        for (const field of sheet.fields) {
          const ids = family(sheet, field.id);
          const count = board.notes.filter(
            (n) => n.sheetId === sheet.id && n.fieldId !== null && ids.has(n.fieldId),
          ).length;
          // PRIVACY's wording runs across its lowest box (Toezicht): a group that wrote one has no room for notes there.
          const covered = field.parentId !== undefined && freeNoteArea(sheet, field, wordings).height < NOTE_SIZE;
          if (covered) expect(wordings.has(field.parentId ?? ''), `${board.boardId} ${field.id}`).toBe(true);
          else expect(count, `${board.boardId} ${field.id}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    // At least one board shows notes in every box.
    expect(groupBoards.some((b) => b.notes.some((n) => n.fieldId === 'dpia-toezicht'))).toBe(true);
  });

  it('has notes in both fields of the plenary welcome sheet', () => {
    expect(plenary).toBeDefined();
    for (const field of welcomeSheet.fields) {
      const count = plenary?.notes.filter((n) => n.sheetId === welcomeSheet.id && n.fieldId === field.id).length ?? 0;
      expect(count, field.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('places every note inside its sheet and field, without overlapping another note', () => {
    for (const board of demo.boards) {
      for (const note of board.notes) {
        const sheet = sheetOf(board.boardId, note.sheetId);
        expect(sheet, `${note.id} sheet`).toBeDefined();
        if (sheet === undefined) continue;
        expect(note.x).toBeGreaterThanOrEqual(0);
        expect(note.y).toBeGreaterThanOrEqual(0);
        expect(note.x + NOTE_SIZE).toBeLessThanOrEqual(sheet.width);
        expect(note.y + NOTE_SIZE).toBeLessThanOrEqual(sheet.height);
        expect(fieldAt(sheet, note.x + NOTE_SIZE / 2, note.y + NOTE_SIZE / 2)?.id, note.id).toBe(note.fieldId);
        const field = sheet.fields.find((f) => f.id === note.fieldId);
        expect(field, note.id).toBeDefined();
        if (field === undefined) continue;
        // The whole note lies in its field.
        expect(note.x, note.id).toBeGreaterThanOrEqual(field.rect.x);
        expect(note.x + NOTE_SIZE, note.id).toBeLessThanOrEqual(field.rect.x + field.rect.width);
        expect(note.y, note.id).toBeGreaterThanOrEqual(field.rect.y);
        expect(note.y + NOTE_SIZE, note.id).toBeLessThanOrEqual(field.rect.y + field.rect.height);
      }
      for (const [i, a] of board.notes.entries()) {
        for (const b of board.notes.slice(i + 1)) {
          if (a.sheetId !== b.sheetId) continue;
          const overlap = Math.abs(a.x - b.x) < NOTE_SIZE && Math.abs(a.y - b.y) < NOTE_SIZE;
          expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    }
  });

  it('covers no printed question or hint and no agreed wording with a note, in Dutch or English', () => {
    for (const board of demo.boards) {
      const wordings = new Map(board.formulations.map((f) => [f.fieldId, f.text]));
      const chosen = new Set(board.choices.filter((c) => c.targetKind === 'note').map((c) => c.targetId));
      for (const note of board.notes) {
        const sheet = sheetOf(board.boardId, note.sheetId);
        if (sheet === undefined) continue;
        // A chosen note wears its "✓ GEKOZEN" ribbon 11 mm above it (RIBBON in client/src/canvas/noteBadges.ts).
        const ribbon = chosen.has(note.id) ? 11 : 0;
        const paper: Rect = { x: note.x, y: note.y - ribbon, width: NOTE_SIZE, height: NOTE_SIZE + ribbon };
        // Its own field, and the field it is nested in (PRIVACY's questions and wording).
        for (const field of sheet.fields.filter((f) => intersects(f.rect, paper))) {
          expect(
            intersects(printedBlock(sheet, field), paper),
            `${board.boardId} ${note.id} covers the questions of ${field.id}`,
          ).toBe(false);
          const wording = wordings.get(field.id);
          if (wording !== undefined)
            expect(
              intersects(wordingBlock(field, wording), paper),
              `${board.boardId} ${note.id} covers the wording of ${field.id}`,
            ).toBe(false);
        }
      }
    }
  });

  it('has ids that are unique across the whole workshop', () => {
    const ids = [
      ...demo.participants.map((p) => p.id),
      ...demo.groups.map((g) => g.id),
      ...demo.boards.flatMap((b) => [...b.notes.map((n) => n.id), ...b.deferrals.map((d) => d.id)]),
      ...demo.synthesis.clusters.map((c) => c.id),
      ...demo.actions.map((a) => a.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has discussion records that refer to notes and members of the same board', () => {
    for (const board of groupBoards) {
      const members = membersOf(board.boardId);
      const notes = new Map(board.notes.map((n) => [n.id, n]));
      expect(board.marks.length).toBeGreaterThan(board.notes.length / 2);
      for (const mark of board.marks) {
        expect(notes.has(mark.noteId), mark.noteId).toBe(true);
        expect(members.has(mark.participantId)).toBe(true);
      }
      expect(new Set(board.marks.map((m) => `${m.noteId}:${m.participantId}`)).size).toBe(board.marks.length);
      expect(new Set(board.marks.map((m) => m.value))).toEqual(new Set(['agree', 'disagree', 'open']));

      for (const vote of board.votes) {
        expect(notes.has(vote.noteId), vote.noteId).toBe(true);
        expect(members.has(vote.participantId)).toBe(true);
        expect(vote.slot).toBeLessThan(3);
      }
      expect(new Set(board.votes.map((v) => `${v.participantId}:${v.slot}`)).size).toBe(board.votes.length);
      for (const member of members)
        expect(board.votes.filter((v) => v.participantId === member).length).toBeLessThanOrEqual(3);

      expect(board.highlights.length).toBeGreaterThanOrEqual(3);
      expect(board.highlights.length).toBeLessThanOrEqual(5);
      for (const h of board.highlights) {
        expect(notes.has(h.noteId), h.noteId).toBe(true);
        expect(members.has(h.by)).toBe(true);
      }

      const wordings = new Set(board.formulations.map((f) => f.fieldId));
      expect(board.formulations.length).toBeGreaterThanOrEqual(6);
      for (const f of board.formulations) {
        expect(members.has(f.updatedBy)).toBe(true);
        expect(f.sourceNoteIds.length).toBeGreaterThan(0);
        const sheet = discussiemodelTemplate.sheets.find((s) => s.id === f.sheetId);
        expect(
          sheet?.fields.some((field) => field.id === f.fieldId),
          f.fieldId,
        ).toBe(true);
        const ids = sheet === undefined ? new Set<string>() : family(sheet, f.fieldId);
        for (const source of f.sourceNoteIds)
          expect(ids.has(notes.get(source)?.fieldId ?? ''), `${f.fieldId} ← ${source}`).toBe(true);
      }

      const doel = board.choices.filter((c) => c.fieldId === 'doel');
      expect(doel, board.boardId).toHaveLength(1);
      const questions = board.choices.filter((c) => c.fieldId === 'concrete-vragen');
      expect(questions.length).toBeGreaterThanOrEqual(1);
      expect(questions.length).toBeLessThanOrEqual(2);
      for (const choice of board.choices) {
        expect(members.has(choice.by)).toBe(true);
        if (choice.targetKind === 'note') expect(notes.get(choice.targetId)?.fieldId).toBe(choice.fieldId);
        else {
          expect(choice.targetId).toBe(choice.fieldId);
          expect(wordings.has(choice.fieldId)).toBe(true);
        }
      }

      expect(board.deferrals.length).toBeGreaterThanOrEqual(2);
      expect(board.deferrals.length).toBeLessThanOrEqual(3);
      for (const d of board.deferrals) {
        expect(members.has(d.createdBy)).toBe(true);
        expect(d.question).not.toBe('');
        expect(d.owner).not.toBe('');
        if (d.noteId !== null) expect(notes.get(d.noteId)?.fieldId).toBe(d.fieldId);
      }
    }
  });

  it('follows the canvas instructions: one goal chosen, no field left unconsidered', () => {
    for (const board of groupBoards) {
      for (const sheet of discussiemodelTemplate.sheets) {
        expect(sheetGuidance(sheet, board), `${board.boardId} ${sheet.id}`).toEqual([]);
      }
    }
  });

  it('has confirmed clusters that each span at least two subgroups, in the field of their notes', () => {
    const clusters = demo.synthesis.clusters;
    expect(clusters.length).toBeGreaterThanOrEqual(6);
    expect(clusters.length).toBeLessThanOrEqual(10);
    expect(new Set(clusters.map((c) => c.kind))).toEqual(new Set(['common', 'difference']));
    const home = new Map<string, { board: ExportBoard; fieldId: string | null }>();
    for (const board of groupBoards)
      for (const note of board.notes) home.set(note.id, { board, fieldId: note.fieldId });
    for (const cluster of clusters) {
      const groups = new Set<string>();
      for (const item of cluster.itemIds) {
        const found = home.get(item);
        expect(found, item).toBeDefined();
        expect(found?.fieldId, item).toBe(cluster.fieldId);
        if (found) groups.add(found.board.boardId);
      }
      expect(groups.size, cluster.id).toBeGreaterThanOrEqual(2);
    }
    const fields = new Set(demo.synthesis.plenaryFormulations.map((f) => f.fieldId));
    for (const fieldId of ['doel', 'doelgroep', 'kansen-risicos', 'data', 'privacy', 'stakeholders'])
      expect(fields.has(fieldId), fieldId).toBe(true);
  });

  it('writes the shared themes so that the cluster suggestion finds them across groups', () => {
    const suggestions = new Map<string, string[][]>();
    for (const cluster of demo.synthesis.clusters) {
      if (suggestions.has(cluster.fieldId)) continue;
      const items = groupBoards.flatMap((b) =>
        b.notes
          .filter((n) => n.fieldId === cluster.fieldId)
          .map((n) => ({ id: n.id, groupId: b.boardId, text: n.text })),
      );
      suggestions.set(
        cluster.fieldId,
        suggestClusters(items).map((s) => s.itemIds),
      );
    }
    const shared = ['bekeken', 'afrekenen', 'gradebook', 'management', 'studentenraad', 'privacy-officer'];
    for (const key of shared) {
      const cluster = demo.synthesis.clusters.find((c) => c.id === `demo-c-${key}`);
      expect(cluster, key).toBeDefined();
      if (cluster === undefined) continue;
      const found = suggestions.get(cluster.fieldId)?.some((ids) => cluster.itemIds.every((id) => ids.includes(id)));
      expect(found, `${key}: ${JSON.stringify(suggestions.get(cluster.fieldId))}`).toBe(true);
    }
  });

  it('has 8 to 12 actions whose sources exist', () => {
    expect(demo.actions.length).toBeGreaterThanOrEqual(8);
    expect(demo.actions.length).toBeLessThanOrEqual(12);
    expect(new Set(demo.actions.map((a) => a.sourceKind))).toEqual(
      new Set(['deferral', 'note', 'synthesis', 'direct']),
    );
    const participants = new Set(demo.participants.map((p) => p.id));
    for (const action of demo.actions) {
      if (action.whoParticipantId !== null) expect(participants.has(action.whoParticipantId)).toBe(true);
      expect(participants.has(action.createdBy)).toBe(true);
      if (action.sourceKind === 'deferral') {
        const board = groupBoards.find((b) => b.boardId === action.sourceGroupId);
        const deferral = board?.deferrals.find((d) => d.id === action.sourceDeferralId);
        expect(deferral, action.id).toBeDefined();
        expect(deferral?.fieldId).toBe(action.sourceFieldId);
      }
      if (action.sourceKind === 'note') {
        const board = groupBoards.find((b) => b.boardId === action.sourceGroupId);
        const note = board?.notes.find((n) => n.id === action.sourceNoteId);
        expect(note, action.id).toBeDefined();
        expect(note?.fieldId).toBe(action.sourceFieldId);
      }
    }
  });
});
