import type * as Y from 'yjs';
import {
  BOARD_COLLECTIONS,
  addNote,
  deleteNote,
  moveNote,
  observeNotes,
  readNote,
  readNotes,
  setNoteColor,
  setNoteText,
  type NotePlacement,
} from '@dmc/shared/doc/board';
import {
  observeDiscussion,
  placeVote,
  putDeferral,
  readVotes,
  removeDeferral,
  removeVote,
  setChoice,
  setFormulation,
  setHighlight,
  setMark,
} from '@dmc/shared/doc/discussion';
import { BOARD_SPEC, DRAFT_SPEC, undoManagerFor } from '@dmc/shared/doc/registry';
import { newId } from '@dmc/shared/domain/ids';
import { LOCAL_ORIGIN } from '@dmc/shared/doc/origins';
import { putQuestion, readQuestions, removeQuestion } from '@dmc/shared/doc/questions';
import { freeQuestionSlot, questionId } from '@dmc/shared/domain/questions';
import { collection } from '@dmc/shared/doc/records';
import type { Actor } from '@dmc/shared/domain/actor';
import { mayEditAsAuthor } from '@dmc/shared/domain/boardRules';
import {
  freeVoteSlot,
  type Choice,
  type Deferral,
  type Formulation,
  type MarkValue,
} from '@dmc/shared/domain/discussion';
import type { Note, NoteColor } from '@dmc/shared/domain/note';
import { PLENARY_BOARD, boardDocKey, draftDocKey, type SessionResponse } from '@dmc/shared/protocol/api';
import { presenceColor, type Presence } from '@dmc/shared/protocol/presence';
import type { AppStore } from '../store';
import { currentToken } from '../api/sessions';
import { boardSink, draftSink, type BoardSink } from './boardSinks';
import { BoardPresence, type PresenceView } from './boardPresence';
import { DocConnection, type NetworkEvents } from './docConnection';
import { mayReplay, type ReplayContext } from './offlineReplay';
import { retryOnSessionChange, sessionIsLive } from './sessionSignal';
import { guardDiscussionUndo } from './undoGuard';
import { DocWriter } from './docWriter';
import { selectMembership, selectWorkshopState } from '../store/workshopState';

export { guardDiscussionUndo } from './undoGuard';
export type { PresenceView } from './boardPresence';

/**
 * The board on screen — or my private draft (silent writing), or someone's draft a facilitator
 * reads — as the interface uses it: typed mutations over one DocConnection (which owns the
 * socket, the status and the close codes), the undo manager, presence, the unsaved-notes count,
 * and the recovery of this person's work after a refused write (WriteRecovery).
 */

/** What a new note needs; the rest (id, author, time, stacking) is filled in here. */
export interface NewNoteInput {
  readonly sheetId: string;
  readonly fieldId: string | null;
  readonly x: number;
  readonly y: number;
  readonly color: NoteColor;
  readonly text: string;
}

/**
 * What a connection is for: `board` is the board on screen (notes, discussion, presence, status);
 * `draft` is my private draft while writing silently; `peek` is someone's draft a facilitator
 * reads (never written).
 */
export type BoardRole = 'board' | 'draft' | 'peek';

/** Options for a board client. */
export interface BoardClientOptions {
  readonly session: SessionResponse;
  readonly store: AppStore;
  /** Websocket base URL, e.g. `wss://host/collab`. */
  readonly wsBase: string;
  /** The board (`plenary` or a subgroup id); used for the default document key. */
  readonly boardId?: string;
  /** The document key; defaults to the board's (`board-<boardId>`), `draft-<id>` for drafts. */
  readonly docKey?: string;
  /** Defaults to `board`. */
  readonly role?: BoardRole;
  /** Whose draft this is (roles `draft` and `peek`). */
  readonly ownerId?: string;
  /** Resolves once the session on screen is current; defaults to waiting for the session's sync. */
  readonly sessionCurrent?: () => Promise<void>;
  /** A WebSocket implementation where the platform has none (tests in Node 20). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** The browser's online/offline events (tests); defaults to `window`. */
  readonly network?: NetworkEvents | null;
}

/** The websocket base URL for the current page. */
export function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** A url-safe random id for a note (domain/ids.ts: 16 random bytes, base64url). */
export function newNoteId(): string {
  return newId();
}

/** The board (or a draft) as the interface uses it: mutations, undo, presence, lifecycle. */
export class BoardClient {
  readonly actor: Actor;
  readonly role: BoardRole;
  /** The board this client is about (`plenary` or a subgroup id). */
  readonly boardId: string;
  private readonly sink: BoardSink;
  private readonly presenceState: BoardPresence;
  private readonly writer: DocWriter;
  private connection: DocConnection | null = null;
  private undoManager: Y.UndoManager | null = null;
  /** Cleanups of the current document's observers (replaced with the document). */
  private docCleanups: Array<() => void> = [];
  private stopRetrying: () => void = () => undefined;
  /** Notes go to the store once synced, or once this person changed something (offline start). */
  private publishing = false;
  private destroyed = false;
  private stopped = false;

  constructor(private readonly options: BoardClientOptions) {
    this.actor = { id: options.session.participant.id, role: options.session.participant.role };
    this.role = options.role ?? 'board';
    this.boardId = options.boardId ?? PLENARY_BOARD;
    const owner = options.ownerId ?? options.session.participant.id;
    const store = options.store;
    this.sink = this.role === 'board' ? boardSink(store) : draftSink(store, owner, this.role === 'draft');
    this.presenceState = new BoardPresence(store);
    this.writer = new DocWriter({
      store,
      collections: this.role === 'board' ? BOARD_COLLECTIONS : ['notes'],
      // Only notes count: marks and dots are small and replayed with the rest.
      counted: ['notes'],
      report: (count) => this.sink.unsynced(count),
      unavailable: () => store.getState().showNotice({ tone: 'warning', key: 'notice.unavailable' }),
      allowed: (doc, change) => mayReplay(doc, change, this.replayContext()),
      boardId: this.boardId,
      sessionCurrent: options.sessionCurrent ?? (() => sessionIsLive(store)),
    });
  }

  /** The others on this board, for the overlay. */
  get presence() {
    return this.presenceState.feed;
  }

  /** Connects. */
  start(): void {
    if (this.destroyed || this.connection) return;
    const { session, store } = this.options;
    this.sink.status('connecting');
    this.sink.unsynced(0);
    this.sink.history(false, false);
    const connection = new DocConnection(
      {
        wsBase: this.options.wsBase,
        workshopId: session.workshop.id,
        docKey:
          this.options.docKey ??
          (this.role === 'board' ? boardDocKey(this.boardId) : draftDocKey(this.options.ownerId ?? this.actor.id)),
        token: () => currentToken(session),
        // Only the board itself carries presence; a draft is nobody's meeting place.
        user:
          this.role === 'board'
            ? {
                id: session.participant.id,
                name: session.participant.name,
                color: presenceColor(session.participant.id),
              }
            : null,
        onRefusal: this.role === 'peek' ? 'reread' : 'rebuild',
        WebSocketPolyfill: this.options.WebSocketPolyfill,
        network: this.options.network,
      },
      {
        status: (status) => this.sink.status(status),
        attach: (doc, provider) => this.attach(doc, provider),
        synced: (doc, first) => this.synced(doc, first),
        ...this.writer.handlers(),
        ended: (end) => this.ended(end),
        hidden: () => {
          // A draft the server no longer opens to us: stop quietly; the board tells the rest.
          if (this.role !== 'board') this.stopped = true;
        },
        throttled: () => store.getState().showNotice({ tone: 'warning', key: 'notice.tooManyMessages' }),
      },
    );
    this.connection = connection;
    this.writer.use(connection);
    // A board the server keeps closed right now (4406) opens again when the session changes.
    if (this.role === 'board') this.stopRetrying = retryOnSessionChange(store, connection);
  }

  /** Disconnects for good and forgets what this client reported. */
  destroy(): void {
    if (this.destroyed) return;
    this.handBackUnsaved();
    this.destroyed = true;
    this.stopRetrying();
    this.writer.destroy();
    this.detachDoc();
    this.undoManager?.destroy();
    this.connection?.destroy();
    this.connection = null;
    this.presenceState.destroy();
    this.sink.clear();
  }

  /** Whether this client gave up on its document (a draft or peek the server no longer opens). */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** What this person shares in presence right now. */
  localPresence(): Readonly<{ view: Presence['view'] }> {
    return { view: this.presenceState.view };
  }

  /** The current document (replaced after a refused write; do not keep it). */
  get doc(): Y.Doc | null {
    return this.connection?.doc ?? null;
  }

  /** A new document is about to connect: observers, undo, presence. */
  private attach(doc: Y.Doc, provider: Parameters<BoardPresence['attach']>[0]): void {
    this.detachDoc();
    this.publishing = false;
    this.undoManager?.destroy();
    // The undoable collections are declared in the registry (notes, marks, votes, deferrals).
    this.undoManager =
      this.role === 'board'
        ? undoManagerFor(doc, BOARD_SPEC)
        : this.role === 'draft'
          ? undoManagerFor(doc, DRAFT_SPEC)
          : null;
    const undo = this.undoManager;
    this.sink.history(false, false);
    if (undo) {
      const onHistory = () => this.sink.history(undo.canUndo(), undo.canRedo());
      for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
        undo.on(event, onHistory);
      if (this.role === 'board') this.docCleanups.push(guardDiscussionUndo(doc, undo));
    }
    this.docCleanups.push(
      observeNotes(doc, (notes, local) => {
        // Before the first sync an empty document would flash an empty board over the real one.
        if (local) this.publishing = true;
        if (this.publishing) this.sink.notes(notes, local);
      }),
    );
    if (this.role === 'board') {
      this.docCleanups.push(
        observeDiscussion(doc, () => {
          if (this.publishing) this.sink.discussion(doc);
        }),
      );
      this.presenceState.attach(provider);
    }
    this.docCleanups.push(this.writer.track(doc));
  }

  private detachDoc(): void {
    for (const cleanup of this.docCleanups.splice(0)) cleanup();
  }

  private synced(doc: Y.Doc, first: boolean): void {
    // Own changes come out of refused copies first: publishing may end this client (a draft that
    // the reveal emptied closes), and what it hands back then must include them.
    this.writer.synced(doc, first, () => !this.destroyed && this.connection?.doc === doc);
    if (!first) return;
    this.publishing = true;
    this.sink.notes(readNotes(doc), false);
    this.sink.discussion(doc);
  }

  private ended(end: 'unauthorized' | 'gone'): void {
    const store = this.options.store.getState();
    if (this.role === 'board') {
      store.setBoardEnd(end);
      return;
    }
    // A draft that is not (or no longer) open to us: stop quietly; the board tells the rest.
    if (end === 'unauthorized' && this.role === 'draft') store.setBoardEnd('unauthorized');
    this.stopped = true;
  }

  /**
   * Going away with changes the server has not confirmed (the screen moved to another board, a
   * draft closed while offline): the notes among them that this person wrote go to "Niet
   * opgeslagen" rather than vanish with the document.
   */
  private handBackUnsaved(): void {
    if (this.role === 'peek') return;
    const doc = this.connection?.doc;
    const pending = doc ? this.writer.unsynced.notes(doc) : [];
    this.writer.recovery.handBack(
      pending
        .filter((note) => note.authorId === this.actor.id && note.text.trim() !== '')
        .map((note) => ({
          id: `notes/${note.id}`,
          kind: 'note' as const,
          text: note.text,
          boardId: this.boardId,
          sheetId: note.sheetId,
          fieldId: note.fieldId,
          x: note.x,
          y: note.y,
          color: note.color,
        })),
    );
  }

  /** The situation the rules judge a replay in: this document, this person, the workshop now. */
  private replayContext(): ReplayContext {
    const s = this.options.store.getState();
    return {
      actor: this.actor,
      boardId: this.role === 'board' ? this.boardId : (this.options.ownerId ?? this.actor.id),
      kind: this.role === 'board' ? 'board' : 'draft',
      state: selectWorkshopState(s),
      membership: selectMembership(s),
      dotsPerPerson: s.settings?.dotsPerPerson ?? s.session?.workshop.dotsPerPerson ?? 0,
    };
  }

  /** Whether this person may change the text of, or delete, the note (authorship only; phases: workshop/capabilities). */
  mayEdit(note: Pick<Note, 'authorId'>): boolean {
    return mayEditAsAuthor(this.actor, note);
  }

  /** Whether the note is in this document. */
  has(noteId: string): boolean {
    const doc = this.doc;
    return doc !== null && readNote(doc, noteId) !== undefined;
  }

  /** Adds a note written by this person. */
  addNote(input: NewNoteInput): Note | null {
    const doc = this.doc;
    if (!doc) return null;
    return addNote(doc, { ...input, id: newNoteId(), authorId: this.actor.id });
  }

  /** Changes a note's text, if this person may. */
  setText(id: string, text: string): void {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (!doc || !note || !this.mayEdit(note) || note.text === text) return;
    setNoteText(doc, id, text);
  }

  /** Moves a note (one undo step). */
  move(id: string, placement: NotePlacement): void {
    const doc = this.doc;
    if (doc && readNote(doc, id)) moveNote(doc, id, placement);
  }

  /** Recolours a note. */
  setColor(id: string, color: NoteColor): void {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (doc && note && note.color !== color) setNoteColor(doc, id, color);
  }

  /** Deletes a note, if this person may. */
  remove(id: string): boolean {
    const doc = this.doc;
    const note = doc ? readNote(doc, id) : undefined;
    if (!doc || !note || !this.mayEdit(note)) return false;
    deleteNote(doc, id);
    return true;
  }

  /** Sets (or with null, clears) my mark on a note. */
  setMark(noteId: string, value: MarkValue | null): void {
    const doc = this.doc;
    if (!doc || !readNote(doc, noteId)) return;
    this.stopCapturing();
    setMark(doc, noteId, this.actor.id, value);
  }

  /** Places one of my dots on a note; false when all dots are used. */
  placeVote(noteId: string, dotsPerPerson: number): boolean {
    const doc = this.doc;
    if (!doc || !readNote(doc, noteId)) return false;
    const slot = freeVoteSlot(readVotes(doc), this.actor.id, dotsPerPerson);
    if (slot === null) return false;
    this.stopCapturing();
    placeVote(doc, noteId, this.actor.id, slot);
    return true;
  }

  /** Takes one of my dots back from a note; false when I have none there. */
  removeVote(noteId: string): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const slots = readVotes(doc)
      .filter((v) => v.participantId === this.actor.id && v.noteId === noteId)
      .map((v) => v.slot);
    if (slots.length === 0) return false;
    this.stopCapturing();
    removeVote(doc, this.actor.id, Math.max(...slots));
    return true;
  }

  /** Saves a field's agreed wording in my name. */
  setFormulation(formulation: Omit<Formulation, 'updatedBy' | 'updatedAt'>): void {
    const doc = this.doc;
    if (!doc) return;
    setFormulation(doc, { ...formulation, updatedBy: this.actor.id, updatedAt: Date.now() });
  }

  /** Removes a field's agreed wording (facilitators). */
  removeFormulation(fieldId: string): void {
    const doc = this.doc;
    if (doc) doc.transact(() => collection(doc, 'formulations').delete(fieldId), LOCAL_ORIGIN);
  }

  /**
   * Puts a question or reaction to the presenting group, in my name and my first free slot;
   * false when I used all my slots on this board (the server refuses more anyway).
   */
  askQuestion(text: string, fieldId: string): boolean {
    const doc = this.doc;
    if (!doc) return false;
    const slot = freeQuestionSlot(readQuestions(doc), this.actor.id);
    if (slot === null) return false;
    putQuestion(doc, { authorId: this.actor.id, slot, text: text.trim(), fieldId, createdAt: Date.now() });
    return true;
  }

  /** Takes back one of my questions (a facilitator may take back anyone's). */
  removeQuestion(authorId: string, slot: number): void {
    const doc = this.doc;
    if (doc) removeQuestion(doc, questionId(authorId, slot));
  }

  /** Adds or edits a question the group cannot answer now. */
  putDeferral(deferral: Deferral): void {
    const doc = this.doc;
    if (!doc) return;
    this.stopCapturing();
    putDeferral(doc, deferral);
  }

  /** Removes a question the group cannot answer now. */
  removeDeferral(id: string): void {
    const doc = this.doc;
    if (!doc) return;
    this.stopCapturing();
    removeDeferral(doc, id);
  }

  /** Marks or unmarks a note as a highlight for the presentation. */
  setHighlight(noteId: string, on: boolean): void {
    const doc = this.doc;
    if (!doc || (on && !readNote(doc, noteId))) return;
    setHighlight(doc, noteId, this.actor.id, on);
  }

  /**
   * Marks a note (or the field's agreed wording) as the group's choice in my name, or takes the
   * choice back. A note must be on the board: a private note cannot be chosen.
   */
  setChoice(target: Pick<Choice, 'fieldId' | 'targetKind' | 'targetId'>, on: boolean): void {
    const doc = this.doc;
    if (!doc) return;
    if (on && target.targetKind === 'note' && !readNote(doc, target.targetId)) return;
    setChoice(doc, { ...target, by: this.actor.id }, on);
  }

  /** Undoes this person's last change. */
  undo(): void {
    this.undoManager?.undo();
  }

  /** Redoes this person's last undone change. */
  redo(): void {
    this.undoManager?.redo();
  }

  /** Ends the current undo step, so the next change is undone separately. */
  stopCapturing(): void {
    this.undoManager?.stopCapturing();
  }

  /** Forgets the undo history: after a phase change the old steps may no longer be allowed. */
  clearHistory(): void {
    this.undoManager?.clear();
  }

  /** Shares where the pointer is on a sheet (null: not over the canvas). Throttled. */
  setCursor(cursor: Presence['cursor']): void {
    if (this.role === 'board') this.presenceState.setCursor(cursor);
  }

  /** Shares a note being dragged (null when dropped). Throttled; the drop is sent at once. */
  setDrag(drag: Presence['drag']): void {
    if (this.role === 'board') this.presenceState.setDrag(drag);
  }

  /** Shares which note this person is typing in. */
  setEditing(noteId: string | null): void {
    if (this.role === 'board') this.presenceState.setEditing(noteId);
  }

  /** Shares what this person is looking at (follow mode). Throttled. */
  setView(view: PresenceView | null): void {
    if (this.role === 'board') this.presenceState.setView(view);
  }
}
