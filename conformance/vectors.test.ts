import t from 'tap'
import { loadVectorFiles } from './load-suite.js'
import { runVectors } from './runner.js'
import { checkVectorCase } from './vector-checks.js'

t.test('every vector passes against this package\'s core and validators', async (t) => {
  const results = await runVectors()
  const expected = loadVectorFiles().reduce((sum, file) => sum + file.data.cases.length, 0)
  t.equal(results.length, expected, 'every case ran')
  for (const result of results.filter((r) => !r.ok)) t.fail(`${result.file}: ${result.description}: ${result.reason}`)
  t.ok(results.every((r) => r.ok))
})

t.test('covers every vector kind', async (t) => {
  t.same(loadVectorFiles().map((file) => file.data.kind).sort(), ['canonical_json', 'message', 'patch_apply', 'patch_reverse', 'revision_id', 'vector_clock'])
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
