import t from 'tap'
import fc from 'fast-check'
import { jsonBytes, jsonStringBytes, nestedDeeperThan, numberBytes } from './json.js'
import { propertyOptions } from './test-support/arbitraries.js'

const options = propertyOptions(1000)

// Any UTF-16 sequence, lone surrogates included, biased towards the characters that need care.
const anyString = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0, 8, 9, 10, 12, 13, 31, 34, 92, 127, 128, 0x7ff, 0x800, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xffff),
    ),
    { maxLength: 40 },
  )
  .map((codes) => String.fromCharCode(...codes))

t.test('string measures agree with Buffer.byteLength and JSON.stringify', async (t) => {
  for (const s of ['', 'a', '"', '\\', '\n', '\u0001', '\u007f', 'é', '€', '😀', '\ud800', '\udc00', '\ud800\ud800', 'x'.repeat(100) + '😀']) {
    t.equal(jsonStringBytes(s), Buffer.byteLength(JSON.stringify(s), 'utf8'), `jsonStringBytes ${JSON.stringify(s)}`)
  }
  fc.assert(
    fc.property(anyString, (s) => jsonStringBytes(s) === Buffer.byteLength(JSON.stringify(s), 'utf8')),
    options,
  )
})

t.test('numberBytes is the length of the number as JSON writes it', async (t) => {
  for (const n of [
    0,
    -0,
    1,
    -1,
    9,
    10,
    99,
    100,
    -2147483648,
    2147483647,
    2147483648,
    1.5,
    -0.001,
    1e21,
    1e-7,
    5e-324,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
  ]) {
    t.equal(numberBytes(n), JSON.stringify(n).length, String(n))
  }
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => numberBytes(n) === JSON.stringify(n).length),
    options,
  )
})

t.test('jsonBytes counts every byte of the JSON text, escapes included', async (t) => {
  t.equal(jsonBytes('a"b'), Buffer.byteLength(JSON.stringify('a"b')))
  t.equal(jsonBytes('\u0001é'), Buffer.byteLength(JSON.stringify('\u0001é')))
  t.equal(jsonBytes(['a"b']), Buffer.byteLength(JSON.stringify(['a"b'])))
})

/** §10.1's depth, the obvious recursive way: a value is 1, a container 1 more than its deepest member. */
function depth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1
  const members = Object.values(value)
  return members.length === 0 ? 1 : 1 + Math.max(...members.map(depth))
}

t.test('nestedDeeperThan agrees with the recursive depth at every limit', async (t) => {
  t.equal(depth({}), 1)
  t.equal(depth({ a: 1 }), 2)
  t.equal(depth({ a: {} }), 2)
  t.equal(depth({ a: [[], { b: null }] }), 4)
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, limit) => nestedDeeperThan(value, limit) === depth(value) > limit),
    options,
  )
})

t.test('nestedDeeperThan measures a value nested 100,000 deep without overflowing the stack', async (t) => {
  let value: unknown = 1
  for (let i = 0; i < 100_000; i++) value = i % 2 === 0 ? [value] : { a: value }
  t.equal(nestedDeeperThan(value, 100_000), true)
  t.equal(nestedDeeperThan(value, 100_001), false)
})
