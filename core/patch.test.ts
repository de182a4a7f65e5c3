import t from 'tap'
import { createRequire } from 'node:module'
import { applyPatch, validatePatch } from './patch.js'
import { PatchsyncError } from './errors.js'

interface SuiteCase {
  comment?: string
  doc: unknown
  patch: unknown
  expected?: unknown
  error?: string
  disabled?: boolean
}

const require = createRequire(import.meta.url)
const suites: Array<[string, SuiteCase[], number]> = [
  ['tests.json', require('json-patch-test-suite/tests.json'), 75],
  ['spec_tests.json', require('json-patch-test-suite/spec_tests.json'), 16],
]

const copy = <T>(v: T): T => structuredClone(v)

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    if (error instanceof PatchsyncError) return error.code
    throw error
  }
  return undefined
}

for (const [file, cases, expectedRuns] of suites) {
  t.test(`RFC 6902 suite: ${file}`, async (t) => {
    let ran = 0
    for (const [i, c] of cases.entries()) {
      if (c.disabled) continue
      ran++
      const name = `${i}: ${c.comment ?? c.error ?? JSON.stringify(c.patch).slice(0, 60)}`
      const doc = copy(c.doc)
      if (c.error !== undefined) {
        t.ok(
          codeOf(() => applyPatch(doc, copy(c.patch))),
          `${name} is rejected`,
        )
        t.same(doc, c.doc, `${name} leaves the document untouched`)
        continue
      }
      const { doc: result, reverse } = applyPatch(doc, copy(c.patch))
      if (c.expected !== undefined) t.same(result, c.expected, `${name} gives the expected document`)
      const { doc: restored } = applyPatch(result, reverse)
      t.same(restored, c.doc, `${name}: the reverse patch restores the original`)
    }
    t.ok(ran >= expectedRuns, `${ran} cases ran`)
  })
}

t.test('rejects every pointer that targets a prototype and leaves Object.prototype alone', async (t) => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort()
  const hostile = [
    '/__proto__',
    '/__proto__/polluted',
    '/a/__proto__',
    '/constructor/prototype',
    '/constructor/prototype/polluted',
    '/a/constructor/prototype/x',
  ]
  for (const path of hostile) {
    const patches = [
      [{ op: 'add', path, value: 'yes' }],
      [{ op: 'replace', path, value: 'yes' }],
      [{ op: 'remove', path }],
      [{ op: 'test', path, value: 'yes' }],
      [{ op: 'copy', from: '/a', path }],
      [{ op: 'move', from: '/a', path }],
      [{ op: 'copy', from: path, path: '/b' }],
      [{ op: 'move', from: path, path: '/b' }],
    ]
    for (const patch of patches) {
      const doc = { a: { x: 1 } }
      t.equal(
        codeOf(() => applyPatch(doc, patch)),
        'invalid_path',
        `${patch[0]!.op} ${JSON.stringify(patch[0])}`,
      )
      t.same(doc, { a: { x: 1 } })
    }
  }
  t.equal(
    codeOf(() => applyPatch({}, [{ op: 'add', path: '/a', value: JSON.parse('{"__proto__": {"polluted": 1}}') }])),
    'invalid_path',
    'a value carrying a __proto__ member is refused',
  )
  t.same(Object.getOwnPropertyNames(Object.prototype).sort(), before)
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('a constructor member that is not own is not found', async (t) => {
  t.equal(
    codeOf(() => applyPatch({}, [{ op: 'replace', path: '/constructor', value: 1 }])),
    'path_not_found',
  )
  t.equal(
    codeOf(() => applyPatch({}, [{ op: 'test', path: '/toString', value: 1 }])),
    'path_not_found',
  )
})

t.test('array indices follow the grammar 0|[1-9][0-9]* and stay within bounds', async (t) => {
  const doc = { a: [1, 2, 3] }
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/01', value: 0 }])),
    'invalid_path',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/-1', value: 0 }])),
    'invalid_path',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/1e0', value: 0 }])),
    'invalid_path',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'remove', path: '/a/-' }])),
    'invalid_path',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'add', path: '/a/4', value: 0 }])),
    'path_not_found',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'remove', path: '/a/3' }])),
    'path_not_found',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'add', path: '/missing/x', value: 0 }])),
    'path_not_found',
    'op on a missing parent',
  )
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'add', path: '/a/0/x', value: 0 }])),
    'path_not_found',
    'op inside a number',
  )
  t.same(doc, { a: [1, 2, 3] })
  const { doc: appended, reverse } = applyPatch(doc, [{ op: 'add', path: '/a/-', value: 4 }])
  t.same(appended, { a: [1, 2, 3, 4] })
  t.same(reverse, [{ op: 'remove', path: '/a/3' }], 'the reverse of "-" names the real index')
})

t.test('malformed operations are invalid_patch', async (t) => {
  const bad: unknown[] = [
    {},
    [{ op: 'merge', path: '/a' }],
    [{ op: 'add', path: '/a' }],
    [{ op: 'move', path: '/a' }],
    [{ op: 'add', path: 7, value: 1 }],
    [null],
    [{ op: 'add', path: '/a', value: () => 1 }],
    [{ op: 'add', path: '/a', value: Number.NaN }],
    [{ op: 'add', path: '/a', value: { b: undefined } }],
    [{ op: 'remove', path: '' }],
  ]
  for (const patch of bad)
    t.equal(
      codeOf(() => applyPatch({ a: 1 }, patch)),
      'invalid_patch',
      JSON.stringify(patch) ?? String(patch),
    )
  t.equal(
    codeOf(() => applyPatch({ a: 1 }, [{ op: 'remove', path: 'a' }])),
    'invalid_path',
    'pointer without a leading slash',
  )
  t.equal(
    codeOf(() => applyPatch({ a: 1 }, [{ op: 'remove', path: '/a~2' }])),
    'invalid_path',
    'bad ~ escape',
  )
  t.equal(
    codeOf(() => validatePatch([{ op: 'add', path: '/__proto__', value: 1 }])),
    'invalid_path',
    'validatePatch checks paths without a document',
  )
})

t.test('a patch whose third operation fails leaves the document exactly as it was', async (t) => {
  const inner = { keep: true }
  const doc = { a: 1, b: [1, 2], c: inner, d: 'x' }
  const code = codeOf(() =>
    applyPatch(doc, [
      { op: 'remove', path: '/a' },
      { op: 'add', path: '/b/0', value: 0 },
      { op: 'test', path: '/d', value: 'y' },
    ]),
  )
  t.equal(code, 'test_failed')
  t.same(doc, { a: 1, b: [1, 2], c: inner, d: 'x' })
  t.equal(JSON.stringify(doc), '{"a":1,"b":[1,2],"c":{"keep":true},"d":"x"}', 'member order is restored too')
  t.equal(doc.c, inner, 'untouched members keep their identity')
})

t.test('the content-object rule refuses a root replaced by a non-object', async (t) => {
  const doc = { a: 1 }
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'replace', path: '', value: [1] }], { requireObject: true })),
    'invalid_patch',
  )
  t.same(doc, { a: 1 })
  t.same(applyPatch(doc, [{ op: 'replace', path: '', value: { b: 2 } }], { requireObject: true }).doc, { b: 2 })
})

t.test('values are copied in and reverse patches never share objects with the document', async (t) => {
  const value = { n: 1 }
  const doc: Record<string, unknown> = { a: { old: true } }
  const { reverse } = applyPatch(doc, [
    { op: 'add', path: '/v', value },
    { op: 'replace', path: '/a', value: { fresh: 1 } },
  ])
  value.n = 2
  t.same(doc.v, { n: 1 }, 'mutating the patch value afterwards does not reach the document')
  ;(doc.a as Record<string, unknown>).fresh = 99
  t.same(reverse, [
    { op: 'replace', path: '/a', value: { old: true } },
    { op: 'remove', path: '/v' },
  ])
  const moved = { m: { deep: 1 } }
  const { reverse: back } = applyPatch(moved, [{ op: 'move', from: '/m', path: '/n' }])
  t.same(back, [{ op: 'move', from: '/n', path: '/m' }], 'move is undone by a move, not by a copy of the value')
})

t.test('limits: operations, depth and size have their own codes', async (t) => {
  const ops = Array.from({ length: 11 }, (_, i) => ({ op: 'add', path: `/k${i}`, value: i }))
  t.equal(
    codeOf(() => applyPatch({}, ops, { limits: { maxOps: 10 } })),
    'patch_too_large',
  )
  let deep: unknown = 1
  for (let i = 0; i < 10; i++) deep = { d: deep }
  t.equal(
    codeOf(() => applyPatch({}, [{ op: 'add', path: '/x', value: deep }], { limits: { maxDepth: 8 } })),
    'nesting_too_deep',
  )
  t.equal(
    codeOf(() => applyPatch({ a: { b: {} } }, [{ op: 'add', path: '/a/b/c', value: 1 }], { limits: { maxDepth: 3 } })),
    'nesting_too_deep',
  )
  t.equal(
    codeOf(() => applyPatch({ a: { b: {} } }, [{ op: 'add', path: '/a/b/c', value: 1 }], { limits: { maxDepth: 4 } })),
    undefined,
  )
  const doc = { s: '' }
  t.equal(
    codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/s', value: 'x'.repeat(2000) }], { limits: { maxDocumentBytes: 1024 } })),
    'document_too_large',
  )
  t.same(doc, { s: '' })
  const tracked = applyPatch(
    { s: 'ab' },
    [
      { op: 'replace', path: '/s', value: 'abcd' },
      { op: 'add', path: '/t', value: 1 },
    ],
    { size: 10 },
  )
  t.equal(tracked.size, 10 + 2 + (1 + 5), 'size delta: +2 for the longer string, +6 for "t":1,')
  t.equal(applyPatch({ s: 'ab' }, [{ op: 'replace', path: '/s', value: 'abcd' }]).size, Buffer.byteLength('{"s":"abcd"}'))
})

t.test('a member removed and added again in one patch goes last; a failure puts it back in place', async (t) => {
  const doc = { a: 1, b: 2, c: 3, 7: 'n' }
  const patch = [
    { op: 'remove', path: '/b' },
    { op: 'add', path: '/b', value: 20 },
    { op: 'remove', path: '/7' },
    { op: 'move', from: '/a', path: '/7' },
  ]
  const original = JSON.stringify(doc)
  t.equal(
    codeOf(() => applyPatch(doc, [...patch, { op: 'test', path: '/c', value: 4 }])),
    'test_failed',
  )
  t.equal(JSON.stringify(doc), original, 'member order restored')
  const { doc: after, reverse, size } = applyPatch(doc, patch, { size: Buffer.byteLength(original) })
  t.equal(JSON.stringify(after), '{"7":1,"c":3,"b":20}', 'same order as deleting and re-adding')
  const real = Buffer.byteLength(JSON.stringify(after))
  t.ok(size >= real && size <= real + 2 * patch.length, `tracked size ${size}: at least the real ${real}, a little over at most`)
  const { doc: back } = applyPatch(after, reverse)
  t.same(back, JSON.parse(original))
})

t.test('removals from a large object roll back in order', async (t) => {
  // Past a hundred or so members V8 keeps an object as a hash table ("dictionary mode").
  const doc: Record<string, unknown> = {}
  for (let i = 0; i < 300; i++) doc[`k${i}`] = i
  const original = JSON.stringify(doc)
  const patch = [
    { op: 'remove', path: '/k5' },
    { op: 'remove', path: '/k299' },
    { op: 'remove', path: '/k0' },
    { op: 'add', path: '/k5', value: 5 },
    { op: 'remove', path: '/missing' },
  ]
  t.equal(
    codeOf(() => applyPatch(doc, patch)),
    'path_not_found',
  )
  t.equal(JSON.stringify(doc), original)
  const { doc: result, reverse } = applyPatch(doc, patch.slice(0, -1))
  const after = result as Record<string, unknown>
  t.same(Object.keys(after).slice(-2), ['k298', 'k5'])
  t.notOk(Object.hasOwn(after, 'k0') || Object.hasOwn(after, 'k299'), 'removed members are deleted, not left behind')
  t.same(applyPatch(after, reverse).doc, JSON.parse(original))
})

t.test('later operations see a member removed earlier in the patch as gone', async (t) => {
  const doc = { a: { x: 1, y: 2 }, b: [1] }
  const {
    doc: after,
    reverse,
    size,
  } = applyPatch(doc, [
    { op: 'remove', path: '/a/x' },
    { op: 'test', path: '/a', value: { y: 2 } },
    { op: 'copy', from: '/a', path: '/c' },
    { op: 'add', path: '/b/-', value: 2 },
    { op: 'move', from: '/a', path: '/b/0' },
  ])
  t.equal(JSON.stringify(after), '{"b":[{"y":2},1,2],"c":{"y":2}}')
  t.equal(size, Buffer.byteLength(JSON.stringify(after)), 'measured size skips removed members')
  t.equal(
    codeOf(() =>
      applyPatch({ a: { x: 1 } }, [
        { op: 'remove', path: '/a/x' },
        { op: 'replace', path: '/a/x', value: 2 },
      ]),
    ),
    'path_not_found',
  )
  t.equal(
    codeOf(() =>
      applyPatch({ a: { x: 1 } }, [
        { op: 'remove', path: '/a/x' },
        { op: 'remove', path: '/a/x' },
      ]),
    ),
    'path_not_found',
  )
  t.equal(
    codeOf(() =>
      applyPatch({ a: { x: { y: 1 } } }, [
        { op: 'remove', path: '/a/x' },
        { op: 'test', path: '/a/x/y', value: 1 },
      ]),
    ),
    'path_not_found',
  )
  t.equal(
    codeOf(() =>
      applyPatch({ a: { x: 1 } }, [
        { op: 'remove', path: '/a/x' },
        { op: 'test', path: '/a', value: { x: 1 } },
      ]),
    ),
    'test_failed',
  )
  t.same(applyPatch(after, reverse).doc, { a: { x: 1, y: 2 }, b: [1] })
})

t.test('a value moved onto its own ancestor is undone with a detached copy', async (t) => {
  const doc = { a: { b: { c: 1 }, d: 2 } }
  const { doc: after, reverse } = applyPatch(doc, [{ op: 'move', from: '/a/b', path: '/a' }])
  t.same(after, { a: { c: 1 } })
  t.same(reverse, [
    { op: 'remove', path: '/a' },
    { op: 'add', path: '/a', value: { d: 2 } },
    { op: 'add', path: '/a/b', value: { c: 1 } },
  ])
  t.not((reverse[2] as { value: unknown }).value, (after as { a: unknown }).a, 'the re-added value is a copy')
  t.same(applyPatch(after, reverse).doc, { a: { b: { c: 1 }, d: 2 } })
})

t.test('pointers: canonical round trip, escapes, array index grammar', async (t) => {
  const { parsePointer, formatPointer, parseArrayIndex } = await import('./pointer.js')
  for (const p of ['', '/', '//', '/a/b', '/a~1b/~0', '/~01', '/0/-', '/ü/😀', '/a/']) t.equal(formatPointer(parsePointer(p)), p, p)
  t.same(parsePointer('/a~1b/~0~1'), ['a/b', '~/'])
  t.same(parsePointer('/'), [''])
  t.same(parsePointer('/constructor/x/prototype'), ['constructor', 'x', 'prototype'], 'prototype is only refused right after constructor')
  for (const p of ['a', '/~', '/a~2', '/~a', '/__proto__', '/x/constructor/prototype', '/__proto__/x']) {
    t.equal(
      codeOf(() => parsePointer(p)),
      'invalid_path',
      p,
    )
  }
  for (const [token, index] of [
    ['0', 0],
    ['7', 7],
    ['10', 10],
    ['123456789', 123456789],
    ['9007199254740993', 9007199254740992],
  ] as const) {
    t.equal(parseArrayIndex(token), index, token)
  }
  for (const token of ['', '-', '01', '00', '-1', '1e0', '1.5', ' 1', '1 ', '0x1', '99999999999999999999a'])
    t.equal(parseArrayIndex(token), -1, JSON.stringify(token))
  t.equal(parseArrayIndex('99999999999999999999'), 1e20, 'long indices are beyond any array, not an error')
})

t.test('moving an array element onto a member further along that array restores the member it overwrote', async (t) => {
  // The move takes /list/0 out, so the target /list/1/x is the element that was /list/2; its old
  // x must go back there once the moved value is back at /list/0.
  const original = { list: [1, { x: 'a' }, { x: 'b' }] }
  const { doc, reverse } = applyPatch(structuredClone(original), [{ op: 'move', from: '/list/0', path: '/list/1/x' }])
  t.same(doc, { list: [{ x: 'a' }, { x: 1 }] })
  t.same(reverse, [
    { op: 'move', from: '/list/1/x', path: '/list/0' },
    { op: 'add', path: '/list/2/x', value: 'b' },
  ])
  t.same(applyPatch(doc, reverse).doc, original)
  const before = { list: [{ x: 'a' }, 1, { x: 'b' }] } // moving a later element shifts nothing before it
  const { doc: d2, reverse: r2 } = applyPatch(structuredClone(before), [{ op: 'move', from: '/list/1', path: '/list/0/x' }])
  t.same(r2, [
    { op: 'move', from: '/list/0/x', path: '/list/1' },
    { op: 'add', path: '/list/0/x', value: 'a' },
  ])
  t.same(applyPatch(d2, r2).doc, before)
})
