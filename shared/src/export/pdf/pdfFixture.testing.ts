import { discussiemodelTemplate } from '../../template/discussiemodel';
import type { FieldTemplate } from '../../template/types';
import type { ActionItem } from '../../domain/actionItems';
import { NOTE_COLORS, NOTE_SIZE, type Note } from '../../domain/note';
import { BACKUP_FORMAT, BACKUP_VERSION, type ExportBoard, type WorkshopExport } from '../model';

/**
 * A large workshop for the PDF tests and for measuring: many groups, many long notes spread
 * over every field of both sheets, with marks, dots, highlights, agreed wordings, open questions,
 * clusters and a long action list. Deterministic, so page counts and timings compare.
 */

const T0 = Date.UTC(2025, 8, 15, 9, 0, 0);

const WORDS = [
  'studievoortgang',
  'inzicht',
  'studenten',
  'docenten',
  'privacy',
  'AVG',
  'dashboard',
  'uitval',
  'begeleiding',
  'mentoren',
  'data',
  'Canvas',
  'Osiris',
  'ethiek',
  'transparantie',
  'coördinatie',
  'één',
  'financiën',
  'proportionaliteit',
  'draagvlak',
  'café',
  'reünie',
  'naïef',
  'Überblick',
  'learning',
  'analytics',
  'kwaliteit',
  'onderwijs',
  'feedback',
  'toestemming',
  'bewaartermijn',
];

/** A sentence-like text of about `length` characters, different per seed. */
export function longText(seed: number, length: number): string {
  let text = '';
  let i = seed * 7;
  while (text.length < length) {
    const word = WORDS[i % WORDS.length] ?? 'data';
    text += text === '' ? word.charAt(0).toUpperCase() + word.slice(1) : ` ${word}`;
    i = (i * 31 + 17) % 1009;
  }
  return `${text.slice(0, length).trimEnd()}.`;
}

/** Leaf fields (where notes go): a nested box, or a field without nested boxes. */
function leafFields(fields: readonly FieldTemplate[]): FieldTemplate[] {
  return fields.filter((f) => !fields.some((c) => c.parentId === f.id));
}

/** A workshop with `groups` subgroups of `notesPerGroup` notes of about `noteLength` characters. */
export function largeWorkshopExport(groups = 3, notesPerGroup = 120, noteLength = 420): WorkshopExport {
  const boards: ExportBoard[] = [];
  const participants: WorkshopExport['participants'] = [
    { id: 'f1', name: 'Procesbegeleider', role: 'facilitator', groupId: null },
  ];
  const groupList: WorkshopExport['groups'] = [];
  const actions: ActionItem[] = [];
  const clusters: WorkshopExport['synthesis']['clusters'] = [];
  for (let g = 0; g < groups; g++) {
    const groupId = `g${g}`;
    groupList.push({
      id: groupId,
      name: `Groep ${g + 1}`,
      color: ['#1d4ed8', '#b42318', '#047857', '#7c3aed'][g % 4] ?? '#1d4ed8',
    });
    const members = [0, 1, 2, 3, 4].map((m) => `p${g}-${m}`);
    members.forEach((id, m) =>
      participants.push({ id, name: `Deelnemer ${g + 1}.${m + 1}`, role: 'participant', groupId }),
    );
    const notes: Note[] = [];
    const board: ExportBoard = {
      boardId: groupId,
      notes,
      marks: [],
      votes: [],
      formulations: [],
      deferrals: [],
      highlights: [],
      choices: [],
    };
    for (let n = 0; n < notesPerGroup; n++) {
      const sheet = discussiemodelTemplate.sheets[n % 2];
      if (sheet === undefined) continue;
      const leaves = leafFields(sheet.fields);
      const field = leaves[Math.floor(n / 2) % leaves.length];
      if (field === undefined) continue;
      // A loose grid below the field's printed texts, wrapping over itself when the field is full.
      const slot = Math.floor(n / 2 / leaves.length);
      const columns = Math.max(1, Math.floor((field.rect.width - 16) / (NOTE_SIZE + 6)));
      const rows = Math.max(1, Math.floor((field.rect.height * 0.5 - 10) / (NOTE_SIZE + 6)));
      const x = field.rect.x + 8 + (slot % columns) * (NOTE_SIZE + 6) + (Math.floor(slot / (columns * rows)) % 3) * 9;
      const y =
        field.rect.y +
        field.rect.height * 0.4 +
        (Math.floor(slot / columns) % rows) * (NOTE_SIZE + 6) +
        (Math.floor(slot / (columns * rows)) % 3) * 9;
      const id = `${groupId}-n${n}`;
      const text = n === 3 ? 'Goed idee 👍🏽 — maar 数据 is lastig 🇳🇱' : `${longText(g * 1000 + n, noteLength)} [${id}]`;
      notes.push({
        id,
        sheetId: sheet.id,
        fieldId: field.id,
        x,
        y,
        color: NOTE_COLORS[n % NOTE_COLORS.length] ?? 'yellow',
        text,
        authorId: members[n % 5] ?? 'f1',
        createdAt: T0 + n * 1000,
        z: n,
      });
      members.slice(0, n % 4).forEach((participantId, k) =>
        board.marks.push({
          noteId: id,
          participantId,
          value: (['agree', 'disagree', 'open'] as const)[(n + k) % 3] ?? 'agree',
        }),
      );
      if (n % 5 === 0)
        board.votes.push({ noteId: id, participantId: members[n % 5] ?? 'f1', slot: Math.floor(n / 5) % 20 });
      if (n % 11 === 0) board.highlights.push({ noteId: id, by: members[0] ?? 'f1' });
    }
    for (const sheet of discussiemodelTemplate.sheets) {
      for (const field of leafFields(sheet.fields)) {
        board.formulations.push({
          fieldId: field.id,
          sheetId: sheet.id,
          text: longText(g * 50 + field.id.length, 600),
          sourceNoteIds: [],
          updatedBy: members[0] ?? 'f1',
          updatedAt: T0,
        });
        const deferralId = `${groupId}-d-${field.id}`;
        board.deferrals.push({
          id: deferralId,
          sheetId: sheet.id,
          fieldId: field.id,
          noteId: null,
          question: `${longText(g + field.id.length, 300)}?`,
          findOut: longText(g + 3, 200),
          askWhom: 'de functionaris gegevensbescherming',
          owner: `Deelnemer ${g + 1}.1`,
          createdBy: members[0] ?? 'f1',
          createdAt: T0,
        });
        actions.push({
          id: `act-${deferralId}`,
          what: longText(actions.length, 480),
          who: `Deelnemer ${g + 1}.1`,
          whoParticipantId: null,
          when: '2025-10-01',
          status: (['open', 'doing', 'done'] as const)[actions.length % 3] ?? 'open',
          sourceKind: 'deferral',
          sourceGroupId: groupId,
          sourceFieldId: field.id,
          sourceNoteId: null,
          sourceDeferralId: deferralId,
          createdBy: 'f1',
          createdAt: T0 + actions.length,
          updatedAt: T0 + actions.length,
        });
      }
    }
    // A wording on a field with nested boxes too: it goes above the DPIA boxes.
    if (g === 0)
      board.formulations.push({
        fieldId: 'privacy',
        sheetId: 'vel2',
        text: longText(7, 260),
        sourceNoteIds: [],
        updatedBy: members[0] ?? 'f1',
        updatedAt: T0,
      });
    boards.push(board);
  }
  for (let c = 0; c < 20; c++) {
    const fieldId = discussiemodelTemplate.sheets[0]?.fields[c % 4]?.id ?? 'doel';
    clusters.push({
      id: `cl-${c}`,
      fieldId,
      itemIds: [0, 1, 2].map((g) => `g${g % groups}-n${c * 2}`),
      kind: c % 3 === 0 ? null : c % 3 === 1 ? 'common' : 'difference',
      label: longText(c, 120),
    });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workshop: {
      id: 'ws-large',
      title: 'Een grote workshop met héél veel notities — learning analytics',
      institution: 'Universiteit Voorbeeld',
      date: '2025-09-15',
      language: 'nl',
      exportedAt: T0 + 5 * 3_600_000,
    },
    participants,
    groups: groupList,
    boards,
    synthesis: { clusters, plenaryFormulations: [{ fieldId: 'doel', text: longText(99, 900) }] },
    actions,
  };
}
