import { PageSizes, PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopExport } from '../model';
import { largeWorkshopExport } from './pdfFixture.testing';
import { textWidth } from './pdfLayout';
import { formatWorkshopDate, workshopReportPdf } from './pdfReport';
import { compactText, pageTextRuns, type TextRun } from './pdfText.testing';
import { sampleWorkshopExport } from '../sampleWorkshop';

const [A4_WIDTH, A4_HEIGHT] = PageSizes.A4;

/** The report's margins; header and footer sit between them and the paper's edge. */
const MARGIN_X = 56;
const FURNITURE_Y = 28;

let fonts: { regular: PDFFont; bold: PDFFont };

beforeAll(async () => {
  const doc = await PDFDocument.create();
  fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
});

interface ParsedReport {
  readonly doc: PDFDocument;
  readonly runs: readonly (readonly TextRun[])[];
  /** Per page, the text of the report itself: the tiny text inside the sheet pictures left out. */
  readonly readable: readonly string[];
  /** All pages' readable text, whitespace removed. */
  readonly all: string;
}

async function parse(bytes: Uint8Array): Promise<ParsedReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const runs = doc.getPages().map(pageTextRuns);
  const readable = runs.map((page) =>
    page
      .filter((r) => r.size >= 7.5)
      .map((r) => r.text)
      .join('\n'),
  );
  return { doc, runs, readable, all: compactText(readable.join('\n')) };
}

/** A copy of the sample with the hostile texts the brief names. */
function hostileSample(): WorkshopExport {
  const exp = sampleWorkshopExport();
  exp.workshop.title = 'Café-overleg “één” — ‘ïö’ € …';
  const board = exp.boards.find((b) => b.boardId === 'g-b');
  const first = board?.notes[0];
  if (board === undefined || first === undefined) throw new Error('the sample changed');
  board.notes.push({ ...first, id: 'emoji', text: 'Top idee 👍🏽! 数据\u0007 en 👨‍👩‍👧 ✓' });
  return exp;
}

describe('workshopReportPdf on the sample workshop', () => {
  const sample = sampleWorkshopExport();
  let report: ParsedReport;

  beforeAll(async () => {
    report = await parse(await workshopReportPdf(sample));
  });

  it('has the pages we expect, all A4 portrait', () => {
    // Title page; Tafel A and Tafel B: sheets, then notes (2 + 2); plenary board: its welcome
    // sheet with its notes below (1); synthesis (1); actions (1).
    expect(report.doc.getPageCount()).toBe(8);
    for (const page of report.doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A4_WIDTH, 2);
      expect(page.getHeight()).toBeCloseTo(A4_HEIGHT, 2);
    }
  });

  it('numbers every page in the footer and shows the workshop title in the header from page 2', () => {
    report.readable.forEach((page, i) => {
      const lines = page.split('\n');
      expect(lines).toContain(`pagina ${i + 1} van 8`);
      expect(lines.includes('Learning analytics bij de Faculteit Gezondheid')).toBe(i > 0);
    });
  });

  it('has a title page with the workshop, institution, date, participants and subgroups', () => {
    const title = compactText(report.readable[0] ?? '');
    for (const text of [
      'Learning analytics bij de Faculteit Gezondheid',
      'Verslag van de workshop',
      'Hogeschool Voorbeeld',
      '11 maart 2025',
      'Deelnemers 3 deelnemers',
      'Procesbegeleiding Germaine',
      'Tafel A (2 deelnemers)',
      'Marieke, Karianne',
      'Tafel B (1 deelnemer)',
      'Émile',
      'Geëxporteerd op 2025-03-11 13:00 UTC',
    ]) {
      expect(title, text).toContain(compactText(text));
    }
  });

  it('has every note of every board, with its counts, in the text', () => {
    for (const board of sample.boards)
      for (const note of board.notes) expect(report.all, note.id).toContain(compactText(note.text));
    expect(report.all).toContain(
      compactText('Inzicht in studievoortgang eens 2 · oneens 0 · open 0 · 2 stippen · hoogtepunt voor de presentatie'),
    );
    expect(report.all).toContain(compactText('eens 0 · oneens 1 · open 1'));
  });

  it('has the agreed wording, the open questions as action points, and the fields under their sheets', () => {
    const tafelA = compactText(report.readable.slice(1, 3).join('\n'));
    for (const text of [
      'Tafel A',
      'Leden: Marieke, Karianne',
      'Notities per veld',
      'Vel 1 — Doel en doelgroep',
      'DOEL',
      'AFGESPROKEN FORMULERING Studenten en studieadviseurs krijgen tijdig inzicht in de studievoortgang.',
      "KANSEN EN RISICO'S",
      'Buiten de velden',
      'Vel 2 — Randvoorwaarden',
      'Open vragen (actiepunten)',
      'Welke data houden docenten zelf bij in Excel?',
      'uitzoeken: welke bronnen er naast het LMS zijn; navragen bij: opleidingscoördinatoren; wie: Karianne',
      'actiepunt: Uitzoeken: welke bronnen er naast het LMS zijn; "Excel" ook? (Karianne, 2025-04-01, Open)',
    ]) {
      expect(tafelA, text).toContain(compactText(text));
    }
    expect(report.all).toContain(compactText('Plenair bord'));
  });

  it('has the synthesis: clusters with their kind and notes, and the plenary wording', () => {
    for (const text of [
      'Synthese',
      'PLENAIRE FORMULERING Inzicht in studievoortgang voor studenten en studieadviseurs.',
      'Gemene deler: inzicht, studievoortgang',
      'Inzicht in studievoortgang (Tafel A)',
      'Studievoortgang beter inzichtelijk maken voor studieadviseurs (Tafel B)',
      'Gemene deler: bekeken, voelen, studenten',
    ]) {
      expect(report.all, text).toContain(compactText(text));
    }
  });

  it('has the action list as a table: what, who, when, status and source', () => {
    const actions = compactText(report.readable[7] ?? '');
    expect(actions).toContain(compactText('Actiepunten Wat Wie Wanneer Status Bron'));
    for (const action of sample.actions) {
      expect(actions).toContain(compactText(action.what));
      expect(actions).toContain(compactText(action.who));
      if (action.when !== '') expect(actions).toContain(compactText(action.when));
    }
    expect(actions).toContain(compactText('Open Open vraag · DATA · Tafel A'));
    expect(actions).toContain(compactText('Bezig Plenair · PRIVACY'));
    expect(actions).toContain(compactText('Klaar Plenair'));
  });

  it('keeps all text inside the margins', () => {
    expectInsideMargins(report);
  });

  it('writes the metadata and gives the same file for the same export', async () => {
    const { doc } = report;
    expect(doc.getTitle()).toBe('Learning analytics bij de Faculteit Gezondheid');
    expect(doc.getAuthor()).toBe('Discussiemodel Canvas');
    expect(doc.getSubject()).toBe('Verslag van de workshop — Discussiemodel Learning Analytics');
    expect(doc.getCreationDate()?.getTime()).toBe(sample.workshop.exportedAt);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('nl-NL');
    expect(await workshopReportPdf(sample)).toEqual(await workshopReportPdf(sampleWorkshopExport()));
  });

  it('takes well under a second', async () => {
    const start = Date.now();
    await workshopReportPdf(sample);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('workshopReportPdf, other cases', () => {
  it('speaks English when asked', async () => {
    const report = await parse(await workshopReportPdf(sampleWorkshopExport(), { locale: 'en' }));
    expect(report.readable[0]?.split('\n')).toContain('page 1 of 8');
    for (const text of [
      'Workshop report',
      'Participants 3 participants',
      '11 March 2025',
      'Notes per field',
      'Sheet 1 — Goal and target group',
      'GOAL',
      'Agreed wording'.toUpperCase(),
      'Synthesis',
      'Common ground',
      'Action items',
      'What Who When Status Source',
      'In progress Plenary · PRIVACY',
    ]) {
      expect(report.all, text).toContain(compactText(text));
    }
    const doc = report.doc;
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB');
  });

  it('survives an emoji, CJK and control characters in a note, and keeps é in the title', async () => {
    const report = await parse(await workshopReportPdf(hostileSample()));
    expect(report.all).toContain(compactText('Café-overleg “één” — ‘ïö’ € …'));
    expect(report.all).toContain(compactText('Top idee ?! ?? en ? ?'));
    expect(report.readable[1]?.split('\n')).toContain('Café-overleg “één” — ‘ïö’ € …');
    // The document title keeps the characters the page text cannot: it is stored as UTF-16.
    expect(report.doc.getTitle()).toBe('Café-overleg “één” — ‘ïö’ € …');
  });

  it('leaves out the plenary board when nothing was written on it, and says so when there are no actions or synthesis', async () => {
    const exp = sampleWorkshopExport();
    exp.boards = exp.boards.filter((b) => b.boardId !== 'plenary');
    exp.actions = [];
    exp.synthesis = { clusters: [], plenaryFormulations: [] };
    const report = await parse(await workshopReportPdf(exp));
    expect(report.doc.getPageCount()).toBe(7);
    expect(report.all).not.toContain(compactText('Plenair bord'));
    expect(report.all).toContain(compactText('Er is geen synthese vastgelegd.'));
    expect(report.all).toContain(compactText('Geen actiepunten.'));
  });

  it("words the group's choices as the Markdown report does: chosen goal, chosen question, chosen wording", async () => {
    const exp = sampleWorkshopExport();
    const a = exp.boards.find((b) => b.boardId === 'g-a');
    const first = a?.notes[0];
    if (a === undefined || first === undefined) throw new Error('the sample changed');
    a.notes.push({ ...first, id: 'q1', fieldId: 'concrete-vragen', text: 'Wie haakt af na blok 1?' });
    a.choices = [
      { fieldId: 'doel', targetKind: 'note', targetId: 'n1', by: 'p1' },
      { fieldId: 'concrete-vragen', targetKind: 'note', targetId: 'q1', by: 'p2' },
      { fieldId: 'doel', targetKind: 'formulation', targetId: 'doel', by: 'p1' },
    ];
    const report = await parse(await workshopReportPdf(exp));
    expect(report.all).toContain(
      compactText(
        'Inzicht in studievoortgang eens 2 · oneens 0 · open 0 · 2 stippen · gekozen doel · hoogtepunt voor de presentatie',
      ),
    );
    expect(report.all).toContain(compactText('Wie haakt af na blok 1? gekozen vraag'));
    expect(report.all).toContain(
      compactText('AFGESPROKEN FORMULERING · GEKOZEN DOEL Studenten en studieadviseurs krijgen tijdig inzicht'),
    );
    const english = await parse(await workshopReportPdf(exp, { locale: 'en' }));
    expect(english.all).toContain(compactText('2 dots · chosen goal · highlight for the presentation'));
  });

  it('formats a workshop date in words and leaves other text alone', () => {
    expect(formatWorkshopDate('2025-03-11', 'nl')).toBe('11 maart 2025');
    expect(formatWorkshopDate('2025-03-11', 'en')).toBe('11 March 2025');
    expect(formatWorkshopDate('voorjaar', 'nl')).toBe('voorjaar');
  });
});

describe('workshopReportPdf on a large workshop (3 groups × 120 long notes)', () => {
  const large = largeWorkshopExport(3, 120, 420);
  let report: ParsedReport;
  let elapsed = 0;

  beforeAll(async () => {
    const start = Date.now();
    const bytes = await workshopReportPdf(large);
    elapsed = Date.now() - start;
    report = await parse(bytes);
  }, 30_000);

  it('is made in a few seconds', () => {
    // About 0.4 s on the 2-core development machine; the margin is for slower CI runs.
    expect(elapsed).toBeLessThan(8000);
  });

  it('numbers all its pages and loses no note, wording, question or action', () => {
    const total = report.doc.getPageCount();
    expect(total).toBeGreaterThan(60);
    report.readable.forEach((page, i) => expect(page.split('\n')).toContain(`pagina ${i + 1} van ${total}`));
    for (const board of large.boards) {
      for (const note of board.notes)
        expect(report.all, note.id).toContain(
          compactText(note.text.replace(/👍🏽/u, '?').replace(/数据/u, '??').replace(/🇳🇱/u, '?')),
        );
      for (const wording of board.formulations) expect(report.all).toContain(compactText(wording.text));
      for (const deferral of board.deferrals) expect(report.all).toContain(compactText(deferral.question));
    }
    for (const action of large.actions) expect(report.all).toContain(compactText(action.what));
  });

  it('never splits a note over two pages', () => {
    const pages = report.readable.map(compactText);
    for (const board of large.boards) {
      for (const note of board.notes.slice(0, 40)) {
        const text = compactText(note.text.replace(/👍🏽/u, '?').replace(/数据/u, '??').replace(/🇳🇱/u, '?'));
        expect(
          pages.some((page) => page.includes(text)),
          note.id,
        ).toBe(true);
      }
    }
  });

  it('keeps all text inside the margins on every page', () => {
    expectInsideMargins(report);
  });
});

/** Every string lies within the side margins and between header and footer lines. */
function expectInsideMargins(report: ParsedReport): void {
  report.runs.forEach((page, index) => {
    for (const run of page) {
      const font = run.font.includes('Bold') ? fonts.bold : fonts.regular;
      const where = `page ${index + 1}: ${run.text.slice(0, 40)}`;
      expect(run.x, where).toBeGreaterThanOrEqual(MARGIN_X - 0.01);
      expect(run.x + textWidth(font, run.text, run.size), where).toBeLessThanOrEqual(A4_WIDTH - MARGIN_X + 0.01);
      expect(run.y - run.size * 0.25, where).toBeGreaterThanOrEqual(FURNITURE_Y - 0.01);
      expect(run.y + run.size * 0.8, where).toBeLessThanOrEqual(A4_HEIGHT - FURNITURE_Y + 0.01);
    }
  });
}
