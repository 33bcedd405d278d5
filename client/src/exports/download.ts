import type { TextExportFormat } from '@dmc/shared/export/files';
import type { Locale } from '@dmc/shared/template/types';
import { ApiError } from '../api/http';
import { apiErrorOf } from './exchangeApi';
import { latestToken } from '../api/sessions';

/**
 * Downloads: the files the server makes (GET /api/workshops/:id/export/<format>, facilitator
 * token) fetched with the Authorization header and saved from a Blob through a temporary
 * `<a download>`; and files made here (PNGs) saved the same way. Names and types are pure.
 */

/** The formats the export endpoint serves. */
export type ServerExportFormat = TextExportFormat | 'report.pdf' | `sheets-${string}.pdf`;

/** The endpoint path of a format, in a language (the files follow the interface language). */
export function exportPath(workshopId: string, format: ServerExportFormat, locale: Locale): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/export/${encodeURIComponent(format)}?lang=${locale}`;
}

/** The A0 sheets of one board (`plenary` or a subgroup id). */
export function sheetsFormat(boardId: string): ServerExportFormat {
  return `sheets-${boardId}.pdf`;
}

/** Media types by file extension, for blobs whose response did not say. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  json: 'application/json;charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
};

/** The media type of a file by its name (application/octet-stream when unknown). */
export function mediaTypeOf(filename: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * The file name a Content-Disposition header gives (RFC 6266: `filename*=UTF-8''…` before
 * `filename="…"`), stripped of any path; the fallback when there is none.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = null;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1] ?? null;
  const base = name?.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

/** A downloaded file, not yet saved. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** Fetches one of the server's exports with the facilitator's token; ApiError on failure. */
export async function fetchExport(
  token: string,
  workshopId: string,
  format: ServerExportFormat,
  locale: Locale,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(exportPath(workshopId, format, locale), {
      headers: { authorization: `Bearer ${latestToken(token)}` },
      credentials: 'same-origin',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) throw await apiErrorOf(response);
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), format);
  const blob = await response.blob();
  // Keep the server's type; a missing one is guessed from the name so the file opens right.
  return { blob: blob.type ? blob : new Blob([blob], { type: mediaTypeOf(filename) }), filename };
}
