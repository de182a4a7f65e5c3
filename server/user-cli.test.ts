import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { createSyncServer } from './sync-server.js'
import { createTestDatabase, TEST_DIALECTS } from './test-support/databases.js'
import { CHEAP_HASH } from './test-support/servers.js'
import { TestClient } from './test-support/ws-client.js'
import { userCommand } from './user-cli.js'

/** `patchsync user …` in this process, with its input and output captured. */
async function user(argv: string[], { stdin = '', env = {} }: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = ''
  let stderr = ''
  const code = await userCommand(argv, { stdin: Readable.from([stdin]), stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env })
  return { code, stdout, stderr }
}

/** A server without auto-registration on a fresh database, and that database's URL for the command. */
async function setup(t: Test, dialect: (typeof TEST_DIALECTS)[number]) {
  const { url, drop } = await createTestDatabase(dialect)
  const server = createSyncServer({ databaseUrl: url, autoRegister: false, hashOptions: CHEAP_HASH, heartbeatMs: 0, rateLimit: { perSecond: 0, burst: 1 } })
  await server.listen(0, '127.0.0.1')
  const clients: TestClient[] = []
  t.teardown(async () => {
    await Promise.all(clients.map((c) => c.close()))
    await server.close()
    await drop()
  })
  const login = async (userId: string, token: string) => {
    const client = await TestClient.connect(server.url)
    clients.push(client)
    return { client, reply: await client.request({ type: 'authenticate', user_id: userId, auth_token: token }) }
  }
  return { url, server, login }
}

t.test('a token from standard input, from PATCHSYNC_TOKEN, from --token, or made up and printed once', async (t) => {
  const { url, login } = await setup(t, 'sqlite')
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  t.same(await user(['add', '--user', a, '--token-stdin', '--database-url', url], { stdin: 'from-stdin\n' }), {
    code: 0,
    stdout: `added user ${a}\n`,
    stderr: '',
  })
  t.equal(
    (await user(['add', '--user', b], { env: { DATABASE_URL: url, PATCHSYNC_TOKEN: 'from-env' } })).code,
    0,
    'DATABASE_URL and PATCHSYNC_TOKEN from the environment',
  )
  t.equal(
    (await user(['add', '--user', c, '--token', 'from-flag', '--database-url', url], { env: { PATCHSYNC_TOKEN: 'loses' } })).code,
    0,
    'a flag wins over the variable',
  )
  const generated = await user(['add', '--user', d, '--database-url', url])
  const [, token] = /^token: (\S+)$/m.exec(generated.stdout) ?? []
  t.ok(token && token.length >= 32, 'a made-up token is printed')
  for (const [id, good] of [
    [a, 'from-stdin'],
    [b, 'from-env'],
    [c, 'from-flag'],
    [d, token!],
  ] as const) {
    t.equal((await login(id, good)).reply.type, 'auth_success', `${good}: that token lets the user in`)
  }
  t.equal((await login(c, 'loses')).reply.code, 'auth_failed')
})

t.test('the token on standard input of the real command, never in its arguments', async (t) => {
  const { url, login } = await setup(t, 'sqlite')
  const id = randomUUID()
  const bin = fileURLToPath(new URL('../bin/patchsync.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import=tsx', bin, 'user', 'add', '--user', id, '--token-stdin', '--database-url', url], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  child.stdin.end('piped-secret\n')
  const code = await new Promise((resolve) => child.once('exit', resolve))
  t.equal(code, 0, output)
  t.equal((await login(id, 'piped-secret')).reply.type, 'auth_success')
})

t.test('mistakes exit 2 before the database is opened; refusals exit 1', async (t) => {
  const { url } = await setup(t, 'sqlite')
  const id = randomUUID()
  t.equal((await user(['add', '--user', id, '--token', 'x', '--database-url', url])).code, 0)
  const cases: Array<[string[], { stdin?: string; env?: NodeJS.ProcessEnv }, number, RegExp]> = [
    [['add', '--user', id, '--token', 'y', '--database-url', url], {}, 1, /user_exists: user .* already exists/],
    [['add', '--user', 'not-a-uuid', '--token', 'x', '--database-url', url], {}, 2, /--user must be a UUID/],
    [['add', '--token', 'x', '--database-url', url], {}, 2, /add needs --user <uuid>/],
    [['add', '--user', id, '--token', 'x', '--token-stdin', '--database-url', url], {}, 2, /give the token one way/],
    [['add', '--user', randomUUID(), '--token-stdin', '--database-url', url], { stdin: '\n' }, 2, /the token must be one non-empty line/],
    [['add', '--user', id, '--token', 'x', '--database-url', 'mysql://x'], {}, 2, /invalid --database-url/],
    [['rotate-token', '--user', randomUUID(), '--token', 'x', '--database-url', url], {}, 1, /no user/],
    [['remove', '--user', randomUUID(), '--database-url', url], {}, 1, /no user/],
    [['remove', '--user', id, '--token', 'x', '--database-url', url], {}, 2, /remove takes no token/],
    [['frobnicate'], {}, 2, /unknown action "frobnicate"/],
    [[], {}, 2, /which action\?/],
    [['list', '--bogus'], {}, 2, /Unknown option '--bogus'/],
  ]
  for (const [argv, io, code, message] of cases) {
    const result = await user(argv, io)
    t.equal(result.code, code, argv.join(' '))
    t.match(result.stderr, message, argv.join(' '))
    t.equal(result.stdout, '', `${argv.join(' ')}: nothing on stdout`)
  }
})

t.test('rotate-token: the old token stops working at the next authentication, the new one works', async (t) => {
  const { url, server, login } = await setup(t, 'sqlite')
  const id = randomUUID()
  await user(['add', '--user', id, '--token', 'old', '--database-url', url])
  const before = await login(id, 'old')
  t.equal(before.reply.type, 'auth_success')
  t.same(await user(['rotate-token', '--user', id, '--token-stdin', '--database-url', url], { stdin: 'new' }), {
    code: 0,
    stdout: `new token for user ${id}; the old one no longer authenticates\n`,
    stderr: '',
  })
  t.equal((await login(id, 'old')).reply.code, 'auth_failed', 'the old token')
  t.equal((await login(id, 'new')).reply.type, 'auth_success', 'the new token')
  t.equal(
    (await before.client.request({ type: 'list_documents' })).type,
    'document_list',
    'a connection authenticated before keeps its session until the server checks again',
  )
  t.equal(await server.reauthenticate(), 1, 'which cuts it off (the new one stays)')
})

for (const dialect of TEST_DIALECTS) {
  t.test(`${dialect}: remove keeps the user's documents for their grantees, revokes its grants, and shuts its token out`, async (t) => {
    const { url, server, login } = await setup(t, dialect)
    const [alice, bob] = [randomUUID(), randomUUID()]
    await user(['add', '--user', alice, '--token', 'a', '--database-url', url])
    await user(['add', '--user', bob, '--token', 'b', '--database-url', url])
    const { client: a } = await login(alice, 'a')
    const { client: b } = await login(bob, 'b')
    const [owned, shared] = [randomUUID(), randomUUID()]
    await a.request({ type: 'create_document', document: { id: owned, title: "Alice's", content: {} } })
    await a.request({ type: 'share_document', document_id: owned, user_id: bob, role: 'write' })
    await b.request({ type: 'create_document', document: { id: shared, title: "Bob's", content: {} } })
    await b.request({ type: 'share_document', document_id: shared, user_id: alice, role: 'read' })
    t.match((await user(['list', '--database-url', url])).stdout, new RegExp(`^${alice}  added \\S+  owns 1 document\\(s\\)$`, 'm'))

    const removed = await user(['remove', '--user', alice, '--database-url', url])
    t.same(removed, {
      code: 0,
      stdout: `removed user ${alice}: its token no longer authenticates; 1 grant(s) it held revoked; 1 document(s) it owns kept, with their grantees\n`,
      stderr: '',
    })
    t.equal((await login(alice, 'a')).reply.code, 'auth_failed', 'the token no longer authenticates')
    t.notMatch((await user(['list', '--database-url', url])).stdout, alice, 'list no longer shows the user')
    t.same([...(await server.store.grants(shared)).keys()], [], 'the grant the user held is revoked')
    t.equal((await server.store.getDocument(owned))?.ownerId, alice, 'the owned document is kept, still under its owner')
    t.equal(
      (await b.request({ type: 'update_document', patch: { document_id: owned, patch: [{ op: 'add', path: '/by', value: 'bob' }] } })).type,
      'document_updated',
      "the grantee still writes to the removed user's document",
    )
    // The command cannot reach the server: a connection opened before the removal keeps its session
    // until the server checks credentials again (every reauthenticateMs, on SIGHUP, or when asked).
    t.equal(
      (await a.request({ type: 'get_document', document_id: owned })).type,
      'document',
      'a connection authenticated before keeps its session until the server checks again',
    )
    const closed = new Promise<number>((resolve) => a.socket.once('close', (code) => resolve(code)))
    t.equal(await server.reauthenticate(), 1, "then the removed user's connection is cut off, and only it")
    t.equal(await closed, 1008)
    t.equal((await b.request({ type: 'list_documents' })).type, 'document_list')
  })
}
