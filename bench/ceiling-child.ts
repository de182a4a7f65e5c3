/**
 * The transport ceiling for `npm run bench:server`: a bare ws server on the same kind of socket,
 * which answers each frame after JSON.parse with a reply of the real reply's shape and size built
 * with JSON.stringify, and stores, validates, patches and broadcasts nothing. No server that does
 * the real work can be faster than this on the same machine with the same clients; the bench
 * prints it next to the real figures. Usage: `node .bench/bench/ceiling-child.js`; prints
 * `{"url": …}` once listening. /metrics answers with the counters the bench reads.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'

let sequence = 0
/** A SHA-256 digest in hex and a UUID, the sizes of the real reply's revision ids and user id. */
const REVISION_DIGEST = 'a'.repeat(64)
const USER_ID = '550e8400-e29b-41d4-a716-446655440000'
const http = createServer((_req, res) => res.end(`patchsync_updates_total ${sequence}\npatchsync_commit_milliseconds_count 0\n`))
const wss = new WebSocketServer({ server: http, path: '/ws' })
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Record<string, any>
    const reply =
      frame.type === 'authenticate'
        ? { type: 'auth_success', request_id: frame.request_id, user_id: frame.user_id }
        : frame.type === 'create_document'
          ? { type: 'document_created', request_id: frame.request_id, document: frame.document }
          : {
              // The fields eventMessage (server/wire.ts) writes for an update, with values of their size.
              type: 'document_updated',
              document_id: frame.patch.document_id,
              patch: frame.patch.patch,
              previous_revision_id: `${sequence}-${REVISION_DIGEST}`,
              vector_clock: {},
              conflict: false,
              sequence: ++sequence,
              revision_id: `${sequence}-${REVISION_DIGEST}`,
              user_id: USER_ID,
              client_op_id: frame.client_op_id,
              request_id: frame.request_id,
            }
    socket.send(JSON.stringify(reply))
  })
})
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws` }) + '\n')
})
process.on('SIGTERM', () => process.exit(0))
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
