import t from 'tap'
import { randomUUID } from 'node:crypto'
import { SignJWT, generateKeyPair, jwtVerify, type CryptoKey } from 'jose'
import WebSocket from 'ws'
import { PatchsyncError, userIdFromSubject } from '../core/index.js'
import { jsonLog } from './activity-log.js'
import type { AuthenticationAttempt } from './authentication.js'
import { CLOSE_REVOKED } from './connection.js'
import { TEST_DIALECTS } from './test-support/databases.js'
import { metric, startTestServer } from './test-support/servers.js'
import type { TestClient } from './test-support/ws-client.js'

const ISSUER = 'https://auth.example.com/'
const AUDIENCE = 'patchsync'

const { publicKey, privateKey } = await generateKeyPair('ES256')
const other = await generateKeyPair('ES256')

/** A signed JWT for `subject`, valid for an hour unless told otherwise. */
function jwt(
  subject: string,
  { key = privateKey, audience = AUDIENCE, expires = '1h' }: { key?: CryptoKey; audience?: string; expires?: string | number } = {},
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key)
}

/** The README's hook: a JWT verified with jose, its subject mapped to a user id. `now` lets a test move the clock. */
function jwtHook(now: () => Date = () => new Date()) {
  return async ({ token }: AuthenticationAttempt) => {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['ES256'],
      requiredClaims: ['sub'],
      currentDate: now(),
    })
    return userIdFromSubject(payload.sub!)
  }
}

/** Log lines at warn and above, parsed. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = []
  return { lines, log: jsonLog({ level: 'warn', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }) }
}

/** Resolves with the close code and reason once the connection closes. */
function closeOf(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** Opens a WebSocket and says how the server answered the upgrade: `open`, or its HTTP status and body. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<'open' | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => {
      socket.close()
      resolve('open')
    })
    socket.once('unexpected-response', (_, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: an authenticate hook checking real JWTs (jose)`, async (t) => {
    const { lines, log } = capturedLog()
    const server = await startTestServer(t, dialect, { authenticate: jwtHook(), log })
    const alice = userIdFromSubject('alice@example.com')
    const connect = async (userId: string, token: string) => {
      const client = await server.connect()
      return { client, reply: await client.request({ type: 'authenticate', user_id: userId, auth_token: token }) }
    }

    const valid = await connect(alice.toUpperCase(), await jwt('alice@example.com'))
    t.match(valid.reply, { type: 'auth_success', user_id: alice }, 'a valid token: the user its subject maps to')
    const id = randomUUID()
    t.match(await valid.client.request({ type: 'create_document', document: { id, title: 'by JWT', content: {} } }), {
      type: 'document_created',
      user_id: alice,
    })
    t.equal((await server.store.getDocument(id))?.ownerId, alice, 'stored under that user')

    const refusals: Array<[string, string, Promise<string>]> = [
      ['an expired token', alice, jwt('alice@example.com', { expires: Math.floor(Date.now() / 1000) - 60 })],
      ['a token signed with another key', alice, jwt('alice@example.com', { key: other.privateKey })],
      ['a token for another audience', alice, jwt('alice@example.com', { audience: 'someone-else' })],
      ['a token that is no JWT', alice, Promise.resolve('not.a.jwt')],
    ]
    for (const [what, userId, token] of refusals) {
      const { client, reply } = await connect(userId, await token)
      t.match(reply, { type: 'error', code: 'auth_failed', message: 'authentication failed' }, what)
      t.match(await client.request({ type: 'list_documents' }), { type: 'error', code: 'unauthenticated' }, `${what}: the connection stays unauthenticated`)
    }
    const causes = lines.filter((l) => l.code === 'auth_failed').map((l) => l.msg)
    t.match(
      causes,
      [/"exp" claim timestamp check failed/, /signature verification failed/, /unexpected "aud" claim value/, /JWSInvalid/],
      'the log says why; the client is not told',
    )

    const mallory = userIdFromSubject('mallory@example.com')
    const stolen = await connect(mallory, await jwt('alice@example.com'))
    t.match(
      stolen.reply,
      { type: 'error', code: 'auth_failed', message: `these credentials are for user ${alice}, not ${mallory}` },
      'a valid token for another user than the one claimed',
    )

    t.same(await server.store.listUsers(), [], 'the built-in token table is not used: nobody was registered')
    t.equal(await metric(server, 'patchsync_logins_failed_total'), 5, 'every refusal counted as a failed login')
  })

  t.test(`${dialect}: connections already in are checked again: an expired JWT, a removed or re-keyed user is cut off (§1.5)`, async (t) => {
    let now = Date.now()
    const hooked = await startTestServer(t, dialect, { authenticate: jwtHook(() => new Date(now)) })
    const alice = userIdFromSubject('alice')
    const bob = userIdFromSubject('bob')
    const a = await hooked.login(alice, await jwt('alice', { expires: Math.floor(now / 1000) + 600 }))
    const b = await hooked.login(bob, await jwt('bob', { expires: Math.floor(now / 1000) + 7200 }))
    t.equal(await hooked.reauthenticate(), 0, 'every token still valid: nobody is cut off')
    now += 3600_000
    const closed = closeOf(a)
    t.equal(await hooked.reauthenticate(), 1, "an hour later alice's token has expired")
    t.match(await a.next('error'), { type: 'error', code: 'auth_failed', message: 'authentication failed' }, 'the client is told why, without request_id')
    t.same(await closed, { code: CLOSE_REVOKED, reason: 'credentials no longer valid' }, 'and the connection is closed (1008)')
    t.match(await b.request({ type: 'list_documents' }), { type: 'document_list' }, "bob's connection is untouched")

    const table = await startTestServer(t, dialect, { autoRegister: false })
    const [carol, dave] = [randomUUID(), randomUUID()]
    const { hashToken } = await import('./auth.js')
    for (const user of [carol, dave]) await table.store.createUser(user, await hashToken(`token-${user}`, { memoryCost: 1024, timeCost: 1 }))
    const c1 = await table.login(carol)
    const c2 = await table.login(carol)
    const d = await table.login(dave)
    const doc = randomUUID()
    await d.request({ type: 'create_document', document: { id: doc, title: "Dave's", content: {} } })
    await d.request({ type: 'share_document', document_id: doc, user_id: carol, role: 'write' })
    await c1.next('document_shared')
    await c2.next('document_shared')
    t.equal(await table.reauthenticate(), 0, 'nobody was removed')
    await table.store.removeUser(carol)
    const closes = [closeOf(c1), closeOf(c2)]
    t.equal(await table.reauthenticate(carol.toUpperCase()), 2, "a removed user's connections are cut off, all of them")
    t.same(
      (await Promise.all(closes)).map((c) => c.code),
      [CLOSE_REVOKED, CLOSE_REVOKED],
    )
    t.match(await c1.next('error'), { code: 'auth_failed', message: 'the user was removed or given a new token' })
    t.match(await table.login(carol).catch((error: Error) => error.message), /auth_failed/, 'and the user cannot come back in')

    await table.store.setTokenHash(dave, await hashToken('new', { memoryCost: 1024, timeCost: 1 }))
    const rekeyed = closeOf(d)
    t.equal(await table.reauthenticate(), 1, 'a user given a new token is cut off too')
    t.equal((await rekeyed).code, CLOSE_REVOKED)
  })

  t.test(`${dialect}: with reauthenticateMs the server checks by itself`, async (t) => {
    const server = await startTestServer(t, dialect, { autoRegister: true, reauthenticateMs: 50 })
    const a = await server.login()
    const closed = closeOf(a)
    await server.store.removeUser(a.userId)
    t.equal((await closed).code, CLOSE_REVOKED, 'the removed user is cut off within an interval')
  })
}

t.test('refusing at the HTTP upgrade: 401 and no WebSocket; what verifyUpgrade returns reaches authenticate', async (t) => {
  const sessions = new Map([['s3cret', userIdFromSubject('alice')]])
  const seen: Array<AuthenticationAttempt<string>> = []
  const { lines, log } = capturedLog()
  const server = await startTestServer(t, 'sqlite', {
    log,
    verifyUpgrade: (upgrade) => {
      const userId = sessions.get(upgrade.cookies.session ?? '')
      if (upgrade.query.get('outage') === '1') throw new PatchsyncError('internal_error', 'the session store is down')
      if (!userId) throw new PatchsyncError('auth_failed', 'no valid session cookie')
      return userId
    },
    authenticate: (attempt) => {
      seen.push(attempt)
      return attempt.verified
    },
  })
  t.same(await upgrade(server.url), { status: 401, body: 'no valid session cookie\n' }, 'no cookie: 401 with the refusal in words')
  t.same(await upgrade(server.url, { cookie: 'session=guess' }), { status: 401, body: 'no valid session cookie\n' }, 'an unknown session: 401')
  t.same(
    await upgrade(`${server.url}?outage=1`, { cookie: 'session=s3cret' }),
    { status: 503, body: 'the session store is down\n' },
    'a retryable failure: 503',
  )
  t.equal(await metric(server, 'patchsync_connections{state="unauthenticated"}'), 0, 'no connection was ever made')
  t.equal(await metric(server, 'patchsync_logins_failed_total'), 2, 'the two refusals count as failed logins')
  t.match(
    lines.filter((l) => l.code === 'auth_failed').map((l) => l.msg),
    ['upgrade refused: no valid session cookie', 'upgrade refused: no valid session cookie'],
  )

  const client = await server.connect({ headers: { cookie: 'theme=dark; session=s3cret', 'x-app': 'notes' } })
  const alice = userIdFromSubject('alice')
  t.match(await client.request({ type: 'authenticate', user_id: alice, auth_token: 'cookie' }), { type: 'auth_success', user_id: alice })
  t.match(
    seen[0],
    {
      userId: alice,
      token: 'cookie',
      verified: alice,
      again: false,
      upgrade: { path: '/ws', cookies: { theme: 'dark', session: 's3cret' }, headers: { 'x-app': 'notes' }, address: '127.0.0.1' },
    },
    'the hook sees the upgrade request and the session verifyUpgrade found',
  )
})

t.test('a hook that fails: its answer is no UUID, or its service is down', async (t) => {
  const { lines, log } = capturedLog()
  let answer: () => string = () => 'alice'
  const server = await startTestServer(t, 'sqlite', { log, authenticate: () => answer() })
  const userId = randomUUID()
  const client = await server.connect()
  t.match(
    await client.request({ type: 'authenticate', user_id: userId, auth_token: 'x' }),
    { type: 'error', code: 'internal_error' },
    "a user id that is no UUID is the server's fault, not the client's",
  )
  t.ok(
    lines.some((l) => l.level === 'error' && /not a UUID \(§2\.7\).*userIdFromSubject/.test(String(l.msg)) && l.answer === 'alice'),
    'the log tells the operator what to do',
  )
  answer = () => {
    throw new PatchsyncError('internal_error', 'the identity provider is down')
  }
  t.match(
    await client.request({ type: 'authenticate', user_id: userId, auth_token: 'x' }),
    { type: 'error', code: 'internal_error', message: 'the identity provider is down' },
    'a retryable refusal: the client tries again later',
  )
  answer = () => userId
  t.match(
    await client.request({ type: 'authenticate', user_id: userId, auth_token: 'x' }),
    { type: 'auth_success' },
    'the same connection authenticates once the hook agrees',
  )
  answer = () => {
    throw new PatchsyncError('internal_error', 'the identity provider is down')
  }
  t.equal(await server.reauthenticate(), 0, 'a connection already in keeps its session while the hook cannot tell')
  answer = () => {
    throw new PatchsyncError('auth_failed', 'account disabled')
  }
  const closed = closeOf(client)
  t.equal(await server.reauthenticate(userId), 1)
  t.match(await client.next('error'), { code: 'auth_failed', message: 'account disabled' }, "a refusal's own message reaches the client")
  t.equal((await closed).code, CLOSE_REVOKED)
})

t.test('an authenticate hook replaces the token table: autoRegister: true with it is a mistake', async (t) => {
  const { createSyncServer } = await import('./sync-server.js')
  t.throws(
    () => createSyncServer({ databaseUrl: 'sqlite::memory:', authenticate: () => randomUUID(), autoRegister: true }),
    /an authenticate hook replaces that table/,
  )
})
