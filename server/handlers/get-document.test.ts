import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { GetDocumentMessage } from '../../generated/types.js'
import { createTestStore, TEST_DIALECTS } from '../test-support/databases.js'
import { WritePath } from '../write-path/write-path.js'
import type { HandlerContext } from './context.js'
import { getDocument } from './get-document.js'
import { holdCommits } from '../test-support/hold-commits.js'

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: get_document answers from memory what the store holds, and never a change not committed yet`, async (t) => {
    const store = await createTestStore(t, dialect)
    const writes = new WritePath(store)
    const user = randomUUID()
    const id = randomUUID()
    await writes.submit(user, null, { kind: 'create', id, title: 'T', content: { list: [] } })
    for (const value of ['a', 'b']) await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value }] })
    const read = async (from: WritePath) => {
      const message: GetDocumentMessage = { type: 'get_document', document_id: id, digest: true }
      return getDocument.run({ store, writes: from, userId: user } as unknown as HandlerContext, message)
    }
    const fromStore = await read(new WritePath(store))
    const fromMemory = await read(writes)
    t.same(fromMemory, fromStore, 'the same reply, digest included, whether memory holds the document or not')
    ;(fromMemory as unknown as { document: { content: { list: string[] } } }).document.content.list.push('changed by the reader')
    t.same(writes.heldDocument(id)!.content, { list: ['a', 'b'] }, 'a reply is a copy: memory is not changed through it')
    // A change planned in memory waits to commit.
    const release = holdCommits(store)
    const pending = writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value: 'planned' }] })
    while (writes.heldDocument(id)!.generation === 3) await new Promise((resolve) => setImmediate(resolve))
    t.same(await read(writes), fromStore, 'the planned change is not shown')
    release()
    await pending
    t.same(
      ((await read(writes)) as unknown as { document: { content: unknown } }).document.content,
      { list: ['a', 'b', 'planned'] },
      'once committed, it is shown',
    )
  })
}
