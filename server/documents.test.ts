import t from 'tap'
import { randomUUID } from 'node:crypto'
import { DocumentService } from './documents.js'
import { createTestStore, TEST_DIALECTS } from './test-support/databases.js'

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not answered within ${ms} ms`)), ms).unref())])

for (const dialect of TEST_DIALECTS) {
  t.test(dialect, async (t) => {
    t.test('a request submitted as the previous batch settles is still committed', async (t) => {
      const store = await createTestStore(t, dialect)
      const documents = new DocumentService(store)
      const user = randomUUID()
      const ids = Array.from({ length: 8 }, () => randomUUID())
      // The continuation of Promise.all runs while the drain that answered it is finishing.
      await Promise.all(ids.map((id) => documents.submit(user, null, { kind: 'create', id, title: 'T', content: { n: 0 } })))
      const updated = await within(documents.submit(user, 'op-1', { kind: 'update', documentId: ids[0]!, patch: [{ op: 'replace', path: '/n', value: 1 }] }), 5000, 'update')
      t.equal(updated.events[0]!.sequence, 9)
      for (let round = 0; round < 20; round++) {
        await Promise.all(ids.map((id, i) => documents.submit(user, `r${round}-${i}`, { kind: 'update', documentId: id, patch: [{ op: 'replace', path: '/n', value: round }] })))
      }
      const last = await within(documents.submit(user, null, { kind: 'rename', documentId: ids[1]!, title: 'U' }), 5000, 'rename')
      t.equal(last.events[0]!.sequence, 8 + 1 + 20 * 8 + 1)
    })

    t.test('requests queued together are committed together (group commit), in order', async (t) => {
      const store = await createTestStore(t, dialect)
      const batches: number[] = []
      const documents = new DocumentService(store, { onCommit: ({ events }) => batches.push(events.length) })
      const user = randomUUID()
      const id = randomUUID()
      await documents.submit(user, null, { kind: 'create', id, title: 'T', content: { n: 0 } })
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => documents.submit(user, `op-${i}`, { kind: 'update', documentId: id, patch: [{ op: 'replace', path: '/n', value: i }] })))
      t.same(results.map((r) => r.events[0]!.sequence), Array.from({ length: 100 }, (_, i) => i + 2), 'sequences in submission order')
      t.same(batches, [1, 100], 'one transaction for the 100 updates')
    })

    t.test('a failure to read the log fails the batch instead of leaving it waiting', async (t) => {
      const store = await createTestStore(t, dialect)
      const documents = new DocumentService(store)
      const user = randomUUID()
      const id = randomUUID()
      await documents.submit(user, null, { kind: 'create', id, title: 'T', content: { n: 0 } })
      const findOps = store.findOps
      store.findOps = async () => {
        throw new Error('the database went away')
      }
      t.teardown(() => {
        store.findOps = findOps
      })
      await t.rejects(within(documents.submit(user, 'op-x', { kind: 'update', documentId: id, patch: [{ op: 'replace', path: '/n', value: 1 }] }), 5000, 'update'), /the database went away/)
      store.findOps = findOps
      const after = await within(documents.submit(user, 'op-y', { kind: 'update', documentId: id, patch: [{ op: 'replace', path: '/n', value: 2 }] }), 5000, 'update after')
      t.equal(after.events[0]!.sequence, 2, 'and the next request goes through')
    })
  })
}
