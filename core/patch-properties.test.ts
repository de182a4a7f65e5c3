import t from 'tap'
import fc from 'fast-check'
import fastJsonPatch from 'fast-json-patch'
import type { JsonValue } from './json.js'
import { applyPatch, type Operation } from './patch.js'
import { documentWithPatch, propertyOptions } from './test-support/arbitraries.js'

const options = propertyOptions()
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs (FC_SEED / FC_RUNS to change)`)

t.test('apply then reverse is the identity on random documents and valid patches', async (t) => {
  let nonEmpty = 0
  fc.assert(
    fc.property(documentWithPatch, ({ doc, patch }) => {
      if (patch.length > 0) nonEmpty++
      const original = structuredClone(doc)
      const { doc: after, reverse } = applyPatch(structuredClone(doc), patch)
      const expected = fastJsonPatch.applyPatch(structuredClone(doc), structuredClone(patch) as fastJsonPatch.Operation[], true, true).newDocument
      if (JSON.stringify(sorted(after)) !== JSON.stringify(sorted(expected))) return false
      const { doc: back } = applyPatch(after, reverse)
      return JSON.stringify(sorted(back)) === JSON.stringify(sorted(original))
    }),
    options,
  )
  t.ok(nonEmpty > options.numRuns / 2, `${nonEmpty} of ${options.numRuns} patches were non-empty`)
})

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    )
  return v
}

/** Every object and array in `v`, depth first in member order. */
function containers(v: unknown, out: unknown[] = []): unknown[] {
  if (v !== null && typeof v === 'object') {
    out.push(v)
    for (const k of Object.keys(v)) containers((v as Record<string, unknown>)[k], out)
  }
  return out
}

const failing = fc.constantFrom<Operation>(
  { op: 'test', path: '', value: 'not the document' },
  { op: 'remove', path: '/no such member' },
  { op: 'replace', path: '/a/no/such/path', value: 1 },
  { op: 'add', path: '/nested', value: { deep: { er: [1] } } },
)

t.test('a patch that fails part-way leaves the document as it was: member order and identities too', async (t) => {
  let failed = 0
  fc.assert(
    fc.property(documentWithPatch, failing, fc.nat(), ({ doc, patch }, bad, at) => {
      const before = JSON.stringify(doc)
      const objects = containers(doc)
      const ops = [...patch]
      ops.splice(at % (ops.length + 1), 0, bad)
      // maxDepth 3 makes the `add /nested` above fail too, after whatever came before it.
      try {
        applyPatch(doc, ops, { limits: { maxDepth: 3 } })
      } catch {
        failed++
        const after = containers(doc)
        return JSON.stringify(doc) === before && after.length === objects.length && after.every((o, i) => o === objects[i])
      }
      return true // the "bad" operation happened to fit (a move may have made /a/no/such/path, say)
    }),
    options,
  )
  t.ok(failed > options.numRuns * 0.9, `${failed} of ${options.numRuns} patches failed and were rolled back`)
})

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

t.test('a tracked size is never below the bytes of the result, and over by at most two per operation', async () => {
  fc.assert(
    fc.property(documentWithPatch, ({ doc, patch }) => {
      const { doc: after, size } = applyPatch(doc, patch, { size: bytes(doc) })
      return size >= bytes(after) && size <= bytes(after) + 2 * patch.length
    }),
    options,
  )
})

t.test('a tracked size cannot be driven under the real one (§10): escaped strings, emptied containers', async (t) => {
  let doc: JsonValue = { o: {}, a: [] }
  let size = bytes(doc)
  const rounds = [
    // An escaped string on the way in, and out again with its container.
    [
      { op: 'add', path: '/o/s', value: '"'.repeat(100) + '\u0001' },
      { op: 'remove', path: '/o' },
      { op: 'add', path: '/o', value: {} },
    ],
    [
      { op: 'add', path: '/a/-', value: { x: ['\n'] } },
      { op: 'remove', path: '/a/0/x/0' },
      { op: 'remove', path: '/a/0' },
    ],
    [
      { op: 'add', path: '/o/k', value: { m: 1 } },
      { op: 'remove', path: '/o/k/m' },
      { op: 'move', from: '/o/k', path: '/a/-' },
      { op: 'remove', path: '/a/0' },
    ],
  ] as Operation[][]
  for (let i = 0; i < 5; i++) {
    for (const [j, ops] of rounds.entries()) {
      ;({ doc, size } = applyPatch(doc, ops, { size }))
      t.ok(size >= bytes(doc), `round ${i}, patch ${j}: tracked ${size} >= real ${bytes(doc)}`)
    }
  }
})

t.test('a patch the tracked size would refuse is measured first, and accepted when it fits', async (t) => {
  const doc = { o: { a: 1 }, text: 'x'.repeat(50) }
  const limits = { maxDocumentBytes: bytes(doc) }
  const result = applyPatch(structuredClone(doc), [{ op: 'replace', path: '/o/a', value: 2 }], { limits, size: bytes(doc) + 5 })
  t.equal(result.size, bytes(result.doc), 'the size is measured again, exactly')
  t.throws(() => applyPatch(structuredClone(doc), [{ op: 'replace', path: '/o/a', value: 20 }], { limits, size: bytes(doc) }), { code: 'document_too_large' })
})

t.test('a measured size is exactly the bytes of the result, whatever the patch removed', async () => {
  fc.assert(
    fc.property(documentWithPatch, ({ doc, patch }) => {
      const { doc: after, size } = applyPatch(doc, patch)
      return size === Buffer.byteLength(JSON.stringify(after))
    }),
    options,
  )
})
