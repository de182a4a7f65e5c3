import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import WebSocket from 'ws'
import { clientAddress } from './client-address.js'
import { CLOSE_LOGIN_TIMEOUT } from './connection.js'
import { TEST_DIALECTS } from './test-support/databases.js'
import { startTestServer } from './test-support/servers.js'
import { closeCode, type TestClient } from './test-support/ws-client.js'

/** The HTTP status an upgrade is answered with (101 when the WebSocket opens), from `localAddress`. */
function upgradeStatus(url: string, localAddress = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { localAddress })
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

const login = (client: TestClient, userId: string, token: string) => client.request({ type: 'authenticate', user_id: userId, auth_token: token })

t.test('§10.5 a connection that does not authenticate in time is closed with 1008; one that did stays (issue 10 finding 6)', async (t) => {
  // Long enough for the second connection to log in on a loaded machine, short enough to wait for.
  const h = await startTestServer(t, 'sqlite', { authTimeoutMs: 1500 })
  const idle = await h.connect()
  const user = await h.login()
  t.equal(await closeCode(idle), CLOSE_LOGIN_TIMEOUT, 'the idle connection is closed')
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal((await user.request({ type: 'list_documents' })).type, 'document_list', 'the authenticated one is still served')
})

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: §10.5 failed logins are throttled per user id and per address, before any token is checked (issue 10 finding 6)`, async (t) => {
    const h = await startTestServer(t, dialect, {
      loginLimit: { perUser: { perSecond: 0.01, burst: 3 }, perAddress: { perSecond: 0.01, burst: 5 }, refusalDelayMs: 50 },
    })
    const victim = randomUUID()
    await (await h.login(victim, 'right')).close()
    const guesser = await h.connect()
    for (let i = 0; i < 3; i++) t.equal((await login(guesser, victim, `guess-${i}`)).code, 'auth_failed', `guess ${i} is checked`)
    const guesserClosed = closeCode(guesser)
    const throttled = await login(guesser, victim, 'right')
    t.equal(throttled.code, 'rate_limited', "past the user's failures, even the right token is refused unchecked")
    t.ok((throttled.details as { retry_after_ms: number }).retry_after_ms > 0, 'with a retry time')
    t.equal(await guesserClosed, CLOSE_LOGIN_TIMEOUT, 'and the connection is closed after the answer')

    // The address has 2 failures left: a registration takes none, other users' guesses take them.
    t.equal((await h.login()).socket.readyState, WebSocket.OPEN, 'a fresh user from the address registers')
    const other = randomUUID()
    await (await h.login(other, 'other-token')).close()
    const second = await h.connect()
    for (let i = 0; i < 2; i++) t.equal((await login(second, other, `guess-${i}`)).code, 'auth_failed')
    t.equal((await login(second, other, 'other-token')).code, 'rate_limited', 'the address is throttled across users')
    t.equal((await login(await h.connect(), other, 'other-token')).code, 'rate_limited', 'on a new connection too')
    const elsewhere = await h.connect({ localAddress: '127.0.0.2' })
    t.equal((await login(elsewhere, other, 'other-token')).type, 'auth_success', 'the user logs in from another address (its own failures were 2 of 3)')
  })
}

t.test('§10.5 guesses made at once are throttled as one after another: each takes its token before its check (review of issue 10 finding 6)', async (t) => {
  const h = await startTestServer(t, 'sqlite', { loginLimit: { perUser: { perSecond: 0.01, burst: 3 }, perAddress: { perSecond: 0.01, burst: 100 } } })
  const victim = randomUUID()
  await (await h.login(victim, 'right')).close()
  const guessers = await Promise.all(Array.from({ length: 20 }, () => h.connect()))
  const answers = await Promise.all(guessers.map((guesser, i) => login(guesser, victim, `guess-${i}`)))
  const codes = answers.map((a) => a.code as string)
  t.equal(codes.filter((c) => c === 'auth_failed').length, 3, "only the user's 3 failures allowed were checked")
  t.equal(codes.filter((c) => c === 'rate_limited').length, 17, 'the other 17 were refused unchecked')
})

t.test(
  '§10.5 a request one limit refuses takes nothing from the other: a user over its own limit does not drain its address for others (review of issue 10 finding 7)',
  async (t) => {
    // Each user may make 5 requests, the address 12: the flooder's refused requests must not count.
    const h = await startTestServer(t, 'sqlite', { rateLimit: { perSecond: 0.01, burst: 5 }, addressLimit: { connections: 256, perSecond: 0.01, burst: 12 } })
    const flooder = await h.login()
    const flood = await Promise.all(Array.from({ length: 30 }, () => flooder.request({ type: 'list_documents' })))
    t.ok(flood.filter((reply) => reply.type === 'document_list').length <= 5, 'the flooder is held to its own limit')
    const neighbour = await h.login()
    const served = await Promise.all(Array.from({ length: 4 }, () => neighbour.request({ type: 'list_documents' })))
    t.same(
      served.map((reply) => reply.type),
      Array(4).fill('document_list'),
      'another user at the same address is served in full',
    )
  },
)

t.test('§10.5 an address may open only so many connections (HTTP 429 past them); another address is not counted with it (issue 10 finding 7)', async (t) => {
  const h = await startTestServer(t, 'sqlite', { addressLimit: { connections: 3, perSecond: 0, burst: 1 } })
  const open = [await h.connect(), await h.connect(), await h.connect()]
  t.equal(await upgradeStatus(h.url), 429, 'the fourth from 127.0.0.1 is refused')
  t.equal(await upgradeStatus(h.url, '127.0.0.2'), 101, 'one from 127.0.0.2 is accepted')
  await open[0]!.close()
  let status = 0
  for (let i = 0; i < 100 && status !== 101; i++) {
    status = await upgradeStatus(h.url)
    if (status !== 101) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  t.equal(status, 101, 'once one closes, the address may open another')
})

t.test('§10.5 requests are limited per address too, so fresh user ids do not bypass the per-user limit (issue 10 finding 7)', async (t) => {
  const h = await startTestServer(t, 'sqlite', { rateLimit: { perSecond: 1000, burst: 1000 }, addressLimit: { connections: 0, perSecond: 1, burst: 20 } })
  const users = await Promise.all(Array.from({ length: 5 }, () => h.login()))
  const replies = await Promise.all(users.flatMap((u) => Array.from({ length: 10 }, () => u.request({ type: 'list_documents' }))))
  const accepted = replies.filter((r) => r.type === 'document_list').length
  // 20 at once, 5 of them spent on the logins, plus what refills while the test runs.
  t.ok(accepted >= 10 && accepted <= 20, `${accepted} of 50 requests from 5 fresh users of one address accepted`)
  t.ok(
    replies.filter((r) => r.code === 'rate_limited').every((r) => (r.details as { retry_after_ms: number }).retry_after_ms > 0),
    'the rest are rate_limited with a retry time',
  )
})

t.test('§10.5 X-Forwarded-For counts only from a trusted proxy (issue 10 finding 7)', async (t) => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage
  const none = new Set<string>()
  const proxies = new Set(['10.0.0.1', '10.0.0.2'])
  t.equal(clientAddress(request('203.0.113.9', '1.2.3.4'), none), '203.0.113.9', 'a client cannot name its own address')
  t.equal(clientAddress(request('::ffff:203.0.113.9'), none), '203.0.113.9', 'an IPv4-mapped address is written plainly')
  t.equal(clientAddress(request('10.0.0.1', '1.2.3.4, 198.51.100.7'), proxies), '198.51.100.7', "a trusted proxy's last entry is the client")
  t.equal(clientAddress(request('10.0.0.1', '198.51.100.7, 10.0.0.2'), proxies), '198.51.100.7', 'past a chain of trusted proxies')
  t.equal(clientAddress(request('10.0.0.1'), proxies), '10.0.0.1', 'a proxy that forwards for no one is itself')
  t.equal(clientAddress(request('203.0.113.9', '1.2.3.4'), proxies), '203.0.113.9', "an untrusted peer's header is ignored even when proxies are configured")
})
