import t from 'tap'
import { SignJWT, generateKeyPair, jwtVerify } from 'jose'
import { userIdFromSubject } from '../core/index.js'
import { startTestServer } from '../server/test-support/servers.js'
import { openTestClient } from './test-support/harness.js'

t.test('a client whose JWT expires is cut off by the server (§1.5) and stops with auth_failed, its edits kept', async (t) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256')
  let now = Date.now()
  const server = await startTestServer(t, 'sqlite', {
    authenticate: async ({ token }) => userIdFromSubject((await jwtVerify(token, publicKey, { audience: 'patchsync', requiredClaims: ['sub'], currentDate: new Date(now) })).payload.sub!),
  })
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setSubject('alice').setAudience('patchsync').setExpirationTime(Math.floor(now / 1000) + 600).sign(privateKey)
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
