import t from 'tap'
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { chainedRevisionId, eventRevisionId, isRevisionOf, nextGeneration, parseRevisionId, revisionId } from './revision.js'
import { jsonDocument, propertyOptions } from './test-support/arbitraries.js'

const options = propertyOptions()

t.test('revision ids keep the golden values earlier versions computed', async (t) => {
  const golden = JSON.parse(await readFile(new URL('./fixtures/revision-golden.json', import.meta.url), 'utf8'))
  t.ok(golden.cases.length >= 4)
  for (const c of golden.cases) t.equal(revisionId(c.generation, c.parent, c.title, c.content), c.revision_id, c.description)
})

t.test('revision ids are deterministic and ignore member order', async () => {
  fc.assert(
    fc.property(jsonDocument, fc.string(), (content, title) => {
      const reordered = Object.fromEntries(Object.entries(content).reverse())
      return revisionId(2, null, title, content) === revisionId(2, null, title, reordered)
    }),
    options,
  )
})

t.test('a different content, title, parent or generation gives a different id', async (t) => {
  const base = revisionId(1, null, 'T', { a: 1 })
  t.not(revisionId(1, null, 'T', { a: 2 }), base)
  t.not(revisionId(1, null, 'U', { a: 1 }), base)
  t.not(revisionId(1, base, 'T', { a: 1 }), base)
  t.not(revisionId(2, null, 'T', { a: 1 }), base)
  t.match(base, /^1-[0-9a-f]{64}$/)
  t.same(parseRevisionId(base).generation, 1)
  t.equal(nextGeneration(base), 2)
  t.throws(() => parseRevisionId('01-ab'))
  t.throws(() => revisionId(0, null, 'T', {}), RangeError)
})

t.test('a chained id covers the parent, the event type and the change, in any member order', async (t) => {
  const parent = revisionId(1, null, 'T', { a: 1 })
  const patch = [{ op: 'replace', path: '/a', value: 2 }]
  const id = chainedRevisionId(2, parent, 'update', patch)
  t.match(id, /^2-[0-9a-f]{64}$/)
  t.equal(chainedRevisionId(2, parent, 'update', [{ value: 2, path: '/a', op: 'replace' }]), id)
  t.not(chainedRevisionId(2, parent, 'update', [{ op: 'replace', path: '/a', value: 3 }]), id)
  t.not(chainedRevisionId(2, revisionId(1, null, 'U', { a: 1 }), 'update', patch), id)
  t.not(chainedRevisionId(2, parent, 'rename', patch), id)
  t.not(chainedRevisionId(3, parent, 'update', patch), id)
})

t.test("an event's id has the content form for a create and the chained form otherwise", async (t) => {
  const created = eventRevisionId(1, null, 'create', { id: 'd', title: 'T', content: { a: 1 } })
  t.equal(created, revisionId(1, null, 'T', { a: 1 }))
  t.equal(eventRevisionId(2, created, 'rename', { title: 'U' }), chainedRevisionId(2, created, 'rename', { title: 'U' }))
  t.equal(eventRevisionId(3, created, 'create', { id: 'd', title: 'T', content: { a: 1 } }), revisionId(3, created, 'T', { a: 1 }))
  t.throws(() => eventRevisionId(2, null, 'delete', null), { code: 'invalid_message' })
})

t.test('a reader accepts the chained id, and the content form of an older log only as a fallback', async (t) => {
  const golden = JSON.parse(await readFile(new URL('./fixtures/revision-golden.json', import.meta.url), 'utf8'))
  const [create, update] = golden.cases as Array<{ parent: string | null; title: string; content: Record<string, unknown>; revision_id: string }>
  const patch = [{ op: 'replace', path: '/text', value: update!.content.text }]
  const event = { eventType: 'update' as const, forwardPatch: patch }
  let computed = 0
  const state = () => {
    computed++
    return { title: update!.title, content: update!.content }
  }
  // An id of a log written before chained ids: accepted through the content form.
  t.ok(isRevisionOf(update!.revision_id, 2, create!.revision_id, event, state))
  t.equal(computed, 1)
  // A chained id: accepted without computing the state.
  t.ok(isRevisionOf(chainedRevisionId(2, create!.revision_id, 'update', patch), 2, create!.revision_id, event, state))
  t.equal(computed, 1)
  // Neither form: a divergence.
  t.notOk(isRevisionOf(chainedRevisionId(2, create!.revision_id, 'update', []), 2, create!.revision_id, event, state))
  t.equal(computed, 2)
})
