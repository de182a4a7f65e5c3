/**
 * The transport ceiling for `npm run bench:server`: a bare ws server on the same kind of socket,
 * which answers each frame after JSON.parse with a reply of the real reply's shape and size built
 * with JSON.stringify, and stores, validates and patches nothing. An update is also sent, serialized
 * once, to the connections of every user it was shared with (`share_document`), and the frames a
 * connection is sent while the event loop reads leave in one write, as a group commit's do. No server that does the real work can be faster than this on the same machine with the same
 * clients; the bench prints it next to the real figures. Usage: `node .bench/bench/ceiling-child.js`;
 * prints `{"url": …}` once listening. /metrics answers with the counters the bench reads.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'

let sequence = 0
/** A SHA-256 digest in hex and a UUID, the sizes of the real reply's revision ids and user id. */
const REVISION_DIGEST = 'a'.repeat(64)
const USER_ID = '550e8400-e29b-41d4-a716-446655440000'
/** The connections of each user, and the users each document was shared with. */
const byUser = new Map<string, Set<WebSocket>>()
const readers = new Map<string, Set<string>>()
const corked = new Set<WebSocket>()

/**
 * Sends a frame. Frames sent to one connection before the event loop next checks for I/O leave in
 * one write: the real server answers and broadcasts a whole group commit at once, so its clients
 * read many frames per write, and a ceiling that wrote each frame alone would cost them more.
 */
function send(socket: WebSocket, text: string): void {
  const raw = (socket as unknown as { _socket?: Duplex })._socket
  if (raw && !corked.has(socket)) {
    corked.add(socket)
    raw.cork()
    setImmediate(() => {
      corked.delete(socket)
      raw.uncork()
    })
  }
  socket.send(text)
}

const http = createServer((_req, res) => res.end(`patchsync_updates_total ${sequence}\npatchsync_commit_duration_seconds_count 0\n`))
const wss = new WebSocketServer({ server: http, path: '/ws' })
wss.on('connection', (socket) => {
  let user: string | undefined
  socket.on('close', () => user !== undefined && byUser.get(user)?.delete(socket))
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Record<string, any>
    let reply: Record<string, unknown>
    if (frame.type === 'authenticate') {
      user = frame.user_id as string
      byUser.set(user, (byUser.get(user) ?? new Set()).add(socket))
      reply = { type: 'auth_success', request_id: frame.request_id, user_id: frame.user_id }
    } else if (frame.type === 'create_document') {
      reply = { type: 'document_created', request_id: frame.request_id, document: frame.document }
    } else if (frame.type === 'share_document') {
      readers.set(frame.document_id, (readers.get(frame.document_id) ?? new Set()).add(frame.user_id))
      reply = { type: 'document_shared', request_id: frame.request_id, document_id: frame.document_id, user_id: frame.user_id, role: frame.role }
    } else {
      // The fields eventMessage (core/wire.ts) writes for an update, with values of their size.
      const event = {
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
      }
      let text: string | undefined
      for (const reader of readers.get(frame.patch.document_id) ?? []) {
        for (const connection of byUser.get(reader) ?? []) send(connection, (text ??= JSON.stringify(event)))
      }
      reply = { ...event, request_id: frame.request_id }
    }
    send(socket, JSON.stringify(reply))
  })
})
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws` }) + '\n')
})
process.on('SIGTERM', () => process.exit(0))
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
