import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely'
import type { StorageDialect } from './dialect.js'
import type { Database } from './schema.js'

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
  return {
    name: 'sqlite',
    db,
    decodeJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : value),
    lockSequences: async () => {},
    notify: async () => {},
    notifyAccess: async () => {},
    subscribe: async () => async () => {},
    isUniqueViolation: (error) => (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE',
    close: () => db.destroy(),
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
