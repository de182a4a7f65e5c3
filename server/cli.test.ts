import t from 'tap'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, parseServeConfig } from './config.js'
import { TestClient } from './test-support/ws-client.js'
import { ROOT, run, serve, type Finished } from './test-support/cli-process.js'
// @ts-expect-error: a plain ES module script without type declarations
import { buildInspector } from '../client/build.mjs'

function tempDir(t: { teardown(fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('serve --help prints every option with its variable and exits 0', async (t) => {
  const { code, stdout, stderr } = await run(['serve', '--help'])
  t.equal(code, 0)
  t.equal(stderr, '')
  t.match(stdout, /^Usage: patchsync serve/)
  for (const text of [
    '--port <integer>',
    'PORT',
    '--database-url',
    'DATABASE_URL',
    '--[no-]auto-register',
    'AUTO_REGISTER',
    '--tls-cert',
    'TLS_KEY',
    'default 8080',
  ])
    t.ok(stdout.includes(text), text)
})

t.test('a bad configuration exits 2, says what is wrong and opens nothing', async (t) => {
  const dir = tempDir(t)
  const database = join(dir, 'never.db')
  const cases: Array<{ args: string[]; env?: Record<string, string>; message: RegExp }> = [
    { args: ['--port', 'abc'], message: /^patchsync: invalid --port \(PORT\): Expected integer, got "abc"$/m },
    { args: ['--bogus'], message: /^patchsync: Unknown option '--bogus'/m },
    {
      args: [],
      env: { DATABASE_URL: 'mysql://x' },
      message: /^patchsync: invalid --database-url \(DATABASE_URL\): expected sqlite:<path>.*got "mysql:\/\/x"$/m,
    },
    { args: ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')], message: /^patchsync: --tls-cert .*cert\.pem: no such file$/m },
  ]
  // Each child costs a tsx start; they run two at a time.
  const results: Finished[] = []
  for (let i = 0; i < cases.length; i += 2) {
    results.push(
      ...(await Promise.all(
        cases.slice(i, i + 2).map(({ args, env = {} }) => {
          const withDatabase = env.DATABASE_URL ? args : [...args, '--database-url', `sqlite:${database}`]
          return run(['serve', '--host', '127.0.0.1', '--port', '0', ...withDatabase], env)
        }),
      )),
    )
  }
  cases.forEach(({ args, env = {}, message }, i) => {
    const { code, stdout, stderr } = results[i]!
    const label = [...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args].join(' ')
    t.equal(code, 2, `${label}: exit status 2`)
    t.match(stderr, message, `${label}: names the problem`)
    t.notMatch(stderr, /\n\s+at /, `${label}: no stack trace`)
    t.notMatch(stdout, /listening/, `${label}: does not listen`)
  })
  t.notOk(existsSync(database), 'no database was created')
})

t.test('configuration parsing: flags over variables over defaults, strictly typed', async (t) => {
  t.same(parseServeConfig([], {}), {
    port: 8080,
    host: '0.0.0.0',
    databaseUrl: 'sqlite:./data/patchsync.db',
    monitoring: false,
    logLevel: 'info',
    autoRegister: true,
    maxPayload: 1048576,
    maxOps: 1000,
    maxDocumentBytes: 1048576,
    cacheBytes: 134217728,
    rateLimit: 200,
    rateBurst: 400,
    sendHighWater: 4194304,
    sendLimit: 16777216,
    authTimeoutMs: 10000,
    addressConnections: 256,
    addressRateLimit: 1000,
    addressRateBurst: 2000,
    trustedProxies: '',
    heartbeatMs: 30000,
    reauthenticateMs: 60000,
    inspector: true,
  })
  t.match(parseServeConfig(['--no-inspector'], {}), { inspector: false }, 'the inspector page can be turned off')
  t.match(parseServeConfig([], { INSPECTOR: 'off' }), { inspector: false })
  t.match(parseServeConfig(['--trusted-proxies', '10.0.0.1,10.0.0.2'], { ADDRESS_CONNECTIONS: '0' }), {
    trustedProxies: '10.0.0.1,10.0.0.2',
    addressConnections: 0,
  })
  const config = parseServeConfig(['--port=9000', '--no-auto-register', '--monitoring', '--rate-limit', '0.5'], {
    PORT: '1',
    HOST: '::1',
    AUTO_REGISTER: 'true',
    HEARTBEAT_MS: '0',
  })
  t.match(config, { port: 9000, host: '::1', autoRegister: false, monitoring: true, rateLimit: 0.5, heartbeatMs: 0 })
  t.match(parseServeConfig(['--no-monitoring'], { MONITORING: 'yes' }), { monitoring: false })
  t.match(parseServeConfig([], { MONITORING: 'yes', AUTO_REGISTER: '0', DATABASE_URL: 'postgresql://u@h/db' }), {
    monitoring: true,
    autoRegister: false,
    databaseUrl: 'postgresql://u@h/db',
  })
  t.match(parseServeConfig([], { PORT: '' }), { port: 8080 }, 'an empty variable is unset')
  t.match(parseServeConfig(['--cache-bytes', '1048576'], {}), { cacheBytes: 1048576 })
  t.match(parseServeConfig([], { CACHE_BYTES: '0' }), { cacheBytes: 0 })
  const bad: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
    [['--port', '1.5'], {}, /invalid --port \(PORT\): Expected integer, got "1\.5"/],
    [['--port', '0x10'], {}, /invalid --port \(PORT\).*"0x10"/],
    [['--port', '70000'], {}, /invalid --port \(PORT\): Expected integer to be less or equal to 65535, got 70000/],
    [[], { PORT: 'eighty' }, /invalid --port \(PORT\).*"eighty"/],
    [['--no-port'], {}, /Unknown option '--no-port'/],
    [['--no-monitoring=1'], {}, /Option '--monitoring' does not take an argument/],
    [['--monitoring', 'false'], {}, /Unexpected argument 'false'/],
    [['--max-ops'], {}, /Option '--max-ops <value>' argument missing/],
    [['--max-ops', '--port', '1'], {}, /Option '--max-ops' argument is ambiguous/],
    [['--max-payload', '10'], {}, /invalid --max-payload \(MAX_PAYLOAD\): Expected integer to be greater or equal to 1024, got 10/],
    [[], { MONITORING: 'maybe' }, /invalid --monitoring \(MONITORING\).*"maybe"/],
    [['--database-url', 'sqlite:'], {}, /invalid --database-url \(DATABASE_URL\)/],
    [['--tls-key', 'k.pem'], {}, /--tls-cert and --tls-key go together/],
    [['--send-limit', '4096'], { SEND_HIGH_WATER: '4096' }, /--send-limit \(SEND_LIMIT\) must be above --send-high-water \(4096\), got 4096/],
    [['--log-level', 'loud'], {}, /invalid --log-level \(LOG_LEVEL\): expected one of trace, debug, info, warn, error, fatal, silent, got "loud"/],
    [['serve'], {}, /Unexpected argument 'serve'/],
  ]
  for (const [argv, env, message] of bad)
    t.throws(() => parseServeConfig(argv, env), { name: 'ConfigError', message }, [...argv, ...Object.keys(env)].join(' '))
  t.ok(
    (() => {
      try {
        parseServeConfig(['--bogus'], {})
      } catch (error) {
        return error instanceof ConfigError
      }
    })(),
    'a ConfigError',
  )
})

t.test('serve serves the inspector page at /inspect unless --no-inspector', async (t) => {
  // What npm run build:browser writes (the package ships it built).
  await buildInspector(join(ROOT, 'dist', 'inspect'))
  const dir = tempDir(t)
  for (const [flags, status] of [
    [[], 200],
    [['--no-inspector'], 404],
  ] as const) {
    const server = await serve(t, ['--port', '0', '--host', '127.0.0.1', '--database-url', `sqlite:${join(dir, `${status}.db`)}`, ...flags])
    const page = await fetch(server.url.replace('ws://', 'http://').replace(/\/ws$/, '/inspect'), { signal: AbortSignal.timeout(5000) })
    t.equal(page.status, status, flags.join(' ') || 'by default')
    if (status === 200) t.match(await page.text(), /<meta name="patchsync-ws-path" content="\/ws">/, 'the page is told the WebSocket path')
  }
})

t.test('serve says where it listens and on which database, answers /healthz, and stops cleanly on SIGTERM', async (t) => {
  const dir = tempDir(t)
  const database = join(dir, 'data', 'patchsync.db')
  const server = await serve(t, ['--port', '0', '--host', '127.0.0.1', '--database-url', `sqlite:${database}`])
  t.match(server.url, /^ws:\/\/127\.0\.0\.1:\d+\/ws$/)
  t.ok(server.line.includes(`database sqlite:${database}`), 'the line names the database')
  const base = server.url.replace('ws://', 'http://').replace(/\/ws$/, '')
  const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) })
  t.equal(health.status, 200)
  t.same(await health.json(), { status: 'ok' })
  const client = await TestClient.login(server.url)
  const id = randomUUID()
  t.equal((await client.request({ type: 'create_document', document: { id, title: 'T', content: { n: 1 } } })).type, 'document_created')
  const { code, signal, stdout, stderr } = await server.stop()
  t.equal(signal, null, 'exits by itself, not killed')
  t.equal(code, 0)
  t.match(stdout, /shutting down \(SIGTERM\)/)
  t.match(stdout, /patchsync stopped/)
  t.equal(stderr, '')
  t.ok(existsSync(database), 'the database file is where the URL said')
  await client.close()
})

t.test('serve configured by environment variables, the same as flags', async (t) => {
  const dir = tempDir(t)
  const server = await serve(t, [], { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'env.db')}`, MONITORING: 'true' })
  t.match(server.url, /^ws:\/\/127\.0\.0\.1:\d+\/ws$/)
  t.ok(server.line.includes(`database sqlite:${join(dir, 'env.db')}`))
  const client = await TestClient.login(server.url)
  await client.close()
  const { code, stdout } = await server.stop()
  t.equal(code, 0)
  t.match(stdout, /Sync Server with Monitoring/, 'monitoring mode is on')
  t.match(stdout, /Authenticate from/, 'and logs each message')
})

t.test('patchsync user remove in another process, then SIGHUP: the server cuts the removed user off at once', async (t) => {
  const dir = tempDir(t)
  const database = `sqlite:${join(dir, 'users.db')}`
  const [alice, bob] = [randomUUID(), randomUUID()]
  for (const user of [alice, bob])
    t.equal((await run(['user', 'add', '--user', user, '--database-url', database], { PATCHSYNC_TOKEN: `token-${user}` })).code, 0)
  const server = await serve(t, ['--port', '0', '--host', '127.0.0.1', '--database-url', database, '--no-auto-register'])
  const [a, b] = [await TestClient.login(server.url, alice), await TestClient.login(server.url, bob)]
  const closed = new Promise<number>((resolve) => a.socket.once('close', (code) => resolve(code)))
  t.equal((await run(['user', 'remove', '--user', alice, '--database-url', database])).code, 0)
  t.match(
    await a.request({ type: 'list_documents' }),
    { type: 'document_list' },
    'until the server checks, the connection keeps its session (reauthenticateMs, 60 s by default)',
  )
  server.child.kill('SIGHUP')
  t.equal(await closed, 1008, 'SIGHUP: the removed user is cut off (1008)')
  t.match(await a.next('error'), { code: 'auth_failed', message: 'the user was removed or given a new token' })
  t.match(await b.request({ type: 'list_documents' }), { type: 'document_list' }, 'the other user is not')
  await b.close()
  const { code, stdout } = await server.stop()
  t.equal(code, 0)
  t.match(stdout, /credentials checked again \(SIGHUP\): 1 connection\(s\) closed/)
})

t.test('a port in use: serve reports it and exits 1', async (t) => {
  const dir = tempDir(t)
  const first = await serve(t, ['--port', '0', '--host', '127.0.0.1', '--database-url', `sqlite:${join(dir, 'a.db')}`])
  const port = new URL(first.url).port
  const second = await run(['serve', '--port', port, '--host', '127.0.0.1', '--database-url', `sqlite:${join(dir, 'b.db')}`])
  t.equal(second.code, 1)
  t.match(second.stderr, /could not start: .*EADDRINUSE/)
  t.equal((await first.stop()).code, 0)
})

t.test('the command: --version, --help, and unknown commands or options exit 2 with a message on stderr', async (t) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  const [version, help, unknown, unknownFlag, stray] = await Promise.all([
    run(['--version']),
    run(['--help']),
    run(['frobnicate']),
    run(['--version', '--bogus']),
    run(['user', 'add', '--user', randomUUID(), '--frob']),
  ])
  t.same([version.code, version.stdout, version.stderr], [0, `${manifest.version}\n`, ''], '--version prints the version')
  t.equal(help.code, 0)
  t.match(help.stdout, /^Usage: patchsync \[command\]/)
  t.same([unknown.code, unknown.stdout], [2, ''], 'an unknown command exits 2 and prints nothing on stdout')
  t.match(unknown.stderr, /^patchsync: unknown command "frobnicate"/)
  t.same([unknownFlag.code, unknownFlag.stdout], [2, ''])
  t.match(unknownFlag.stderr, /^patchsync: Unknown option '--bogus'/)
  t.same([stray.code, stray.stdout], [2, ''])
  t.match(stray.stderr, /^patchsync user: Unknown option '--frob'/)
})
