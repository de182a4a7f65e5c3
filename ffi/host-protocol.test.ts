import t, { type Test } from 'tap'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { createInterface } from 'node:readline'
import { ERROR_CODES } from '../generated/errors.js'
import Database from 'better-sqlite3'
import { HOSTED_EVENTS, serveHost } from './host-protocol.js'
import { readBoundUserId } from './identity-store.js'
import { MemoryClient } from './test-support/memory-client.js'

type Line = Record<string, unknown>

/** Runs a host over in-memory streams and talks to it the way libpatchsync does. */
function startHost(t: Test) {
  const directory = mkdtempSync(join(tmpdir(), 'patchsync-host-'))
  t.teardown(() => rmSync(directory, { recursive: true, force: true }))
  const input = new PassThrough()
  const output = new PassThrough()
  const clients: MemoryClient[] = []
  const lines: Line[] = []
  const waiters: Array<() => void> = []
  createInterface({ input: output }).on('line', (line) => {
    lines.push(JSON.parse(line) as Line)
    for (const wake of waiters.splice(0)) wake()
  })
  const done = serveHost({
    input,
    output,
    createClient: (options) => {
      const client = new MemoryClient(options)
      clients.push(client)
      return client
    },
  })
  let nextId = 0
  const nextLine = async (match: (line: Line) => boolean): Promise<Line> => {
    for (;;) {
      const index = lines.findIndex(match)
      if (index >= 0) return lines.splice(index, 1)[0]!
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  const call = async (method: string, params: Record<string, unknown> = {}): Promise<Line> => {
    const id = ++nextId
    input.write(`${JSON.stringify({ id, method, params })}\n`)
    return nextLine((line) => line.id === id)
  }
  const event = (name: string): Promise<Line> => nextLine((line) => line.event === name)
  const open = (params: Record<string, unknown> = {}): Promise<Line> =>
    call('open', {
      database_path: 'client.db',
      cwd: directory,
      server_url: 'ws://127.0.0.1:1/ws',
      auth_token: 'secret',
      user_id: 'alice',
      ...params,
    })
  return { input, call, event, open, clients, done, directory }
}

const numberOf = (code: string): number | undefined => ERROR_CODES.find((e) => e.code === code)?.number

t.test('opens a client with the resolved database path and binds the user to it', async (t) => {
  const host = startHost(t)
  t.same(await host.open({ reconnect_min_ms: 10, reconnect_max_ms: 100 }), { id: 1, ok: true, result: null })
  t.equal(host.clients[0]!.options.databasePath, join(host.directory, 'client.db'))
  t.same(host.clients[0]!.options.reconnect, { minMs: 10, maxMs: 100 })
  t.equal(host.clients[0]!.options.userId, 'alice')
  host.input.end()
  await host.done

  const again = startHost(t)
  await again.open({ cwd: host.directory, user_id: null })
  t.equal(again.clients[0]!.options.userId, 'alice', 'an open without user id reuses the bound one')
  again.input.end()
  await again.done
})

t.test('refuses a database bound to another user, or one holding data of an unknown user', async (t) => {
  const host = startHost(t)
  await host.open()
  host.input.end()
  await host.done

  const other = startHost(t)
  const refused = await other.open({ cwd: host.directory, user_id: 'mallory' })
  t.match(refused, { ok: false, code: 'invalid_argument', number: numberOf('invalid_argument'), message: /another user/ })
  const written = new Database(join(other.directory, 'written.db'))
  written.exec('CREATE TABLE outbox (id INTEGER PRIMARY KEY)')
  written.close()
  t.same(await other.open({ database_path: 'written.db', user_id: null }), {
    id: 2,
    ok: false,
    code: 'invalid_argument',
    number: numberOf('invalid_argument'),
    message: `${join(other.directory, 'written.db')} holds a client's data but no user id; open it with sync_engine_create_ex and its user_id`,
  })
  t.equal(other.clients.length, 0, 'no client was created')
})

t.test('opens a new database without a user id under a new user, and that user thereafter', async (t) => {
  const host = startHost(t)
  t.match(await host.open({ database_path: 'new.db', user_id: null }), { ok: true })
  const chosen = host.clients[0]!.options.userId
  t.match(chosen, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a random UUID')
  host.input.end()
  await host.done

  const again = startHost(t)
  await again.open({ cwd: host.directory, database_path: 'new.db', user_id: null })
  t.equal(again.clients[0]!.options.userId, chosen, 'the same user when opened again')
  again.input.end()
  await again.done
  t.equal(readBoundUserId(join(host.directory, 'new.db')), chosen, 'bound in the database')
})

t.test('creates, updates, reads, lists, counts and deletes documents', async (t) => {
  const host = startHost(t)
  await host.open()
  const created = await host.call('create', {
    document_json: JSON.stringify({ id: 'doc-1', title: 'Notes', content: { text: 'hello' } }),
  })
  t.same(created, { id: 2, ok: true, result: 'doc-1' })
  t.match(
    await host.call('update', {
      document_id: 'doc-1',
      patch_json: '[{"op":"replace","path":"/text","value":"bye"}]',
    }),
    { ok: true, result: null },
  )
  t.match(await host.call('get', { document_id: 'doc-1' }), {
    ok: true,
    result: { id: 'doc-1', title: 'Notes', content: { text: 'bye' } },
  })
  t.match(await host.call('list'), { ok: true, result: [{ id: 'doc-1' }] })
  t.match(await host.call('count'), { ok: true, result: 1 })
  t.match(await host.call('pending'), { ok: true, result: 2 })
  t.match(await host.call('wait_synced', { timeout_ms: 1000 }), { ok: true })
  t.match(await host.call('pending'), { ok: true, result: 0 })
  t.match(await host.call('connected'), { ok: true, result: true })
  t.match(await host.call('delete', { document_id: 'doc-1' }), { ok: true })
  t.match(await host.call('count'), { ok: true, result: 0 })
})

t.test('answers every failure with a registry code and number', async (t) => {
  const host = startHost(t)
  const failure = (code: string) => ({ ok: false, code, number: numberOf(code), message: String })
  t.match(await host.call('count'), failure('engine_closed'), 'a call before open')
  await host.open()
  t.match(await host.open(), failure('invalid_argument'), 'a second open')
  t.match(await host.call('create', { document_json: '{"title":' }), failure('invalid_json'))
  t.match(await host.call('create', { document_json: '{"title":1,"content":{}}' }), failure('invalid_argument'))
  t.match(await host.call('create', { document_json: '{"title":"x","content":[]}' }), failure('invalid_argument'))
  t.match(await host.call('update', { document_id: 'x', patch_json: '{}' }), failure('invalid_patch'))
  t.match(await host.call('get', { document_id: 'missing' }), failure('document_not_found'))
  t.match(await host.call('delete', { document_id: 'missing' }), failure('document_not_found'))
  t.match(await host.call('get', {}), failure('invalid_argument'))
  t.match(await host.call('toString'), failure('unknown_message_type'))
  host.input.write('{"id":"seven","method":"count"}\n')
  host.input.write('not json\n')
  t.match(await host.call('count'), { ok: true, result: 0 }, 'malformed lines do not stop the host')
})

t.test('forwards client events as event lines naming the document', async (t) => {
  const host = startHost(t)
  await host.open()
  t.match(await host.event('connection_attempting'), { document_id: null, data: { url: 'ws://127.0.0.1:1/ws' } })
  t.match(await host.event('connection_established'), { data: { userId: 'alice' } })
  await host.call('create', { document_json: '{"id":"doc-2","title":"T","content":{}}' })
  t.match(await host.event('document_created'), { document_id: 'doc-2', data: { document: { title: 'T' } } })
  await host.call('update', { document_id: 'doc-2', patch_json: '[{"op":"add","path":"/n","value":1}]' })
  t.match(await host.event('document_updated'), { document_id: 'doc-2' })
  // SyncClient's error events are plain objects, with the op and document when there are some.
  host.clients[0]!.emit('error', { code: 'forbidden', message: 'the server refused a delete', op_id: 'op-7', document_id: 'doc-2' })
  t.same(await host.event('error'), {
    event: 'error',
    document_id: 'doc-2',
    data: { code: 'forbidden', message: 'the server refused a delete', op_id: 'op-7', document_id: 'doc-2' },
    code: 'forbidden',
    number: numberOf('forbidden'),
    message: 'the server refused a delete',
  })
  // A thrown error (a failed connect, say) has a code and a message and nothing else.
  host.clients[0]!.emit('error', Object.assign(new Error('server went away'), { code: 'server_shutting_down' }))
  t.same(await host.event('error'), {
    event: 'error',
    document_id: null,
    data: null,
    code: 'server_shutting_down',
    number: numberOf('server_shutting_down'),
    message: 'server went away',
  })
  await host.call('disconnect')
  t.match(await host.event('connection_lost'), { document_id: null })
})

t.test('closes the client when its input ends', async (t) => {
  const host = startHost(t)
  await host.open()
  host.input.end()
  await host.done
  t.equal(host.clients[0]!.closed, true)
})

t.test("the event kinds agree: the C enum, the C name table and the host's list", async (t) => {
  const header = readFileSync(new URL('./include/patchsync.h', import.meta.url), 'utf8')
  const engine = readFileSync(new URL('./src/engine.c', import.meta.url), 'utf8')
  const enumerated = [...header.matchAll(/PATCHSYNC_EVENT_([A-Z_]+) = (\d+),/g)].filter(([, name]) => name !== 'KIND_COUNT')
  t.same(
    enumerated.map(([, , n]) => Number(n)),
    HOSTED_EVENTS.map((_, i) => i),
    'the enum numbers 0 to n-1',
  )
  t.same(
    enumerated.map(([, name]) => name!.toLowerCase()),
    [...HOSTED_EVENTS],
    "the enum, in the host's order",
  )
  t.match(header, new RegExp(`PATCHSYNC_EVENT_KIND_COUNT = ${HOSTED_EVENTS.length}\\b`))
  const table = /EVENT_NAMES\[PATCHSYNC_EVENT_KIND_COUNT\] = \{([^}]*)\}/.exec(engine)?.[1] ?? ''
  t.same(
    [...table.matchAll(/"([a-z_]+)"/g)].map(([, name]) => name),
    [...HOSTED_EVENTS],
    'engine.c names them in the same order',
  )
})
