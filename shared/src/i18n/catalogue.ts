import type { Locale } from '../template/types';

/**
 * Every fixed text the shared package writes out — the reports (Markdown and PDF), the action
 * lists (CSV, ICS), action status and source labels, file names, the invitation, the backup
 * reader's error messages — in Dutch and in English, in one place. The template's own texts (the
 * handbook's wording) stay with the template; the demo workshop's content is Dutch data, not
 * output text. PDF texts print in the standard fonts, so they use WinAnsi characters.
 *
 * A `{name}` in a text is filled in by {@link text}; the key's type says which names it needs.
 */

/** One text in both languages. */
export interface CatalogueEntry {
  readonly nl: string;
  readonly en: string;
}

export const CATALOGUE = {
  // The action list: column headers (CSV, Markdown, PDF) and calendar labels (ICS).
  'action.what': { nl: 'Wat', en: 'What' },
  'action.who': { nl: 'Wie', en: 'Who' },
  'action.when': { nl: 'Wanneer', en: 'When' },
  'action.status': { nl: 'Status', en: 'Status' },
  'action.field': { nl: 'Veld', en: 'Field' },
  'action.subgroup': { nl: 'Subgroep', en: 'Subgroup' },
  'action.source': { nl: 'Bron', en: 'Source' },
  'action.workshop': { nl: 'Workshop', en: 'Workshop' },
  'actions.title': { nl: 'Actiepunten', en: 'Action items' },
  'actions.calendarName': { nl: 'actiepunten', en: 'action items' },
  'actions.none': { nl: 'Geen actiepunten.', en: 'No action items.' },

  // File names (lower case, file-safe).
  'file.plenaryBoard': { nl: 'plenair-bord', en: 'plenary-board' },
  'file.group': { nl: 'groep', en: 'group' },
  'file.actions': { nl: 'acties', en: 'actions' },
  'file.report': { nl: 'verslag', en: 'report' },

  // The reports (Markdown and PDF) and the PDF sheets.
  'report.title': { nl: 'Verslag van de workshop', en: 'Workshop report' },
  'report.untitled': { nl: 'Workshop', en: 'Workshop' },
  'report.institution': { nl: 'Instelling', en: 'Institution' },
  'report.date': { nl: 'Datum', en: 'Date' },
  'report.participantsLabel': { nl: 'Deelnemers', en: 'Participants' },
  'report.participants.one': { nl: '{n} deelnemer', en: '{n} participant' },
  'report.participants.other': { nl: '{n} deelnemers', en: '{n} participants' },
  'report.facilitation': { nl: 'Procesbegeleiding', en: 'Facilitation' },
  'report.facilitationInline': { nl: 'procesbegeleiding', en: 'facilitation' },
  'report.groups': { nl: 'Subgroepen', en: 'Subgroups' },
  'report.noGroup': { nl: 'Zonder subgroep', en: 'Without a subgroup' },
  'report.members': { nl: 'Leden', en: 'Members' },
  'report.exported': { nl: 'Geëxporteerd op', en: 'Exported on' },
  'report.plenaryBoard': { nl: 'Plenair bord', en: 'Plenary board' },
  'report.notesPerField': { nl: 'Notities per veld', en: 'Notes per field' },
  'report.outside': { nl: 'Buiten de velden', en: 'Outside the fields' },
  'report.otherFields': { nl: 'Overige velden', en: 'Other fields' },
  'report.noNotes': { nl: 'Nog geen notities.', en: 'No notes yet.' },
  'report.missingNote': { nl: '(notitie verwijderd)', en: '(note deleted)' },
  'report.agreed': { nl: 'Afgesproken formulering', en: 'Agreed wording' },
  'report.openQuestions': { nl: 'Open vragen', en: 'Open questions' },
  'report.openQuestionsActions': { nl: 'Open vragen (actiepunten)', en: 'Open questions (action points)' },
  'report.findOut': { nl: 'uitzoeken', en: 'find out' },
  'report.askWhom': { nl: 'navragen bij', en: 'ask' },
  'report.owner': { nl: 'wie', en: 'who' },
  'report.actionMade': { nl: 'actiepunt', en: 'action item' },
  'report.synthesis': { nl: 'Synthese', en: 'Synthesis' },
  'report.noSynthesis': { nl: 'Er is geen synthese vastgelegd.', en: 'No synthesis was recorded.' },
  'report.plenaryWording': { nl: 'Plenaire formulering', en: 'Plenary wording' },
  'report.common': { nl: 'Gemene deler', en: 'Common ground' },
  'report.difference': { nl: 'Verschil', en: 'Difference' },
  'report.cluster': { nl: 'Cluster', en: 'Cluster' },
  'report.page': { nl: 'pagina {n} van {total}', en: 'page {n} of {total}' },

  // A note's marks and choices, in the reports and on the PDF sheets.
  'mark.agree': { nl: 'eens', en: 'agree' },
  'mark.disagree': { nl: 'oneens', en: 'disagree' },
  'mark.open': { nl: 'open', en: 'open' },
  'mark.dots.one': { nl: '{n} stip', en: '{n} dot' },
  'mark.dots.other': { nl: '{n} stippen', en: '{n} dots' },
  'mark.highlight': { nl: 'hoogtepunt voor de presentatie', en: 'highlight for the presentation' },
  'choice.chosen': { nl: 'gekozen', en: 'chosen' },
  'choice.goal': { nl: 'gekozen doel', en: 'chosen goal' },
  'choice.question': { nl: 'gekozen vraag', en: 'chosen question' },

  // Reading a backup: why it was refused, each error named by its JSON path.
  'backup.tooLarge': {
    nl: 'Het bestand is te groot ({size}; maximaal {max}).',
    en: 'The file is too large ({size}; at most {max}).',
  },
  'backup.notJson': { nl: 'Het bestand is geen geldige JSON: {detail}', en: 'The file is not valid JSON: {detail}' },
  'backup.notBackup': {
    nl: 'Dit is geen back-up van Discussiemodel Canvas (verwacht "format": "{format}").',
    en: 'This is not a Discussiemodel Canvas backup (expected "format": "{format}").',
  },
  'backup.newer': {
    nl: 'Deze back-up is gemaakt met een nieuwere versie (versie {v}); deze app leest versie 1 tot en met {version}.',
    en: 'This backup was made by a newer version (version {v}); this app reads versions 1 to {version}.',
  },
  'backup.badVersion': {
    nl: 'Onbekende back-upversie; deze app leest versie 1 tot en met {version}.',
    en: 'Unknown backup version; this app reads versions 1 to {version}.',
  },
  'backup.more.one': { nl: '… en nog {n} fout.', en: '… and {n} more error.' },
  'backup.more.other': { nl: '… en nog {n} fouten.', en: '… and {n} more errors.' },
  'backup.root': { nl: 'back-up', en: 'backup' },
  'backup.missing': { nl: 'ontbreekt', en: 'is missing' },
  'backup.type': { nl: 'moet {expected} zijn, maar is {got}', en: 'must be {expected}, but is {got}' },
  'backup.tooLong': { nl: 'is te lang (maximaal {max} tekens)', en: 'is too long (at most {max} characters)' },
  'backup.empty': { nl: 'mag niet leeg zijn', en: 'must not be empty' },
  'backup.tooShort': { nl: 'is te kort (minimaal {min} tekens)', en: 'is too short (at least {min} characters)' },
  'backup.tooBig': { nl: 'is te groot (maximaal {max})', en: 'is too large (at most {max})' },
  'backup.tooSmall': { nl: 'is te klein (minimaal {min})', en: 'is too small (at least {min})' },
  'backup.tooMany': { nl: 'heeft te veel items (maximaal {max})', en: 'has too many items (at most {max})' },
  'backup.tooFew': { nl: 'heeft te weinig items (minimaal {min})', en: 'has too few items (at least {min})' },
  'backup.format': { nl: 'heeft een ongeldige vorm', en: 'has an invalid format' },
  // The only date in a backup is an action's "when", which may also be empty.
  'backup.date': { nl: 'moet een datum zijn (JJJJ-MM-DD) of leeg', en: 'must be a date (YYYY-MM-DD) or empty' },
  'backup.id': {
    nl: 'mag alleen letters, cijfers, - en _ bevatten (1 tot 64 tekens)',
    en: 'may only contain letters, digits, - and _ (1 to 64 characters)',
  },
  'backup.fieldId': {
    nl: 'mag alleen kleine letters, cijfers en - bevatten (1 tot 64 tekens)',
    en: 'may only contain lower-case letters, digits and - (1 to 64 characters)',
  },
  'backup.color': { nl: 'moet een kleur zijn als #rrggbb', en: 'must be a colour like #rrggbb' },
  'backup.oneOf': { nl: 'moet een van deze waarden zijn: {values}', en: 'must be one of: {values}' },
  'backup.unknownKeys': { nl: 'bevat onbekende velden: {keys}', en: 'has unknown fields: {keys}' },
  'backup.invalid': { nl: 'is ongeldig', en: 'is invalid' },
  'backup.duplicate': { nl: '{key} "{value}" komt dubbel voor', en: '{key} "{value}" occurs more than once' },
  'backup.unknownBoard': {
    nl: 'bord "{value}" is geen subgroep en niet "plenary"',
    en: 'board "{value}" is neither a subgroup nor "plenary"',
  },
  'backup.kind.string': { nl: 'tekst', en: 'text' },
  'backup.kind.number': { nl: 'een getal', en: 'a number' },
  'backup.kind.int': { nl: 'een geheel getal', en: 'a whole number' },
  'backup.kind.boolean': { nl: 'waar/onwaar', en: 'true/false' },
  'backup.kind.array': { nl: 'een lijst', en: 'a list' },
  'backup.kind.object': { nl: 'een object', en: 'an object' },
  'backup.kind.null': { nl: 'leeg (null)', en: 'empty (null)' },
  'backup.kind.undefined': { nl: 'afwezig', en: 'absent' },

  // Action items: status and source labels (lists in the app and every export), made-up "what"s.
  'actionStatus.open': { nl: 'Open', en: 'Open' },
  'actionStatus.doing': { nl: 'Bezig', en: 'In progress' },
  'actionStatus.done': { nl: 'Klaar', en: 'Done' },
  'actionSource.note': { nl: 'Notitie', en: 'Note' },
  'actionSource.deferral': { nl: 'Open vraag', en: 'Open question' },
  'actionSource.synthesis': { nl: 'Synthese', en: 'Synthesis' },
  'actionSource.direct': { nl: 'Plenair', en: 'Plenary' },
  'actionSource.card': { nl: 'Inspiratiekaart', en: 'Inspiration card' },
  'action.emptyNote': { nl: '(lege notitie)', en: '(empty note)' },
  'deferral.findOut': { nl: 'Uitzoeken', en: 'Find out' },
  'deferral.answer': { nl: 'Beantwoorden', en: 'Answer' },
  'deferral.ask': { nl: 'navragen bij', en: 'ask' },
  'deferral.question': { nl: 'vraag', en: 'question' },

  // The invitation (e-mail text and calendar event).
  'invitation.heading': { nl: 'Uitnodiging', en: 'Invitation' },
  'invitation.intro': {
    nl: 'Je bent van harte uitgenodigd voor de workshop “{title}”{ofInstitution}. Met het Discussiemodel Learning Analytics van SURF bespreken en bepalen we samen doel, doelgroep, stakeholders, aandachtspunten en vervolgacties voor learning analytics in onze instelling.',
    en: "You are warmly invited to the workshop “{title}”{ofInstitution}. With SURF's Learning Analytics Discussion Model we discuss and decide together on the goal, target group, stakeholders, points of attention and follow-up actions for learning analytics in our institution.",
  },
  'invitation.ofInstitution': { nl: ' van {institution}', en: ' of {institution}' },
  'invitation.when': { nl: 'Wanneer', en: 'When' },
  'invitation.whenUnknown': {
    nl: 'datum en tijd volgen nog (de workshop duurt {d}).',
    en: 'date and time to be announced (the workshop takes {d}).',
  },
  'invitation.join': { nl: 'Meedoen', en: 'How to join' },
  'invitation.joinText': {
    nl: 'Open op je eigen laptop {link}\nof ga naar {home} en vul de code {code} in.',
    en: 'On your own laptop, open {link}\nor go to {home} and enter the code {code}.',
  },
  'invitation.privacy': {
    nl: 'Je hoeft geen account te maken. Op de server van de workshop wordt bewaard: je naam (of een pseudoniem), je rol (als je die opgeeft) en wat je inbrengt — notities, markeringen, stippen, formuleringen en acties, met de tijd waarop. Alleen de deelnemers en de procesbegeleiding van deze workshop zien het; niets gaat naar derden. In de workshop kun je onder “Mijn gegevens” zien wat er over je bewaard is, je naam wijzigen, je bijdragen downloaden en vertrekken.',
    en: 'You do not need to create an account. The workshop’s server stores your name (or a pseudonym), your role (if you give it) and what you contribute — notes, marks, dots, wordings and actions, with the time of each. Only the participants and facilitators of this workshop see it; nothing goes to third parties. In the workshop, “My data” shows what is stored about you and lets you change your name, download your contributions and leave.',
  },
  'invitation.privacyPage': {
    nl: 'De privacyverklaring: {link}',
    en: 'The privacy statement: {link}',
  },
  'invitation.deleteBy': {
    nl: 'De workshop en alles wat erin staat, wordt uiterlijk {date} verwijderd.',
    en: 'The workshop and everything in it will be deleted by {date} at the latest.',
  },
  'invitation.role': {
    nl: 'Bij het deelnemen vragen we je (als je wilt) naar je rol aan tafel, zodat de subgroepen gemengd zijn. We hopen op een brede vertegenwoordiging: bestuur (CvB), docenten, studenten, onderzoekers, ICTO, onderwijskundigen, technisch betrokkenen en wie de visie verder gaat ontwikkelen.',
    en: 'When you join we ask (if you like) for your role at the table, so that the subgroups are mixed. We hope for a broad representation: the Executive Board (CvB), teachers, students, researchers, educational technology (ICTO), educationalists, technical staff and whoever will develop the vision further.',
  },
  'invitation.agenda': { nl: 'Programma', en: 'Programme' },
  'invitation.readingList': { nl: 'Vooraf lezen', en: 'Reading beforehand' },
  'invitation.readingIntro': {
    nl: 'Lees ter voorbereiding de volgende documenten:',
    en: 'Please read the following documents to prepare:',
  },
  'invitation.practical': { nl: 'Praktisch', en: 'Practical information' },
  'invitation.closing': { nl: 'Tot dan!', en: 'See you there!' },
  'file.invitation': { nl: 'uitnodiging', en: 'invitation' },

  // A participant's own data (AVG art. 15 and 20): the download from "Mijn gegevens".
  'own.title': { nl: 'Mijn gegevens in “{title}”', en: 'My data in “{title}”' },
  'own.exported': { nl: 'Gedownload op', en: 'Downloaded on' },
  'own.name': { nl: 'Naam', en: 'Name' },
  'own.role': { nl: 'Rol', en: 'Role' },
  'own.tableRole': { nl: 'Rol aan tafel', en: 'Role at the table' },
  'own.joined': { nl: 'Deelgenomen op', en: 'Joined on' },
  'own.notes': { nl: 'Notities', en: 'Notes' },
  'own.marks': { nl: 'Markeringen', en: 'Marks' },
  'own.votes': { nl: 'Stippen', en: 'Dots' },
  'own.wordings': { nl: 'Formuleringen', en: 'Wordings' },
  'own.deferrals': { nl: 'Open vragen (actiepunten in concept)', en: 'Open questions (draft action points)' },
  'own.actions': { nl: 'Acties', en: 'Actions' },
  'own.none': { nl: 'Geen.', en: 'None.' },
  'own.private': { nl: 'nog privé', en: 'still private' },
  'own.onNote': { nl: 'op', en: 'on' },
  'own.created': { nl: 'door jou gemaakt', en: 'made by you' },
  'own.assigned': { nl: 'op jouw naam', en: 'assigned to you' },
  'own.csv.kind': { nl: 'Soort', en: 'Kind' },
  'own.csv.board': { nl: 'Bord', en: 'Board' },
  'own.csv.field': { nl: 'Veld', en: 'Field' },
  'own.csv.text': { nl: 'Tekst', en: 'Text' },
  'own.csv.value': { nl: 'Waarde', en: 'Value' },
  'own.csv.time': { nl: 'Tijd (UTC)', en: 'Time (UTC)' },
  'own.mark.agree': { nl: 'eens', en: 'agree' },
  'own.mark.disagree': { nl: 'oneens', en: 'disagree' },
  'own.mark.open': { nl: 'weet niet', en: 'not sure' },
  'own.board.plenary': { nl: 'plenair bord', en: 'plenary board' },
  'file.ownData': { nl: 'mijn-gegevens', en: 'my-data' },

  // Dates and durations written out (the invitation).
  'time.hourUnit': { nl: 'u', en: 'h' },
  'date.sunday': { nl: 'zondag', en: 'Sunday' },
  'date.monday': { nl: 'maandag', en: 'Monday' },
  'date.tuesday': { nl: 'dinsdag', en: 'Tuesday' },
  'date.wednesday': { nl: 'woensdag', en: 'Wednesday' },
  'date.thursday': { nl: 'donderdag', en: 'Thursday' },
  'date.friday': { nl: 'vrijdag', en: 'Friday' },
  'date.saturday': { nl: 'zaterdag', en: 'Saturday' },
  'date.january': { nl: 'januari', en: 'January' },
  'date.february': { nl: 'februari', en: 'February' },
  'date.march': { nl: 'maart', en: 'March' },
  'date.april': { nl: 'april', en: 'April' },
  'date.may': { nl: 'mei', en: 'May' },
  'date.june': { nl: 'juni', en: 'June' },
  'date.july': { nl: 'juli', en: 'July' },
  'date.august': { nl: 'augustus', en: 'August' },
  'date.september': { nl: 'september', en: 'September' },
  'date.october': { nl: 'oktober', en: 'October' },
  'date.november': { nl: 'november', en: 'November' },
  'date.december': { nl: 'december', en: 'December' },

  // Language tags: a PDF's /Lang and the date format of the reports.
  'locale.tag': { nl: 'nl-NL', en: 'en-GB' },
} as const satisfies Readonly<Record<string, CatalogueEntry>>;

/** A text in the catalogue. */
export type TextKey = keyof typeof CATALOGUE;

/** The columns of an action list, in order (the CSV and Markdown action lists). */
export const ACTION_COLUMNS = [
  'action.what',
  'action.who',
  'action.when',
  'action.status',
  'action.field',
  'action.subgroup',
  'action.source',
] as const satisfies readonly TextKey[];

/** The `{name}`s in a text. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The values a key's text needs, by name (in either language). */
export type TextParams<K extends TextKey> = Readonly<
  Record<Placeholders<(typeof CATALOGUE)[K]['nl']> | Placeholders<(typeof CATALOGUE)[K]['en']>, string | number>
>;

/** A text without `{name}`s. */
export type PlainTextKey = { [K in TextKey]: keyof TextParams<K> extends never ? K : never }[TextKey];

/** The text of `key` in `locale`, with its `{name}`s filled in from `params`. */
export function text<K extends TextKey>(
  locale: Locale,
  key: K,
  ...params: keyof TextParams<K> extends never ? [] : [TextParams<K>]
): string {
  const values: Readonly<Record<string, string | number>> = params[0] ?? {};
  const entry: CatalogueEntry = CATALOGUE[key];
  return entry[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** "1 stip" / "2 stippen": the `.one` text for 1, the `.other` text for any other count. */
export function countText(locale: Locale, key: 'report.participants' | 'mark.dots', n: number): string {
  return n === 1 ? text(locale, `${key}.one`, { n }) : text(locale, `${key}.other`, { n });
}
