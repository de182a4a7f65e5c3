import { randomUUID } from 'node:crypto'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type pg from 'pg'
import { requirePeer } from '../peer-dependency.js'
import { defineDialect, NO_BATCH, type AccessChange, type BatchWrite, type LockedPlan, type StorageBackend, type StorageDialect } from './dialect.js'
import { DOCUMENT_COLUMNS, DOCUMENT_HEAD_COLUMNS, DOCUMENT_UPDATED_COLUMNS, EVENT_COLUMNS, type Database } from './schema.js'

/** A number jsonb wrote out in full that JSON.stringify would write with an exponent (or a string that looks like one). */
const EXPANDED_NUMBER = /\d{22}|\.0{6}/

/** Any constant works; it only has to be the same for every instance on one database. */
const SEQUENCE_LOCK = 0x70617463
const CHANNEL = 'patchsync_changes'
/**
 * Payloads on CHANNEL are comma-separated sequences, or this prefix and a grant change as JSON:
 * `{"document_id", "user_id", "role", "store"}`, `store` naming the store that made it.
 */
const ACCESS_PREFIX = 'access:'

/** A grant change heard on CHANNEL (an older instance sends only the document id). */
function accessChange(payload: string, self: string): AccessChange & { own: boolean } {
  try {
    const p = JSON.parse(payload) as { document_id: string; user_id: string; role: AccessChange['role']; store: string }
    return { documentId: p.document_id, userId: p.user_id, role: p.role, own: p.store === self }
  } catch {
    return { documentId: payload, userId: '', role: 'none', own: false }
  }
}

const events = EVENT_COLUMNS.map((c, i) => ({ c, p: `$${i + 2}` }))
const documents = DOCUMENT_COLUMNS.map((c, i) => ({ c, p: `$${i + 2 + EVENT_COLUMNS.length}` }))
const HEAD_COLUMNS = ['id', ...DOCUMENT_HEAD_COLUMNS] as const
const heads = HEAD_COLUMNS.map((c, i) => ({ c, p: `$${i + 2 + EVENT_COLUMNS.length + DOCUMENT_COLUMNS.length}` }))
/** The document columns a kept snapshot copies (its content as the JSON text the commit sends). */
const KEPT = (['id', 'generation', 'title', 'content'] as const).map((c) => documents.find((d) => d.c === c)!)
/** The parameter of the ids whose snapshot is kept (`history`), and of the notification channel after it. */
const HISTORY = 2 + EVENT_COLUMNS.length + DOCUMENT_COLUMNS.length + HEAD_COLUMNS.length
const castEvent: Partial<Record<string, string>> = { op_index: 'integer', conflict: 'integer' }
const castDocument: Partial<Record<string, string>> = { generation: 'integer', snapshot_generation: 'integer', deleted: 'integer' }
const jsonb = new Set(['forward_patch', 'reverse_patch', 'vector_clock', 'content'])
/** A column's value in its type, read from `from` (a table alias and a dot) when given. */
const valueOf = (c: string, from = '') =>
  jsonb.has(c) ? `${from}${c}::jsonb` : c === 'created_at' || c === 'updated_at' ? `${from}${c}::timestamptz` : `${from}${c}`

/**
 * A group commit after BEGIN and the sequence lock, in one statement: its text is the same whatever
 * the batch size (arrays, one per column), so it is prepared once per connection. Every part sees
 * the state before the statement, so `current` holds the revisions the writes replace; the caller
 * checks them and rolls back when one is not the expected one. Events are inserted in array order,
 * so their sequences increase in that order. A document is either written whole with a snapshot
 * (`upserted`) or has only its head updated (`headed`), never both; the snapshots of those
 * `history` names are also kept (`kept`), from the same parameters, so the content crosses the
 * wire once. $1 the document ids, then one array per event column, one per document column,
 * one per head column, the ids of `history`, and the notification channel last.
 */
const COMMIT_BATCH = `
  with current as (select id, revision_id from documents where id = any($1::text[])),
  inserted as (
    insert into change_events (${EVENT_COLUMNS.join(', ')})
    select ${EVENT_COLUMNS.map((c) => valueOf(c)).join(', ')}
    from unnest(${events.map(({ c, p }) => `${p}::${castEvent[c] ?? 'text'}[]`).join(', ')})
      with ordinality as e(${EVENT_COLUMNS.join(', ')}, position)
    order by position
    returning sequence),
  upserted as (
    insert into documents (${DOCUMENT_COLUMNS.join(', ')})
    select ${DOCUMENT_COLUMNS.map((c) => valueOf(c)).join(', ')}
    from unnest(${documents.map(({ c, p }) => `${p}::${castDocument[c] ?? 'text'}[]`).join(', ')}) as d(${DOCUMENT_COLUMNS.join(', ')})
    on conflict (id) do update set ${DOCUMENT_UPDATED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}),
  kept as (
    insert into document_snapshots (document_id, generation, title, content)
    select id, generation, title, content
    from unnest(${KEPT.map(({ c, p }) => `${p}::${castDocument[c] ?? 'text'}[]`).join(', ')}) as k(id, generation, title, content)
    where id = any($${HISTORY}::text[])
    on conflict do nothing),
  headed as (
    update documents set ${DOCUMENT_HEAD_COLUMNS.map((c) => `${c} = ${valueOf(c, 'h.')}`).join(', ')}
    from unnest(${heads.map(({ c, p }) => `${p}::${castDocument[c] ?? 'text'}[]`).join(', ')}) as h(${HEAD_COLUMNS.join(', ')})
    where documents.id = h.id),
  notified as (select pg_notify($${HISTORY + 1}, string_agg(sequence::text, ',' order by sequence)) from inserted)
  select (select json_object_agg(id, revision_id) from current) as current,
    (select array_agg(sequence::text order by sequence) from inserted, notified) as sequences`

/** `postgres://…` (or `postgresql://…`): a database several server instances may share. */
export const postgresBackend: StorageBackend = {
  urlForms: ['postgres://…'],
  accepts: (databaseUrl) => /^postgres(ql)?:\/\//.test(databaseUrl),
  open: (databaseUrl, options) => postgresDialect(databaseUrl, options.poolSize),
  redact: (databaseUrl) => {
    try {
      const url = new URL(databaseUrl)
      if (url.password) url.password = '***'
      if (url.searchParams.has('password')) url.searchParams.set('password', '***')
      return url.toString()
    } catch {
      return databaseUrl.replace(/\/\/[^@/]*@/, '//***@')
    }
  },
}

/** PostgreSQL through pg: JSONB columns, LISTEN/NOTIFY between instances. */
function postgresDialect(connectionString: string, poolSize = 10): StorageDialect {
  const { Pool, Client } = requirePeer<typeof pg>('pg', 'A PostgreSQL database (postgres://…)')
  const pool = new Pool({ connectionString, max: poolSize })
  // An idle pooled connection closed by the server (restart, pg_terminate_backend) is dropped and
  // replaced by pg; without a listener the pool's 'error' event would crash the process.
  pool.on('error', () => {})
  // So would a connection closed while checked out (pg-pool listens only to idle ones): the error
  // reaches the query under way, which fails its request alone, and the released connection, no
  // longer queryable, is dropped from the pool (issue 10 finding 2).
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  // Commits run one at a time (see commitBatch) on a connection of their own, in pipeline mode:
  // BEGIN with the sequence lock and the batch's statement leave together, so a commit takes two
  // round trips instead of three (a writer awaiting its acknowledgement waits for each). A plan run
  // under the lock reads through `pool`, whose connections commits never hold. Broken connections
  // are dropped and replaced as in `pool`.
  const commitPool = new Pool({ connectionString, max: 1, pipeline: true })
  commitPool.on('error', () => {})
  commitPool.on('connect', (client) => client.on('error', () => {}))
  const listeners = new Set<pg.Client>()
  /** Names this store in its grant notifications, so it can tell its own from other instances'. */
  const self = randomUUID()
  let commits: Promise<unknown> = Promise.resolve()
  const commitOnce = async (plan: BatchWrite | LockedPlan): Promise<{ sequences: number[]; durable: Promise<void> }> => {
    const client = await commitPool.connect()
    try {
      // BEGIN and the sequence lock in one query (no parameters, so the simple protocol, which
      // takes several statements). The lock is held until commit: a transaction that allocated
      // sequence N commits before any that allocates N+1 can, so a feed reader never sees N+1
      // while N may still appear (§3.2). Every commit takes it before reading anything, so the
      // statement after it, with a snapshot of its own (read committed), sees every commit before
      // it and needs no row locks. Should BEGIN or the lock fail, the statement sent with it fails
      // too (in an aborted transaction, or on the broken connection): it never runs outside one.
      const begin = client.query(`begin isolation level read committed; select pg_advisory_xact_lock(${SEQUENCE_LOCK})`)
      let write: BatchWrite
      if (typeof plan === 'function') {
        await begin
        write = (await plan()) ?? NO_BATCH
        if (write.events.length === 0) {
          await client.query('rollback')
          client.release()
          return { sequences: [], durable: Promise.resolve() }
        }
      } else {
        write = plan
      }
      const statement = client.query<{ current: Record<string, string> | null; sequences: string[] }>({
        name: 'patchsync_commit',
        text: COMMIT_BATCH,
        values: [
          write.documentIds,
          ...EVENT_COLUMNS.map((c) => write.events.map((e) => e[c])),
          ...DOCUMENT_COLUMNS.map((c) => write.documents.map((d) => d[c])),
          ...HEAD_COLUMNS.map((c) => write.heads.map((h) => h[c])),
          write.history,
          CHANNEL,
        ],
      })
      const [, { rows }] = await Promise.all([begin, statement])
      write.check(new Map(Object.entries(rows[0]!.current ?? {})))
      const sequences = rows[0]!.sequences.map(Number)
      await write.beforeCommit?.(sequences)
      await client.query('commit')
      client.release()
      return { sequences, durable: Promise.resolve() }
    } catch (error) {
      // A connection that cannot even roll back is closed instead of going back to the pool.
      await client.query('rollback').then(
        () => client.release(),
        (broken: Error) => client.release(broken),
      )
      throw error
    }
  }
  return defineDialect({
    db,
    columnTypes: { json: 'jsonb', timestamp: 'timestamptz', sequence: { type: 'bigserial', autoIncrement: false } },
    announcesCommits: true,
    decodeJson: (value) => value,
    decodeTime: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    // jsonb's own text (normalized whitespace and member order: the same JSON value) and the time as
    // toISOString writes it, made by the database instead of parsed into values and written again.
    jsonText: (column) => sql<string | null>`${sql.ref(column)}::text`,
    // jsonb keeps a number as an exact decimal and writes it without an exponent: 1e300 comes back
    // as 301 digits, 1e-300 as 0.000…1, so a create of 700 KB of such numbers made a frame of 30 MB
    // (found in review). JSON.stringify writes an exponent from 1e21 up and below 1e-6, so only text
    // with a run of 22 digits or ".000000" can have grown: that is parsed and written again.
    compactJsonText: (text) => (EXPANDED_NUMBER.test(text) ? JSON.stringify(JSON.parse(text)) : text),
    timeText: (column) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    // Two parameters, one array each, whatever the number of pairs: the statement text stays the same.
    opPairs: (ops) => sql`select * from unnest(${ops.map((o) => o.userId)}::text[], ${ops.map((o) => o.clientOpId)}::text[])`,
    commitBatch: (plan) => {
      // One commit of this store at a time, on its one commit connection: commits take the lock
      // one after another anyway, so waiting here costs no throughput, and a plan run under the
      // lock reads through `pool`, which no commit waiting for the lock can hold (two servers
      // sharing one store with a pool of 2 once deadlocked that way).
      const run = commits.then(() => commitOnce(plan))
      commits = run.then(
        () => undefined,
        () => undefined,
      )
      return run
    },
    // synchronous_commit = on: a commit has reached the disk when COMMIT returns (the default durable).
    notifyAccess: async (trx, { documentId, userId, role }) => {
      const payload = JSON.stringify({ document_id: documentId, user_id: userId, role, store: self })
      await sql`select pg_notify(${CHANNEL}, ${ACCESS_PREFIX + payload})`.execute(trx)
    },
    subscribe: async (onCommitted, onAccessChanged, onReconnected) => {
      let stopped = false
      let reconnecting = false
      let client: pg.Client | undefined
      const dispatch = (payload: string) => {
        if (payload.startsWith(ACCESS_PREFIX)) onAccessChanged?.(accessChange(payload.slice(ACCESS_PREFIX.length), self))
        else onCommitted(payload.split(',').map(Number))
      }
      /** Listens on a new connection; `ready` (the catch-up after a reconnection) is told before any announcement it hears. */
      const connect = async (ready?: () => void): Promise<void> => {
        const c = new Client({ connectionString })
        // Held until `ready`: an announcement heard first (it can come with LISTEN's answer) would
        // be delivered before the catch-up, and move the relay past the commits it missed.
        let held: string[] | undefined = []
        c.on('notification', (message) => {
          if (message.channel !== CHANNEL || !message.payload) return
          if (held) held.push(message.payload)
          else dispatch(message.payload)
        })
        c.on('error', () => {
          listeners.delete(c)
          c.end().catch(() => {})
          if (!stopped) void reconnect()
        })
        await c.connect()
        await c.query(`LISTEN ${CHANNEL}`)
        if (stopped) {
          await c.end()
          return
        }
        client = c
        listeners.add(c)
        ready?.()
        for (const payload of held) dispatch(payload)
        held = undefined
      }
      // The listening connection lost (the database restarted, or ended it): try again until it is
      // back, then say so, since what committed meanwhile was announced to nobody here.
      const reconnect = async (): Promise<void> => {
        // One attempt at a time: a connection that fails while being made reports it twice.
        if (reconnecting) return
        reconnecting = true
        try {
          for (let delay = 100; !stopped; delay = Math.min(delay * 2, 5000)) {
            await new Promise((resolve) => setTimeout(resolve, delay).unref())
            if (stopped) return
            try {
              await connect(onReconnected)
              return
            } catch {
              // Still unreachable: wait longer.
            }
          }
        } finally {
          reconnecting = false
        }
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
    // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation); no constraint
    // of the schema is deferred to COMMIT.
    isRefusedValue: (error) => /^2[23]/.test(String((error as { code?: unknown })?.code)),
    close: async () => {
      for (const c of listeners) await c.end().catch(() => {})
      await db.destroy()
      await commitPool.end()
    },
  })
}
