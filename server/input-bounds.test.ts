import t from 'tap'
import { randomUUID } from 'node:crypto'
import { errorInfo, type ErrorCode } from '../generated/errors.js'
import { TEST_DIALECTS } from './test-support/databases.js'
import { startTestServer } from './test-support/servers.js'
import { TestClient } from './test-support/ws-client.js'

/**
 * Issue 10, finding 9: input the schema accepted but the server could not handle was answered with
 * `internal_error`, which the registry marks retryable, so a client retried it forever: sequences
 * of 2^63 or 1e300 (PostgreSQL's bigint overflowed) and a create 10,000 levels deep (the write path
 * overflowed the stack copying it). Such input is now refused at the edge, with a code a client
 * does not retry (§2.8, §10.1).
 */

/** `{"a":{"a":…{}}}` with `depth` levels, the outer object being 1 (§10.1). */
function nested(depth: number): string {
  return '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
}

/** Sends raw frame text (numbers JSON.stringify cannot write as given) and returns the reply. */
function ask(client: TestClient, frame: string, requestId: string) {
  const reply = client.next((f) => f.request_id === requestId, 10_000)
  client.send(frame)
  return reply
}

for (const dialect of TEST_DIALECTS) {
  t.test(dialect, async (t) => {
    const server = await startTestServer(t, dialect)
    const client = await server.login()
    const created = await client.request({ type: 'create_document', document: { id: randomUUID(), title: 't', content: {} } })
    t.equal(created.type, 'document_created')
    const documentId = (created.document as { id: string }).id

    const refusedNotRetried = async (frame: string, code: ErrorCode, what: string) => {
      const requestId = randomUUID()
      const reply = await ask(client, frame.replace('"type"', `"request_id":"${requestId}","type"`), requestId)
      t.match(reply, { type: 'error', code }, what)
      t.equal(errorInfo(code).retryable, false, `${what}: ${code} is not retryable`)
    }

    t.test('sequences past 2^53-1 are refused by the schema, not retried forever', async (t) => {
      for (const number of ['9223372036854775808', '1e300', '9007199254740992']) {
        await refusedNotRetried(`{"type":"get_changes","since_sequence":${number}}`, 'invalid_message', `get_changes since ${number}`)
        await refusedNotRetried(
          `{"type":"undo_to_sequence","target_sequence":${number},"document_id":"${documentId}"}`,
          'invalid_message',
          `undo_to_sequence to ${number}`,
        )
        await refusedNotRetried(`{"type":"get_document_at","document_id":"${documentId}","sequence":${number}}`, 'invalid_message', `get_document_at ${number}`)
        await refusedNotRetried(
          `{"type":"update_document","patch":{"document_id":"${documentId}","patch":[],"vector_clock":{"a":${number}}}}`,
          'invalid_message',
          `a vector clock counter of ${number}`,
        )
      }
      await refusedNotRetried(
        `{"type":"update_document","patch":{"document_id":"${documentId}","patch":[],"vector_clock":{"__proto__":1}}}`,
        'invalid_message',
        'a vector clock with the actor __proto__ (§5.1; it reached the merge and was internal_error)',
      )
      const largest = await ask(client, '{"type":"get_changes","request_id":"max","since_sequence":9007199254740991}', 'max')
      t.match(largest, { type: 'changes_since', changes: [], has_more: false }, '2^53-1 itself is a sequence')
    })

    t.test('content nested 10,000 deep is refused at the edge and the server carries on', async (t) => {
      const frame = `{"type":"create_document","document":{"id":"${randomUUID()}","title":"deep","content":${nested(10_000)}}}`
      await refusedNotRetried(frame, 'nesting_too_deep', 'a create 10,000 deep')
      await refusedNotRetried(
        `{"type":"update_document","patch":{"document_id":"${documentId}","patch":[{"op":"add","path":"/deep","value":${nested(10_000)}}]}}`,
        'nesting_too_deep',
        'an update adding a value 10,000 deep',
      )
      const listed = await client.request({ type: 'list_documents' })
      t.equal(listed.type, 'document_list', 'the connection still answers')
    })

    t.test("text a backend cannot store is invalid_text at the edge, and fails no other user's writes (issue 10 findings 4 and 10)", async (t) => {
      const victim = await server.login()
      const created = await victim.request({ type: 'create_document', document: { id: randomUUID(), title: 'v', content: { list: [] } } })
      const victimDoc = (created.document as { id: string }).id
      // The victim pipelines 200 writes; the attacker's frames arrive among them. One such frame
      // used to fail 177-199 of the 200 on PostgreSQL (the group commit failed as a whole).
      const writes = Array.from({ length: 200 }, (_, i) => {
        const requestId = `w${i}`
        const reply = victim.next((f) => f.request_id === requestId, 20_000)
        victim.send({
          type: 'update_document',
          request_id: requestId,
          client_op_id: `op-${i}`,
          patch: { document_id: victimDoc, patch: [{ op: 'add', path: '/list/-', value: i }] },
        })
        if (i % 40 === 20) {
          client.send(
            `{"type":"update_document","request_id":"bad-${i}","patch":{"document_id":"${documentId}","patch":[{"op":"add","path":"/v","value":"a\\u0000b"}]}}`,
          )
        }
        return reply
      })
      const bad = [
        ['a value with U+0000', `{"type":"update_document","patch":{"document_id":"${documentId}","patch":[{"op":"add","path":"/v","value":"a\\u0000b"}]}}`],
        [
          'a member name with a lone surrogate',
          `{"type":"update_document","patch":{"document_id":"${documentId}","patch":[{"op":"add","path":"/v","value":{"\\udc00":1}}]}}`,
        ],
        ['a title with a lone surrogate (SQLite stored it as U+FFFD)', `{"type":"rename_document","document_id":"${documentId}","title":"t\\ud800"}`],
        ['a client_op_id with U+0000', `{"type":"create_document","client_op_id":"x\\u0000","document":{"id":"${randomUUID()}","title":"t","content":{}}}`],
      ]
      for (const [what, frame] of bad) await refusedNotRetried(frame!, 'invalid_text', what!)
      const replies = await Promise.all(writes)
      t.equal(replies.filter((r) => r.type === 'document_updated').length, 200, "every one of the victim's 200 writes commits")
      for (let i = 20; i < 200; i += 40) t.match(await client.next((f) => f.request_id === `bad-${i}`, 10_000), { code: 'invalid_text' })
      const after = await client.request({ type: 'get_document', document_id: documentId })
      t.match(after, { type: 'document', document: { title: 't' } }, "the attacker's document is unchanged")
      t.notOk(Object.hasOwn((after.document as { content: object }).content, 'v'))
    })

    t.test('content exactly at the depth limit is created; one level more is not (§10.1)', async (t) => {
      const at = await client.request({ type: 'create_document', document: { id: randomUUID(), title: 'd', content: JSON.parse(nested(64)) } })
      t.equal(at.type, 'document_created', 'depth 64')
      const past = await client.request({ type: 'create_document', document: { id: randomUUID(), title: 'd', content: JSON.parse(nested(65)) } })
      t.match(past, { type: 'error', code: 'nesting_too_deep' }, 'depth 65')
      const root = await client.request({
        type: 'update_document',
        patch: { document_id: documentId, patch: [{ op: 'replace', path: '', value: JSON.parse(nested(64)) }] },
      })
      t.equal(root.type, 'document_updated', 'replacing the root with content of depth 64 passes the edge (the deepest envelope)')
    })
  })
}
