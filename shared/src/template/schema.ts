import { z } from 'zod/mini';
import type { CanvasTemplate, FieldTemplate, Rect, SheetTemplate } from './types';

/** Ids appear in documents, exports and URLs, so they are kept to a safe alphabet. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

/** Height (sheet units) at the top of a parent field kept free of nested fields for its title and question. */
export const PARENT_TITLE_BAND = 60;

const id = z.string().check(z.regex(ID_PATTERN, 'must be lowercase letters, digits and hyphens'));

const nonEmpty = z.string().check(z.refine((s) => s.trim().length > 0, 'must not be empty'));

// Every text is shown in both languages, so an empty translation is an error, not a fallback.
const localizedTextSchema = z.strictObject({ nl: nonEmpty, en: nonEmpty });

const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

const rectSchema = z.strictObject({
  x: finite,
  y: finite,
  width: finite.check(z.refine((n) => n > 0, 'must be positive')),
  height: finite.check(z.refine((n) => n > 0, 'must be positive')),
});

// A syntactic check: the shared package has no URL global (no DOM or Node types).
const httpsUrl = z.string().check(z.regex(/^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/, 'must be an https URL'));

const linkSchema = z.strictObject({ label: localizedTextSchema, url: httpsUrl });

const fieldSchema = z.strictObject({
  id,
  title: localizedTextSchema,
  questions: z.readonly(z.array(localizedTextSchema).check(z.minLength(1, 'needs at least one question'))),
  hint: z.optional(localizedTextSchema),
  background: localizedTextSchema,
  examples: z.readonly(z.array(localizedTextSchema)),
  links: z.readonly(z.array(linkSchema)),
  maxChosen: z.optional(z.int().check(z.positive('must be positive'))),
  parentId: z.optional(z.string()),
  asksQuestions: z.optional(z.boolean()),
  rect: rectSchema,
  tint: z.string().check(z.refine((s) => s.trim().length > 0, 'must be a CSS colour')),
});

const sheetSchema = z.strictObject({
  id,
  label: localizedTextSchema,
  title: localizedTextSchema,
  background: localizedTextSchema,
  width: finite.check(z.refine((n) => n > 0, 'must be positive')),
  height: finite.check(z.refine((n) => n > 0, 'must be positive')),
  fields: z.readonly(z.array(fieldSchema)),
});

/** Structural schema of a canvas template; `validateTemplate` adds the cross-field checks. */
export const canvasTemplateSchema = z.strictObject({
  id,
  version: z.int().check(z.positive('must be positive')),
  title: localizedTextSchema,
  source: localizedTextSchema,
  sheets: z.readonly(z.array(sheetSchema).check(z.minLength(1, 'needs at least one sheet'))),
});

// Compile-time guard that the schema and types.ts describe the same shape, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMirrorsTypes: Same<z.infer<typeof canvasTemplateSchema>, CanvasTemplate> = true;
void schemaMirrorsTypes;

/** The outcome of `validateTemplate`. */
export type TemplateValidation = { ok: true; template: CanvasTemplate } | { ok: false; errors: string[] };

/** Checks a template's structure and its semantics (ids, nesting, layout); errors name the sheet and field. */
export function validateTemplate(t: unknown): TemplateValidation {
  const parsed = canvasTemplateSchema.safeParse(t);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${describePath(t, issue.path)}: ${issue.message}`),
    };
  }
  const template: CanvasTemplate = parsed.data;
  const errors = semanticErrors(template);
  return errors.length === 0 ? { ok: true, template } : { ok: false, errors };
}

/** True when `inner` lies entirely within `outer` (shared edges allowed). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** True when two rects share interior area; rects that only touch along an edge do not overlap. */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function semanticErrors(template: CanvasTemplate): string[] {
  const errors: string[] = [];

  const sheetIds = new Set<string>();
  for (const sheet of template.sheets) {
    if (sheetIds.has(sheet.id)) errors.push(`sheet "${sheet.id}": duplicate sheet id`);
    sheetIds.add(sheet.id);
  }

  // Field ids are unique across the whole template: documents refer to a field by id alone.
  const fieldHome = new Map<string, string>();
  for (const sheet of template.sheets) {
    for (const field of sheet.fields) {
      const other = fieldHome.get(field.id);
      if (other !== undefined) {
        errors.push(`${where(sheet, field)}: duplicate field id (also used on sheet "${other}")`);
      } else {
        fieldHome.set(field.id, sheet.id);
      }
    }
  }

  for (const sheet of template.sheets) {
    errors.push(...sheetErrors(sheet));
  }
  return errors;
}

function sheetErrors(sheet: SheetTemplate): string[] {
  const errors: string[] = [];
  const bounds: Rect = { x: 0, y: 0, width: sheet.width, height: sheet.height };
  const byId = new Map<string, FieldTemplate>();
  for (const field of sheet.fields) {
    if (!byId.has(field.id)) byId.set(field.id, field);
  }

  for (const field of sheet.fields) {
    if (!rectContains(bounds, field.rect)) {
      errors.push(
        `${where(sheet, field)}: rect ${formatRect(field.rect)} lies outside the sheet (${sheet.width} × ${sheet.height})`,
      );
    }
    if (field.parentId === undefined) continue;

    const parent = byId.get(field.parentId);
    if (field.parentId === field.id) {
      errors.push(`${where(sheet, field)}: a field cannot be its own parent`);
    } else if (parent === undefined) {
      errors.push(`${where(sheet, field)}: parent "${field.parentId}" is not a field on this sheet`);
    } else if (parent.parentId !== undefined) {
      errors.push(`${where(sheet, field)}: parent "${parent.id}" is itself nested; fields nest one level only`);
    } else {
      if (!rectContains(parent.rect, field.rect)) {
        errors.push(
          `${where(sheet, field)}: rect ${formatRect(field.rect)} must lie inside its parent "${parent.id}" ${formatRect(parent.rect)}`,
        );
      }
      if (field.rect.y < parent.rect.y + PARENT_TITLE_BAND) {
        errors.push(
          `${where(sheet, field)}: starts ${field.rect.y - parent.rect.y} mm below the top of its parent "${parent.id}"; the top ${PARENT_TITLE_BAND} mm are reserved for the parent's title and question`,
        );
      }
    }
  }

  // Siblings share a parent (or are both top-level); only they compete for the same space.
  sheet.fields.forEach((a, i) => {
    for (const b of sheet.fields.slice(i + 1)) {
      if (a.parentId === b.parentId && rectsOverlap(a.rect, b.rect)) {
        errors.push(`sheet "${sheet.id}": fields "${a.id}" and "${b.id}" overlap`);
      }
    }
  });
  return errors;
}

function where(sheet: SheetTemplate, field: FieldTemplate): string {
  return `sheet "${sheet.id}", field "${field.id}"`;
}

function formatRect(r: Rect): string {
  return `(x ${r.x}, y ${r.y}, ${r.width} × ${r.height})`;
}

function prop(value: unknown, key: PropertyKey): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

function idOf(value: unknown): string | undefined {
  const v = prop(value, 'id');
  return typeof v === 'string' ? v : undefined;
}

/** Turns a zod issue path into words, e.g. `sheet "vel1", field "doel", examples[2].en`. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let rest = path;
  let node = input;

  const takeItem = (collection: string, noun: string): boolean => {
    const [key, index] = rest;
    if (key !== collection || typeof index !== 'number') return false;
    node = prop(prop(node, collection), index);
    const itemId = idOf(node);
    parts.push(itemId === undefined ? `${noun} #${index + 1}` : `${noun} "${itemId}"`);
    rest = rest.slice(2);
    return true;
  };

  if (takeItem('sheets', 'sheet')) takeItem('fields', 'field');

  const tail = rest
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
  if (tail !== '') parts.push(tail);
  return parts.length === 0 ? 'template' : parts.join(', ');
}
