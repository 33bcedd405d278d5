import * as Y from 'yjs';
import { ANONYMOUS_ID, type DepartureMode } from '../domain/departure';
import { markId, voteId } from '../domain/discussion';
import { collection, patchRecord, putRecord, toPlain, type PlainRecord, type YRecord } from './records';

/**
 * Forgetting a participant who left (domain/departure.ts), document by document, inside the
 * caller's transaction (the server writes as itself). `remove` deletes what they contributed —
 * notes, marks, dots, draft action points, action items they made — and what hangs on their
 * notes; `anonymise` keeps it all under ANONYMOUS_ID. Group records they merely touched last (an
 * agreed wording, a choice, a highlight, a cluster) stay in both cases, no longer in their name.
 */

/** What forgetting did to the documents so far; the ids feed the next document. */
export interface Forgetting {
  /** Notes removed (anywhere): records elsewhere that point at them lose the pointer. */
  readonly removedNoteIds: Set<string>;
  /** Draft action points removed: action items made from them lose the pointer. */
  readonly removedDeferralIds: Set<string>;
  /** Records removed and records whose author or owner was replaced. */
  removed: number;
  anonymised: number;
}

/** A fresh tally. */
export function newForgetting(): Forgetting {
  return { removedNoteIds: new Set(), removedDeferralIds: new Set(), removed: 0, anonymised: 0 };
}

/** Who is forgotten and how. */
export interface Departure {
  readonly participantId: string;
  readonly mode: DepartureMode;
  /**
   * The id their kept marks and dots go under: one per departure, so two people who left do not
   * collide on the same note or dot slot (those records are keyed by participant).
   */
  readonly pseudonym: string;
  /** Their display name, to clear it from action items where it was picked from the list. */
  readonly name: string;
}

type Entry = readonly [id: string, record: YRecord, plain: PlainRecord];

function entries(doc: Y.Doc, name: string): Entry[] {
  const out: Entry[] = [];
  collection(doc, name).forEach((record, id) => {
    if (record instanceof Y.Map) out.push([id, record, toPlain(record)]);
  });
  return out;
}

/** Forgets a participant in a board or a draft (a draft has only notes). */
export function forgetOnBoard(doc: Y.Doc, who: Departure, tally: Forgetting): void {
  const p = who.participantId;
  const remove = who.mode === 'remove';
  const drop = (name: string, id: string) => {
    collection(doc, name).delete(id);
    tally.removed++;
  };
  const rename = (record: YRecord, values: PlainRecord) => {
    patchRecord(record, values);
    tally.anonymised++;
  };
  for (const [id, record, note] of entries(doc, 'notes')) {
    if (note.authorId !== p) continue;
    if (remove) {
      drop('notes', id);
      tally.removedNoteIds.add(id);
    } else rename(record, { authorId: ANONYMOUS_ID });
  }
  const gone = tally.removedNoteIds;
  // Marks and dots are keyed by their owner: kept ones move to the pseudonym's key.
  for (const [id, , mark] of entries(doc, 'marks')) {
    if (gone.has(String(mark.noteId))) drop('marks', id);
    else if (mark.participantId === p) {
      if (remove) drop('marks', id);
      else {
        collection(doc, 'marks').delete(id);
        putRecord(collection(doc, 'marks'), markId(String(mark.noteId), who.pseudonym), {
          ...mark,
          participantId: who.pseudonym,
        });
        tally.anonymised++;
      }
    }
  }
  for (const [id, , vote] of entries(doc, 'votes')) {
    if (gone.has(String(vote.noteId))) drop('votes', id);
    else if (vote.participantId === p) {
      if (remove) drop('votes', id);
      else {
        collection(doc, 'votes').delete(id);
        putRecord(collection(doc, 'votes'), voteId(who.pseudonym, Number(vote.slot)), {
          ...vote,
          participantId: who.pseudonym,
        });
        tally.anonymised++;
      }
    }
  }
  for (const [id, record, deferral] of entries(doc, 'deferrals')) {
    if (deferral.createdBy === p) {
      if (remove) {
        drop('deferrals', id);
        tally.removedDeferralIds.add(id);
        continue;
      }
      rename(record, { createdBy: ANONYMOUS_ID });
    }
    if (deferral.noteId !== null && gone.has(String(deferral.noteId))) patchRecord(record, { noteId: null });
  }
  for (const [id, record, highlight] of entries(doc, 'highlights')) {
    if (gone.has(String(highlight.noteId))) drop('highlights', id);
    else if (highlight.by === p) rename(record, { by: ANONYMOUS_ID });
  }
  for (const [id, record, choice] of entries(doc, 'choices')) {
    if (choice.targetKind === 'note' && gone.has(String(choice.targetId))) drop('choices', id);
    else if (choice.by === p) rename(record, { by: ANONYMOUS_ID });
  }
  for (const [, record, wording] of entries(doc, 'formulations')) {
    if (wording.updatedBy === p) rename(record, { updatedBy: ANONYMOUS_ID });
    const sources = Array.isArray(wording.sourceNoteIds) ? (wording.sourceNoteIds as readonly string[]) : [];
    if (sources.some((n) => gone.has(n))) patchRecord(record, { sourceNoteIds: sources.filter((n) => !gone.has(n)) });
  }
}

/** Forgets a participant in the synthesis document; run after every board, so removed notes are known. */
export function forgetInSynthesis(doc: Y.Doc, who: Departure, tally: Forgetting): void {
  const p = who.participantId;
  const remove = who.mode === 'remove';
  const gone = tally.removedNoteIds;
  for (const [id, record, cluster] of entries(doc, 'clusters')) {
    const items = Array.isArray(cluster.itemIds) ? (cluster.itemIds as readonly string[]) : [];
    const kept = items.filter((n) => !gone.has(n));
    if (kept.length === 0) {
      collection(doc, 'clusters').delete(id);
      tally.removed++;
      continue;
    }
    if (kept.length !== items.length) patchRecord(record, { itemIds: kept });
    if (cluster.updatedBy === p) {
      patchRecord(record, { updatedBy: ANONYMOUS_ID });
      tally.anonymised++;
    }
  }
  for (const [, record, wording] of entries(doc, 'plenaryFormulations')) {
    if (wording.updatedBy !== p) continue;
    patchRecord(record, { updatedBy: ANONYMOUS_ID });
    tally.anonymised++;
  }
  for (const [id, record, action] of entries(doc, 'actions')) {
    if (action.createdBy === p && remove) {
      collection(doc, 'actions').delete(id);
      tally.removed++;
      continue;
    }
    const changes: Record<string, string | null> = {};
    if (action.createdBy === p) changes.createdBy = ANONYMOUS_ID;
    // Picked from the participant list: the link and their name go; a name typed by hand stays.
    if (action.whoParticipantId === p) {
      changes.whoParticipantId = null;
      if (String(action.who).trim() === who.name.trim()) changes.who = '';
    }
    if (action.sourceNoteId !== null && gone.has(String(action.sourceNoteId))) changes.sourceNoteId = null;
    if (action.sourceDeferralId !== null && tally.removedDeferralIds.has(String(action.sourceDeferralId)))
      changes.sourceDeferralId = null;
    if (Object.keys(changes).length === 0) continue;
    patchRecord(record, changes);
    if (changes.createdBy !== undefined || changes.whoParticipantId !== undefined) tally.anonymised++;
  }
}
