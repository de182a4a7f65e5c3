import { sql, type ColumnDataType, type Insertable, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import type { Role } from '../../generated/types.js'
import type { ChangeEventsTable, Database, DocumentsTable, DOCUMENT_HEAD_COLUMNS } from './schema.js'

/** A grant set or revoked (`none`) on a document. */
export interface AccessChange {
  documentId: string
  userId: string
  role: Role
}

/** One group commit, as {@link StorageDialect.commitBatch} writes it: column values, JSON as text. */
export interface BatchWrite {
  /** Documents whose current revision is read, under the transaction's lock, and passed to `check`. */
  documentIds: string[]
  /** Throws (and so rolls everything back) when a revision is not the one the batch was planned on. */
  check(current: ReadonlyMap<string, string>): void
  /** Appended in array order, so their sequences increase in array order. */
  events: Array<Insertable<ChangeEventsTable>>
  /** Inserted or updated whole, with a snapshot of the content; each document once, in this list or in `heads`. */
  documents: Array<Insertable<DocumentsTable>>
  /** Ids of those `documents` whose snapshot is also kept in `document_snapshots` (written in the same transaction). */
  history: string[]
  /** Existing documents whose head alone changes (the content stays the last snapshot). */
  heads: Array<Pick<Insertable<DocumentsTable>, 'id' | (typeof DOCUMENT_HEAD_COLUMNS)[number]>>
  /** Runs inside the transaction once sequences are allocated; the commit waits for it. */
  beforeCommit?: (sequences: number[]) => void | Promise<void>
}

/**
 * A batch planned while the commit lock is held: no other commit can come between what the plan
 * reads (through other connections) and its own commit. Undefined: there is nothing to write.
 */
export type LockedPlan = () => Promise<BatchWrite | undefined>

/** A batch that writes nothing (a {@link LockedPlan} that planned no change): committed as nothing at all. */
export const NO_BATCH: BatchWrite = { documentIds: [], check() {}, events: [], documents: [], history: [], heads: [] }

/** Column types the migration asks of a dialect; everything else is written once. */
export interface ColumnTypes {
  /** JSON values: text, or the database's own JSON type. */
  json: ColumnDataType
  timestamp: ColumnDataType
  /** The change log's sequence, an integer primary key the database allocates in insert order. */
  sequence: { type: ColumnDataType; autoIncrement: boolean }
}

/**
 * What differs between the storage backends, described by what a dialect can do rather than by
 * its name. Queries are written once against `db`; a dialect decodes column values, writes a group
 * commit in the way that is fastest for it (keeping commit order equal to sequence order), and, if
 * several servers may share its database, tells them what committed. Capabilities a dialect does
 * not declare take the defaults of {@link defineDialect}.
 */
export interface StorageDialect {
  readonly db: Kysely<Database>
  /** Column types for the migration. */
  readonly columnTypes: ColumnTypes
  /**
   * True when other server instances may share the database and hear of this one's commits through
   * {@link subscribe} (so a server must tell its own commits from theirs); false when one process
   * owns the database.
   */
  readonly announcesCommits: boolean
  /** JSON columns come back as text or already parsed; both become values. */
  decodeJson(value: unknown): unknown
  /** Timestamps come back as text or Date; both become ISO-8601 UTC. */
  decodeTime(value: string | Date): string
  /** A JSON column (`table.column`) selected as its JSON text, which a frame can take unparsed. */
  jsonText(column: string): RawBuilder<string | null>
  /**
   * The text {@link jsonText} selected, as a frame may take it: no longer than about the JSON that
   * was stored. (PostgreSQL's `jsonb` writes numbers without exponents: `1e300` as 301 digits.)
   */
  compactJsonText(text: string): string
  /** A timestamp column selected as the ISO-8601 UTC text {@link decodeTime} makes of it. */
  timeText(column: string): RawBuilder<string>
  /**
   * (user, client op) pairs as a two-column table expression, for `(user_id, client_op_id) in (…)`.
   * Its statement text should not depend on the number of pairs, so it is parsed and planned once.
   */
  opPairs(ops: ReadonlyArray<{ userId: string; clientOpId: string }>): RawBuilder<unknown>
  /**
   * Commits a batch in one transaction and returns the events' sequences, in array order, with a
   * promise that resolves once the commit is durable (a dialect may sync its log after the commit,
   * off the event loop, or be durable at COMMIT already). Commit order is sequence order (§3.2),
   * and other instances hear of the sequences when they commit.
   *
   * `write` may be a {@link LockedPlan}: then the batch is asked for once the transaction holds the
   * lock that every commit takes, so nothing commits between the plan's reads and this commit.
   */
  commitBatch(write: BatchWrite | LockedPlan): Promise<{ sequences: number[]; durable: Promise<void> }>
  /**
   * Resolves once every commit made so far is durable; rejects once the storage can no longer make
   * anything durable (a log sync failed). Reads call it after their query, so a reply never shows a
   * change that a crash could still take back.
   */
  durable(): Promise<void>
  /** Inside a transaction that changed a document's grants: tell other instances, when it commits. */
  notifyAccess(trx: Transaction<Database>, change: AccessChange): Promise<void>
  /**
   * Sequences committed by any instance, and grants any instance changed (`own`: this store made
   * the change); returns the function that stops listening. A listening connection that was lost
   * is made again, and then `onReconnected` is called: what committed meanwhile was not heard.
   */
  subscribe(
    onCommitted: (sequences: number[]) => void,
    onAccessChanged?: (change: AccessChange & { own: boolean }) => void,
    onReconnected?: () => void,
  ): Promise<() => Promise<void>>
  /** True for the error a unique index raises (the client op index: an op already in the log). */
  isUniqueViolation(error: unknown): boolean
  /**
   * True for an error a statement raised for the values it was given (a data or constraint error).
   * Such an error comes before COMMIT, so the transaction wrote nothing; any other error of a
   * commit (a connection lost) may have come after the database committed.
   */
  isRefusedValue(error: unknown): boolean
  close(): Promise<void>
}

/** What a dialect may leave out, and what it then gets. */
type Capabilities = 'columnTypes' | 'announcesCommits' | 'jsonText' | 'compactJsonText' | 'timeText' | 'durable' | 'notifyAccess' | 'subscribe'

/**
 * The safe defaults (Kysely's `DialectAdapterBase` does the same): a database that one process owns,
 * that stores JSON and timestamps as text, whose commits are durable when they return, and that has
 * nobody to tell about commits or grant changes.
 */
const DEFAULTS: Pick<StorageDialect, Capabilities> = {
  columnTypes: { json: 'text', timestamp: 'text', sequence: { type: 'integer', autoIncrement: true } },
  announcesCommits: false,
  jsonText: (column) => sql.ref(column),
  compactJsonText: (text) => text,
  timeText: (column) => sql.ref(column),
  durable: () => Promise.resolve(),
  notifyAccess: async () => {},
  subscribe: async () => async () => {},
}

/** A dialect from what it declares, with the defaults for the capabilities it leaves out. */
export function defineDialect(dialect: Omit<StorageDialect, Capabilities> & Partial<Pick<StorageDialect, Capabilities>>): StorageDialect {
  return { ...DEFAULTS, ...dialect }
}

/** A storage backend: which database URLs it opens, and how. */
export interface StorageBackend {
  /** The URL forms it takes, for error messages and help (`sqlite:<path>`). */
  readonly urlForms: readonly string[]
  accepts(databaseUrl: string): boolean
  open(databaseUrl: string, options: { poolSize?: number }): StorageDialect
  /** The URL fit for a log line, its secrets hidden; a URL that holds none is shown as it is. */
  redact?(databaseUrl: string): string
}
