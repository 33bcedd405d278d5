import type * as Y from 'yjs';
import { notesOf } from '@dmc/shared/doc/board';
import { collection } from '@dmc/shared/doc/records';

/** Whether a transaction changed a collection (a record in it, or the collection itself). */
function touched(tr: Y.Transaction, coll: unknown): boolean {
  for (const type of tr.changed.keys()) {
    // Identity checks across Yjs' invariant generic types.
    if ((type as unknown) === coll || (type._item?.parent as unknown) === coll) return true;
  }
  return false;
}

/**
 * Undoing a mark or a dot re-creates it, and the server refuses a mark or dot on a note that no
 * longer exists. When someone else deletes a note while my history holds marks or dots, the
 * history is forgotten rather than let an undo send something the server would refuse.
 */
export function guardDiscussionUndo(doc: Y.Doc, undo: Y.UndoManager): () => void {
  const notes = notesOf(doc);
  const marks = collection(doc, 'marks');
  const votes = collection(doc, 'votes');
  let inHistory = false;
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.local) {
      if (touched(tr, marks) || touched(tr, votes)) inHistory = true;
      return;
    }
    if (!inHistory) return;
    let gone = false;
    tr.changed.forEach((keys, type) => {
      if ((type as unknown) === notes) for (const id of keys) if (id !== null && !notes.has(id)) gone = true;
    });
    if (gone) {
      undo.clear();
      inHistory = false;
    }
  };
  const onCleared = () => {
    inHistory = false;
  };
  doc.on('afterTransaction', onTransaction);
  undo.on('stack-cleared', onCleared);
  return () => {
    doc.off('afterTransaction', onTransaction);
    undo.off('stack-cleared', onCleared);
  };
}
