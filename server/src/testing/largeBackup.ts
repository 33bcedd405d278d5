import { LIMITS } from '@dmc/shared/domain/limits';
import type { WorkshopExport } from '@dmc/shared/export/model';

/**
 * A copy of `base` with `groups` extra subgroup boards of `notes` long notes each, written by
 * `author` (default: the backup's first participant) — ~6 MB for 20 × 600. For the import tests
 * and the import-stall soak: big, valid up to the limits unless `notes` exceeds them.
 */
export function largeBackup(
  base: WorkshopExport,
  groups: number,
  notes: number,
  author = base.participants[0]?.id ?? '',
): WorkshopExport {
  const extra = Array.from({ length: groups }, (_, g) => ({ id: `big${g}`, name: `Groot ${g}`, color: '#1d4ed8' }));
  const boards = extra.map((group) => ({
    boardId: group.id,
    notes: Array.from({ length: notes }, (_, i) => ({
      id: `${group.id}n${i}`,
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 10 + (i % 50) * 20,
      y: 160 + Math.floor(i / 50) * 20,
      color: 'yellow' as const,
      text: `Notitie ${i}: ${'studiesucces en begeleiding van eerstejaars '.repeat(10)}`.slice(
        0,
        LIMITS.noteTextLength,
      ),
      authorId: author,
      createdAt: i,
      z: i,
    })),
    marks: [],
    votes: [],
    formulations: [],
    deferrals: [],
    highlights: [],
    choices: [],
  }));
  return { ...base, groups: [...base.groups, ...extra], boards: [...base.boards, ...boards] };
}
