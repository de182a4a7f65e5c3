import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { GetDocumentAtMessage } from '../../generated/types.js'
import { createTestStore, TEST_DIALECTS } from '../test-support/databases.js'
import { WritePath } from '../write-path/write-path.js'
import type { HandlerContext } from './context.js'
import { getDocumentAt } from './get-document-at.js'

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: a change committed while get_document_at reads is not walked back from a head that never held it`, async (t) => {
    const store = await createTestStore(t, dialect)
    const writes = new WritePath(store)
    const user = randomUUID()
    const id = randomUUID()
    await writes.submit(user, null, { kind: 'create', id, title: 'List', content: { list: [] } })
    let target = 0
    for (const value of ['a', 'b', 'c']) {
      target = (await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/-', value }] })).events[0]!.sequence
    }
    // The handler reads the head first; another request commits between that read and the next.
    const count = store.countDocumentEvents.bind(store)
    let interleave = true
    store.countDocumentEvents = async (documentId, after) => {
      if (interleave) {
        interleave = false
        await writes.submit(user, null, { kind: 'update', documentId: id, patch: [{ op: 'add', path: '/list/0', value: 'Z' }] })
      }
      return count(documentId, after)
    }
    const message: GetDocumentAtMessage = { type: 'get_document_at', document_id: id, sequence: target }
    const reply = await getDocumentAt.run({ store, userId: user } as unknown as HandlerContext, message)
    t.same((reply as { document: { content: unknown } | null }).document?.content, { list: ['a', 'b', 'c'] }, 'the document as it was at the target')
    t.notOk(interleave, 'the other change did commit during the read')
  })
}
