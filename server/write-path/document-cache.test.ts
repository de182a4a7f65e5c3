import t from 'tap'
import { randomUUID } from 'node:crypto'
import { jsonBytes, type JsonObject } from '../../core/index.js'
import { createTestStore } from '../test-support/databases.js'
import { DocumentCache, type CachedDocument } from './document-cache.js'
import type { DocumentRow } from '../storage/store.js'

function entry(content: JsonObject): CachedDocument {
  const now = new Date().toISOString()
  const row: DocumentRow = {
    id: randomUUID(),
    ownerId: randomUUID(),
    title: 'T',
    content,
    revisionId: '1-a',
    generation: 1,
    snapshotGeneration: 1,
    tailBytes: 0,
    vectorClock: {},
    deleted: false,
    createdAt: now,
    updatedAt: now,
  }
  return { row, size: jsonBytes(content), grants: new Map() }
}

const kilobyte = () => ({ text: 'x'.repeat(1000) })

t.test('the cache is bounded by the bytes of its documents, least recently used out first', async (t) => {
  const store = await createTestStore(t, 'sqlite')
  const cache = new DocumentCache(store, 3500)
  const entries = Array.from({ length: 4 }, () => entry(kilobyte()))
  for (const e of entries.slice(0, 3)) cache.add(e.row.id, e)
  t.equal(cache.heldBytes, 3 * entries[0]!.size)
  // The first is used again, so the second is the least recently used when the fourth comes.
  t.equal(await cache.load(entries[0]!.row.id), entries[0])
  cache.add(entries[3]!.row.id, entries[3]!)
  t.same(
    [0, 1, 2, 3].map((i) => cache.get(entries[i]!.row.id) !== undefined),
    [true, false, true, true],
  )
  t.ok(cache.heldBytes <= 3500)
})

t.test('a document that grows in place is counted again when it is next used, and evicts others', async (t) => {
  const store = await createTestStore(t, 'sqlite')
  const cache = new DocumentCache(store, 3500)
  const [a, b, c] = Array.from({ length: 3 }, () => entry(kilobyte()))
  for (const e of [a!, b!, c!]) cache.add(e.row.id, e)
  // What the plan step does: patch the content in place and set the new size.
  c!.row.content.more = 'y'.repeat(1000)
  c!.size = jsonBytes(c!.row.content)
  await cache.load(c!.row.id)
  t.equal(cache.get(a!.row.id), undefined, 'the least recently used went out')
  t.equal(cache.heldBytes, b!.size + c!.size)
})

t.test('one document larger than the whole budget stays while it is the one in use', async (t) => {
  const store = await createTestStore(t, 'sqlite')
  const cache = new DocumentCache(store, 500)
  const small = entry({ n: 1 })
  const large = entry(kilobyte())
  cache.add(small.row.id, small)
  cache.add(large.row.id, large)
  t.equal(cache.get(large.row.id), large)
  t.equal(cache.get(small.row.id), undefined)
  cache.delete(large.row.id)
  t.equal(cache.heldBytes, 0)
})

t.test('entries loaded or added while pinned stay over the budget until release, which trims it', async (t) => {
  const store = await createTestStore(t, 'sqlite')
  const cache = new DocumentCache(store, 2500)
  const [before, a, b, c] = Array.from({ length: 4 }, () => entry(kilobyte()))
  cache.add(before!.row.id, before!)
  cache.pin()
  for (const e of [a!, b!, c!]) cache.add(e.row.id, e)
  t.equal(cache.get(before!.row.id), undefined, 'what the batch did not pin goes first')
  t.same(
    [a, b, c].map((e) => cache.get(e!.row.id)),
    [a, b, c],
    'the batch keeps all three, over the budget',
  )
  cache.release()
  t.same(
    [a, b, c].map((e) => cache.get(e!.row.id) !== undefined),
    [false, true, true],
    'then the least recently used goes',
  )
  t.ok(cache.heldBytes <= 2500)
})
