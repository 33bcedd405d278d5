import { z } from 'zod/mini';
import { actionItemSchema } from '../domain/actionItems';
import {
  choiceSchema,
  deferralSchema,
  FORMULATION_LENGTH,
  formulationSchema,
  highlightSchema,
  markSchema,
  voteSchema,
} from '../domain/discussion';
import { collectionLimit, LIMITS } from '../domain/limits';
import { noteSchema } from '../domain/note';
import { questionSchema } from '../domain/questions';
import { PHASE_IDS } from '../domain/phases';
import { settingsSchema } from '../domain/session';
import { tableRoleSchema, workshopPlanSchema } from '../protocol/api';
import { idSchema as id, fieldIdSchema as fieldId } from '../domain/ids';

/**
 * Everything a workshop produced, as one plain object: the input of every export (report,
 * action list, calendar) and, serialised, the JSON backup. The schema is versioned so that a
 * backup can be checked on import and read by later versions.
 */

/** The `format` every backup carries, so other JSON files are recognised as such. */
export const BACKUP_FORMAT = 'discussiemodel-canvas-backup';

/**
 * The backup version this code writes. Version 2 added the private drafts and the closed flag;
 * every earlier version is still read (what it lacks gets the default).
 */
export const BACKUP_VERSION = 2;

/** Every backup version this code reads. */
export const READABLE_BACKUP_VERSIONS = [1, 2] as const;

/** The board id of the workshop-wide board; other boards are named by their subgroup id. */
export const PLENARY_BOARD_ID = 'plenary';

/**
 * Most items of one kind in a backup: the live limit of that collection (limits.ts), so a
 * restored workshop is one people can go on working in.
 */
const max = (name: string) => collectionLimit(name);

/** Most note ids in one cluster: every note of every board. */
const MAX_CLUSTER_ITEMS = collectionLimit('notes') * (collectionLimit('groups') + 1);

/** The workshop's own data. */
export const exportWorkshopSchema = z.strictObject({
  id,
  // title, institution, date (as entered; normally YYYY-MM-DD, may be '') and language: the one
  // settings schema the session document and the stored workshop share.
  ...z.pick(settingsSchema, { title: true, institution: true, date: true, language: true }).shape,
  exportedAt: z.int().check(z.nonnegative()),
  /** How it runs (anonymity, dots, agenda, reading list, …). Absent in early backups: defaults then. */
  settings: z.optional(workshopPlanSchema),
  /** The phase it was in, so an imported copy continues there. Absent in early backups: open work. */
  phaseId: z.optional(z.enum(PHASE_IDS)),
  /** Whether the workshop was closed (read-only). Absent before version 2: open. */
  closed: z.optional(z.boolean()),
});

/** A person in the workshop; only what the report needs. */
export const exportParticipantSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  role: z.enum(['facilitator', 'participant']),
  groupId: z.nullable(id),
  /** The role at the table the person gave (domain/roles.ts); absent in early backups. */
  tableRole: z.optional(z.nullable(tableRoleSchema)),
});

/** A subgroup. */
export const exportGroupSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
});

/** One board (a subgroup's or the plenary one) with its notes and discussion records. */
export const exportBoardSchema = z.strictObject({
  /** 'plenary' or a subgroup id. */
  boardId: id,
  notes: z.array(noteSchema).check(z.maxLength(max('notes'))),
  marks: z.array(markSchema).check(z.maxLength(max('marks'))),
  votes: z.array(voteSchema).check(z.maxLength(max('votes'))),
  formulations: z.array(formulationSchema).check(z.maxLength(max('formulations'))),
  deferrals: z.array(deferralSchema).check(z.maxLength(max('deferrals'))),
  highlights: z.array(highlightSchema).check(z.maxLength(max('highlights'))),
  /** The chosen goal and questions; absent in backups from before choices existed. */
  choices: z._default(z.array(choiceSchema).check(z.maxLength(max('choices'))), []),
  /** Listeners' questions from the presentations; absent in backups from before they existed. */
  questions: z.optional(z.array(questionSchema).check(z.maxLength(max('questions')))),
});

/** Whether a cluster marks common ground or a difference between subgroups (null: not decided). */
export const CLUSTER_KINDS = ['common', 'difference'] as const;

/** A cluster of notes the plenary confirmed. */
export const exportClusterSchema = z.strictObject({
  id,
  fieldId,
  /** Note ids, from any board. */
  itemIds: z.array(id).check(z.minLength(1), z.maxLength(MAX_CLUSTER_ITEMS)),
  kind: z.nullable(z.enum(CLUSTER_KINDS)),
  label: z.string().check(z.maxLength(200)),
});

/** The plenary's result: clusters and the wording everyone accepts per field. */
export const exportSynthesisSchema = z.strictObject({
  clusters: z.array(exportClusterSchema).check(z.maxLength(max('clusters'))),
  plenaryFormulations: z
    .array(z.strictObject({ fieldId, text: z.string().check(z.maxLength(FORMULATION_LENGTH)) }))
    .check(z.maxLength(max('plenaryFormulations'))),
});

/** One participant's private draft (silent writing): the notes not yet revealed. */
export const exportDraftSchema = z.strictObject({
  participantId: id,
  notes: z.array(noteSchema).check(z.maxLength(max('notes'))),
});

/** Reports a duplicate value in a list, naming where it occurs. */
function unique<T>(
  list: readonly T[],
  key: (item: T) => string,
  path: (string | number)[],
  keyName: string,
  ctx: z.core.$RefinementCtx,
): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, keyName],
        message: `duplicate ${keyName} "${value}"`,
        params: { kind: 'duplicate', key: keyName, value },
      });
    }
    seen.add(value);
  });
}

/**
 * A whole workshop. Besides the shapes, it checks what the app itself guarantees: ids are unique
 * where they name records, and every board is the plenary board or a subgroup's. References that
 * may dangle in a live workshop (a mark on a deleted note, an action whose note is gone) are kept.
 */
export const workshopExportSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.union(READABLE_BACKUP_VERSIONS.map((v) => z.literal(v))),
    workshop: exportWorkshopSchema,
    participants: z.array(exportParticipantSchema).check(z.maxLength(LIMITS.participantsPerWorkshop)),
    groups: z.array(exportGroupSchema).check(z.maxLength(max('groups'))),
    /** The plenary board and one per subgroup. */
    boards: z.array(exportBoardSchema).check(z.maxLength(max('groups') + 1)),
    synthesis: exportSynthesisSchema,
    actions: z.array(actionItemSchema).check(z.maxLength(max('actions'))),
    /** Private drafts per participant; absent before version 2. */
    drafts: z.optional(z.array(exportDraftSchema).check(z.maxLength(LIMITS.participantsPerWorkshop))),
  })
  .check(
    z.superRefine((value, ctx) => {
      unique(value.participants, (p) => p.id, ['participants'], 'id', ctx);
      unique(value.groups, (g) => g.id, ['groups'], 'id', ctx);
      unique(value.boards, (b) => b.boardId, ['boards'], 'boardId', ctx);
      const groupIds = new Set(value.groups.map((g) => g.id));
      value.boards.forEach((board, index) => {
        if (board.boardId !== PLENARY_BOARD_ID && !groupIds.has(board.boardId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['boards', index, 'boardId'],
            message: `board "${board.boardId}" is neither "plenary" nor a subgroup`,
            params: { kind: 'unknown-board', value: board.boardId },
          });
        }
        unique(board.notes, (n) => n.id, ['boards', index, 'notes'], 'id', ctx);
        unique(board.deferrals, (d) => d.id, ['boards', index, 'deferrals'], 'id', ctx);
        unique(board.formulations, (f) => f.fieldId, ['boards', index, 'formulations'], 'fieldId', ctx);
      });
      unique(value.synthesis.clusters, (c) => c.id, ['synthesis', 'clusters'], 'id', ctx);
      unique(
        value.synthesis.plenaryFormulations,
        (f) => f.fieldId,
        ['synthesis', 'plenaryFormulations'],
        'fieldId',
        ctx,
      );
      unique(value.actions, (a) => a.id, ['actions'], 'id', ctx);
      const drafts = value.drafts ?? [];
      unique(drafts, (d) => d.participantId, ['drafts'], 'participantId', ctx);
      drafts.forEach((draft, index) => unique(draft.notes, (n) => n.id, ['drafts', index, 'notes'], 'id', ctx));
    }),
  );

/** A whole workshop as plain data: the input of every export. */
export type WorkshopExport = z.infer<typeof workshopExportSchema>;
export type ExportWorkshop = z.infer<typeof exportWorkshopSchema>;
export type ExportParticipant = z.infer<typeof exportParticipantSchema>;
export type ExportGroup = z.infer<typeof exportGroupSchema>;
export type ExportBoard = z.infer<typeof exportBoardSchema>;
export type ExportDraft = z.infer<typeof exportDraftSchema>;
export type ExportCluster = z.infer<typeof exportClusterSchema>;
export type ExportSynthesis = z.infer<typeof exportSynthesisSchema>;
