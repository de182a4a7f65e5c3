import t from 'tap'
import fc from 'fast-check'
import fastJsonPatch from 'fast-json-patch'
import { applyPatch } from './patch.js'
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
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
  return v
}
