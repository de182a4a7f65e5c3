import t from 'tap'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseClientMessage } from '../core/messages.js'
import { TestClient } from './test-support/ws-client.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Issue 10, finding 1: `update_document` whose path is a run of slashes ending in `~` made the old
 * JSON Pointer pattern backtrack exponentially (28 slashes: 16.6 s, ×2.2 per slash), and frames are
 * validated before authentication, so one unauthenticated frame froze every user. Validation is the
 * same on every backend, so SQLite alone is used. The server runs in a child process (`patchsync
 * serve`, as users run it) so that a server stuck in a regular expression cannot stop this test's
 * own timers: the test fails after its timeout instead of hanging.
 */
const SLASHES = 40
const hostileFrame = (requestId: string) =>
  `{"type":"update_document","request_id":"${requestId}","patch":{"document_id":"${randomUUID()}","patch":[{"op":"add","path":"${'/'.repeat(SLASHES)}~","value":1}]}}`

t.test('a pointer built to backtrack is refused at once and stalls no other connection', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-redos-'))
  const child = spawn(
    process.execPath,
    ['--import=tsx', join(ROOT, 'bin/patchsync.ts'), 'serve', '--host', '127.0.0.1', '--port', '0', '--database-url', `sqlite:${join(dir, 'test.db')}`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  t.teardown(() => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })
  const url = await new Promise<string>((resolve, reject) => {
    let seen = ''
    child.stdout!.on('data', (data) => {
      seen += data
      const found = /listening on (ws:\/\/\S+)/.exec(seen)
      if (found) resolve(found[1]!)
    })
    child.once('exit', (code) => reject(new Error(`patchsync serve exited (${code}) before listening`)))
  })

  const honest = await TestClient.login(url)
  const hostile = await TestClient.connect(url)
  t.teardown(() => Promise.all([honest.close(), hostile.close()]))

  const refused = hostile.next((f) => f.request_id === 'hostile', 5000)
  hostile.send(hostileFrame('hostile'))
  const listed = await honest.request({ type: 'list_documents' }, 5000)
  t.equal(listed.type, 'document_list', 'another connection is answered meanwhile')
  const answer = await refused
  t.match(answer, { type: 'error', code: 'invalid_message', request_id: 'hostile' })

  // Issue 10 asks for this frame to be answered in under 1 ms; a timed assertion would be flaky
  // on a shared machine, so the numbers are printed: the validator alone, and the median loopback
  // round trip of one frame at a time once the connection is warm.
  const trips: number[] = []
  for (let i = 0; i < 50; i++) {
    const started = performance.now()
    const reply = hostile.next((f) => f.request_id === `warm-${i}`, 5000)
    hostile.send(hostileFrame(`warm-${i}`))
    await reply
    trips.push(performance.now() - started)
  }
  trips.sort((a, b) => a - b)
  const frame = JSON.parse(hostileFrame('timed')) as unknown
  const runs = 1000
  const start = performance.now()
  for (let i = 0; i < runs; i++) {
    try {
      parseClientMessage(frame)
    } catch {
      // refused, as the assertion above checks on the wire
    }
  }
  const perFrame = (performance.now() - start) / runs
  t.comment(`${SLASHES} slashes then "~": validated in ${(perFrame * 1000).toFixed(1)} µs; median loopback round trip ${trips[25]!.toFixed(3)} ms`)
})
