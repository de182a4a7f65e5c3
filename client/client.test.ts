import t from 'tap'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { canonicalJson, PatchsyncError } from '../core/index.js'
import type { SyncServer } from '../server/sync-server.js'
import { TEST_DIALECTS } from '../server/test-support/databases.js'
import type { SyncClient } from './sync-client.js'
import { backoff } from './reconnect.js'
import { FaultyProxy } from './test-support/faulty-proxy.js'
import { WebSocketServer } from 'ws'
import { nextEvent, openTestClient, tempDir, TEST_ENGINES } from './test-support/harness.js'
import { startTestServer } from '../server/test-support/servers.js'
import { eventually } from '../server/test-support/eventually.js'

const WRITER = fileURLToPath(new URL('./test-support/writer-process.ts', import.meta.url))

/** The server's view of a user's documents: id → {title, content}. */
async function serverDocuments(server: SyncServer, userId: string) {
  const rows = await server.store.listDocuments(userId)
  return Object.fromEntries(rows.filter((r) => !r.deleted).map((r) => [r.id, { title: r.title, content: r.content, revision: r.revisionId }]))
}

function clientDocuments(client: SyncClient) {
  return Object.fromEntries(client.list().map((d) => [d.id, { title: d.title, content: d.content, revision: d.revision_id }]))
}

/** How many events in the server's log carry each client op id. */
async function opCounts(server: SyncServer, documentId: string) {
  const counts = new Map<string, number>()
  for (const e of await server.store.documentEvents(documentId)) {
    if (e.clientOpId) counts.set(e.clientOpId, (counts.get(e.clientOpId) ?? 0) + 1)
  }
  return counts
}

for (const engine of TEST_ENGINES)
  for (const dialect of TEST_DIALECTS) {
    t.test(`${dialect} server, ${engine} client storage`, async (t) => {
      const open: typeof openTestClient = (t, url, options = {}) => openTestClient(t, url, { ...options, engine })

      t.test('writes apply locally at once, reach the server, and come back confirmed', async (t) => {
        const server = await startTestServer(t, dialect)
        const client = await open(t, server.url)
        const created = nextEvent(client, 'document_created')
        const doc = await client.create({ title: 'Notes', content: { text: 'Hello, World!' } })
        t.same((await created).origin, 'local', 'the create is announced as a local change')
        t.equal(doc.revision_id, null, 'not confirmed before the server has it')
        t.equal(doc.pending, 1)
        await client.update(doc.id, [
          { op: 'replace', path: '/text', value: 'Updated' },
          { op: 'add', path: '/tags', value: ['a'] },
        ])
        await client.rename(doc.id, 'Renamed')
        t.same(client.get(doc.id)?.content, { text: 'Updated', tags: ['a'] }, 'the local view has the edits while offline')
        t.equal(client.status().pending, 3)
        t.equal(client.status().online, false)

        client.connect()
        await client.whenSynced(5000)
        const onServer = await server.store.getDocument(doc.id)
        t.same(onServer?.content, { text: 'Updated', tags: ['a'] })
        t.equal(onServer?.title, 'Renamed')
        t.equal(client.get(doc.id)?.revision_id, onServer?.revisionId, 'the local revision is the server revision')
        t.equal(client.get(doc.id)?.pending, 0)
        t.ok(client.status().lastSequence >= 3, "the feed position moved past the client's own events")

        await client.delete(doc.id)
        t.equal(client.get(doc.id), undefined, 'a delete applies locally at once')
        await client.whenSynced(5000)
        t.equal((await server.store.getDocument(doc.id))?.deleted, true)
      })

      t.test('offline edits are queued durably and pushed in order on reconnect, each once', async (t) => {
        const server = await startTestServer(t, dialect)
        const client = await open(t, server.url)
        client.connect()
        const doc = await client.create({ title: 'List', content: { items: [] } })
        await client.whenSynced(5000)
        await client.disconnect()
        t.equal(client.status().online, false)
        for (let i = 0; i < 5; i++) await client.update(doc.id, [{ op: 'add', path: '/items/-', value: i }])
        const second = await client.create({ title: 'Made offline', content: { n: 1 } })
        t.equal(client.status().pending, 6)
        t.same(
          (await client.outbox()).map((op) => op.kind),
          ['update', 'update', 'update', 'update', 'update', 'create'],
          'the outbox keeps the order',
        )
        t.same((await server.store.getDocument(doc.id))?.content, { items: [] }, 'nothing reached the server while offline')

        const started = nextEvent(client, 'sync_completed')
        client.connect()
        t.ok((await started).pushed >= 6, 'the reconnect pushed the outbox')
        await client.whenSynced(5000)
        t.same((await server.store.getDocument(doc.id))?.content, { items: [0, 1, 2, 3, 4] }, 'applied in order')
        t.same((await server.store.getDocument(second.id))?.content, { n: 1 })
        const counts = await opCounts(server, doc.id)
        t.equal(counts.size, 6, 'the create and five updates are logged')
        t.ok(
          [...counts.values()].every((n) => n === 1),
          'each op is in the log once',
        )
        t.same(clientDocuments(client), await serverDocuments(server, client.options.userId))
      })

      t.test('a reply lost after the server committed does not duplicate the op', async (t) => {
        const server = await startTestServer(t, dialect)
        const proxy = await FaultyProxy.start(server.url)
        t.teardown(() => proxy.close())
        const client = await open(t, proxy.url)
        client.connect()
        const doc = await client.create({ title: 'Append', content: { items: [] } })
        await client.whenSynced(5000)
        const cut = proxy.cutAfterNext((frame) => frame.type === 'update_document')
        const lost = nextEvent(client, 'connection_lost')
        await client.update(doc.id, [{ op: 'add', path: '/items/-', value: 'once' }])
        const sent = await cut
        await lost
        t.same((await server.store.getDocument(doc.id))?.content, { items: ['once'] }, 'the server committed before the cut')
        await client.whenSynced(5000)
        t.same((await server.store.getDocument(doc.id))?.content, { items: ['once'] }, 'the replay did not apply it twice')
        t.equal((await opCounts(server, doc.id)).get(String(sent.client_op_id)), 1, 'the op is in the log exactly once')
        t.same(client.get(doc.id)?.content, { items: ['once'] }, 'and the client shows it once')
        t.equal(client.status().pending, 0)
      })

      // fake-indexeddb keeps its databases in the memory of the test process, so a killed process
      // loses them; a killed tab over the real IndexedDB is tested in Chromium (client/browser.test.ts).
      const killable = engine === 'sqlite' || 'the IndexedDB engine runs in Node on fake-indexeddb, which does not outlive its process'
      t.test('a client process killed with pending ops replays them once after a restart', { skip: killable !== true && killable }, async (t) => {
        const server = await startTestServer(t, dialect)
        const proxy = await FaultyProxy.start(server.url)
        t.teardown(() => proxy.close())
        // The server applies what it gets; replies to writes never reach the client.
        proxy.dropServerFrames = (frame) => frame.type === 'document_created' || frame.type === 'document_updated'
        const userId = randomUUID()
        const documentId = randomUUID()
        const databasePath = join(tempDir(t), 'crash.db')
        const child = spawn(process.execPath, ['--import=tsx', WRITER, databasePath, proxy.url, userId, documentId, '20'], {
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        t.teardown(() => child.kill('SIGKILL'))
        const lines = createInterface({ input: child.stdout! })
        const firstLine = new Promise<string>((resolve) => lines.once('line', resolve))
        const created = await eventually(async () => (await server.store.getDocument(documentId)) !== undefined, 15_000)
        t.ok(created, 'the create reached the server')
        const queued = await Promise.race([
          firstLine,
          new Promise<string>((_, reject) => setTimeout(() => reject(new Error('the writer never queued its ops')), 20_000)),
        ])
        t.equal(queued, 'queued 21', 'the writer had all 21 ops in its outbox')
        child.kill('SIGKILL')
        await new Promise((resolve) => child.once('exit', resolve))

        const restarted = await open(t, server.url, { databasePath, userId })
        t.equal(restarted.status().pending, 21, 'the outbox survived the kill')
        t.same(
          restarted.get(documentId)?.content.items,
          Array.from({ length: 20 }, (_, i) => i),
          'so did the local view',
        )
        restarted.connect()
        await restarted.whenSynced(10_000)
        t.same((await server.store.getDocument(documentId))?.content, { items: Array.from({ length: 20 }, (_, i) => i) }, 'every op applied once, in order')
        const counts = await opCounts(server, documentId)
        t.equal(counts.size, 21)
        t.ok(
          [...counts.values()].every((n) => n === 1),
          'no op is in the log twice',
        )
        t.equal(restarted.status().pending, 0)
      })

      t.test('several sessions editing at once converge (seed: test_concurrent_sessions)', async (t) => {
        const server = await startTestServer(t, dialect)
        const userId = randomUUID()
        const dir = tempDir(t)
        const sessions = await Promise.all(Array.from({ length: 5 }, () => open(t, server.url, { userId, dir })))
        for (const s of sessions) s.connect()
        await Promise.all(sessions.map((s) => s.whenSynced(5000)))
        const shared = await sessions[0]!.create({ title: 'Shared', content: { counters: {} } })
        await sessions[0]!.whenSynced(5000)
        t.ok(await eventually(() => sessions.every((s) => s.get(shared.id))), 'every session received the shared document')
        await Promise.all(
          sessions.map(async (s, i) => {
            await s.create({ title: `Own ${i}`, content: { by: i } })
            for (let k = 0; k < 5; k++) await s.update(shared.id, [{ op: 'add', path: `/counters/s${i}-${k}`, value: k }])
          }),
        )
        await Promise.all(sessions.map((s) => s.whenSynced(10_000)))
        const expected = await serverDocuments(server, userId)
        t.equal(Object.keys(expected).length, 6)
        t.equal(Object.keys((expected[shared.id]!.content as { counters: object }).counters).length, 25, 'no update was lost')
        // Each session was synced when it last looked; broadcasts of the others' last writes may still
        // be on their way, which on a loaded machine takes seconds: wait for them, then name who differs.
        await eventually(() => sessions.every((s) => canonicalJson(clientDocuments(s)) === canonicalJson(expected)), 20_000)
        const behind = sessions.flatMap((s, i) =>
          canonicalJson(clientDocuments(s)) === canonicalJson(expected) ? [] : [`session ${i} at sequence ${s.status().lastSequence}`],
        )
        t.same(behind, [], 'every session holds the server state')
      })

      t.test('ServerWins: concurrent edits to different fields both survive; an edit that no longer applies is reported', async (t) => {
        const server = await startTestServer(t, dialect)
        const a = await open(t, server.url)
        const b = await open(t, server.url)
        a.connect()
        b.connect()
        const doc = await a.create({ title: 'Doc', content: { a: 0, b: 0, gone: 'x' } })
        await a.whenSynced(5000)
        await a.share(doc.id, b.options.userId, 'write')
        await a.whenSynced(5000)
        t.ok(await eventually(() => b.get(doc.id) !== undefined), 'the shared document reaches b')

        await a.disconnect()
        await a.update(doc.id, [{ op: 'replace', path: '/a', value: 1 }])
        await b.update(doc.id, [
          { op: 'replace', path: '/b', value: 2 },
          { op: 'remove', path: '/gone' },
        ])
        await b.whenSynced(5000)
        const concurrent = nextEvent(a, 'conflict', (c) => c.kind === 'concurrent')
        a.connect()
        t.equal((await concurrent).document_id, doc.id, 'a hears that its update was concurrent')
        await a.whenSynced(5000)
        t.same((await server.store.getDocument(doc.id))?.content, { a: 1, b: 2 }, 'both changes survive')
        t.ok(await eventually(() => canonicalJson(b.get(doc.id)?.content) === canonicalJson({ a: 1, b: 2 })), 'b converges')

        await a.disconnect()
        await a.update(doc.id, [{ op: 'replace', path: '/b', value: 'from a' }])
        await a.update(doc.id, [{ op: 'add', path: '/kept', value: true }])
        await b.update(doc.id, [{ op: 'remove', path: '/b' }])
        await b.whenSynced(5000)
        const lost = nextEvent(a, 'conflict', (c) => c.kind === 'dropped' || c.kind === 'rejected')
        a.connect()
        const report = await lost
        t.equal(report.code, 'path_not_found', 'the dropped op is reported with its reason, not lost silently')
        await a.whenSynced(5000)
        const final = (await server.store.getDocument(doc.id))?.content
        t.same(final, { a: 1, kept: true }, 'the server wins; the later pending op still applied on top')
        t.same(a.get(doc.id)?.content, final, 'a shows the server state plus nothing stale')
        t.equal(a.status().pending, 0)
      })

      t.test('history, time travel, undo and redo through the client', async (t) => {
        const server = await startTestServer(t, dialect)
        const client = await open(t, server.url)
        const doc = await client.create({ title: 'H', content: { v: 1 } })
        await t.rejects(client.history(doc.id), { code: 'not_connected' }, 'history needs the server')
        client.connect()
        await client.whenSynced(5000)
        const afterCreate = client.status().lastSequence
        await client.update(doc.id, [{ op: 'replace', path: '/v', value: 2 }])
        await client.update(doc.id, [{ op: 'replace', path: '/v', value: 3 }])
        await client.whenSynced(5000)
        const history = await client.history(doc.id)
        t.same(
          history.map((e) => e.event_type),
          ['create', 'update', 'update'],
        )
        const paged = await client.history(doc.id, { since: history[0]!.sequence, limit: 1 })
        t.same(
          paged.map((e) => e.sequence),
          [history[1]!.sequence],
          'a page of the history: one event after the first',
        )
        const newest = await client.timeline(doc.id, { limit: 2 })
        t.same(
          [newest.changes.map((e) => e.sequence), newest.hasMore],
          [[history[2]!.sequence, history[1]!.sequence], true],
          'the timeline: the newest two first, and more before them',
        )
        const oldest = await client.timeline(doc.id, { before: history[1]!.sequence, limit: 2 })
        t.same([oldest.changes.map((e) => e.event_type), oldest.hasMore], [['create'], false], 'its last page')
        t.same(await client.documentAt(doc.id, afterCreate), { title: 'H', content: { v: 1 } }, 'time travel')
        const undo = await client.undoToSequence(afterCreate, doc.id)
        await client.acknowledged(undo.opId)
        t.ok(await eventually(() => client.get(doc.id)?.content.v === 1), 'the undo arrives as a change')
        const redo = await client.redo(doc.id)
        await client.acknowledged(redo.opId)
        t.ok(await eventually(() => client.get(doc.id)?.content.v === 3), 'the redo too')
        const again = await client.redo(doc.id)
        await t.rejects(client.acknowledged(again.opId), { code: 'nothing_to_redo' }, 'a refused op rejects its acknowledgement')
        await client.whenSynced(5000)
        t.same(client.get(doc.id)?.content, (await server.store.getDocument(doc.id))?.content)
        const reader = randomUUID()
        await client.acknowledged((await client.share(doc.id, reader, 'read')).opId)
        t.same(await client.access(doc.id), { owner_id: client.options.userId, grants: [{ user_id: reader, role: 'read' }] }, 'who has access')
        await t.rejects(client.access(randomUUID()), { code: 'document_not_found' })
      })

      t.test('bad input is refused with a registry code and queues nothing', async (t) => {
        const server = await startTestServer(t, dialect)
        const client = await open(t, server.url)
        const doc = await client.create({ title: 'Safe', content: { a: 1 } })
        const before = client.status().pending
        const refused = async (what: string, action: () => Promise<unknown>, code: string) => {
          const error = await action().then(
            () => undefined,
            (e: unknown) => e,
          )
          t.ok(error instanceof PatchsyncError && error.code === code, `${what}: ${code}`)
        }
        await refused('a __proto__ path', () => client.update(doc.id, [{ op: 'add', path: '/__proto__/x', value: 1 }]), 'invalid_path')
        await refused('a missing parent', () => client.update(doc.id, [{ op: 'add', path: '/no/such', value: 1 }]), 'path_not_found')
        await refused(
          'a failed test',
          () =>
            client.update(doc.id, [
              { op: 'test', path: '/a', value: 2 },
              { op: 'replace', path: '/a', value: 3 },
            ]),
          'test_failed',
        )
        await refused('not a patch', () => client.update(doc.id, [{ op: 'jump', path: '/a' } as never]), 'invalid_patch')
        await refused('an unknown document', () => client.update(randomUUID(), []), 'document_not_found')
        await refused('content that is not an object', () => client.create({ title: 'x', content: [] as never }), 'invalid_argument')
        await refused('an id that is not a UUID', () => client.create({ id: 'x', title: 'x', content: {} }), 'invalid_argument')
        await refused('a duplicate id', () => client.create({ id: doc.id, title: 'x', content: {} }), 'document_exists')
        t.equal(client.status().pending, before, 'nothing was queued')
        t.same(client.get(doc.id)?.content, { a: 1 }, 'the document is untouched')
        t.equal(Object.getPrototypeOf({}).x, undefined, 'Object.prototype is untouched')
      })

      t.test('a restart keeps documents, outbox and feed position; another user cannot open the database', async (t) => {
        const server = await startTestServer(t, dialect)
        const databasePath = join(tempDir(t), 'restart.db')
        const userId = randomUUID()
        const first = await open(t, server.url, { databasePath, userId })
        first.connect()
        const synced = await first.create({ title: 'Kept', content: { n: 1 } })
        await first.whenSynced(5000)
        await first.disconnect()
        await first.update(synced.id, [{ op: 'replace', path: '/n', value: 2 }])
        const position = first.status().lastSequence
        await first.close()

        const second = await open(t, server.url, { databasePath, userId })
        t.same(second.get(synced.id)?.content, { n: 2 })
        t.equal(second.status().pending, 1)
        t.equal(second.status().lastSequence, position)
        await second.close()
        await t.rejects(open(t, server.url, { databasePath, userId: randomUUID() }), { code: 'invalid_argument' })
      })

      t.test('a long history is pulled page by page with progress, into a fresh client', async (t) => {
        const server = await startTestServer(t, dialect)
        const userId = randomUUID()
        const writer = await open(t, server.url, { userId })
        writer.connect()
        const documents = await Promise.all(Array.from({ length: 40 }, (_, i) => writer.create({ title: `doc ${i}`, content: { n: 0 } })))
        for (let n = 1; n <= 25; n++) {
          await Promise.all(documents.map((d) => writer.update(d.id, [{ op: 'replace', path: '/n', value: n }])))
        }
        await writer.whenSynced(60_000)
        const fresh = await open(t, server.url, { userId })
        const progress: number[] = []
        fresh.on('sync_progress', ({ pulled }) => progress.push(pulled))
        const done = nextEvent(fresh, 'sync_completed', () => true, 60_000)
        fresh.connect()
        t.equal((await done).pulled, 1040, 'every event was pulled')
        t.same(progress, [1000, 1040], 'in pages of 1000, each reported')
        t.equal(fresh.list().length, 40)
        t.ok(
          fresh.list().every((d) => d.content.n === 25),
          'and folded into the latest state',
        )
        t.ok(
          fresh.list().every((d) => d.owner_id === userId),
          'a document pulled from the feed knows its owner, the user of its create event',
        )
        t.equal(fresh.status().lastSequence, writer.status().lastSequence)
      })

      t.test('a local write never waits on the network: a refetch the server does not answer does not hold it up', async (t) => {
        const server = await startTestServer(t, dialect)
        const proxy = await FaultyProxy.start(server.url)
        t.teardown(() => proxy.close())
        const owner = await open(t, server.url)
        const reader = await open(t, proxy.url)
        owner.connect()
        reader.connect()
        const own = await reader.create({ title: 'Mine', content: { n: 0 } })
        await Promise.all([owner.whenSynced(5000), reader.whenSynced(5000)])
        // The reply to the reader's get_document (a shared document is fetched whole) never comes.
        let withheld!: () => void
        const refetchWithheld = new Promise<void>((resolve) => (withheld = resolve))
        proxy.dropServerFrames = (frame) => {
          if (frame.type !== 'document') return false
          withheld()
          return true
        }
        const shared = await owner.create({ title: 'Shared', content: {} })
        await owner.whenSynced(5000)
        await owner.share(shared.id, reader.options.userId, 'read')
        await refetchWithheld
        const write = reader.update(own.id, [{ op: 'replace', path: '/n', value: 1 }])
        // Well under the 10 s request timeout a lock held across the request would wait for.
        const outcome = await Promise.race([write.then(() => 'resolved'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000))])
        t.equal(outcome, 'resolved', 'the update resolved while the refetch was still unanswered')
        t.same(reader.get(own.id)?.content, { n: 1 })
      })

      t.test('subscribe follows one document; a remote update carries its patch and its author', async (t) => {
        const server = await startTestServer(t, dialect)
        const userId = randomUUID()
        const a = await open(t, server.url, { userId })
        const b = await open(t, server.url, { userId })
        a.connect()
        b.connect()
        const doc = await a.create({ title: 'Watched', content: { n: 0 } })
        const other = await a.create({ title: 'Other', content: {} })
        await a.whenSynced(5000)
        t.ok(await eventually(() => b.get(doc.id) !== undefined && b.get(other.id) !== undefined), 'b has both documents')
        const seen: unknown[] = []
        const unsubscribe = b.subscribe(doc.id, (document) => seen.push(document?.content.n))
        const updated = nextEvent(b, 'document_updated', (e) => e.document_id === doc.id)
        await a.update(doc.id, [{ op: 'replace', path: '/n', value: 1 }])
        await a.update(other.id, [{ op: 'add', path: '/x', value: 1 }])
        const event = await updated
        t.same(event.patch, [{ op: 'replace', path: '/n', value: 1 }], 'the remote update carries the patch applied')
        t.equal(event.author, userId, 'and who made it')
        t.equal(event.origin, 'remote')
        await a.whenSynced(5000)
        t.ok(await eventually(() => b.get(other.id)?.content.x === 1), 'the other document changed too')
        t.same(seen, [1], 'the subscriber heard of its own document only')
        t.equal(b.get(doc.id), b.get(doc.id), 'an unchanged document is the same object')
        t.ok(Object.isFrozen(b.get(doc.id)!.content), 'and frozen, so sharing it is safe')
        unsubscribe()
        await a.update(doc.id, [{ op: 'replace', path: '/n', value: 2 }])
        await a.whenSynced(5000)
        t.ok(await eventually(() => b.get(doc.id)?.content.n === 2))
        t.same(seen, [1], 'nothing after unsubscribing')
      })

      t.test('a wrong token is reported and the client stays offline', async (t) => {
        const server = await startTestServer(t, dialect)
        const userId = randomUUID()
        const owner = await open(t, server.url, { userId })
        owner.connect()
        await owner.whenSynced(5000) // registers the user with its token
        const impostor = await open(t, server.url, { userId, authToken: 'wrong' })
        const failed = nextEvent(impostor, 'error', (e) => e.code === 'auth_failed')
        impostor.connect()
        await failed
        t.equal(impostor.status().online, false)
        await t.rejects(impostor.whenSynced(20_000), { code: 'auth_failed' }, 'whenSynced rejects with the reason, not after its timeout')
        t.equal(impostor.status().error?.code, 'auth_failed', 'status says why the client is offline')
        await impostor.create({ title: 'queued', content: {} })
        t.equal(impostor.status().pending, 1, 'writes still queue locally')
      })
    })
  }

t.test('reconnect delays grow exponentially to the cap, with full jitter', async (t) => {
  const range = { minMs: 100, maxMs: 2000 }
  for (const attempt of [1, 2, 3, 5, 10, 50]) {
    const samples = Array.from({ length: 200 }, () => backoff(attempt, range))
    const ceiling = Math.min(range.maxMs, range.minMs * 2 ** attempt)
    t.ok(
      samples.every((ms) => ms >= range.minMs && ms <= ceiling),
      `attempt ${attempt}: within [${range.minMs}, ${ceiling}]`,
    )
    if (ceiling > range.minMs) t.ok(new Set(samples).size > 100, `attempt ${attempt}: jittered`)
  }
  t.ok(Math.max(...Array.from({ length: 500 }, () => backoff(10, range))) > 1500, 'late attempts reach towards the cap')
})

t.test('frames from the server are checked against the schemas: an invalid auth_success is refused', async (t) => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { request_id: string }
      socket.send(JSON.stringify({ type: 'auth_success', request_id: frame.request_id, user_id: 'not a uuid', latest_sequence: -1 }))
    })
  })
  const client = await openTestClient(t, `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws`)
  const refused = nextEvent(client, 'error', (e) => e.code === 'invalid_message')
  client.connect()
  t.match((await refused).message, /invalid frame/, 'the client reports the bad frame')
  t.equal(client.status().online, false, 'and does not count itself online')
  await client.disconnect()
})
