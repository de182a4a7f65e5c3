import t from 'tap'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openTestClient, startTestServer, tempDir } from './test-support/harness.js'

const BIN = fileURLToPath(new URL('../bin/patchsync.ts', import.meta.url))

/** The interactive client as a child process, driven through its stdin like a user at the prompt. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import=tsx', BIN, 'client', ...args], { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } }) as ChildProcessWithoutNullStreams
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    get output() {
      return output
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

t.test('missing options exit 2 with the usage', async (t) => {
  const cli = startCli(['--server', 'ws://127.0.0.1:1/ws'])
  t.equal(await cli.exited, 2)
  t.match(cli.output, /missing --db, --user, --token/)
})
