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
        t.ok(codeOf(() => applyPatch(doc, copy(c.patch))), `${name} is rejected`)
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
  const hostile = ['/__proto__', '/__proto__/polluted', '/a/__proto__', '/constructor/prototype', '/constructor/prototype/polluted', '/a/constructor/prototype/x']
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
      t.equal(codeOf(() => applyPatch(doc, patch)), 'invalid_path', `${patch[0]!.op} ${JSON.stringify(patch[0])}`)
      t.same(doc, { a: { x: 1 } })
    }
  }
  t.equal(codeOf(() => applyPatch({}, [{ op: 'add', path: '/a', value: JSON.parse('{"__proto__": {"polluted": 1}}') }])), 'invalid_path',
    'a value carrying a __proto__ member is refused')
  t.same(Object.getOwnPropertyNames(Object.prototype).sort(), before)
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('a constructor member that is not own is not found', async (t) => {
  t.equal(codeOf(() => applyPatch({}, [{ op: 'replace', path: '/constructor', value: 1 }])), 'path_not_found')
  t.equal(codeOf(() => applyPatch({}, [{ op: 'test', path: '/toString', value: 1 }])), 'path_not_found')
})

t.test('array indices follow the grammar 0|[1-9][0-9]* and stay within bounds', async (t) => {
  const doc = { a: [1, 2, 3] }
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/01', value: 0 }])), 'invalid_path')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/-1', value: 0 }])), 'invalid_path')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/a/1e0', value: 0 }])), 'invalid_path')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'remove', path: '/a/-' }])), 'invalid_path')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'add', path: '/a/4', value: 0 }])), 'path_not_found')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'remove', path: '/a/3' }])), 'path_not_found')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'add', path: '/missing/x', value: 0 }])), 'path_not_found', 'op on a missing parent')
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'add', path: '/a/0/x', value: 0 }])), 'path_not_found', 'op inside a number')
  t.same(doc, { a: [1, 2, 3] })
  const { doc: appended, reverse } = applyPatch(doc, [{ op: 'add', path: '/a/-', value: 4 }])
  t.same(appended, { a: [1, 2, 3, 4] })
  t.same(reverse, [{ op: 'remove', path: '/a/3' }], 'the reverse of "-" names the real index')
})

t.test('malformed operations are invalid_patch', async (t) => {
  const bad: unknown[] = [
    {}, [{ op: 'merge', path: '/a' }], [{ op: 'add', path: '/a' }], [{ op: 'move', path: '/a' }],
    [{ op: 'add', path: 7, value: 1 }], [null], [{ op: 'add', path: '/a', value: () => 1 }],
    [{ op: 'add', path: '/a', value: Number.NaN }], [{ op: 'add', path: '/a', value: { b: undefined } }],
    [{ op: 'remove', path: '' }],
  ]
  for (const patch of bad) t.equal(codeOf(() => applyPatch({ a: 1 }, patch)), 'invalid_patch', JSON.stringify(patch) ?? String(patch))
  t.equal(codeOf(() => applyPatch({ a: 1 }, [{ op: 'remove', path: 'a' }])), 'invalid_path', 'pointer without a leading slash')
  t.equal(codeOf(() => applyPatch({ a: 1 }, [{ op: 'remove', path: '/a~2' }])), 'invalid_path', 'bad ~ escape')
  t.equal(codeOf(() => validatePatch([{ op: 'add', path: '/__proto__', value: 1 }])), 'invalid_path', 'validatePatch checks paths without a document')
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
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'replace', path: '', value: [1] }], { requireObject: true })), 'invalid_patch')
  t.same(doc, { a: 1 })
  t.same(applyPatch(doc, [{ op: 'replace', path: '', value: { b: 2 } }], { requireObject: true }).doc, { b: 2 })
})

t.test('values are copied in and reverse patches never share objects with the document', async (t) => {
  const value = { n: 1 }
  const doc: Record<string, unknown> = { a: { old: true } }
  const { reverse } = applyPatch(doc, [{ op: 'add', path: '/v', value }, { op: 'replace', path: '/a', value: { fresh: 1 } }])
  value.n = 2
  t.same(doc.v, { n: 1 }, 'mutating the patch value afterwards does not reach the document')
  ;(doc.a as Record<string, unknown>).fresh = 99
  t.same(reverse, [{ op: 'replace', path: '/a', value: { old: true } }, { op: 'remove', path: '/v' }])
  const moved = { m: { deep: 1 } }
  const { reverse: back } = applyPatch(moved, [{ op: 'move', from: '/m', path: '/n' }])
  t.same(back, [{ op: 'move', from: '/n', path: '/m' }], 'move is undone by a move, not by a copy of the value')
})

t.test('limits: operations, depth and size have their own codes', async (t) => {
  const ops = Array.from({ length: 11 }, (_, i) => ({ op: 'add', path: `/k${i}`, value: i }))
  t.equal(codeOf(() => applyPatch({}, ops, { limits: { maxOps: 10 } })), 'patch_too_large')
  let deep: unknown = 1
  for (let i = 0; i < 10; i++) deep = { d: deep }
  t.equal(codeOf(() => applyPatch({}, [{ op: 'add', path: '/x', value: deep }], { limits: { maxDepth: 8 } })), 'nesting_too_deep')
  t.equal(codeOf(() => applyPatch({ a: { b: {} } }, [{ op: 'add', path: '/a/b/c', value: 1 }], { limits: { maxDepth: 3 } })), 'nesting_too_deep')
  t.equal(codeOf(() => applyPatch({ a: { b: {} } }, [{ op: 'add', path: '/a/b/c', value: 1 }], { limits: { maxDepth: 4 } })), undefined)
  const doc = { s: '' }
  t.equal(codeOf(() => applyPatch(doc, [{ op: 'replace', path: '/s', value: 'x'.repeat(2000) }], { limits: { maxDocumentBytes: 1024 } })), 'document_too_large')
  t.same(doc, { s: '' })
  const tracked = applyPatch({ s: 'ab' }, [{ op: 'replace', path: '/s', value: 'abcd' }, { op: 'add', path: '/t', value: 1 }], { size: 10 })
  t.equal(tracked.size, 10 + 2 + (1 + 5), 'size delta: +2 for the longer string, +6 for "t":1,')
  t.equal(applyPatch({ s: 'ab' }, [{ op: 'replace', path: '/s', value: 'abcd' }]).size, Buffer.byteLength('{"s":"abcd"}'))
})
