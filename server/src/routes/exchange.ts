import { Router, type Request } from 'express';
import { fileStem, isTextExportFormat, sheetsPdfFileName, textExport } from '@dmc/shared/export/files';
import { demoWorkshop } from '@dmc/shared/server/demo/demoWorkshop';
import { requestClaims, type TokenSigner } from '../auth/tokens';
import type { Exchange } from '../exchange';
import { HttpError } from '../httpError';
import type { WorkshopService } from '../workshops';
import { importEvents, parseBackupOffThread } from '../backupParser';
import type { RateLimits } from './rateLimit';

/** Largest backup accepted for import. */
export const MAX_BACKUP_BYTES = 8 * 1024 * 1024;

/**
 * Downloads for the facilitator (action list, report, calendar, backup) and the import of a
 * backup into a new workshop. Thin: authenticate, validate, delegate to Exchange.
 */
export function exchangeRoutes(
  workshops: WorkshopService,
  exchange: Exchange,
  tokens: TokenSigner,
  limits: RateLimits,
): Router {
  const router = Router();

  router.get('/workshops/:id/export/:format', async (req, res) => {
    const workshop = workshops.authenticateFacilitator(
      requestClaims(tokens, req.headers.authorization),
      String(req.params.id),
    );
    const format = String(req.params.format);
    const locale = req.query.lang === 'en' ? 'en' : req.query.lang === 'nl' ? 'nl' : workshop.language;
    const sheets = /^sheets-([A-Za-z0-9_-]{1,64})\.pdf$/.exec(format);
    if (!isTextExportFormat(format) && format !== 'report.pdf' && !sheets) {
      throw new HttpError(404, 'unknown_format', `Unknown export format "${format}".`);
    }
    const exp = await exchange.collect(workshop.id);
    res.setHeader('Cache-Control', 'no-store');
    if (isTextExportFormat(format)) {
      const file = textExport(format, exp, { locale, uidDomain: req.hostname || 'localhost' });
      res.setHeader('Content-Type', file.mediaType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.send(file.body);
      return;
    }
    // PDFs are made on demand; pdf-lib is loaded only when someone asks for one.
    const pdf = await import('@dmc/shared/server/pdf');
    let bytes: Uint8Array;
    let filename: string;
    if (sheets?.[1]) {
      const boardId = sheets[1];
      if (!exp.boards.some((b) => b.boardId === boardId))
        throw new HttpError(404, 'unknown_board', `No board "${boardId}" in this workshop.`);
      bytes = await pdf.sheetsToA0Pdf(exp, boardId, { locale });
      // Named like the board's pictures: after its subgroup, never by its id.
      filename = sheetsPdfFileName(exp, boardId, locale);
    } else {
      bytes = await pdf.workshopReportPdf(exp, { locale });
      filename = `${fileStem(exp)}-${locale === 'en' ? 'report' : 'verslag'}.pdf`;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(Buffer.from(bytes));
  });

  // The backup may be far larger than other requests: its own rate limit, its own size limit
  // (checked on the declared and the streamed size, before anything is parsed), and the parsing
  // in a worker thread so other workshops keep running meanwhile.
  router.post('/workshops/import', limits.import, async (req, res) => {
    const locale = req.query.lang === 'en' ? 'en' : 'nl';
    const bytes = await readLimited(req, MAX_BACKUP_BYTES);
    importEvents.emit('received', bytes.length);
    const parsed = await parseBackupOffThread(bytes, { maxBytes: MAX_BACKUP_BYTES, locale });
    if (!parsed.ok)
      throw new HttpError(400, 'invalid_backup', 'This file is not a valid workshop backup.', parsed.errors);
    const backup = parsed.backup;
    const plan = backup.workshop.settings;
    const created = await workshops.create({
      title: backup.workshop.title,
      institution: backup.workshop.institution,
      date: /^\d{4}-\d{2}-\d{2}$/.test(backup.workshop.date) ? backup.workshop.date : '',
      language: backup.workshop.language,
      // A backup from before settings were carried along gets the defaults of a new workshop.
      allowAnonymous: plan?.allowAnonymous ?? false,
      dotsPerPerson: plan?.dotsPerPerson ?? 3,
      selfSelectGroups: plan?.selfSelectGroups ?? false,
      askTableRole: plan?.askTableRole ?? true,
      startTime: plan?.startTime ?? '',
      practicalNotes: plan?.practicalNotes ?? '',
      ...(plan ? { readingList: plan.readingList } : {}),
      agendaMinutes: plan?.agendaMinutes ?? {},
      agendaEntries: plan?.agendaEntries ?? [],
    });
    await exchange.restore(created.workshop.id, backup, created.participant.id);
    // A closed workshop is restored closed (read-only), as it was when the backup was taken.
    res
      .status(201)
      .json(backup.workshop.closed ? { ...created, workshop: { ...created.workshop, closed: true } } : created);
  });

  // One click: a realistic, fully filled example workshop; the caller becomes its facilitator.
  router.post('/demo', limits.demo, async (_req, res) => {
    const demo = demoWorkshop(Date.now());
    const created = await workshops.create({
      title: demo.workshop.title,
      institution: demo.workshop.institution,
      date: demo.workshop.date,
      language: demo.workshop.language,
      allowAnonymous: true,
      dotsPerPerson: 3,
      selfSelectGroups: false,
      askTableRole: true,
      startTime: '13:00',
      practicalNotes: '',
      agendaMinutes: {},
    });
    await exchange.restore(created.workshop.id, demo, created.participant.id);
    await exchange.setPhase(created.workshop.id, 'synthesis');
    res.status(201).json(created);
  });

  return router;
}

/** The refusal of a backup over the limit, naming the limit (NL detail for the import screen). */
function tooLarge(limit: number): HttpError {
  const mb = (limit / (1024 * 1024)).toFixed(0);
  return new HttpError(413, 'too_large', `Backups are limited to ${mb} MB (${limit} bytes).`, [
    `Een back-up mag maximaal ${mb} MB zijn.`,
  ]);
}

/**
 * Reads a request body up to `limit` bytes: refused at once when Content-Length says it is larger,
 * and as soon as the streamed bytes pass the limit otherwise (the connection is then closed).
 */
function readLimited(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.res?.setHeader('Connection', 'close');
    return Promise.reject(tooLarge(limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: unknown) => {
      req.off('data', onData);
      req.off('end', onEnd);
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.res?.setHeader('Connection', 'close');
        req.pause();
        fail(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', fail);
  });
}
