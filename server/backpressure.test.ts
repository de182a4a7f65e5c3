import t from 'tap'
import { randomUUID } from 'node:crypto'
import { silentLog } from './activity-log.js'
import { CLOSE_BACKLOG } from './connection.js'
import { TEST_DIALECTS } from './test-support/databases.js'
import { metric, startTestServer } from './test-support/servers.js'
import { closeCode, type TestClient } from './test-support/ws-client.js'
import { eventually } from './test-support/eventually.js'

const KIB = 1024
const MIB = 1024 * KIB

/** Creates a document holding `bytes` of text and resolves with its id. */
async function bigDocument(client: TestClient, bytes: number): Promise<string> {
  const id = randomUUID()
  const reply = await client.request({ type: 'create_document', document: { id, title: 'big', content: { text: 'x'.repeat(bytes) } } })
  if (reply.type !== 'document_created') throw new Error(JSON.stringify(reply))
  return id
}

const unsent = (server: Parameters<typeof metric>[0]) => metric(server, 'patchsync_send_buffer_bytes')

for (const dialect of TEST_DIALECTS) {
  t.test(
    `${dialect}: §10.4 a client that pipelines large reads and reads no reply is held at the high-water mark, and another connection is answered meanwhile (issue 10 finding 5)`,
    async (t) => {
      const highWaterBytes = 1 * MIB
      const h = await startTestServer(t, dialect, { sendBuffer: { highWaterBytes, limitBytes: 4 * MIB } })
      const owner = await h.login()
      const documentSize = 512 * KIB
      const id = await bigDocument(owner, documentSize)
      const hog = await h.login(owner.userId)
      hog.socket.pause()
      // 60 replies of half a MiB: 30 MiB, well past what the loopback's socket buffers absorb.
      const requests = 60
      for (let i = 0; i < requests; i++) hog.send({ type: 'get_document', document_id: id, request_id: `read-${i}` })

      let peak = 0
      const stalled = await eventually(async () => {
        peak = Math.max(peak, await unsent(h))
        return peak > highWaterBytes
      }, 20_000)
      t.ok(stalled, 'the server wrote until the unsent replies passed the high-water mark')
      const honest = await h.login(owner.userId)
      const read = honest.request({ type: 'get_document', document_id: id }, 20_000)
      // Sample while the honest read is answered and a little after, when a server without the bound keeps writing.
      const sampling = eventually(async () => {
        peak = Math.max(peak, await unsent(h))
        return false
      }, 1000)
      t.equal((await read).type, 'document', 'another connection of the same user is answered while the hog does not read')
      await sampling
      t.ok(peak <= highWaterBytes + 2 * documentSize, `unsent bytes stayed within the high-water mark and one reply (peak ${peak} bytes)`)

      hog.socket.resume()
      const replies = await Promise.all(Array.from({ length: requests }, (_, i) => hog.next((f) => f.request_id === `read-${i}`, 30_000)))
      t.ok(
        replies.every((r) => r.type === 'document'),
        'once it reads, every request is answered: none was dropped',
      )
    },
  )
}

t.test(
  '§10.4 a subscriber that stops reading broadcasts is closed with 4001 once its unsent bytes pass the limit; the writer is not held up (issue 10 finding 5)',
  async (t) => {
    const overflows: string[] = []
    const log = { ...silentLog, info: (message: string) => void overflows.push(message) }
    const h = await startTestServer(t, 'sqlite', { log, sendBuffer: { highWaterBytes: 256 * KIB, limitBytes: 1 * MIB } })
    const writer = await h.login()
    const id = await bigDocument(writer, 1)
    const subscriber = await h.login(writer.userId)
    subscriber.socket.pause()
    const closed = closeCode(subscriber, 60_000)
    // Each update is broadcast to the subscriber: 200 × 256 KiB is 50 MiB, far past the loopback's buffers.
    for (let i = 0; i < 200 && overflows.length === 0; i++) {
      const reply = await writer.request(
        { type: 'update_document', patch: { document_id: id, patch: [{ op: 'replace', path: '/text', value: `${i}`.repeat(256 * KIB) }] } },
        20_000,
      )
      if (reply.type !== 'document_updated') throw new Error(`update ${i} failed: ${JSON.stringify(reply)}`)
    }
    t.ok(
      overflows.some((m) => /does not read/.test(m)),
      'the server closed the subscriber and logged why',
    )
    subscriber.socket.resume()
    t.equal(await closed, CLOSE_BACKLOG, 'the close frame says why')
    t.ok(await eventually(async () => (await metric(h, 'patchsync_connections{state="authenticated"}')) === 1, 10_000), 'only the writer is left')
    t.ok((await unsent(h)) < 256 * KIB, 'its backlog was let go')
  },
)

t.test(
  '§10.2 a frame up to twice the limit is frame_too_large and the connection stays; a larger one is cut off with 1009 at its header, unread (issue 10 finding 11)',
  async (t) => {
    const maxPayload = 1024
    const h = await startTestServer(t, 'sqlite', { maxPayload })
    const client = await h.login()
    const padded = (bytes: number) => {
      const frame = JSON.stringify({ type: 'list_documents', request_id: 'big', pad: '' })
      return frame.replace('"pad":""', `"pad":"${'x'.repeat(bytes - frame.length)}"`)
    }
    client.send(padded(2 * maxPayload))
    t.equal((await client.next((f) => f.type === 'error')).code, 'frame_too_large', 'twice the limit is answered')
    t.equal((await client.request({ type: 'list_documents' })).type, 'document_list', 'and the connection stays usable')

    const closed = closeCode(client)
    client.send(padded(2 * maxPayload + 1))
    t.equal(await closed, 1009, 'one byte more closes the connection with 1009')

    // A header announcing 2^40 bytes, masked as a client's must be, and no payload: the server
    // cannot be reading it, so the close proves the cut-off happens at the header.
    const header = await h.login()
    const headerClosed = closeCode(header)
    const raw = (header.socket as unknown as { _socket: import('node:net').Socket })._socket
    const length = Buffer.alloc(8)
    length.writeBigUInt64BE(2n ** 40n)
    raw.write(Buffer.concat([Buffer.from([0x81, 0x80 | 127]), length, Buffer.from([1, 2, 3, 4])]))
    t.equal(await headerClosed, 1009, 'a frame announcing a terabyte is cut off before any of it arrives')
  },
)

t.test('§10.4 what a non-reader queued is not run once it has gone (issue 10 finding 5)', async (t) => {
  const h = await startTestServer(t, 'sqlite', { sendBuffer: { highWaterBytes: 256 * KIB, limitBytes: 1 * MIB } })
  const owner = await h.login()
  const id = await bigDocument(owner, 256 * KIB)
  const hog = await h.login(owner.userId)
  hog.socket.pause()
  const requests = 200
  for (let i = 0; i < requests; i++) hog.send({ type: 'get_document', document_id: id, request_id: `read-${i}` })
  const reads = () => metric(h, 'patchsync_messages_total{type="get_document"}')
  t.ok(await eventually(async () => (await unsent(h)) > 256 * KIB, 20_000), 'the hog is held at the high-water mark')
  hog.socket.terminate()
  t.ok(await eventually(async () => (await metric(h, 'patchsync_connections{state="authenticated"}')) === 1, 10_000), 'the server saw it go')
  // Reads still running when it went may finish; none queued behind them starts.
  const settled = await reads()
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(await reads(), settled, 'no read started after it went')
  t.ok(settled < requests, `${settled} of ${requests} reads ran`)
})
