import t from 'tap'
import { applyPatch } from '../core/patch.js'
import { contentPatch, describeChange } from './describe-change.js'

t.test('an update reads operation by operation against the content as it was', async (t) => {
  const before = { title: 'old', tags: ['a', 'b'], meta: { n: 1 } }
  const lines = describeChange(
    {
      event_type: 'update',
      forward_patch: [
        { op: 'replace', path: '/title', value: 'new' },
        { op: 'add', path: '/tags/-', value: 'c' },
        { op: 'remove', path: '/tags/0' },
        { op: 'move', from: '/meta/n', path: '/count' },
        { op: 'add', path: '/count', value: 2 },
        { op: 'copy', from: '/title', path: '/copy' },
        { op: 'test', path: '/copy', value: 'new' },
      ],
      reverse_patch: [],
    },
    before,
  )
  t.same(lines, [
    { kind: 'replaced', path: '/title', before: 'old', after: 'new' },
    { kind: 'added', path: '/tags/-', after: 'c' },
    { kind: 'removed', path: '/tags/0', before: 'a' },
    { kind: 'moved', path: '/count', from: '/meta/n', after: 1 },
    { kind: 'replaced', path: '/count', before: 1, after: 2 },
    { kind: 'copied', path: '/copy', from: '/title', after: 'new' },
    { kind: 'checked', path: '/copy', after: 'new' },
  ])
  t.same(before, { title: 'old', tags: ['a', 'b'], meta: { n: 1 } }, 'the content shown is not changed')
})

t.test('create, delete and rename say what they did', async (t) => {
  t.same(describeChange({ event_type: 'create', forward_patch: { id: 'x', title: 'T', content: { a: 1 } }, reverse_patch: null }, null), [
    { kind: 'created', path: '/', after: { a: 1 } },
  ])
  t.same(describeChange({ event_type: 'delete', forward_patch: null, reverse_patch: { id: 'x', title: 'T', content: { a: 1 } } }, { a: 1 }), [
    { kind: 'deleted', path: '/', before: { a: 1 } },
  ])
  t.same(describeChange({ event_type: 'rename', forward_patch: { title: 'B' }, reverse_patch: { title: 'A' } }, {}), [
    { kind: 'renamed', path: 'title', before: 'A', after: 'B' },
  ])
  t.same(
    describeChange({ event_type: 'update', forward_patch: [{ op: 'replace', path: '', value: { z: 1 } }], reverse_patch: [] }, { y: 1 }),
    [{ kind: 'replaced', path: '/', before: { y: 1 }, after: { z: 1 } }],
    'a replaced root',
  )
})

t.test('contentPatch turns one content into another, member by member', async (t) => {
  const cases: Array<[object, object]> = [
    [
      { a: 1, b: { c: 2, d: [1] }, 'x/y~': 1 },
      { a: 1, b: { c: 3, d: [1, 2] }, e: null, 'x/y~': 2 },
    ],
    [{ gone: true }, {}],
    [{}, { nested: { deep: { value: 'v' } } }],
  ]
  for (const [before, after] of cases) {
    const patch = contentPatch(before as never, after as never)
    t.same(applyPatch(before, patch).doc, after, JSON.stringify(patch))
  }
  t.same(contentPatch({ a: 1, b: [1] } as never, { a: 1, b: [1] } as never), [], 'no change, no operation')
  t.same(contentPatch({ a: { b: 1, c: 1 } } as never, { a: { b: 2, c: 1 } } as never), [{ op: 'replace', path: '/a/b', value: 2 }], 'only the changed member')
})
