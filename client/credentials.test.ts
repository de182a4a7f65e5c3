import t from 'tap'
import { SignJWT, generateKeyPair, jwtVerify } from 'jose'
import { randomUUID } from 'node:crypto'
import { PatchsyncError, userIdFromSubject } from '../core/index.js'
import { startTestServer } from '../server/test-support/servers.js'
import { openTestClient } from './test-support/harness.js'

t.test('a client whose JWT expires is cut off by the server (§1.5) and stops with auth_failed, its edits kept', async (t) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256')
  let now = Date.now()
  const server = await startTestServer(t, 'sqlite', {
    authenticate: async ({ token }) =>
      userIdFromSubject((await jwtVerify(token, publicKey, { audience: 'patchsync', requiredClaims: ['sub'], currentDate: new Date(now) })).payload.sub!),
  })
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('alice')
    .setAudience('patchsync')
    .setExpirationTime(Math.floor(now / 1000) + 600)
    .sign(privateKey)
  const client = await openTestClient(t, server.url, { userId: userIdFromSubject('alice'), authToken: token })
  client.connect()
  await client.whenSynced(5000)
  const doc = await client.create({ title: 'Notes', content: { n: 1 } })
  await client.whenSynced(5000)
  t.equal((await server.store.getDocument(doc.id))?.ownerId, userIdFromSubject('alice'), 'online with the JWT')

  now += 3600_000
  const stopped = new Promise<void>((resolve) => client.on('status_changed', (status) => status.error && resolve()))
  t.equal(await server.reauthenticate(), 1, 'an hour later the token has expired')
  await stopped
  t.match(client.status(), { online: false, error: { code: 'auth_failed' } }, 'the client reconnected, was refused, and stopped trying')
  await client.update(doc.id, [{ op: 'replace', path: '/n', value: 2 }])
  t.match(client.status(), { pending: 1 }, 'it still works offline: the edit waits for a new token')
})

t.test('a token provider is asked on every attempt: after its JWT expires the client reconnects with a fresh one and pushes what waited', async (t) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256')
  let now = Date.now()
  const server = await startTestServer(t, 'sqlite', {
    authenticate: async ({ token }) =>
      userIdFromSubject((await jwtVerify(token, publicKey, { audience: 'patchsync', requiredClaims: ['sub'], currentDate: new Date(now) })).payload.sub!),
  })
  let issued = 0
  const freshToken = () => {
    issued++
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('bob')
      .setAudience('patchsync')
      .setExpirationTime(Math.floor(now / 1000) + 600)
      .sign(privateKey)
  }
  const client = await openTestClient(t, server.url, { userId: userIdFromSubject('bob'), authToken: freshToken })
  client.connect()
  await client.whenSynced(5000)
  t.equal(issued, 1, 'one token for the first connection')
  const doc = await client.create({ title: 'Notes', content: { n: 1 } })
  await client.whenSynced(5000)

  now += 3600_000
  const dropped = new Promise<void>((resolve) => client.on('connection_lost', () => resolve()))
  t.equal(await server.reauthenticate(), 1, 'an hour later the first token has expired and the server cuts the connection off')
  await dropped
  await client.update(doc.id, [{ op: 'replace', path: '/n', value: 2 }])
  await client.whenSynced(5000)
  t.ok(issued >= 2, `the provider was asked again when reconnecting (${issued} tokens)`)
  t.same(client.status().error, null, 'the client did not stop')
  t.same((await server.store.getDocument(doc.id))?.content, { n: 2 }, 'the edit made while cut off reached the server')
})

t.test('a provider that refuses with auth_failed stops the client; any other failure is retried', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  let calls = 0
  const flaky = await openTestClient(t, server.url, {
    authToken: () => {
      calls++
      if (calls < 3) throw new Error('the token endpoint is down')
      return `token-${flaky.options.userId}`
    },
  })
  flaky.connect()
  await flaky.whenSynced(5000)
  t.equal(calls, 3, 'two failures of the provider were retried with backoff')

  const refused = await openTestClient(t, server.url, {
    authToken: () => {
      throw new PatchsyncError('auth_failed', 'signed out')
    },
  })
  refused.connect()
  await t.rejects(refused.whenSynced(5000), { code: 'auth_failed', message: 'signed out' }, "whenSynced rejects at once with the provider's refusal")
})

t.test('a handshake refused with 401 stops the client at once (§1.6); a 503 is retried', async (t) => {
  let upgrades = 0
  let unavailable = 2
  const alice = userIdFromSubject('alice')
  const server = await startTestServer(t, 'sqlite', {
    verifyUpgrade: (upgrade) => {
      upgrades++
      if (upgrade.query.get('user') !== alice) throw new PatchsyncError('auth_failed', 'no session')
      if (unavailable-- > 0) throw new PatchsyncError('internal_error', 'the session store is down')
      return alice
    },
    authenticate: (attempt) => attempt.verified,
  })
  const stranger = await openTestClient(t, `${server.url}?user=${randomUUID()}`)
  stranger.connect()
  await t.rejects(
    stranger.whenSynced(5000),
    { code: 'auth_failed', message: /HTTP 401/ },
    'a wrong session is auth_failed, not a network failure retried forever',
  )
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.equal(upgrades, 1, 'and no further handshake was attempted (the client backs off from 20 ms)')
  t.match(stranger.status(), { online: false, error: { code: 'auth_failed' } })

  const client = await openTestClient(t, `${server.url}?user=${alice}`, { userId: alice })
  client.connect()
  await client.whenSynced(5000)
  t.equal(upgrades, 4, 'two 503s were retried, then the handshake went through')
})
