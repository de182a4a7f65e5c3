import t from 'tap'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PassThrough, Writable } from 'node:stream'
import { startTestServer } from '../server/test-support/servers.js'
import { runClientCli } from './cli.js'
import { openTestClient, tempDir } from './test-support/harness.js'

const BIN = fileURLToPath(new URL('../bin/patchsync.ts', import.meta.url))

/** The interactive client as a child process, driven through its stdin like a user at the prompt. */
function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import=tsx', BIN, 'client', ...args], {
    stdio: 'pipe',
    env: { ...process.env, NO_COLOR: '1', ...env },
  }) as ChildProcessWithoutNullStreams
  let output = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    get output() {
      return output
    },
    get stderr() {
      return stderr
    },
    type: (line: string) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    exited,
    kill: () => child.kill('SIGKILL'),
    /** Resolves once the output matches, or rejects after `ms`. */
    async waitFor(pattern: RegExp, ms = 10_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + ms
      for (;;) {
        const match = pattern.exec(output)
        if (match) return match
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the CLI output:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
  }
}

t.test('the interactive client creates, edits and shows a document against a live server', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const cli = startCli(['--server', server.url, '--db', join(tempDir(t), 'cli.db'), '--user', userId, '--token', `token-${userId}`])
  t.teardown(cli.kill)
  await cli.waitFor(/● online/)
  cli.type('create "Shopping list" {"items":["milk"]}')
  const [, id] = await cli.waitFor(/✓ created ([0-9a-f-]{36})/)
  cli.type('set . /items/- "bread"')
  cli.type('patch . [{"op":"add","path":"/done","value":false}]')
  cli.type('sync')
  await cli.waitFor(/✓ in sync/)
  t.same((await server.store.getDocument(id!))?.content, { items: ['milk', 'bread'], done: false }, 'the edits reached the server')

  cli.type(`show ${id!.slice(0, 8)}`)
  await cli.waitFor(/Shopping list \S+ @3-[0-9a-f]{10}\n/)
  t.match(cli.output, /"bread"/, 'show prints the content')

  // A change made elsewhere shows up as a live line.
  const other = await openTestClient(t, server.url, { userId })
  other.connect()
  await other.whenSynced(5000)
  await other.update(id!, [{ op: 'replace', path: '/done', value: true }])
  await cli.waitFor(/← updated [0-9a-f]{8} .*"done":true/)

  cli.type('history .')
  await cli.waitFor(/\s4\s+update/)
  cli.type('set . /__proto__/polluted 1')
  await cli.waitFor(/✗ invalid_path/)
  cli.type('frobnicate')
  await cli.waitFor(/unknown command frobnicate/)
  cli.type('offline')
  await cli.waitFor(/○ offline/)
  cli.type('set . /offline "queued"')
  cli.type('outbox')
  await cli.waitFor(/\d+\s+update\s+[0-9a-f]{8}/)
  cli.type('status')
  await cli.waitFor(/offline, 1 pending/)
  cli.type('online')
  cli.type('sync')
  await cli.waitFor(/✓ in sync[\s\S]*✓ in sync/)
  t.same((await server.store.getDocument(id!))?.content, { items: ['milk', 'bread'], done: true, offline: 'queued' }, 'the offline edit was pushed')
  cli.type('quit')
  t.equal(await cli.exited, 0, 'quit exits 0')
})

t.test('piped input runs to the end and pushes what it queued before exiting', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const cli = startCli(['--server', server.url, '--db', join(tempDir(t), 'piped.db'), '--user', userId, '--token', `token-${userId}`])
  t.teardown(cli.kill)
  cli.type('create note {"text":"one"}')
  cli.type('set . /text "two"')
  cli.type('list')
  cli.end()
  t.equal(await cli.exited, 0)
  const [document] = await server.store.listDocuments(userId)
  t.same(document?.content, { text: 'two' }, 'everything typed reached the server before exit')
  t.match(cli.output, /^[0-9a-f]{8} {2}note( \+\d+)?$/m, 'list printed the document (its short id, title and pending count)')
})

t.test('usage mistakes exit 2 with the message on stderr, before anything is opened', async (t) => {
  const missing = startCli(['--server', 'ws://127.0.0.1:1/ws'])
  const notUuid = startCli(['--server', 'ws://127.0.0.1:1/ws', '--db', join(tempDir(t), 'never.db'), '--user', 'alice', '--token', 't'])
  t.equal(await missing.exited, 2)
  t.match(missing.stderr, /^patchsync client: missing --db, --user, --token \(or PATCHSYNC_TOKEN\)/)
  t.equal(await notUuid.exited, 2)
  t.match(notUuid.stderr, /^patchsync client: --user must be a user id \(a UUID\), got "alice"/)
})

t.test('what the client can check itself is refused in words before anything is queued', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const cli = startCli(['--server', server.url, '--db', join(tempDir(t), 'checks.db'), '--user', userId], { PATCHSYNC_TOKEN: `token-${userId}` })
  t.teardown(cli.kill)
  await cli.waitFor(/● online/)
  cli.type('create note {"n":1}')
  await cli.waitFor(/✓ created/)
  cli.type('sync')
  await cli.waitFor(/✓ in sync/)
  cli.type('share . bob write')
  await cli.waitFor(/✗ invalid_argument: bob is not a user id: user ids are UUIDs/)
  cli.type('undo 999999')
  await cli.waitFor(/✗ invalid_argument: sequence 999999 is past the latest this client knows \(\d+\)/)
  cli.type('outbox')
  await cli.waitFor(/\(outbox empty\)/)
  t.notMatch(cli.output, /pattern|must match/, 'no raw schema message')
  cli.type('quit')
  t.equal(await cli.exited, 0)
})

t.test('piped edits of a document this database has not pulled yet wait for the first sync', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const other = await openTestClient(t, server.url, { userId })
  other.connect()
  const document = await other.create({ title: 'from elsewhere', content: { n: 1 } })
  await other.whenSynced(5000)
  const cli = startCli(['--server', server.url, '--db', join(tempDir(t), 'fresh.db'), '--user', userId, '--token', `token-${userId}`])
  t.teardown(cli.kill)
  cli.type(`set ${document.id.slice(0, 8)} /n 2`)
  cli.end()
  t.equal(await cli.exited, 0)
  t.notMatch(cli.output, /document_not_found|✗/, cli.output)
  t.same((await server.store.getDocument(document.id))?.content, { n: 2 }, 'the piped edit reached the server')
})

t.test("the user's own undo is reported as applied, not as someone else's change", async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const cli = startCli(['--server', server.url, '--db', join(tempDir(t), 'undo.db'), '--user', userId, '--token', `token-${userId}`])
  t.teardown(cli.kill)
  await cli.waitFor(/● online/)
  cli.type('create note {"n":1}')
  const [, id] = await cli.waitFor(/✓ created ([0-9a-f-]{36})/)
  cli.type('sync')
  await cli.waitFor(/✓ in sync/)
  const created = (await server.store.documentEvents(id!)).at(-1)!.sequence
  cli.type('set . /n 2')
  cli.type('sync')
  await cli.waitFor(/✓ in sync[\s\S]*✓ in sync/)
  cli.type(`undo ${created} .`)
  await cli.waitFor(/✓ undo applied \(sequence \d+\)/)
  cli.type('show .')
  await cli.waitFor(/"n": 1/)
  t.notMatch(cli.output, /← updated/, 'no remote-change line for it')
  cli.type('quit')
  t.equal(await cli.exited, 0)
})

t.test('on a terminal, a live line is printed above the prompt, which is drawn again', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const userId = randomUUID()
  const input = Object.assign(new PassThrough(), { isTTY: true })
  let output = ''
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((output += chunk.toString()), done()) })
  const args = ['--server', server.url, '--db', join(tempDir(t), 'tty.db'), '--user', userId, '--token', `token-${userId}`]
  const exited = runClientCli(args, { input, output: sink, color: false })
  // What the terminal shows, without readline's cursor movements.
  // eslint-disable-next-line no-control-regex -- terminal escape sequences
  const plain = () => output.replace(/\x1b\[\d*[A-Za-z]/g, '')
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 500 && !pattern.test(plain()); i++) await new Promise((resolve) => setTimeout(resolve, 20))
    t.match(plain(), pattern)
  }
  input.write('create note {"n":1}\r')
  await waitFor(/✓ created ([0-9a-f-]{36})/)
  const id = /✓ created ([0-9a-f-]{36})/.exec(plain())![1]!
  input.write('sync\r')
  await waitFor(/✓ in sync\n/)
  input.write('se')
  await waitFor(/patchsync> se$/)
  const other = await openTestClient(t, server.url, { userId })
  other.connect()
  await other.whenSynced(5000)
  await other.update(id, [{ op: 'replace', path: '/n', value: 2 }])
  await waitFor(/← updated [0-9a-f]{8} \{"n":2\}\n[\s\S]*patchsync> se$/)
  const live = output.indexOf('← updated')
  t.match(
    output.slice(output.lastIndexOf('patchsync> ', live), live),
    // eslint-disable-next-line no-control-regex -- the terminal escape that clears a line
    /^patchsync> \S*se\S*\x1b\[2K$/,
    'the prompt line with the typed text is cleared before the live line',
  )
  input.end('t . /n 3\r')
  t.equal(await exited, 0)
})
