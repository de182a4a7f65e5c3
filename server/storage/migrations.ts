import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import type { ColumnTypes } from './dialect.js'

/** A database as a migration sees it: the schema as it was then, not today's types (Kysely's advice). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- no type describes every past schema
type SchemaThen = Kysely<any>

function initial(t: ColumnTypes): Migration {
  return {
    async up(db: SchemaThen) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content', t.json, (c) => c.notNull())
        .addColumn('revision_id', 'text', (c) => c.notNull())
        .addColumn('generation', 'integer', (c) => c.notNull())
        .addColumn('vector_clock', t.json, (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute()
      await db.schema.createIndex('documents_owner').on('documents').column('owner_id').execute()
      await db.schema
        .createTable('document_access')
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_access_pk', ['document_id', 'user_id'])
        .execute()
      await db.schema.createIndex('document_access_user').on('document_access').column('user_id').execute()
      await db.schema
        .createTable('change_events')
        .addColumn('sequence', t.sequence.type, (c) => (t.sequence.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('revision_id', 'text', (c) => c.notNull())
        .addColumn('previous_revision_id', 'text')
        .addColumn('forward_patch', t.json)
        .addColumn('reverse_patch', t.json)
        .addColumn('client_op_id', 'text')
        .addColumn('op_index', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('vector_clock', t.json)
        .addColumn('cause', 'text')
        .addColumn('batch_id', 'text')
        .addColumn('conflict', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute()
      await db.schema.createIndex('change_events_document').on('change_events').columns(['document_id', 'sequence']).execute()
      await db.schema.createIndex('change_events_user').on('change_events').columns(['user_id', 'sequence']).execute()
      await db.schema
        .createIndex('change_events_client_op')
        .unique()
        .on('change_events')
        .columns(['user_id', 'client_op_id', 'op_index'])
        .where(sql.ref('client_op_id'), 'is not', null)
        .execute()
    },
  }
}

/** What makes a resubmission the same request (§4.1), which the events alone do not always tell. */
const requestDigest: Migration = {
  async up(db: SchemaThen) {
    await db.schema.alterTable('change_events').addColumn('request_digest', 'text').execute()
  },
}

/**
 * Snapshots plus a tail (issue 15): `documents.content` is written whole only every so often, and
 * `snapshot_generation` says which generation it holds. Every existing row holds its latest
 * content, so its snapshot is its generation.
 */
const documentSnapshots: Migration = {
  async up(db: SchemaThen) {
    await db.schema
      .alterTable('documents')
      .addColumn('snapshot_generation', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db
      .updateTable('documents')
      .set((eb) => ({ snapshot_generation: eb.ref('generation') }))
      .execute()
  },
}

/**
 * Past snapshots (issue 15): a commit that writes a document's content whole keeps a copy here, so
 * that any revision is a snapshot plus a bounded number of patches away. Databases from before
 * start with none; time travel there walks from the head or the create, as it did. The content is
 * JSON text in every dialect: it is only ever read whole, and PostgreSQL returns text several
 * milliseconds sooner than it converts a large `jsonb` back to text.
 */
const snapshotHistory: Migration = {
  async up(db: SchemaThen) {
    await db.schema
      .createTable('document_snapshots')
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_snapshots_pk', ['document_id', 'generation'])
      .execute()
  },
}

/** The one migration source every dialect runs, in its column types; Kysely's Migrator records what ran. */
export function migrations(columnTypes: ColumnTypes): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '2026-11-25-initial': initial(columnTypes),
        '2026-12-06-request-digest': requestDigest,
        '2026-12-06-snapshots': documentSnapshots,
        // Kysely runs migrations in the order of their names: a name must sort after every earlier
        // one ('2026-12-06-snapshot-history' sorted before '2026-12-06-snapshots', which databases
        // had already run, and their server refused to start).
        '2026-12-06-snapshots-kept': snapshotHistory,
      }
    },
  }
}
