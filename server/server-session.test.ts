import t from 'tap'
import { randomUUID } from 'node:crypto'
import { PatchsyncError } from '../core/index.js'
import { jsonLog } from './activity-log.js'
import { createSyncServer } from './sync-server.js'
import { TEST_DIALECTS, createTestDatabase } from './test-support/databases.js'
import { CHEAP_HASH, startTestServer } from './test-support/servers.js'

/** What a call rejected with: its PatchsyncError's code and message. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call
  } catch (error) {
    if (!(error instanceof PatchsyncError)) throw error
    return { code: error.code, message: error.message }
  }
  throw new Error('the call did not fail')
}

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: writes made in the server's process reach connected clients as broadcasts`, async (t) => {
    const server = await startTestServer(t, dialect)
    const alicesClient = await server.login()
    const bobsClient = await server.login()
    const alice = server.as(alicesClient.userId.toUpperCase())
    t.equal(alice.userId, alicesClient.userId, 'the user id in lower case')

    const created = await alice.create({ title: 'Minutes', content: { items: [] } })
    t.match(
      created,
      { type: 'document_created', user_id: alicesClient.userId, document: { title: 'Minutes', content: { items: [] }, owner_id: alicesClient.userId } },
      'the reply a client gets',
    )
    t.notOk('request_id' in created)
    const id = created.document.id
    t.same(await alicesClient.next('document_created'), created, "the user's own client hears of it: it was not the sender")

    await alice.share(id, bobsClient.userId, 'write')
    t.match(await bobsClient.next('document_shared'), { document_id: id, user_id: bobsClient.userId, role: 'write' }, 'the grantee is told of the share')

    const updated = await alice.update(id, [{ op: 'add', path: '/items/-', value: 'budget' }], { clientOpId: 'server-op-1' })
    t.match(updated, {
      type: 'document_updated',
      document_id: id,
      sequence: created.sequence + 1,
      client_op_id: 'server-op-1',
      patch: [{ op: 'add', path: '/items/-', value: 'budget' }],
    })
    for (const client of [alicesClient, bobsClient]) t.same(await client.next('document_updated'), updated, 'owner and grantee get the broadcast')

    const renamed = await alice.rename(id, 'Minutes, May')
    t.match(await bobsClient.next('document_renamed'), { document_id: id, title: 'Minutes, May', sequence: renamed.sequence })
    const log = await bobsClient.request({ type: 'get_changes', since_sequence: 0, document_id: id })
    t.same(
      (log.changes as Array<{ event_type: string; user_id: string }>).map((e) => [e.event_type, e.user_id]),
      [
        ['create', alice.userId],
        ['update', alice.userId],
        ['rename', alice.userId],
      ],
      'logged under the user, as a client sees the log',
    )

    const undone = await alice.undo(created.sequence, { documentId: id })
    t.match(undone, { type: 'undo_applied', target_sequence: created.sequence })
    t.match(await bobsClient.next('document_renamed'), { cause: 'undo', title: 'Minutes' })
    t.match(await bobsClient.next('document_updated'), { cause: 'undo' })
    const redone = await alice.redo({ documentId: id })
    t.equal(redone.type, 'redo_applied')
    t.same((await alice.get(id)).document.content, { items: ['budget'] }, 'the redo restored the update')
    t.same((await alice.at(id, created.sequence)).document?.content, { items: [] }, 'time travel')
    t.same(
      (await alice.list()).documents.map((d) => d.id),
      [id],
    )
    t.equal((await alice.changes({ since: 0, documentId: id, limit: 2 })).has_more, true)
    t.same(
      (await alice.changes({ since: 0, before: redone.changes[0]!.sequence, documentId: id, limit: 1 })).changes.map((e) => e.cause),
      ['undo'],
      'newest first before a sequence',
    )
    t.match(await alice.access(id), { type: 'access_list', owner_id: alice.userId })

    const deleted = await alice.delete(id)
    t.equal(deleted.type, 'document_deleted')
    t.match(await bobsClient.next('document_deleted'), { document_id: id, sequence: deleted.sequence })
    t.match(await failure(alice.get(id)), { code: 'document_not_found' })
  })

  t.test(`${dialect}: the same access rules and errors as on the wire; a refused write changes nothing`, async (t) => {
    const server = await startTestServer(t, dialect)
    const watcher = await server.login()
    const [alice, bob, carol] = [server.as(watcher.userId), server.as(randomUUID()), server.as(randomUUID())]
    const { document, sequence } = await alice.create({ title: 'Plan', content: { steps: ['a'] } })
    await watcher.next('document_created')
    await alice.share(document.id, bob.userId, 'read')

    t.match(await failure(carol.get(document.id)), { code: 'document_not_found' }, 'without a grant the document does not exist')
    t.match(await failure(carol.update(document.id, [{ op: 'add', path: '/x', value: 1 }])), { code: 'document_not_found' })
    t.match(await failure(bob.update(document.id, [{ op: 'add', path: '/x', value: 1 }])), { code: 'forbidden' }, 'a reader may not write')
    t.match(await failure(bob.share(document.id, carol.userId, 'write')), { code: 'forbidden' }, 'only the owner shares')
    t.match(await failure(bob.delete(document.id)), { code: 'forbidden' }, 'only the owner deletes')
    t.match(await failure(alice.create({ id: document.id, title: 'again', content: {} })), { code: 'document_exists' })

    const badPatches: Array<[string, unknown[]]> = [
      ['path_not_found', [{ op: 'replace', path: '/nothing/here', value: 1 }]],
      [
        'test_failed',
        [
          { op: 'add', path: '/steps/-', value: 'b' },
          { op: 'test', path: '/steps/0', value: 'z' },
        ],
      ],
      ['invalid_path', [{ op: 'add', path: '/__proto__/polluted', value: true }]],
      ['invalid_message', [{ op: 'frobnicate', path: '/steps' }]],
      ['invalid_patch', [{ op: 'remove', path: '' }]],
    ]
    for (const [code, patch] of badPatches) t.match(await failure(alice.update(document.id, patch as never)), { code }, code)
    t.match(await failure(alice.create({ title: 'x'.repeat(10_000), content: {} })), { code: 'invalid_message' }, 'a title the schema refuses')
    t.match(
      await failure(
        alice.create({
          title: 'cyclic',
          content: (() => {
            const c: Record<string, unknown> = {}
            c.self = c
            return c
          })() as never,
        }),
      ),
      { code: 'invalid_message' },
      'content JSON cannot hold',
    )
    t.match(await failure(alice.undo(sequence + 1000)), { code: 'invalid_sequence' })
    t.match(await failure(alice.redo({ documentId: document.id })), { code: 'nothing_to_redo' })

    const after = (await alice.get(document.id)).document
    t.same([after.content, after.revision_id], [{ steps: ['a'] }, document.revision_id], 'the document is as it was')
    t.equal((await alice.changes({ since: sequence })).changes.length, 0, 'and nothing was logged')
    t.same(
      watcher.received.filter((f) => f.type !== 'document_shared'),
      [],
      'nor broadcast',
    )
    t.throws(() => server.as('alice'), { name: 'PatchsyncError', code: 'invalid_argument' }, 'a user id that is no UUID')
  })

  t.test(`${dialect}: idempotent with a client op id, as a client's resubmission`, async (t) => {
    const server = await startTestServer(t, dialect)
    const alice = server.as(randomUUID())
    const { document } = await alice.create({ title: 'Counter', content: { n: 0 } }, { clientOpId: 'create-1' })
    const again = await alice.create({ id: document.id, title: 'Counter', content: { n: 0 } }, { clientOpId: 'create-1' })
    t.equal(again.document.id, document.id, 'a resubmitted create answers with the original')
    const patch = [{ op: 'replace' as const, path: '/n', value: 1 }]
    const [first, second] = await Promise.all([
      alice.update(document.id, patch, { clientOpId: 'op-1' }),
      alice.update(document.id, patch, { clientOpId: 'op-1' }),
    ])
    const third = await alice.update(document.id, patch, { clientOpId: 'op-1' })
    t.same([second.sequence, third.sequence], [first.sequence, first.sequence], 'in flight and after: the original result')
    t.equal((await alice.changes({ since: 0, documentId: document.id })).changes.length, 2, 'applied once')
    t.match(await failure(alice.update(document.id, [{ op: 'replace', path: '/n', value: 2 }], { clientOpId: 'op-1' })), { code: 'op_id_reused' })
    const bob = server.as(randomUUID())
    t.match(
      await failure(bob.update(document.id, patch, { clientOpId: 'op-1' })),
      { code: 'document_not_found' },
      "op ids are per user: another user's op-1 is a new request",
    )
  })
}

t.test('a session works before listen (the database is migrated at its first request) and not after close', async (t) => {
  const { url, drop } = await createTestDatabase('sqlite')
  t.teardown(drop)
  const lines: string[] = []
  const server = createSyncServer({ databaseUrl: url, hashOptions: CHEAP_HASH, log: jsonLog({ level: 'warn', write: (line) => lines.push(line) }) })
  const alice = server.as(randomUUID())
  const { document } = await alice.create({ title: 'seeded before listening', content: {} })
  await server.listen(0, '127.0.0.1')
  t.equal((await server.store.getDocument(document.id))?.title, 'seeded before listening')
  t.match(await failure(alice.get(randomUUID())), { code: 'document_not_found' })
  t.match(
    JSON.parse(lines.at(-1)!),
    { level: 'warn', connection: 'in-process', user_id: alice.userId, code: 'document_not_found' },
    "its refusals are logged as a connection's are",
  )
  await server.close()
  t.match(await failure(alice.get(document.id)), { code: 'server_shutting_down' })
})
