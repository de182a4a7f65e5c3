import type { Insertable, Kysely, Transaction } from 'kysely'
import type { ChangeEventsTable, Database, DocumentsTable } from './schema.js'

export type DialectName = 'sqlite' | 'postgres'

/** A grant set or revoked (`none`) on a document. */
export interface AccessChange {
  documentId: string
  userId: string
  role: 'read' | 'write' | 'none'
}

/** One group commit, as {@link StorageDialect.commitBatch} writes it: column values, JSON as text. */
export interface BatchWrite {
  /** Documents whose current revision is read, under the transaction's lock, and passed to `check`. */
  documentIds: string[]
  /** Throws (and so rolls everything back) when a revision is not the one the batch was planned on. */
  check(current: ReadonlyMap<string, string>): void
  /** Appended in array order, so their sequences increase in array order. */
  events: Array<Insertable<ChangeEventsTable>>
  /** Inserted or updated, each document once. */
  documents: Array<Insertable<DocumentsTable>>
  /** Runs inside the transaction once sequences are allocated; the commit waits for it. */
  beforeCommit?: (sequences: number[]) => void | Promise<void>
}

/**
 * What differs between the storage backends. Queries are written once against `db`; a dialect only
 * decodes column values, writes a group commit in the way that is fastest for it (keeping commit
 * order equal to sequence order), and tells other instances what committed.
 */
export interface StorageDialect {
  readonly name: DialectName
  readonly db: Kysely<Database>
  /** JSON columns come back as text (SQLite) or parsed (PostgreSQL). */
  decodeJson(value: unknown): unknown
  /** Timestamps come back as text (SQLite) or Date (PostgreSQL); both become ISO-8601 UTC. */
  decodeTime(value: string | Date): string
  /**
   * Commits a batch in one transaction and returns the events' sequences, in array order, with a
   * promise that resolves once the commit is durable (SQLite syncs its log after the commit, off
   * the event loop; PostgreSQL's commit is durable already). Commit order is sequence order
   * (§3.2), and other instances hear of the sequences when they commit.
   */
  commitBatch(write: BatchWrite): Promise<{ sequences: number[]; durable: Promise<void> }>
  /**
   * Resolves once every commit made so far is durable; rejects once the storage can no longer make
   * anything durable (SQLite: a log sync failed). Reads call it after their query, so a reply
   * never shows a change that a crash could still take back.
   */
  durable(): Promise<void>
  /** Inside a transaction that changed a document's grants: tell other instances, when it commits. */
  notifyAccess(trx: Transaction<Database>, change: AccessChange): Promise<void>
  /**
   * Sequences committed by any instance, and grants any instance changed (`own`: this store made
   * the change); returns the function that stops listening.
   */
  subscribe(onCommitted: (sequences: number[]) => void, onAccessChanged?: (change: AccessChange & { own: boolean }) => void): Promise<() => Promise<void>>
  /** True for the error a unique index raises (the client op index: an op already in the log). */
  isUniqueViolation(error: unknown): boolean
  close(): Promise<void>
}
