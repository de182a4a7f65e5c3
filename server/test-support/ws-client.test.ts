import t from 'tap'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import type { Teardown } from './teardown.js'
import { TestClient } from './ws-client.js'

/** A bare WebSocket server on loopback that sends each connection `frames`, then nothing more. */
async function sending(t: Teardown, frames: string[]): Promise<string> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  wss.on('connection', (socket) => frames.forEach((frame) => socket.send(frame)))
  await new Promise((resolve) => wss.once('listening', resolve))
  t.teardown(() => new Promise((resolve) => wss.close(resolve)))
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
}

t.test('a frame that follows its schema is received', async (t) => {
  const client = await TestClient.connect(await sending(t, [JSON.stringify({ type: 'document_list', documents: [] })]))
  t.same(await client.next('document_list'), { type: 'document_list', documents: [] })
  await client.close()
})

t.test('a frame that breaks its schema fails the wait for it, every later wait, and the close', async (t) => {
  const client = await TestClient.connect(await sending(t, [JSON.stringify({ type: 'document_list', documents: [], extra: 1 }), 'not json']))
  await t.rejects(client.next('document_list', 1000), /fail their schema/)
  await t.rejects(client.next('anything', 1000), /2 frame\(s\) that fail their schema/)
  await t.rejects(client.close(), /document_list: \(root\) must NOT have additional properties \(extra\)/)
})
