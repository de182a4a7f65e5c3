import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  return {
    name: 'sqlite',
    db,
    decodeJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : value),
    lockSequences: async () => {},
    notify: async () => {},
    subscribe: async () => async () => {},
    close: () => db.destroy(),
  }
}
