import t from 'tap'
import fc from 'fast-check'
import { compare, increment, merge, type VectorClock } from './vector-clock.js'
import { propertyOptions } from './test-support/arbitraries.js'

const options = propertyOptions(300)
t.comment(`fast-check seed ${options.seed}, ${options.numRuns} runs (FC_SEED / FC_RUNS to change)`)
const clock = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(5), { maxKeys: 4 })
const same = (x: VectorClock, y: VectorClock) => compare(x, y) === 'equal'

t.test('merge is commutative, associative and idempotent', async () => {
  fc.assert(
    fc.property(clock, clock, clock, (a, b, c) => same(merge(a, b), merge(b, a)) && same(merge(merge(a, b), c), merge(a, merge(b, c))) && same(merge(a, a), a)),
    options,
  )
})

t.test('compare is consistent with merge and antisymmetric', async () => {
  const flip = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' } as const
  fc.assert(
    fc.property(clock, clock, (a, b) => {
      const m = merge(a, b)
      const order = compare(a, b)
      return ['before', 'equal'].includes(compare(a, m)) && compare(b, a) === flip[order] && (order === 'before' || order === 'equal') === same(m, b)
    }),
    options,
  )
})

t.test('increment moves a clock strictly after itself and never mutates', async (t) => {
  const a = Object.freeze({ x: 1 })
  const b = increment(a, 'y')
  t.same(b, { x: 1, y: 1 })
  t.equal(compare(b, a), 'after')
  t.equal(compare(increment({ x: 1 }, 'x'), increment({ x: 1 }, 'z')), 'concurrent')
  t.same(compare({}, { a: 0 }), 'equal', 'missing entries count as 0')
  t.throws(() => increment({}, '__proto__'), RangeError)
  t.throws(() => merge({}, JSON.parse('{"__proto__": 1}')), RangeError)
})
