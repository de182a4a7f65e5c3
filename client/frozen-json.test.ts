import t from 'tap'
import fc from 'fast-check'
import { applyPatch, canonicalJson, type JsonObject } from '../core/index.js'
import { documentWithPatch, propertyOptions } from '../core/test-support/arbitraries.js'
import { applyToFrozen, freezeJson, sized } from './frozen-json.js'

function frozenThroughout(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  return Object.isFrozen(value) && Object.values(value).every(frozenThroughout)
}

t.test('a patch applied to frozen JSON gives what applyPatch gives, leaves the input as it was, and freezes the result', async () => {
  fc.assert(
    fc.property(documentWithPatch, ({ doc, patch }) => {
      const expected = canonicalJson(applyPatch(structuredClone(doc), structuredClone(patch), { requireObject: true }).doc)
      const input = sized(structuredClone(doc))
      const before = canonicalJson(input.doc)
      const result = applyToFrozen(input, patch)
      return canonicalJson(result.doc) === expected && canonicalJson(input.doc) === before && frozenThroughout(result.doc)
    }),
    propertyOptions(),
  )
})

t.test('a change copies the containers on its path and shares the rest', async (t) => {
  const doc = sized({ big: { items: [1, 2, 3] }, other: { untouched: true }, list: [{ a: 1 }, { b: 2 }] })
  const result = applyToFrozen(doc, [{ op: 'replace', path: '/list/1/b', value: 3 }])
  t.not(result.doc, doc.doc, 'a new root')
  t.equal(result.doc.big, doc.doc.big, 'an untouched member is the same object')
  t.equal((result.doc.list as JsonObject[])[0], (doc.doc.list as JsonObject[])[0], 'an untouched element too')
  t.same((doc.doc.list as JsonObject[])[1], { b: 2 }, 'the input is unchanged')
  t.equal(result.size, JSON.stringify(result.doc).length, 'the size is tracked')
})

t.test('an operation may write into a value an earlier one moved (shared, so frozen) without changing it', async (t) => {
  const doc = sized({ from: { x: 1 }, keep: 0 })
  const moved = doc.doc.from
  const result = applyToFrozen(doc, [
    { op: 'move', from: '/from', path: '/to' },
    { op: 'add', path: '/to/y', value: 2 },
  ])
  t.same(result.doc, { keep: 0, to: { x: 1, y: 2 } })
  t.same(moved, { x: 1 }, 'the moved object itself is untouched')
})

t.test('a patch that fails leaves the frozen input as it was and throws its error', async (t) => {
  const doc = sized(freezeJson({ a: { b: 1 } }))
  t.throws(
    () =>
      applyToFrozen(doc, [
        { op: 'replace', path: '/a/b', value: 2 },
        { op: 'remove', path: '/missing' },
      ]),
    { code: 'path_not_found' },
  )
  t.same(doc.doc, { a: { b: 1 } })
})
