/**
 * npm run bench:server — the server end to end, over real WebSockets, on SQLite (a file database in
 * a temporary directory) and on PostgreSQL (a fresh database, dropped afterwards; URL from
 * PATCHSYNC_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/postgres).
 *
 * 1. Throughput: CONNECTIONS connections, each its own user editing its own document, each keeping
 *    IN_FLIGHT update_document frames pipelined. An update counts when its acknowledgement
 *    (`document_updated`) arrives, which the server sends only after the change is durably committed
 *    (§3.3: on SQLite after the log is synced, on PostgreSQL with synchronous_commit=on).
 * 2. Latency: 10 and 100 connected clients, every one a different user with read access to one
 *    document; one of them sends updates one at a time, and each other client's receipt of the
 *    `document_updated` broadcast is one sample: time from sending the update to receiving it.
 *
 * 3. Ceiling: the throughput and interactive runs against a bare ws server that parses each frame and
 *    sends a reply of the same shape (and an update's broadcast to those it was shared with), doing
 *    nothing else (bench/ceiling-child.ts): what the machine allows these clients at all, before any
 *    validation, patching, storage or durability. BENCH_CEILING=0 skips it.
 *
 * 4. Interactive: W = 1, 10 and 50 writers, each awaiting its acknowledgement before its next
 *    update, with 10 subscribers, next to the floor: the database's serial durable commit rate,
 *    measured in the same run (a perfect group commit carries up to W x floor, unless the ceiling
 *    is lower). Each row also gives the updates per commit and the server's CPU per update.
 *
 * The server runs in a child process (bench/server-child.ts), so its event loop is not the one that
 * parses the clients' replies. On a 2-core machine server, clients and PostgreSQL still share the
 * two cores, so the numbers are a floor for a server with a core of its own.
 * BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the child's node;
 * BENCH_DIALECTS=sqlite (or postgres) runs one database only, BENCH_PHASES=throughput (or latency, or interactive) one part,
 * BENCH_WRITERS=10 (default 1,10,50) the interactive phase with those numbers of writers only.
 * BENCH_BEFORE=<dir of another build's tsc output> (e.g. `/work/wt/before/.bench`, made by
 * `npx tsc -p tsconfig.bench.json` in a worktree of an older commit) runs that build's server too,
 * in the same run, before this one on each database, and prints its rows next to this one's.
 */
import { fileURLToPath } from 'node:url'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'
import pg from 'pg'
import { createTestDatabase, TEST_PG_URL, type DialectName } from '../server/test-support/databases.js'
import { BenchClient, cpuMilliseconds, fmt, percentile, sleep, startChild, within, TIMEOUT_MS } from './support.js'

const CONNECTIONS = 64
const IN_FLIGHT = 32
const WARMUP_MS = 1500
const MEASURE_MS = 5000
const LATENCY_RUNS = [
  { clients: 10, updates: 2000 },
  { clients: 100, updates: 600 },
]
/** Latency samples of the first updates are dropped (JIT warm-up, caches). */
const LATENCY_WARMUP_UPDATES = 100
const INTERACTIVE_WRITERS = (process.env.BENCH_WRITERS ?? '1,10,50').split(',').map(Number)
const SUBSCRIBERS = 10
const INTERACTIVE_WARMUP_MS = 500
const INTERACTIVE_MS = 3000

/** A build of the server: this one, or (BENCH_BEFORE) an older one's `server/index.js`. */
interface Build {
  name: string
  serverModule: string | undefined
}

const builds: Build[] = [{ name: 'now', serverModule: undefined }]
if (process.env.BENCH_BEFORE) builds.unshift({ name: 'before', serverModule: join(process.env.BENCH_BEFORE, 'server/index.js') })

/** Runs bench/server-child.js of a build on the database (or the bare ceiling without one) and resolves with its WebSocket URL. */
function startServer(databaseUrl: string | undefined, build?: Build) {
  if (databaseUrl === undefined) return startChild(fileURLToPath(new URL('./ceiling-child.js', import.meta.url)), [])
  return startChild(fileURLToPath(new URL('./server-child.js', import.meta.url)), build?.serverModule ? [databaseUrl, build.serverModule] : [databaseUrl])
}

/**
 * One measurement window, after a warm-up: `count` is on while it lasts. Its length, the server
 * process's CPU (ms) and this process's (µs) over it, and the changes and commit transactions the
 * server made in it.
 */
async function measured(url: string, pid: number | undefined, warmupMs: number, ms: number, count: (on: boolean) => void) {
  await sleep(warmupMs)
  const before = await commitCounters(url)
  const cpuBefore = cpuMilliseconds(pid)
  const clientBefore = process.cpuUsage()
  count(true)
  const start = performance.now()
  await sleep(ms)
  count(false)
  const seconds = (performance.now() - start) / 1000
  const cpu = cpuMilliseconds(pid) - cpuBefore
  const client = process.cpuUsage(clientBefore)
  const after = await commitCounters(url)
  return { seconds, cpu, client, updates: after.updates - before.updates, commits: after.commits - before.commits }
}

/** Committed changes and commit transactions so far, from the server's /metrics. */
async function commitCounters(url: string): Promise<{ updates: number; commits: number }> {
  const text = await (await fetch(url.replace(/^ws/, 'http').replace(/\/ws$/, '/metrics'), { signal: AbortSignal.timeout(TIMEOUT_MS) })).text()
  const value = (name: string) =>
    Number(
      /^(\S+) (\S+)$/m.exec(
        text
          .split('\n')
          .filter((l) => l.startsWith(name + ' '))
          .join('\n'),
      )?.[2] ?? 0,
    )
  return { updates: value('patchsync_updates_total'), commits: value('patchsync_commit_duration_seconds_count') }
}

interface ThroughputResult {
  perSecond: number
  /** Server process CPU time per acknowledged update, in microseconds. */
  cpuPerUpdate: number
  /** The benchmark's own (client) CPU time per acknowledged update, in microseconds. */
  clientCpuPerUpdate: number
  acked: number
  errors: number
  averageBatch: number
}

async function throughput(url: string, pid: number | undefined): Promise<ThroughputResult> {
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => BenchClient.login(url)))
  const documents = await Promise.all(clients.map((c) => c.createDocument()))
  let counting = false
  let running = true
  let acked = 0
  let errors = 0
  let outstanding = 0
  let drained: () => void = () => {}
  clients.forEach((client, c) => {
    const documentId = documents[c]!
    let n = 0
    const sendOne = () => {
      n++
      outstanding++
      client.send({
        type: 'update_document',
        request_id: `r${n}`,
        client_op_id: `${c}-${n}`,
        patch: { document_id: documentId, patch: [{ op: 'replace', path: '/n', value: n }] },
      })
    }
    client.onReply = (frame) => {
      outstanding--
      if (frame.type !== 'document_updated') {
        errors++
        if (errors <= 3) console.error(`unexpected reply: ${JSON.stringify(frame)}`)
      } else if (counting) acked++
      if (running) sendOne()
      else if (outstanding === 0) drained()
    }
    for (let i = 0; i < IN_FLIGHT; i++) sendOne()
  })
  const { seconds, cpu, client, updates, commits } = await measured(url, pid, WARMUP_MS, MEASURE_MS, (on) => (counting = on))
  running = false
  await within(new Promise<void>((resolve) => (outstanding === 0 ? resolve() : (drained = resolve))), 'drain')
  await Promise.all(clients.map((c) => c.close()))
  return {
    perSecond: acked / seconds,
    cpuPerUpdate: (cpu * 1000) / acked,
    clientCpuPerUpdate: (client.user + client.system) / acked,
    acked,
    errors,
    averageBatch: updates / Math.max(1, commits),
  }
}

interface LatencyResult {
  clients: number
  updates: number
  samples: number
  p50: number
  p99: number
  max: number
  ackP50: number
}

async function latency(url: string, clientCount: number, updates: number): Promise<LatencyResult> {
  const clients: Array<BenchClient & { userId: string }> = []
  for (let i = 0; i < clientCount; i += 10) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(10, clientCount - i) }, () => BenchClient.login(url)))))
  }
  const [writer, ...readers] = clients as [BenchClient & { userId: string }, ...Array<BenchClient & { userId: string }>]
  const documentId = await writer.createDocument()
  for (const r of readers) await writer.request({ type: 'share_document', document_id: documentId, user_id: r.userId, role: 'read' }, 'document_shared')
  await sleep(200)
  const samples: number[] = []
  const acks: number[] = []
  let sentAt = 0
  let current = ''
  let pending = 0
  let done: () => void = () => {}
  let record = false
  for (const r of readers) {
    r.onBroadcast = (frame, at) => {
      if (frame.type !== 'document_updated' || frame.client_op_id !== current) return
      if (record) samples.push(at - sentAt)
      if (--pending === 0) done()
    }
  }
  writer.onReply = (frame, at) => {
    if (frame.type !== 'document_updated') throw new Error(`update failed: ${JSON.stringify(frame)}`)
    if (record) acks.push(at - sentAt)
    if (--pending === 0) done()
  }
  for (let i = 0; i < updates + LATENCY_WARMUP_UPDATES; i++) {
    record = i >= LATENCY_WARMUP_UPDATES
    current = `latency-${i}`
    pending = readers.length + 1
    const all = new Promise<void>((resolve) => (done = resolve))
    sentAt = performance.now()
    writer.send({
      type: 'update_document',
      request_id: current,
      client_op_id: current,
      patch: { document_id: documentId, patch: [{ op: 'replace', path: '/n', value: i }] },
    })
    await within(all, `update ${i} to reach ${readers.length} clients`)
  }
  await Promise.all(clients.map((c) => c.close()))
  samples.sort((a, b) => a - b)
  acks.sort((a, b) => a - b)
  return {
    clients: clientCount,
    updates,
    samples: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
    ackP50: percentile(acks, 50),
  }
}

/**
 * Interactive load: W writers, each its own user and document, each sending an update and awaiting
 * its acknowledgement before the next; SUBSCRIBERS other users may read every writer's document, so
 * each update is also broadcast to them. Acknowledged updates per second, all writers together.
 */
interface InteractiveResult {
  perSecond: number
  averageBatch: number
  /** Server process CPU time per acknowledged update (its broadcasts included), in microseconds. */
  cpuPerUpdate: number
  /** The benchmark's own CPU time (writers and subscribers) per acknowledged update, in microseconds. */
  clientCpuPerUpdate: number
}

async function interactive(url: string, pid: number | undefined, writers: number): Promise<InteractiveResult> {
  const subscribers = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => BenchClient.login(url)))
  const clients = await Promise.all(Array.from({ length: writers }, () => BenchClient.login(url)))
  const documents = await Promise.all(clients.map((c) => c.createDocument()))
  await Promise.all(
    clients.map(async (c, i) => {
      for (const s of subscribers) await c.request({ type: 'share_document', document_id: documents[i], user_id: s.userId, role: 'read' }, 'document_shared')
    }),
  )
  let counting = false
  let running = true
  let acked = 0
  const loops = clients.map(async (client, c) => {
    for (let n = 0; running; n++) {
      await client.request(
        { type: 'update_document', patch: { document_id: documents[c], patch: [{ op: 'replace', path: '/n', value: n }] } },
        'document_updated',
      )
      if (counting) acked++
    }
  })
  const { seconds, cpu, client, updates, commits } = await measured(url, pid, INTERACTIVE_WARMUP_MS, INTERACTIVE_MS, (on) => (counting = on))
  running = false
  await Promise.all(loops)
  await Promise.all([...clients, ...subscribers].map((c) => c.close()))
  return {
    perSecond: acked / seconds,
    averageBatch: updates / Math.max(1, commits),
    cpuPerUpdate: (cpu * 1000) / acked,
    clientCpuPerUpdate: (client.user + client.system) / acked,
  }
}

/**
 * The floor interactive writers stand on: the database's serial durable commit rate, one small
 * insert per transaction, awaited one after another (SQLite: a WAL file synced at each commit;
 * PostgreSQL: synchronous_commit on), measured in the same run.
 */
async function serialCommitRate(dialect: DialectName): Promise<number> {
  const commits = 200
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'patchsync-bench-floor-'))
    const db = new Database(join(dir, 'floor.db'))
    try {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.exec('create table t (x integer)')
      const insert = db.prepare('insert into t (x) values (?)')
      const start = performance.now()
      for (let i = 0; i < commits; i++) insert.run(i)
      return commits / ((performance.now() - start) / 1000)
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const database = await createTestDatabase('postgres')
  const client = new pg.Client({ connectionString: database.url })
  try {
    await client.connect()
    await client.query('create table t (x integer)')
    const start = performance.now()
    for (let i = 0; i < commits; i++) await client.query('insert into t (x) values ($1)', [i])
    return commits / ((performance.now() - start) / 1000)
  } finally {
    await client.end()
    await database.drop()
  }
}

async function benchDialect(dialect: DialectName, build: Build) {
  const database = await createTestDatabase(dialect)
  const server = await startServer(database.url, build)
  try {
    const t = phases.includes('throughput') ? await throughput(server.url, server.child.pid) : undefined
    const l = []
    if (phases.includes('latency')) for (const run of LATENCY_RUNS) l.push(await latency(server.url, run.clients, run.updates))
    const w: Array<InteractiveResult & { writers: number; floor: number }> = []
    if (phases.includes('interactive')) {
      for (const writers of INTERACTIVE_WRITERS) {
        const floor = await serialCommitRate(dialect)
        w.push({ writers, floor, ...(await interactive(server.url, server.child.pid, writers)) })
      }
    }
    return { throughput: t, latency: l, interactive: w }
  } finally {
    await server.stop()
    await database.drop()
  }
}

/** What one durable commit costs at least here: fdatasync of a 4 KiB append, in ms (p50, p99). */
function syncLatency(): [number, number] {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-bench-'))
  const fd = openSync(join(dir, 'sync'), 'w')
  const block = Buffer.alloc(4096, 1)
  const times: number[] = []
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    writeSync(fd, block)
    fdatasyncSync(fd)
    times.push(performance.now() - start)
  }
  closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  return [percentile(times, 50), percentile(times, 99)]
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const [syncP50, syncP99] = syncLatency()
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${new Date().toISOString().slice(0, 10)}`)
console.log(`server in a child process; PostgreSQL at ${TEST_PG_URL.replace(/\/\/[^@/]*@/, '//')}`)
console.log(`fdatasync of 4 KiB in ${tmpdir()}: p50 ${fmt(syncP50, 2)} ms, p99 ${fmt(syncP99, 2)} ms; load average at start ${load()}`)
const results: Array<[string, Awaited<ReturnType<typeof benchDialect>>]> = []
const phases = (process.env.BENCH_PHASES ?? 'throughput,latency,interactive').split(',')
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]
/** A row's label: the database, and the build when there are two. */
const label = (dialect: string, build: Build) => (builds.length > 1 ? `${dialect} ${build.name}` : dialect)
for (const dialect of dialects) {
  for (const build of builds) {
    process.stderr.write(`${label(dialect, build)}…\n`)
    results.push([label(dialect, build), await benchDialect(dialect, build)])
  }
}
let ceiling: ThroughputResult | undefined
const interactiveCeiling: Array<InteractiveResult & { writers: number }> = []
if ((phases.includes('throughput') || phases.includes('interactive')) && process.env.BENCH_CEILING !== '0') {
  process.stderr.write('ceiling…\n')
  const bare = await startServer(undefined)
  try {
    if (phases.includes('throughput')) ceiling = await throughput(bare.url, bare.child.pid)
    if (phases.includes('interactive'))
      for (const writers of INTERACTIVE_WRITERS) interactiveCeiling.push({ writers, ...(await interactive(bare.url, bare.child.pid, writers)) })
  } finally {
    await bare.stop()
  }
}

console.log(`load average at end ${load()}`)
console.log('')
console.log(
  `Throughput: ${CONNECTIONS} connections × ${IN_FLIGHT} pipelined update_document each, ${MEASURE_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up; an update counts when its durable-commit acknowledgement arrives.`,
)
console.log('')
console.log(
  '| database | updates/s acknowledged | share of ceiling | acknowledged | errors | updates per commit | server CPU µs/update | client CPU µs/update |',
)
console.log('|---|---|---|---|---|---|---|---|')
for (const [dialect, r] of results) {
  const t = r.throughput
  if (t)
    console.log(
      `| ${dialect} | ${fmt(t.perSecond)} | ${ceiling ? `${fmt((100 * t.perSecond) / ceiling.perSecond)}%` : '–'} | ${fmt(t.acked)} | ${t.errors} | ${fmt(t.averageBatch, 1)} | ${fmt(t.cpuPerUpdate, 1)} | ${fmt(t.clientCpuPerUpdate, 1)} |`,
    )
}
if (ceiling) {
  const c = ceiling
  console.log(
    `| ceiling: bare ws, parse and reply only | ${fmt(c.perSecond)} | 100% | ${fmt(c.acked)} | ${c.errors} | – | ${fmt(c.cpuPerUpdate, 1)} | ${fmt(c.clientCpuPerUpdate, 1)} |`,
  )
}
console.log('')
console.log('Latency: one client sends updates one at a time; a sample is the time until one other client receives the broadcast (ms).')
console.log('')
console.log('| database | clients | updates | samples | p50 ms | p99 ms | max ms | sender ack p50 ms |')
console.log('|---|---|---|---|---|---|---|---|')
for (const [dialect, r] of results) {
  for (const l of r.latency) {
    console.log(
      `| ${dialect} | ${l.clients} | ${fmt(l.updates)} | ${fmt(l.samples)} | ${fmt(l.p50, 2)} | ${fmt(l.p99, 2)} | ${fmt(l.max, 2)} | ${fmt(l.ackP50, 2)} |`,
    )
  }
}
console.log('')
console.log(
  `Interactive: W writers, each awaiting its acknowledgement before its next update, ${SUBSCRIBERS} subscribers reading every writer's document; ${INTERACTIVE_MS / 1000} s after ${INTERACTIVE_WARMUP_MS / 1000} s warm-up. Floor: the database's serial durable commit rate, measured just before (commits/s); the aim is W = 10 at half of W x floor or more. Ceiling: the same clients against the bare ws server, which broadcasts each update to the subscribers and stores nothing.`,
)
console.log('')
console.log(
  '| database | W | updates/s acknowledged | floor commits/s | W x floor | share of W x floor | share of ceiling | updates per commit | server CPU µs/update | client CPU µs/update |',
)
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const [dialect, r] of results) {
  for (const w of r.interactive) {
    const top = interactiveCeiling.find((c) => c.writers === w.writers)
    console.log(
      `| ${dialect} | ${w.writers} | ${fmt(w.perSecond)} | ${fmt(w.floor)} | ${fmt(w.writers * w.floor)} | ${fmt((100 * w.perSecond) / (w.writers * w.floor))}% | ${top ? `${fmt((100 * w.perSecond) / top.perSecond)}%` : '–'} | ${fmt(w.averageBatch, 1)} | ${fmt(w.cpuPerUpdate, 1)} | ${fmt(w.clientCpuPerUpdate, 1)} |`,
    )
  }
}
for (const c of interactiveCeiling) {
  console.log(
    `| ceiling: bare ws, parse, reply and broadcast only | ${c.writers} | ${fmt(c.perSecond)} | – | – | – | 100% | – | ${fmt(c.cpuPerUpdate, 1)} | ${fmt(c.clientCpuPerUpdate, 1)} |`,
  )
}
