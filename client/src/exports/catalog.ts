import { PLENARY_BOARD_ID } from '@dmc/shared/export/model';
import { templateForBoard } from '@dmc/shared/template/plenary';
import type { SheetTemplate } from '@dmc/shared/template/types';
import { sheetsFormat, type ServerExportFormat } from './download';

/**
 * What the export dialog offers, in its order: the action list (five formats), the report (PDF,
 * Markdown), per board its sheets at A0 (PDF) and each sheet as a picture (PNG), and the backup.
 * Server formats are fetched; pictures are drawn in the browser. Pure.
 */

/** A board of the workshop: the plenary one, or a subgroup's. */
export interface ExportBoardRef {
  readonly boardId: string;
  /** The subgroup's name; null for the plenary board. */
  readonly name: string | null;
}

/** One download. */
export type ExportJob =
  | { readonly kind: 'server'; readonly format: ServerExportFormat }
  | { readonly kind: 'png'; readonly board: ExportBoardRef; readonly sheet: SheetTemplate };

/** The downloads of one board. */
export interface BoardExports {
  readonly board: ExportBoardRef;
  /** All its sheets as one A0 PDF. */
  readonly sheets: ExportJob;
  /** Each sheet as a PNG. */
  readonly pictures: readonly ExportJob[];
}

/** Everything the dialog offers. */
export interface ExportCatalog {
  readonly actions: readonly ExportJob[];
  readonly report: readonly ExportJob[];
  readonly boards: readonly BoardExports[];
  readonly backup: ExportJob;
}

/** The boards to export: plenary first, then the subgroups in their order. */
export function exportBoards(
  groups: readonly { readonly id: string; readonly name: string; readonly order: number }[],
): ExportBoardRef[] {
  return [
    { boardId: PLENARY_BOARD_ID, name: null },
    ...[...groups].sort((a, b) => a.order - b.order).map((g) => ({ boardId: g.id, name: g.name })),
  ];
}

/** A key naming a download uniquely (for busy states and test ids). */
export function jobId(job: ExportJob): string {
  return job.kind === 'server' ? job.format : `png-${job.board.boardId}-${job.sheet.id}`;
}

const server = (format: ServerExportFormat): ExportJob => ({ kind: 'server', format });

/** Everything the dialog offers for these boards. */
export function exportCatalog(boards: readonly ExportBoardRef[]): ExportCatalog {
  return {
    actions: [
      server('actions.csv'),
      server('actions-comma.csv'),
      server('actions.md'),
      server('actions.ics'),
      server('actions.json'),
    ],
    report: [server('report.pdf'), server('report.md')],
    boards: boards.map((board) => ({
      board,
      sheets: server(sheetsFormat(board.boardId)),
      pictures: templateForBoard(board.boardId).sheets.map((sheet): ExportJob => ({ kind: 'png', board, sheet })),
    })),
    backup: server('backup.json'),
  };
}
