/**
 * The PDF exports: each board's sheets at full size (A0 landscape, one page per sheet) for
 * printing like the paper canvas, and the workshop report on A4. Vector only, in the standard
 * fonts, pure (no fs, no DOM): runs in the browser and in Node. pdf-lib is large, so a browser
 * should load this module when someone asks for a PDF (`import()`), not with the page.
 */
export { toWinAnsi, isWinAnsi, WINANSI_FALLBACK } from './pdfWinAnsi';
export { embedPdfFonts, textWidth, wrapText, fitText, ellipsize } from './pdfLayout';
export type { PdfFonts, FitOptions, FitParagraph, FittedText } from './pdfLayout';
export { PdfCanvas } from './pdfCanvas';
export { newPdfDocument, PDF_AUTHOR } from './pdfDocument';
export type { PdfMetadata } from './pdfDocument';
export { sheetsToA0Pdf, sheetToPdfPage, drawSheet, boardSheetDrawings, PT_PER_MM, NOTE_PASTELS } from './pdfSheet';
export type { SheetDrawing, SheetFrame, SheetPdfOptions, BoardSheetOptions } from './pdfSheet';
export { workshopReportPdf, formatWorkshopDate } from './pdfReport';
export type { ReportPdfOptions } from './pdfReport';
