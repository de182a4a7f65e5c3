import t from 'tap'
import { randomUUID } from 'node:crypto'
import { requestDigest } from './replay.js'
import type { Mutation } from './submit-request.js'

t.test('a request digest covers the key members of §4.1 and nothing else', async (t) => {
  const id = randomUUID()
  const other = randomUUID()
  const patch = [{ op: 'replace' as const, path: '/n', value: 1 }]
  const same: Array<[string, Mutation, Mutation]> = [
    [
      'an update with a base revision and a clock added',
      { kind: 'update', documentId: id, patch },
      { kind: 'update', documentId: id, patch, baseRevision: '1-ab', vectorClock: { a: 1 } },
    ],
    [
      'a create whose content lists its members in another order',
      { kind: 'create', id, title: 'T', content: { a: 1, b: 2 } },
      { kind: 'create', id, title: 'T', content: { b: 2, a: 1 } },
    ],
  ]
  for (const [what, a, b] of same) t.equal(requestDigest(a), requestDigest(b), what)
  const different: Array<[string, Mutation, Mutation]> = [
    ['a create with other content', { kind: 'create', id, title: 'T', content: { a: 1 } }, { kind: 'create', id, title: 'T', content: { a: 2 } }],
    ['a create with another title', { kind: 'create', id, title: 'T', content: {} }, { kind: 'create', id, title: 'U', content: {} }],
    ['an update of another document', { kind: 'update', documentId: id, patch }, { kind: 'update', documentId: other, patch }],
    ['a rename of another document', { kind: 'rename', documentId: id, title: 'A' }, { kind: 'rename', documentId: other, title: 'A' }],
    ['a delete of another document', { kind: 'delete', documentId: id }, { kind: 'delete', documentId: other }],
    ['an undo to another sequence', { kind: 'undo', targetSequence: 1, documentId: id }, { kind: 'undo', targetSequence: 2, documentId: id }],
    ['an undo naming a document and one that does not', { kind: 'undo', targetSequence: 1, documentId: id }, { kind: 'undo', targetSequence: 1 }],
    ['a redo naming a document and one that does not', { kind: 'redo', documentId: id }, { kind: 'redo' }],
    ['a delete and a redo of the same document', { kind: 'delete', documentId: id }, { kind: 'redo', documentId: id }],
  ]
  for (const [what, a, b] of different) t.not(requestDigest(a), requestDigest(b), what)
})
