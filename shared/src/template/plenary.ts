import { discussiemodelTemplate } from './discussiemodel';
import type { CanvasTemplate, LocalizedText, SheetTemplate } from './types';

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/**
 * The welcome sheet of the plenary board: the handbook's opening ("Tijdens de workshop —
 * Plenair"): what stood out in the pre-reading, and questions before the discussion starts.
 */
export const welcomeSheet: SheetTemplate = {
  id: 'welkom',
  label: t('Welkom', 'Welcome'),
  title: t('Welkom en voorbereiding', 'Welcome and pre-reading'),
  background: t(
    'De initiatiefnemer of procesbegeleider heet iedereen welkom en licht het doel van de workshop toe: gezamenlijk bespreken en bepalen van doel, doelgroep, stakeholders, aandachtspunten en vervolgacties met betrekking tot learning analytics in de instelling. Daarna bespreekt de groep kort wat er als voorbereiding gelezen is.',
    'The initiator or facilitator welcomes everyone and explains the goal of the workshop: to discuss and decide together on the goal, target group, stakeholders, points of attention and follow-up actions regarding learning analytics in the institution. The group then briefly discusses what was read in preparation.',
  ),
  width: 1189,
  height: 841,
  fields: [
    {
      id: 'opvallend',
      title: t('WAT VIEL OP?', 'WHAT STOOD OUT?'),
      questions: [
        t('Wat viel op in wat je als voorbereiding gelezen hebt?', 'What stood out in what you read in preparation?'),
      ],
      background: t(
        'Het is aan te raden dat iedere deelnemer vooraf de volgende documenten leest: de whitepaper “Hoe data de kwaliteit van het onderwijs kunnen verbeteren”, “Instellingen experimenteren met learning analytics” en “Learning analytics in het onderwijs: een onderwijskundig perspectief”.',
        'It is advisable for every participant to read the following documents beforehand: the white paper “How data can improve the quality of education”, “Institutions experimenting with learning analytics” and “Learning analytics in education: an educational perspective”.',
      ),
      examples: [],
      links: [
        {
          label: t(
            'Whitepaper: Hoe data de kwaliteit van het onderwijs kunnen verbeteren',
            'White paper: How data can improve the quality of education',
          ),
          url: 'https://www.surf.nl/files/2019-05/Whitepaper-Hoe-data-de-kwaliteit-van-het-onderwijs-kunnen-verbeteren-2019.pdf',
        },
        {
          label: t(
            'Instellingen experimenteren met learning analytics',
            'Institutions experimenting with learning analytics',
          ),
          url: 'https://www.surf.nl/files/2019-02/Instellingen-experimenteren-met-learning-analytics.pdf',
        },
        {
          label: t(
            'Learning analytics in het onderwijs: een onderwijskundig perspectief',
            'Learning analytics in education: an educational perspective',
          ),
          url: 'https://www.surf.nl/rapport-learning-analytics-in-het-onderwijs-een-onderwijskundig-perspectief',
        },
      ],
      rect: { x: 30, y: 120, width: 555, height: 691 },
      tint: '#e0ecfb',
    },
    {
      id: 'vragen-vooraf',
      title: t('VRAGEN VOORAF', 'QUESTIONS FIRST'),
      questions: [
        t(
          'Zijn er nog belangrijke vragen, voordat de discussie gestart kan worden?',
          'Are there any important questions before the discussion can start?',
        ),
      ],
      background: t(
        'Vragen die nu opkomen kunnen in de workshop beantwoord worden, of worden een actiepunt: wat moet je nog achterhalen, wie moet je nog spreken, en wie gaat dat doen?',
        'Questions that come up now can be answered during the workshop, or become an action point: what still needs to be found out, whom do you still need to talk to, and who will do it?',
      ),
      examples: [],
      links: [],
      rect: { x: 604, y: 120, width: 555, height: 691 },
      tint: '#fdf1d6',
    },
  ],
};

/** The plenary board: the welcome sheet and both sheets of the model (used without subgroups). */
export const plenaryTemplate: CanvasTemplate = {
  ...discussiemodelTemplate,
  id: 'discussiemodel-la-plenair',
  sheets: [welcomeSheet, ...discussiemodelTemplate.sheets],
};

/** The template of a board: subgroup boards have both sheets; the plenary board also the welcome sheet. */
export function templateForBoard(boardId: string): CanvasTemplate {
  return boardId === 'plenary' ? plenaryTemplate : discussiemodelTemplate;
}
