import type { Locale } from '../../template/types';

/**
 * The fixed texts of the PDF exports, Dutch and English. Only WinAnsi characters, so they
 * print in the standard fonts as they are.
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

/** The words of each language. */
export const PDF_WORDS: Readonly<Record<Locale, PdfWords>> = {
  nl: {
    agree: 'eens',
    disagree: 'oneens',
    open: 'open',
    dots: (n) => `${n} ${n === 1 ? 'stip' : 'stippen'}`,
    chosen: 'gekozen',
    highlight: 'hoogtepunt voor de presentatie',
    agreed: 'Afgesproken formulering',
    plenaryBoard: 'Plenair bord',
    report: 'Verslag van de workshop',
    institution: 'Instelling',
    date: 'Datum',
    participantsLabel: 'Deelnemers',
    participants: (n) => `${n} deelnemer${n === 1 ? '' : 's'}`,
    facilitation: 'Procesbegeleiding',
    groups: 'Subgroepen',
    noGroup: 'Zonder subgroep',
    members: 'Leden',
    exported: 'Geëxporteerd op',
    notesPerField: 'Notities per veld',
    outside: 'Buiten de velden',
    otherFields: 'Overige velden',
    noNotes: 'Nog geen notities.',
    openQuestions: 'Open vragen (actiepunten)',
    findOut: 'uitzoeken',
    askWhom: 'navragen bij',
    owner: 'wie',
    actionMade: 'actiepunt',
    synthesis: 'Synthese',
    noSynthesis: 'Er is geen synthese vastgelegd.',
    plenaryWording: 'Plenaire formulering',
    common: 'Gemene deler',
    difference: 'Verschil',
    cluster: 'Cluster',
    missingNote: '(notitie verwijderd)',
    actions: 'Actiepunten',
    noActions: 'Geen actiepunten.',
    actionHeaders: ['Wat', 'Wie', 'Wanneer', 'Status', 'Bron'],
    page: (n, total) => `pagina ${n} van ${total}`,
    untitled: 'Workshop',
  },
  en: {
    agree: 'agree',
    disagree: 'disagree',
    open: 'open',
    dots: (n) => `${n} ${n === 1 ? 'dot' : 'dots'}`,
    chosen: 'chosen',
    highlight: 'highlight for the presentation',
    agreed: 'Agreed wording',
    plenaryBoard: 'Plenary board',
    report: 'Workshop report',
    institution: 'Institution',
    date: 'Date',
    participantsLabel: 'Participants',
    participants: (n) => `${n} participant${n === 1 ? '' : 's'}`,
    facilitation: 'Facilitation',
    groups: 'Subgroups',
    noGroup: 'Without a subgroup',
    members: 'Members',
    exported: 'Exported on',
    notesPerField: 'Notes per field',
    outside: 'Outside the fields',
    otherFields: 'Other fields',
    noNotes: 'No notes yet.',
    openQuestions: 'Open questions (action points)',
    findOut: 'find out',
    askWhom: 'ask',
    owner: 'who',
    actionMade: 'action item',
    synthesis: 'Synthesis',
    noSynthesis: 'No synthesis was recorded.',
    plenaryWording: 'Plenary wording',
    common: 'Common ground',
    difference: 'Difference',
    cluster: 'Cluster',
    missingNote: '(note deleted)',
    actions: 'Action items',
    noActions: 'No action items.',
    actionHeaders: ['What', 'Who', 'When', 'Status', 'Source'],
    page: (n, total) => `page ${n} of ${total}`,
    untitled: 'Workshop',
  },
};
