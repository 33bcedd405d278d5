import type { LocalizedText } from '../template/types';

/**
 * The workshop script of the handbook ("Praktische invulling van de workshop") as one table.
 * Each phase says which board participants work on, which sheet, whether notes are private while
 * written, and what participants may do. Server guards and browser buttons read this same table.
 */

/** Identifiers of the phases, in script order. */
export const PHASE_IDS = [
  'open',
  'welcome',
  'vel1-write',
  'vel1-discuss',
  'vel2-write',
  'vel2-discuss',
  'prepare',
  'presentations',
  'synthesis',
  'actions',
  'done',
] as const;

/** One phase of the script. */
export type PhaseId = (typeof PHASE_IDS)[number];

/** Things a participant may do; a facilitator may always do all of them (unless closed). */
export type Permission =
  /** Write, edit and delete own notes; move any note. */
  | 'notes'
  /** Agree / disagree / open on notes. */
  | 'mark'
  /** Place voting dots. */
  | 'vote'
  /** Edit the group's agreed wording per field. */
  | 'formulate'
  /** Mark a question "kunnen we nu niet beantwoorden" and fill the draft action. */
  | 'defer'
  /** Pick highlights for the presentation. */
  | 'highlight'
  /** Choose one's own subgroup (when the workshop allows it). */
  | 'choose-group'
  /** Edit synthesis and action items in plenary (issue 4). */
  | 'plenary-edit'
  /** Put a question or reaction to the presenting subgroup (its side list). */
  | 'ask';

/** Which board a phase is about, for participants. */
export type PhaseBoard =
  /** The workshop-wide board. */
  | 'plenary'
  /** Each participant's own subgroup board. */
  | 'group'
  /** The subgroup the facilitator spotlights. */
  | 'spotlight';

/**
 * What a phase opens on every screen: the canvas of the board, the synthesis across subgroups, or
 * the action list (the handbook's closing plenary). From a phase that opens the synthesis or the
 * actions on, participants may switch between the three themselves.
 */
export type PhaseView = 'board' | 'synthesis' | 'actions';

/** A phase as data. */
export interface PhaseDefinition {
  readonly id: PhaseId;
  readonly label: LocalizedText;
  /** What the phase asks of participants, from the handbook; shown on every screen. */
  readonly instruction: LocalizedText;
  /** Suggested duration; the phases together take a half day (dagdeel). */
  readonly minutes: number;
  readonly board: PhaseBoard;
  /** The sheet the phase works on; null when participants may look at either. */
  readonly sheetId: 'vel1' | 'vel2' | 'welkom' | null;
  /** Sheets on which notes may be written in this phase (empty: none). */
  readonly writableSheets: readonly string[];
  /** Notes are visible only to their author and facilitators while written (silent writing). */
  readonly privateWriting: boolean;
  /** Leaving this phase reveals the silently written notes: the server places them on the boards. */
  readonly revealsOnLeave: boolean;
  /** Subgroups present in turn: the spotlighted board is shown and a presenter steps through its fields. */
  readonly presentation: boolean;
  /** The view the phase opens for everyone. */
  readonly view: PhaseView;
  /** What participants may do. */
  readonly participant: readonly Permission[];
  /**
   * The instruction when the workshop has one group (or none): the handbook's small team of 4–5
   * has nobody to compare with, so the phase becomes a review of the group's own sheets.
   */
  readonly singleGroupInstruction?: LocalizedText;
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/**
 * The phases of the handbook's workshop, in order, preceded by "open": before the script starts
 * (preparing, trying the canvas, or a small team without subgroups) everyone may work freely.
 */
export const PHASES: readonly PhaseDefinition[] = [
  {
    id: 'open',
    label: t('Vrij werken', 'Open canvas'),
    instruction: t(
      'Het canvas is open: iedereen kan notities plaatsen op beide vellen. De procesbegeleider start de workshop wanneer iedereen er is.',
      'The canvas is open: everyone can place notes on both sheets. The facilitator starts the workshop when everyone is here.',
    ),
    minutes: 0,
    board: 'group',
    sheetId: null,
    writableSheets: ['welkom', 'vel1', 'vel2'],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'board',
    participant: ['notes', 'mark', 'vote', 'formulate', 'defer', 'choose-group'],
  },
  {
    id: 'welcome',
    label: t('Welkom', 'Welcome'),
    instruction: t(
      'Welkom! Het doel van deze workshop: samen doel, doelgroep, stakeholders, aandachtspunten en vervolgacties voor learning analytics in onze instelling bespreken en bepalen. Wat viel je op in de voorbereidende leesstukken? Zijn er nog belangrijke vragen voordat we beginnen? Zet ze op het plenaire bord.',
      'Welcome! The goal of this workshop: to discuss and decide together on the goal, target group, stakeholders, points of attention and follow-up actions for learning analytics in our institution. What stood out in the pre-reading? Are there important questions before we start? Put them on the plenary board.',
    ),
    minutes: 20,
    board: 'plenary',
    sheetId: 'welkom',
    writableSheets: ['welkom'],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'board',
    participant: ['notes', 'mark', 'choose-group'],
  },
  {
    id: 'vel1-write',
    label: t('Vel 1 — individueel schrijven', 'Sheet 1 — write individually'),
    instruction: t(
      'Schrijf ieder voor zich op wat je bij de vragen van vel 1 (doel en doelgroep) bedenkt: één gedachte per notitie. De anderen zien je notities pas als de bespreking begint.',
      'Each of you writes down your thoughts on the questions of sheet 1 (goal and target group): one thought per note. The others see your notes only when the discussion starts.',
    ),
    minutes: 15,
    board: 'group',
    sheetId: 'vel1',
    writableSheets: ['vel1'],
    privateWriting: true,
    revealsOnLeave: true,
    presentation: false,
    view: 'board',
    participant: ['notes'],
  },
  {
    id: 'vel1-discuss',
    label: t('Vel 1 — bespreken', 'Sheet 1 — discuss'),
    instruction: t(
      'Bespreek vel 1: op welke punten zijn we het eens en oneens? In welke formulering kunnen we ons allemaal vinden? Kies één doel en maximaal twee concrete vragen. Kun je een vraag nu niet beantwoorden, maak er dan een actiepunt van.',
      'Discuss sheet 1: where do we agree and disagree? Which wording can we all accept? Choose one goal and at most two concrete questions. If a question cannot be answered now, make it an action point.',
    ),
    minutes: 30,
    board: 'group',
    sheetId: 'vel1',
    writableSheets: ['vel1'],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'board',
    participant: ['notes', 'mark', 'vote', 'formulate', 'defer'],
  },
  {
    id: 'vel2-write',
    label: t('Vel 2 — individueel schrijven', 'Sheet 2 — write individually'),
    instruction: t(
      'Schrijf ieder voor zich zoveel mogelijk op wat je ideeën en gedachten zijn over de randvoorwaarden op vel 2: data, visie en beleid, commitment van het CvB, stakeholders, privacy en ethiek.',
      'Each of you writes down as many ideas and thoughts as you can on the preconditions of sheet 2: data, vision and policy, Executive Board commitment, stakeholders, privacy and ethics.',
    ),
    minutes: 15,
    board: 'group',
    sheetId: 'vel2',
    writableSheets: ['vel2'],
    privateWriting: true,
    revealsOnLeave: true,
    presentation: false,
    view: 'board',
    participant: ['notes'],
  },
  {
    id: 'vel2-discuss',
    label: t('Vel 2 — bespreken', 'Sheet 2 — discuss'),
    instruction: t(
      'Bespreek wat er op vel 2 staat: waar zijn we het over eens, waar niet, en welke formulering kunnen we allemaal onderschrijven? Maak actiepunten van vragen die we nu niet kunnen beantwoorden.',
      'Discuss what is on sheet 2: what do we agree on, what not, and which wording can we all endorse? Turn questions we cannot answer now into action points.',
    ),
    minutes: 35,
    board: 'group',
    sheetId: 'vel2',
    writableSheets: ['vel2'],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'board',
    participant: ['notes', 'mark', 'vote', 'formulate', 'defer'],
  },
  {
    id: 'prepare',
    label: t('Presentatie voorbereiden', 'Prepare the presentation'),
    instruction: t(
      'Bereid met je subgroep een korte presentatie van het ingevulde canvas voor: kies de hoogtepunten die jullie plenair willen laten zien.',
      'Prepare a short presentation of your filled-in canvas with your subgroup: pick the highlights you want to show in plenary.',
    ),
    minutes: 15,
    board: 'group',
    sheetId: null,
    writableSheets: ['vel1', 'vel2'],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'board',
    participant: ['notes', 'mark', 'formulate', 'defer', 'highlight'],
  },
  {
    id: 'presentations',
    label: t('Presentaties', 'Presentations'),
    instruction: t(
      'Iedere subgroep presenteert kort de ingevulde canvassen. Kijk en luister mee; de procesbegeleider laat zien welke groep aan de beurt is. Een vraag of reactie voor de groep? Zet hem in de lijst naast het vel.',
      'Each subgroup briefly presents its filled-in canvases. Watch and listen; the facilitator shows which group is presenting. A question or reaction for the group? Put it in the list beside the sheet.',
    ),
    minutes: 30,
    board: 'spotlight',
    sheetId: null,
    writableSheets: [],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: true,
    view: 'board',
    participant: ['ask'],
  },
  {
    id: 'synthesis',
    label: t('Synthese', 'Synthesis'),
    instruction: t(
      'Samen kijken we naar de gemene delers en de verschillen tussen de subgroepen. Kunnen we de gemene delers vaststellen en tot een compromis komen waar de antwoorden verschillen?',
      'Together we look at what the subgroups have in common and where they differ. Can we establish the common ground and reach a compromise where the answers differ?',
    ),
    minutes: 30,
    board: 'plenary',
    sheetId: null,
    writableSheets: [],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'synthesis',
    participant: ['plenary-edit'],
    singleGroupInstruction: t(
      'Met één groep is de synthese een terugblik op jullie eigen vellen: loop veld voor veld na wat er staat en wat jullie kozen. Staat er een formulering waar iedereen zich in kan vinden? Maak van open vragen een actiepunt.',
      'With one group the synthesis is a review of your own sheets: go through what is there and what you chose, field by field. Is there a wording everyone can accept? Turn open questions into action points.',
    ),
  },
  {
    id: 'actions',
    label: t('Vervolgacties', 'Follow-up actions'),
    instruction: t(
      'Ten slotte bepalen we samen: wat zijn de vervolgacties en -stappen? Wat moet er nog worden uitgezocht, wie moet er nog gesproken worden, wie doet het en wanneer?',
      'Finally we decide together: what are the follow-up actions and steps? What still needs to be found out, whom do we still need to talk to, who does it and when?',
    ),
    minutes: 25,
    board: 'plenary',
    sheetId: null,
    writableSheets: [],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'actions',
    participant: ['plenary-edit'],
  },
  {
    id: 'done',
    label: t('Afgerond', 'Finished'),
    instruction: t(
      'De workshop is afgerond. Dank voor je bijdrage! De resultaten en actiepunten blijven hier te lezen.',
      'The workshop is finished. Thank you for your contribution! The results and action points remain readable here.',
    ),
    minutes: 0,
    board: 'plenary',
    sheetId: null,
    writableSheets: [],
    privateWriting: false,
    revealsOnLeave: false,
    presentation: false,
    view: 'actions',
    participant: [],
  },
];

/** The definition of a phase. */
export function phase(id: PhaseId): PhaseDefinition {
  const found = PHASES.find((p) => p.id === id);
  if (!found) throw new Error(`unknown phase ${id}`);
  return found;
}

/** Whether a string is a phase id (remote data). */
export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (PHASE_IDS as readonly string[]).includes(value);
}

/** The phase after this one, or undefined at the end. */
export function nextPhase(id: PhaseId): PhaseId | undefined {
  return PHASE_IDS[PHASE_IDS.indexOf(id) + 1];
}

/** The phase before this one, or undefined at the start. */
export function previousPhase(id: PhaseId): PhaseId | undefined {
  const index = PHASE_IDS.indexOf(id);
  return index > 0 ? PHASE_IDS[index - 1] : undefined;
}

/** Total suggested minutes of the script. */
export function totalMinutes(phases: readonly PhaseDefinition[] = PHASES): number {
  return phases.reduce((sum, p) => sum + p.minutes, 0);
}
