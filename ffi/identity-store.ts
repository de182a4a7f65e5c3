/**
 * Remembers which user a client database belongs to, so the seed's
 * `sync_engine_create(database_path, server_url, auth_token)` — which has no user id — can reopen a
 * database that `sync_engine_create_ex` bound earlier. Kept in its own table of the client database
 * so the binding travels with the data it protects; the token is never stored.
 */
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
  return withDatabase(databasePath, (db) => {
    const result = db.prepare(`INSERT INTO ${TABLE} (key, value) VALUES ('user_id', ?) ON CONFLICT (key) DO NOTHING`)
      .run(userId)
    if (result.changes === 1) return true
    return readValue(db) === userId
  })
}

function readValue(db: Database.Database): string | undefined {
  return (db.prepare(`SELECT value FROM ${TABLE} WHERE key = 'user_id'`).get() as { value: string } | undefined)?.value
}
