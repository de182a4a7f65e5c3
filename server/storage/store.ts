import { Migrator, sql, type Insertable, type Selectable, type SqlBool } from 'kysely'
import {
  applyEvent,
  jsonBytes,
  type ChangeRecord,
  type ChangeRecordText,
  type DocState,
  type DocumentRecord,
  type HistoryEvent,
  type JsonObject,
  type Role,
  type VectorClock,
} from '../../core/index.js'
import type { AccessChange, BatchWrite, StorageDialect } from './dialect.js'
import { openDialect } from './dialects.js'
import { migrations } from './migrations.js'
import { DOCUMENT_COLUMNS, type ChangeEventsTable, type DocumentsTable, type DOCUMENT_HEAD_COLUMNS } from './schema.js'

/** Every column of a document's row but its content. */
const HEAD_READ_COLUMNS = DOCUMENT_COLUMNS.filter((c): c is Exclude<(typeof DOCUMENT_COLUMNS)[number], 'content'> => c !== 'content')

/** The role a grant gives; the owner's is on the document row, and `none` is no grant. */
export type Grant = Exclude<Role, 'none'>
/** What a user holds on a document: ownership or a grant. */
export type DocumentRole = Grant | 'owner'

/** A document as stored: what the wire shows, and its generation and whether it is deleted. */
export interface DocumentRow extends DocumentRecord {
  generation: number
  /**
   * The generation of the last snapshot: the content is written whole when this is the row's
   * generation (a snapshot), and otherwise only the head changes; reads rebuild the content from
   * the snapshot and the events after it.
   */
  snapshotGeneration: number
  /**
   * JSON bytes of the forward patches after the snapshot (the tail): with the number of events in
   * it, what the snapshot policy (`snapshot-policy.ts`) weighs against the content's size.
   */
  tailBytes: number
  deleted: boolean
}

/** A document's row without its content: who owns it and its head (what a broadcast needs). */
export type DocumentHead = Omit<DocumentRow, 'content' | 'tailBytes'>

/** A document as it was right after the event of one generation, kept whole (see `document_snapshots`). */
export interface Snapshot {
  generation: number
  title: string
  content: JsonObject
}

/**
 * A change event as stored: what the wire shows, the undo batch it belongs to or redoes, and the
 * digest of the request that made it (see `write-path/replay.ts`).
 */
export interface ChangeEventRow extends ChangeRecord {
  batchId: string | null
  requestDigest: string | null
}

/** A stored event in the shape core's history functions read. */
export function toHistoryEvent(e: ChangeEventRow): HistoryEvent {
  return { sequence: e.sequence, event_type: e.eventType, forward_patch: e.forwardPatch, reverse_patch: e.reversePatch }
}

export type NewEvent = Omit<ChangeEventRow, 'sequence' | 'createdAt'>

/** One change to commit: the document's new row and the event that describes it. */
export interface PendingChange {
  document: DocumentRow
  /** The revision the row must have now; null when the document must not exist yet. */
  expectedRevisionId: string | null
  event: NewEvent
}

/**
 * What {@link Store.write} commits: the changes, or a plan that returns them, called under the
 * commit lock (none: nothing is written).
 */
export type PlannedChanges = readonly PendingChange[] | (() => Promise<readonly PendingChange[]>)

export interface CommitHooks {
  /**
   * Runs inside the transaction once sequences are allocated; the commit waits for it (tests use
   * it). SQLite commits synchronously, so there it must not return a promise.
   */
  beforeCommit?: (events: ChangeEventRow[]) => void | Promise<void>
}

/** A document changed underneath: its revision is not the one the change was computed from. */
export class StaleRevisionError extends Error {
  constructor(
    readonly documentId: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(`document ${documentId} is at revision ${actual}, not ${expected}`)
    this.name = 'StaleRevisionError'
  }
}

/** A (user, client_op_id) pair that is already in the log. */
export class DuplicateOpError extends Error {
  constructor(
    readonly userId: string,
    readonly clientOpId: string,
  ) {
    super(`client op ${clientOpId} of user ${userId} is already in the log`)
    this.name = 'DuplicateOpError'
  }
}

/**
 * The database refused a value of a batch (a data or constraint error of a statement, raised before
 * COMMIT): nothing of the batch was written, and one request of it may be to blame.
 */
export class RefusedBatchError extends Error {
  constructor(override readonly cause: unknown) {
    super((cause as Error)?.message ?? String(cause))
    this.name = 'RefusedBatchError'
  }
}

/** The database behind a server: documents, users, grants and the append-only change log. */
export class Store {
  private constructor(private readonly dialect: StorageDialect) {}

  /** Opens a database URL of any backend in `dialects.ts`; run {@link migrate} before use. */
  static open(databaseUrl: string, options: { poolSize?: number } = {}): Store {
    return new Store(openDialect(databaseUrl, options))
  }

  /**
   * True when other server instances may share this database and {@link subscribe} tells of their
   * commits and this store's own alike; false when one process owns the database.
   */
  get announcesCommits(): boolean {
    return this.dialect.announcesCommits
  }

  private get db() {
    return this.dialect.db
  }

  async migrate(): Promise<void> {
    const { error } = await new Migrator({ db: this.db, provider: migrations(this.dialect.columnTypes) }).migrateToLatest()
    if (error) throw error
  }

  close(): Promise<void> {
    return this.dialect.close()
  }

  /**
   * Resolves once every commit so far is durable (see {@link write}); rejects once nothing can be
   * made durable any more (SQLite: a log sync failed; the server must be restarted).
   */
  durable(): Promise<void> {
    return this.dialect.durable()
  }

  /** Fails when the database is unreachable, or can no longer make commits durable. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db)
    await this.durable()
  }

  async getUser(id: string): Promise<{ id: string; tokenHash: string } | undefined> {
    const row = await this.db.selectFrom('users').select(['id', 'token_hash']).where('id', '=', id).executeTakeFirst()
    return row && { id: row.id, tokenHash: row.token_hash }
  }

  /** The token hashes of those of `ids` that are users (for connections checked again: removed or given a new token?). */
  async tokenHashes(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map()
    const rows = await this.db.selectFrom('users').select(['id', 'token_hash']).where('id', 'in', ids).execute()
    return new Map(rows.map((r) => [r.id, r.token_hash]))
  }

  /** False when the user already exists. */
  async createUser(id: string, tokenHash: string): Promise<boolean> {
    const result = await this.db
      .insertInto('users')
      .values({ id, token_hash: tokenHash, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
  }

  /** Every user, oldest first, with how many documents (not deleted) each owns. */
  async listUsers(): Promise<Array<{ id: string; createdAt: string; documentsOwned: number }>> {
    const rows = await this.db
      .selectFrom('users')
      .select((eb) => [
        'users.id',
        'users.created_at',
        eb
          .selectFrom('documents')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('documents.owner_id', '=', 'users.id')
          .where('documents.deleted', '=', 0)
          .as('owned'),
      ])
      .orderBy('users.created_at')
      .orderBy('users.id')
      .execute()
    return rows.map((r) => ({ id: r.id, createdAt: this.dialect.decodeTime(r.created_at), documentsOwned: Number(r.owned ?? 0) }))
  }

  /** Replaces a user's token hash; false when there is no such user. */
  async setTokenHash(id: string, tokenHash: string): Promise<boolean> {
    const result = await this.db.updateTable('users').set({ token_hash: tokenHash }).where('id', '=', id).executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /**
   * Removes a user's credentials and the grants they hold on others' documents (other instances
   * hear of each revocation, as from a share). The documents they own stay, with their history and
   * their grantees; `undefined` when there is no such user.
   */
  async removeUser(id: string): Promise<{ grantsRevoked: number; documentsOwned: number } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst()
      if (Number(removed.numDeletedRows) === 0) return undefined
      const revoked = await trx.deleteFrom('document_access').where('user_id', '=', id).returning('document_id').execute()
      for (const { document_id } of revoked) await this.dialect.notifyAccess(trx, { documentId: document_id, userId: id, role: 'none' })
      const owned = await trx
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', id)
        .where('deleted', '=', 0)
        .executeTakeFirstOrThrow()
      return { grantsRevoked: revoked.length, documentsOwned: Number(owned.n) }
    })
  }

  async getDocument(id: string): Promise<DocumentRow | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return this.settled(row && (await this.withTail(this.toDocument(row))))
  }

  /** Documents, not deleted, that the user owns or has a grant on. */
  async listDocuments(userId: string): Promise<DocumentRow[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('deleted', '=', 0)
      .where((eb) => eb.or([eb('owner_id', '=', userId), eb('id', 'in', eb.selectFrom('document_access').select('document_id').where('user_id', '=', userId))]))
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    return this.settled(await Promise.all(rows.map((r) => this.withTail(this.toDocument(r)))))
  }

  /**
   * The row with its content brought from the last snapshot to its head: the document's events
   * after the snapshot are its last `generation - snapshotGeneration` events up to the row's own
   * revision, since every event adds one to the generation (§6.1). The tail is counted back from
   * the event that made the row's revision, not from the newest event: the row and its events are
   * read in two queries, and an event committed between them (PostgreSQL) would otherwise shift
   * the tail by one, so the content would miss the head's change and carry a later one. A delete
   * leaves the content as it was (the row keeps it).
   */
  private async withTail(row: DocumentRow): Promise<DocumentRow> {
    const behind = row.generation - row.snapshotGeneration
    if (behind <= 0) return row
    const tail = await this.db
      .selectFrom('change_events')
      .select(['event_type', 'forward_patch'])
      .where('document_id', '=', row.id)
      .where('sequence', '<=', (eb) =>
        // The newest first: the head event is found among the last few of the document's index.
        eb
          .selectFrom('change_events')
          .select('sequence')
          .where('document_id', '=', row.id)
          .where('revision_id', '=', row.revisionId)
          .orderBy('sequence', 'desc')
          .limit(1),
      )
      .orderBy('sequence', 'desc')
      .limit(behind)
      .execute()
    if (tail.length !== behind)
      throw new Error(`document ${row.id} has ${tail.length} events up to revision ${row.revisionId} after its snapshot, not ${behind}`)
    let state: DocState = { title: row.title, content: row.content }
    let tailBytes = 0
    for (const e of tail.reverse()) {
      const forward = e.forward_patch === null ? null : this.dialect.decodeJson(e.forward_patch)
      tailBytes += jsonBytes(forward)
      if (e.event_type === 'delete') continue
      state = applyEvent(state, { event_type: e.event_type, forward_patch: forward, reverse_patch: null })
    }
    return { ...row, content: state!.content, tailBytes }
  }

  /** A document's head (no content read, no tail rebuilt), if it exists. */
  async getHead(id: string): Promise<DocumentHead | undefined> {
    return (await this.documentHeads([id])).get(id)
  }

  /**
   * The generations of a document's kept snapshots nearest a generation: the last at or before it
   * and the first after it, where there are any (a database from before they were kept has none).
   * Read from the primary key alone: no content is read until {@link snapshot} is asked for one.
   */
  async snapshotsAround(documentId: string, generation: number): Promise<{ before?: number; after?: number }> {
    const nearest = (op: '<=' | '>') =>
      this.db
        .selectFrom('document_snapshots')
        .select('generation')
        .where('document_id', '=', documentId)
        .where('generation', op, generation)
        .orderBy('generation', op === '>' ? 'asc' : 'desc')
        .limit(1)
        .executeTakeFirst()
    const [before, after] = await Promise.all([nearest('<='), nearest('>')])
    return this.settled({ ...(before && { before: Number(before.generation) }), ...(after && { after: Number(after.generation) }) })
  }

  /** A kept snapshot of a document (see {@link snapshotsAround}). */
  async snapshot(documentId: string, generation: number): Promise<Snapshot | undefined> {
    const row = await this.db
      .selectFrom('document_snapshots')
      .select(['title', 'content'])
      .where('document_id', '=', documentId)
      .where('generation', '=', generation)
      .executeTakeFirst()
    return this.settled(row && { generation, title: row.title, content: JSON.parse(row.content) as JsonObject })
  }

  /**
   * The heads of these documents, by id: one query, no content read and no tail rebuilt (a relay
   * broadcasting another instance's commit needs only who may read each document).
   */
  async documentHeads(ids: readonly string[]): Promise<Map<string, DocumentHead>> {
    if (ids.length === 0) return new Map()
    const rows = await this.db
      .selectFrom('documents')
      .select(HEAD_READ_COLUMNS)
      .where('id', 'in', [...ids])
      .execute()
    return this.settled(new Map(rows.map((r) => [r.id, this.toHead(r)])))
  }

  /** The grants of each of these documents, by id (one query; a document without grants has none here). */
  async grantsByDocument(ids: readonly string[]): Promise<Map<string, Map<string, Grant>>> {
    const found = new Map<string, Map<string, Grant>>()
    if (ids.length === 0) return found
    const rows = await this.db
      .selectFrom('document_access')
      .select(['document_id', 'user_id', 'role'])
      .where('document_id', 'in', [...ids])
      .execute()
    for (const r of rows) {
      let grants = found.get(r.document_id)
      if (!grants) found.set(r.document_id, (grants = new Map()))
      grants.set(r.user_id, r.role)
    }
    return found
  }

  /** Users with a grant on the document, with their roles (the owner is on the document row). */
  async grants(documentId: string): Promise<Map<string, Grant>> {
    const rows = await this.db.selectFrom('document_access').select(['user_id', 'role']).where('document_id', '=', documentId).execute()
    return new Map(rows.map((r) => [r.user_id, r.role]))
  }

  /** Grants, replaces or (`none`) revokes a role; other instances hear of it (they cache grants). */
  async setAccess(documentId: string, userId: string, role: Role): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (role === 'none') {
        await trx.deleteFrom('document_access').where('document_id', '=', documentId).where('user_id', '=', userId).execute()
      } else {
        await trx
          .insertInto('document_access')
          .values({ document_id: documentId, user_id: userId, role })
          .onConflict((oc) => oc.columns(['document_id', 'user_id']).doUpdateSet({ role }))
          .execute()
      }
      await this.dialect.notifyAccess(trx, { documentId, userId, role })
    })
  }

  /** Events committed under these (user, client op) pairs, in sequence order. */
  async findOps(ops: ReadonlyArray<{ userId: string; clientOpId: string }>): Promise<ChangeEventRow[]> {
    if (ops.length === 0) return []
    const pairs = this.dialect.opPairs(ops)
    const rows = await this.db
      .selectFrom('change_events')
      .selectAll()
      .where(sql<SqlBool>`client_op_id is not null and (user_id, client_op_id) in (${pairs})`)
      .orderBy('sequence')
      .execute()
    return this.settled(rows.map((r) => this.toEvent(r)))
  }

  /**
   * Commits a batch in one transaction: checks every document's expected revision, appends the
   * events with sequences in array order, and writes each document's last state once. Resolves
   * once the commit is durable. Throws {@link StaleRevisionError}, {@link DuplicateOpError} or
   * {@link RefusedBatchError} having written nothing; any other error (a connection lost at COMMIT)
   * leaves it unknown whether the batch committed.
   */
  async commit(changes: readonly PendingChange[], hooks: CommitHooks = {}): Promise<ChangeEventRow[]> {
    const { events, durable } = await this.write(changes, hooks)
    await durable
    return events
  }

  /**
   * {@link commit}, resolving as soon as the transaction has committed, with the promise of it
   * being durable (on SQLite the log is synced after the commit, off the event loop; a later
   * commit may go ahead meanwhile, and its own durability covers this one's).
   *
   * `changes` may be a plan instead: called once the transaction holds the commit lock, so no
   * other commit (of any instance) comes between the plan's reads and this commit, and what it
   * plans on the state it read cannot be stale. It reads through the store's other connections.
   */
  async write(changes: PlannedChanges, hooks: CommitHooks = {}): Promise<{ events: ChangeEventRow[]; durable: Promise<void> }> {
    if (typeof changes !== 'function' && changes.length === 0) return { events: [], durable: Promise.resolve() }
    const now = new Date().toISOString()
    let planned: readonly PendingChange[] = []
    let committed: ChangeEventRow[] | undefined
    const withSequences = (sequences: number[]): ChangeEventRow[] => (committed ??= planned.map(({ event }, i) => committedEvent(event, sequences[i]!, now)))
    const batch = (list: readonly PendingChange[]): BatchWrite => {
      planned = list
      return batchWrite(list, now, hooks.beforeCommit && ((sequences) => hooks.beforeCommit!(withSequences(sequences))))
    }
    const locked = async () => {
      const list = await (changes as () => Promise<readonly PendingChange[]>)()
      return list.length === 0 ? undefined : batch(list)
    }
    try {
      const { sequences, durable } = await this.dialect.commitBatch(typeof changes === 'function' ? locked : batch(changes))
      return { events: withSequences(sequences), durable }
    } catch (error) {
      if (this.dialect.isUniqueViolation(error)) throw (await this.duplicateOp(planned)) ?? new RefusedBatchError(error)
      if (this.dialect.isRefusedValue(error)) throw new RefusedBatchError(error)
      throw error
    }
  }

  /** The first op of the batch that is already in the log (or twice in the batch), after a unique violation. */
  private async duplicateOp(changes: readonly PendingChange[]): Promise<DuplicateOpError | undefined> {
    const ops = changes
      .filter((c) => c.event.clientOpId !== null && c.event.opIndex === 0)
      .map((c) => ({ userId: c.event.userId, clientOpId: c.event.clientOpId! }))
    const found = (await this.findOps(ops))[0]
    if (found) return new DuplicateOpError(found.userId, found.clientOpId!)
    const seen = new Set<string>()
    for (const op of ops) {
      const key = `${op.userId}\u0000${op.clientOpId}`
      if (seen.has(key)) return new DuplicateOpError(op.userId, op.clientOpId)
      seen.add(key)
    }
    return undefined
  }

  /**
   * Events after `since` on documents the user may read now (or one document), ascending; with
   * `before`, the newest of those before it, descending (§8.4). Commit order is sequence order
   * (§3.2), so a sequence seen here can never be preceded later by a lower one. Each event has
   * what the wire shows, its JSON values as the stored JSON text (a page is written without
   * parsing them, see `wireEventJson`).
   */
  async readChanges(opts: { since: number; before?: number | undefined; limit: number; userId: string; documentId?: string | undefined }): Promise<{
    events: ChangeRecordText[]
    latestSequence: number
    hasMore: boolean
  }> {
    const { jsonText, compactJsonText, timeText } = this.dialect
    let query = this.db
      .selectFrom('change_events as e')
      .select([
        'e.sequence',
        'e.document_id',
        'e.user_id',
        'e.event_type',
        'e.revision_id',
        'e.client_op_id',
        'e.cause',
        jsonText('e.forward_patch').as('forward_patch'),
        jsonText('e.reverse_patch').as('reverse_patch'),
        jsonText('e.vector_clock').as('vector_clock'),
        timeText('e.created_at').as('created_at'),
        // In the same statement (evaluated once): one round trip a page, and no event on it can be
        // newer than the latest sequence it tells.
        (eb) =>
          eb
            .selectFrom('change_events as l')
            .select((eb) => eb.fn.max('l.sequence').as('latest'))
            .as('latest_sequence'),
      ])
      .where('e.sequence', '>', opts.since)
      // The access rule as a scalar subquery per event, which PostgreSQL does not turn into a join:
      // the plan walks the log in sequence order and stops at the limit. As a join (or EXISTS) it
      // was planned as a hash join and a sort of every event after `since` whenever the
      // statistics were stale (after a burst of writes, until autovacuum analyzed): 125-170 ms a
      // page of 1,000 half-way through 100,000 events, against 6 ms this way.
      .where(
        (eb) =>
          sql<SqlBool>`(${eb
            .selectFrom('documents as d')
            .select((eb) =>
              eb
                .or([
                  eb('d.owner_id', '=', opts.userId),
                  eb.exists(
                    eb.selectFrom('document_access as a').select('a.user_id').whereRef('a.document_id', '=', 'd.id').where('a.user_id', '=', opts.userId),
                  ),
                ])
                .as('readable'),
            )
            .whereRef('d.id', '=', 'e.document_id')})`,
      )
    if (opts.documentId !== undefined) query = query.where('e.document_id', '=', opts.documentId)
    if (opts.before !== undefined) query = query.where('e.sequence', '<', opts.before)
    const rows = await query
      .orderBy('e.sequence', opts.before === undefined ? 'asc' : 'desc')
      .limit(opts.limit + 1)
      .execute()
    const events: ChangeRecordText[] = []
    for (const r of rows.length > opts.limit ? rows.slice(0, opts.limit) : rows) {
      events.push({
        sequence: Number(r.sequence),
        documentId: r.document_id,
        userId: r.user_id,
        eventType: r.event_type,
        revisionId: r.revision_id,
        forwardPatch: r.forward_patch === null ? null : compactJsonText(r.forward_patch),
        reversePatch: r.reverse_patch === null ? null : compactJsonText(r.reverse_patch),
        createdAt: r.created_at,
        clientOpId: r.client_op_id,
        vectorClock: r.vector_clock,
        cause: r.cause,
      })
    }
    // Durable once every commit so far is (settled): no reply may show what a crash could take back.
    if (rows.length === 0) return { events, latestSequence: await this.latestSequence(), hasMore: false }
    return this.settled({ events, latestSequence: Number(rows[0]!.latest_sequence), hasMore: rows.length > opts.limit })
  }

  /** Every event of one document after `after` (and up to `upTo`, when given), ascending. */
  async documentEvents(documentId: string, after = 0, upTo?: number): Promise<ChangeEventRow[]> {
    let query = this.db.selectFrom('change_events').selectAll().where('document_id', '=', documentId).where('sequence', '>', after)
    if (upTo !== undefined) query = query.where('sequence', '<=', upTo)
    const rows = await query.orderBy('sequence').execute()
    return this.settled(rows.map((r) => this.toEvent(r)))
  }

  /**
   * {@link documentEvents} as history navigation reads them, with one of their patches (the other
   * is null), and the revision each makes: the forward ones to walk forward, the reverse ones to
   * walk back. A walk reads only what it applies, so its rows cost less than whole events.
   */
  async documentPatches(
    documentId: string,
    patch: 'forward' | 'reverse',
    after: number,
    upTo: number | undefined,
    { first, last }: { first?: number; last?: number },
  ): Promise<Array<HistoryEvent & { revisionId: string }>> {
    const column = patch === 'forward' ? 'forward_patch' : 'reverse_patch'
    let query = this.db
      .selectFrom('change_events')
      .select(['sequence', 'event_type', 'revision_id', column])
      .where('document_id', '=', documentId)
      .where('sequence', '>', after)
    if (upTo !== undefined) query = query.where('sequence', '<=', upTo)
    query = query.orderBy('sequence', last === undefined ? 'asc' : 'desc')
    const limit = first ?? last
    if (limit !== undefined) query = query.limit(limit)
    const rows = (await query.execute()).map((r) => {
      const value = (r as Record<typeof column, unknown>)[column]
      const decoded = value === null ? null : this.dialect.decodeJson(value)
      return {
        sequence: Number(r.sequence),
        event_type: r.event_type,
        revisionId: r.revision_id,
        forward_patch: patch === 'forward' ? decoded : null,
        reverse_patch: patch === 'reverse' ? decoded : null,
      }
    })
    return this.settled(last === undefined ? rows : rows.reverse())
  }

  /** The last event of one document with a sequence up to `upTo`, if any. */
  async lastDocumentEvent(documentId: string, upTo: number): Promise<ChangeEventRow | undefined> {
    const row = await this.db
      .selectFrom('change_events')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('sequence', '<=', upTo)
      .orderBy('sequence', 'desc')
      .limit(1)
      .executeTakeFirst()
    return this.settled(row && this.toEvent(row))
  }

  async eventsBySequence(sequences: readonly number[]): Promise<ChangeEventRow[]> {
    if (sequences.length === 0) return []
    const rows = await this.db
      .selectFrom('change_events')
      .selectAll()
      .where('sequence', 'in', [...sequences])
      .orderBy('sequence')
      .execute()
    return this.settled(rows.map((r) => this.toEvent(r)))
  }

  /** Every event after `after`, ascending, at most `limit` (a relay catching up on what it did not hear). */
  async eventsAfter(after: number, limit: number): Promise<ChangeEventRow[]> {
    const rows = await this.db.selectFrom('change_events').selectAll().where('sequence', '>', after).orderBy('sequence').limit(limit).execute()
    return this.settled(rows.map((r) => this.toEvent(r)))
  }

  /** Documents the user changed after a sequence (what an undo without document id restores). */
  async documentsChangedBy(userId: string, after: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('change_events')
      .select('document_id')
      .where('user_id', '=', userId)
      .where('sequence', '>', after)
      .groupBy('document_id')
      .orderBy(sql`min(sequence)`)
      .execute()
    return this.settled(rows.map((r) => r.document_id))
  }

  /** The events of the user's most recent undo not redone yet (optionally on one document). */
  async lastUndoBatch(userId: string, documentId?: string): Promise<ChangeEventRow[]> {
    let latest = this.db
      .selectFrom('change_events as u')
      .select('u.batch_id')
      .where('u.user_id', '=', userId)
      .where('u.cause', '=', 'undo')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('change_events as r').select('r.sequence').where('r.cause', '=', 'redo').whereRef('r.batch_id', '=', 'u.batch_id'))),
      )
    if (documentId !== undefined) latest = latest.where('u.document_id', '=', documentId)
    const found = await latest.orderBy('u.sequence', 'desc').limit(1).executeTakeFirst()
    if (!found?.batch_id) return []
    const rows = await this.db
      .selectFrom('change_events')
      .selectAll()
      .where('batch_id', '=', found.batch_id)
      .where('cause', '=', 'undo')
      .orderBy('sequence')
      .execute()
    return this.settled(rows.map((r) => this.toEvent(r)))
  }

  async latestSequence(): Promise<number> {
    const row = await this.db
      .selectFrom('change_events')
      .select((eb) => eb.fn.max('sequence').as('latest'))
      .executeTakeFirst()
    return this.settled(Number(row?.latest ?? 0))
  }

  /**
   * Sequences committed, and documents whose grants changed, by any instance on this database (see
   * {@link announcesCommits}); nothing is ever heard where one process owns the database. After
   * the listening connection was lost and made again, `onReconnected`: what committed in between
   * was announced to nobody here.
   */
  subscribe(
    onCommitted: (sequences: number[]) => void,
    onAccessChanged?: (change: AccessChange & { own: boolean }) => void,
    onReconnected?: () => void,
  ): Promise<() => Promise<void>> {
    return this.dialect.subscribe(onCommitted, onAccessChanged, onReconnected)
  }

  /**
   * A read's result once every commit it may show is durable: a commit may be visible before its
   * log is synced (see `write`), and no reply may show what a crash could take back. Users and
   * grants are written with a sync at commit, so their reads need not wait.
   */
  private async settled<T>(result: T): Promise<T> {
    await this.durable()
    return result
  }

  /** The row as stored: its content is the snapshot, with no tail applied yet. */
  private toDocument(r: Selectable<DocumentsTable>): DocumentRow {
    return { ...this.toHead(r), content: this.dialect.decodeJson(r.content) as JsonObject, tailBytes: 0 }
  }

  private toHead(r: Omit<Selectable<DocumentsTable>, 'content'>): DocumentHead {
    return {
      id: r.id,
      ownerId: r.owner_id,
      title: r.title,
      revisionId: r.revision_id,
      generation: Number(r.generation),
      snapshotGeneration: Number(r.snapshot_generation),
      vectorClock: this.dialect.decodeJson(r.vector_clock) as VectorClock,
      deleted: Number(r.deleted) === 1,
      createdAt: this.dialect.decodeTime(r.created_at),
      updatedAt: this.dialect.decodeTime(r.updated_at),
    }
  }

  private toEvent(r: Selectable<ChangeEventsTable>): ChangeEventRow {
    return {
      sequence: Number(r.sequence),
      documentId: r.document_id,
      userId: r.user_id,
      eventType: r.event_type,
      revisionId: r.revision_id,
      previousRevisionId: r.previous_revision_id,
      forwardPatch: r.forward_patch === null ? null : this.dialect.decodeJson(r.forward_patch),
      reversePatch: r.reverse_patch === null ? null : this.dialect.decodeJson(r.reverse_patch),
      clientOpId: r.client_op_id,
      opIndex: Number(r.op_index),
      vectorClock: r.vector_clock === null ? null : (this.dialect.decodeJson(r.vector_clock) as VectorClock),
      cause: r.cause,
      batchId: r.batch_id,
      requestDigest: r.request_digest,
      conflict: Number(r.conflict) === 1,
      createdAt: this.dialect.decodeTime(r.created_at),
    }
  }
}

/** What a commit of these changes writes: each document's expected revision checked, the events in order, each document's last state once. */
function batchWrite(changes: readonly PendingChange[], now: string, beforeCommit: BatchWrite['beforeCommit']): BatchWrite {
  const expected = new Map<string, string | null>()
  const last = new Map<string, DocumentRow>()
  // Written whole: new documents, and those the batch takes a snapshot of (at its last state).
  const whole = new Set<string>()
  // Of those, the snapshots also kept in `document_snapshots`: all but a create's (its event holds
  // the document) and a deleted document's (no revision after a delete starts from it).
  for (const { document, expectedRevisionId } of changes) {
    if (!expected.has(document.id)) expected.set(document.id, expectedRevisionId)
    if (expectedRevisionId === null || document.snapshotGeneration === document.generation) whole.add(document.id)
    last.set(document.id, document)
  }
  const rows = [...last.values()]
  const documents = rows.filter((d) => whole.has(d.id))
  return {
    documentIds: [...expected.keys()],
    check: (current) => {
      for (const [id, revision] of expected) {
        const actual = current.get(id) ?? null
        if (actual !== revision) throw new StaleRevisionError(id, revision, actual)
      }
    },
    // The unique index on (user_id, client_op_id, op_index) refuses an op already in the log.
    events: changes.map(({ event }) => eventColumns(event, now)),
    documents: documents.map(documentColumns),
    history: documents.filter((d) => d.generation > 1 && !d.deleted).map((d) => d.id),
    heads: rows.filter((d) => !whole.has(d.id)).map(headColumns),
    beforeCommit,
  }
}

/**
 * A planned event with its sequence and time, written out member by member: `{ ...event, sequence,
 * createdAt }` cost about 5 µs per event in V8 (members added after a spread copy take its slow
 * path), 5% of the server's CPU per update under load.
 */
function committedEvent(e: NewEvent, sequence: number, createdAt: string): ChangeEventRow {
  return {
    sequence,
    documentId: e.documentId,
    userId: e.userId,
    eventType: e.eventType,
    revisionId: e.revisionId,
    previousRevisionId: e.previousRevisionId,
    forwardPatch: e.forwardPatch,
    reversePatch: e.reversePatch,
    clientOpId: e.clientOpId,
    opIndex: e.opIndex,
    vectorClock: e.vectorClock,
    cause: e.cause,
    batchId: e.batchId,
    requestDigest: e.requestDigest,
    conflict: e.conflict,
    createdAt,
  }
}

function eventColumns(e: NewEvent, now: string): Insertable<ChangeEventsTable> {
  return {
    document_id: e.documentId,
    user_id: e.userId,
    event_type: e.eventType,
    revision_id: e.revisionId,
    previous_revision_id: e.previousRevisionId,
    forward_patch: e.forwardPatch === null ? null : JSON.stringify(e.forwardPatch),
    reverse_patch: e.reversePatch === null ? null : JSON.stringify(e.reversePatch),
    client_op_id: e.clientOpId,
    op_index: e.opIndex,
    vector_clock: e.vectorClock === null ? null : JSON.stringify(e.vectorClock),
    cause: e.cause,
    batch_id: e.batchId,
    request_digest: e.requestDigest,
    conflict: e.conflict ? 1 : 0,
    created_at: now,
  }
}

/** A document written whole: its head, and its content as the snapshot of its generation. */
function documentColumns(d: DocumentRow): Insertable<DocumentsTable> {
  return {
    owner_id: d.ownerId,
    content: JSON.stringify(d.content),
    snapshot_generation: d.generation,
    created_at: d.createdAt,
    ...headColumns(d),
  }
}

/** What changes in a document's row on every commit: everything but the content and its snapshot. */
function headColumns(d: DocumentRow) {
  return {
    id: d.id,
    title: d.title,
    revision_id: d.revisionId,
    generation: d.generation,
    vector_clock: JSON.stringify(d.vectorClock),
    deleted: d.deleted ? 1 : 0,
    updated_at: d.updatedAt,
  } satisfies Pick<Insertable<DocumentsTable>, 'id' | (typeof DOCUMENT_HEAD_COLUMNS)[number]>
}
