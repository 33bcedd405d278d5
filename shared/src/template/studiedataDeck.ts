import type { Locale, LocalizedText } from './types';

/**
 * An inspiration deck: short statements on adopting study data in an institution, from
 * `seeds/studiedata-kaarten.txt` (a text extraction of a card set), for participants who are
 * stuck on a field, especially on sheet 2 (preconditions).
 *
 * How the source was cleaned:
 * - broken lines joined; words split over two lines rejoined ("samen|werking", "bijvoor|beeld",
 *   "studiedata|gebruik"), extraction gaps closed ("inzichte lijk", "studie datagebruik",
 *   "stake holdergroepen");
 * - obvious typos corrected, nothing else reworded: "Dissimineer" → "Dissemineer", "ketenparters"
 *   → "ketenpartners", "zoals als" → "zoals", "iedere gebruik" → "iedere gebruiker",
 *   "geautomatiseerde wijze" → "op geautomatiseerde wijze", "uptodate" → "up-to-date",
 *   "iedereen die … willen maken" → "wil maken";
 * - card sd-49 is cut off in the source ("… continu aansluiten op"); it is kept, with an ellipsis
 *   and a note, rather than completed by guesswork.
 *
 * Categories: the extraction names the three categories (Processen, Stakeholders, Studiedata)
 * only once, as a legend; which card belongs to which was shown by the card's colour, which the
 * text lost. The category of each card below is therefore our reading of its content:
 * processen — organisation, governance, goals, vision, policy and evaluation (23 cards);
 * stakeholders — people: culture, involvement, training, support, management (24 cards);
 * studiedata — the data themselves: storage, standards, quality, access and use (20 cards).
 * The English texts are our translations.
 */

/** The three kinds of statement in the deck. */
export type InspirationCategory = 'processen' | 'stakeholders' | 'studiedata';

/** One statement of the deck. */
export interface InspirationCard {
  /** Stable, in source order: "sd-01" … "sd-67". */
  readonly id: string;
  readonly category: InspirationCategory;
  readonly text: LocalizedText;
  /** An editorial remark, e.g. that the source text is incomplete. */
  readonly note?: LocalizedText;
}

/** The categories in the order of the source's legend, with their labels. */
export const DECK_CATEGORIES: readonly { readonly id: InspirationCategory; readonly label: LocalizedText }[] = [
  { id: 'processen', label: { nl: 'Processen', en: 'Processes' } },
  { id: 'stakeholders', label: { nl: 'Stakeholders', en: 'Stakeholders' } },
  { id: 'studiedata', label: { nl: 'Studiedata', en: 'Study data' } },
];

/** The deck's title and source, for the panel that shows it. */
export const STUDIEDATA_DECK_INFO: { readonly title: LocalizedText; readonly source: LocalizedText } = {
  title: { nl: 'Inspiratiekaarten studiedata', en: 'Study data inspiration cards' },
  source: {
    nl: 'Uitspraken over de adoptie van studiedata in een instelling, gegroepeerd als Processen, Stakeholders en Studiedata. De indeling per kaart en de Engelse vertaling zijn van ons.',
    en: 'Statements on adopting study data in an institution, grouped as Processes, Stakeholders and Study data. The category of each card and the English translation are ours.',
  },
};

const P = 'processen';
const S = 'stakeholders';
const D = 'studiedata';

/** [category, Dutch, English], in source order; ids are given by position. */
const CARDS: readonly (readonly [InspirationCategory, string, string])[] = [
  [
    P,
    'Beschrijf welke fases doorlopen worden bij de adoptie van het gebruik van studiedata',
    'Describe the phases an institution goes through when adopting the use of study data',
  ],
  [
    S,
    'Creëer een cultuur waarin het gebruik van studiedata als positief wordt ervaren',
    'Create a culture in which the use of study data is experienced as positive',
  ],
  [
    D,
    'Studiedata worden gebruikt in interne rapportages en/of presentaties',
    'Study data are used in internal reports and/or presentations',
  ],
  [
    D,
    'Stel gebruikers in staat om op een centrale plek zelfstandig studiedata te kunnen raadplegen',
    'Enable users to consult study data on their own in one central place',
  ],
  [
    S,
    'Coach medewerkers om gebruik te maken van studiedata bij het maken van beslissingen',
    'Coach staff to make use of study data when making decisions',
  ],
  [D, 'Gebruik een datastandaard zoals xAPI', 'Use a data standard such as xAPI'],
  [
    S,
    'Stel gebruikers in staat om op een centrale plek vragen te kunnen stellen over studiedata',
    'Enable users to ask questions about study data in one central place',
  ],
  [
    D,
    'Zorg voor kwalitatief goede data en analyses, aangezien fouten het vertrouwen in studiedatagebruik ernstig kunnen beschadigen',
    'Ensure high-quality data and analyses, since errors can seriously damage trust in the use of study data',
  ],
  [
    D,
    'Maak inzichtelijk in welke studiedata benodigd zijn voor de gestelde doelen',
    'Make clear which study data are needed for the goals that have been set',
  ],
  [
    P,
    'Coördineer studiedataprojecten zo veel mogelijk centraal',
    'Coordinate study data projects centrally as far as possible',
  ],
  [
    S,
    'Ontwikkel trainingsmateriaal voor nieuwe gebruikers van studiedata',
    'Develop training material for new users of study data',
  ],
  [D, 'Sla studiedata op in een centrale repository', 'Store study data in a central repository'],
  [
    P,
    'Formeer een studiedatateam bestaande uit meerdere disciplines en definieer de rol van dit team',
    'Form a study data team from several disciplines and define the role of this team',
  ],
  [
    S,
    'Identificeer belangrijke beleidsmakers en betrek hen bij het vormen van beleid op studiedatagebruik',
    'Identify key policymakers and involve them in shaping policy on the use of study data',
  ],
  [D, 'Lees studiedata in door middel van een API', 'Load study data by means of an API'],
  [P, 'Laat faculteiten invulling geven aan studiedatagebruik', 'Let faculties decide how study data are used'],
  [
    S,
    'Betrek eindgebruikers zoals studenten, docenten, studieadviseurs en beleidsmakers bij het ontwikkelen en gebruik van studiedataproducten',
    'Involve end users such as students, teachers, study advisers and policymakers in developing and using study data products',
  ],
  [
    D,
    'Maak studiedata inzichtelijk voor zij die hier gebruik van moeten maken',
    'Make study data accessible to those who need to use them',
  ],
  [
    P,
    'Beschrijf de processen rondom studiedatagebruik op een systematische manier',
    'Describe the processes around the use of study data systematically',
  ],
  [
    D,
    'Creëer de mogelijkheid voor mensen om in een veilige omgeving met studiedata te experimenteren',
    'Create the opportunity for people to experiment with study data in a safe environment',
  ],
  [D, 'Schoon studiedata op in samenwerking met domeinexperts', 'Clean study data together with domain experts'],
  [
    P,
    'Stel binnen de faculteiten/afdelingen verantwoordelijken aan die regie voeren over studiedatagebruik',
    'Appoint people within the faculties/departments who are responsible for directing the use of study data',
  ],
  [
    S,
    'Dissemineer interessante uitkomsten en good practices van studiedatagebruik om zo bewustwording en begrip te verhogen',
    'Disseminate interesting results and good practices of study data use to raise awareness and understanding',
  ],
  [P, 'Leg de doelen voor het gebruik van studiedata vast', 'Set down the goals for the use of study data'],
  [
    P,
    'Stel een visie op met betrekking tot het gebruik van studiedata, bijvoorbeeld in de vorm van een Code of Practice',
    'Draw up a vision on the use of study data, for example in the form of a Code of Practice',
  ],
  [
    S,
    'Onderzoek waarom gebruikers studiedata wantrouwen en probeer dit om te vormen in vertrouwen',
    'Find out why users distrust study data and try to turn this into trust',
  ],
  [
    S,
    'Betrek meerdere stakeholdergroepen bij het bepalen van de doelen',
    'Involve several stakeholder groups in setting the goals',
  ],
  [
    S,
    'Betrek meerdere stakeholdergroepen bij het opstellen van een visie',
    'Involve several stakeholder groups in drawing up a vision',
  ],
  [
    D,
    'Gebruik studiedata voor positieve doeleinden; niet om gebruikers te controleren en/of straffen',
    'Use study data for positive purposes; not to check up on and/or punish users',
  ],
  [
    S,
    'Beschrijf de impact van het gebruik van studiedata op de verschillende stakeholdergroepen',
    'Describe the impact of the use of study data on the various stakeholder groups',
  ],
  [
    S,
    'Laat gebruikers feedback geven op studiedataproducten, bijvoorbeeld tijdens feedbacksessies of workshops',
    'Let users give feedback on study data products, for example in feedback sessions or workshops',
  ],
  [
    P,
    'Bepaal op welke manier geïntervenieerd zal worden op basis van studiedata',
    'Decide how to intervene on the basis of study data',
  ],
  [
    S,
    'Laat zien dat er een latente behoefte is door voorbeelden van studiedatagebruik en de effecten hiervan te delen',
    'Show that there is a latent need by sharing examples of study data use and its effects',
  ],
  [
    P,
    'Beschouw welke contextuele elementen, bijvoorbeeld de structuur of grootte van de instelling, van invloed zijn op het gebruik van studiedata',
    'Consider which contextual factors, for example the structure or size of the institution, affect the use of study data',
  ],
  [
    P,
    'Laat de visie aansluiten op de strategie van de instelling',
    'Align the vision with the strategy of the institution',
  ],
  [
    P,
    'Raadpleeg beschikbare instrumenten bij het opstellen van een visie, bijvoorbeeld de landelijke Code of Practice Studiedata, het SHEILA framework of de Code of Practice van JISC',
    'Consult available instruments when drawing up a vision, for example the national Code of Practice Studiedata, the SHEILA framework or the JISC Code of Practice',
  ],
  [
    D,
    'Verzamel vergelijkbare studiedata op meerdere plekken in de instelling',
    'Collect comparable study data in several places in the institution',
  ],
  [
    S,
    'Domeinexperts worden betrokken voor contextuele informatie',
    'Domain experts are involved for contextual information',
  ],
  [
    D,
    'Maak studiedata inzichtelijk voor iedereen die hier gebruik van wil maken',
    'Make study data accessible to everyone who wants to use them',
  ],
  [P, 'Coördineer studiedataprojecten centraal', 'Coordinate study data projects centrally'],
  [
    S,
    'Werk trainingsmateriaal continu bij zodat dit altijd up-to-date is',
    'Keep updating the training material so that it is always up to date',
  ],
  [
    D,
    'Importeer studiedata uit externe bronnen in de interne systemen',
    'Import study data from external sources into the internal systems',
  ],
  [
    P,
    'Geef organisatiebreed invulling aan studiedatagebruik',
    'Organise the use of study data across the whole organisation',
  ],
  [
    S,
    'Maak trainingsmateriaal voor iedere gebruiker beschikbaar, bijvoorbeeld via een opleidingsportaal',
    'Make training material available to every user, for example through a training portal',
  ],
  [D, 'Zorg dat studiedata tijdig en accuraat zijn', 'Make sure study data are timely and accurate'],
  [
    P,
    'Evalueer de effecten van studiedatagebruik en gebruik dit als input voor verbetering',
    'Evaluate the effects of study data use and use this as input for improvement',
  ],
  [
    S,
    'Neem scholing op het gebied van studiedata op in het opleidingsbeleid van de instelling',
    'Include training in study data in the institution’s staff training policy',
  ],
  [D, 'Maak studiedata op geautomatiseerde wijze beschikbaar', 'Make study data available automatically'],
  [
    P,
    'Pas processen geregeld aan zodat deze continu aansluiten op …',
    'Adjust processes regularly so that they keep matching …',
  ],
  [
    S,
    'Zorg voor voldoende personeel dat gekwalificeerd is voor het werken met studiedata',
    'Ensure there are enough staff qualified to work with study data',
  ],
  [P, 'Gebruik studiedata als input voor procesverbeteringen', 'Use study data as input for process improvements'],
  [
    P,
    'Stel centraal verantwoordelijken aan die regie voeren over studiedatagebruik',
    'Appoint people centrally who are responsible for directing the use of study data',
  ],
  [
    S,
    'Betrek (externe) experts bij het scholingstraject zodat voldoende diepgang ontstaat',
    'Involve (external) experts in the training programme so that it goes into enough depth',
  ],
  [
    P,
    'Laat medewerkers beslissingen maken op basis van inzichten verkregen uit studiedata',
    'Let staff make decisions based on insights gained from study data',
  ],
  [
    S,
    'Betrek externe ketenpartners bij het vormgeven van processen rondom studiedata',
    'Involve external partners in the education chain in shaping the processes around study data',
  ],
  [
    S,
    'Laat potentiële gebruikers zien hoe studiedata hun werkzaamheden kunnen bevorderen',
    'Show potential users how study data can help them in their work',
  ],
  [
    D,
    'Gebruik studiedata op een continue basis om de voortgang van studenten te monitoren',
    'Use study data continuously to monitor the progress of students',
  ],
  [
    P,
    'Laat studiedatagebruik integreren met bestaande processen',
    'Integrate the use of study data into existing processes',
  ],
  [
    D,
    'Gebruik de feedback van gebruikers om nieuwe studiedataproducten te ontwikkelen',
    'Use feedback from users to develop new study data products',
  ],
  [
    D,
    'Gebruik studiedata om beslissingen te nemen over beleidsvraagstukken',
    'Use study data to make decisions on policy issues',
  ],
  [
    P,
    'Laat het gebruik van studiedata terugkomen binnen de strategische doelen van de instelling',
    'Make the use of study data part of the strategic goals of the institution',
  ],
  [
    S,
    'Laat ervaren gebruikers van studiedata training geven aan potentiële andere gebruikers',
    'Let experienced users of study data train other potential users',
  ],
  [
    D,
    'Onderzoek op continue basis de mogelijkheden om studiedata te gebruiken',
    'Keep exploring the possibilities for using study data',
  ],
  [
    S,
    'Laat hoger management het gebruik van studiedata promoten en het belang hiervan onderschrijven',
    'Have senior management promote the use of study data and endorse its importance',
  ],
  [
    P,
    'Controleer of de initiële doelstellingen rondom studiedata nog in lijn zijn met de organisatorische doelstellingen',
    'Check whether the initial objectives for study data are still in line with the objectives of the organisation',
  ],
  [
    S,
    'Laat personen met aanzien binnen de instelling als rolmodel fungeren bij het gebruik van studiedata',
    'Let respected people within the institution act as role models in the use of study data',
  ],
  [
    P,
    'Laat het gebruik van studiedata terugkomen binnen het beleid van de instelling',
    'Make the use of study data part of the policy of the institution',
  ],
];

/** Remarks on single cards, by id. */
const NOTES: Readonly<Record<string, LocalizedText>> = {
  'sd-49': {
    nl: 'De bron breekt deze uitspraak af; het slot ontbreekt.',
    en: 'The source cuts this statement off; the end is missing.',
  },
};

/** The study-data statements as cards, in source order. */
export const studiedataDeck: readonly InspirationCard[] = CARDS.map(([category, nl, en], index) => {
  const id = `sd-${String(index + 1).padStart(2, '0')}`;
  const note = NOTES[id];
  return note === undefined ? { id, category, text: { nl, en } } : { id, category, text: { nl, en }, note };
});

/** Lower case without diacritics, so "coordineer" finds "Coördineer". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Cards whose text in `locale` contains every word of the query (case- and accent-insensitive,
 * anywhere in a word, so "visie" also finds "visievorming"); all cards for an empty query.
 */
export function searchDeck(
  query: string,
  locale: Locale,
  deck: readonly InspirationCard[] = studiedataDeck,
): InspirationCard[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return [...deck];
  return deck.filter((card) => {
    const text = fold(card.text[locale]);
    return words.every((word) => text.includes(word));
  });
}
