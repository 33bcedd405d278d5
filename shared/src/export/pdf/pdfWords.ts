import { countText, text } from '../../i18n/catalogue';
import type { Locale } from '../../template/types';

/**
 * The fixed texts of the PDF exports as the PDF writers use them; the texts themselves, Dutch and
 * English, are in the shared catalogue (i18n/catalogue.ts).
 */

/** The words of one language. */
export interface PdfWords {
  readonly agree: string;
  readonly disagree: string;
  readonly open: string;
  readonly dots: (n: number) => string;
  readonly chosen: string;
  readonly highlight: string;
  readonly agreed: string;
  readonly plenaryBoard: string;
  readonly report: string;
  readonly institution: string;
  readonly date: string;
  readonly participantsLabel: string;
  readonly participants: (n: number) => string;
  readonly facilitation: string;
  readonly groups: string;
  readonly noGroup: string;
  readonly members: string;
  readonly exported: string;
  readonly notesPerField: string;
  readonly outside: string;
  readonly otherFields: string;
  readonly noNotes: string;
  readonly openQuestions: string;
  readonly findOut: string;
  readonly askWhom: string;
  readonly owner: string;
  readonly actionMade: string;
  readonly synthesis: string;
  readonly noSynthesis: string;
  readonly plenaryWording: string;
  readonly common: string;
  readonly difference: string;
  readonly cluster: string;
  readonly missingNote: string;
  readonly actions: string;
  readonly noActions: string;
  readonly actionHeaders: readonly [string, string, string, string, string];
  readonly page: (n: number, total: number) => string;
  readonly untitled: string;
}

/** The words of one language, from the catalogue. */
function pdfWords(locale: Locale): PdfWords {
  return {
    agree: text(locale, 'mark.agree'),
    disagree: text(locale, 'mark.disagree'),
    open: text(locale, 'mark.open'),
    dots: (n) => countText(locale, 'mark.dots', n),
    chosen: text(locale, 'choice.chosen'),
    highlight: text(locale, 'mark.highlight'),
    agreed: text(locale, 'report.agreed'),
    plenaryBoard: text(locale, 'report.plenaryBoard'),
    report: text(locale, 'report.title'),
    institution: text(locale, 'report.institution'),
    date: text(locale, 'report.date'),
    participantsLabel: text(locale, 'report.participantsLabel'),
    participants: (n) => countText(locale, 'report.participants', n),
    facilitation: text(locale, 'report.facilitation'),
    groups: text(locale, 'report.groups'),
    noGroup: text(locale, 'report.noGroup'),
    members: text(locale, 'report.members'),
    exported: text(locale, 'report.exported'),
    notesPerField: text(locale, 'report.notesPerField'),
    outside: text(locale, 'report.outside'),
    otherFields: text(locale, 'report.otherFields'),
    noNotes: text(locale, 'report.noNotes'),
    openQuestions: text(locale, 'report.openQuestionsActions'),
    findOut: text(locale, 'report.findOut'),
    askWhom: text(locale, 'report.askWhom'),
    owner: text(locale, 'report.owner'),
    actionMade: text(locale, 'report.actionMade'),
    synthesis: text(locale, 'report.synthesis'),
    noSynthesis: text(locale, 'report.noSynthesis'),
    plenaryWording: text(locale, 'report.plenaryWording'),
    common: text(locale, 'report.common'),
    difference: text(locale, 'report.difference'),
    cluster: text(locale, 'report.cluster'),
    missingNote: text(locale, 'report.missingNote'),
    actions: text(locale, 'actions.title'),
    noActions: text(locale, 'actions.none'),
    actionHeaders: [
      text(locale, 'action.what'),
      text(locale, 'action.who'),
      text(locale, 'action.when'),
      text(locale, 'action.status'),
      text(locale, 'action.source'),
    ],
    page: (n, total) => text(locale, 'report.page', { n, total }),
    untitled: text(locale, 'report.untitled'),
  };
}

/** The words of each language. */
export const PDF_WORDS: Readonly<Record<Locale, PdfWords>> = { nl: pdfWords('nl'), en: pdfWords('en') };
