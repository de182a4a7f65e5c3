import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type Generated, type Migration } from 'kysely'
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
  // An operation is promised to the caller only once it is on disk: FULL syncs every commit.
  database.pragma('synchronous = FULL')
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

export class ClientStore {
  constructor(private readonly db: Kysely<ClientDatabase>) {}

  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  transaction<T>(fn: (store: ClientStore) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new ClientStore(trx as unknown as Kysely<ClientDatabase>)))
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
    const createdAt = new Date().toISOString()
    const row = await this.db
      .insertInto('outbox')
      .values({ op_id: op.opId, document_id: op.documentId, kind: op.kind, payload: JSON.stringify(op.payload), created_at: createdAt })
      .returning('position')
      .executeTakeFirstOrThrow()
    return { ...op, position: row.position, createdAt }
  }

  async pending(documentId?: string): Promise<PendingOperation[]> {
    let query = this.db.selectFrom('outbox').selectAll().orderBy('position')
    if (documentId !== undefined) query = query.where('document_id', '=', documentId)
    return (await query.execute()).map(toPending)
  }

  async pendingOp(opId: string): Promise<PendingOperation | undefined> {
    const row = await this.db.selectFrom('outbox').selectAll().where('op_id', '=', opId).executeTakeFirst()
    return row && toPending(row)
  }

  async pendingCount(): Promise<number> {
    const row = await this.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async removePending(opId: string): Promise<void> {
    await this.db.deleteFrom('outbox').where('op_id', '=', opId).execute()
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
