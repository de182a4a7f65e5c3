import t from 'tap'
import { ServerWins, detectConflict, type ServerState } from './conflict.js'
import { PatchsyncError } from './errors.js'
import { revisionId } from './revision.js'

const REV = revisionId(3, null, 'doc', { title: 'x' })
const state = (): ServerState => ({ content: { title: 'A', body: 'b' }, revisionId: REV, vectorClock: { a: 2, b: 1 } })

t.test('an update that saw everything applies without a conflict', async (t) => {
  const r = ServerWins.resolve(state(), { patch: [{ op: 'replace', path: '/title', value: 'B' }], baseRevision: REV, vectorClock: { a: 2, b: 2 } })
  t.equal(r.conflict, false)
  t.same(r.content, { title: 'B', body: 'b' })
  t.same(r.reverse, [{ op: 'replace', path: '/title', value: 'A' }])
  t.same(r.vectorClock, { a: 2, b: 2 })
})

t.test('a concurrent update is flagged and applied to the current server state', async (t) => {
  const r = ServerWins.resolve(state(), { patch: [{ op: 'replace', path: '/body', value: 'c' }], vectorClock: { a: 1, c: 1 } })
  t.equal(r.conflict, true)
  t.same(r.content, { title: 'A', body: 'c' }, 'the other field keeps the server value')
  t.same(r.vectorClock, { a: 2, b: 1, c: 1 }, 'clocks merge')
})

t.test('a concurrent update that no longer applies is a conflict error; a current one gets the patch error', async (t) => {
  const s = state()
  const concurrent = () => ServerWins.resolve(s, { patch: [{ op: 'remove', path: '/gone' }], vectorClock: { c: 1 } })
  t.throws(concurrent, { code: 'conflict' })
  t.same(s.content, { title: 'A', body: 'b' }, 'nothing changed')
  t.throws(() => ServerWins.resolve(s, { patch: [{ op: 'remove', path: '/gone' }], vectorClock: { a: 3, b: 1 } }), { code: 'path_not_found' })
  t.throws(concurrent, PatchsyncError)
})

t.test('detectConflict: stale base revision, behind or concurrent clocks', async (t) => {
  t.equal(detectConflict({ a: 1 }, { patch: [], baseRevision: 'other' }, REV), true)
  t.equal(detectConflict({ a: 1 }, { patch: [], baseRevision: REV }, REV), false)
  t.equal(detectConflict({ a: 2 }, { patch: [], vectorClock: { a: 1 } }, REV), true, 'behind')
  t.equal(detectConflict({ a: 2 }, { patch: [], vectorClock: { a: 2, b: 1 } }, REV), false, 'after')
  t.equal(detectConflict({ a: 2 }, { patch: [], vectorClock: { b: 1 } }, REV), true, 'concurrent')
  t.equal(detectConflict({ a: 2 }, { patch: [] }, REV), false, 'no clock, no base: nothing to compare')
})
