import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sheetPngFileName } from '@dmc/shared/export/files';
import type { WorkshopExport } from '@dmc/shared/export/model';
import { localize } from '@dmc/shared/template/lookup';
import { templateForBoard } from '@dmc/shared/template/plenary';
import type { Locale } from '@dmc/shared/template/types';
import { ApiError } from '../api/http';
import { errorMessage } from '../components/errors';
import { Modal } from '../components/Modal';
import { useLocale, useT, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { useAppStore } from '../store';
import { exportBoards, exportCatalog, jobId, type ExportBoardRef, type ExportJob } from './catalog';
import { saveBlob } from '../api/saveFile';
import { fetchExport, type DownloadedFile } from './download';
import { renderSheetPng } from './sheetPicture';
import './exports.css';

/**
 * The facilitator's downloads, one click each: the action list (CSV for Dutch Excel, CSV with
 * commas, Markdown, calendar, JSON), the report (PDF, Markdown), per board its sheets at A0 (PDF) and
 * each sheet as a high-resolution picture (PNG, drawn here), and the backup. Server files come
 * from the export endpoint with the facilitator's token; everything follows the interface
 * language. Progress and results are announced; a failure says what went wrong.
 */

/** Labels and file-type badges of the server's formats. */
const SERVER_LABELS: Readonly<Record<string, { label: MessageKey; hint: MessageKey | null; badge: string }>> = {
  'actions.csv': { label: 'export.job.csv', hint: 'export.job.csvHint', badge: 'CSV' },
  'actions-comma.csv': { label: 'export.job.csvComma', hint: 'export.job.csvCommaHint', badge: 'CSV' },
  'actions.md': { label: 'export.job.actionsMd', hint: 'export.job.actionsMdHint', badge: 'MD' },
  'actions.ics': { label: 'export.job.ics', hint: 'export.job.icsHint', badge: 'ICS' },
  'actions.json': { label: 'export.job.actionsJson', hint: 'export.job.actionsJsonHint', badge: 'JSON' },
  'report.pdf': { label: 'export.job.reportPdf', hint: 'export.job.reportPdfHint', badge: 'PDF' },
  'report.md': { label: 'export.job.reportMd', hint: 'export.job.reportMdHint', badge: 'MD' },
  'backup.json': { label: 'export.job.backup', hint: 'export.job.backupHint', badge: 'JSON' },
};

/** What the dialog says about the download in progress or just finished. */
type Status =
  | { readonly kind: 'busy'; readonly id: string; readonly label: string }
  | { readonly kind: 'done'; readonly filename: string }
  | { readonly kind: 'failed'; readonly label: string; readonly message: string }
  | null;

function boardName(board: ExportBoardRef, t: Translate): string {
  return board.name ?? t('export.board.plenary');
}

/** The full name of a download, for the status line and screen readers. */
function jobLabel(job: ExportJob, t: Translate, locale: Locale): string {
  if (job.kind === 'png')
    return t('export.job.pngFull', { board: boardName(job.board, t), sheet: localize(job.sheet.label, locale) });
  const known = SERVER_LABELS[job.format];
  return known ? t(known.label) : job.format;
}

/** Note counts per board and sheet, from a backup: "plenary/vel1" → 12. */
function noteCounts(backup: WorkshopExport | null): ReadonlyMap<string, number> | null {
  if (!backup) return null;
  const counts = new Map<string, number>();
  for (const board of backup.boards)
    for (const note of board.notes)
      counts.set(`${board.boardId}/${note.sheetId}`, (counts.get(`${board.boardId}/${note.sheetId}`) ?? 0) + 1);
  return counts;
}

/** The dialog; mounted while open (loaded on demand, with its picture renderer). */
export default function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const session = useAppStore((s) => s.session);
  const groups = useAppStore((s) => s.groups);
  const catalog = useMemo(() => exportCatalog(exportBoards(groups)), [groups]);
  const [status, setStatus] = useState<Status>(null);
  const [backup, setBackup] = useState<WorkshopExport | null>(null);
  const busy = status?.kind === 'busy';
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const token = session?.token ?? '';
  const workshopId = session?.workshop.id ?? '';

  /** The workshop as it is now (the pictures are drawn from it). */
  const loadBackup = useCallback(async (): Promise<WorkshopExport> => {
    const file = await fetchExport(token, workshopId, 'backup.json', locale);
    const value = JSON.parse(await file.blob.text()) as WorkshopExport;
    if (mounted.current) setBackup(value);
    return value;
  }, [token, workshopId, locale]);

  // The note counts beside the pictures; without them the dialog works just as well.
  useEffect(() => {
    loadBackup().catch(() => undefined);
  }, [loadBackup]);

  const run = async (job: ExportJob) => {
    if (busy || !session) return;
    const label = jobLabel(job, t, locale);
    setStatus({ kind: 'busy', id: jobId(job), label });
    try {
      const file =
        job.kind === 'server'
          ? await fetchExport(token, workshopId, job.format, locale)
          : await picture(job, await loadBackup());
      saveBlob(file.blob, file.filename);
      if (mounted.current) setStatus({ kind: 'done', filename: file.filename });
    } catch (error) {
      const message =
        error instanceof ApiError
          ? error.code === 'unknown_board'
            ? t('export.error.noBoard')
            : errorMessage(t, error)
          : t('export.error.picture');
      if (mounted.current) setStatus({ kind: 'failed', label, message });
    }
  };

  const picture = async (job: Extract<ExportJob, { kind: 'png' }>, data: WorkshopExport): Promise<DownloadedFile> => {
    const board = data.boards.find((b) => b.boardId === job.board.boardId);
    if (!board) throw new ApiError(404, 'unknown_board', 'no such board');
    const rendered = await renderSheetPng({
      template: templateForBoard(board.boardId),
      sheet: job.sheet,
      notes: board.notes,
      discussion: board,
      locale,
      formulationTitle: t('canvas.formulation'),
      chosenLabel: t('choice.badge'),
    });
    // Named as the server names the board's A0 PDF (shared/src/export/files.ts).
    return {
      blob: rendered.blob,
      filename: sheetPngFileName(data, board.boardId, localize(job.sheet.label, locale), locale),
    };
  };

  const counts = noteCounts(backup);
  const button = (job: ExportJob, visible: { label: string; hint: string | null; badge: string; context?: string }) => {
    const id = jobId(job);
    const active = status?.kind === 'busy' && status.id === id;
    return (
      <button
        key={id}
        type="button"
        className="export-item"
        data-testid={`export-${id}`}
        aria-disabled={busy && !active ? true : undefined}
        aria-busy={active || undefined}
        onClick={() => void run(job)}
      >
        <span className="export-item__badge" aria-hidden="true">
          {visible.badge}
        </span>
        <span className="export-item__text">
          <span className="export-item__label">
            {visible.context && <span className="visually-hidden">{visible.context}, </span>}
            {visible.label}
          </span>
          {(active || visible.hint) && (
            <span className="export-item__hint">{active ? t('export.working') : visible.hint}</span>
          )}
        </span>
      </button>
    );
  };
  const serverButton = (job: ExportJob) => {
    const known = job.kind === 'server' ? SERVER_LABELS[job.format] : undefined;
    return button(job, {
      label: known ? t(known.label) : jobId(job),
      hint: known?.hint ? t(known.hint) : null,
      badge: known?.badge ?? '',
    });
  };
  const countText = (boardId: string, sheetId: string): string | null => {
    const n = counts?.get(`${boardId}/${sheetId}`);
    if (n === undefined) return counts ? t('export.notes.none') : null;
    return n === 1 ? t('export.notes.one') : t('export.notes.many', { count: n });
  };

  return (
    <Modal titleId="export-title" onClose={onClose}>
      <div className="export" data-testid="export-dialog">
        <h2 id="export-title" tabIndex={-1}>
          {t('export.title')}
        </h2>
        <p className="export__intro">{t('export.intro')}</p>

        <section className="export__section" aria-labelledby="export-actions">
          <h3 id="export-actions">{t('export.section.actions')}</h3>
          <p className="hint">{t('export.section.actionsHint')}</p>
          <div className="export__grid">{catalog.actions.map(serverButton)}</div>
        </section>

        <section className="export__section" aria-labelledby="export-report">
          <h3 id="export-report">{t('export.section.report')}</h3>
          <p className="hint">{t('export.section.reportHint')}</p>
          <div className="export__grid">{catalog.report.map(serverButton)}</div>
        </section>

        <section className="export__section" aria-labelledby="export-boards">
          <h3 id="export-boards">{t('export.section.boards')}</h3>
          <p className="hint">{t('export.section.boardsHint')}</p>
          <ul className="export__boards">
            {catalog.boards.map(({ board, sheets, pictures }) => {
              const name = boardName(board, t);
              return (
                <li key={board.boardId} className="export__board">
                  <h4 className="export__board-name">{name}</h4>
                  <div className="export__board-items">
                    {button(sheets, {
                      label: t('export.job.sheets'),
                      hint: t('export.job.sheetsHint', { count: templateForBoard(board.boardId).sheets.length }),
                      badge: 'PDF',
                      context: name,
                    })}
                    {pictures.map((job) =>
                      job.kind === 'png'
                        ? button(job, {
                            label: t('export.job.png', { sheet: localize(job.sheet.label, locale) }),
                            hint: countText(board.boardId, job.sheet.id),
                            badge: 'PNG',
                            context: name,
                          })
                        : null,
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="export__section" aria-labelledby="export-backup">
          <h3 id="export-backup">{t('export.section.backup')}</h3>
          <p className="hint">{t('export.section.backupHint')}</p>
          <div className="export__grid">{serverButton(catalog.backup)}</div>
        </section>

        <div className="export__status" role="status" data-testid="export-status" data-status={status?.kind ?? 'idle'}>
          {status?.kind === 'busy' && t('export.busy', { label: status.label })}
          {status?.kind === 'done' && t('export.done', { filename: status.filename })}
        </div>
        <div role="alert">
          {status?.kind === 'failed' && (
            <p className="error" data-testid="export-error">
              {t('export.failed', { label: status.label, reason: status.message })}
            </p>
          )}
        </div>
      </div>
    </Modal>
  );
}
