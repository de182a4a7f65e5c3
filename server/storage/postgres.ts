import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { StorageDialect } from './dialect.js'
import type { Database } from './schema.js'

/** Any constant works; it only has to be the same for every instance on one database. */
const SEQUENCE_LOCK = 0x70617463
const CHANNEL = 'patchsync_changes'
/** Payloads on CHANNEL are comma-separated sequences, or this prefix and a document whose grants changed. */
const ACCESS_PREFIX = 'access:'

/** PostgreSQL through pg: JSONB columns, LISTEN/NOTIFY between instances. */
export function postgresDialect(connectionString: string, poolSize = 10): StorageDialect {
  const pool = new pg.Pool({ connectionString, max: poolSize })
  // An idle pooled connection closed by the server (restart, pg_terminate_backend) is dropped and
  // replaced by pg; without a listener the pool's 'error' event would crash the process.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const listeners = new Set<pg.Client>()
  return {
    name: 'postgres',
    db,
    decodeJson: (value) => value,
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    // Held until commit: a transaction that allocated sequence N commits before any that
    // allocates N+1 can, so a feed reader never sees N+1 while N may still appear (§3.2).
    lockSequences: async (trx) => {
      await sql`select pg_advisory_xact_lock(${SEQUENCE_LOCK})`.execute(trx)
    },
    notify: async (trx, sequences) => {
      await sql`select pg_notify(${CHANNEL}, ${sequences.join(',')})`.execute(trx)
    },
    notifyAccess: async (trx, documentId) => {
      await sql`select pg_notify(${CHANNEL}, ${ACCESS_PREFIX + documentId})`.execute(trx)
    },
    subscribe: async (onCommitted, onAccessChanged) => {
      let stopped = false
      let client: pg.Client | undefined
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString })
        c.on('notification', (message) => {
          if (message.channel !== CHANNEL || !message.payload) return
          if (message.payload.startsWith(ACCESS_PREFIX)) onAccessChanged?.(message.payload.slice(ACCESS_PREFIX.length))
          else onCommitted(message.payload.split(',').map(Number))
        })
        c.on('error', () => {
          listeners.delete(c)
          c.end().catch(() => {})
          if (!stopped) setTimeout(() => void connect().catch(() => {}), 500)
        })
        await c.connect()
        await c.query(`LISTEN ${CHANNEL}`)
        if (stopped) {
          await c.end()
          return
        }
        client = c
        listeners.add(c)
      }
      await connect()
      return async () => {
        stopped = true
        if (client) {
          listeners.delete(client)
          await client.end().catch(() => {})
        }
      }
    },
    isUniqueViolation: (error) => (error as { code?: unknown })?.code === '23505',
    close: async () => {
      for (const c of listeners) await c.end().catch(() => {})
      await db.destroy()
    },
  }
}
