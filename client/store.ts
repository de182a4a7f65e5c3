import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql, type Generated, type Migration } from 'kysely'
import type { DocState, JsonObject, VectorClock } from '../core/index.js'

/**
 * The client's SQLite database: the documents as the server last confirmed them (`base_*`), the
 * outbox of operations the server has not acknowledged, and a few settings. The local view of a
 * document is not stored: it is the confirmed state with the pending operations applied on top,
 * recomputed by the client whenever either changes.
 */
interface ClientDatabase {
  settings: { key: string; value: string }
  documents: {
    id: string
    /** The confirmed (server) state; null title means the document does not exist on the server. */
    base_title: string | null
    base_content: string | null
    base_revision: string | null
    base_generation: number
    owner_id: string | null
    /** The document's vector clock as the server last reported it. */
    vector_clock: string
  }
  outbox: {
    position: Generated<number>
    op_id: string
    document_id: string | null
    kind: OperationKind
    payload: string
    created_at: string
  }
}

export type OperationKind = 'create' | 'update' | 'delete' | 'rename' | 'share' | 'undo' | 'redo'

/** One unacknowledged operation, in the order it was made. */
export interface PendingOperation {
  position: number
  opId: string
  documentId: string | null
  kind: OperationKind
  /** The request frame, without `request_id` and `client_op_id`, which are the op id. */
  payload: Record<string, unknown> & { type: string }
  createdAt: string
}

/** A document as the server last confirmed it. */
export interface ConfirmedDocument {
  id: string
  state: DocState
  revision: string | null
  generation: number
  ownerId: string | null
  vectorClock: VectorClock
}

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-client': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('base_title', 'text')
        .addColumn('base_content', 'text')
        .addColumn('base_revision', 'text')
        .addColumn('base_generation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('owner_id', 'text')
        .addColumn('vector_clock', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute()
      await db.schema
        .createTable('outbox')
        .addColumn('position', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('op_id', 'text', (c) => c.notNull().unique())
        .addColumn('document_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('outbox_document').on('outbox').columns(['document_id', 'position']).execute()
    },
  },
}

/** Opens (creating if needed) and migrates a client database. `:memory:` works for tests. */
export async function openClientStore(path: string): Promise<ClientStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new BetterSqlite3(path)
  database.pragma('journal_mode = WAL')
  // Commits are not synced one by one (NORMAL); `flush()` syncs the log once for every write made
  // since, which is what makes an outbox entry durable before the caller hears back.
  database.pragma('synchronous = NORMAL')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<ClientDatabase>({ dialect: new SqliteDialect({ database }) })
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } })
  const { error } = await migrator.migrateToLatest()
  if (error) {
    await db.destroy()
    throw error
  }
  return new ClientStore(db)
}

/**
 * The outbox in memory, in position order, mirroring the table: the sync loop reads it on every
 * reply, so it is not re-read and re-parsed from SQLite each time. Shared by a store and the
 * stores of its transactions; a transaction that fails drops it, to be reloaded from the table.
 */
interface OutboxMirror {
  ops?: PendingOperation[]
}

export class ClientStore {
  private flushing: Promise<void> | undefined

  constructor(
    private readonly db: Kysely<ClientDatabase>,
    private readonly mirror: OutboxMirror = {},
  ) {}

  /**
   * Makes every commit so far durable: one synced commit (synchronous=FULL) fsyncs the write-ahead
   * log, and with it all the unsynced commits before it. Callers that arrive while a flush is
   * being scheduled share it: this is group commit for the outbox. Losing an unflushed commit other
   * than an outbox entry costs nothing but work (an acknowledgement is replayed and answered from
   * the server's log; a pulled page is pulled again).
   */
  flush(): Promise<void> {
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.flushing = undefined
      await sql`pragma synchronous = FULL`.execute(this.db)
      try {
        await this.setSetting('flushed_at', new Date().toISOString())
      } finally {
        await sql`pragma synchronous = NORMAL`.execute(this.db)
      }
    })
    return this.flushing
  }

  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  async transaction<T>(fn: (store: ClientStore) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute((trx) => fn(new ClientStore(trx as unknown as Kysely<ClientDatabase>, this.mirror)))
    } catch (error) {
      this.mirror.ops = undefined
      throw error
    }
  }

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
    return row?.value
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
  }

  async confirmed(id: string): Promise<ConfirmedDocument | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return row && toConfirmed(row)
  }

  async allConfirmed(): Promise<ConfirmedDocument[]> {
    const rows = await this.db.selectFrom('documents').selectAll().orderBy('id').execute()
    return rows.map(toConfirmed)
  }

  async saveConfirmed(doc: ConfirmedDocument): Promise<void> {
    const row = {
      base_title: doc.state?.title ?? null,
      base_content: doc.state ? JSON.stringify(doc.state.content) : null,
      base_revision: doc.revision,
      base_generation: doc.generation,
      owner_id: doc.ownerId,
      vector_clock: JSON.stringify(doc.vectorClock),
    }
    await this.db
      .insertInto('documents')
      .values({ id: doc.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute()
  }

  async enqueue(op: Omit<PendingOperation, 'position' | 'createdAt'>): Promise<PendingOperation> {
    const ops = await this.outbox()
    const createdAt = new Date().toISOString()
    const row = await this.db
      .insertInto('outbox')
      .values({ op_id: op.opId, document_id: op.documentId, kind: op.kind, payload: JSON.stringify(op.payload), created_at: createdAt })
      .returning('position')
      .executeTakeFirstOrThrow()
    const pending = { ...op, position: row.position, createdAt }
    ops.push(pending)
    return pending
  }

  /** Pending ops, oldest first (of one document when given). Treat them as read-only. */
  async pending(documentId?: string): Promise<PendingOperation[]> {
    const ops = await this.outbox()
    return documentId === undefined ? [...ops] : ops.filter((op) => op.documentId === documentId)
  }

  async pendingOp(opId: string): Promise<PendingOperation | undefined> {
    return (await this.outbox()).find((op) => op.opId === opId)
  }

  async pendingCount(): Promise<number> {
    return (await this.outbox()).length
  }

  async removePending(opId: string): Promise<void> {
    const ops = await this.outbox()
    await this.db.deleteFrom('outbox').where('op_id', '=', opId).execute()
    const i = ops.findIndex((op) => op.opId === opId)
    if (i >= 0) ops.splice(i, 1)
  }

  private async outbox(): Promise<PendingOperation[]> {
    if (!this.mirror.ops) {
      const rows = await this.db.selectFrom('outbox').selectAll().orderBy('position').execute()
      this.mirror.ops ??= rows.map(toPending)
    }
    return this.mirror.ops
  }

  close(): Promise<void> {
    return this.db.destroy()
  }
}

function toConfirmed(row: ClientDatabase['documents']): ConfirmedDocument {
  return {
    id: row.id,
    state: row.base_title === null ? null : { title: row.base_title, content: JSON.parse(row.base_content ?? '{}') as JsonObject },
    revision: row.base_revision,
    generation: row.base_generation,
    ownerId: row.owner_id,
    vectorClock: JSON.parse(row.vector_clock) as VectorClock,
  }
}

function toPending(row: { position: number; op_id: string; document_id: string | null; kind: OperationKind; payload: string; created_at: string }): PendingOperation {
  return {
    position: row.position,
    opId: row.op_id,
    documentId: row.document_id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as PendingOperation['payload'],
    createdAt: row.created_at,
  }
}
