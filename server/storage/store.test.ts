import t from 'tap'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jsonBytes, revisionId, toWireEvent, wireEventJson, type JsonObject } from '../../core/index.js'
import { TEST_DIALECTS, createTestDatabase, createTestStore } from '../test-support/databases.js'
import { Migrator, type Kysely } from 'kysely'
import { openDialect } from './dialects.js'
import { migrations } from './migrations.js'
import { takesSnapshot } from './snapshot-policy.js'
import { WalSync } from './sqlite.js'
import { DuplicateOpError, StaleRevisionError, Store, type DocumentRow, type PendingChange } from './store.js'
import { WritePath } from '../write-path/write-path.js'

const USER = '550e8400-e29b-41d4-a716-446655440000'
const OTHER = '550e8400-e29b-41d4-a716-4466554400ff'
let counter = 0
const docId = () => `550e8400-e29b-41d4-a716-${String(++counter).padStart(12, '0')}`

function created(id: string, content: JsonObject, clientOpId: string | null = null): PendingChange {
  const now = new Date().toISOString()
  const rev = revisionId(1, null, 'T', content)
  const document: DocumentRow = {
    id,
    ownerId: USER,
    title: 'T',
    content,
    revisionId: rev,
    generation: 1,
    snapshotGeneration: 1,
    tailBytes: 0,
    vectorClock: {},
    deleted: false,
    createdAt: now,
    updatedAt: now,
  }
  return {
    document,
    expectedRevisionId: null,
    event: {
      documentId: id,
      userId: USER,
      eventType: 'create',
      revisionId: rev,
      previousRevisionId: null,
      forwardPatch: { id, title: 'T', content },
      reversePatch: null,
      clientOpId,
      opIndex: 0,
      vectorClock: null,
      cause: null,
      batchId: null,
      requestDigest: null,
      conflict: false,
    },
  }
}

function updated(before: DocumentRow, content: JsonObject, forward: unknown, reverse: unknown, clientOpId: string | null = null): PendingChange {
  const rev = revisionId(before.generation + 1, before.revisionId, before.title, content)
  // Written whole (a snapshot), so a test's forward patch need not bring the content there.
  const document = {
    ...before,
    content,
    revisionId: rev,
    generation: before.generation + 1,
    snapshotGeneration: before.generation + 1,
    updatedAt: new Date().toISOString(),
  }
  return {
    document,
    expectedRevisionId: before.revisionId,
    event: {
      documentId: before.id,
      userId: USER,
      eventType: 'update',
      revisionId: rev,
      previousRevisionId: before.revisionId,
      forwardPatch: forward,
      reversePatch: reverse,
      clientOpId,
      opIndex: 0,
      vectorClock: { a: 1 },
      cause: null,
      batchId: null,
      requestDigest: null,
      conflict: false,
    },
  }
}

for (const dialect of TEST_DIALECTS) {
  t.test(dialect, async (t) => {
    t.test('migrations run once and again without error', async (t) => {
      const store = await createTestStore(t, dialect)
      await store.migrate()
      t.equal(await store.latestSequence(), 0)
    })

    t.test('logs events with forward and reverse patches (seed: test_event_logging)', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      const [create] = await store.commit([created(id, { text: 'Hello, World!' })])
      const doc = (await store.getDocument(id))!
      const [update] = await store.commit([
        updated(
          doc,
          { text: 'Updated text' },
          [{ op: 'replace', path: '/text', value: 'Updated text' }],
          [{ op: 'replace', path: '/text', value: 'Hello, World!' }],
        ),
      ])
      t.ok(update!.sequence > create!.sequence, 'sequences increase')
      const events = await store.documentEvents(id)
      t.same(
        events.map((e) => e.eventType),
        ['create', 'update'],
      )
      t.same(events[0]!.forwardPatch, { id, title: 'T', content: { text: 'Hello, World!' } })
      t.equal(events[0]!.reversePatch, null)
      t.same(events[1]!.reversePatch, [{ op: 'replace', path: '/text', value: 'Hello, World!' }])
      t.same(events[1]!.vectorClock, { a: 1 })
      t.match(events[1]!.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
      t.same((await store.getDocument(id))!.content, { text: 'Updated text' })
    })

    t.test('a delete stores a null forward patch and the full document as reverse (seed: test_document_delete)', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      await store.commit([created(id, { text: 'x' })])
      const doc = (await store.getDocument(id))!
      const rev = revisionId(2, doc.revisionId, null, null)
      await store.commit([
        {
          document: { ...doc, deleted: true, revisionId: rev, generation: 2 },
          expectedRevisionId: doc.revisionId,
          event: {
            documentId: id,
            userId: USER,
            eventType: 'delete',
            revisionId: rev,
            previousRevisionId: doc.revisionId,
            forwardPatch: null,
            reversePatch: { id, title: 'T', content: { text: 'x' } },
            clientOpId: null,
            opIndex: 0,
            vectorClock: null,
            cause: null,
            batchId: null,
            requestDigest: null,
            conflict: false,
          },
        },
      ])
      const [, deleted] = await store.documentEvents(id)
      t.equal(deleted!.forwardPatch, null)
      t.same(deleted!.reversePatch, { id, title: 'T', content: { text: 'x' } })
      t.equal((await store.getDocument(id))!.deleted, true)
      t.same(await store.listDocuments(USER), [], 'deleted documents are not listed')
    })

    t.test('a stale expected revision or a reused client op id writes nothing', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      await store.commit([created(id, { n: 0 }, 'op-1')])
      const doc = (await store.getDocument(id))!
      const other = docId()
      const stale = updated({ ...doc, revisionId: revisionId(1, null, 'T', { n: 99 }) }, { n: 1 }, [], [])
      await t.rejects(store.commit([created(other, { n: 0 }), stale]), StaleRevisionError)
      await t.rejects(store.commit([created(docId(), { n: 0 }, 'op-1')]), DuplicateOpError)
      t.equal(await store.getDocument(other), undefined, 'the batch wrote nothing')
      t.equal(await store.latestSequence(), 1)
      await t.rejects(store.commit([created(id, {})]), StaleRevisionError, 'creating an existing id is stale too')
      t.same(
        (await store.findOps([{ userId: USER, clientOpId: 'op-1' }])).map((e) => e.documentId),
        [id],
      )
    })

    t.test('a stale commit whose snapshot another commit already kept is stale, and the kept snapshot stays', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      await store.commit([created(id, { n: 0 })])
      const base = (await store.getDocument(id))!
      await store.commit([updated(base, { n: 1 }, [{ op: 'replace', path: '/n', value: 1 }], [{ op: 'replace', path: '/n', value: 0 }])])
      // Planned on the same base: the same generation, so the same key in document_snapshots.
      const late = updated(base, { n: 2 }, [{ op: 'replace', path: '/n', value: 2 }], [{ op: 'replace', path: '/n', value: 0 }])
      await t.rejects(store.commit([late]), StaleRevisionError)
      t.same(await store.snapshotsAround(id, 2), { before: 2 })
      t.same(await store.snapshotsAround(id, 1), { after: 2 }, 'a create keeps no snapshot: its event holds it')
      t.same(await store.snapshot(id, 2), { generation: 2, title: 'T', content: { n: 1 } }, 'the snapshot kept is the one that committed')
    })

    t.test('a commit that fails inside its transaction writes nothing, and the store goes on', async (t) => {
      const store = await createTestStore(t, dialect, { poolSize: 1 })
      const id = docId()
      // SQLite commits synchronously, so its hook throws synchronously; PostgreSQL awaits it.
      const failing =
        dialect === 'sqlite'
          ? () => {
              throw new Error('hook failed')
            }
          : async () => {
              throw new Error('hook failed')
            }
      await t.rejects(store.commit([created(id, { n: 0 }, 'op-a')], { beforeCommit: failing }), /hook failed/)
      t.equal(await store.getDocument(id), undefined, 'no document')
      t.same(await store.findOps([{ userId: USER, clientOpId: 'op-a' }]), [], 'no event')
      const [event] = await store.commit([created(id, { n: 1 }, 'op-a')])
      t.same((await store.getDocument(id))!.content, { n: 1 }, 'the same op commits afterwards (on the one pooled connection)')
      t.same(
        (await store.readChanges({ since: 0, limit: 10, userId: USER })).events.map((e) => e.sequence),
        [event!.sequence],
      )
      if (dialect === 'sqlite') {
        await t.rejects(store.commit([created(docId(), {})], { beforeCommit: async () => {} }), /must not return a promise/)
      }
    })

    t.test('a commit is answered, and read back, only once it is durable', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      const order: string[] = []
      const { events, durable } = await store.write([created(id, { n: 0 })])
      void durable.then(() => order.push('durable'))
      // The read's query sees the commit at once (SQLite: before its log is synced); its result
      // must still wait for the sync.
      const read = store.getDocument(id).then((doc) => order.push(`read ${JSON.stringify(doc?.content)}`))
      const feed = store.readChanges({ since: 0, limit: 10, userId: USER }).then((page) => order.push(`feed ${page.events.length}`))
      await Promise.all([read, feed, durable])
      t.same(order, ['durable', 'read {"n":0}', 'feed 1'])
      t.equal(events.length, 1)
      const [next] = await store.commit([created(docId(), { n: 1 })])
      t.ok(next!.sequence > events[0]!.sequence, 'commit resolves with the durable result')
    })

    t.test('a batch gets consecutive sequences and writes each document once, at its last state', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      const first = created(id, { n: 0 })
      const second = updated(first.document, { n: 1 }, [{ op: 'replace', path: '/n', value: 1 }], [{ op: 'replace', path: '/n', value: 0 }])
      const third = updated(second.document, { n: 2 }, [{ op: 'replace', path: '/n', value: 2 }], [{ op: 'replace', path: '/n', value: 1 }])
      const events = await store.commit([first, second, third])
      t.same(
        events.map((e) => e.sequence),
        [1, 2, 3],
      )
      const doc = (await store.getDocument(id))!
      t.same(doc.content, { n: 2 })
      t.equal(doc.generation, 3)
    })

    t.test('readChanges pages by sequence and shows only readable documents', async (t) => {
      const store = await createTestStore(t, dialect)
      const mine = Array.from({ length: 5 }, () => docId())
      for (const id of mine) await store.commit([created(id, { unicode: 'ü€😀', nested: { a: [1, { b: null }] } })])
      const theirs = docId()
      const foreign = created(theirs, { secret: true })
      foreign.document.ownerId = OTHER
      foreign.event.userId = OTHER
      await store.commit([foreign])
      const page1 = await store.readChanges({ since: 0, limit: 3, userId: USER })
      t.same(
        page1.events.map((e) => e.sequence),
        [1, 2, 3],
      )
      t.equal(page1.hasMore, true)
      t.equal(page1.latestSequence, 6)
      const page2 = await store.readChanges({ since: 3, limit: 3, userId: USER })
      t.same(
        page2.events.map((e) => e.sequence),
        [4, 5],
        "the other user's document is not in the feed",
      )
      t.equal(page2.hasMore, false)
      t.same((JSON.parse(page2.events[0]!.forwardPatch!) as { content: unknown }).content, { unicode: 'ü€😀', nested: { a: [1, { b: null }] } })
      await store.setAccess(theirs, USER, 'read')
      t.same(
        (await store.readChanges({ since: 5, limit: 10, userId: USER })).events.map((e) => e.documentId),
        [theirs],
        'a grant makes it readable',
      )
      t.same(await store.grants(theirs), new Map([[USER, 'read']]))
      await store.setAccess(theirs, USER, 'none')
      t.same((await store.readChanges({ since: 5, limit: 10, userId: USER })).events, [])
      t.same(
        (await store.readChanges({ since: 0, limit: 10, userId: USER, documentId: mine[1] })).events.map((e) => e.sequence),
        [2],
      )
    })

    // Review of f8fcfdd: PostgreSQL's jsonb text writes 1e300 as 301 digits, so a create of 700 KB
    // of such numbers was spliced into a frame of 30 MB.
    t.test('readChanges gives JSON text about as long as the JSON stored, whatever numbers it holds', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      const content = { huge: Array<number>(2000).fill(1e300), tiny: Array<number>(2000).fill(-1e-300), near: [1e21, 1.5e-7, 1e-6, 1.0000001, 2 ** 53 - 1] }
      await store.commit([created(id, content)])
      const [event] = (await store.readChanges({ since: 0, limit: 10, userId: USER })).events
      const [stored] = await store.documentEvents(id)
      const written = JSON.stringify(stored!.forwardPatch)
      t.ok(event!.forwardPatch!.length <= 1.5 * written.length, `${event!.forwardPatch!.length} characters for ${written.length} stored`)
      t.strictSame(JSON.parse(event!.forwardPatch!), stored!.forwardPatch, 'the same value')
      t.strictSame(JSON.parse(wireEventJson(event!)), toWireEvent(stored!))
    })

    t.test('readChanges gives the stored JSON as text: written with wireEventJson, a page reads as toWireEvent of each stored event', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      const content = {
        text: 'quote " backslash \\ newline \n tab \t ü€😀 \u2028 </script>',
        numbers: [0, -5, 0.1, 1e21, 1.5e-7, 123456789012, 2 ** 53 - 1],
        nested: { b: null, a: true, '': [] },
      }
      await store.commit([created(id, content, 'op-1')])
      const v1 = (await store.getDocument(id))!
      const update = updated(
        v1,
        { ...content, n: 1 },
        [
          { op: 'add', path: '/n', value: 1 },
          { op: 'add', path: '/x', value: { z: 1, a: [2, 'ü'] } },
        ],
        [
          { op: 'remove', path: '/x' },
          { op: 'remove', path: '/n' },
        ],
        'op-2',
      )
      update.event.cause = 'undo'
      update.event.vectorClock = { [USER]: 3, [OTHER]: 1 }
      await store.commit([update])
      const v2 = (await store.getDocument(id))!
      const rename = updated(v2, v2.content, { title: 'Ü "new"' }, { title: 'T' })
      rename.event.eventType = 'rename'
      await store.commit([rename])
      const v3 = (await store.getDocument(id))!
      const remove = updated(v3, v3.content, null, { id, title: 'T', content: v3.content })
      remove.event.eventType = 'delete'
      remove.event.vectorClock = null
      await store.commit([remove])
      const { events } = await store.readChanges({ since: 0, limit: 10, userId: USER })
      const stored = await store.documentEvents(id)
      t.equal(events.length, 4)
      t.strictSame(
        events.map((e) => JSON.parse(wireEventJson(e))),
        stored.map(toWireEvent),
      )
      const back = await store.readChanges({ since: 0, before: Number.MAX_SAFE_INTEGER, limit: 10, userId: USER })
      t.strictSame(
        back.events.map((e) => JSON.parse(wireEventJson(e))),
        stored.map(toWireEvent).reverse(),
        'newest first (§8.4) alike',
      )
    })

    t.test('large batches: 600 events and 100 documents in one commit, found again by their client op ids', async (t) => {
      const store = await createTestStore(t, dialect)
      const ids = Array.from({ length: 100 }, () => docId())
      const creates = ids.map((id, i) => created(id, { n: 0, text: `it's "quoted" \\ and {braced}` }, `create-${i}`))
      const firstEvents = await store.commit(creates)
      t.same(
        firstEvents.map((e) => e.sequence),
        ids.map((_, i) => i + 1),
      )
      let docs = creates.map((c) => c.document)
      const changes: PendingChange[] = []
      for (let round = 1; round <= 5; round++) {
        docs = docs.map((d, i) => {
          const change = updated(
            d,
            { n: round, text: 'x' },
            [{ op: 'replace', path: '/n', value: round }],
            [{ op: 'replace', path: '/n', value: round - 1 }],
            `u-${round}-${i}`,
          )
          changes.push(change)
          return change.document
        })
      }
      const events = await store.commit(changes)
      t.same(
        events.map((e) => e.sequence),
        changes.map((_, i) => 101 + i),
        'sequences in array order',
      )
      t.same(
        events.map((e) => e.clientOpId),
        changes.map((c) => c.event.clientOpId),
      )
      t.same((await store.getDocument(ids[42]!))!.content, { n: 5, text: 'x' }, 'each document at its last state')
      t.equal((await store.getDocument(ids[42]!))!.generation, 6)
      const wanted = [
        ...changes.map((c) => ({ userId: USER, clientOpId: c.event.clientOpId! })),
        { userId: OTHER, clientOpId: 'u-1-0' },
        { userId: USER, clientOpId: 'never' },
      ]
      const found = await store.findOps(wanted)
      t.equal(found.length, 500, 'every op found, and only those of the right user')
      t.same(
        found.map((e) => e.sequence),
        events.map((e) => e.sequence),
        'in sequence order',
      )
      t.same((await store.findOps([{ userId: USER, clientOpId: 'create-7' }]))[0]!.forwardPatch, {
        id: ids[7],
        title: 'T',
        content: { n: 0, text: `it's "quoted" \\ and {braced}` },
      })
    })

    t.test('the same client op id twice in one batch is a DuplicateOpError and writes nothing', async (t) => {
      const store = await createTestStore(t, dialect)
      await t.rejects(store.commit([created(docId(), { n: 1 }, 'twice'), created(docId(), { n: 2 }, 'twice')]), DuplicateOpError)
      t.equal(await store.latestSequence(), 0)
      t.same(await store.listDocuments(USER), [])
    })

    t.test('a create logged before requests had digests is still told apart from another request on resubmission', async (t) => {
      const store = await createTestStore(t, dialect)
      const id = docId()
      await store.commit([created(id, { a: 1 }, 'legacy-op')])
      const writes = new WritePath(store)
      const again = await writes.submit(USER, 'legacy-op', { kind: 'create', id, title: 'T', content: { a: 1 } })
      t.ok(again.replayed, 'the same create gets its original result')
      await t.rejects(
        writes.submit(USER, 'legacy-op', { kind: 'create', id, title: 'T', content: { a: 2 } }),
        { code: 'op_id_reused' },
        'other content is another request',
      )
    })

    t.test('a commit between snapshots writes the head, not the content; a read rebuilds it from the snapshot and the tail', async (t) => {
      const { url, drop } = await createTestDatabase(dialect)
      const raw = openDialect(url, {})
      const store = Store.open(url)
      const reader = Store.open(url)
      t.teardown(async () => {
        await store.close()
        await reader.close()
        await raw.close()
        await drop()
      })
      await store.migrate()
      const writes = new WritePath(store)
      const id = docId()
      const pad = 'x'.repeat(4000)
      // Generation g holds n = g - 2 and list [0 .. g - 2].
      const stateOf = (g: number) => ({ pad, n: g - 2, list: Array.from({ length: g - 1 }, (_, i) => i) })
      await writes.submit(USER, null, { kind: 'create', id, title: 'T', content: stateOf(1) })
      // The generations the policy takes a snapshot at, worked out alongside.
      const expected: number[] = []
      let [snapshot, tailBytes] = [1, 0]
      const updates = 100
      for (let i = 0; i < updates; i++) {
        const patch = [
          { op: 'replace' as const, path: '/n', value: i },
          { op: 'add' as const, path: '/list/-', value: i },
        ]
        await writes.submit(USER, null, { kind: 'update', documentId: id, patch })
        const generation = i + 2
        tailBytes += jsonBytes(patch)
        if (takesSnapshot(generation - snapshot, tailBytes, jsonBytes(stateOf(generation)))) [snapshot, tailBytes] = [generation, 0]
        if (snapshot === generation) expected.push(generation)
      }
      t.ok(expected.length > 2 && snapshot < updates + 1, `snapshots at ${expected.join(', ')}, a tail after the last`)
      const row = await raw.db.selectFrom('documents').select(['content', 'generation', 'snapshot_generation']).where('id', '=', id).executeTakeFirstOrThrow()
      t.equal(Number(row.generation), updates + 1)
      t.equal(Number(row.snapshot_generation), snapshot, 'the last snapshot is where the policy takes it')
      t.same(raw.decodeJson(row.content), stateOf(snapshot), 'the row holds the snapshot, not the head')
      const kept = await raw.db.selectFrom('document_snapshots').selectAll().where('document_id', '=', id).orderBy('generation').execute()
      t.same(
        kept.map((k) => Number(k.generation)),
        expected,
        'every snapshot taken is kept',
      )
      t.same(
        kept.map((k) => ({ title: k.title, content: JSON.parse(k.content) as unknown })),
        expected.map((g) => ({ title: 'T', content: stateOf(g) })),
        'each kept snapshot is the document at its generation',
      )
      const head = stateOf(updates + 1)
      t.same((await reader.getDocument(id))!.content, head, 'a read brings the snapshot to the head')
      t.same((await reader.listDocuments(USER)).find((d) => d.id === id)?.content, head)
      await writes.submit(USER, null, { kind: 'rename', documentId: id, title: 'U' })
      await writes.submit(USER, null, { kind: 'delete', documentId: id })
      const deleted = (await reader.getDocument(id))!
      t.ok(deleted.deleted)
      t.equal(deleted.title, 'U')
      t.same(deleted.content, head, 'a deleted document keeps its last content')
    })

    t.test('a read while another store commits shows the content of the revision it shows (the tail is not shifted by a later event)', async (t) => {
      const { url, drop } = await createTestDatabase(dialect)
      const store = Store.open(url)
      const reader = Store.open(url)
      t.teardown(async () => {
        await store.close()
        await reader.close()
        await drop()
      })
      await store.migrate()
      const writes = new WritePath(store)
      const id = docId()
      await writes.submit(USER, null, { kind: 'create', id, title: 'T', content: { list: [] } })
      // Each update appends its index, so generation g holds exactly [0 .. g - 2].
      const updates = 60
      let written = false
      const writer = (async () => {
        for (let i = 0; i < updates; i++) await writes.submit(USER, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: i }] })
      })().finally(() => (written = true))
      const wrong: string[] = []
      let reads = 0
      // Bounded even if the writer stalled; each round yields so the writer (SQLite runs synchronously) goes on.
      for (let round = 0; !written && round < 20_000; round++) {
        await new Promise((resolve) => setImmediate(resolve))
        const [one, listed] = await Promise.all([reader.getDocument(id), reader.listDocuments(USER)])
        for (const document of [one!, listed.find((d) => d.id === id)!]) {
          reads++
          const list = (document.content as { list: number[] }).list
          const expected = Array.from({ length: document.generation - 1 }, (_, i) => i)
          if (JSON.stringify(list) !== JSON.stringify(expected)) wrong.push(`generation ${document.generation}: ${list.length} items, last ${list.at(-1)}`)
        }
      }
      await writer
      t.ok(reads > 0, `${reads} reads while ${updates} updates committed`)
      t.same(wrong, [], 'every read shows the content of its own generation')
    })

    t.test('a database migrated by any earlier release migrates to the latest', async (t) => {
      // Declared in the order they were released; Kysely runs them in the order of their names,
      // and refuses a database that ran a later name before an earlier one it has not run.
      for (let count = 1; ; count++) {
        const { url, drop } = await createTestDatabase(dialect)
        t.teardown(drop)
        const raw = openDialect(url, {})
        const all = await migrations(raw.columnTypes).getMigrations()
        const released = Object.keys(all)
        if (count === 1) t.same(released, [...released].sort(), 'every migration is named to sort after those released before it')
        if (count === released.length) {
          await raw.close()
          break
        }
        const provider = { getMigrations: async () => Object.fromEntries(released.slice(0, count).map((name) => [name, all[name]!])) }
        const { error } = await new Migrator({ db: raw.db, provider }).migrateToLatest()
        await raw.close()
        if (error) throw error
        const store = Store.open(url)
        await t.resolves(store.migrate(), `a database at ${released[count - 1]} migrates to ${released.at(-1)}`)
        await store.close()
      }
    })

    t.test('a database from before snapshots reads its documents as they were, each its own snapshot', async (t) => {
      const { url, drop } = await createTestDatabase(dialect)
      const raw = openDialect(url, {})
      t.teardown(async () => {
        await raw.close()
        await drop()
      })
      const { error } = await new Migrator({ db: raw.db, provider: migrations(raw.columnTypes) }).migrateTo('2026-12-06-request-digest')
      if (error) throw error
      const now = new Date().toISOString()
      const id = docId()
      await (raw.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto('documents')
        .values({
          id,
          owner_id: USER,
          title: 'Old',
          content: JSON.stringify({ kept: true }),
          revision_id: '3-aa',
          generation: 3,
          vector_clock: '{}',
          deleted: 0,
          created_at: now,
          updated_at: now,
        })
        .execute()
      const store = Store.open(url)
      t.teardown(() => store.close())
      await store.migrate()
      const document = (await store.getDocument(id))!
      t.same(document.content, { kept: true })
      t.equal(document.generation, 3)
      t.equal(document.snapshotGeneration, 3)
    })

    t.test('documentHeads and grantsByDocument read many documents at once, without content', async (t) => {
      const store = await createTestStore(t, dialect)
      const [a, b] = [docId(), docId()]
      await store.commit([created(a, { big: 'x'.repeat(100) }), created(b, { n: 1 })])
      await store.setAccess(a, OTHER, 'read')
      const heads = await store.documentHeads([a, b, docId()])
      t.same([...heads.keys()].sort(), [a, b].sort(), 'a document that does not exist is left out')
      for (const id of [a, b]) {
        const { content, tailBytes, ...head } = (await store.getDocument(id))!
        t.ok(content)
        t.equal(tailBytes, 0, 'a new document is its own snapshot')
        t.same(heads.get(id), head, 'the row without its content')
        t.notOk('content' in heads.get(id)!)
      }
      const grants = await store.grantsByDocument([a, b])
      t.same(grants.get(a), new Map([[OTHER, 'read']]))
      t.equal(grants.get(b), undefined, 'no grants, no entry')
      t.same(await store.documentHeads([]), new Map())
    })

    t.test('users: created once, found by id', async (t) => {
      const store = await createTestStore(t, dialect)
      t.equal(await store.createUser(USER, 'hash-1'), true)
      t.equal(await store.createUser(USER, 'hash-2'), false)
      t.same(await store.getUser(USER), { id: USER, tokenHash: 'hash-1' })
      t.equal(await store.getUser(OTHER), undefined)
    })
  })
}

t.test('sqlite only: the log sync after a group commit', async (t) => {
  t.test('syncs the log SQLite writes, also when the database file is reached through a symbolic link', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'patchsync-link-'))
    t.teardown(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(join(dir, 'real'))
    const store = Store.open(`sqlite:${join(dir, 'real', 'x.db')}`)
    await store.migrate()
    await store.close()
    symlinkSync(join(dir, 'real', 'x.db'), join(dir, 'link.db'))
    const linked = Store.open(`sqlite:${join(dir, 'link.db')}`)
    t.teardown(() => linked.close())
    const id = docId()
    const { durable } = await linked.write([created(id, { n: 1 })])
    await t.resolves(durable, 'the commit becomes durable')
    t.ok(existsSync(join(dir, 'real', 'x.db-wal')), 'SQLite writes its log next to the real file')
    t.notOk(existsSync(join(dir, 'link.db-wal')), 'and not next to the link')
    t.same((await linked.getDocument(id))!.content, { n: 1 })
  })

  t.test('a failed sync is final: every later sync, wait and commit check fails', async (t) => {
    const sync = new WalSync(join(tmpdir(), `patchsync-missing-${process.pid}`, 'x.db-wal'))
    t.doesNotThrow(() => sync.check())
    await t.rejects(sync.sync(), /could not sync the SQLite log/)
    await t.rejects(sync.sync(), /could not sync the SQLite log/, 'no second attempt')
    await t.rejects(sync.settled(), /could not sync the SQLite log/)
    t.throws(() => sync.check(), /could not sync the SQLite log/)
  })
})

t.test('postgres only (SQLite has a single writer, so commits cannot interleave there)', async (t) => {
  t.test('a feed reader never skips an event when a later writer is ready to commit first', async (t) => {
    const { url, drop } = await createTestDatabase('postgres')
    const writerA = Store.open(url)
    const writerB = Store.open(url)
    const reader = Store.open(url)
    t.teardown(async () => {
      await Promise.all([writerA.close(), writerB.close(), reader.close()])
      await drop()
    })
    await reader.migrate()
    await writerA.commit([created(docId(), { n: 0 })])

    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let aHolds!: () => void
    const aAllocated = new Promise<void>((resolve) => (aHolds = resolve))
    // A allocates its sequence, then holds its transaction open before committing.
    const a = writerA.commit([created(docId(), { writer: 'A' })], {
      beforeCommit: async () => {
        aHolds()
        await held
      },
    })
    await aAllocated
    // B starts after A and would get the next sequence; it must not become visible before A's.
    let bDone = false
    const b = writerB.commit([created(docId(), { writer: 'B' })]).then((events) => {
      bDone = true
      return events
    })

    const seen: number[] = []
    let cursor = 1
    const poll = async () => {
      const { events } = await reader.readChanges({ since: cursor, limit: 100, userId: USER })
      for (const e of events) seen.push(e.sequence)
      if (events.length) cursor = events[events.length - 1]!.sequence
    }
    for (let i = 0; i < 20; i++) {
      await poll()
      await new Promise((r) => setTimeout(r, 10))
    }
    t.same(seen, [], 'while A is open the reader sees neither A nor B')
    t.equal(bDone, false, 'B waits for A: commit order is sequence order')
    release()
    const [[eventA], [eventB]] = await Promise.all([a, b])
    for (let i = 0; i < 10 && seen.length < 2; i++) await poll()
    t.ok(eventA!.sequence < eventB!.sequence)
    t.same(seen, [eventA!.sequence, eventB!.sequence], 'both arrive, in order, with none skipped')
  })

  t.test('subscribe hears sequences committed by another store on the same database', async (t) => {
    const { url, drop } = await createTestDatabase('postgres')
    const listener = Store.open(url)
    const writer = Store.open(url)
    let stop: (() => Promise<void>) | undefined
    t.teardown(async () => {
      await stop?.()
      await Promise.all([listener.close(), writer.close()])
      await drop()
    })
    await listener.migrate()
    const heard: number[] = []
    stop = await listener.subscribe((sequences) => heard.push(...sequences))
    const events = await writer.commit([created(docId(), { n: 1 }), created(docId(), { n: 2 })])
    for (let i = 0; i < 100 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
    t.same(
      heard,
      events.map((e) => e.sequence),
    )
  })
})

t.test('a database URL no backend takes is refused with the forms there are', async (t) => {
  t.throws(() => Store.open('mysql://db/app'), { message: 'unsupported database URL "mysql://db/app": use sqlite:<path>, sqlite::memory: or postgres://…' })
})

t.test('only a database several instances share announces commits', async (t) => {
  const announces: Record<string, boolean> = {}
  for (const dialect of TEST_DIALECTS) announces[dialect] = (await createTestStore(t, dialect)).announcesCommits
  t.same(announces, { sqlite: false, postgres: true })
})

t.test(
  'postgres: a plan run under the commit lock reads through the pool while other commits wait, even with a pool of 2 (review: two servers sharing one store deadlocked)',
  async (t) => {
    const store = await createTestStore(t, 'postgres', { poolSize: 2 })
    const writes = new WritePath(store)
    let planning!: () => void
    const planStarted = new Promise<void>((resolve) => (planning = resolve))
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    // The first commit holds the lock and, before it plans, waits until the second is queued for it.
    const first = store.write(async () => {
      planning()
      await gate
      await store.latestSequence()
      return []
    })
    await planStarted
    const second = writes.submit(USER, null, { kind: 'create', id: docId(), title: 'T', content: { n: 1 } })
    // The old dialect let the second commit take the pool's other connection and wait for the lock.
    await new Promise((resolve) => setTimeout(resolve, 300))
    open()
    const outcome = await Promise.race([
      Promise.all([first, second]).then(() => 'both committed'),
      new Promise((resolve) => setTimeout(() => resolve('deadlocked'), 10_000)),
    ])
    t.equal(outcome, 'both committed')
  },
)
