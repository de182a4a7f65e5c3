import { mkdirSync, realpathSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql, type CompiledQuery, type SqliteDatabase, type SqliteStatement } from 'kysely'
import { requirePeer } from '../peer-dependency.js'
import { defineDialect, NO_BATCH, type BatchWrite, type StorageBackend, type StorageDialect } from './dialect.js'
import { DOCUMENT_COLUMNS, DOCUMENT_HEAD_COLUMNS, DOCUMENT_UPDATED_COLUMNS, EVENT_COLUMNS, type Database } from './schema.js'

/** `sqlite:<path>` and `sqlite::memory:`: a database one process owns. */
export const sqliteBackend: StorageBackend = {
  urlForms: ['sqlite:<path>', 'sqlite::memory:'],
  accepts: (databaseUrl) => /^sqlite:./.test(databaseUrl),
  open: (databaseUrl) => sqliteDialect(databaseUrl.slice('sqlite:'.length)),
}

/** SQLite through better-sqlite3: one writer, so commits are in sequence order by construction. */
function sqliteDialect(path: string): StorageDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const Sqlite = requirePeer<typeof BetterSqlite3>('better-sqlite3', 'A SQLite database (sqlite:…)')
  const database = new Sqlite(path)
  database.pragma('journal_mode = WAL')
  // Acknowledged means durable (§3.3): FULL syncs the WAL on every commit. Group commits are the
  // exception: they run with NORMAL, and the log is synced on libuv's thread pool afterwards (see
  // WalSync), so the event loop goes on reading frames while the disk works.
  database.pragma('synchronous = FULL')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) })
  // Prepared at the first commit: the tables exist only once the migrations have run.
  let commit: ((write: BatchWrite) => number[]) | undefined
  const wal = path === ':memory:' ? undefined : new WalSync(walPath(database))
  return defineDialect({
    db,
    decodeJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : value),
    // One parameter, a JSON array of pairs, whatever their number: where an OR of one term per pair
    // cost milliseconds per batch to parse and plan.
    opPairs: (ops) => sql`select value ->> 0, value ->> 1 from json_each(${JSON.stringify(ops.map((o) => [o.userId, o.clientOpId]))})`,
    // Holding Kysely's one connection keeps every other query and transaction out while the
    // batch runs; inside, the batch runs synchronously from BEGIN to COMMIT. The sync is asked for
    // before the connection is let go, so a read that runs after the commit waits for it (durable).
    // A plan reads through the same one connection, so it plans first: one process owns the
    // database, and the only commits that can come between are its own write paths'.
    commitBatch: async (plan) => {
      const write = typeof plan === 'function' ? ((await plan()) ?? NO_BATCH) : plan
      if (write.events.length === 0) return { sequences: [], durable: Promise.resolve() }
      return db.connection().execute(async () => {
        wal?.check()
        const sequences = (commit ??= batchCommit(db, database))(write)
        return { sequences, durable: wal?.sync() ?? Promise.resolve() }
      })
    },
    durable: () => wal?.settled() ?? Promise.resolve(),
    isUniqueViolation: (error) => (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE',
    // Constraints (SQLITE_CONSTRAINT_*), a value of the wrong type, too large or out of range.
    isRefusedValue: (error) => /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(String((error as { code?: unknown })?.code)),
    close: async () => {
      await wal?.settled().catch(() => {})
      wal?.stop()
      await db.destroy()
      await wal?.close()
    },
  })
}

/**
 * The log file SQLite writes: next to the database file with symbolic links resolved, as SQLite
 * names it (a relative path would also break if the process changed directory).
 */
function walPath(database: BetterSqlite3.Database): string {
  const main = (database.pragma('database_list') as Array<{ name: string; file: string }>).find((d) => d.name === 'main')
  if (!main?.file) throw new Error('SQLite did not say where the database file is')
  return `${realpathSync(main.file)}-wal`
}

/**
 * fdatasync of the WAL file, on libuv's thread pool. A commit made with `synchronous = NORMAL` is in
 * the log but not yet on disk; once a sync that started after it has finished, it is as durable
 * as with FULL, which syncs the same file at commit, only on the event loop's thread. (SQLite syncs
 * a restarted log's header itself, and with POWERSAFE_OVERWRITE, its default on Unix, FULL does not
 * pad commit frames, so the log holds the same bytes either way.) One sync runs at a time; everyone
 * who asks while one runs shares the next, which covers them all.
 *
 * A failed sync is final (database servers treat it the same way): the kernel may have dropped the pages it could
 * not write, so a later sync that succeeds proves nothing. From then on every sync, durability
 * wait and commit fails; the server needs a restart (which recovers from what is on disk).
 */
export class WalSync {
  private file: FileHandle | undefined
  private tail: Promise<void> = Promise.resolve()
  private next: Promise<void> | undefined
  private failure: Error | undefined

  constructor(private readonly path: string) {}

  /** Throws once a sync has failed or the store is closing. */
  check(): void {
    if (this.failure) throw this.failure
  }

  /** Resolves once everything written to the log before this call is on disk. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    this.next ??= this.tail = this.tail.then(async () => {
      this.next = undefined
      this.check()
      try {
        // 'r+': Windows flushes only handles opened for writing; the file is never written here.
        this.file ??= await open(this.path, 'r+')
        await this.file.datasync()
      } catch (error) {
        this.failure ??= new Error(`could not sync the SQLite log ${this.path}; restart the server: ${(error as Error).message}`)
        throw this.failure
      }
    })
    return this.next
  }

  /** Resolves once every sync asked for so far has finished; rejects once one has failed. */
  settled(): Promise<void> {
    return this.tail
  }

  /** No sync after this one: the store is closing. */
  stop(): void {
    this.failure ??= new Error('the store is closed')
  }

  async close(): Promise<void> {
    this.stop()
    await this.file?.close()
    this.file = undefined
  }
}

/**
 * The group commit as one synchronous better-sqlite3 transaction of single-row prepared
 * statements: per row that costs microseconds, where a Kysely query built per chunk of rows cost
 * tens (query building, an await per statement, the garbage both leave). The statements are still
 * written with Kysely, compiled once.
 */
function batchCommit(db: Kysely<Database>, database: BetterSqlite3.Database): (write: BatchWrite) => number[] {
  const revision = compiled(database, db.selectFrom('documents').select('revision_id').where('id', '=', slot('id')))
  const insertEvent = compiled(database, db.insertInto('change_events').values(slots(EVENT_COLUMNS)))
  const upsertDocument = compiled(
    database,
    db
      .insertInto('documents')
      .values(slots(DOCUMENT_COLUMNS))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(DOCUMENT_UPDATED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])))),
  )
  const keepSnapshot = compiled(
    database,
    db
      .insertInto('document_snapshots')
      .values({ document_id: slot('id'), generation: slot('generation'), title: slot('title'), content: slot('content') } as never)
      .onConflict((oc) => oc.doNothing()),
  )
  const updateHead = compiled(database, db.updateTable('documents').set(slots(DOCUMENT_HEAD_COLUMNS)).where('id', '=', slot('id')))
  const transaction = database.transaction((write: BatchWrite): number[] => {
    const current = new Map<string, string>()
    for (const id of write.documentIds) {
      const row = revision.statement.get(id) as { revision_id: string } | undefined
      if (row) current.set(id, row.revision_id)
    }
    write.check(current)
    const sequences = write.events.map((e) => Number(insertEvent.statement.run(insertEvent.values(e)).lastInsertRowid))
    for (const d of write.documents) upsertDocument.statement.run(upsertDocument.values(d))
    if (write.history.length > 0) {
      const kept = new Set(write.history)
      for (const d of write.documents) if (kept.has(d.id)) keepSnapshot.statement.run(keepSnapshot.values(d))
    }
    for (const h of write.heads) updateHead.statement.run(updateHead.values(h))
    const hook = write.beforeCommit?.(sequences)
    if (hook instanceof Promise) {
      hook.catch(() => {})
      throw new Error('SQLite commits synchronously: beforeCommit must not return a promise')
    }
    return sequences
  })
  // Prepared once: `pragma()` prepares its statement at every call, twice per batch.
  const normal = database.prepare('pragma synchronous = NORMAL')
  const full = database.prepare('pragma synchronous = FULL')
  return (write) => {
    normal.run()
    try {
      return transaction(write)
    } finally {
      full.run()
    }
  }
}

/** Compiled statements take their values by position; a slot value names the column it stands for. */
const SLOT = '\u0000slot:'
const slot = (column: string) => SLOT + column
const slots = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, slot(c)])) as never

function compiled(database: BetterSqlite3.Database, query: { compile(): CompiledQuery }) {
  const { sql, parameters } = query.compile()
  const names = parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(SLOT)) throw new Error(`not a slot: ${String(p)} in ${sql}`)
    return p.slice(SLOT.length)
  })
  return {
    statement: database.prepare(sql),
    values: (row: object) => names.map((n) => (row as Record<string, unknown>)[n]),
  }
}

/**
 * Kysely prepares every query it runs; preparing costs as much as running a small statement. This
 * keeps the most recently used statements prepared, by text. Safe because every statement runs to
 * completion synchronously (`all`/`run`); nothing here streams (`iterate`), which would hold one busy.
 */
function cachingStatements(database: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql)
      if (statement) {
        statements.delete(sql)
      } else {
        statement = database.prepare(sql)
        if (statements.size >= size) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}
