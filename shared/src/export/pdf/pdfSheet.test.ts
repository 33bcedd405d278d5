import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { discussiemodelTemplate } from '../../template/discussiemodel';
import { welcomeSheet } from '../../template/plenary';
import type { WorkshopExport } from '../model';
import { textWidth } from './pdfLayout';
import { PT_PER_MM, sheetsToA0Pdf } from './pdfSheet';
import { compactText, pageTextRuns, pdfDocumentText } from './pdfText.testing';
import { sampleWorkshopExport } from '../sampleWorkshop';

const A0_LANDSCAPE = [3370.39, 2383.94] as const;

let fonts: { regular: PDFFont; bold: PDFFont };

beforeAll(async () => {
  const doc = await PDFDocument.create();
  fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
});

/** A copy of the sample with an extra note on Tafel A's board. */
function withNotes(notes: readonly { id: string; text: string; x: number; y: number }[]): WorkshopExport {
  const exp = JSON.parse(JSON.stringify(sampleWorkshopExport())) as WorkshopExport;
  const board = exp.boards.find((b) => b.boardId === 'g-a');
  const first = board?.notes[0];
  if (board === undefined || first === undefined) throw new Error('the sample changed');
  for (const note of notes) board.notes.push({ ...first, ...note });
  return exp;
}

async function load(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  return { doc, pages: pdfDocumentText(doc).map(compactText) };
}

describe('sheetsToA0Pdf', () => {
  const sample = sampleWorkshopExport();

  it('makes one A0 landscape page per sheet of a subgroup board', async () => {
    const { doc } = await load(await sheetsToA0Pdf(sample, 'g-a'));
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A0_LANDSCAPE[0], 1);
      expect(page.getHeight()).toBeCloseTo(A0_LANDSCAPE[1], 1);
      expect(page.getWidth()).toBeCloseTo(1189 * PT_PER_MM, 6);
    }
  });

  it('prints the title band, every field with its title and questions, and every note on its own sheet', async () => {
    const { pages } = await load(await sheetsToA0Pdf(sample, 'g-a'));
    const [vel1, vel2] = pages;
    for (const [index, sheet] of discussiemodelTemplate.sheets.entries()) {
      const text = pages[index] ?? '';
      expect(text).toContain(compactText(`${sheet.label.nl} — ${sheet.title.nl}`));
      expect(text).toContain(compactText('Learning analytics bij de Faculteit Gezondheid'));
      expect(text).toContain('TafelA');
      for (const field of sheet.fields) {
        expect(text, field.id).toContain(compactText(field.title.nl));
        expect(text, field.id).toContain(compactText(field.questions[0]?.nl ?? ''));
      }
    }
    const board = sample.boards.find((b) => b.boardId === 'g-a');
    for (const note of board?.notes ?? []) {
      const page = note.sheetId === 'vel1' ? vel1 : vel2;
      expect(page, note.id).toContain(compactText(note.text));
    }
    // The agreed wording of DOEL, as a box with its label.
    expect(vel1).toContain(compactText('Afgesproken formulering'));
    expect(vel1).toContain(compactText('Studenten en studieadviseurs krijgen tijdig inzicht in de studievoortgang.'));
    expect(vel2).not.toContain(compactText('Inzicht in studievoortgang'));
  });

  it('shows agreement and vote counts as numbers beside drawn markers, with no glyph outside WinAnsi', async () => {
    const { doc } = await load(await sheetsToA0Pdf(sample, 'g-a'));
    const runs = pageTextRuns(doc.getPage(0)).map((r) => r.text);
    // n1: 2 agree and 2 dots; n3: 1 disagree and 1 open ("?" is the open marker).
    expect(runs.filter((t) => t === '2').length).toBeGreaterThanOrEqual(2);
    expect(runs).toContain('?');
    for (const text of runs) expect(text).not.toMatch(/[✓✗●]/u);
  });

  it('keeps all text on the page', async () => {
    const { doc } = await load(await sheetsToA0Pdf(sample, 'g-a'));
    for (const page of doc.getPages()) {
      for (const run of pageTextRuns(page)) {
        const font = run.font.includes('Bold') ? fonts.bold : fonts.regular;
        expect(run.x).toBeGreaterThanOrEqual(0);
        expect(run.x + textWidth(font, run.text, run.size)).toBeLessThanOrEqual(page.getWidth());
        expect(run.y).toBeGreaterThanOrEqual(0);
        expect(run.y + run.size).toBeLessThanOrEqual(page.getHeight());
      }
    }
  });

  it('prints the plenary board with its welcome sheet and the plenary wording', async () => {
    const { doc, pages } = await load(await sheetsToA0Pdf(sample, 'plenary'));
    expect(doc.getPageCount()).toBe(3);
    expect(pages[0]).toContain(compactText(`${welcomeSheet.label.nl} — ${welcomeSheet.title.nl}`));
    expect(pages[0]).toContain(compactText('Wat is het verschil tussen learning analytics en studiedata?'));
    expect(pages[0]).toContain(compactText('Plenair bord'));
    expect(pages[1]).toContain(compactText('Inzicht in studievoortgang voor studenten en studieadviseurs.'));
  });

  it('prints only the sheets asked for, empty sheets for a subgroup that wrote nothing, and refuses unknown boards', async () => {
    expect((await load(await sheetsToA0Pdf(sample, 'g-b', { sheetIds: ['vel2'] }))).doc.getPageCount()).toBe(1);
    const empty: WorkshopExport = {
      ...sample,
      groups: [...sample.groups, { id: 'g-c', name: 'Tafel C', color: '#047857' }],
    };
    const { doc, pages } = await load(await sheetsToA0Pdf(empty, 'g-c'));
    expect(doc.getPageCount()).toBe(2);
    expect(pages[0]).toContain('TafelC');
    await expect(sheetsToA0Pdf(sample, 'g-x')).rejects.toThrow(/Unknown board/);
    await expect(sheetsToA0Pdf(sample, 'g-a', { sheetIds: ['nope'] })).rejects.toThrow(/none of the requested sheets/);
  });

  it('uses the language asked for', async () => {
    const { pages } = await load(await sheetsToA0Pdf(sample, 'g-a', { locale: 'en' }));
    expect(pages[0]).toContain(compactText('Sheet 1 — Goal and target group'));
    expect(pages[0]).toContain(compactText('Agreed wording'));
    expect(pages[0]).toContain('GOAL');
  });

  it('survives an emoji, CJK and control characters in a note and keeps é in the title', async () => {
    const hostile = withNotes([{ id: 'emoji', text: 'Goed idee 👍🏽 数据\u0007 klaar', x: 700, y: 600 }]);
    hostile.workshop.title = 'Café-overleg “één” € … — ‘ïö’';
    const { pages } = await load(await sheetsToA0Pdf(hostile, 'g-a'));
    expect(pages[0]).toContain(compactText('Café-overleg “één” € … — ‘ïö’'));
    expect(pages[0]).toContain(compactText('Goed idee ? ?? klaar'));
  });

  it('writes the metadata and gives the same file for the same export', async () => {
    const bytes = await sheetsToA0Pdf(sample, 'g-a');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Learning analytics bij de Faculteit Gezondheid — Tafel A');
    expect(doc.getAuthor()).toBe('Discussiemodel Canvas');
    expect(doc.getCreationDate()?.getTime()).toBe(sample.workshop.exportedAt);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('nl-NL');
    expect(await sheetsToA0Pdf(sample, 'g-a')).toEqual(bytes);
  });

  it('clips notes lying partly off the sheet at its edge and leaves out those wholly off it', async () => {
    const stray = withNotes([
      { id: 'edge', x: 1160, y: 820, text: 'Op de rand' },
      { id: 'far', x: 9000, y: -150, text: 'Ver weg' },
    ]);
    const { doc, pages } = await load(await sheetsToA0Pdf(stray, 'g-a'));
    expect(doc.getPageCount()).toBe(2);
    expect(pages[0]).toContain('Opderand');
    // A note with no part on the sheet is not drawn at all.
    expect(pages[0]).not.toContain('Verweg');
  });
});
