import t from 'tap'
import fc from 'fast-check'
import { propertyOptions } from '../../core/test-support/arbitraries.js'
import { EVENT_WEIGHT, MAX_TAIL_EVENTS, MIN_TAIL_EVENTS, SHORT_TAIL_BYTES, takesSnapshot } from './snapshot-policy.js'

const options = propertyOptions(300)
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs (FC_SEED / FC_RUNS to change)`)

/** A document's commits: each a patch of some bytes leaving the content at some size. */
const commits = fc.array(fc.record({ patch: fc.integer({ min: 1, max: 50_000 }), size: fc.integer({ min: 2, max: 4 << 20 }) }), { maxLength: 300 })

t.test('snapshots cost no more than the tails they end, and a tail never costs more than the document it rebuilds', async () => {
  fc.assert(
    fc.property(commits, (list) => {
      let [events, bytes, written, paid] = [0, 0, 0, 0]
      for (const { patch, size } of list) {
        events++
        bytes += patch
        paid += patch + EVENT_WEIGHT
        if (takesSnapshot(events, bytes, size)) {
          written += size
          ;[events, bytes] = [0, 0]
        }
        // Rebuilding the content now reads the snapshot and a tail that costs less than the content,
        // or a few events whose patches are under twice the content (or short).
        if ((events >= MIN_TAIL_EVENTS && bytes + EVENT_WEIGHT * events >= size) || events >= MAX_TAIL_EVENTS) return false
        if (events < MIN_TAIL_EVENTS && bytes >= Math.max(2 * size, SHORT_TAIL_BYTES)) return false
      }
      return written <= paid
    }),
    options,
  )
})

t.test('a large document edited by short patches is written whole every ~3,300 commits, not every one; a small one every 32', async (t) => {
  const every = (size: number, patch: number) => {
    let n = 0
    while (!takesSnapshot(++n, n * patch, size));
    return n
  }
  t.equal(every(1 << 20, 64), Math.ceil((1 << 20) / (64 + EVENT_WEIGHT)))
  t.equal(every(64 << 20, 64), MAX_TAIL_EVENTS, 'however large the document, the tail is bounded in events')
  t.equal(every(1024, 64), MIN_TAIL_EVENTS, 'a small one every MIN_TAIL_EVENTS commits')
  t.equal(every(1 << 20, 1 << 20), 2, 'patches that replace most of a large document end the tail after twice its size, not after MIN_TAIL_EVENTS')
  t.equal(every(1024, 8192), Math.ceil(SHORT_TAIL_BYTES / 8192), 'and of a small one, after SHORT_TAIL_BYTES')
})
