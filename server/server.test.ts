import t from 'tap'
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import { contentDigest } from '../core/index.js'
import { TEST_DIALECTS, createTestDatabase } from './test-support/databases.js'
import { TestClient } from './test-support/ws-client.js'
import { silentLog } from './activity-log.js'
import { CHEAP_HASH, startTestServer, startTestServers, type TestServer } from './test-support/servers.js'
import { createSyncServer } from './sync-server.js'

async function createDoc(client: TestClient, content: Record<string, unknown> = { text: 'Hello, World!' }, title = 'My Document') {
  const id = randomUUID()
  const reply = await client.request({ type: 'create_document', document: { id, title, content } })
  if (reply.type !== 'document_created') throw new Error(JSON.stringify(reply))
  return { id, reply }
}

async function changes(client: TestClient, since = 0, documentId?: string) {
  const reply = await client.request({ type: 'get_changes', since_sequence: since, limit: 1000, ...(documentId ? { document_id: documentId } : {}) })
  return reply.changes as Array<Record<string, unknown>>
}

const content = async (client: TestClient, id: string) =>
  ((await client.request({ type: 'get_document', document_id: id })).document as { content: unknown }).content

for (const dialect of TEST_DIALECTS) {
  t.test(dialect, async (t) => {
    t.test('logs every change with forward and reverse patches (seed: test_event_logging)', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a)
      const updated = await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/text', value: 'Updated text' }] } })
      t.equal(updated.type, 'document_updated')
      t.equal(updated.sequence, 2)
      t.match(updated.revision_id, /^2-[0-9a-f]{64}$/)
      const log = await changes(a)
      t.same(
        log.map((e) => [e.sequence, e.event_type]),
        [
          [1, 'create'],
          [2, 'update'],
        ],
      )
      t.same(log[0]!.forward_patch, { id, title: 'My Document', content: { text: 'Hello, World!' } })
      t.equal(log[0]!.reverse_patch, null)
      t.same(log[1]!.forward_patch, [{ op: 'replace', path: '/text', value: 'Updated text' }])
      t.same(log[1]!.reverse_patch, [{ op: 'replace', path: '/text', value: 'Hello, World!' }])
      t.equal(log[1]!.user_id, a.userId)
    })

    t.test('a delete logs a null forward patch and the whole document as reverse (seed: test_document_delete)', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a)
      const reply = await a.request({ type: 'delete_document', document_id: id })
      t.equal(reply.type, 'document_deleted')
      const [, deleted] = await changes(a)
      t.equal(deleted!.forward_patch, null)
      t.same(deleted!.reverse_patch, { id, title: 'My Document', content: { text: 'Hello, World!' } })
      t.equal((await a.request({ type: 'get_document', document_id: id })).code, 'document_not_found')
      t.equal((await a.request({ type: 'create_document', document: { id, title: 'x', content: {} } })).code, 'document_exists', 'ids are never reused')
    })

    t.test('token auth: auto-registration, the right token, a wrong token (seed: auth tests)', async (t) => {
      const h = await startTestServer(t, dialect)
      const user = randomUUID()
      const first = await h.login(user, 'secret')
      t.equal(first.userId, user, 'an unknown user is registered with its token')
      const again = await h.login(user, 'secret')
      t.ok(again, 'the same token authenticates a second connection')
      const wrong = await h.connect()
      const reply = await wrong.request({ type: 'authenticate', user_id: user, auth_token: 'not-the-secret' })
      t.equal(reply.code, 'auth_failed')
      t.equal((await wrong.request({ type: 'list_documents' })).code, 'unauthenticated', 'a rejected connection gets no access')
      t.equal((await first.request({ type: 'authenticate', user_id: user, auth_token: 'secret' })).code, 'already_authenticated')
      const hash = (await h.store.getUser(user))!.tokenHash
      t.match(hash, /^\$argon2id\$/, 'the token is stored as an Argon2id hash')
      t.notMatch(hash, /secret/)
    })

    t.test('with auto-registration off, unknown users are refused and added users get in', async (t) => {
      const h = await startTestServer(t, dialect, { autoRegister: false })
      const stranger = await h.connect()
      t.equal((await stranger.request({ type: 'authenticate', user_id: randomUUID(), auth_token: 'x' })).code, 'auth_failed')
      const { hashToken } = await import('./auth.js')
      const user = randomUUID()
      await h.store.createUser(user, await hashToken('added', CHEAP_HASH))
      t.ok(await h.login(user, 'added'))
    })

    t.test('requests before authenticate get unauthenticated', async (t) => {
      const h = await startTestServer(t, dialect)
      const c = await h.connect()
      for (const frame of [{ type: 'list_documents' }, { type: 'create_document', document: { id: randomUUID(), title: 't', content: {} } }]) {
        t.equal((await c.request(frame as never)).code, 'unauthenticated', frame.type)
      }
      t.equal(await h.store.latestSequence(), 0)
    })

    t.test('10 clients updating one document at once converge and all 10 updates are logged (seed: test_concurrent_updates_same_document)', async (t) => {
      const h = await startTestServer(t, dialect)
      const owner = await h.login()
      const { id } = await createDoc(owner, { counter: 0 })
      const clients = await Promise.all(Array.from({ length: 10 }, () => h.login()))
      for (const c of clients) await owner.request({ type: 'share_document', document_id: id, user_id: c.userId, role: 'write' })
      const replies = await Promise.all(
        clients.map((c, i) =>
          c.request({
            type: 'update_document',
            patch: {
              document_id: id,
              patch: [
                { op: 'add', path: `/by${i}`, value: i },
                { op: 'replace', path: '/counter', value: i },
              ],
              vector_clock: { [c.userId]: 1 },
            },
          }),
        ),
      )
      t.same(
        replies.map((r) => r.type),
        Array(10).fill('document_updated'),
      )
      t.ok(replies.filter((r) => r.conflict === true).length >= 9, 'concurrent clocks are flagged as conflicts')
      const states = await Promise.all([owner, ...clients].map((c) => content(c, id)))
      for (const s of states) t.same(s, states[0], 'every client reads the same state')
      const final = states[0] as Record<string, number>
      for (let i = 0; i < 10; i++) t.equal(final[`by${i}`], i, `field by${i} survived (no lost update)`)
      const last = replies.reduce((a, b) => ((a.sequence as number) > (b.sequence as number) ? a : b))
      t.equal(final.counter, clients.indexOf(clients[replies.indexOf(last)]!), 'the last update processed wins the shared field')
      t.equal((await changes(owner, 0, id)).filter((e) => e.event_type === 'update').length, 10)
    })

    t.test("25 clients at once: each sees every other client's update (seed: test_many_concurrent_clients)", async (t) => {
      const h = await startTestServer(t, dialect)
      const owner = await h.login()
      const { id } = await createDoc(owner, { log: [] })
      const clients = await Promise.all(Array.from({ length: 25 }, () => h.login()))
      for (const c of clients) await owner.request({ type: 'share_document', document_id: id, user_id: c.userId, role: 'write' })
      await Promise.all(
        clients.map((c, i) => c.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'add', path: '/log/-', value: i }] } })),
      )
      for (const c of clients) {
        const seen = new Set<unknown>()
        for (let k = 0; k < 24; k++) seen.add(((await c.next('document_updated')).patch as Array<{ value: unknown }>)[0]!.value)
        t.equal(seen.size, 24, 'broadcasts of the 24 others arrived')
      }
      const log = (await content(owner, id)) as { log: number[] }
      t.same(
        [...log.log].sort((a, b) => a - b),
        Array.from({ length: 25 }, (_, i) => i),
      )
    })

    t.test('changes are broadcast to every other connection that may read, not to the sender or strangers', async (t) => {
      const h = await startTestServer(t, dialect)
      const [a, b, c, stranger] = await Promise.all([h.login(), h.login(), h.login(), h.login()])
      const secondA = await h.login(a!.userId, `token-${a!.userId}`)
      const { id } = await createDoc(a!)
      t.equal((await secondA.next('document_created')).type, 'document_created', "the owner's other connection hears the create")
      await a!.request({ type: 'share_document', document_id: id, user_id: b!.userId, role: 'write' })
      await a!.request({ type: 'share_document', document_id: id, user_id: c!.userId, role: 'read' })
      await b!.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'add', path: '/b', value: 1 }] } })
      for (const listener of [a!, secondA, c!]) {
        const m = await listener.next('document_updated')
        t.same(m.patch, [{ op: 'add', path: '/b', value: 1 }])
        t.equal(m.request_id, undefined, 'broadcasts carry no request_id')
      }
      await b!.request({ type: 'rename_document', document_id: id, title: 'Renamed' })
      t.equal((await a!.next('document_renamed')).title, 'Renamed')
      await a!.request({ type: 'delete_document', document_id: id })
      t.equal((await b!.next('document_deleted')).document_id, id)
      await new Promise((r) => setTimeout(r, 50))
      t.same(stranger!.received, [], 'a user without access hears nothing')
      t.same(
        b!.received.filter((f) => f.type === 'document_updated'),
        [],
        'the sender gets its reply, not a broadcast',
      )
    })

    t.test('a resubmitted client_op_id returns the original result and applies once', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a, { n: 0 })
      const frame = { type: 'update_document', client_op_id: 'op-1', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: 1 }] } }
      const [first, concurrent] = await Promise.all([a.request(frame), a.request(frame)])
      const reconnected = await h.login(a.userId, `token-${a.userId}`)
      const later = await reconnected.request(frame)
      t.equal(first.sequence, 2)
      t.equal(concurrent.sequence, 2)
      t.equal(later.sequence, 2)
      t.equal(later.revision_id, first.revision_id)
      t.equal((await changes(a)).length, 2, 'applied once')
      const reused = await a.request({ ...frame, patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: 2 }] } })
      t.equal(reused.code, 'op_id_reused')
      const createAgain = await a.request({ type: 'create_document', client_op_id: 'op-c', document: { id: randomUUID(), title: 't', content: {} } })
      t.equal(createAgain.type, 'document_created')
      t.same(await content(a, id), { n: 1 })
    })

    t.test('time travel gives every state of a history, whether walked back from the head or forward from the create', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a, { list: [] })
      const states: Array<{ sequence: number; revision: string; list: number[] }> = []
      for (let i = 0; i < 12; i++) {
        const reply = await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'add', path: '/list/-', value: i }] } })
        states.push({ sequence: reply.sequence as number, revision: reply.revision_id as string, list: Array.from({ length: i + 1 }, (_, k) => k) })
      }
      const plain = await a.request({ type: 'get_document', document_id: id })
      t.notOk('content_digest' in plain, 'a digest only when asked (§6.6): older clients refuse unknown members')
      const digested = await a.request({ type: 'get_document', document_id: id, digest: true })
      t.equal(digested.content_digest, contentDigest('My Document', { list: states.at(-1)!.list }))
      await a.request({ type: 'delete_document', document_id: id })
      for (const { sequence, revision, list } of states) {
        const document = (await a.request({ type: 'get_document_at', document_id: id, sequence })).document as { content: unknown; revision_id: string }
        t.same(document.content, { list }, `content at ${sequence}`)
        t.equal(document.revision_id, revision, `revision at ${sequence}`)
      }
      t.equal((await a.request({ type: 'get_document_at', document_id: id, sequence: states.at(-1)!.sequence + 1 })).document, null, 'deleted')
    })

    t.test('undo appends events that restore an earlier state; redo re-applies; time travel reads any sequence', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a, { text: 'v1', list: [1] })
      const other = await createDoc(a, { n: 0 })
      await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/text', value: 'v2' }] } })
      await a.request({ type: 'rename_document', document_id: id, title: 'Second title' })
      await a.request({
        type: 'update_document',
        patch: {
          document_id: id,
          patch: [
            { op: 'add', path: '/list/-', value: 2 },
            { op: 'remove', path: '/text' },
          ],
        },
      })
      await a.request({ type: 'update_document', patch: { document_id: other.id, patch: [{ op: 'replace', path: '/n', value: 5 }] } })
      const at = async (sequence: number) =>
        (await a.request({ type: 'get_document_at', document_id: id, sequence })).document as Record<string, unknown> | null
      t.equal(await at(0), null, 'before the create the document did not exist')
      t.same((await at(1))!.content, { text: 'v1', list: [1] })
      t.same((await at(3))!.content, { text: 'v2', list: [1] })
      t.equal((await at(4))!.title, 'Second title')
      t.equal((await a.request({ type: 'get_document_at', document_id: id, sequence: 99 })).code, 'invalid_sequence')

      const undo = await a.request({ type: 'undo_to_sequence', target_sequence: 1, document_id: id })
      t.equal(undo.type, 'undo_applied')
      t.same(
        (undo.changes as Array<{ cause: string }>).map((e) => e.cause),
        ['undo', 'undo'],
        'content and title restored by appended events',
      )
      const restored = (await a.request({ type: 'get_document', document_id: id })).document as Record<string, unknown>
      t.same(restored.content, { text: 'v1', list: [1] })
      t.equal(restored.title, 'My Document')
      t.same(await content(a, other.id), { n: 5 }, 'undo with a document id leaves other documents alone')
      t.equal((await changes(a)).length, 8, 'history only grew: 6 events, then the undo appended 2')

      const redo = await a.request({ type: 'redo' })
      t.equal(redo.type, 'redo_applied')
      t.same(await content(a, id), { list: [1, 2] })
      t.equal((await a.request({ type: 'redo' })).code, 'nothing_to_redo')

      const all = await a.request({ type: 'undo_to_sequence', target_sequence: 2 })
      t.same(
        new Set((all.changes as Array<{ document_id: string }>).map((e) => e.document_id)),
        new Set([id, other.id]),
        'without a document id every changed document is restored',
      )
      t.same(await content(a, other.id), { n: 0 })
      t.same(await content(a, id), { text: 'v1', list: [1] })
      const undoCreate = await a.request({ type: 'undo_to_sequence', target_sequence: 1, document_id: other.id })
      t.same(
        (undoCreate.changes as Array<{ event_type: string }>).map((e) => e.event_type),
        ['delete'],
        'undoing past a create deletes',
      )
      await a.request({ type: 'redo', document_id: other.id })
      t.same(await content(a, other.id), { n: 0 }, 'redoing that delete restores the document')
    })

    t.test('conflicts under ServerWins: concurrent clocks are flagged, an update that cannot apply is rejected with the current document', async (t) => {
      const h = await startTestServer(t, dialect)
      const [a, b] = await Promise.all([h.login(), h.login()])
      const { id, reply } = await createDoc(a, { title: 'x', body: 'y' })
      await a.request({ type: 'share_document', document_id: id, user_id: b!.userId, role: 'write' })
      const base = (reply.document as { revision_id: string }).revision_id
      const ra = await a.request({
        type: 'update_document',
        patch: { document_id: id, base_revision: base, vector_clock: { A: 1 }, patch: [{ op: 'replace', path: '/title', value: 'A' }] },
      })
      t.equal(ra.conflict, false)
      const rb = await b!.request({
        type: 'update_document',
        patch: { document_id: id, base_revision: base, vector_clock: { B: 1 }, patch: [{ op: 'replace', path: '/body', value: 'B' }] },
      })
      t.equal(rb.conflict, true, 'concurrent with A')
      t.same(rb.vector_clock, { A: 1, B: 1 })
      t.equal((await a.next('document_updated')).conflict, true, 'the broadcast carries the flag')
      t.same(await content(a, id), { title: 'A', body: 'B' }, 'both fields kept')
      await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'remove', path: '/body' }] } })
      const rejected = await b!.request({
        type: 'update_document',
        patch: {
          document_id: id,
          vector_clock: { B: 2 },
          patch: [
            { op: 'test', path: '/body', value: 'B' },
            { op: 'replace', path: '/title', value: 'B' },
          ],
        },
      })
      t.equal(rejected.code, 'conflict')
      t.same((rejected.details as { document: { content: unknown } }).document.content, { title: 'A' })
    })

    t.test('a redo of a document changed since the undo is a conflict carrying the current document as the wire shows it', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      const { id } = await createDoc(a, { n: 0 })
      const update = (n: number) => ({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: n }] } })
      await a.request(update(1))
      await a.request({ type: 'undo_to_sequence', target_sequence: 1, document_id: id })
      const changed = await a.request(update(5))
      const refused = await a.request({ type: 'redo', document_id: id })
      t.equal(refused.code, 'conflict')
      t.match(refused.details, { document: { id, revision_id: changed.revision_id, content: { n: 5 }, owner_id: a.userId } }, 'details.document (§11)')
    })

    t.test('sharing: only the owner shares; read grants cannot write; others cannot see', async (t) => {
      const h = await startTestServer(t, dialect)
      const [owner, reader, stranger] = await Promise.all([h.login(), h.login(), h.login()])
      const { id } = await createDoc(owner!)
      await owner!.request({ type: 'share_document', document_id: id, user_id: reader!.userId, role: 'read' })
      t.same(await content(reader!, id), { text: 'Hello, World!' })
      t.equal((await reader!.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'add', path: '/x', value: 1 }] } })).code, 'forbidden')
      t.equal((await reader!.request({ type: 'share_document', document_id: id, user_id: stranger!.userId, role: 'write' })).code, 'forbidden')
      t.equal((await reader!.request({ type: 'delete_document', document_id: id })).code, 'forbidden')
      t.equal((await stranger!.request({ type: 'get_document', document_id: id })).code, 'document_not_found')
      t.same((await stranger!.request({ type: 'list_documents' })).documents, [])
      t.equal(((await reader!.request({ type: 'list_documents' })).documents as unknown[]).length, 1)
      await owner!.request({ type: 'share_document', document_id: id, user_id: reader!.userId, role: 'none' })
      t.equal((await reader!.request({ type: 'get_document', document_id: id })).code, 'document_not_found', 'revoked')
    })

    t.test('every kind of bad frame gets a registry error, the connection stays usable and nothing is stored', async (t) => {
      const h = await startTestServer(t, dialect, { maxPayload: 4096 })
      const a = await h.login()
      const { id } = await createDoc(a, { safe: true })
      const before = await h.store.latestSequence()
      const cases: Array<[string, string | Buffer, string, boolean]> = [
        ['malformed JSON', '{"type": "list_documents", "request_id": ', 'invalid_json', false],
        ['a schema violation', JSON.stringify({ type: 'update_document', request_id: 'r1', patch: { document_id: id } }), 'invalid_message', true],
        ['an extra member', JSON.stringify({ type: 'list_documents', request_id: 'r1', evil: 1 }), 'invalid_message', true],
        ['an unknown type', JSON.stringify({ type: 'drop_everything', request_id: 'r1' }), 'unknown_message_type', true],
        [
          'a __proto__ path',
          JSON.stringify({
            type: 'update_document',
            request_id: 'r1',
            patch: { document_id: id, patch: [{ op: 'add', path: '/__proto__/polluted', value: 1 }] },
          }),
          'invalid_path',
          true,
        ],
        [
          'a constructor/prototype from',
          JSON.stringify({
            type: 'update_document',
            request_id: 'r1',
            patch: { document_id: id, patch: [{ op: 'copy', from: '/constructor/prototype', path: '/x' }] },
          }),
          'invalid_path',
          true,
        ],
        [
          'an index with a leading zero',
          JSON.stringify({ type: 'update_document', request_id: 'r1', patch: { document_id: id, patch: [{ op: 'add', path: '/safe/01', value: 1 }] } }),
          'path_not_found',
          true,
        ],
        [
          'a missing parent',
          JSON.stringify({ type: 'update_document', request_id: 'r1', patch: { document_id: id, patch: [{ op: 'add', path: '/a/b/c', value: 1 }] } }),
          'path_not_found',
          true,
        ],
        [
          'an unknown document',
          JSON.stringify({ type: 'update_document', request_id: 'r1', patch: { document_id: randomUUID(), patch: [] } }),
          'document_not_found',
          true,
        ],
        ['an oversized frame', JSON.stringify({ type: 'list_documents', request_id: 'r1', pad: 'x'.repeat(5000) }), 'frame_too_large', false],
        ['a binary frame', Buffer.from('{"type":"list_documents"}'), 'invalid_message', false],
      ]
      for (const [description, frame, code, echoes] of cases) {
        a.socket.send(frame, { binary: Buffer.isBuffer(frame) })
        const error = await a.next('error')
        t.equal(error.code, code, description)
        if (echoes) t.equal(error.request_id, 'r1', `${description}: request_id echoed`)
        t.equal((await a.request({ type: 'list_documents' })).type, 'document_list', `${description}: connection still usable`)
      }
      t.equal(await h.store.latestSequence(), before, 'nothing was stored')
      t.same(await content(a, id), { safe: true })
      t.equal(({} as Record<string, unknown>).polluted, undefined)
    })

    t.test('limits: patch operations and document size', async (t) => {
      const h = await startTestServer(t, dialect, { limits: { maxOps: 5, maxDocumentBytes: 2048 } })
      const a = await h.login()
      const { id } = await createDoc(a, {})
      const tooMany = Array.from({ length: 6 }, (_, i) => ({ op: 'add', path: `/k${i}`, value: i }))
      t.equal((await a.request({ type: 'update_document', patch: { document_id: id, patch: tooMany } })).code, 'patch_too_large')
      t.equal(
        (await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'add', path: '/big', value: 'x'.repeat(3000) }] } })).code,
        'document_too_large',
      )
      t.equal(
        (await a.request({ type: 'create_document', document: { id: randomUUID(), title: 't', content: { big: 'x'.repeat(3000) } } })).code,
        'document_too_large',
      )
      t.same(await content(a, id), {})
    })

    t.test('a per-user token bucket answers rate_limited with a retry time', async (t) => {
      const h = await startTestServer(t, dialect, { rateLimit: { perSecond: 1, burst: 3 } })
      const a = await h.login() // uses one token on its connection's bucket, not the user's
      const replies = []
      for (let i = 0; i < 4; i++) replies.push(await a.request({ type: 'list_documents' }))
      t.same(
        replies.slice(0, 3).map((r) => r.type),
        ['document_list', 'document_list', 'document_list'],
      )
      t.equal(replies[3]!.code, 'rate_limited')
      t.ok((replies[3]!.details as { retry_after_ms: number }).retry_after_ms > 0)
    })

    t.test('get_changes pages with has_more and latest_sequence', async (t) => {
      const h = await startTestServer(t, dialect)
      const a = await h.login()
      for (let i = 0; i < 5; i++) await createDoc(a)
      const page = await a.request({ type: 'get_changes', since_sequence: 0, limit: 2 })
      t.same(
        (page.changes as Array<{ sequence: number }>).map((e) => e.sequence),
        [1, 2],
      )
      t.equal(page.has_more, true)
      t.equal(page.latest_sequence, 5)
      const last = await a.request({ type: 'get_changes', since_sequence: 4, limit: 2 })
      t.equal(last.has_more, false)
    })
  })
}

t.test('HTTP: /healthz answers when the database does, /metrics counts in Prometheus format', async (t) => {
  const h = await startTestServer(t, 'sqlite')
  const a = await h.login()
  await createDoc(a)
  a.send('{oops')
  await a.next('error')
  const base = h.url.replace('ws://', 'http://').replace('/ws', '')
  const health = await fetch(`${base}/healthz`)
  t.equal(health.status, 200)
  t.same(await health.json(), { status: 'ok' })
  const metrics = await (await fetch(`${base}/metrics`)).text()
  t.match(metrics, /patchsync_connections\{state="authenticated"\} 1/)
  t.match(metrics, /patchsync_messages_total\{type="create_document"\} 1/)
  t.match(metrics, /patchsync_errors_total\{code="invalid_json"\} 1/)
  t.match(metrics, /patchsync_commit_duration_seconds_count 1/)
  t.equal((await fetch(`${base}/nope`)).status, 404)
})

t.test('ids in upper case name the same users and documents: every message lowers them once, when decoded', async (t) => {
  const h = await startTestServer(t, 'sqlite')
  const user = randomUUID()
  const a = await h.login(user.toUpperCase(), 'tok')
  const guest = await h.login()
  const id = randomUUID()
  const ID = id.toUpperCase()
  const created = await a.request({ type: 'create_document', document: { id: ID, title: 'T', content: { n: 0 } } })
  t.equal((created.document as { id: string }).id, id, 'create_document')
  t.equal(created.user_id, user, 'authenticate')
  t.equal(
    (await a.request({ type: 'update_document', patch: { document_id: ID, patch: [{ op: 'replace', path: '/n', value: 1 }] } })).document_id,
    id,
    'update_document',
  )
  t.equal((await a.request({ type: 'rename_document', document_id: ID, title: 'U' })).document_id, id, 'rename_document')
  t.equal(((await a.request({ type: 'get_document', document_id: ID })).document as { id: string }).id, id, 'get_document')
  t.equal((await a.request({ type: 'get_document_at', document_id: ID, sequence: 1 })).document_id, id, 'get_document_at')
  t.equal(((await a.request({ type: 'get_changes', since_sequence: 0, document_id: ID })).changes as unknown[]).length, 3, 'get_changes')
  const shared = await a.request({ type: 'share_document', document_id: ID, user_id: guest.userId.toUpperCase(), role: 'read' })
  t.match(shared, { document_id: id, user_id: guest.userId }, 'share_document')
  t.same(await content(guest, id), { n: 1 }, "the grant is the guest's")
  t.equal(((await a.request({ type: 'undo_to_sequence', target_sequence: 1, document_id: ID })).changes as unknown[]).length, 2, 'undo_to_sequence')
  t.equal(((await a.request({ type: 'redo', document_id: ID })).changes as unknown[]).length, 2, 'redo')
  t.equal((await a.request({ type: 'delete_document', document_id: ID })).document_id, id, 'delete_document')
})

t.test('closing: what was queued is committed and answered, what arrives meanwhile is refused, and the server stays closed', async (t) => {
  let closing: Promise<void> | undefined
  let updates = 0
  // Closes the server as its second update_document arrives, right after the first was queued.
  const log = { ...silentLog, received: (_: unknown, type: string) => void (type === 'update_document' && ++updates === 2 && (closing = h.close())) }
  const h: TestServer = await startTestServer(t, 'sqlite', { log })
  const a = await h.login()
  const { id } = await createDoc(a, { n: 0 })
  const update = (n: number) => ({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: n }] } })
  const [first, second] = await Promise.all([a.request(update(1)), a.request(update(2))])
  t.match(first, { type: 'document_updated', sequence: 2 }, 'the update queued before closing is committed and answered')
  t.match(second, { type: 'error', code: 'server_shutting_down' }, 'the one that arrived while closing is refused')
  await closing
  await t.rejects(h.listen(0, '127.0.0.1'), /the server is closed/, 'a closed server does not listen again')
  await t.rejects(h.connect(), 'and takes no connection')
})

t.test('heartbeat terminates a connection that stops answering pings', async (t) => {
  const h = await startTestServer(t, 'sqlite', { heartbeatMs: 50 })
  const silent = new WebSocket(h.url, { autoPong: false })
  const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)))
  await new Promise((resolve) => silent.once('open', resolve))
  t.equal(await closed, 1006, 'terminated without a close handshake')
  const alive = await h.login()
  await new Promise((r) => setTimeout(r, 200))
  t.equal((await alive.request({ type: 'list_documents' })).type, 'document_list', 'a client that answers pings stays')
})

t.test("postgres only: two server instances on one database deliver each other's changes", async (t) => {
  const [one, two] = await startTestServers(t, 'postgres', 2)
  const user = randomUUID()
  const a = await one.login(user, 'tok')
  const b = await two.login(user, 'tok')
  const { id } = await createDoc(a, { n: 0 })
  t.equal((await b.next('document_created')).sequence, 1, 'a create on instance one reaches a client of instance two')
  const update = await b.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: 1 }] } })
  t.equal(update.type, 'document_updated', 'instance two sees the document instance one created')
  t.equal((await a.next('document_updated')).sequence, 2, 'and instance one hears the update')
  const again = await a.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: 2 }] } })
  t.equal(again.sequence, 3, 'instance one, whose cached copy went stale, still applies on the current state')
  t.same(await content(b, id), { n: 2 })
})

t.test("postgres only: a share on one instance reaches the grantee's connections on the other", async (t) => {
  const [one, two] = await startTestServers(t, 'postgres', 2)
  const owner = await one.login()
  const guest = await two.login()
  const guestOnOne = await one.login(guest.userId, `token-${guest.userId}`)
  const { id } = await createDoc(owner, { n: 0 })
  await owner.request({ type: 'share_document', document_id: id, user_id: guest.userId, role: 'read' })
  const expected = { type: 'document_shared', document_id: id, user_id: guest.userId, role: 'read' }
  t.match(await guest.next('document_shared'), expected, 'the grantee on instance two hears of it')
  t.match(await guestOnOne.next('document_shared'), expected, 'and on the sharing instance, once (not again by notification)')
  t.same(await content(guest, id), { n: 0 }, 'and may read the document there')
  await owner.request({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: 1 }] } })
  await guestOnOne.next('document_updated')
  t.equal(guestOnOne.received.filter((f) => f.type === 'document_shared').length, 0, 'no second document_shared on instance one')
})

t.test('postgres only: a grant revoked on one instance stops broadcasts and writes on the other', async (t) => {
  const [one, two] = await startTestServers(t, 'postgres', 2)
  const owner = await one.login()
  const ownerOnTwo = await two.login(owner.userId, `token-${owner.userId}`)
  const guest = await one.login()
  const { id } = await createDoc(owner, { n: 0 })
  await ownerOnTwo.next('document_created')
  t.equal((await owner.request({ type: 'share_document', document_id: id, user_id: guest.userId, role: 'write' })).type, 'document_shared')
  t.match(await guest.next('document_shared'), { document_id: id, role: 'write' })
  const update = (n: number) => ({ type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: n }] } })
  t.equal((await guest.request(update(1))).type, 'document_updated', 'instance one caches the document with the grant')
  await owner.next('document_updated')
  t.equal(
    (await ownerOnTwo.request({ type: 'share_document', document_id: id, user_id: guest.userId, role: 'none' })).type,
    'document_shared',
    'revoked on instance two',
  )
  await ownerOnTwo.next('document_updated')
  t.match(await guest.next('document_shared'), { document_id: id, role: 'none' }, 'the guest on instance one hears of the revocation')
  // The revocation reaches instance one by notification; wait until its cache has let go.
  let refused: Record<string, unknown> | undefined
  for (let i = 0; i < 50 && refused?.type !== 'error'; i++) {
    refused = await guest.request(update(100 + i))
    if (refused.type !== 'error') await new Promise((r) => setTimeout(r, 20))
  }
  t.equal(refused?.code, 'document_not_found', 'instance one refuses the revoked writer')
  while (guest.received.length > 0) guest.received.pop()
  await owner.request(update(2))
  await t.rejects(guest.next('document_updated', 300), 'and no longer broadcasts to them')
})

t.test('pipelined frames: mutations start at once, replies keep frame order, a read sees the writes before it', async (t) => {
  const h = await startTestServer(t, 'sqlite')
  const a = await h.login()
  const { id } = await createDoc(a, { n: 0 })
  const ids = Array.from({ length: 50 }, (_, i) => `pipe-${i}`)
  const replies = Promise.all(ids.map((rid) => a.next((f) => f.request_id === rid)))
  const frames: object[] = []
  for (let i = 0; i < 20; i++)
    frames.push({ type: 'update_document', request_id: ids[i], patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: i + 1 }] } })
  frames.push({ type: 'get_document', request_id: ids[20], document_id: id })
  frames.push({ type: 'update_document', request_id: ids[21], patch: { document_id: id, patch: [{ op: 'test', path: '/n', value: -1 }] } })
  for (let i = 22; i < 49; i++)
    frames.push({ type: 'update_document', request_id: ids[i], patch: { document_id: id, patch: [{ op: 'replace', path: '/n', value: i }] } })
  frames.push({ type: 'get_changes', request_id: ids[49], since_sequence: 0, limit: 1000 })
  const order: string[] = []
  a.socket.on('message', (data) => order.push(JSON.parse(data.toString()).request_id))
  for (const f of frames) a.send(f)
  const got = await replies
  t.same(order, ids, 'replies in frame order')
  t.same((got[20]!.document as { content: unknown }).content, { n: 20 }, 'the read sees the 20 updates before it and none after')
  t.equal(got[21]!.type, 'error', 'a failing update in the middle fails alone')
  t.same(
    got.slice(22, 49).map((r) => r.type),
    Array(27).fill('document_updated'),
  )
  const sequences = got.filter((r) => r.type === 'document_updated').map((r) => r.sequence as number)
  t.same(
    sequences,
    [...sequences].sort((x, y) => x - y),
    'applied in arrival order',
  )
  t.equal((got[49]!.changes as unknown[]).length, 1 + 47, 'the feed read last sees every write')
  t.same(await content(a, id), { n: 48 })
})

t.test('attach: serves /ws on an existing http.Server and leaves its other routes and upgrades alone', async (t) => {
  const { createServer } = await import('node:http')
  const { WebSocketServer } = await import('ws')
  const { url: databaseUrl, drop } = await createTestDatabase('sqlite')
  const http = createServer((req, res) => res.end(`app ${req.url}`))
  const other = new WebSocketServer({ noServer: true })
  http.on('upgrade', (req, socket, head) => {
    if (req.url === '/other') other.handleUpgrade(req, socket, head, (ws) => ws.send('other endpoint'))
  })
  const sync = createSyncServer({ databaseUrl, hashOptions: CHEAP_HASH, heartbeatMs: 0 })
  await sync.attach(http)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const port = (http.address() as import('node:net').AddressInfo).port
  t.teardown(async () => {
    other.close()
    await new Promise((resolve) => http.close(resolve))
    await drop()
  })
  const client = await TestClient.login(`ws://127.0.0.1:${port}/ws`)
  const { id } = await createDoc(client)
  t.match(id, /-/, 'patchsync answers on /ws')
  t.equal(await (await fetch(`http://127.0.0.1:${port}/hello`)).text(), 'app /hello', 'the app keeps its routes')
  const otherSocket = new WebSocket(`ws://127.0.0.1:${port}/other`)
  const greeting = await new Promise<string>((resolve, reject) => {
    otherSocket.once('message', (data) => resolve(data.toString()))
    otherSocket.once('error', reject)
  })
  t.equal(greeting, 'other endpoint', 'another WebSocket endpoint on the same server still works')
  otherSocket.close()
  await client.close()
  await sync.close()
  t.equal(http.listenerCount('upgrade'), 1, 'close detaches from the server')
  t.equal(await (await fetch(`http://127.0.0.1:${port}/still`)).text(), 'app /still', 'and leaves it running')
})
