import { newAction, type ActionItem } from '../domain/actionItems';
import type { Note } from '../domain/note';
import { BACKUP_FORMAT, BACKUP_VERSION, type WorkshopExport } from './model';

/**
 * A small but complete workshop, with the handbook's examples as notes: the fixture of the
 * export tests and a realistic preview for the export dialog. Hostile text (quotes, separators,
 * line breaks, formula starts, Markdown) is included on purpose.
 */

const T0 = Date.UTC(2025, 2, 11, 9, 0, 0);

function note(
  id: string,
  fieldId: string | null,
  text: string,
  authorId: string,
  minute: number,
  sheetId = 'vel1',
): Note {
  return {
    id,
    sheetId,
    fieldId,
    x: 100 + minute,
    y: 200,
    color: 'yellow',
    text,
    authorId,
    createdAt: T0 + minute * 60_000,
    z: minute,
  };
}

function action(overrides: Partial<ActionItem> & Pick<ActionItem, 'id' | 'what'>): ActionItem {
  const origin = { sourceKind: 'direct' } as const;
  return {
    ...newAction(overrides.what, origin, { id: overrides.id, createdBy: 'f1', now: T0 + 3 * 3_600_000 }),
    ...overrides,
  };
}

/** A sample workshop export: two subgroups, a plenary board, synthesis and actions. */
export function sampleWorkshopExport(): WorkshopExport {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workshop: {
      id: 'ws-2025-la',
      title: 'Learning analytics bij de Faculteit Gezondheid',
      institution: 'Hogeschool Voorbeeld',
      date: '2025-03-11',
      language: 'nl',
      exportedAt: T0 + 4 * 3_600_000,
    },
    participants: [
      { id: 'f1', name: 'Germaine', role: 'facilitator', groupId: null },
      { id: 'p1', name: 'Marieke', role: 'participant', groupId: 'g-a' },
      { id: 'p2', name: 'Karianne', role: 'participant', groupId: 'g-a' },
      { id: 'p3', name: 'Émile', role: 'participant', groupId: 'g-b' },
    ],
    groups: [
      { id: 'g-a', name: 'Tafel A', color: '#1d4ed8' },
      { id: 'g-b', name: 'Tafel B', color: '#b42318' },
    ],
    boards: [
      {
        boardId: 'g-a',
        notes: [
          note('n1', 'doel', 'Inzicht in studievoortgang', 'p1', 1),
          note('n2', 'kansen-risicos', 'Studenten willen misschien niet meewerken, voelen zich bekeken', 'p2', 2),
          note('n3', 'kansen-risicos', 'Docenten ervaren weerstand: "afrekenen" op kwaliteit; | pipe', 'p1', 3),
          note('n4', 'data', 'Data uit Canvas\nen Osiris', 'p2', 4, 'vel2'),
          note('n5', null, '=HYPERLINK("http://example.invalid")', 'p1', 5),
        ],
        marks: [
          { noteId: 'n1', participantId: 'p1', value: 'agree' },
          { noteId: 'n1', participantId: 'p2', value: 'agree' },
          { noteId: 'n3', participantId: 'p2', value: 'disagree' },
          { noteId: 'n3', participantId: 'p1', value: 'open' },
        ],
        votes: [
          { noteId: 'n1', participantId: 'p1', slot: 0 },
          { noteId: 'n1', participantId: 'p2', slot: 0 },
        ],
        formulations: [
          {
            fieldId: 'doel',
            sheetId: 'vel1',
            text: 'Studenten en studieadviseurs krijgen tijdig inzicht in de studievoortgang.',
            sourceNoteIds: ['n1'],
            updatedBy: 'p2',
            updatedAt: T0 + 40 * 60_000,
          },
        ],
        deferrals: [
          {
            id: 'd1',
            sheetId: 'vel2',
            fieldId: 'data',
            noteId: 'n4',
            question: 'Welke data houden docenten zelf bij in Excel?',
            findOut: 'welke bronnen er naast het LMS zijn',
            askWhom: 'opleidingscoördinatoren',
            owner: 'Karianne',
            createdBy: 'p2',
            createdAt: T0 + 80 * 60_000,
          },
        ],
        highlights: [{ noteId: 'n1', by: 'p1' }],
        choices: [],
      },
      {
        boardId: 'g-b',
        notes: [
          note('m1', 'doel', 'Studievoortgang beter inzichtelijk maken voor studieadviseurs', 'p3', 1),
          note('m2', 'kansen-risicos', 'Weerstand bij studenten: ze voelen zich gecontroleerd en bekeken', 'p3', 2),
        ],
        marks: [{ noteId: 'm1', participantId: 'p3', value: 'agree' }],
        votes: [],
        formulations: [],
        deferrals: [],
        highlights: [],
        choices: [],
      },
      {
        boardId: 'plenary',
        notes: [
          note(
            'w1',
            'vragen-vooraf',
            'Wat is het verschil tussen learning analytics en studiedata?',
            'p3',
            0,
            'welkom',
          ),
        ],
        marks: [],
        votes: [],
        formulations: [],
        deferrals: [],
        highlights: [],
        choices: [],
      },
    ],
    synthesis: {
      clusters: [
        { id: 'cl-1', fieldId: 'doel', itemIds: ['n1', 'm1'], kind: 'common', label: 'inzicht, studievoortgang' },
        {
          id: 'cl-2',
          fieldId: 'kansen-risicos',
          itemIds: ['n2', 'm2'],
          kind: 'common',
          label: 'bekeken, voelen, studenten',
        },
      ],
      plenaryFormulations: [{ fieldId: 'doel', text: 'Inzicht in studievoortgang voor studenten en studieadviseurs.' }],
    },
    actions: [
      action({
        id: 'act-1',
        what: 'Uitzoeken: welke bronnen er naast het LMS zijn; "Excel" ook?',
        who: 'Karianne',
        whoParticipantId: 'p2',
        when: '2025-04-01',
        sourceKind: 'deferral',
        sourceGroupId: 'g-a',
        sourceFieldId: 'data',
        sourceNoteId: 'n4',
        sourceDeferralId: 'd1',
      }),
      action({
        id: 'act-2',
        what: 'Privacy officer uitnodigen voor de DPIA,\nmet de FG erbij',
        who: 'Émile',
        when: '2025-04-15',
        status: 'doing',
        sourceFieldId: 'privacy',
      }),
      action({ id: 'act-3', what: '=SUM(A1:A9)', who: '+31 6 12345678', when: '', status: 'done' }),
    ],
  };
}
