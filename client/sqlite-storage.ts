import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, sql, type Generated, type Migration } from 'kysely'
import type { JsonObject, Operation, VectorClock } from '../core/index.js'
import { replayTail, TAIL_LIMIT, type ClientStorage, type ConfirmedDocument, type OperationKind, type PendingOperation } from './storage.js'

/** A database as a migration sees it: the schema as it was then, not today's types (Kysely's advice). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- no type describes every past schema
type SchemaThen = Kysely<any>

/**
 * The client's SQLite schema: confirmed documents (a small header row each, `base_*`; the content
 * as last written whole, and the tail of patches since, in tables of their own so that a fold
 * rewrites neither), the outbox and settings.
 */
interface ClientDatabase {
  settings: { key: string; value: string }
  documents: {
    id: string
    /** The confirmed (server) state; null title means the document does not exist on the server. */
    base_title: string | null
    base_revision: string | null
    base_generation: number
    owner_id: string | null
    /** The document's vector clock as the server last reported it. */
    vector_clock: string
  }
  /** A confirmed content as it was at `generation`, written whole. */
  document_contents: { id: string; content: string; generation: number }
  /** The update patches since the content was written whole, each with the generation it made. */
  document_patches: { document_id: string; generation: number; patch: string }
  outbox: {
    position: Generated<number>
    op_id: string
    document_id: string | null
    kind: OperationKind
    payload: string
    created_at: string
  }
}

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-client': {
    async up(db: SchemaThen) {
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
  '2026-11-26-client-content-tail': {
    async up(db: SchemaThen) {
      await db.schema
        .createTable('document_contents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .execute()
      await sql`insert into document_contents (id, content, generation) select id, base_content, base_generation from documents where base_content is not null`.execute(
        db,
      )
      await db.schema.alterTable('documents').dropColumn('base_content').execute()
      await db.schema
        .createTable('document_patches')
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('patch', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_patches_key', ['document_id', 'generation'])
        .execute()
    },
  },
}

/** Opens (creating if needed) and migrates a client database file. `:memory:` works for tests. */
export async function openSqliteStorage(path: string): Promise<SqliteStorage> {
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
  return new SqliteStorage(db)
}

/** The Node storage engine: one SQLite file through better-sqlite3 and Kysely. */
export class SqliteStorage implements ClientStorage {
  private flushing: Promise<void> | undefined

  constructor(private readonly db: Kysely<ClientDatabase>) {}

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

  transaction<T>(fn: (storage: ClientStorage) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new SqliteStorage(trx as unknown as Kysely<ClientDatabase>)))
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

  async loadDocument(id: string): Promise<ConfirmedDocument | undefined> {
    const row = await this.headers().where('documents.id', '=', id).executeTakeFirst()
    if (!row) return undefined
    const patches = await this.db.selectFrom('document_patches').select('patch').where('document_id', '=', id).orderBy('generation').execute()
    return toConfirmed(
      row,
      patches.map((p) => p.patch),
    )
  }

  async loadDocuments(): Promise<ConfirmedDocument[]> {
    const rows = await this.headers().orderBy('documents.id').execute()
    const tails = new Map<string, string[]>()
    for (const p of await this.db.selectFrom('document_patches').selectAll().orderBy('document_id').orderBy('generation').execute()) {
      const tail = tails.get(p.document_id)
      if (tail) tail.push(p.patch)
      else tails.set(p.document_id, [p.patch])
    }
    return rows.map((row) => toConfirmed(row, tails.get(row.id) ?? []))
  }

  async saveConfirmed(doc: ConfirmedDocument, patch?: readonly Operation[]): Promise<void> {
    // Header, content and tail change together: in the caller's transaction, or one of its own.
    if (!this.db.isTransaction) return this.transaction((trx) => trx.saveConfirmed(doc, patch))
    const stored = await this.db.selectFrom('documents').select(['base_generation', 'base_title']).where('id', '=', doc.id).executeTakeFirst()
    if (stored && stored.base_generation > doc.generation) return
    const header = {
      base_title: doc.state?.title ?? null,
      base_revision: doc.revision,
      base_generation: doc.generation,
      owner_id: doc.ownerId,
      vector_clock: JSON.stringify(doc.vectorClock),
    }
    await this.db
      .insertInto('documents')
      .values({ id: doc.id, ...header })
      .onConflict((oc) => oc.column('id').doUpdateSet(header))
      .execute()
    if (doc.state === null) {
      await this.db.deleteFrom('document_contents').where('id', '=', doc.id).execute()
      await this.db.deleteFrom('document_patches').where('document_id', '=', doc.id).execute()
      return
    }
    const written = await this.db.selectFrom('document_contents').select('generation').where('id', '=', doc.id).executeTakeFirst()
    const appends =
      patch !== undefined &&
      stored?.base_title != null &&
      stored.base_generation === doc.generation - 1 &&
      written !== undefined &&
      doc.generation - written.generation <= TAIL_LIMIT
    if (appends) {
      if (patch.length > 0)
        await this.db
          .insertInto('document_patches')
          .values({ document_id: doc.id, generation: doc.generation, patch: JSON.stringify(patch) })
          .execute()
      return
    }
    const content = { content: JSON.stringify(doc.state.content), generation: doc.generation }
    await this.db
      .insertInto('document_contents')
      .values({ id: doc.id, ...content })
      .onConflict((oc) => oc.column('id').doUpdateSet(content))
      .execute()
    await this.db.deleteFrom('document_patches').where('document_id', '=', doc.id).execute()
  }

  /** Header rows with their written content. */
  private headers() {
    return this.db
      .selectFrom('documents')
      .leftJoin('document_contents', 'document_contents.id', 'documents.id')
      .selectAll('documents')
      .select('document_contents.content')
  }

  async addPending(op: Omit<PendingOperation, 'position' | 'createdAt'>): Promise<PendingOperation> {
    const createdAt = new Date().toISOString()
    const row = await this.db
      .insertInto('outbox')
      .values({ op_id: op.opId, document_id: op.documentId, kind: op.kind, payload: JSON.stringify(op.payload), created_at: createdAt })
      .returning('position')
      .executeTakeFirstOrThrow()
    return { ...op, position: row.position, createdAt }
  }

  async loadOutbox(): Promise<PendingOperation[]> {
    const rows = await this.db.selectFrom('outbox').selectAll().orderBy('position').execute()
    return rows.map((row) => ({
      position: row.position,
      opId: row.op_id,
      documentId: row.document_id,
      kind: row.kind,
      payload: JSON.parse(row.payload) as PendingOperation['payload'],
      createdAt: row.created_at,
    }))
  }

  async removePending(opId: string): Promise<void> {
    await this.db.deleteFrom('outbox').where('op_id', '=', opId).execute()
  }

  close(): Promise<void> {
    return this.db.destroy()
  }
}

function toConfirmed(row: ClientDatabase['documents'] & { content: string | null }, tail: string[]): ConfirmedDocument {
  return {
    id: row.id,
    state:
      row.base_title === null
        ? null
        : {
            title: row.base_title,
            content: replayTail(
              JSON.parse(row.content ?? '{}') as JsonObject,
              tail.map((p) => JSON.parse(p)),
            ),
          },
    revision: row.base_revision,
    generation: row.base_generation,
    ownerId: row.owner_id,
    vectorClock: JSON.parse(row.vector_clock) as VectorClock,
  }
}
