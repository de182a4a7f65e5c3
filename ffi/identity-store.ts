/**
 * Remembers which user a client database belongs to, so the seed's
 * `sync_engine_create(database_path, server_url, auth_token)` — which has no user id — can open a
 * database: the user bound earlier, or for a new database a user id chosen now. Kept in its own
 * table of the client database so the binding travels with the data it protects; the token is
 * never stored.
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'

const TABLE = 'patchsync_ffi_identity'

function withDatabase<T>(databasePath: string, fn: (db: Database.Database) => T): T {
  const db = new Database(databasePath)
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
    return fn(db)
  } finally {
    db.close()
  }
}

/** The user id bound to the database, or undefined when none was bound yet. */
export function readBoundUserId(databasePath: string): string | undefined {
  return withDatabase(databasePath, readValue)
}

/**
 * Binds the database to `userId`. Returns false (binding nothing) when it already belongs to another
 * user: its outbox holds that user's ops, which must never be sent under a different identity.
 */
export function bindUserId(databasePath: string, userId: string): boolean {
  return withDatabase(databasePath, (db) => insertValue(db, userId) || readValue(db) === userId)
}

/**
 * The user of a database opened without a user id: the one bound to it, or — when the database
 * holds nothing yet — a new random UUID, bound in the same transaction (two engines opening one new
 * database at once agree on it). Undefined for a database that holds a client's data but no
 * binding (written by `SyncClient` itself, say): whose ops its outbox holds is unknown, so it is
 * not opened under a guessed identity.
 */
export function userIdForUnnamedOpen(databasePath: string): string | undefined {
  return withDatabase(databasePath, (db) =>
    db
      .transaction(() => {
        const bound = readValue(db)
        if (bound !== undefined) return bound
        const other = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name <> ? LIMIT 1`).get(TABLE)
        if (other !== undefined) return undefined
        const userId = randomUUID()
        insertValue(db, userId)
        return userId
      })
      .immediate(),
  )
}

function insertValue(db: Database.Database, userId: string): boolean {
  return db.prepare(`INSERT INTO ${TABLE} (key, value) VALUES ('user_id', ?) ON CONFLICT (key) DO NOTHING`).run(userId).changes === 1
}

function readValue(db: Database.Database): string | undefined {
  return (db.prepare(`SELECT value FROM ${TABLE} WHERE key = 'user_id'`).get() as { value: string } | undefined)?.value
}
