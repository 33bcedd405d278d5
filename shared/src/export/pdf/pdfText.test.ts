import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { compactText, decodeWinAnsi, extractPdfText, pageTextRuns, pdfDocumentText } from './pdfText.testing';

describe('the PDF text extractor (test helper)', () => {
  it('decodes WinAnsi, including the characters it has beyond Latin-1', () => {
    expect(decodeWinAnsi([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x6a, 0x61, 0x94, 0x20, 0x85])).toBe(
      'Café € “ja” …',
    );
  });

  it('reads the hex strings pdf-lib writes, from a saved file and from a document still open', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    page.drawText('Eerste regel met é en €', { x: 50, y: 700, font, size: 12 });
    page.drawText('Tweede', { x: 60, y: 680, font, size: 10 });
    expect(pdfDocumentText(doc)).toEqual(['Eerste regel met é en €\nTweede']);
    expect(await extractPdfText(await doc.save())).toEqual(['Eerste regel met é en €\nTweede']);
    const runs = pageTextRuns((await PDFDocument.load(await doc.save())).getPage(0));
    expect(runs.map((r) => [r.x, r.y, r.size])).toEqual([
      [50, 700, 12],
      [60, 680, 10],
    ]);
  });

  it('reads literal strings with escapes, TJ arrays and text inside form XObjects', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    const form = doc.context.register(
      doc.context.stream('BT /F1 9 Tf 5 5 Td (in een formulier) Tj ET', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 100, 100],
      }),
    );
    page.node.setXObject(PDFName.of('X1'), form);
    const content = doc.context.stream(
      'BT /F1 12 Tf 72 700 Td (haakjes \\(en\\) caf\\351 \\\\ klaar) Tj [(Wo) -20 (rd) -400 (twee)] TJ ET % commentaar (geen tekst) Tj\n/X1 Do',
    );
    page.node.set(PDFName.of('Contents'), doc.context.register(content));
    const [text] = await extractPdfText(await doc.save());
    expect(text).toBe('haakjes (en) café \\ klaar\nWord twee\nin een formulier');
    expect(compactText(' a \n b\tc ')).toBe('abc');
    expect(compactText('studieloopbaan-\nbegeleiders')).toBe(compactText('studieloopbaanbegeleiders'));
  });
});
