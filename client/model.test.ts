import t from 'tap'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { canonicalJson, replay, wireEventJson, type ChangeEvent, type Operation } from '../core/index.js'
import { propertyOptions } from '../core/test-support/arbitraries.js'
import type { SyncServer } from '../server/sync-server.js'
import { TEST_DIALECTS } from '../server/test-support/databases.js'
import type { SyncClient } from './sync-client.js'
import { openTestClient, tempDir, TEST_ENGINES } from './test-support/harness.js'
import { startTestServer } from '../server/test-support/servers.js'

/**
 * The model test: 2–6 clients of one user make random creates, updates and deletes while randomly
 * going offline and online. After quiescence, every client holds exactly the server's documents,
 * the server's documents are a replay of its change log, and every op a client saw acknowledged is
 * in the log exactly once.
 */
type Action =
  | { kind: 'create'; client: number }
  | { kind: 'update'; client: number; doc: number; op: 'add' | 'replace' | 'remove' | 'append'; field: string; value: number }
  | { kind: 'delete'; client: number; doc: number }
  | { kind: 'offline'; client: number }
  | { kind: 'online'; client: number }
  | { kind: 'pause'; ms: number }

const action = (clients: number): fc.Arbitrary<Action> => {
  const client = fc.nat({ max: clients - 1 })
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), client }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('update' as const),
        client,
        doc: fc.nat({ max: 7 }),
        op: fc.constantFrom('add' as const, 'replace' as const, 'remove' as const, 'append' as const),
        field: fc.constantFrom('a', 'b', 'c'),
        value: fc.integer({ min: 0, max: 99 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, doc: fc.nat({ max: 7 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), client }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), client }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 15 }) }) },
  )
}

const scenario = fc
  .integer({ min: 2, max: 6 })
  .chain((clients) => fc.record({ clients: fc.constant(clients), actions: fc.array(action(clients), { minLength: 5, maxLength: 40 }) }))

function patchFor(a: Extract<Action, { kind: 'update' }>): Operation[] {
  switch (a.op) {
    case 'add':
      return [{ op: 'add', path: `/${a.field}`, value: a.value }]
    case 'replace':
      return [{ op: 'replace', path: `/${a.field}`, value: a.value }]
    case 'remove':
      return [{ op: 'remove', path: `/${a.field}` }]
    case 'append':
      return [{ op: 'add', path: '/list/-', value: a.value }]
  }
}

async function quiesce(server: SyncServer, userId: string, clients: SyncClient[]): Promise<string> {
  const deadline = Date.now() + 20_000
  let expected = ''
  while (Date.now() < deadline) {
    await Promise.all(clients.map((c) => c.whenSynced(20_000)))
    const rows = await server.store.listDocuments(userId)
    expected = canonicalJson(Object.fromEntries(rows.filter((r) => !r.deleted).map((r) => [r.id, { title: r.title, content: r.content }])))
    const views = clients.map((c) => canonicalJson(Object.fromEntries(c.list().map((d) => [d.id, { title: d.title, content: d.content }]))))
    if (views.every((v) => v === expected)) return expected
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return expected
}

for (const engine of TEST_ENGINES)
  for (const dialect of TEST_DIALECTS) {
    t.test(`random clients, edits and disconnects converge on ${dialect}, ${engine} client storage`, async (t) => {
      const server = await startTestServer(t, dialect)
      const dir = tempDir(t)
      // PostgreSQL runs are slower (a database per test, network round trips): fewer of them.
      // A run that never converges fails on its own timeouts; shrinking such runs could take very
      // long, so the whole property is bounded and running out of time counts as a failure.
      const options = { ...propertyOptions(dialect === 'sqlite' ? 12 : 6), interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true }
      let runs = 0
      await fc.assert(
        fc.asyncProperty(scenario, async ({ clients: count, actions }) => {
          runs++
          const userId = randomUUID()
          const clients: SyncClient[] = []
          const closers: Array<() => Promise<void>> = []
          const registrar = { teardown: (fn: () => unknown) => void closers.push(async () => void (await fn())) }
          for (let i = 0; i < count; i++) clients.push(await openTestClient(registrar, server.url, { userId, dir, engine }))
          const acknowledged = new Set<string>()
          for (const c of clients) c.on('operation_acknowledged', ({ op_id }) => acknowledged.add(op_id))
          try {
            for (const c of clients) c.connect()
            const created: string[] = []
            for (const a of actions) {
              if (a.kind === 'pause') {
                await new Promise((resolve) => setTimeout(resolve, a.ms))
                continue
              }
              const client = clients[a.client]!
              const docId = 'doc' in a && created.length > 0 ? created[a.doc % created.length]! : undefined
              // A local refusal (the document or field is not there in this client's view) queues
              // nothing; that is part of the model, not a failure.
              await (async () => {
                if (a.kind === 'create') created.push((await client.create({ title: `d${created.length}`, content: { list: [] } })).id)
                else if (a.kind === 'update' && docId) await client.update(docId, patchFor(a))
                else if (a.kind === 'delete' && docId) await client.delete(docId)
                else if (a.kind === 'offline') await client.disconnect()
                else if (a.kind === 'online') client.connect()
              })().catch(() => {})
            }
            for (const c of clients) c.connect()
            const expected = await quiesce(server, userId, clients)
            for (const [i, c] of clients.entries()) {
              const view = canonicalJson(Object.fromEntries(c.list().map((d) => [d.id, { title: d.title, content: d.content }])))
              if (view !== expected) throw new Error(`client ${i} holds ${view}, the server ${expected}`)
            }
            // The server's state is a replay of its log, and no client op is in the log twice.
            const seen = new Map<string, number>()
            const { events } = await server.store.readChanges({ since: 0, limit: 1_000_000, userId })
            const byDocument = new Map<string, typeof events>()
            for (const e of events) byDocument.set(e.documentId, [...(byDocument.get(e.documentId) ?? []), e])
            for (const [id, log] of byDocument) {
              const row = await server.store.getDocument(id)
              const replayed = replay(log.map((e) => JSON.parse(wireEventJson(e)) as ChangeEvent))
              const stored = !row || row.deleted ? null : { title: row.title, content: row.content }
              if (canonicalJson(replayed) !== canonicalJson(stored)) throw new Error(`document ${id} is not the replay of its log`)
              for (const e of log) if (e.clientOpId) seen.set(e.clientOpId, (seen.get(e.clientOpId) ?? 0) + 1)
            }
            for (const [opId, n] of seen) if (n !== 1) throw new Error(`op ${opId} is in the log ${n} times`)
            for (const opId of acknowledged) if (seen.get(opId) !== 1) throw new Error(`acknowledged op ${opId} is not in the log`)
          } finally {
            for (const close of closers) await close()
          }
        }),
        options,
      )
      t.equal(runs, options.numRuns, `${options.numRuns} random runs (seed ${options.seed}) all converged`)
    })
  }
