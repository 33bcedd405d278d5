import { PDFDocument } from 'pdf-lib';
import { text } from '../../i18n/catalogue';
import type { Locale } from '../../template/types';
import { embedPdfFonts, type PdfFonts } from './pdfLayout';

/**
 * A new PDF with the metadata every export carries. The dates are the workshop's export moment
 * rather than "now", so the same export gives the same file (pdf-lib adds no random ID).
 */

/** Author and creator of every PDF export. */
export const PDF_AUTHOR = 'Discussiemodel Canvas';

/** The document information of a PDF export. */
export interface PdfMetadata {
  readonly title: string;
  readonly subject: string;
  readonly locale: Locale;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** Creates an empty document with metadata and the standard fonts. */
export async function newPdfDocument(meta: PdfMetadata): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const created = new Date(meta.createdAt);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(PDF_AUTHOR);
  doc.setCreator(PDF_AUTHOR);
  doc.setProducer(`${PDF_AUTHOR} (pdf-lib)`);
  doc.setLanguage(text(meta.locale, 'locale.tag'));
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  return { doc, fonts: await embedPdfFonts(doc) };
}
