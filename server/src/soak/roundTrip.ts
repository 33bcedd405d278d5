import { performance } from 'node:perf_hooks';
import { addNote, readNotes } from '@dmc/shared/doc/board';
import type { SessionResponse } from '@dmc/shared/protocol/api';
import { PLENARY_BOARD, boardDocKey } from '@dmc/shared/protocol/api';
import { connectDoc } from '../testing/harness';

/**
 * What the soak scripts measure: one client of a bystander workshop writes a note and another
 * sees it. Resolves with a function that measures one such round trip in milliseconds.
 */
export async function bystander(
  baseUrl: string,
  session: SessionResponse,
): Promise<{ roundTrip(): Promise<number>; close(): void }> {
  const writer = connectDoc(baseUrl, session, boardDocKey(PLENARY_BOARD));
  const observer = connectDoc(baseUrl, session, boardDocKey(PLENARY_BOARD));
  await Promise.all([writer.synced(), observer.synced()]);
  let seq = 0;
  const roundTrip = () =>
    new Promise<number>((resolve) => {
      const id = `rt${seq++}`;
      const start = performance.now();
      const check = () => {
        if (!readNotes(observer.doc).some((n) => n.id === id)) return;
        observer.doc.off('update', check);
        resolve(performance.now() - start);
      };
      observer.doc.on('update', check);
      addNote(writer.doc, {
        id,
        sheetId: 'welkom',
        fieldId: null,
        x: 10 + (seq % 40) * 10,
        y: 10,
        color: 'yellow',
        text: 'ping',
        authorId: session.participant.id,
      });
    });
  return {
    roundTrip,
    close() {
      writer.destroy();
      observer.destroy();
    },
  };
}

/** A table row: count, p50, p95 and max of some milliseconds. */
export function row(name: string, values: readonly number[]): string {
  const f = (v: number) => v.toFixed(1).padStart(7);
  return `${name.padEnd(30)} n=${String(values.length).padStart(5)}  p50=${f(pct(values, 50))} ms  p95=${f(pct(values, 95))} ms  max=${f(Math.max(...values))} ms`;
}

function pct(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
