import type { CanvasTemplate, LocalizedText } from './types';

/** Dutch first, English second: keeps every text pair on one glance. */
const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/*
 * Layout, in millimetres on an A0 landscape sheet (1189 × 841):
 * - a 30 mm margin all round and a 90 mm header band (y 30–120) for the sheet title;
 * - fields tile the rest (x 30–1159, y 120–811) with 20 mm gutters;
 * - the DPIA boxes sit inside PRIVACY below a 100 mm band for its own title and questions,
 *   with 15 mm padding and gutters (16 mm between rows to fill the height exactly).
 */

/** SURF's "Discussiemodel Learning Analytics" (March 2021): two sheets, texts from the handbook. */
export const discussiemodelTemplate: CanvasTemplate = {
  id: 'discussiemodel-la',
  version: 1,
  title: t('Discussiemodel Learning Analytics', 'Learning Analytics Discussion Model'),
  source: t(
    'SURF, ‘Discussiemodel Learning Analytics: een handleiding’ (maart 2021), door Marieke de Wit, Karianne Vermaas en Germaine Poot; canvas en handleiding via https://www.surf.nl/discussiemodel-learning-analytics. De korte toelichtingen bij de zeven DPIA-stappen staan niet in de handleiding: ze vatten de standaardstappen van een DPIA onder de AVG samen.',
    'SURF, ‘Learning Analytics Discussion Model: a guide’ (March 2021), by Marieke de Wit, Karianne Vermaas and Germaine Poot; canvas and guide at https://www.surf.nl/discussiemodel-learning-analytics. The short explanations of the seven DPIA steps are not taken from the guide: they summarise the standard steps of a DPIA under the GDPR (AVG).',
  ),
  sheets: [
    {
      id: 'vel1',
      label: t('Vel 1', 'Sheet 1'),
      title: t('Doel en doelgroep', 'Goal and target group'),
      background: t(
        'Op het eerste vel van het discussiemodel verken je met de deelnemers het doel dat jouw instelling heeft met Learning Analytics en ook welke doelgroepen je daarmee bedient.\n\n' +
          'Onderwijsinstellingen hebben veel data over hun studenten. Learning analytics is het verzamelen, analyseren en rapporteren van data uit leeromgevingen om het leerproces van studenten te verbeteren. Deze informatie kan vervolgens beschikbaar worden gesteld aan studenten, docenten of opleidingsmanagement. Persoonlijke studiedata, die herleidbaar zijn tot individuele studenten, kunnen worden gebruikt om studenten advies op maat te geven. Niet-herleidbare data kunnen informatie bieden over de kwaliteit van het onderwijs, de opleiding of de instelling.',
        'On the first sheet of the discussion model, you and the participants explore the goal your institution has for Learning Analytics, and which target groups it serves.\n\n' +
          'Educational institutions hold a great deal of data about their students. Learning analytics is the collection, analysis and reporting of data from learning environments in order to improve the way students learn. This information can then be made available to students, teachers or programme management. Personal study data that can be traced back to individual students can be used to give students tailored advice. Data that cannot be traced back to individuals can provide information about the quality of the teaching, the programme or the institution.',
      ),
      width: 1189,
      height: 841,
      fields: [
        {
          id: 'doel',
          title: t('DOEL', 'GOAL'),
          questions: [
            t(
              'Wat is het doel waarvoor je learning analytics in wilt zetten?',
              'What goal do you want to use learning analytics for?',
            ),
          ],
          hint: t(
            'Kies er één en omschrijf dit zo nauwkeurig mogelijk.',
            'Choose one and describe it as precisely as possible.',
          ),
          background: t(
            'Het analyseren van studiedata is een logisch gevolg van online onderwijs. De studiedata bieden inzicht in studievoortgang en zijn nuttig voor studenten en docenten. Als docent heb je meer grip op online studiegedrag, zodat je studenten kunt ondersteunen en uitval voorkomen. En studenten krijgen op deze manier steeds meer persoonlijke begeleiding. Daarnaast helpt studiedata bij het verbeteren van online materiaal. Data over hoe vaak, hoe lang, wanneer en op welke manier materiaal wordt gebruikt, geven inzicht in de vraag of het materiaal wel doet waarvoor het is bedoeld.\n\n' +
              'We hebben enkele doelen geïnventariseerd die je met Learning Analytics kunt dienen.',
            'Analysing study data follows naturally from online education. Study data give insight into study progress and are useful to students and teachers. As a teacher, you get a better grip on online study behaviour, so that you can support students and prevent dropout. And students receive more and more personal guidance this way. Study data also help to improve online materials. Data on how often, how long, when and in what way materials are used show whether the materials actually do what they are meant to do.\n\n' +
              'We have listed a number of goals that Learning Analytics can serve.',
          ),
          examples: [
            t('Onderwijsonderzoek', 'Educational research'),
            t('Kwaliteitsverbetering opleidingen', 'Improving the quality of programmes'),
            t('Kwaliteitsverbetering vakken', 'Improving the quality of courses'),
            t('Studentbegeleiding', 'Student guidance'),
            t('Inzicht in studievoortgang', 'Insight into study progress'),
          ],
          links: [],
          maxChosen: 1,
          rect: { x: 30, y: 120, width: 600, height: 360 },
          tint: '#fde8cc',
        },
        {
          id: 'concrete-vragen',
          asksQuestions: true,
          title: t('CONCRETE VRAGEN', 'CONCRETE QUESTIONS'),
          questions: [
            t(
              'Welke concrete vragen wil je met de data beantwoord hebben?',
              'Which concrete questions do you want the data to answer?',
            ),
          ],
          hint: t('max 2', 'max 2'),
          background: t(
            'Onder andere uit het experiment dat SURF met docenten uitvoerde, blijkt dat het belangrijk is om van tevoren zo precies mogelijk te bepalen welke vragen je hebt. Het verzamelen van data om later eens te bekijken welke patronen eruit komen kost niet alleen veel tijd (die veel mensen in het onderwijs helemaal niet hebben, waardoor er vaak helemaal niets van terecht komt). Het kan er ook voor zorgen dat je uiteindelijk een andere vraag beantwoordt dan waar het echt om zou moeten gaan om je doel met learning analytics te bereiken.\n\n' +
              'Bedenk goed welke vragen je nu precies hebt in welke fase van het onderwijs, om je doel met learning analytics te bereiken. Dit document kan daarbij helpen.',
            'The experiment SURF carried out with teachers, among other sources, shows that it is important to determine as precisely as possible in advance which questions you have. Collecting data in order to see later what patterns emerge not only takes a lot of time (which many people in education simply do not have, so that often nothing comes of it at all). It can also lead you to end up answering a different question from the one that really matters for achieving your goal with learning analytics.\n\n' +
              'Think carefully about exactly which questions you have at which stage of the teaching, in order to achieve your goal with learning analytics. This document can help.',
          ),
          examples: [
            t(
              'Welke onderdelen van mijn leeromgeving worden veel gebruikt?',
              'Which parts of my learning environment are used a lot?',
            ),
            t(
              'Welke informatie lezen de studenten online en wie leest wat?',
              'What information do students read online, and who reads what?',
            ),
            t(
              'Wie doet er actief mee aan discussies op het forum en gaan de bijdragen over relevante onderwerpen, of juist niet?',
              'Who takes an active part in discussions on the forum, and are the contributions about relevant topics or not?',
            ),
            t(
              'Welke studenten zijn actief in de leeromgeving en zijn dat ook de studenten die actief meedoen in de les?',
              'Which students are active in the learning environment, and are they also the students who take an active part in class?',
            ),
            t(
              'Welke studenten blijven achter en wat voor ondersteuning hebben deze studenten nodig om op gang te komen?',
              'Which students are falling behind, and what kind of support do they need to get going?',
            ),
          ],
          links: [
            {
              label: t(
                'Instellingen experimenteren met learning analytics (SURF)',
                'Institutions experimenting with learning analytics (SURF)',
              ),
              url: 'https://www.surf.nl/files/2019-02/Instellingen-experimenteren-met-learning-analytics.pdf',
            },
            {
              label: t(
                'Learning analytics in het onderwijs: een onderwijskundig perspectief (SURF)',
                'Learning analytics in education: an educational perspective (SURF)',
              ),
              url: 'https://www.surf.nl/files/2019-04/rapport-onderwijskundigperspectief.pdf',
            },
          ],
          maxChosen: 2,
          rect: { x: 30, y: 500, width: 600, height: 311 },
          tint: '#fef6d2',
        },
        {
          id: 'doelgroep',
          title: t('DOELGROEP', 'TARGET GROUP'),
          questions: [
            t(
              'Voor welke doelgroep voer je learning analytics in?',
              'For which target group are you introducing learning analytics?',
            ),
            t(
              'Denk ook aan: aan wie wil je de antwoorden op de vragen terugkoppelen? En wat kan deze persoon er dan vervolgens mee?',
              'Also consider: to whom do you want to report back the answers to the questions? And what can that person then do with them?',
            ),
          ],
          background: t(
            'Learning analytics levert in potentie voor verschillende doelgroepen voordeel op. Geef zo goed mogelijk aan wie je wilt bereiken met de antwoorden die learning analytics jouw instelling oplevert.',
            'Learning analytics can potentially benefit several target groups. Indicate as clearly as you can whom you want to reach with the answers that learning analytics gives your institution.',
          ),
          examples: [
            t('Onderzoekers', 'Researchers'),
            t('Management', 'Management'),
            t('Docenten', 'Teachers'),
            t('Studieadviseurs', 'Study advisers'),
            t('Studenten', 'Students'),
          ],
          links: [],
          rect: { x: 650, y: 120, width: 509, height: 360 },
          tint: '#dbeafe',
        },
        {
          id: 'kansen-risicos',
          title: t("KANSEN EN RISICO'S", 'OPPORTUNITIES AND RISKS'),
          questions: [
            t(
              "Welke kansen en risico's zijn er bij de keuze voor dit doel en deze doelgroep?",
              'What opportunities and risks come with choosing this goal and this target group?',
            ),
          ],
          background: t(
            "Wanneer je je doel en doelgroep voor learning analytics samen in kaart gebracht hebt, is het goed om te kijken naar welke risico's je ziet.",
            'Once you have mapped out your goal and target group for learning analytics together, it is worth looking at the risks you see.',
          ),
          examples: [
            t(
              'Studenten willen misschien niet meewerken, voelen zich bekeken',
              'Students may not want to take part; they feel watched',
            ),
            t(
              'Te veel focus op studiesucces en niet op kwaliteit van onderwijs',
              'Too much focus on study success rather than on the quality of education',
            ),
            t(
              'We hebben persoonlijke data van studenten nodig om de vraag te beantwoorden, wat misschien leidt tot weerstand of problemen met de AVG.',
              'We need students’ personal data to answer the question, which may lead to resistance or to problems with the GDPR (AVG).',
            ),
            t(
              'Docenten kunnen weerstand ervaren, omdat dit een instrument in handen geeft om af te rekenen op kwaliteit van hun onderwijs',
              'Teachers may push back, because this provides a tool for holding them to account for the quality of their teaching',
            ),
            t(
              'Bij het trekken van verkeerde conclusies over studievoortgang, maken we het probleem groter dan het niet exact weten.',
              'If we draw the wrong conclusions about study progress, we make the problem bigger than not knowing exactly would.',
            ),
            t(
              'Onderzoekers hebben wel de data van alle studenten nodig, dus als niet iedereen meewerkt met de dataverzameling hebben we nog niets in handen.',
              'Researchers do need the data of all students, so if not everyone takes part in the data collection, we still have nothing to go on.',
            ),
          ],
          links: [],
          rect: { x: 650, y: 500, width: 509, height: 311 },
          tint: '#fce7f3',
        },
      ],
    },
    {
      id: 'vel2',
      label: t('Vel 2', 'Sheet 2'),
      title: t('Randvoorwaarden', 'Preconditions'),
      background: t(
        'Op het tweede vel van het canvas gaan we aan de slag met de randvoorwaarden die je nodig hebt voor Learning Analytics binnen jouw instelling. Het gaat hierbij om de voorwaarden data, visie en beleid, commitment (CvB), stakeholders, privacy en ethiek.\n\n' +
          'Wanneer duidelijk is wat je doel is en welke vragen je wilt beantwoorden, is het de vraag of de data die je daarvoor nodig hebt binnen jouw instelling beschikbaar zijn. En is wat je wilt bereiken met learning analytics in lijn met al bestaand beleid? Of moet je juist concurreren met andere ontwikkelingen waar meer op ingezet wordt? Is er commitment van het CvB? En welke stakeholders moet je allemaal betrekken om je plannen uit te voeren? Ook is het goed om in een vroeg stadium na te denken over privacy en ethiek.',
        'On the second sheet of the canvas, we work on the preconditions you need for Learning Analytics within your institution: data, vision and policy, commitment (Executive Board, CvB), stakeholders, privacy and ethics.\n\n' +
          'Once it is clear what your goal is and which questions you want to answer, the question is whether the data you need for this are available within your institution. And is what you want to achieve with learning analytics in line with existing policy? Or will you have to compete with other developments that are given higher priority? Is there commitment from the Executive Board (CvB)? And which stakeholders do you need to involve to carry out your plans? It is also wise to think about privacy and ethics at an early stage.',
      ),
      width: 1189,
      height: 841,
      fields: [
        {
          id: 'data',
          asksQuestions: true,
          title: t('DATA', 'DATA'),
          questions: [
            t(
              'Welke data heb je nodig om je vragen te beantwoorden? En waar haal je deze data vandaan?',
              'What data do you need to answer your questions? And where will you get these data from?',
            ),
          ],
          background: t(
            'Er worden steeds meer data verzameld, zeker nu veel onderwijs online plaatsvindt. Een rijke bron, waarmee je allerlei vragen kunt beantwoorden. Tijd om te bekijken welke data je precies nodig hebt om je vragen te beantwoorden. Zijn deze data wel voorhanden in je instelling? En zo ja, waar zijn ze binnen de instelling en in welke formats? En als ze er niet zijn, hoe zou je de data kunnen verzamelen?\n\n' +
              'Deze vraag kun je waarschijnlijk beantwoorden met data uit verschillende bronnen. Welke data zijn noodzakelijk om je vraag te beantwoorden? En waar zijn die data binnen je instelling te vinden? Het is daarbij ook belangrijk om na te gaan waar de data die je wilt gebruiken vandaan komen. Komen ze uit een LMS of houdt een collega een Excelbestand bij? Als het verzamelen van data buiten de instelling plaatsvindt, is het niet altijd duidelijk in welke context de data aanvankelijk zijn verzameld. Zoals eerder aangegeven is het verzamelen van enorme hoeveelheden data om later eens te kijken wat het oplevert, niet de meest efficiënte manier. Ook kan dit de resultaten in negatieve zin beïnvloeden. Worden data gebruikt die niet passen binnen de context van de vraag van jouw instelling dan leidt dat mogelijk tot verkeerde resultaten en conclusies.\n\n' +
              'Als onderdeel van de Proeftuin Learning Analytics is een checklist gemaakt over data en conclusies trekken op basis van data.',
            'More and more data are being collected, especially now that much teaching takes place online. A rich source that can answer all kinds of questions. Time to work out exactly which data you need to answer your questions. Are these data actually available in your institution? If so, where are they within the institution and in what formats? And if they are not, how could you collect them?\n\n' +
              'You can probably answer this question with data from several sources. Which data are essential to answer your question? And where can those data be found within your institution? It is also important to check where the data you want to use come from. Do they come from an LMS, or does a colleague keep an Excel file? When data are collected outside the institution, it is not always clear in what context they were originally collected. As mentioned earlier, collecting huge amounts of data to see later what they yield is not the most efficient approach. It can also affect the results negatively. Using data that do not fit the context of your institution’s question may lead to wrong results and conclusions.\n\n' +
              'As part of the Learning Analytics testbed (Proeftuin Learning Analytics), a checklist was drawn up on data and on drawing conclusions from data.',
          ),
          examples: [
            t(
              'Gebruik je wel alle data die nodig is om je conclusie te trekken?',
              'Are you using all the data needed to draw your conclusion?',
            ),
            t(
              'Is alle data die je nodig hebt wel (online) beschikbaar?',
              'Is all the data you need actually available (online)?',
            ),
            t(
              'Zou je collega met dezelfde data en berekeningen en conclusies komen?',
              'Would a colleague come up with the same calculations and conclusions from the same data?',
            ),
          ],
          links: [
            {
              label: t(
                'Proeftuin Learning Analytics (Versnellingsplan)',
                'Learning Analytics testbed (Acceleration Plan, Versnellingsplan)',
              ),
              url: 'https://versnellingsplan.nl/publicatie/proeftuin-learning-analytics/',
            },
          ],
          rect: { x: 30, y: 120, width: 213, height: 336 },
          tint: '#e0f2fe',
        },
        {
          id: 'visie-beleid',
          asksQuestions: true,
          title: t('VISIE EN BELEID', 'VISION AND POLICY'),
          questions: [
            t(
              'Is er al visie/beleid op learning analytics en past het doel daarin? Moet er beleid komen om het doel te bereiken?',
              'Is there already a vision/policy on learning analytics, and does the goal fit within it? Is policy needed to achieve the goal?',
            ),
          ],
          background: t(
            'Er wordt regelmatig aangegeven dat het ontbreken van visie en beleid voor learning analytics een drempel is om het goed in te zetten. Als het goed is, is er na het doorlopen van het canvas met een brede vertegenwoordiging van de instelling meer zicht op een visie en op basis daarvan kan beleid gemaakt worden.\n\n' +
              'Geen enkele instelling start op nul. Wellicht is er binnen jouw instelling al wel een visie of beleid, al dan niet ‘verstopt’ in een visie op online of flexibel onderwijs, of bijvoorbeeld gepersonaliseerd leren. Is er ooit iets over opgeschreven? Hoe interpreteren verschillende mensen binnen de instelling de visie of het beleid op het gebied van learning analytics? Is het beleid helder en eenduidig? En vervolgens: moet er (nieuw) beleid komen om het hiervoor bepaalde doel te bereiken? Wat gaat er dan beter en waarom?',
            'People often say that the lack of a vision and policy for learning analytics is an obstacle to using it well. Ideally, after working through the canvas with a broad representation of the institution, a vision will be clearer, and policy can be based on it.\n\n' +
              'No institution starts from scratch. Your institution may already have a vision or policy, perhaps ‘hidden’ in a vision on online or flexible education, or on personalised learning, for example. Has anything ever been written down about it? How do different people within the institution interpret the vision or policy on learning analytics? Is the policy clear and unambiguous? And then: is (new) policy needed to achieve the goal set out above? What will improve as a result, and why?',
          ),
          examples: [],
          links: [],
          rect: { x: 263, y: 120, width: 213, height: 336 },
          tint: '#ede9fe',
        },
        {
          id: 'commitment-cvb',
          asksQuestions: true,
          title: t('COMMITMENT CvB', 'EXECUTIVE BOARD (CvB) COMMITMENT'),
          questions: [
            t(
              'In hoeverre is er commitment vanuit het CvB? Hoe zorg je voor commitment?',
              'To what extent is the Executive Board (CvB) committed? How do you secure its commitment?',
            ),
            t(
              'Is er concurrentie door andere prioriteiten binnen de instelling?',
              'Is there competition from other priorities within the institution?',
            ),
          ],
          background: t(
            'Commitment van het CvB hangt samen met visie en beleid, maar echt betrokken bestuurders kunnen helpen learning analytics vlot te trekken. Zij moeten voldoende informatie hebben over de plannen en wat die plannen hen opleveren. In hoeverre is er al commitment van het CvB? Hoe kan dit worden vergroot? Is er bijvoorbeeld een specifieke persoon die learning analytics een impuls kan geven in en vanuit het CvB? Soms is de timing niet goed, omdat er op dat moment andere prioriteiten binnen de instelling zijn. Ga samen na wie je mee moet krijgen, hoe je dit voor elkaar krijgt en of de timing juist is. Het kan ook zo zijn dat je samen tot de conclusie komt dat je met de learning analytics-plannen juist heel goed kunt aansluiten bij de prioriteiten die op dit moment spelen binnen de instelling.',
            'Commitment from the Executive Board (CvB) is linked to vision and policy, but truly engaged board members can help get learning analytics moving. They need enough information about the plans and about what those plans will bring them. To what extent is the Executive Board already committed? How can that commitment be strengthened? Is there, for example, a specific person who can give learning analytics a boost in and from the Executive Board? Sometimes the timing is wrong because the institution has other priorities at that moment. Work out together whom you need to get on board, how to achieve that, and whether the timing is right. You may also conclude together that your learning analytics plans actually fit very well with the priorities the institution is currently dealing with.',
          ),
          examples: [],
          links: [],
          rect: { x: 496, y: 120, width: 213, height: 336 },
          tint: '#fef3c7',
        },
        {
          id: 'stakeholders',
          asksQuestions: true,
          title: t('STAKEHOLDERS', 'STAKEHOLDERS'),
          questions: [
            t(
              "Welke stakeholders (binnen en buiten de instelling) moet je betrekken, informeren, in kaart hebben? Wat zijn hun belangen, invloed, risico's/kansen?",
              'Which stakeholders (inside and outside the institution) do you need to involve, inform or keep track of? What are their interests, influence, risks/opportunities?',
            ),
          ],
          background: t(
            "Learning analytics doe je niet alleen. Het vergt – naast je primaire doelgroep – vaak iets van de ICT binnen je instelling en communicatie. Breng zo goed mogelijk in kaart wie je moet betrekken in welke fase en op welke manier. Wat zijn de belangen van deze personen, helpen ze je doel te bereiken of voorzie je risico's?\n\n" +
              'Het gaat hierbij vooral om groepen binnen de instelling die gaan werken met het learning-analytics-systeem en dit beheren, maar ook groepen die helpen met het onderhoud van het systeem, onderaannemers en groepen waarvan gegevens worden verzameld. Denk hierbij aan studenten, docenten, beheerders, projectleiders en management. Wellicht zijn er binnen je instelling procedures om het project voor te leggen aan de medezeggenschapsraad of studentenraad, of te laten toetsen door een toetsingscommissie of een Ethics Board. Als ervaringsdeskundigen binnen of buiten de instelling al learning analytics hebben toegepast, betrek dan deze experts.\n\n' +
              "Een dergelijke stakeholderanalyse helpt je met het leren van ervaringen van anderen, het meenemen van focuspunten en risico's waaraan je eerder niet hebt gedacht en het creëren van draagvlak bij belanghebbenden.",
            'You do not do learning analytics on your own. Besides your primary target group, it often requires something from your institution’s IT and communications staff. Map out as well as you can whom you need to involve, at which stage and in what way. What are these people’s interests: do they help you reach your goal, or do you foresee risks?\n\n' +
              'This mainly concerns groups within the institution that will work with and manage the learning analytics system, but also groups that help maintain the system, subcontractors, and groups whose data are collected. Think of students, teachers, system administrators, project leaders and management. Your institution may have procedures for submitting the project to the participation council or student council, or for having it reviewed by a review committee or an Ethics Board. If experienced people inside or outside the institution have already applied learning analytics, involve these experts.\n\n' +
              'A stakeholder analysis like this helps you learn from others’ experience, take into account points of attention and risks you had not thought of before, and build support among those involved.',
          ),
          examples: [],
          links: [],
          rect: { x: 30, y: 476, width: 330, height: 335 },
          tint: '#dcfce7',
        },
        {
          id: 'privacy',
          asksQuestions: true,
          title: t('PRIVACY', 'PRIVACY'),
          questions: [
            t(
              'Voldoet het project aan wettelijke kaders zoals de AVG? Denk aan: rechtmatigheid, doelbinding, dataminimalisatie, transparantie, proportionaliteit en subsidiariteit.',
              'Does the project comply with legal frameworks such as the GDPR (AVG)? Consider lawfulness, purpose limitation, data minimisation, transparency, proportionality and subsidiarity.',
            ),
            t(
              'Welke maatregelen neem je om persoonsgegevens te beschermen?',
              'What measures do you take to protect personal data?',
            ),
          ],
          background: t(
            "Bij het verzamelen en analyseren van gegevens worden in veel gevallen persoonsgegevens verwerkt: gegevens die direct of indirect iets zeggen over individuen, bijvoorbeeld over studenten en docenten. Wanneer een onderwijsinstelling persoonsgegevens verwerkt, is daarop de Algemene Verordening Gegevensbescherming (AVG) van toepassing. De AVG stelt hoge eisen aan de grondslagen voor de inzet van learning analytics. Het inzetten van learning analytics vraagt om een bewuste overweging van de risico's voor het individu en het treffen van passende maatregelen. Het is geen kwestie van een keer toestemming vragen en een privacyverklaring opnemen op de site.\n\n" +
              'Lees ook: Learning analytics in vijf stappen (AVG), waarin je wordt meegenomen in het proces om te komen tot de antwoorden op deze vragen.',
            'Collecting and analysing data in many cases involves processing personal data: data that say something, directly or indirectly, about individuals, such as students and teachers. When an educational institution processes personal data, the General Data Protection Regulation, GDPR (AVG), applies. The GDPR sets high standards for the legal grounds for using learning analytics. Using learning analytics calls for a deliberate weighing of the risks to the individual and for taking appropriate measures. It is not a matter of asking for consent once and putting a privacy statement on the website.\n\n' +
              'Also read: Learning analytics in five steps (GDPR), which takes you through the process of arriving at the answers to these questions.',
          ),
          examples: [],
          links: [
            {
              label: t(
                'Learning analytics in vijf stappen (AVG) (SURF)',
                'Learning analytics in five steps (GDPR) (SURF)',
              ),
              url: 'https://www.surf.nl/files/2019-05/Learning%20analytics%20in%205%20stappen.pdf',
            },
          ],
          rect: { x: 729, y: 120, width: 430, height: 691 },
          tint: '#e0e7ff',
        },
        {
          id: 'dpia-beschrijving',
          asksQuestions: true,
          parentId: 'privacy',
          title: t('Beschrijving van de beoogde verwerking', 'Description of the envisaged processing'),
          questions: [
            t(
              'Welke verwerking van persoonsgegevens is beoogd: welke gegevens, van wie, met welk doel en hoe?',
              'What processing of personal data is envisaged: which data, about whom, for what purpose and how?',
            ),
          ],
          background: t(
            'Een DPIA (gegevensbeschermingseffectbeoordeling) begint met een systematische beschrijving van de verwerking: welke persoonsgegevens je verwerkt, van wie, met welk doel, hoe lang je ze bewaart en wie er toegang toe heeft. Deze beschrijving is het vertrekpunt voor alle volgende stappen.',
            'A DPIA (data protection impact assessment) starts with a systematic description of the processing: which personal data you process, about whom, for what purpose, how long you keep them and who has access to them. This description is the starting point for all the following steps.',
          ),
          examples: [],
          links: [],
          rect: { x: 744, y: 220, width: 192, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-noodzaak',
          asksQuestions: true,
          parentId: 'privacy',
          title: t('Beoordeling van de noodzaak en evenredigheid', 'Assessment of necessity and proportionality'),
          questions: [
            t(
              'Is de verwerking noodzakelijk en evenredig voor het doel?',
              'Is the processing necessary for, and proportionate to, the goal?',
            ),
          ],
          background: t(
            'Ga na of de verwerking echt nodig is om het doel te bereiken en in verhouding staat tot dat doel, en of het doel niet met minder of minder gevoelige gegevens kan worden bereikt (proportionaliteit en subsidiariteit).',
            'Check whether the processing is really needed to achieve the goal and is in proportion to it, and whether the goal could be achieved with fewer or less sensitive data (proportionality and subsidiarity).',
          ),
          examples: [],
          links: [],
          rect: { x: 951, y: 220, width: 193, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-risicos',
          asksQuestions: true,
          parentId: 'privacy',
          title: t(
            "Beoordeling van de risico's voor de rechten en vrijheden",
            'Assessment of the risks to rights and freedoms',
          ),
          questions: [
            t(
              "Welke risico's brengt de verwerking mee voor de rechten en vrijheden van betrokkenen?",
              'What risks does the processing pose to the rights and freedoms of the people whose data are processed?',
            ),
          ],
          background: t(
            "Breng in kaart welke risico's de verwerking kan opleveren voor de mensen van wie gegevens worden verwerkt, zoals studenten en docenten. Schat per risico in hoe groot de kans is en hoe ernstig de gevolgen zijn.",
            'Identify the risks the processing may pose to the people whose data are processed, such as students and teachers. For each risk, estimate how likely it is and how serious the consequences would be.',
          ),
          examples: [],
          links: [],
          rect: { x: 744, y: 368, width: 192, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-maatregelen-risicos',
          asksQuestions: true,
          parentId: 'privacy',
          title: t("Beoogde maatregelen om de risico's aan te pakken", 'Envisaged measures to address the risks'),
          questions: [
            t(
              "Welke maatregelen neem je om de risico's aan te pakken?",
              'What measures will you take to address the risks?',
            ),
          ],
          background: t(
            "Bepaal per risico welke technische en organisatorische maatregelen je neemt om het te beperken, zoals pseudonimisering, beperkte toegang, beveiliging en bewaartermijnen. Ga daarna na welke risico's overblijven en of die aanvaardbaar zijn.",
            'For each risk, decide which technical and organisational measures you will take to reduce it, such as pseudonymisation, restricted access, security and retention periods. Then check which risks remain and whether they are acceptable.',
          ),
          examples: [],
          links: [],
          rect: { x: 951, y: 368, width: 193, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-maatregelen-naleving',
          asksQuestions: true,
          parentId: 'privacy',
          title: t('Beoogde maatregelen om naleving aan te tonen', 'Envisaged measures to demonstrate compliance'),
          questions: [
            t(
              'Welke maatregelen neem je om aan te tonen dat je de AVG naleeft?',
              'What measures will you take to demonstrate that you comply with the GDPR (AVG)?',
            ),
          ],
          background: t(
            'De AVG vraagt niet alleen dat je de regels naleeft, maar ook dat je dat kunt aantonen (verantwoordingsplicht). Denk aan het informeren van betrokkenen, het mogelijk maken van hun rechten, afspraken met verwerkers en het advies van de functionaris gegevensbescherming.',
            'The GDPR (AVG) requires not only that you comply with the rules, but also that you can demonstrate it (accountability). Think of informing the people concerned, enabling them to exercise their rights, agreements with processors, and the advice of the data protection officer.',
          ),
          examples: [],
          links: [],
          rect: { x: 744, y: 516, width: 192, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-documentatie',
          asksQuestions: true,
          parentId: 'privacy',
          title: t('Documentatie', 'Documentation'),
          questions: [
            t(
              'Hoe leg je de afwegingen, keuzes en maatregelen vast?',
              'How do you record the considerations, choices and measures?',
            ),
          ],
          background: t(
            "Leg de uitkomsten van de DPIA schriftelijk vast: de beschrijving, de afwegingen, de risico's en de gekozen maatregelen. Zo kun je later verantwoorden waarom en hoe je learning analytics inzet.",
            'Record the outcomes of the DPIA in writing: the description, the considerations, the risks and the chosen measures. That way you can later account for why and how you use learning analytics.',
          ),
          examples: [],
          links: [],
          rect: { x: 951, y: 516, width: 193, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'dpia-toezicht',
          asksQuestions: true,
          parentId: 'privacy',
          title: t('Toezicht en evaluatie', 'Monitoring and review'),
          questions: [
            t(
              'Hoe houd je toezicht op de verwerking en wanneer evalueer je de DPIA opnieuw?',
              'How do you monitor the processing, and when do you review the DPIA again?',
            ),
          ],
          background: t(
            "Een DPIA is geen eenmalige exercitie. Controleer regelmatig of de verwerking nog overeenkomt met de beschrijving en of de maatregelen werken, en beoordeel opnieuw wanneer de verwerking of de risico's veranderen.",
            'A DPIA is not a one-off exercise. Regularly check whether the processing still matches the description and whether the measures work, and reassess whenever the processing or the risks change.',
          ),
          examples: [],
          links: [],
          rect: { x: 744, y: 664, width: 400, height: 132 },
          tint: '#f5f7ff',
        },
        {
          id: 'ethiek',
          asksQuestions: true,
          title: t('ETHIEK', 'ETHICS'),
          questions: [
            t(
              'Welke andere publieke waarden en waarden van je instelling worden mogelijk geraakt? Bijvoorbeeld gelijke behandeling en kansen, integriteit en veiligheid of inclusiviteit en diversiteit.',
              'Which other public values and values of your institution might be affected? For example equal treatment and opportunities, integrity and security, or inclusion and diversity.',
            ),
          ],
          background: t(
            'Voor het benutten van studiedata moeten instellingen ethische afwegingen maken. Internationaal zijn er verschillende ethische codes ontwikkeld voor het inzetten van studiedata. Een goed voorbeeld is de ethische code van Jisc. Het Versnellingsplan ontwikkelt samen met SURF, de instellingen en ethische experts een ethische code voor het gebruik van studiedata in de Nederlandse context.\n\n' +
              'Ga na welke waarden jouw instelling heeft en hoe deze mogelijk geraakt worden door je learning analytics-plannen of project. Het waardenkader voor onderwijs en onderzoek: publieke regie op digitalisering, dat SURF en Kennisnet hebben opgesteld en verder ontwikkelen met het onderwijsveld, kan hierbij helpen.\n\n' +
              'In dit Discussiemodel is gezamenlijk een eerste aanzet te maken. Daarna kan dit verder worden uitgewerkt met bijvoorbeeld De Ethische Data Assistent (DEDA) van de Universiteit Utrecht.',
            'To make use of study data, institutions have to make ethical trade-offs. Several ethical codes for the use of study data have been developed internationally; a good example is Jisc’s code of practice. The Acceleration Plan (Versnellingsplan), together with SURF, the institutions and ethics experts, is developing an ethical code for the use of study data in the Dutch context.\n\n' +
              'Consider which values your institution holds and how your learning analytics plans or project might affect them. The values framework for education and research, ‘public control of digitalisation’, which SURF and Kennisnet drew up and are developing further with the education sector, can help here.\n\n' +
              'This Discussion Model lets you make a first start together. You can then work it out further with, for example, the Data Ethics Decision Aid (DEDA) of Utrecht University.',
          ),
          examples: [
            t('gelijke behandeling en kansen', 'equal treatment and opportunities'),
            t('integriteit en veiligheid', 'integrity and security'),
            t('inclusiviteit en diversiteit', 'inclusion and diversity'),
          ],
          links: [
            {
              label: t(
                'Jisc: ethische code voor learning analytics, literatuuroverzicht',
                'Jisc: code of practice for learning analytics, literature review',
              ),
              url: 'https://repository.jisc.ac.uk/5661/1/Learning_Analytics_A-_Literature_Review.pdf',
            },
            {
              label: t(
                'Waardenkader voor onderwijs en onderzoek: publieke regie op digitalisering (SURF en Kennisnet)',
                'Values framework for education and research: public control of digitalisation (SURF and Kennisnet)',
              ),
              url: 'https://www.surf.nl/files/2020-11/waardenkader-voor-onderwijs-en-onderzoek.pdf',
            },
            {
              label: t(
                'De Ethische Data Assistent (DEDA), Universiteit Utrecht',
                'Data Ethics Decision Aid (DEDA), Utrecht University',
              ),
              url: 'https://dataschool.nl/deda/poster/',
            },
          ],
          rect: { x: 380, y: 476, width: 329, height: 335 },
          tint: '#fde2e4',
        },
      ],
    },
  ],
};
