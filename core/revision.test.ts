import t from 'tap'
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { nextGeneration, parseRevisionId, revisionId } from './revision.js'
import { jsonDocument, propertyOptions } from './test-support/arbitraries.js'

const options = propertyOptions()

t.test('revision ids keep the golden values earlier versions computed', async (t) => {
  const golden = JSON.parse(await readFile(new URL('./fixtures/revision-golden.json', import.meta.url), 'utf8'))
  t.ok(golden.cases.length >= 4)
  for (const c of golden.cases) t.equal(revisionId(c.generation, c.parent, c.title, c.content), c.revision_id, c.description)
})

t.test('revision ids are deterministic and ignore member order', async () => {
  fc.assert(fc.property(jsonDocument, fc.string(), (content, title) => {
    const reordered = Object.fromEntries(Object.entries(content).reverse())
    return revisionId(2, null, title, content) === revisionId(2, null, title, reordered)
  }), options)
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
