import type { ActionItem, ActionStatus } from '../domain/actionItems';
import { actionFromDeferral, actionFromNote } from '../domain/actionTexts';
import type { Choice, Deferral, Formulation, Highlight, Mark, MarkValue, Vote } from '../domain/discussion';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  PLENARY_BOARD_ID,
  type ExportBoard,
  type ExportCluster,
  type WorkshopExport,
} from '../export/model';
import { NOTE_SIZE, type Note, type NoteColor } from '../domain/note';
import { GROUP_COLORS } from '../domain/session';
import { discussiemodelTemplate } from '../template/discussiemodel';
import { getField } from '../template/lookup';
import { freeNoteArea, noteGrid } from '../template/noteArea';
import { welcomeSheet } from '../template/plenary';
import type { SheetTemplate } from '../template/types';

/**
 * A finished demo workshop: a half-day session with the Discussiemodel Learning Analytics at the
 * fictional "Hogeschool Lindenhaven", three subgroups, a plenary synthesis and an action list.
 * The notes draw on real situations in Dutch higher education (the VU's Student Analytics and
 * Code of Practice, the RUG's early-warning project for first-years, study advisers who only see
 * results in November, gradebooks kept in Excel, the student council that wants to be involved)
 * and follow the handbook's script: write, mark agree/disagree, vote, agree on a wording, choose a
 * goal, defer what cannot be answered, then find common ground and differences in plenary.
 *
 * Everything is derived from `now` (the workshop took place a few working days earlier; action
 * dates fall in the weeks after it), so the demo always looks recent and two calls with the same
 * `now` give the same result. All people are invented.
 */

// ————————————————————————————————————————————————————————————————— people and groups

type GroupKey = 'noord' | 'oost' | 'zuid';
type PersonKey =
  | 'ingrid'
  | 'marloes'
  | 'sanne'
  | 'daan'
  | 'ahmed'
  | 'joris'
  | 'femke'
  | 'lotte'
  | 'ruud'
  | 'esther'
  | 'bram'
  | 'nadia'
  | 'kees';

interface Person {
  /** First name and initial, as they would sign an action point. */
  readonly name: string;
  /** What they do at the hogeschool; shown in the display name. */
  readonly role: string;
  readonly group: GroupKey | null;
  /** Everyone writes on their own colour of post-it. */
  readonly color: NoteColor;
}

const PEOPLE: Readonly<Record<PersonKey, Person>> = {
  ingrid: { name: 'Ingrid B.', role: 'procesbegeleider', group: null, color: 'orange' },
  // Tafel Noord: studentbegeleiding.
  marloes: { name: 'Marloes T.', role: 'studieadviseur', group: 'noord', color: 'yellow' },
  sanne: { name: 'Sanne V.', role: 'docent Verpleegkunde', group: 'noord', color: 'pink' },
  daan: { name: 'Daan K.', role: 'student, studentenraad', group: 'noord', color: 'blue' },
  ahmed: { name: 'Ahmed B.', role: 'ICTO-adviseur', group: 'noord', color: 'green' },
  // Tafel Oost: kwaliteitsverbetering van vakken.
  joris: { name: 'Joris H.', role: 'docent HBO-ICT', group: 'oost', color: 'yellow' },
  femke: { name: 'Femke D.', role: 'privacy officer', group: 'oost', color: 'purple' },
  lotte: { name: 'Lotte M.', role: 'student', group: 'oost', color: 'blue' },
  ruud: { name: 'Ruud S.', role: 'lid CvB', group: 'oost', color: 'green' },
  // Tafel Zuid: inzicht in studievoortgang voor de student zelf.
  esther: { name: 'Esther P.', role: 'onderwijskundige', group: 'zuid', color: 'yellow' },
  bram: { name: 'Bram W.', role: 'data-analist BI', group: 'zuid', color: 'green' },
  nadia: { name: 'Nadia E.', role: 'studentdecaan', group: 'zuid', color: 'pink' },
  kees: { name: 'Kees J.', role: 'opleidingsmanager', group: 'zuid', color: 'blue' },
};

const FACILITATOR: PersonKey = 'ingrid';

const GROUPS: readonly { readonly key: GroupKey; readonly name: string; readonly color: string }[] = [
  { key: 'noord', name: 'Tafel Noord', color: GROUP_COLORS[0] },
  { key: 'oost', name: 'Tafel Oost', color: GROUP_COLORS[1] },
  { key: 'zuid', name: 'Tafel Zuid', color: GROUP_COLORS[2] },
];

const personId = (key: PersonKey): string => `demo-p-${key}`;
const groupId = (key: GroupKey): string => `demo-g-${key}`;
const displayName = (key: PersonKey): string => `${PEOPLE[key].name} (${PEOPLE[key].role})`;
/** The id of a note on a group board ('plenair' for the plenary board). */
const noteId = (board: GroupKey | 'plenair', key: string): string => `demo-n-${board}-${key}`;

// ————————————————————————————————————————————————————————————————— time

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** YYYY-MM-DD of a UTC timestamp. */
function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A working day: no weekend, and not in the Christmas break (24 December – 1 January). */
function isWorkday(ms: number): boolean {
  const date = new Date(ms);
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const christmas =
    (date.getUTCMonth() === 11 && date.getUTCDate() >= 24) || (date.getUTCMonth() === 0 && date.getUTCDate() === 1);
  return !weekend && !christmas;
}

/** Midnight (UTC) of the workshop day: three days before `now`, moved back to a working day. */
function workshopDay(now: number): number {
  let day = Math.floor(now / DAY) * DAY - 3 * DAY;
  while (!isWorkday(day)) day -= DAY;
  return day;
}

/** A due date `days` after the workshop day, moved forward to a working day. */
function dueDate(day: number, days: number): string {
  let due = day + days * DAY;
  while (!isWorkday(due)) due += DAY;
  return isoDate(due);
}

// ————————————————————————————————————————————————————————————————— layout

/** Post-it gap in mm, and one post-it plus a gap. */
const GAP = 8;
const PITCH = NOTE_SIZE + GAP;

/** Small offsets (mm) per note, at most 2, so notes never come closer than 4 mm. */
const WOBBLE: readonly (readonly [number, number])[] = [
  [0, 0],
  [2, -1],
  [-1, 2],
  [1, 1],
  [-2, 0],
  [0, -2],
  [2, 2],
  [-1, -1],
];

/**
 * Room above the notes of a field that asks for a choice (DOEL, the concrete questions): a chosen
 * note wears a "✓ GEKOZEN" ribbon 11 mm above its top edge, which must not cover the hint.
 */
export const CHOICE_RIBBON_ROOM = 12;

/** `value` rounded, unless that takes it out of [min, max]; kept within [min, max]. */
function snap(value: number, min: number, max: number): number {
  const rounded = Math.round(value);
  return Math.min(max, Math.max(min, rounded >= min && rounded <= max ? rounded : value));
}

/**
 * Where the `index`-th note of a field goes: a grid in the field's free area — below its printed
 * title, questions and hint, above the agreed wording of the field (or of the field it is nested
 * in) as the canvas draws them, in Dutch and in English — filled row by row from the left, with a
 * small fixed wobble so it looks stuck on by hand. Throws when the field is full, so a demo that
 * does not fit fails its test instead of covering the printed text.
 */
function place(
  sheet: SheetTemplate,
  fieldId: string,
  index: number,
  wordings: ReadonlyMap<string, string>,
): { x: number; y: number } {
  const field = sheet.fields.find((f) => f.id === fieldId);
  if (field === undefined) throw new Error(`demo: no field ${fieldId} on ${sheet.id}`);
  const free = freeNoteArea(sheet, field, wordings);
  const room = field.maxChosen === undefined ? 0 : CHOICE_RIBBON_ROOM;
  const area = { ...free, y: free.y + room, height: Math.max(0, free.height - room) };
  const { cols, rows } = noteGrid(area, GAP);
  if (index >= cols * rows) throw new Error(`demo: field ${fieldId} holds ${cols * rows} notes, not ${index + 1}`);
  // From the left, as people stick them: the field's button and its "⚑" count sit at the bottom right.
  const left = area.x + Math.min(GAP / 2, area.width - (cols * NOTE_SIZE + (cols - 1) * GAP));
  const col = index % cols;
  const row = Math.floor(index / cols);
  const [wobbleX, wobbleY] = WOBBLE[index % WOBBLE.length];
  return {
    x: snap(left + col * PITCH + wobbleX, area.x, area.x + area.width - NOTE_SIZE),
    y: snap(area.y + row * PITCH + wobbleY, area.y, area.y + area.height - NOTE_SIZE),
  };
}

/** The sheet of a field of the discussion model. */
function sheetOf(fieldId: string): SheetTemplate {
  const found = getField(discussiemodelTemplate, fieldId);
  if (found === undefined) throw new Error(`demo: unknown field ${fieldId}`);
  return found.sheet;
}

// ————————————————————————————————————————————————————————————————— content types

/** Every field of a group board that takes notes; PRIVACY's notes go in its seven DPIA boxes. */
const GROUP_FIELDS = [
  'doel',
  'concrete-vragen',
  'doelgroep',
  'kansen-risicos',
  'data',
  'visie-beleid',
  'commitment-cvb',
  'stakeholders',
  'dpia-beschrijving',
  'dpia-noodzaak',
  'dpia-risicos',
  'dpia-maatregelen-risicos',
  'dpia-maatregelen-naleving',
  'dpia-documentatie',
  'dpia-toezicht',
  'ethiek',
] as const;
type GroupFieldId = (typeof GROUP_FIELDS)[number];

/** Fields a group can agree a wording for (PRIVACY as a whole, not per DPIA box). */
type WordingFieldId = Exclude<GroupFieldId, `dpia-${string}`> | 'privacy';

const A: MarkValue = 'agree';
const D: MarkValue = 'disagree';
const O: MarkValue = 'open';

type MarkSpec = Partial<Record<PersonKey, MarkValue>>;

interface NoteSpec {
  /** Short key, unique on the board; the note id is `demo-n-<board>-<key>`. */
  readonly key: string;
  readonly by: PersonKey;
  readonly text: string;
  readonly marks: MarkSpec;
}

const n = (key: string, by: PersonKey, text: string, marks: MarkSpec = {}): NoteSpec => ({ key, by, text, marks });

interface WordingSpec {
  readonly fieldId: WordingFieldId;
  readonly by: PersonKey;
  readonly text: string;
  /** Keys of the notes it came from. */
  readonly from: readonly string[];
}

type ChoiceSpec =
  | { readonly fieldId: 'doel' | 'concrete-vragen'; readonly by: PersonKey; readonly note: string }
  | { readonly fieldId: 'doel' | 'concrete-vragen'; readonly by: PersonKey; readonly wording: true };

interface DeferralSpec {
  readonly key: string;
  readonly fieldId: GroupFieldId | 'privacy';
  /** Key of the note the question came from, or null. */
  readonly note: string | null;
  readonly by: PersonKey;
  readonly question: string;
  readonly findOut: string;
  readonly askWhom: string;
  readonly owner: PersonKey;
}

interface GroupSpec {
  readonly key: GroupKey;
  /** Minutes after the start of a writing round the group put up its first note. */
  readonly lag: number;
  readonly notes: Readonly<Record<GroupFieldId, readonly NoteSpec[]>>;
  /** Voting dots per person, by note key (at most three). */
  readonly votes: Partial<Record<PersonKey, readonly string[]>>;
  readonly wordings: readonly WordingSpec[];
  readonly choices: readonly ChoiceSpec[];
  readonly deferrals: readonly DeferralSpec[];
  /** Notes picked for the presentation: [note key, by]. */
  readonly highlights: readonly (readonly [string, PersonKey])[];
}

// ————————————————————————————————————————————————————————————————— Tafel Noord

const NOORD: GroupSpec = {
  key: 'noord',
  lag: 0,
  notes: {
    doel: [
      n(
        'd1',
        'marloes',
        'Studentbegeleiding: studieadviseurs zien in de eerste tien weken welke eerstejaars vastlopen, zodat we eerder contact zoeken.',
        { sanne: A, daan: A, ahmed: A },
      ),
      n(
        'd2',
        'sanne',
        'Uitval in het eerste jaar verlagen. Nu zien we pas in november, bij de eerste cijfers, dat iemand al afgehaakt is.',
        { marloes: A, ahmed: A, daan: O },
      ),
      n('d3', 'daan', 'Studenten zelf inzicht geven in hun voortgang, niet alleen hun begeleiders.', {
        marloes: A,
        sanne: O,
      }),
      n('d4', 'ahmed', 'Kwaliteitsverbetering vakken: zien welke onderdelen in Brightspace niemand gebruikt.', {
        sanne: O,
        marloes: D,
      }),
      n(
        'd5',
        'sanne',
        'Studiesucces eerstejaars verhogen en uitval verlagen, vooral bij studenten met een mbo-vooropleiding.',
        { daan: A, ahmed: A },
      ),
      n('d6', 'marloes', 'Onderwijsonderzoek? Interessant, maar niet voor dit jaar.', { ahmed: A, daan: A }),
    ],
    'concrete-vragen': [
      n('q1', 'marloes', 'Welke eerstejaars hebben na week 6 nog geen enkele formatieve opdracht ingeleverd?', {
        sanne: A,
        ahmed: A,
        daan: O,
      }),
      n(
        'q2',
        'sanne',
        'Welke studenten blijven achter en wat voor ondersteuning hebben ze nodig om op gang te komen?',
        { marloes: A, daan: A },
      ),
      n('q3', 'ahmed', 'Welke onderdelen van de Brightspace-cursus worden in de eerste weken het meest bekeken?', {
        marloes: O,
      }),
      n('q4', 'daan', 'Merken studenten die eerder benaderd worden dat het helpt?', { sanne: A }),
    ],
    doelgroep: [
      n('g1', 'marloes', 'Studieadviseurs en SLB’ers: zij voeren het gesprek met de student.', {
        sanne: A,
        ahmed: A,
        daan: A,
      }),
      n('g2', 'daan', 'De student zelf: ik wil mijn eigen gegevens kunnen zien vóórdat mijn studieadviseur ze ziet.', {
        marloes: A,
        sanne: A,
        ahmed: O,
      }),
      n('g3', 'sanne', 'Docenten van de eerstejaarsvakken, maar alleen op groepsniveau.', { daan: A }),
      n('g4', 'ahmed', 'Niet het management: geen individuele signalen naar teamleiders, alleen geaggregeerd.', {
        marloes: A,
        daan: A,
      }),
    ],
    'kansen-risicos': [
      n(
        'k1',
        'daan',
        'Studenten voelen zich bekeken en gecontroleerd als er zomaar een mail komt: ‘we zien dat je weinig inlogt’.',
        { marloes: A, sanne: A, ahmed: A },
      ),
      n('k2', 'marloes', 'Kans: eerder in gesprek dan bij het negatief BSA-advies. Nu is het vaak te laat.', {
        sanne: A,
        daan: A,
      }),
      n('k3', 'sanne', 'Risico: een vlaggetje bij een student wordt een stempel die blijft hangen.', {
        daan: A,
        marloes: O,
      }),
      n(
        'k4',
        'ahmed',
        'Inloggen zegt weinig: wie de stof downloadt en offline leert, lijkt inactief. Verkeerde conclusies!',
        { sanne: A, marloes: A },
      ),
      n('k5', 'marloes', 'Studieadviseurs hebben nu al 300 studenten per persoon. Meer signalen = meer werk.', {
        ahmed: O,
        daan: O,
      }),
      n('k6', 'sanne', 'Docenten voelen zich straks afgerekend op de slaagcijfers van hun vak.', { ahmed: A, daan: O }),
      n('k7', 'daan', 'Kans: studenten die het moeilijk hebben voelen zich gezien, juist in grote groepen.', {
        marloes: A,
        sanne: A,
      }),
    ],
    data: [
      n('da1', 'ahmed', 'Tussenresultaten en inleveropdrachten uit het gradebook van Brightspace.', { marloes: A }),
      n('da2', 'marloes', 'Studievoortgang (EC’s) en vooropleiding uit Osiris.', { ahmed: A }),
      n('da3', 'sanne', 'Niet alle docenten vullen het gradebook in: deelcijfers staan vaak in Excel.', {
        ahmed: A,
        marloes: A,
      }),
      n('da4', 'ahmed', 'Aanwezigheid registreren we niet centraal, en dat willen we ook niet.', { daan: A, sanne: O }),
    ],
    'visie-beleid': [
      n('v1', 'marloes', 'De onderwijsvisie noemt ‘studiesucces en welzijn’, maar zegt niets over data.', { sanne: A }),
      n('v2', 'ahmed', 'Er is informatiebeveiligingsbeleid, maar geen beleid op learning analytics.'),
      n('v3', 'sanne', 'Beleid nodig: wie mag welke signalen zien, en wat doe je ermee?', { daan: A, marloes: A }),
    ],
    'commitment-cvb': [
      n(
        'c1',
        'ahmed',
        'CvB vindt studiesucces belangrijk, maar budget en prioriteit liggen nu bij het nieuwe roostersysteem.',
        { marloes: A, sanne: A },
      ),
      n('c2', 'marloes', 'Klein beginnen: een pilot bij twee opleidingen en de resultaten laten zien.', {
        ahmed: A,
        daan: A,
      }),
    ],
    stakeholders: [
      n('s1', 'daan', 'Studentenraad vroeg informeren en laten meedenken, niet achteraf.', {
        marloes: A,
        sanne: A,
        ahmed: A,
      }),
      n('s2', 'marloes', 'Team studieadviseurs: hun werkwijze verandert het meest.', { sanne: A }),
      n('s3', 'ahmed', 'Functioneel beheer Brightspace en Osiris, en de leverancier voor de koppeling.'),
      n('s4', 'sanne', 'Examencommissie: signalen mogen nooit meewegen in het BSA-besluit!', { daan: A, marloes: A }),
      n('s5', 'marloes', 'Ervaringsdeskundigen: het early-warningproject van de RUG en VU Analytics bellen.', {
        ahmed: A,
      }),
    ],
    'dpia-beschrijving': [
      n('p1', 'ahmed', 'Wekelijkse export uit Brightspace en Osiris naar een overzicht per eerstejaars.'),
      n('p2', 'marloes', 'Alleen de eigen studieadviseur ziet het overzicht van een student.', { daan: A }),
    ],
    'dpia-noodzaak': [
      n('p3', 'marloes', 'Kan het zonder? Nu bellen we iedereen na week 10; bij 400 eerstejaars lukt dat niet meer.', {
        sanne: A,
      }),
      n('p4', 'daan', 'Alleen de data die nodig is voor het gesprek. Geen klikgedrag.', { ahmed: A, marloes: O }),
    ],
    'dpia-risicos': [
      n('p5', 'daan', 'Student wordt als ‘risico’ aangemerkt zonder het zelf te weten.', { sanne: A }),
      n('p6', 'sanne', 'Signalen belanden bij docenten die de student nog moeten beoordelen.', { marloes: A }),
    ],
    'dpia-maatregelen-risicos': [
      n('p7', 'ahmed', 'Rollen en rechten: een adviseur ziet alleen de eigen studentengroep.'),
      n('p8', 'marloes', 'De student ziet altijd zelf als eerste wat de adviseur ziet.', { daan: A, sanne: A }),
    ],
    'dpia-maatregelen-naleving': [
      n(
        'p9',
        'ahmed',
        'Betrek de privacy officer vroeg: al bij de start van het project, niet pas bij de oplevering.',
        { marloes: A, daan: A, sanne: A },
      ),
      n('p10', 'marloes', 'Verwerkingsregister bijwerken.'),
    ],
    'dpia-documentatie': [
      n('p11', 'ahmed', 'DPIA vastleggen en de verwerkersovereenkomst met de leverancier nalopen.'),
      n('p12', 'daan', 'Privacyverklaring in gewone taal op het studentenportaal.', { marloes: A }),
    ],
    // The PRIVACY wording runs across this box: the group wrote its monitoring there, and left an open question on PRIVACY.
    'dpia-toezicht': [],
    ethiek: [
      n('e1', 'daan', 'Opt-out: studenten kunnen zich afmelden voor signalering, met goede uitleg vooraf.', {
        ahmed: A,
        marloes: O,
        sanne: D,
      }),
      n('e2', 'sanne', 'Gelijke kansen: eerstejaars met een mbo-achtergrond mogen niet vaker ‘rood’ krijgen.', {
        daan: A,
      }),
      n('e3', 'marloes', 'Een signaal is een reden voor een gesprek, nooit een oordeel.', {
        sanne: A,
        daan: A,
        ahmed: A,
      }),
    ],
  },
  votes: {
    marloes: ['d1', 'q1', 'k2'],
    sanne: ['d1', 'q2', 'k6'],
    daan: ['d3', 'k1', 'e1'],
    ahmed: ['d1', 'q1', 'k4'],
  },
  wordings: [
    {
      fieldId: 'doel',
      by: 'marloes',
      text: 'Studentbegeleiding: in de eerste tien weken zien studieadviseurs welke eerstejaars vastlopen, zodat ze eerder contact zoeken en uitval voorkomen.',
      from: ['d1', 'd2', 'd5'],
    },
    {
      fieldId: 'concrete-vragen',
      by: 'sanne',
      text: '1. Welke eerstejaars hebben na week 6 nog geen formatieve opdracht ingeleverd? 2. Welke ondersteuning hebben zij nodig?',
      from: ['q1', 'q2'],
    },
    {
      fieldId: 'doelgroep',
      by: 'daan',
      text: 'Studieadviseurs en SLB’ers, en de student zelf, die altijd ziet wat de adviseur ziet. Docenten alleen op groepsniveau.',
      from: ['g1', 'g2', 'g3'],
    },
    {
      fieldId: 'kansen-risicos',
      by: 'ahmed',
      text: 'Kans: eerder en persoonlijker contact. Risico’s: studenten voelen zich bekeken, een signaal wordt een stempel en inlogdata leiden tot verkeerde conclusies.',
      from: ['k1', 'k2', 'k3', 'k4'],
    },
    {
      fieldId: 'data',
      by: 'ahmed',
      text: 'Osiris (EC’s, vooropleiding) en het gradebook in Brightspace, als dat gevuld is.',
      from: ['da1', 'da2', 'da3'],
    },
    {
      fieldId: 'stakeholders',
      by: 'daan',
      text: 'Studentenraad en team studieadviseurs vanaf het begin; functioneel beheer voor de koppeling; examencommissie informeren.',
      from: ['s1', 's2', 's3', 's4'],
    },
    {
      fieldId: 'privacy',
      by: 'ahmed',
      text: 'Privacy officer in de projectgroep; alleen de eigen adviseur ziet het overzicht en de student ziet het eerst; evaluatie na één semester.',
      from: ['p2', 'p8', 'p9'],
    },
    {
      fieldId: 'ethiek',
      by: 'marloes',
      text: 'Een signaal is een reden voor een gesprek, nooit een oordeel. Opt-out blijft een open punt.',
      from: ['e1', 'e3'],
    },
  ],
  choices: [
    { fieldId: 'doel', by: 'marloes', note: 'd1' },
    { fieldId: 'concrete-vragen', by: 'marloes', note: 'q1' },
    { fieldId: 'concrete-vragen', by: 'sanne', note: 'q2' },
  ],
  deferrals: [
    {
      key: 'gradebook',
      fieldId: 'data',
      note: 'da3',
      by: 'ahmed',
      question: 'Hoeveel eerstejaarsvakken hebben hun tussenresultaten echt in het gradebook van Brightspace staan?',
      findOut: 'per eerstejaarsvak of de tussenresultaten in Brightspace staan of in Excel',
      askWhom: 'functioneel beheer Brightspace en de opleidingscoördinatoren',
      owner: 'ahmed',
    },
    {
      key: 'studentenraad',
      fieldId: 'stakeholders',
      note: 's1',
      by: 'daan',
      question: 'Hoe denkt de studentenraad over signalering door studieadviseurs?',
      findOut: 'of de studentenraad advies- of instemmingsrecht heeft en hoe de raad erover denkt',
      askWhom: 'commissie onderwijs van de studentenraad',
      owner: 'daan',
    },
    {
      key: 'evaluatie',
      fieldId: 'privacy',
      note: null,
      by: 'marloes',
      question: 'Wie evalueert de signalering na één semester, en hoe krijgt de studentenraad daar een overzicht van?',
      findOut: 'hoe VU Analytics de jaarlijkse herziening met studenten organiseert',
      askWhom: 'de privacy officer en de studentenraad',
      owner: 'marloes',
    },
  ],
  highlights: [
    ['d1', 'marloes'],
    ['k1', 'daan'],
    ['k3', 'sanne'],
    ['p9', 'ahmed'],
    ['e3', 'marloes'],
  ],
};

// ————————————————————————————————————————————————————————————————— Tafel Oost

const OOST: GroupSpec = {
  key: 'oost',
  lag: 2,
  notes: {
    doel: [
      n(
        'd1',
        'joris',
        'Kwaliteitsverbetering vakken: docenten zien welke leerstof en opdrachten in Brightspace werken en welke niet.',
        { lotte: A, ruud: A, femke: O },
      ),
      n('d2', 'ruud', 'Studiesucces in het eerste jaar omhoog: de uitval van eerstejaars is bij ons 28%.', {
        joris: A,
        lotte: A,
      }),
      n('d3', 'lotte', 'Weten welke video’s en oefeningen andere studenten echt nuttig vinden.', { joris: A }),
      n('d4', 'femke', 'Liefst geanonimiseerde data op vakniveau: veel winst zonder persoonsgegevens.', {
        ruud: A,
        joris: A,
        lotte: A,
      }),
      n('d5', 'joris', 'Zien waar studenten afhaken in een online module, zoals de Open University in de UK doet.', {
        ruud: O,
      }),
      n('d6', 'ruud', 'Managementinformatie over rendementen? Die hebben we eigenlijk al.', { femke: A }),
    ],
    'concrete-vragen': [
      n('q1', 'joris', 'Welke onderdelen van mijn leeromgeving worden veel gebruikt, en welke nooit?', {
        lotte: A,
        ruud: A,
        femke: A,
      }),
      n('q2', 'lotte', 'Bij welke opdrachten haken veel studenten af, of doen ze er veel langer over dan gepland?', {
        joris: A,
        femke: O,
      }),
      n('q3', 'ruud', 'Scoren vakken met wekelijkse formatieve toetsen beter op het tentamen?', { joris: O, lotte: D }),
    ],
    doelgroep: [
      n('g1', 'joris', 'Docenten en vakcoördinatoren van de eerstejaarsvakken.', { lotte: A, ruud: A }),
      n('g2', 'femke', 'Opleidingscommissie, voor de jaarlijkse vakevaluatie.', { ruud: A }),
      n('g3', 'lotte', 'Studenten horen terug wat er met de uitkomsten gedaan is: ‘jullie zeiden, wij deden’.', {
        joris: A,
        femke: A,
      }),
      n('g4', 'ruud', 'Management alleen op geaggregeerd niveau, geen individuele studenten of docenten.', {
        femke: A,
        joris: A,
      }),
    ],
    'kansen-risicos': [
      n('k1', 'lotte', 'Studenten voelen zich bekeken en gecontroleerd als elke klik wordt bijgehouden.', {
        femke: A,
        joris: O,
      }),
      n('k2', 'joris', 'Docenten kunnen weerstand ervaren: ze voelen zich afgerekend op de kwaliteit van hun vak.', {
        ruud: O,
        lotte: A,
        femke: A,
      }),
      n('k3', 'ruud', 'Kans: vakevaluaties onderbouwen met meer dan een enquête met 15% respons.', { joris: A }),
      n('k4', 'femke', 'Let op: klikdata zijn ook persoonsgegevens, ook als je alleen per vak rapporteert.', {
        ruud: A,
      }),
      n('k5', 'joris', 'Te veel focus op wat meetbaar is (klikken) en te weinig op de kwaliteit van het onderwijs.', {
        lotte: A,
        femke: O,
      }),
      n('k6', 'lotte', 'Kans: docenten passen het vak al tijdens het blok aan, niet pas volgend jaar.', {
        joris: A,
        ruud: A,
      }),
    ],
    data: [
      n('da1', 'joris', 'Activiteit en quizresultaten per module uit Brightspace.', { femke: O }),
      n('da2', 'femke', 'Vakevaluaties uit EvaSys; koppelen aan Brightspace alleen geaggregeerd.', { ruud: A }),
      n('da3', 'joris', 'Gradebook niet op orde: deelcijfers staan vaak in Excel bij de docent.', {
        lotte: A,
        ruud: A,
      }),
      n('da4', 'ruud', 'Wie maakt de analyses? We hebben geen data-analist voor onderwijs.', { joris: A }),
    ],
    'visie-beleid': [
      n('v1', 'ruud', 'Het instellingsplan noemt ‘datagedreven verbeteren’, maar zonder uitwerking.', { femke: A }),
      n('v2', 'femke', 'Het privacyreglement voor studenten zegt niets over learning analytics.', { ruud: A }),
      n('v3', 'joris', 'Past bij onze visie op blended onderwijs: online voorbereiden, dan pas college.', { lotte: O }),
    ],
    'commitment-cvb': [
      n('c1', 'ruud', 'Ik kan het agenderen in het CvB, maar dan met een concreet voorstel en een begroting.', {
        joris: A,
        femke: A,
        lotte: A,
      }),
      n(
        'c2',
        'joris',
        'Concurrentie met andere prioriteiten: het nieuwe roostersysteem en de huisvesting slokken alle ICT-capaciteit op.',
        { ruud: O },
      ),
    ],
    stakeholders: [
      n('s1', 'lotte', 'Studentenraad én opleidingscommissie vroeg betrekken: die hebben adviesrecht.', {
        joris: A,
        femke: A,
        ruud: A,
      }),
      n('s2', 'joris', 'Docenten: niet alleen de enthousiastelingen, ook de sceptici.', { lotte: A }),
      n('s3', 'femke', 'FG (functionaris gegevensbescherming) en informatiebeveiliging.'),
      n('s4', 'ruud', 'OR: als gegevens over docenten zichtbaar worden, heeft de OR misschien instemmingsrecht.', {
        femke: O,
      }),
    ],
    'dpia-beschrijving': [
      n('p1', 'femke', 'Doel: vakken verbeteren. Gegevens: activiteit per module, gepseudonimiseerd.', { joris: A }),
      n('p2', 'joris', 'Rapportage per vak, niet per student, na afloop van elke onderwijsperiode.', { lotte: A }),
    ],
    'dpia-noodzaak': [
      n('p3', 'femke', 'Grondslag: gerechtvaardigd belang of publieke taak? Nog uitzoeken.', { ruud: O }),
      n('p4', 'lotte', 'Waarom klikdata, als drie vragen aan studenten hetzelfde opleveren?', { femke: A, joris: D }),
    ],
    'dpia-risicos': [
      n('p5', 'lotte', 'Kleine groepen (minor, herkansers) zijn toch herleidbaar.', { femke: A }),
      n('p6', 'joris', 'De docent is herleidbaar: een vak heeft vaak maar één docent.', { ruud: A }),
    ],
    'dpia-maatregelen-risicos': [
      n('p7', 'femke', 'Pas rapporteren vanaf minimaal 10 studenten per groep.', { joris: A, lotte: A }),
      n('p8', 'ruud', 'Ruwe data na twee jaar verwijderen.', { femke: A }),
    ],
    'dpia-maatregelen-naleving': [
      n('p9', 'femke', 'Betrek de privacy officer vroeg: vóór de aanschaf van een tool, niet erna.', {
        ruud: A,
        joris: A,
        lotte: A,
      }),
      n('p10', 'joris', 'Afspraken vastleggen in een Code of Practice, zoals de VU heeft.', { femke: A }),
    ],
    'dpia-documentatie': [
      n('p11', 'femke', 'DPIA-rapport en verwerkingsregister; de afwegingen vastleggen.'),
      n('p12', 'ruud', 'Het besluit en de reikwijdte vastleggen in een CvB-besluit.', { femke: A }),
    ],
    // The PRIVACY wording runs across this box and names the yearly review.
    'dpia-toezicht': [],
    ethiek: [
      n('e1', 'lotte', 'Transparantie: studenten moeten weten wat er gemeten wordt en waarom.', {
        joris: A,
        femke: A,
        ruud: A,
      }),
      n('e2', 'joris', 'Autonomie van de docent: de data helpen de docent, niet de teamleider.', { lotte: A, ruud: O }),
      n('e3', 'femke', 'Integriteit: data niet alsnog voor andere doelen gebruiken, zoals beoordeling van docenten.', {
        joris: A,
      }),
    ],
  },
  votes: {
    joris: ['d1', 'q1', 'k2'],
    femke: ['d4', 'k4', 'p9'],
    lotte: ['d1', 'q2', 'k1'],
    ruud: ['d1', 'd2'],
  },
  wordings: [
    {
      fieldId: 'doel',
      by: 'joris',
      text: 'Kwaliteitsverbetering vakken: docenten van eerstejaarsvakken zien op vakniveau (geanonimiseerd) welke leerstof en opdrachten werken en waar studenten afhaken.',
      from: ['d1', 'd4', 'd5'],
    },
    {
      fieldId: 'concrete-vragen',
      by: 'lotte',
      text: 'Welke onderdelen van de leeromgeving worden veel gebruikt, welke nooit, en bij welke opdrachten haken studenten af?',
      from: ['q1', 'q2'],
    },
    {
      fieldId: 'doelgroep',
      by: 'ruud',
      text: 'Docenten en vakcoördinatoren; de opleidingscommissie bij de vakevaluatie. Studenten horen wat er met de uitkomsten gebeurt.',
      from: ['g1', 'g2', 'g3'],
    },
    {
      fieldId: 'kansen-risicos',
      by: 'femke',
      text: 'Kans: vakken al tijdens het blok verbeteren. Risico’s: docenten voelen zich afgerekend, studenten bekeken, en we meten wat meetbaar is in plaats van wat telt.',
      from: ['k1', 'k2', 'k5', 'k6'],
    },
    {
      fieldId: 'stakeholders',
      by: 'lotte',
      text: 'Studentenraad, opleidingscommissie en OR vroeg betrekken; ook sceptische docenten; FG en informatiebeveiliging.',
      from: ['s1', 's2', 's3', 's4'],
    },
    {
      fieldId: 'privacy',
      by: 'femke',
      text: 'Privacy officer vóór de aanschaf erbij; rapporteren per vak vanaf 10 studenten; grondslag nog uitzoeken; jaarlijkse herziening met studenten.',
      from: ['p3', 'p7', 'p9'],
    },
    {
      fieldId: 'ethiek',
      by: 'joris',
      text: 'Transparant naar studenten, en de data zijn van en voor de docent: nooit gebruiken om docenten te beoordelen.',
      from: ['e1', 'e2', 'e3'],
    },
  ],
  choices: [
    { fieldId: 'doel', by: 'joris', wording: true },
    { fieldId: 'concrete-vragen', by: 'lotte', note: 'q1' },
  ],
  deferrals: [
    {
      key: 'grondslag',
      fieldId: 'dpia-noodzaak',
      note: 'p3',
      by: 'femke',
      question:
        'Is gerechtvaardigd belang een geldige grondslag voor activiteitsdata, of is het de publieke taak of toestemming?',
      findOut: 'welke grondslag past bij analyses op vakniveau met gepseudonimiseerde activiteitsdata',
      askWhom: 'de FG en juridische zaken',
      owner: 'femke',
    },
    {
      key: 'instellingsplan',
      fieldId: 'visie-beleid',
      note: 'v1',
      by: 'ruud',
      question: 'Wat bedoelt het instellingsplan precies met ‘datagedreven verbeteren’?',
      findOut: 'of er al een uitwerking of projectplan onder het instellingsplan ligt',
      askWhom: 'beleidsadviseur onderwijs (staf Onderwijs & Kwaliteit)',
      owner: 'ruud',
    },
    {
      key: 'or',
      fieldId: 'stakeholders',
      note: 's4',
      by: 'joris',
      question: 'Heeft de OR instemmingsrecht als gegevens over docenten herleidbaar zijn?',
      findOut: '',
      askWhom: 'HR-adviseur en de OR',
      owner: 'joris',
    },
  ],
  highlights: [
    ['d1', 'joris'],
    ['k2', 'joris'],
    ['c1', 'ruud'],
    ['p9', 'femke'],
    ['e2', 'lotte'],
  ],
};

// ————————————————————————————————————————————————————————————————— Tafel Zuid

const ZUID: GroupSpec = {
  key: 'zuid',
  lag: 4,
  notes: {
    doel: [
      n(
        'd1',
        'esther',
        'Inzicht in studievoortgang: eerstejaars zien zelf hoe ze ervoor staan ten opzichte van hun studieplanning (zoals ‘Plan for Success’ van de VU).',
        { kees: A, nadia: A, bram: O },
      ),
      n('d2', 'kees', 'Studiesucces eerstejaars: minder uitval en minder switchers na het eerste blok.', {
        esther: A,
        bram: A,
      }),
      n('d3', 'nadia', 'Studentbegeleiding: eerder zien wie hulp nodig heeft, ook bij welzijn.', {
        esther: O,
        kees: A,
      }),
      n('d4', 'bram', 'Eén betrouwbaar overzicht in plaats van vijf losse Excel-lijsten per opleiding.', { kees: A }),
      n('d5', 'kees', 'Onderwijsonderzoek naar wat werkt voor wie: later, als de basis op orde is.', {
        bram: A,
        nadia: O,
      }),
    ],
    'concrete-vragen': [
      n('q1', 'esther', 'Ligt een student na blok 1 en blok 2 op koers voor 60 EC, en wat kan hij zelf doen?', {
        nadia: A,
        kees: A,
      }),
      n(
        'q2',
        'nadia',
        'Welke studenten gebruiken de ondersteuning niet die er al is (schrijfcentrum, studiekeuzecoach)?',
        { esther: A, bram: O },
      ),
      n('q3', 'bram', 'Welke vakken in blok 1 voorspellen het best of iemand het eerste jaar haalt?', {
        kees: A,
        nadia: D,
      }),
    ],
    doelgroep: [
      n('g1', 'esther', 'Eerst de student zelf: een eigen dashboard in het studentenportaal.', {
        nadia: A,
        kees: A,
        bram: A,
      }),
      n('g2', 'nadia', 'Studieadviseurs en decanen, maar alleen als de student dat wil.', { esther: A }),
      n(
        'g3',
        'kees',
        'Management en opleidingsmanagers alleen geaggregeerd: een anoniem overzicht per cohort, geen individuele studenten.',
        { bram: A },
      ),
      n('g4', 'bram', 'Onderzoekers later, en alleen gepseudonimiseerd.', { esther: O }),
    ],
    'kansen-risicos': [
      n(
        'k1',
        'nadia',
        'Studenten voelen zich bekeken en gecontroleerd, of raken gestrest van een rood bolletje in hun dashboard.',
        { esther: A, kees: A, bram: A },
      ),
      n('k2', 'bram', 'Verkeerde conclusies: een voorspelmodel op oude cohorten klopt niet voor nieuwe instroom.', {
        kees: O,
      }),
      n('k3', 'esther', 'Kans: studenten nemen zelf eerder actie. Autonomie in plaats van controle.', {
        nadia: A,
        kees: A,
      }),
      n('k4', 'kees', 'Docenten voelen zich afgerekend als hun vak steeds ‘het struikelvak’ heet.', {
        esther: A,
        bram: O,
      }),
      n('k5', 'nadia', 'Risico: studenten gaan dingen doen ‘voor de nummertjes’ in plaats van om te leren.', {
        esther: A,
      }),
      n('k6', 'esther', 'Vergelijken met het groepsgemiddelde kan motiveren, maar ook ontmoedigen.', {
        nadia: A,
        bram: O,
      }),
    ],
    data: [
      n('da1', 'bram', 'Resultaten en EC’s uit Osiris; vooropleiding en instroom uit Studielink.', { kees: A }),
      n(
        'da2',
        'bram',
        'Tussentoetsen uit Brightspace: alleen bruikbaar als docenten hun deelcijfers in het gradebook zetten en niet in Excel.',
        { esther: A, kees: A },
      ),
      n('da3', 'esther', 'De studieplanning per opleiding staat nergens digitaal; die moeten we eerst vastleggen.', {
        kees: O,
      }),
    ],
    'visie-beleid': [
      n('v1', 'kees', 'De visie op studentsucces noemt ‘eigen regie van de student’: dit past daar goed in.', {
        esther: A,
        nadia: A,
      }),
      n('v2', 'esther', 'Geen beleid op learning analytics. Wat we vandaag opschrijven kan het begin zijn.', {
        bram: A,
      }),
    ],
    'commitment-cvb': [
      n('c1', 'kees', 'De prioriteit van het CvB ligt nu bij de bezuinigingen en het nieuwe roostersysteem.', {
        bram: A,
        esther: O,
      }),
      n('c3', 'bram', 'Een portefeuillehouder in het CvB die dit trekt zou enorm helpen.', { kees: A, nadia: A }),
    ],
    stakeholders: [
      n('s1', 'nadia', 'Studentenraad en opleidingscommissies vanaf het begin informeren en laten meelezen.', {
        esther: A,
        kees: A,
      }),
      n('s2', 'bram', 'Functioneel beheer Osiris en de BI-afdeling.'),
      n('s3', 'esther', 'Docenten die de tussentoetsen maken en de cijfers invoeren.', { kees: A }),
      n('s4', 'kees', 'Communicatie: hoe leggen we studenten uit wat ze in hun dashboard zien?', { nadia: A }),
    ],
    'dpia-beschrijving': [
      n('p1', 'bram', 'Dashboard in het studentenportaal: EC’s, tussenresultaten en planning, per student.', {
        esther: A,
      }),
      n('p2', 'esther', 'De studieadviseur ziet het alleen na toestemming van de student.', { nadia: A }),
    ],
    'dpia-noodzaak': [
      n('p3', 'nadia', 'Proportioneel? Alleen wat de student nodig heeft om de eigen voortgang te volgen.', {
        bram: A,
      }),
      n('p4', 'bram', 'Geen bijzondere persoonsgegevens (gezondheid, afkomst) in het model.', { kees: A, nadia: A }),
    ],
    'dpia-risicos': [
      n('p5', 'nadia', 'Een student met een functiebeperking wordt onterecht als ‘achter’ gesignaleerd.', {
        esther: A,
      }),
      n('p6', 'esther', 'Gevoel van controle: de student ervaart het als toezicht.', { kees: O }),
    ],
    'dpia-maatregelen-risicos': [
      n('p7', 'bram', 'Pseudonimiseren in de analyseomgeving; toegang op basis van rollen.'),
      n('p8', 'nadia', 'De student kan gegevens laten corrigeren en uitleg vragen.', { esther: A }),
    ],
    'dpia-maatregelen-naleving': [
      n('p9', 'kees', 'Privacy officer vroeg betrekken: nog vóór de pilot samen een DPIA doen.', {
        bram: A,
        esther: A,
        nadia: A,
      }),
      n('p10', 'bram', 'Bewaartermijnen afspreken: hooguit twee jaar na uitschrijving.', { kees: O }),
    ],
    'dpia-documentatie': [
      n('p11', 'kees', 'Een Code of Practice opstellen, samen met studenten en medewerkers.', { esther: A, nadia: A }),
      n('p12', 'bram', 'Datawoordenboek: welk veld, uit welk systeem, voor welk doel.'),
    ],
    'dpia-toezicht': [
      n('p13', 'esther', 'Evaluatie na het eerste jaar: helpt het dashboard studenten echt?', { kees: A }),
      n('p14', 'nadia', 'Een klachtenroute voor studenten die het niet eens zijn met wat ze zien.', { esther: A }),
    ],
    ethiek: [
      n(
        'e1',
        'nadia',
        'Opt-in: alleen met toestemming van de student gebruiken we persoonlijke data voor begeleiding.',
        { esther: A, kees: O, bram: A },
      ),
      n('e2', 'bram', 'Bias: nagaan of het model eerste-generatiestudenten benadeelt.', { esther: A, nadia: A }),
      n('e3', 'esther', 'Gelijke kansen: wie geen hulp zoekt, mag daardoor geen kansen mislopen.', { nadia: A }),
    ],
  },
  votes: {
    esther: ['d1', 'q1', 'k3'],
    bram: ['d1', 'k2', 'e2'],
    nadia: ['d3', 'q2', 'k1'],
    kees: ['d1', 'q1', 'c3'],
  },
  wordings: [
    {
      fieldId: 'doel',
      by: 'esther',
      text: 'Inzicht in studievoortgang: eerstejaars zien zelf of ze op koers liggen voor hun propedeuse, zodat ze eerder zelf actie nemen.',
      from: ['d1', 'd2'],
    },
    {
      fieldId: 'concrete-vragen',
      by: 'esther',
      text: 'Ligt een eerstejaars na blok 1 en 2 op koers voor 60 EC, en welke ondersteuning past erbij?',
      from: ['q1', 'q2'],
    },
    {
      fieldId: 'doelgroep',
      by: 'nadia',
      text: 'De student zelf; studieadviseurs en decanen alleen met toestemming; opleidingsmanagers alleen geaggregeerd.',
      from: ['g1', 'g2', 'g3'],
    },
    {
      fieldId: 'kansen-risicos',
      by: 'kees',
      text: 'Kans: meer eigen regie voor de student. Risico’s: stress en het gevoel bekeken te worden, leren voor de nummertjes en een model dat niet klopt voor nieuwe instroom.',
      from: ['k1', 'k2', 'k3', 'k5'],
    },
    {
      fieldId: 'data',
      by: 'bram',
      text: 'Osiris en Studielink; tussentoetsen uit Brightspace als het gradebook gevuld is.',
      from: ['da1', 'da2', 'da3'],
    },
    {
      fieldId: 'visie-beleid',
      by: 'kees',
      text: 'Past in de visie op studentsucces (eigen regie). Beleid op learning analytics moet er nog komen.',
      from: ['v1', 'v2'],
    },
  ],
  choices: [
    { fieldId: 'doel', by: 'esther', note: 'd1' },
    { fieldId: 'concrete-vragen', by: 'esther', wording: true },
    { fieldId: 'concrete-vragen', by: 'nadia', note: 'q2' },
  ],
  deferrals: [
    {
      key: 'portefeuille',
      fieldId: 'commitment-cvb',
      note: 'c3',
      by: 'kees',
      question: 'Wie in het CvB heeft studiesucces en onderwijsdata in de portefeuille?',
      findOut: 'welke portefeuillehouder dit kan trekken en wanneer het op de CvB-agenda kan',
      askWhom: 'de bestuurssecretaris',
      owner: 'kees',
    },
    {
      key: 'bias',
      fieldId: 'ethiek',
      note: 'e2',
      by: 'bram',
      question: 'Hoe toetsen we een model op bias als we geen bijzondere persoonsgegevens mogen gebruiken?',
      findOut: 'hoe de VU en de RUG hun analyses op bias controleren',
      askWhom: 'zone Studiedata van het Versnellingsplan / SURF',
      owner: 'bram',
    },
  ],
  highlights: [
    ['d1', 'esther'],
    ['q2', 'nadia'],
    ['k1', 'nadia'],
    ['k3', 'esther'],
    ['p9', 'kees'],
  ],
};

const GROUP_SPECS: readonly GroupSpec[] = [NOORD, OOST, ZUID];

// ————————————————————————————————————————————————————————————————— plenary welcome sheet

const WELCOME: Readonly<Record<'opvallend' | 'vragen-vooraf', readonly NoteSpec[]>> = {
  opvallend: [
    n(
      'o1',
      'ingrid',
      'Geen enkele instelling start op nul. Wij ook niet: de Osiris-rapportages per cohort bestaan al.',
    ),
    n(
      'o2',
      'sanne',
      'De RUG zag pas laat dat internationale eerstejaars achterbleven. Dat herken ik bij onze mbo-instroom.',
    ),
    n(
      'o3',
      'femke',
      'De VU heeft een Code of Practice Privacy & Ethiek, samen met studenten opgesteld en elk jaar herzien.',
    ),
    n('o4', 'daan', 'De studentenraad van de VU bespreekt elke maand alle studiedataprojecten. Dat wil ik hier ook!'),
    n('o5', 'bram', '‘Begin met de vraag, niet met een antwoord’ (HAN). Wij beginnen vaak bij de tool.'),
    n(
      'o6',
      'marloes',
      'Data lossen het gemis aan persoonlijk contact niet op, maar helpen wel om te zien wie je moet bellen.',
    ),
  ],
  'vragen-vooraf': [
    n('w1', 'kees', 'Wat is het verschil tussen learning analytics en de managementinformatie die we al hebben?'),
    n('w2', 'lotte', 'Wordt studenten ook gevraagd of ze dit willen?'),
    n('w3', 'ahmed', 'Mogen we nu al data uit Brightspace gebruiken, of moet er eerst een DPIA komen?'),
    n('w4', 'nadia', 'Wie beslist uiteindelijk wat er met de uitkomst van vandaag gebeurt?'),
  ],
};

// ————————————————————————————————————————————————————————————————— plenary synthesis

interface ClusterSpec {
  readonly key: string;
  readonly fieldId: string;
  readonly kind: ExportCluster['kind'];
  readonly label: string;
  readonly items: readonly (readonly [GroupKey, string])[];
}

const CLUSTERS: readonly ClusterSpec[] = [
  {
    key: 'studiesucces',
    fieldId: 'doel',
    kind: 'common',
    label: 'Studiesucces eerstejaars: uitval eerder zien en verlagen',
    items: [
      ['noord', 'd2'],
      ['noord', 'd5'],
      ['oost', 'd2'],
      ['zuid', 'd2'],
    ],
  },
  {
    key: 'gekozen-doel',
    fieldId: 'doel',
    kind: 'difference',
    label: 'Gekozen doel verschilt: studentbegeleiding, kwaliteit van vakken of inzicht voor de student zelf',
    items: [
      ['noord', 'd1'],
      ['oost', 'd1'],
      ['zuid', 'd1'],
    ],
  },
  {
    key: 'management',
    fieldId: 'doelgroep',
    kind: 'common',
    label: 'Management alleen geaggregeerd, geen individuele signalen',
    items: [
      ['noord', 'g4'],
      ['oost', 'g4'],
      ['zuid', 'g3'],
    ],
  },
  {
    key: 'bekeken',
    fieldId: 'kansen-risicos',
    kind: 'common',
    label: 'Studenten voelen zich bekeken',
    items: [
      ['noord', 'k1'],
      ['oost', 'k1'],
      ['zuid', 'k1'],
    ],
  },
  {
    key: 'afrekenen',
    fieldId: 'kansen-risicos',
    kind: 'common',
    label: 'Docenten vrezen afgerekend te worden',
    items: [
      ['noord', 'k6'],
      ['oost', 'k2'],
      ['zuid', 'k4'],
    ],
  },
  {
    key: 'gradebook',
    fieldId: 'data',
    kind: 'common',
    label: 'Gradebook in Brightspace niet op orde, deelcijfers in Excel',
    items: [
      ['noord', 'da3'],
      ['oost', 'da3'],
      ['zuid', 'da2'],
    ],
  },
  {
    key: 'prioriteiten',
    fieldId: 'commitment-cvb',
    kind: 'common',
    label: 'Concurrentie met roostersysteem en bezuinigingen',
    items: [
      ['noord', 'c1'],
      ['oost', 'c2'],
      ['zuid', 'c1'],
    ],
  },
  {
    key: 'studentenraad',
    fieldId: 'stakeholders',
    kind: 'common',
    label: 'Studentenraad en opleidingscommissie vroeg betrekken',
    items: [
      ['noord', 's1'],
      ['oost', 's1'],
      ['zuid', 's1'],
    ],
  },
  {
    key: 'privacy-officer',
    fieldId: 'dpia-maatregelen-naleving',
    kind: 'common',
    label: 'Privacy officer vroeg betrekken, vóór pilot en aanschaf',
    items: [
      ['noord', 'p9'],
      ['oost', 'p9'],
      ['zuid', 'p9'],
    ],
  },
  {
    key: 'opt-in-out',
    fieldId: 'ethiek',
    kind: 'difference',
    label: 'Opt-out (Noord) of opt-in (Zuid) voor persoonlijke signalen',
    items: [
      ['noord', 'e1'],
      ['zuid', 'e1'],
    ],
  },
];

const PLENARY_WORDINGS: readonly { readonly fieldId: string; readonly text: string }[] = [
  {
    fieldId: 'doel',
    text: 'Hogeschool Lindenhaven zet learning analytics in voor het studiesucces van eerstejaars: eerst als steun voor de studentbegeleiding, waarbij studieadviseurs tijdig zien wie vastloopt en de student zelf hetzelfde overzicht ziet. Kwaliteitsverbetering van vakken op geaggregeerd niveau is de tweede stap.',
  },
  {
    fieldId: 'doelgroep',
    text: 'Eerstejaarsstudenten en hun studieadviseurs. Docenten krijgen overzichten op groeps- of vakniveau; management alleen geaggregeerd, nooit individuele signalen.',
  },
  {
    fieldId: 'kansen-risicos',
    text: 'Kansen: eerder en persoonlijker contact met eerstejaars die vastlopen, meer eigen regie voor studenten en vakken die al tijdens het blok verbeteren. Risico’s: studenten voelen zich bekeken, docenten vrezen afgerekend te worden en onvolledige data leiden tot verkeerde conclusies. Daarom: transparant zijn, klein beginnen, en een signaal is altijd een aanleiding voor een gesprek.',
  },
  {
    fieldId: 'data',
    text: 'We beginnen met wat er al is: resultaten uit Osiris en tussenresultaten uit het gradebook van Brightspace. Voorwaarde is dat alle eerstejaarsvakken hun gradebook op orde hebben. Klikdata en aanwezigheid gebruiken we (nog) niet.',
  },
  {
    fieldId: 'stakeholders',
    text: 'Studentenraad, opleidingscommissies en OR betrekken we vanaf nu, niet achteraf. Verder: het team studieadviseurs, docenten van de eerstejaarsvakken (ook de sceptici), functioneel beheer Brightspace en Osiris, BI, communicatie en de privacy officer.',
  },
  {
    fieldId: 'privacy',
    text: 'Vóór de pilot doen we samen met de privacy officer een DPIA: grondslag, dataminimalisatie, rollen en rechten, bewaartermijnen en een privacyverklaring in gewone taal. De student ziet altijd zelf als eerste wat de adviseur ziet. Opt-in of opt-out beslissen we in de Code of Practice.',
  },
];

// ————————————————————————————————————————————————————————————————— builders

/** Minutes after the start of the workshop (09:30 local) that each part began. */
const SCHEDULE = { welcome: 6, vel1: 25, vel1Talk: 52, vel2: 85, vel2Talk: 112, plenary: 160, actions: 195 } as const;

function buildNote(
  board: GroupKey | 'plenair',
  sheet: SheetTemplate,
  fieldId: string,
  index: number,
  spec: NoteSpec,
  createdAt: number,
  z: number,
  wordings: ReadonlyMap<string, string>,
): Note {
  const { x, y } = place(sheet, fieldId, index, wordings);
  return {
    id: noteId(board, spec.key),
    sheetId: sheet.id,
    fieldId,
    x,
    y,
    color: PEOPLE[spec.by].color,
    text: spec.text,
    authorId: personId(spec.by),
    createdAt,
    z,
  };
}

function groupBoard(spec: GroupSpec, start: number): ExportBoard {
  const at = (minute: number): number => start + Math.round(minute * MINUTE);
  const notes: Note[] = [];
  const marks: Mark[] = [];
  const perSheet = new Map<string, number>();
  // The notes make room for the wordings the group agreed on.
  const wordings = new Map(spec.wordings.map((w) => [w.fieldId, w.text]));
  for (const fieldId of GROUP_FIELDS) {
    const sheet = sheetOf(fieldId);
    spec.notes[fieldId].forEach((noteSpec, index) => {
      const order = perSheet.get(sheet.id) ?? 0;
      perSheet.set(sheet.id, order + 1);
      const round = sheet.id === 'vel1' ? SCHEDULE.vel1 : SCHEDULE.vel2;
      const note = buildNote(
        spec.key,
        sheet,
        fieldId,
        index,
        noteSpec,
        at(round + spec.lag + order * 0.55),
        notes.length + 1,
        wordings,
      );
      notes.push(note);
      for (const [person, value] of Object.entries(noteSpec.marks) as [PersonKey, MarkValue][]) {
        marks.push({ noteId: note.id, participantId: personId(person), value });
      }
    });
  }
  const id = (key: string): string => noteId(spec.key, key);
  const talk = (fieldId: string): number => (sheetOf(fieldId).id === 'vel1' ? SCHEDULE.vel1Talk : SCHEDULE.vel2Talk);

  const votes: Vote[] = [];
  for (const [person, keys] of Object.entries(spec.votes) as [PersonKey, readonly string[]][]) {
    keys.forEach((key, slot) => votes.push({ noteId: id(key), participantId: personId(person), slot }));
  }

  const formulations: Formulation[] = spec.wordings.map((w, index) => ({
    fieldId: w.fieldId,
    sheetId: sheetOf(w.fieldId).id,
    text: w.text,
    sourceNoteIds: w.from.map(id),
    updatedBy: personId(w.by),
    updatedAt: at(talk(w.fieldId) + spec.lag + index * 2.5),
  }));

  const deferrals: Deferral[] = spec.deferrals.map((d, index) => ({
    id: `demo-d-${spec.key}-${d.key}`,
    sheetId: sheetOf(d.fieldId).id,
    fieldId: d.fieldId,
    noteId: d.note === null ? null : id(d.note),
    question: d.question,
    findOut: d.findOut,
    askWhom: d.askWhom,
    owner: PEOPLE[d.owner].name,
    createdBy: personId(d.by),
    createdAt: at(talk(d.fieldId) + spec.lag + 6 + index * 3),
  }));

  const highlights: Highlight[] = spec.highlights.map(([key, by]) => ({ noteId: id(key), by: personId(by) }));

  const choices: Choice[] = spec.choices.map((c) =>
    'note' in c
      ? { fieldId: c.fieldId, targetKind: 'note', targetId: id(c.note), by: personId(c.by) }
      : { fieldId: c.fieldId, targetKind: 'formulation', targetId: c.fieldId, by: personId(c.by) },
  );

  return { boardId: groupId(spec.key), notes, marks, votes, formulations, deferrals, highlights, choices };
}

function plenaryBoard(start: number): ExportBoard {
  const notes: Note[] = [];
  for (const fieldId of ['opvallend', 'vragen-vooraf'] as const) {
    WELCOME[fieldId].forEach((spec, index) => {
      notes.push(
        buildNote(
          'plenair',
          welcomeSheet,
          fieldId,
          index,
          spec,
          start + (SCHEDULE.welcome + notes.length * 1.5) * MINUTE,
          notes.length + 1,
          new Map(),
        ),
      );
    });
  }
  return {
    boardId: PLENARY_BOARD_ID,
    notes,
    marks: [],
    votes: [],
    formulations: [],
    deferrals: [],
    highlights: [],
    choices: [],
  };
}

interface ActionPlan {
  readonly who: string;
  readonly whoParticipantId: string | null;
  /** Days after the workshop; null for "not decided". */
  readonly dueIn: number | null;
  readonly status: ActionStatus;
}

function actions(boards: readonly ExportBoard[], day: number, start: number, now: number): ActionItem[] {
  const facilitator = personId(FACILITATOR);
  let count = 0;
  const context = () => {
    count++;
    return {
      id: `demo-a-${String(count).padStart(2, '0')}`,
      createdBy: facilitator,
      now: start + (SCHEDULE.actions + count * 2) * MINUTE,
      locale: 'nl' as const,
    };
  };
  const today = isoDate(now);
  /** Status changes were made the day after the workshop; what is done was not due after today. */
  const plan = (item: ActionItem, p: ActionPlan): ActionItem => {
    const due = p.dueIn === null ? '' : dueDate(day, p.dueIn);
    return {
      ...item,
      who: p.who,
      whoParticipantId: p.whoParticipantId,
      when: p.status === 'done' && due > today ? today : due,
      status: p.status,
      updatedAt: p.status === 'open' ? item.updatedAt : day + DAY + (10 + count) * 60 * MINUTE,
    };
  };
  const person = (key: PersonKey, dueIn: number | null, status: ActionStatus): ActionPlan => ({
    who: PEOPLE[key].name,
    whoParticipantId: personId(key),
    dueIn,
    status,
  });
  const role = (who: string, dueIn: number | null, status: ActionStatus): ActionPlan => ({
    who,
    whoParticipantId: null,
    dueIn,
    status,
  });

  const board = (key: GroupKey): ExportBoard => {
    const found = boards.find((b) => b.boardId === groupId(key));
    if (found === undefined) throw new Error(`demo: no board ${key}`);
    return found;
  };
  const fromDeferral = (group: GroupKey, key: string, p: ActionPlan): ActionItem => {
    const deferral = board(group).deferrals.find((d) => d.id === `demo-d-${group}-${key}`);
    if (deferral === undefined) throw new Error(`demo: no deferral ${key}`);
    return plan(actionFromDeferral(deferral, groupId(group), context()), p);
  };
  const fromNote = (group: GroupKey, key: string, p: ActionPlan): ActionItem => {
    const note = board(group).notes.find((x) => x.id === noteId(group, key));
    if (note === undefined) throw new Error(`demo: no note ${key}`);
    return plan(actionFromNote(note, groupId(group), context()), p);
  };
  const direct = (
    what: string,
    sourceKind: 'synthesis' | 'direct',
    sourceFieldId: string | null,
    p: ActionPlan,
  ): ActionItem => {
    const { id, createdBy, now } = context();
    const item: ActionItem = {
      id,
      what,
      who: '',
      whoParticipantId: null,
      when: '',
      status: 'open',
      sourceKind,
      sourceGroupId: null,
      sourceFieldId,
      sourceNoteId: null,
      sourceDeferralId: null,
      createdBy,
      createdAt: now,
      updatedAt: now,
    };
    return plan(item, p);
  };

  return [
    fromDeferral('noord', 'gradebook', person('ahmed', 14, 'doing')),
    fromDeferral('noord', 'studentenraad', person('daan', 1, 'done')),
    fromDeferral('oost', 'grondslag', person('femke', 21, 'open')),
    fromDeferral('oost', 'instellingsplan', person('ruud', 14, 'open')),
    fromDeferral('oost', 'or', person('joris', null, 'open')),
    fromDeferral('zuid', 'portefeuille', person('kees', 10, 'doing')),
    fromDeferral('zuid', 'bias', person('bram', 28, 'open')),
    fromNote('oost', 'da3', role('ICTO en opleidingscoördinatoren', 42, 'open')),
    fromNote('zuid', 'p9', role('privacy officer', 10, 'doing')),
    direct(
      'Opzet voor een Code of Practice Privacy & Ethiek schrijven met studenten en docenten; daarin beslissen over opt-in of opt-out',
      'synthesis',
      'ethiek',
      person('esther', 56, 'open'),
    ),
    direct(
      'Pilotvoorstel studentbegeleiding eerstejaars (twee opleidingen, start blok 3) met begroting voorleggen aan het CvB',
      'direct',
      'commitment-cvb',
      person('ruud', 35, 'open'),
    ),
    direct(
      'Verslag met foto’s van de canvassen en de actielijst rondsturen aan alle deelnemers',
      'direct',
      null,
      person('ingrid', 1, 'done'),
    ),
  ];
}

// ————————————————————————————————————————————————————————————————— the demo

/**
 * The demo workshop as a backup-shaped export, for the report preview, the exports and an
 * importable example. Pure and deterministic: everything follows from `now` (ms since epoch).
 */
export function demoWorkshop(now: number): WorkshopExport {
  const day = workshopDay(now);
  const start = day + 8 * 60 * MINUTE + 30 * MINUTE; // 09:30 in the Netherlands in winter
  const boards: ExportBoard[] = [plenaryBoard(start), ...GROUP_SPECS.map((spec) => groupBoard(spec, start))];
  const itemId = ([group, key]: readonly [GroupKey, string]): string => noteId(group, key);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workshop: {
      id: 'demo-lindenhaven-la',
      title: 'Learning analytics in het eerste jaar',
      institution: 'Hogeschool Lindenhaven',
      date: isoDate(day),
      language: 'nl',
      exportedAt: Math.max(0, Math.floor(now)),
    },
    participants: (Object.keys(PEOPLE) as PersonKey[]).map((key) => {
      const group = PEOPLE[key].group;
      return {
        id: personId(key),
        name: displayName(key),
        role: key === FACILITATOR ? 'facilitator' : 'participant',
        groupId: group === null ? null : groupId(group),
      };
    }),
    groups: GROUPS.map((g) => ({ id: groupId(g.key), name: g.name, color: g.color })),
    boards,
    synthesis: {
      clusters: CLUSTERS.map((c) => ({
        id: `demo-c-${c.key}`,
        fieldId: c.fieldId,
        itemIds: c.items.map(itemId),
        kind: c.kind,
        label: c.label,
      })),
      plenaryFormulations: PLENARY_WORDINGS.map((w) => ({ fieldId: w.fieldId, text: w.text })),
    },
    actions: actions(boards, day, start, now),
  };
}
