import t from 'tap'
import { loadVectorFiles } from './load-suite.js'
import { runVectors } from './runner.js'
import { checkVectorCase } from './vector-checks.js'

t.test("every vector passes against this package's core and validators", async (t) => {
  const results = await runVectors()
  const expected = loadVectorFiles().reduce((sum, file) => sum + file.data.cases.length, 0)
  t.equal(results.length, expected, 'every case ran')
  for (const result of results.filter((r) => !r.ok)) t.fail(`${result.file}: ${result.description}: ${result.reason}`)
  t.ok(results.every((r) => r.ok))
})

t.test('covers every vector kind', async (t) => {
  t.same(
    loadVectorFiles()
      .map((file) => file.data.kind)
      .sort(),
    ['canonical_json', 'message', 'patch_apply', 'patch_reverse', 'revision_id', 'vector_clock'],
  )
})

t.test('a vector whose expectation core does not meet fails with the reason', async (t) => {
  t.equal(
    checkVectorCase('vector_clock', { description: 'x', spec: '§5.2', operation: 'compare', a: { a: 1 }, b: { b: 1 }, expected: 'after' }),
    'expected "after", got "concurrent"',
  )
  t.match(
    checkVectorCase('patch_apply', { description: 'x', spec: '§2.4', document: { a: 1 }, patch: [{ op: 'remove', path: '/b' }], expected: {} }),
    /^expected success, got error path_not_found: /,
  )
})

t.test('a patch vector must say when the wire answers differently from a patch library (§2.12)', async (t) => {
  const unknownOp = { description: 'x', spec: '§2.12', document: {}, patch: [{ op: 'merge', path: '/a' }], error: 'invalid_patch' }
  t.match(checkVectorCase('patch_apply', unknownOp), /the update_document schema refuses this patch \(invalid_message\); mark the case/)
  t.equal(checkVectorCase('patch_apply', { ...unknownOp, wire_error: 'invalid_message' }), undefined)
  const applies = {
    description: 'x',
    spec: '§2.4',
    document: {},
    patch: [{ op: 'add', path: '/a', value: 1 }],
    expected: { a: 1 },
    wire_error: 'invalid_message' as const,
  }
  t.match(checkVectorCase('patch_apply', applies), /expected the update_document schema to answer invalid_message, got a valid frame/)
})
