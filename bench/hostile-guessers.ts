/**
 * The guessing attack of `npm run bench:hostile`, in a worker thread so that its 600 sockets do not
 * share an event loop with the honest user being measured. workerData: `{ url, victim, addresses,
 * perAddress }`. Each connection sends `authenticate` with a random token for the victim as soon as
 * its previous attempt is answered, and comes back 100 ms after it is closed. On the message
 * `stop` it closes everything and posts `{ attempts, refusedHandshakes }`.
 */
import { randomUUID } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import WebSocket from 'ws'

const { url, victim, addresses, perAddress } = workerData as { url: string; victim: string; addresses: string[]; perAddress: number }
let running = true
let attempts = 0
let refusedHandshakes = 0
const sockets = new Set<WebSocket>()

function open(localAddress: string): void {
  if (!running) return
  const socket = new WebSocket(url, { localAddress })
  sockets.add(socket)
  const attempt = () => {
    attempts++
    socket.send(JSON.stringify({ type: 'authenticate', user_id: victim, auth_token: randomUUID(), request_id: 'g' }))
  }
  socket.on('open', attempt)
  socket.on('message', () => {
    if (running && socket.readyState === WebSocket.OPEN) attempt()
  })
  socket.on('unexpected-response', (_req, res) => {
    refusedHandshakes++
    res.resume()
    socket.terminate()
  })
  socket.on('error', () => {})
  socket.on('close', () => {
    sockets.delete(socket)
    setTimeout(() => open(localAddress), 100)
  })
}

for (const address of addresses) for (let i = 0; i < perAddress; i++) open(address)

parentPort!.on('message', (message) => {
  if (message !== 'stop') return
  running = false
  for (const socket of sockets) socket.terminate()
  parentPort!.postMessage({ attempts, refusedHandshakes })
})
