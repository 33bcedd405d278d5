/**
 * Canvas templates are data: sheets, fields, their layout and every text, in Dutch and English.
 * Components render whatever a template describes; adding a canvas means adding a template.
 */

/** The interface languages. Dutch is the default. */
export type Locale = 'nl' | 'en';

/** All supported locales, default first. */
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** A text in every supported language. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** An axis-aligned rectangle in sheet units (millimetres on the printed A0 sheet). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A link to a source the handbook names (reading list, further reading). */
export interface TemplateLink {
  readonly label: LocalizedText;
  readonly url: string;
}

/**
 * A field is a labelled region of a sheet where notes are placed. Fields may nest one level
 * (the seven DPIA boxes inside PRIVACY); a note belongs to the innermost field under it.
 */
export interface FieldTemplate {
  /** Stable identifier, used in documents and exports; never renamed. */
  readonly id: string;
  /** Heading as printed on the canvas, e.g. "DOEL". */
  readonly title: LocalizedText;
  /** The question(s) printed in the region. */
  readonly questions: readonly LocalizedText[];
  /** Short instruction printed with the question, e.g. "Kies er één". */
  readonly hint?: LocalizedText;
  /** The handbook's background text, shown on demand. Paragraphs separated by blank lines. */
  readonly background: LocalizedText;
  /** The handbook's examples; each can be added as a note in one click. */
  readonly examples: readonly LocalizedText[];
  /** Further reading the handbook names for this field. */
  readonly links: readonly TemplateLink[];
  /** How many notes the group should mark as its choice (DOEL: 1, concrete questions: 2). */
  readonly maxChosen?: number;
  /** The enclosing field, for nested boxes. */
  readonly parentId?: string;
  /**
   * Notes here are questions the group may not be able to answer yet (the concrete questions, and
   * sheet 2's preconditions, where the handbook says "Kun je een vraag nu niet beantwoorden? Maak er
   * een actiepunt van"): only these fields offer "Kunnen we nu niet beantwoorden".
   */
  readonly asksQuestions?: boolean;
  /** Where the region lies on its sheet. */
  readonly rect: Rect;
  /** Region tint, a CSS colour. */
  readonly tint: string;
}

/** One sheet (vel) of the canvas. */
export interface SheetTemplate {
  /** Stable identifier, e.g. "vel1". */
  readonly id: string;
  /** Short label for switchers, e.g. "Vel 1". */
  readonly label: LocalizedText;
  /** Sheet heading, e.g. "Doel en doelgroep". */
  readonly title: LocalizedText;
  /** The handbook's introduction and background for the whole sheet. */
  readonly background: LocalizedText;
  /** Sheet size in sheet units; A0 landscape is 1189 × 841. */
  readonly width: number;
  readonly height: number;
  readonly fields: readonly FieldTemplate[];
}

/** A whole canvas: the sheets a workshop fills in. */
export interface CanvasTemplate {
  readonly id: string;
  /** Bumped when fields change incompatibly; documents record the version they were made with. */
  readonly version: number;
  readonly title: LocalizedText;
  /** Where the texts come from. */
  readonly source: LocalizedText;
  readonly sheets: readonly SheetTemplate[];
}
