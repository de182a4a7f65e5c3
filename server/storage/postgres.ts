import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { StorageDialect } from './dialect.js'
import { DOCUMENT_COLUMNS, DOCUMENT_UPDATED_COLUMNS, EVENT_COLUMNS, type Database } from './schema.js'

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
    commitBatch: (write) =>
      db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('documents').select(['id', 'revision_id']).where('id', 'in', write.documentIds).forUpdate().execute()
        write.check(new Map(current.map((r) => [r.id, r.revision_id])))
        const events = <K extends (typeof EVENT_COLUMNS)[number]>(key: K) => write.events.map((r) => r[key])
        const docs = <K extends (typeof DOCUMENT_COLUMNS)[number]>(key: K) => write.documents.map((r) => r[key])
        // One round trip for all of it. The sequence lock is held until commit: a transaction that
        // allocated sequence N commits before any that allocates N+1 can, so a feed reader never
        // sees N+1 while N may still appear (§3.2); every inserted row joins the lock, so it is
        // taken before the first sequence is. The statement texts do not depend on the batch size.
        const { rows } = await sql<{ sequence: string }>`
          with locked as (select pg_advisory_xact_lock(${SEQUENCE_LOCK})),
          inserted as (
            insert into change_events (${sql.raw(EVENT_COLUMNS.join(', '))})
            select document_id, user_id, event_type, revision_id, previous_revision_id, forward_patch::jsonb, reverse_patch::jsonb,
              client_op_id, op_index, vector_clock::jsonb, cause, batch_id, conflict, created_at::timestamptz
            from locked, unnest(${events('document_id')}::text[], ${events('user_id')}::text[], ${events('event_type')}::text[],
              ${events('revision_id')}::text[], ${events('previous_revision_id')}::text[], ${events('forward_patch')}::text[],
              ${events('reverse_patch')}::text[], ${events('client_op_id')}::text[], ${events('op_index')}::integer[],
              ${events('vector_clock')}::text[], ${events('cause')}::text[], ${events('batch_id')}::text[], ${events('conflict')}::integer[],
              ${events('created_at')}::text[])
              with ordinality as e(document_id, user_id, event_type, revision_id, previous_revision_id, forward_patch, reverse_patch,
                client_op_id, op_index, vector_clock, cause, batch_id, conflict, created_at, position)
            order by position
            returning sequence),
          upserted as (
            insert into documents (${sql.raw(DOCUMENT_COLUMNS.join(', '))})
            select id, owner_id, title, content::jsonb, revision_id, generation, vector_clock::jsonb, deleted, created_at::timestamptz, updated_at::timestamptz
            from unnest(${docs('id')}::text[], ${docs('owner_id')}::text[], ${docs('title')}::text[], ${docs('content')}::text[],
              ${docs('revision_id')}::text[], ${docs('generation')}::integer[], ${docs('vector_clock')}::text[], ${docs('deleted')}::integer[],
              ${docs('created_at')}::text[], ${docs('updated_at')}::text[])
              as d(${sql.raw(DOCUMENT_COLUMNS.join(', '))})
            on conflict (id) do update set ${sql.raw(DOCUMENT_UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '))}),
          notified as (select pg_notify(${CHANNEL}, string_agg(sequence::text, ',' order by sequence)) from inserted)
          select sequence from inserted, notified order by sequence`.execute(trx)
        const sequences = rows.map((r) => Number(r.sequence))
        await write.beforeCommit?.(sequences)
        return sequences
      }),
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
