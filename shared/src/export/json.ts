import type { z } from 'zod/mini';
import { text, type PlainTextKey } from '../i18n/catalogue';
import type { Locale } from '../template/types';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  READABLE_BACKUP_VERSIONS,
  workshopExportSchema,
  type WorkshopExport,
} from './model';
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from '../domain/actionTexts';
import { utf8Length } from './text';
import { FIELD_ID_PATTERN, ID_PATTERN } from '../domain/ids';

/**
 * The JSON backup of a workshop: written with a fixed key order (so two backups of the same
 * workshop are byte-identical and diff well) and read back with errors that say where and what.
 */

/** Keys that lead their object, so a person opening the file sees what it is first. */
const LEADING_KEYS = ['format', 'version', 'id'];

function orderKeys(a: string, b: string): number {
  const ia = LEADING_KEYS.indexOf(a);
  const ib = LEADING_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? LEADING_KEYS.length : ia) - (ib === -1 ? LEADING_KEYS.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(orderKeys)) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Serialises a workshop as a pretty-printed backup with a stable key order and a final newline. */
export function toBackupJson(exp: WorkshopExport): string {
  return `${JSON.stringify(canonical(exp), null, 2)}\n`;
}

/** The outcome of reading a backup. */
export type ParseBackupResult = { ok: true; backup: WorkshopExport } | { ok: false; errors: string[] };

/** Limits and language of {@link parseBackup}. */
export interface ParseBackupOptions {
  /** Largest accepted backup in UTF-8 bytes; the caller knows its own upload limit. */
  readonly maxBytes: number;
  /** Language of the error messages; Dutch by default. */
  readonly locale?: Locale;
  /** Most errors listed; the rest are counted. 20 by default. */
  readonly maxErrors?: number;
}

/** The messages of one language, from the catalogue. */
function backupMessages(locale: Locale) {
  const t = (key: PlainTextKey) => text(locale, key);
  return {
    tooLarge: (size: string, max: string) => text(locale, 'backup.tooLarge', { size, max }),
    notJson: (detail: string) => text(locale, 'backup.notJson', { detail }),
    notBackup: text(locale, 'backup.notBackup', { format: BACKUP_FORMAT }),
    newer: (v: number) => text(locale, 'backup.newer', { v, version: BACKUP_VERSION }),
    badVersion: text(locale, 'backup.badVersion', { version: BACKUP_VERSION }),
    more: (n: number) => text(locale, n === 1 ? 'backup.more.one' : 'backup.more.other', { n }),
    root: t('backup.root'),
    missing: t('backup.missing'),
    type: (expected: string, got: string) => text(locale, 'backup.type', { expected, got }),
    tooLong: (max: string) => text(locale, 'backup.tooLong', { max }),
    tooShort: (min: string) => (min === '1' ? t('backup.empty') : text(locale, 'backup.tooShort', { min })),
    tooBig: (max: string) => text(locale, 'backup.tooBig', { max }),
    tooSmall: (min: string) => text(locale, 'backup.tooSmall', { min }),
    tooMany: (max: string) => text(locale, 'backup.tooMany', { max }),
    tooFew: (min: string) => text(locale, 'backup.tooFew', { min }),
    format: t('backup.format'),
    date: t('backup.date'),
    id: t('backup.id'),
    fieldId: t('backup.fieldId'),
    color: t('backup.color'),
    oneOf: (values: string) => text(locale, 'backup.oneOf', { values }),
    unknownKeys: (keys: string) => text(locale, 'backup.unknownKeys', { keys }),
    invalid: t('backup.invalid'),
    duplicate: (key: string, value: string) => text(locale, 'backup.duplicate', { key, value }),
    unknownBoard: (value: string) => text(locale, 'backup.unknownBoard', { value }),
    types: {
      string: t('backup.kind.string'),
      number: t('backup.kind.number'),
      int: t('backup.kind.int'),
      boolean: t('backup.kind.boolean'),
      array: t('backup.kind.array'),
      object: t('backup.kind.object'),
      null: t('backup.kind.null'),
      undefined: t('backup.kind.undefined'),
    } as Record<string, string>,
  };
}

const MESSAGES = { nl: backupMessages('nl'), en: backupMessages('en') } as const;

type Messages = (typeof MESSAGES)[Locale];

/** Patterns of the schema, recognised (as zod reports them) to explain them in words. */
const PATTERNS: Readonly<Record<string, 'id' | 'fieldId' | 'color'>> = {
  [String(ID_PATTERN)]: 'id',
  [String(FIELD_ID_PATTERN)]: 'fieldId',
  '/^#[0-9a-fA-F]{6}$/': 'color',
};

/** "boards[1].notes[0].text": the JSON path people can find in the file. */
function formatPath(path: readonly PropertyKey[], root: string): string {
  if (path.length === 0) return root;
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeIssue(issue: z.core.$ZodIssue, m: Messages): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return m.missing;
      const expected = m.types[issue.expected] ?? issue.expected;
      const got = m.types[typeOf(issue.input)] ?? typeOf(issue.input);
      return m.type(expected, got);
    }
    case 'too_big': {
      const max = String(issue.maximum);
      return issue.origin === 'string' ? m.tooLong(max) : issue.origin === 'array' ? m.tooMany(max) : m.tooBig(max);
    }
    case 'too_small': {
      const min = String(issue.minimum);
      return issue.origin === 'string' ? m.tooShort(min) : issue.origin === 'array' ? m.tooFew(min) : m.tooSmall(min);
    }
    case 'invalid_format':
      if (issue.format === 'date') return m.date;
      if (issue.format === 'regex' && issue.pattern !== undefined) {
        const known = PATTERNS[issue.pattern];
        if (known !== undefined) return m[known];
      }
      return m.format;
    case 'invalid_union': {
      // The only union in the schema is "a date or ''"; say so instead of listing both failures.
      const dateBranch = issue.errors.some((branch) =>
        branch.some((i) => i.code === 'invalid_format' && i.format === 'date'),
      );
      return dateBranch ? m.date : m.invalid;
    }
    case 'invalid_value':
      return m.oneOf(issue.values.map((v) => JSON.stringify(v)).join(', '));
    case 'unrecognized_keys':
      return m.unknownKeys(issue.keys.join(', '));
    case 'custom': {
      const params = issue.params ?? {};
      if (params['kind'] === 'duplicate') return m.duplicate(String(params['key']), String(params['value']));
      if (params['kind'] === 'unknown-board') return m.unknownBoard(String(params['value']));
      return issue.message;
    }
    default:
      return m.invalid;
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * Reads a backup: checks the size first (before parsing anything), then that it is JSON, that it
 * is our format and version, then every field. Errors name the path, e.g.
 * "boards[0].notes[3].text: is te lang (maximaal 500 tekens)".
 */
export function parseBackup(json: string, options: ParseBackupOptions): ParseBackupResult {
  const m = MESSAGES[options.locale ?? 'nl'];
  // A string's length is a lower bound of its UTF-8 size: refuse huge input before counting.
  const size = json.length > options.maxBytes ? json.length : utf8Length(json);
  if (size > options.maxBytes) return { ok: false, errors: [m.tooLarge(megabytes(size), megabytes(options.maxBytes))] };

  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [m.notJson(error instanceof Error ? error.message : String(error))] };
  }

  if (
    data === null ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    (data as Record<string, unknown>)['format'] !== BACKUP_FORMAT
  ) {
    return { ok: false, errors: [m.notBackup] };
  }
  const version = (data as Record<string, unknown>)['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
    return { ok: false, errors: [m.newer(version)] };
  if (!(READABLE_BACKUP_VERSIONS as readonly unknown[]).includes(version)) return { ok: false, errors: [m.badVersion] };

  const parsed = workshopExportSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, backup: parsed.data };
  const limit = options.maxErrors ?? 20;
  const errors = parsed.error.issues
    .slice(0, limit)
    .map((issue) => `${formatPath(issue.path, m.root)}: ${describeIssue(issue, m)}`);
  if (parsed.error.issues.length > limit) errors.push(m.more(parsed.error.issues.length - limit));
  return { ok: false, errors };
}

/** Names the action list's JSON shows beside the ids it keeps. */
export interface ActionsJsonOptions {
  readonly locale: Locale;
  readonly fieldTitle: (fieldId: string) => string;
  readonly groupName: (groupId: string) => string;
  /** When the file was made (ms). */
  readonly now: number;
}

/** The format tag of the action list's JSON, for tools that read it. */
export const ACTIONS_JSON_FORMAT = 'discussiemodel-canvas/actions';

/**
 * The action list as JSON for task tools and scripts: every action with its ids (so it can be
 * matched with a backup) and the readable names a person would look for (field title, subgroup
 * name, status and source words in the export language).
 */
export function actionsToJson(exp: WorkshopExport, options: ActionsJsonOptions): string {
  const { locale } = options;
  const doc = {
    format: ACTIONS_JSON_FORMAT,
    version: 1,
    workshop: {
      id: exp.workshop.id,
      title: exp.workshop.title,
      institution: exp.workshop.institution,
      date: exp.workshop.date,
    },
    exportedAt: new Date(options.now).toISOString(),
    language: locale,
    actions: exp.actions.map((a) => ({
      id: a.id,
      what: a.what,
      who: a.who,
      whoParticipantId: a.whoParticipantId,
      when: a.when === '' ? null : a.when,
      status: a.status,
      statusLabel: ACTION_STATUS_LABELS[a.status][locale],
      source: {
        kind: a.sourceKind,
        label: ACTION_SOURCE_LABELS[a.sourceKind][locale],
        groupId: a.sourceGroupId,
        groupName: a.sourceGroupId === null ? null : options.groupName(a.sourceGroupId),
        fieldId: a.sourceFieldId,
        fieldTitle: a.sourceFieldId === null ? null : options.fieldTitle(a.sourceFieldId),
        noteId: a.sourceNoteId,
        deferralId: a.sourceDeferralId,
        cardId: a.sourceCardId ?? null,
      },
      createdAt: new Date(a.createdAt).toISOString(),
      updatedAt: new Date(a.updatedAt).toISOString(),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
