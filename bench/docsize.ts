/**
 * npm run bench:docsize — what one small update costs against the size of the document it changes
 * (issue 15: an update costs what its patch touches, not what the document weighs). Every update
 * replaces one short field of a document of 1 KB, 64 KB, 256 KB or 1 MiB (an array of 100-byte
 * items), and each figure is printed with its ratio to the 1 KB document's. The aim: at most 2x.
 *
 * Server (a child process, bench/docsize-child.ts, on SQLite and on PostgreSQL):
 * - latency: one writer sends an update and awaits its acknowledgement, then the next;
 * - pipelined: one writer keeps IN_FLIGHT updates in flight to one document; updates/s acknowledged;
 * - server CPU per update: the child's CPU time over the pipelined run, per acknowledged update;
 * - cold head read: after those runs, the document read through the build's own Store in this
 *   process (its snapshot and the tail of events after it, as a cache miss rebuilds it; median of
 *   5), with the number of events in that tail.
 * Client (in this process):
 * - `SyncClient.update` offline (the local view and the durable outbox write);
 * - applying a remote change: another user's update, sent through a server, until the client's
 *   subscriber sees it; this process's CPU time per change (the client, and the sender's few µs).
 *
 * BENCH_BEFORE=<dir of another build's tsc output> (e.g. `/work/wt/before/.bench`, made by
 * `npx tsc -p tsconfig.bench.json` in a worktree of an older commit) measures that build too, in
 * the same run, row by row next to this one. BENCH_DIALECTS=sqlite (or postgres) runs one database;
 * BENCH_PARTS=server (or client) one half.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { randomUUID } from 'node:crypto'
import type { SyncClient as SyncClientClass } from '../client/node.js'
import type { Store as StoreClass } from '../server/index.js'
import { createTestDatabase, type DialectName } from '../server/test-support/databases.js'
import { BenchClient, cpuMilliseconds, fmt, sleep, startChild, within, type Frame } from './support.js'

const SIZES = [
  ['1 KB', 1024],
  ['64 KB', 64 * 1024],
  ['256 KB', 256 * 1024],
  ['1 MiB', 1024 * 1024],
] as const
const CLIENT_SIZES = [SIZES[0], SIZES[3]] as const
const IN_FLIGHT = 16
const LATENCY_UPDATES = 100
const LATENCY_BUDGET_MS = 4000
const PIPELINE_WARMUP_MS = 500
const PIPELINE_MS = 2500
const CLIENT_UPDATES = 100
const REMOTE_CHANGES = 50

interface Build {
  name: string
  /** This build's `server/index.js`, or undefined for the one next to this script. */
  serverModule: string | undefined
  clientModule: string
}

const here = fileURLToPath(new URL('..', import.meta.url))
const builds: Build[] = [{ name: 'now', serverModule: undefined, clientModule: join(here, 'client/node.js') }]
if (process.env.BENCH_BEFORE) {
  const dir = process.env.BENCH_BEFORE
  builds.unshift({ name: 'before', serverModule: join(dir, 'server/index.js'), clientModule: join(dir, 'client/node.js') })
}

/** A document of about `bytes` bytes of JSON: one short field, and an array of 100-byte items. */
export function documentOf(bytes: number): { field: number; items: Array<{ id: number; text: string }> } {
  return { field: 0, items: Array.from({ length: Math.max(1, Math.floor(bytes / 100)) }, (_, i) => ({ id: i, text: 'x'.repeat(80) })) }
}

const update = (documentId: string, n: number, key = `${randomUUID()}`) => ({
  type: 'update_document',
  request_id: key,
  client_op_id: key,
  patch: { document_id: documentId, patch: [{ op: 'replace', path: '/field', value: n }] },
})

interface ServerRow {
  latencyMs: number
  perSecond: number
  cpuUs: number
  coldMs: number
  tailEvents: number
}

/**
 * The head read through the build's Store, which has no cache, so its snapshot and tail are rebuilt
 * as on a cache miss (median of 5 after 3 unmeasured, ms), and how many events its tail holds.
 */
async function coldRead(url: string, build: Build, documentId: string): Promise<{ coldMs: number; tailEvents: number }> {
  const { Store } = (await import(pathToFileURL(build.serverModule ?? join(here, 'server/index.js')).href)) as { Store: typeof StoreClass }
  const store = Store.open(url)
  try {
    const times: number[] = []
    let tailEvents = 0
    for (let i = 0; i < 3; i++) await store.getDocument(documentId)
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      const row = (await store.getDocument(documentId))!
      times.push(performance.now() - start)
      tailEvents = row.generation - row.snapshotGeneration
    }
    return { coldMs: times.sort((a, b) => a - b)[2]!, tailEvents }
  } finally {
    await store.close()
  }
}

/** One writer awaiting each acknowledgement: mean ms per update. */
async function latency(client: BenchClient, documentId: string): Promise<number> {
  for (let i = 0; i < 5; i++) await client.request(update(documentId, i), 'document_updated')
  const start = performance.now()
  let n = 0
  while (n < LATENCY_UPDATES && performance.now() - start < LATENCY_BUDGET_MS) await client.request(update(documentId, ++n), 'document_updated')
  return (performance.now() - start) / n
}

/** One writer with IN_FLIGHT updates in flight: acknowledged updates/s and server CPU µs per update. */
async function pipelined(client: BenchClient, documentId: string, pid: number | undefined): Promise<{ perSecond: number; cpuUs: number }> {
  let running = true
  let counting = false
  let acked = 0
  let outstanding = 0
  let n = 0
  let drained: () => void = () => {}
  const sendOne = () => {
    outstanding++
    client.send(update(documentId, ++n))
  }
  client.onReply = (frame: Frame) => {
    outstanding--
    if (frame.type !== 'document_updated') throw new Error(`update failed: ${JSON.stringify(frame).slice(0, 300)}`)
    if (counting) acked++
    if (running) sendOne()
    else if (outstanding === 0) drained()
  }
  for (let i = 0; i < IN_FLIGHT; i++) sendOne()
  await sleep(PIPELINE_WARMUP_MS)
  const cpuBefore = cpuMilliseconds(pid)
  counting = true
  const start = performance.now()
  await sleep(PIPELINE_MS)
  counting = false
  const seconds = (performance.now() - start) / 1000
  const cpu = cpuMilliseconds(pid) - cpuBefore
  running = false
  await within(new Promise<void>((resolve) => (outstanding === 0 ? resolve() : (drained = resolve))), 'drain', 120_000)
  client.onReply = undefined
  return { perSecond: acked / seconds, cpuUs: (cpu * 1000) / acked }
}

async function benchServer(dialect: DialectName, build: Build): Promise<ServerRow[]> {
  const database = await createTestDatabase(dialect)
  const script = fileURLToPath(new URL('./docsize-child.js', import.meta.url))
  const server = await startChild(script, build.serverModule ? [database.url, build.serverModule] : [database.url])
  try {
    const client = await BenchClient.login(server.url)
    const rows: ServerRow[] = []
    for (const [name, bytes] of SIZES) {
      process.stderr.write(`  ${dialect} ${build.name} ${name}\n`)
      const documentId = await client.createDocument(documentOf(bytes))
      const latencyMs = await latency(client, documentId)
      const rate = await pipelined(client, documentId, server.child.pid)
      rows.push({ latencyMs, ...rate, ...(await coldRead(database.url, build, documentId)) })
    }
    await client.close()
    return rows
  } finally {
    await server.stop()
    await database.drop()
  }
}

interface ClientRow {
  updateMs: number
  remoteCpuMs: number
  remoteWallMs: number
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await fn(i)
  const start = performance.now()
  for (let i = 0; i < n; i++) await fn(i)
  return (performance.now() - start) / n
}

async function benchClient(build: Build, serverUrl: string, dir: string): Promise<ClientRow[]> {
  const { SyncClient } = (await import(pathToFileURL(build.clientModule).href)) as { SyncClient: typeof SyncClientClass }
  const limits = { maxDocumentBytes: 4 * 1024 * 1024 }
  const rows: ClientRow[] = []
  for (const [name, bytes] of CLIENT_SIZES) {
    process.stderr.write(`  client ${build.name} ${name}\n`)
    const offline = new SyncClient({
      databasePath: join(dir, `${build.name}-${bytes}-offline.db`),
      serverUrl: 'ws://127.0.0.1:9/ws',
      userId: randomUUID(),
      authToken: 'bench',
      limits,
    })
    await offline.open()
    const local = await offline.create({ title: 'bench', content: documentOf(bytes) })
    const updateMs = await timed(CLIENT_UPDATES, (i) => offline.update(local.id, [{ op: 'replace', path: '/field', value: i }]))
    await offline.close()

    const writer = await BenchClient.login(serverUrl)
    const documentId = await writer.createDocument(documentOf(bytes))
    const readerId = randomUUID()
    await writer.request({ type: 'share_document', document_id: documentId, user_id: readerId, role: 'read' }, 'document_shared')
    const reader = new SyncClient({
      databasePath: join(dir, `${build.name}-${bytes}-reader.db`),
      serverUrl,
      userId: readerId,
      authToken: `bench-${readerId}`,
      limits,
    })
    await reader.open()
    reader.connect()
    let seen = -1
    let wake: () => void = () => {}
    reader.subscribe(documentId, (document) => {
      const field = (document?.content as { field?: number } | undefined)?.field
      if (typeof field === 'number') seen = field
      wake()
    })
    const until = async (field: number) => {
      const deadline = performance.now() + 30_000
      while (seen !== field) {
        if (performance.now() > deadline) throw new Error(`the client did not see field ${field}`)
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 100)
        })
      }
    }
    await reader.whenSynced()
    await within(until(0), 'initial document')
    for (let i = 1; i <= 5; i++) {
      await writer.request(update(documentId, i), 'document_updated')
      await until(i)
    }
    const cpu = process.cpuUsage()
    const start = performance.now()
    for (let i = 6; i < 6 + REMOTE_CHANGES; i++) {
      await writer.request(update(documentId, i), 'document_updated')
      await until(i)
    }
    const remoteWallMs = (performance.now() - start) / REMOTE_CHANGES
    const used = process.cpuUsage(cpu)
    await reader.close()
    await writer.close()
    rows.push({ updateMs, remoteCpuMs: (used.user + used.system) / 1000 / REMOTE_CHANGES, remoteWallMs })
  }
  return rows
}

const ratio = (v: number, base: number) => `${(v / base).toFixed(2)}x`
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const parts = (process.env.BENCH_PARTS ?? 'server,client').split(',')
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${new Date().toISOString().slice(0, 10)}; load average at start ${load()}`,
)
console.log(`builds: ${builds.map((b) => `${b.name} (${b.serverModule ?? 'this tree'})`).join(', ')}`)

if (parts.includes('server')) {
  const results: Array<{ dialect: DialectName; build: Build; rows: ServerRow[] }> = []
  for (const dialect of dialects) for (const build of builds) results.push({ dialect, build, rows: await benchServer(dialect, build) })
  console.log('')
  console.log(
    `Server: one-field updates. Latency: one writer awaiting each acknowledgement (mean ms). Pipelined: one writer, ${IN_FLIGHT} in flight, updates/s acknowledged. CPU: the server process's, per update, over the pipelined run. Ratios to the 1 KB row.`,
  )
  console.log('')
  console.log('| database | build | document | latency ms | ratio | pipelined updates/s | ratio | server CPU µs/update | ratio | cold head ms | tail events |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  for (const { dialect, build, rows } of results) {
    const base = rows[0]!
    rows.forEach((r, i) => {
      console.log(
        `| ${dialect} | ${build.name} | ${SIZES[i]![0]} | ${fmt(r.latencyMs, 2)} | ${ratio(r.latencyMs, base.latencyMs)} | ${fmt(r.perSecond)} | ${ratio(base.perSecond, r.perSecond)} | ${fmt(r.cpuUs)} | ${ratio(r.cpuUs, base.cpuUs)} | ${fmt(r.coldMs, 1)} | ${fmt(r.tailEvents)} |`,
      )
    })
  }
  console.log('(the throughput ratio is 1 KB over this size: how many times slower)')
}

if (parts.includes('client')) {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-bench-docsize-'))
  try {
    const results: Array<{ build: Build; rows: ClientRow[] }> = []
    // Each build's client against its own build's server: they speak the same revision ids.
    for (const build of builds) {
      const database = await createTestDatabase('sqlite')
      const script = fileURLToPath(new URL('./docsize-child.js', import.meta.url))
      const server = await startChild(script, build.serverModule ? [database.url, build.serverModule] : [database.url])
      try {
        results.push({ build, rows: await benchClient(build, server.url, dir) })
      } finally {
        await server.stop()
        await database.drop()
      }
    }
    console.log('')
    console.log(
      `Client: SyncClient.update offline (ms per update, ${CLIENT_UPDATES} updates); a remote change from another user through the server until the subscriber sees it (${REMOTE_CHANGES} changes; this process's CPU ms per change, and wall ms per change).`,
    )
    console.log('')
    console.log('| build | document | update ms | ratio | remote change CPU ms | ratio | remote change wall ms | ratio |')
    console.log('|---|---|---|---|---|---|---|---|')
    for (const { build, rows } of results) {
      const base = rows[0]!
      rows.forEach((r, i) => {
        console.log(
          `| ${build.name} | ${CLIENT_SIZES[i]![0]} | ${fmt(r.updateMs, 3)} | ${ratio(r.updateMs, base.updateMs)} | ${fmt(r.remoteCpuMs, 3)} | ${ratio(r.remoteCpuMs, base.remoteCpuMs)} | ${fmt(r.remoteWallMs, 2)} | ${ratio(r.remoteWallMs, base.remoteWallMs)} |`,
        )
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log(`load average at end ${load()}`)
