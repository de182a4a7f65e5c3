import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

export type DialectName = 'sqlite' | 'postgres'

/**
 * What differs between the storage backends. Queries are written once against `db`; a dialect only
 * decodes column values, keeps commits in sequence order, and tells other instances what committed.
 */
export interface StorageDialect {
  readonly name: DialectName
  readonly db: Kysely<Database>
  /** JSON columns come back as text (SQLite) or parsed (PostgreSQL). */
  decodeJson(value: unknown): unknown
  /** Timestamps come back as text (SQLite) or Date (PostgreSQL); both become ISO-8601 UTC. */
  decodeTime(value: string | Date): string
  /** Inside a commit, right before sequences are allocated: make commit order equal sequence order (§3.2). */
  lockSequences(trx: Transaction<Database>): Promise<void>
  /** Inside a commit: tell other instances which sequences it holds, delivered when it commits. */
  notify(trx: Transaction<Database>, sequences: number[]): Promise<void>
  /** Inside a transaction that changed a document's grants: tell other instances, when it commits. */
  notifyAccess(trx: Transaction<Database>, documentId: string): Promise<void>
  /**
   * Sequences committed by any instance, and documents whose grants any instance changed; returns
   * the function that stops listening.
   */
  subscribe(onCommitted: (sequences: number[]) => void, onAccessChanged?: (documentId: string) => void): Promise<() => Promise<void>>
  /** True for the error a unique index raises (the client op index: an op already in the log). */
  isUniqueViolation(error: unknown): boolean
  close(): Promise<void>
}
