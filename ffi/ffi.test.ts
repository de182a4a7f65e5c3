import t, { type Test } from 'tap'
import { execFile, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { SyncClient } from '../client/index.js'
import { createSyncServer, type SyncServer } from '../server/index.js'
import { eventually } from '../server/test-support/eventually.js'

const run = promisify(execFile)
const ffi = dirname(fileURLToPath(import.meta.url))
const build = join(ffi, 'build')
const include = join(ffi, 'include')
const library = join(build, 'libpatchsync.so')
/** Bounds one run of the C program, valgrind included; the harness kills it after this. */
const PROGRAM_LIMIT_MS = 240_000
const RECONNECT = { minMs: 50, maxMs: 300 }

t.setTimeout(600_000)

const hasValgrind = spawnSync('valgrind', ['--version']).status === 0
const VALGRIND = ['valgrind', '--quiet', '--leak-check=full', '--errors-for-leak-kinds=definite,possible', '--error-exitcode=99']

t.before(async () => {
  await run(process.execPath, [join(ffi, 'build.mjs')], { env: { ...process.env, CFLAGS: '-Werror' } })
  const link = [`-L${build}`, '-lpatchsync', `-Wl,-rpath,${build}`]
  const warnings = ['-Wall', '-Wextra', '-Werror', `-I${include}`]
  const c = ['-std=c11', '-g', ...warnings]
  await run('cc', [...c, join(ffi, 'tests', 'test_engine.c'), ...link, '-o', join(build, 'test_engine')])
  await run('cc', [...c, join(ffi, 'tests', 'test_json.c'), join(ffi, 'src', 'json.c'), '-o', join(build, 'test_json')])
  await run('g++', ['-std=c++17', '-pedantic', ...warnings, join(ffi, 'examples', 'example.cpp'), ...link, '-o', join(build, 'example')])
})

/** A live server on SQLite that can be stopped and started again on the same port and database. */
async function startServer(t: Test) {
  const directory = mkdtempSync(join(tmpdir(), 'patchsync-ffi-'))
  const databaseUrl = `sqlite:${join(directory, 'server.db')}`
  let server: SyncServer | undefined = createSyncServer({ databaseUrl })
  const { port } = await server.listen(0, '127.0.0.1')
  const url = `ws://127.0.0.1:${port}/ws`
  t.teardown(async () => {
    await server?.close()
    rmSync(directory, { recursive: true, force: true })
  })
  return {
    directory,
    url,
    async stop() {
      await server?.close()
      server = undefined
    },
    async start() {
      server = createSyncServer({ databaseUrl })
      await server.listen(port, '127.0.0.1')
    },
  }
}

/**
 * Runs tests/test_engine.c (optionally under a wrapper such as valgrind), answering its control
 * lines with a live server and a TypeScript client of the same user, and turning its ok/not ok lines
 * into assertions.
 */
async function runEngineProgram(t: Test, wrapper: string[]): Promise<{ code: number | null; stderr: string }> {
  const server = await startServer(t)
  const peer = new SyncClient({
    databasePath: join(server.directory, 'peer.db'),
    serverUrl: server.url,
    userId: '0c0c0c0c-0000-4000-8000-00000000000c',
    authToken: 'token-c',
    reconnect: RECONNECT,
  })
  await peer.open()
  t.teardown(() => peer.close())
  await peer.connect()

  const controls: Record<string, (arg: string) => Promise<string>> = {
    stop_server: async () => {
      await server.stop()
      return 'ok'
    },
    start_server: async () => {
      await server.start()
      return 'ok'
    },
    remote_create: async (title) => {
      const document = await peer.create({ title, content: { from: 'typescript' } })
      return `ok ${document.id}`
    },
    remote_text: async (arg) => {
      const [id, expected] = arg.split(' ') as [string, string]
      const seen = await eventually(async () => (await peer.get(id))?.content.text === expected)
      return seen ? 'ok' : `fail the TypeScript client never saw text ${expected}`
    },
  }

  const [command, ...args] = [...wrapper, join(build, 'test_engine')]
  const child = spawn(command!, args, {
    env: { ...process.env, PATCHSYNC_TEST_URL: server.url, PATCHSYNC_TEST_DIR: server.directory },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const limit = setTimeout(() => child.kill('SIGKILL'), PROGRAM_LIMIT_MS)
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))

  for await (const line of createInterface({ input: child.stdout })) {
    const control = /^control (\w+) ?(.*)$/.exec(line)
    if (control) {
      const handler = controls[control[1]!]
      const answer = handler ? await handler(control[2]!).catch((error: Error) => `fail ${error.message}`) : 'fail unknown'
      child.stdin.write(`${answer}\n`)
    } else if (line.startsWith('ok - ')) {
      t.pass(line.slice(5))
    } else if (line.startsWith('not ok - ')) {
      t.fail(line.slice(9))
    } else {
      t.comment(line)
    }
  }
  const code = await exited
  clearTimeout(limit)
  return { code, stderr }
}

/** Turns the TAP-style lines a C program prints into assertions. */
function report(t: Test, output: string): void {
  for (const line of output.split('\n')) {
    if (line.startsWith('ok - ')) t.pass(line.slice(5))
    else if (line.startsWith('not ok - ')) t.fail(line.slice(9))
  }
}

t.test('the C JSON reader and writer handle every case, without memory errors', async (t) => {
  const program = join(build, 'test_json')
  const [command, ...args] = hasValgrind ? [...VALGRIND, program] : [program]
  const result = spawnSync(command!, args, { encoding: 'utf8', timeout: 60_000 })
  report(t, result.stdout)
  t.equal(result.status, 0, 'no failures', { stderr: result.stderr })
})

t.test('the C API syncs with a live server, offline and back, and survives a host crash', async (t) => {
  const { code, stderr } = await runEngineProgram(t, [])
  t.equal(code, 0, 'the C program reports no failures', { stderr })
})

t.test('under valgrind memcheck the C side has no leaks or invalid accesses', { skip: !hasValgrind && 'valgrind is not installed' }, async (t) => {
  const { code, stderr } = await runEngineProgram(t, VALGRIND)
  t.equal(code, 0, 'valgrind and the C program report nothing', { stderr })
})

t.test('the C++ example builds and runs against a live server', async (t) => {
  const server = await startServer(t)
  const { stdout } = await run(
    join(build, 'example'),
    [join(server.directory, 'example.db'), server.url, '0c0c0c0c-0000-4000-8000-0000000000cc', 'token-cpp'],
    { timeout: 60_000 },
  )
  t.match(stdout, /"items":\["milk","bread"\]/)
  t.match(stdout, /1 document\(s\), 0 pending/)
})

t.test('exports only the documented sync_* functions', async (t) => {
  const { stdout } = await run('nm', ['-D', '--defined-only', library])
  const exported = stdout
    .split('\n')
    .filter((line) => / T /.test(line))
    .map((line) => line.split(' ').pop())
  t.ok(exported.length > 0)
  t.same(
    exported.filter((name) => !name?.startsWith('sync_')),
    [],
    'internal helpers stay hidden',
  )
})
