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
              type: 'document_updated', request_id: frame.request_id, client_op_id: frame.client_op_id, document_id: frame.patch.document_id,
              user_id: frame.user_id, sequence: ++sequence, revision_id: '2-0123456789abcdef0123456789abcdef', patch: frame.patch.patch,
              vector_clock: {}, conflict: false, timestamp: new Date().toISOString(),
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
