import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { A4_PORTRAIT, PageFlow } from './pdfFlow';
import { longText } from './pdfFixture.testing';
import { textWidth } from './pdfLayout';
import { compactText, pageTextRuns, pdfDocumentText } from './pdfText.testing';

const MARGINS = { top: 60, right: 50, bottom: 50, left: 50 };
const INK = rgb(0, 0, 0);

async function setup() {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, regular, bold, flow: new PageFlow(doc, MARGINS) };
}

/** Every shown string lies inside the margins (text from its baseline up to its size). */
function expectInsideMargins(
  doc: PDFDocument,
  fonts: { regular: Parameters<typeof textWidth>[0]; bold: Parameters<typeof textWidth>[0] },
): void {
  const [width, height] = A4_PORTRAIT;
  for (const page of doc.getPages()) {
    for (const run of pageTextRuns(page)) {
      const font = run.font.includes('Bold') ? fonts.bold : fonts.regular;
      expect(run.x).toBeGreaterThanOrEqual(MARGINS.left - 1e-6);
      expect(run.x + textWidth(font, run.text, run.size)).toBeLessThanOrEqual(width - MARGINS.right + 1e-6);
      expect(run.y - run.size * 0.25).toBeGreaterThanOrEqual(MARGINS.bottom - 1e-6);
      // Helvetica's tallest glyphs (accented capitals) reach about 0.8 of the size above the baseline.
      expect(run.y + run.size * 0.8).toBeLessThanOrEqual(height - MARGINS.top + 1e-6);
    }
  }
}

describe('PageFlow', () => {
  it('keeps a short piece together: it moves to the next page whole', async () => {
    const { doc, regular, flow } = await setup();
    const style = { font: regular, size: 10, color: INK };
    // Fill the page up to a little less than three lines from the bottom.
    flow.block(flow.pageHeight - 3 * 13 + 5, () => undefined);
    flow.paragraphs([
      { text: 'Eerste regel', style },
      { text: 'Tweede regel', style },
      { text: 'Derde regel', style },
    ]);
    expect(doc.getPageCount()).toBe(2);
    expect(pdfDocumentText(doc)[1]).toBe('Eerste regel\nTweede regel\nDerde regel');
  });

  it('flows a piece taller than a page over pages, losing nothing, inside the margins', async () => {
    const { doc, regular, bold, flow } = await setup();
    const text = longText(1, 12_000);
    flow.paragraph(text, { font: regular, size: 10, color: INK });
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(compactText(pdfDocumentText(doc).join(''))).toBe(compactText(text));
    expectInsideMargins(doc, { regular, bold });
  });

  it('splits only rows taller than a page and repeats the header on every page of a table', async () => {
    const { doc, regular, bold, flow } = await setup();
    const rows = Array.from({ length: 60 }, (_, i) => [`Actie ${i} ${longText(i, 150)}`, `Wie ${i}`, '2025-04-01']);
    rows[30] = ['Reusachtig ' + longText(3, 9000), 'Iemand', ''];
    flow.table(
      [
        { title: 'Wat', share: 3 },
        { title: 'Wie', share: 1 },
        { title: 'Wanneer', share: 1 },
      ],
      rows,
      { font: bold, size: 9, color: INK },
      { font: regular, size: 9, color: INK },
      rgb(0.9, 0.9, 0.9),
      rgb(0.97, 0.97, 0.97),
    );
    const pages = pdfDocumentText(doc);
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) expect(page.startsWith('Wat\nWie\nWanneer')).toBe(true);
    // The first column read down the pages, headers left out: every "what", the giant one too.
    const firstColumn = doc.getPages().map((page) =>
      compactText(
        pageTextRuns(page)
          .filter((run) => Math.abs(run.x - (MARGINS.left + 4)) < 0.01 && run.text !== 'Wat')
          .map((run) => run.text)
          .join(''),
      ),
    );
    const column = firstColumn.join('');
    for (const row of rows) expect(column).toContain(compactText(row[0] ?? ''));
    // Ordinary rows are never split: each lies whole on one page.
    for (const [i, row] of rows.entries()) {
      if (i === 30) continue;
      expect(
        firstColumn.some((page) => page.includes(compactText(row[0] ?? ''))),
        `row ${i} whole on one page`,
      ).toBe(true);
    }
    expectInsideMargins(doc, { regular, bold });
  });

  it('drops a gap at the top of a page', async () => {
    const { flow } = await setup();
    flow.newPage();
    const before = flow.remaining;
    flow.gap(40);
    expect(flow.remaining).toBe(before);
  });
});
