import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery, type SqliteDatabase, type SqliteStatement } from 'kysely'
import type { BatchWrite, StorageDialect } from './dialect.js'
import { DOCUMENT_COLUMNS, DOCUMENT_UPDATED_COLUMNS, EVENT_COLUMNS, type Database } from './schema.js'

/** SQLite through better-sqlite3: one writer, so commits are in sequence order by construction. */
export function sqliteDialect(path: string): StorageDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new BetterSqlite3(path)
  database.pragma('journal_mode = WAL')
  // Acknowledged means durable (§3.3): FULL syncs the WAL on every commit; group commit keeps
  // that to one sync per batch of updates.
  database.pragma('synchronous = FULL')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database) }) })
  // Prepared at the first commit: the tables exist only once the migrations have run.
  let commit: ((write: BatchWrite) => number[]) | undefined
  return {
    name: 'sqlite',
    db,
    decodeJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : value),
    // Holding Kysely's one connection keeps every other query and transaction out while the
    // batch runs; inside, the batch runs synchronously from BEGIN to COMMIT.
    commitBatch: (write) => db.connection().execute(async () => (commit ??= batchCommit(db, database))(write)),
    notifyAccess: async () => {},
    subscribe: async () => async () => {},
    isUniqueViolation: (error) => (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE',
    close: () => db.destroy(),
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
  return database.transaction((write: BatchWrite): number[] => {
    const current = new Map<string, string>()
    for (const id of write.documentIds) {
      const row = revision.statement.get(id) as { revision_id: string } | undefined
      if (row) current.set(id, row.revision_id)
    }
    write.check(current)
    const sequences = write.events.map((e) => Number(insertEvent.statement.run(insertEvent.values(e)).lastInsertRowid))
    for (const d of write.documents) upsertDocument.statement.run(upsertDocument.values(d))
    if (write.beforeCommit?.(sequences) instanceof Promise) throw new Error('SQLite commits synchronously: beforeCommit must not return a promise')
    return sequences
  })
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
