import type { PhaseId } from '@dmc/shared/domain/phases';
import type { Settings } from '@dmc/shared/domain/session';
import type { TableRole } from '@dmc/shared/domain/roles';
import type { AgendaEntry } from '@dmc/shared/domain/agenda';

/**
 * The storage adapters the server is composed with. The embedded file store is the default; a
 * scale-out deployment provides other implementations of the same interfaces.
 */

/** How a stored update is encoded: Yjs's V1, or V2 (what compaction stores: much smaller). */
export type RecordEncoding = 1 | 2;

/** A stored update with its encoding. */
export interface StoredRecord {
  readonly update: Uint8Array;
  readonly encoding: RecordEncoding;
}

/** A document's stored history, open for appending. */
export interface DocumentLog {
  /** Updates stored so far, oldest first, in Yjs's V1 encoding. */
  readonly updates: readonly Uint8Array[];
  /**
   * The same history as stored, each record in its own encoding; when present, a room loads
   * these (no conversion to V1 on the way).
   */
  readonly records?: readonly StoredRecord[];
  /**
   * True when reading found damage: some stored updates may be missing, so later ones can depend
   * on changes that are gone. The room then repairs the gaps and compacts at once.
   */
  readonly damaged?: boolean;
  /**
   * Appends one update; once it returns (or its promise resolves), a killed process does not lose
   * it. When it throws or rejects (disk full, storage down), nothing was stored and the log stays
   * usable: a later append may work. The embedded store completes synchronously, a database later.
   */
  append(update: Uint8Array): void | Promise<void>;
  /**
   * Replaces the history with one update holding the whole state; when it fails, the history
   * stays. A shared store also keeps what other processes appended meanwhile.
   */
  compact(state: Uint8Array): void | Promise<void>;
  /**
   * Everything stored now, read again (another process may have appended): a room catches up
   * with it after the fan-out between processes was interrupted. Absent for a single process.
   */
  stored?(): Promise<Uint8Array[]>;
  /** Records appended since the last compaction (or open). */
  readonly appendedRecords: number;
  /** Bytes appended since the last compaction (or open). */
  readonly appendedBytes: number;
  /** Releases the file or connection behind the log. */
  close(): void;
}

/** Where shared documents live. */
export interface DocumentStore {
  /** Opens a document's log, creating it when it does not exist. */
  open(workshopId: string, docKey: string): Promise<DocumentLog>;
  /** Whether anything was ever stored for the document. */
  exists(workshopId: string, docKey: string): Promise<boolean>;
  /** Removes every document of a workshop. */
  deleteWorkshop(workshopId: string): Promise<void>;
  /** Removes one document (a removed participant's private draft) with every copy kept of it. */
  deleteDocument(workshopId: string, docKey: string): Promise<void>;
  /** Throws when the store cannot be reached (for /readyz); absent when it is always there. */
  check?(): Promise<void>;
  /** Releases connections when the server stops. */
  close?(): Promise<void>;
}

/** A person in a workshop, as stored. Only what the workshop needs: a display name and a role. */
export interface StoredParticipant {
  readonly id: string;
  readonly name: string;
  readonly role: 'facilitator' | 'participant';
  readonly joinedAt: number;
  /** The role at the table the person gave (CvB, docent, …), if any. */
  readonly tableRole?: TableRole | null;
}

/** A workshop as stored on the server; never sent to clients as-is (it holds the secret hash). */
export interface StoredWorkshop extends Readonly<Settings> {
  readonly id: string;
  // title, institution, date (YYYY-MM-DD or empty), language, allowAnonymous, dotsPerPerson,
  // selfSelectGroups, askTableRole, startTime (HH:MM or empty), practicalNotes and closed come
  // from the one settings schema (shared/src/domain/session.ts settingsSchema), which the
  // session document and the backup's workshop record share.
  readonly readingList: readonly { readonly title: string; readonly url: string }[];
  /** Planned minutes per phase where they differ from the suggested ones. */
  readonly agendaMinutes: Readonly<Partial<Record<PhaseId, number>>>;
  /** The facilitator's own agenda items (breaks and others); absent in older records: none. */
  readonly agendaEntries?: readonly AgendaEntry[];
  readonly code: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** SHA-256 of the facilitator secret, hex. */
  readonly facilitatorSecretHash: string;
  readonly participants: readonly StoredParticipant[];
}

/** Where workshop records live. */
export interface WorkshopStore {
  get(id: string): Promise<StoredWorkshop | undefined>;
  getByCode(code: string): Promise<StoredWorkshop | undefined>;
  /** Saves a workshop; the code must be unique across workshops. */
  save(workshop: StoredWorkshop): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every workshop, for expiry sweeps. */
  list(): Promise<StoredWorkshop[]>;
  /**
   * Workshops whose record cannot be read (damaged or missing), with when anything of them last
   * changed, so retention can remove them too. `delete(id)` removes them.
   */
  unreadable(): Promise<Array<{ readonly id: string; readonly modifiedAt: number }>>;
}
