import t from 'tap'
import { canonicalJson } from './canonical-json.js'

t.test('sorts members by UTF-16 code units and writes no whitespace (RFC 8785 §3.2.3)', async (t) => {
  // The sorting example of RFC 8785: names given in arbitrary order come out by code unit.
  const input = {
    '\u20ac': 'Euro Sign',
    '\r': 'Carriage Return',
    '\ufb33': 'Hebrew Letter Dalet With Dagesh',
    '1': 'One',
    '\ud83d\ude00': 'Emoji: Grinning Face',
    '\u0080': 'Control',
    '\u00f6': 'Latin Small Letter O With Diaeresis',
  }
  const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'] as const
  const expected = `{${order.map((k) => `${JSON.stringify(k)}:${JSON.stringify(input[k])}`).join(',')}}`
  t.equal(canonicalJson(input), expected)
  t.equal(canonicalJson({ b: [1, { d: true, c: null }], a: 'x' }), '{"a":"x","b":[1,{"c":null,"d":true}]}')
})

t.test('writes numbers and strings as ECMAScript does (RFC 8785 §3.2.2)', async (t) => {
  t.equal(canonicalJson([1e21, 1e-7, -0, 0.1, 333333333.3333333, 4.5, 2e-3]), '[1e+21,1e-7,0,0.1,333333333.3333333,4.5,0.002]')
  t.equal(canonicalJson('\u0000\u001f"\\/\u2028é'), '"\\u0000\\u001f\\"\\\\/\u2028é"')
})

t.test('refuses what JSON cannot hold', async (t) => {
  t.throws(() => canonicalJson(Number.NaN), TypeError)
  t.throws(() => canonicalJson({ f: () => 1 }), TypeError)
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  t.throws(() => canonicalJson(cycle), TypeError)
})
