import t from 'tap'
import { randomUUID } from 'node:crypto'
import { jsonLog, type LogLevel } from './activity-log.js'
import { startTestServer } from './test-support/servers.js'
import { TestClient } from './test-support/ws-client.js'

type Line = Record<string, unknown> & { level: string; msg: string }

function capture(level?: LogLevel) {
  const lines: Line[] = []
  return { lines, log: jsonLog({ level, write: (line) => lines.push(JSON.parse(line) as Line) }) }
}

t.test('client mistakes are warnings, rate limits debug, only internal errors are errors', async (t) => {
  const { lines, log } = capture()
  const connection = { id: 'c1', userId: 'u1', address: '10.0.0.7' }
  log.refused(connection, 'invalid_message', 'bad frame')
  log.refused(connection, 'rate_limited', 'too many requests')
  log.refused(connection, 'internal_error', 'internal error')
  log.fault('could not deliver changes', { error: 'boom' })
  t.match(lines, [
    { level: 'warn', msg: 'bad frame', code: 'invalid_message', connection: 'c1', user_id: 'u1', address: '10.0.0.7' },
    { level: 'error', msg: 'internal error', code: 'internal_error' },
    { level: 'error', msg: 'could not deliver changes', error: 'boom' },
  ])
  t.equal(lines.length, 3, 'rate_limited is below the default level')
  t.match(lines[0], { time: /^\d{4}-\d\d-\d\dT/ })
})

t.test('a live server: connection lines carry the address, and the user once authenticated', async (t) => {
  const { lines, log } = capture('trace')
  const server = await startTestServer(t, 'sqlite', { log })
  const userId = randomUUID()
  const client = await TestClient.login(server.url, userId)
  client.send('{"type":"get_document","document_id":"not-a-uuid","request_id":"r1"}')
  await client.next('error')
  await client.close()
  await server.close()
  const address = '127.0.0.1'
  t.match(
    lines.find((l) => l.msg === 'connected'),
    { level: 'info', address, connection: String },
  )
  t.match(
    lines.find((l) => l.msg === 'authenticated'),
    { level: 'info', address, user_id: userId },
  )
  t.match(
    lines.find((l) => l.code === 'invalid_message'),
    { level: 'warn', address, user_id: userId },
  )
  t.match(
    lines.find((l) => l.msg === 'received' && l.type === 'authenticate'),
    { level: 'trace', address },
  )
  t.match(
    lines.find((l) => l.msg === 'disconnected'),
    { level: 'info', address, user_id: userId },
  )
  t.same(
    lines.filter((l) => l.level === 'error'),
    [],
    'nothing the client did is an error',
  )
})
