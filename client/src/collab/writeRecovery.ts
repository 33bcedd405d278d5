import type * as Y from 'yjs';
import { CLOSE } from '@dmc/shared/protocol/closeCodes';
import type { AppStore } from '../store';
import { offlineChanges, type LostEdit, type OfflineChange } from './offlineChanges';
import { replay, unsavedItems } from './offlineReplay';
import type { UnsavedItem } from '../store/recoverySlice';

/**
 * What happens to this person's work when the server refuses a write, for every document they
 * write (board, draft, synthesis): the refused copy is kept until a fresh one synced, their own
 * changes are taken out of it, and — once the session on screen is current — replayed on the
 * fresh copy one by one, as far as the rules allow now. What is refused and has text goes to
 * "Niet opgeslagen"; nothing typed vanishes unseen. A refusal that a phase change explains (the
 * facilitator moved on while this person typed) is said in those words.
 */

/** How the owner judges a change now and where refused texts belong. */
export interface WriteRecoveryOptions {
  readonly store: AppStore;
  /** The collections whose records are taken out of a refused copy. */
  readonly collections: readonly string[];
  /** Whether the rules allow this change now (the same rules the server applies). */
  readonly allowed: (doc: Y.Doc, change: OfflineChange) => boolean;
  /** The board the texts were written on (for "Niet opgeslagen"). */
  readonly boardId: string;
  /** Resolves once the session document is current (the phase on screen is the server's). */
  readonly sessionCurrent: () => Promise<void>;
  /** Origin of replayed changes: local (sent), not an undo step. */
  readonly origin: unknown;
}

/** Replays after refusals: the most rounds in one episode (each round drops at least one change). */
const MAX_REPLAY_ROUNDS = 12;

/** The refused copies and the changes taken out of them, until replayed or handed back. */
export class WriteRecovery {
  private readonly carried: Y.Doc[] = [];
  private backlog: { changes: OfflineChange[]; lost: LostEdit[] } = { changes: [], lost: [] };
  /** What the last replay sent, until the server confirms it (null: no replay under way). */
  private lastReplay: readonly string[] | null = null;
  private rounds = 0;
  private refusal: { code: number; reason: string; phaseId: string | null } | null = null;
  /** The phase on screen when this person last changed something (a refusal compares against it). */
  private phaseOfLastWrite: string | null = null;
  private destroyed = false;

  constructor(private readonly options: WriteRecoveryOptions) {}

  /** Notes the phase this person writes in (call on every local change). */
  wrote(): void {
    this.phaseOfLastWrite = this.options.store.getState().flow?.phaseId ?? null;
  }

  /** The server refused a write; `refusedDoc` is the copy to take this person's changes from. */
  refused(code: number, reason: string, refusedDoc: Y.Doc | null): void {
    if (refusedDoc) this.carried.push(refusedDoc);
    this.refusal = { code, reason, phaseId: this.phaseOfLastWrite };
  }

  /** The server confirmed everything sent: the next refusal starts a new episode. */
  confirmed(): void {
    this.lastReplay = null;
    this.rounds = 0;
  }

  /**
   * A fresh copy synced after a refusal: takes the own changes out of the refused copies and
   * replays them once the session is current; `sent` hears which note ids were sent again.
   */
  recover(fresh: Y.Doc, isCurrent: () => boolean, sent: (keys: readonly string[]) => void): void {
    for (const old of this.carried.splice(0)) {
      try {
        const found = offlineChanges(old, fresh, this.options.collections);
        this.backlog.changes.push(...found.changes);
        this.backlog.lost.push(...found.lost);
      } finally {
        old.destroy();
      }
    }
    const refusal = this.refusal;
    this.refusal = null;
    const nothingToReplay = this.backlog.changes.length === 0 && this.backlog.lost.length === 0;
    if (nothingToReplay) this.lastReplay = null;
    if (nothingToReplay && !refusal) return;
    void this.options.sessionCurrent().then(() => {
      if (this.destroyed) return;
      if (nothingToReplay) {
        if (refusal) this.explain(refusal);
        return;
      }
      if (!isCurrent()) return; // replayed on the next fresh copy
      sent(this.replayBacklog(fresh));
    });
  }

  /**
   * Going away with work the server never took (the screen moved to another board): what has
   * text goes to "Niet opgeslagen" with `extra` (notes written here and not confirmed).
   */
  handBack(extra: readonly UnsavedItem[]): void {
    const { changes, lost } = this.backlog;
    this.backlog = { changes: [], lost: [] };
    const { items } = unsavedItems(changes, lost, this.options.boardId);
    items.push(...extra);
    this.report(items, 0, 0);
  }

  /** Stops; refused copies are freed. */
  destroy(): void {
    this.destroyed = true;
    for (const old of this.carried.splice(0)) old.destroy();
  }

  private replayBacklog(doc: Y.Doc): readonly string[] {
    const { changes, lost } = this.backlog;
    this.backlog = { changes: [], lost: [] };
    if (this.lastReplay !== null) this.rounds++;
    // Bounded: every round after a refused replay drops at least the refused change; past this
    // many rounds, everything left is handed back rather than tried again.
    const outcome =
      this.rounds > MAX_REPLAY_ROUNDS
        ? { sent: [], refused: changes }
        : replay(doc, changes, this.options.allowed, this.options.origin, this.lastReplay);
    this.lastReplay = outcome.sent.length > 0 ? outcome.sent : null;
    const { items, dropped } = unsavedItems(outcome.refused, lost, this.options.boardId);
    this.report(items, dropped, outcome.sent.length);
    return outcome.sent;
  }

  private report(items: readonly UnsavedItem[], dropped: number, sent: number): void {
    const store = this.options.store.getState();
    if (items.length > 0) {
      store.addUnsaved(items);
      store.showNotice({
        tone: 'warning',
        key: items.length === 1 ? 'notice.unsavedOne' : 'notice.unsavedMany',
        vars: { count: items.length },
      });
    } else if (dropped > 0) {
      store.showNotice({
        tone: 'info',
        key: dropped === 1 ? 'notice.droppedOne' : 'notice.droppedMany',
        vars: { count: dropped, kept: sent },
      });
    } else if (sent > 0) {
      store.showNotice({ tone: 'info', key: 'notice.replayed', vars: { count: sent } });
    }
  }

  /** Tells the person a change was not kept: by the phase change that crossed it, or why. */
  private explain(refusal: { code: number; reason: string; phaseId: string | null }): void {
    const store = this.options.store.getState();
    const now = store.flow?.phaseId ?? null;
    if (refusal.phaseId !== null && now !== null && now !== refusal.phaseId) {
      store.showNotice({ tone: 'info', key: 'notice.refused.phaseChanged' });
      return;
    }
    store.showNotice({
      tone: 'warning',
      key: 'notice.refused',
      keyVars: { why: refusalReason(refusal.code) },
      detail: refusal.reason,
    });
  }
}

/** The message key that says why the server refused a write. */
export function refusalReason(
  code: number,
): 'notice.refused.forbidden' | 'notice.refused.limit' | 'notice.refused.malformed' {
  return code === CLOSE.forbidden
    ? 'notice.refused.forbidden'
    : code === CLOSE.limit
      ? 'notice.refused.limit'
      : 'notice.refused.malformed';
}
