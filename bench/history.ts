/**
 * npm run bench:history — what reading history costs (issue 15), on SQLite and PostgreSQL, next to
 * an older build when BENCH_BEFORE names its tsc output (as for bench:docsize):
 * 1. Time travel: one document filled with REVISIONS updates that each append a short string to an
 *    array (about 29 bytes each, 291 KB at 10,000), pipelined 16 deep through the server (the fill
 *    rate is printed too); then `get_document_at` 1, 100, REVISIONS / 2 (the middle, farthest from
 *    both ends) and REVISIONS steps back (median of 5), next to `get_document` of the head (the
 *    floor: the same document read and sent, no history) and a cold read of the head through the
 *    build's Store (the snapshot and its tail rebuilt, as a cache miss does).
 * 2. Catch-up: CATCH_UP changes (over 100 documents, committed through the write path in-process),
 *    pulled by a fresh reader with `get_changes` from sequence 0 until `has_more` is false, in pages
 *    of 1,000 and of the build's largest `limit` (its spec's maximum): wall time end to end. Beside
 *    them, in the same run, two floors: the database read alone (the same rows, in pages of 1,000,
 *    through the driver, JSON columns as text) and the reader's decoding and JSON.parse of the
 *    frames it got.
 * 3. Log size: an editing workload on a 100 KB document (replace a field, insert and remove items),
 *    the bytes of its forward and reverse patches against a full snapshot per change.
 * BENCH_DIALECTS=sqlite (or postgres) runs one database; BENCH_PARTS=travel,catchup,log picks parts.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { applyPatch, jsonBytes, type JsonObject, type Operation } from '../core/index.js'
import type { Store as StoreClass, WritePath as WritePathClass } from '../server/index.js'
import { createTestDatabase, type DialectName } from '../server/test-support/databases.js'
import { BenchClient, fmt, startChild, within, type Frame } from './support.js'

const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 10_000)
const CATCH_UP = Number(process.env.BENCH_CATCH_UP ?? 100_000)
const IN_FLIGHT = 16
/** Reads per time-travel figure (the median is printed); more for a profile of the reads. */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const PAGE = 1000

interface Build {
  name: string
  serverModule: string
  /** The largest `get_changes` limit its spec allows. */
  maxPage: number
}

/** A build from its tsc output directory (the spec sits beside it, in the worktree). */
function build(name: string, outDir: string): Build {
  const spec = JSON.parse(readFileSync(join(dirname(outDir), 'spec/messages/get-changes.json'), 'utf8')) as { properties: { limit: { maximum: number } } }
  return { name, serverModule: join(outDir, 'server/index.js'), maxPage: spec.properties.limit.maximum }
}

const here = fileURLToPath(new URL('..', import.meta.url))
const builds: Build[] = [build('now', here)]
if (process.env.BENCH_BEFORE) builds.unshift(build('before', process.env.BENCH_BEFORE))
const childScript = fileURLToPath(new URL('./docsize-child.js', import.meta.url))

/** Sends `count` frames, IN_FLIGHT at a time; resolves with the replies in order. */
async function pipelined(client: BenchClient, count: number, frame: (i: number) => object): Promise<Frame[]> {
  const replies: Frame[] = []
  let sent = 0
  await within(
    new Promise<void>((resolve, reject) => {
      const sendOne = () => client.send({ ...frame(sent), request_id: `p${sent++}` })
      client.onReply = (reply) => {
        if (reply.type === 'error') return reject(new Error(JSON.stringify(reply)))
        replies.push(reply)
        if (sent < count) sendOne()
        else if (replies.length === count) resolve()
      }
      for (let i = 0; i < Math.min(IN_FLIGHT, count); i++) sendOne()
    }),
    'pipelined requests',
    600_000,
  )
  client.onReply = undefined
  return replies
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

async function travel(dialect: DialectName, build: Build) {
  const database = await createTestDatabase(dialect)
  const server = await startChild(childScript, [database.url, build.serverModule])
  try {
    const client = await BenchClient.login(server.url)
    const documentId = await client.createDocument({ items: [] })
    const start = performance.now()
    const replies = await pipelined(client, REVISIONS, () => ({
      type: 'update_document',
      patch: { document_id: documentId, patch: [{ op: 'add', path: '/items/-', value: 'x'.repeat(25) }] },
    }))
    const fillPerSecond = REVISIONS / ((performance.now() - start) / 1000)
    const sequences = replies.map((r) => r.sequence as number)
    const at = (stepsBack: number) => {
      const sequence = stepsBack >= REVISIONS ? sequences[0]! - 1 : sequences[sequences.length - 1 - stepsBack]!
      return median(RUNS, () => client.request({ type: 'get_document_at', document_id: documentId, sequence }, 'document_at'))
    }
    const head = await median(RUNS, () => client.request({ type: 'get_document', document_id: documentId }, 'document'))
    const result = {
      fillPerSecond,
      head,
      cold: await coldRead(database.url, build, documentId),
      one: await at(1),
      hundred: await at(100),
      middle: await at(Math.floor(REVISIONS / 2)),
      all: await at(REVISIONS),
    }
    await client.close()
    return result
  } finally {
    await server.stop()
    await database.drop()
  }
}

/**
 * A read of a document's head through the build's own Store, in this process: no cache, so its
 * snapshot and tail are rebuilt each time, as on a cache miss (median of RUNS after 3 unmeasured, ms).
 */
async function coldRead(url: string, build: Build, documentId: string): Promise<number> {
  const { Store } = (await import(pathToFileURL(build.serverModule).href)) as { Store: typeof StoreClass }
  const store = Store.open(url)
  try {
    for (let i = 0; i < 3; i++) await store.getDocument(documentId)
    return await median(RUNS, () => store.getDocument(documentId))
  } finally {
    await store.close()
  }
}

async function catchUp(dialect: DialectName, build: Build) {
  const database = await createTestDatabase(dialect)
  const { Store, WritePath } = (await import(pathToFileURL(build.serverModule).href)) as { Store: typeof StoreClass; WritePath: typeof WritePathClass }
  const store = Store.open(database.url)
  const userId = randomUUID()
  try {
    await store.migrate()
    const writes = new WritePath(store)
    const documents = Array.from({ length: 100 }, () => randomUUID())
    await Promise.all(documents.map((id) => writes.submit(userId, null, { kind: 'create', id, title: 'T', content: { n: 0 } })))
    for (let done = documents.length; done < CATCH_UP;) {
      const batch = Math.min(2000, CATCH_UP - done)
      await Promise.all(
        Array.from({ length: batch }, (_, i) =>
          writes.submit(userId, null, {
            kind: 'update',
            documentId: documents[i % documents.length]!,
            patch: [{ op: 'replace', path: '/n', value: done + i }],
          }),
        ),
      )
      done += batch
    }
  } finally {
    await store.close()
  }
  const server = await startChild(childScript, [database.url, build.serverModule])
  try {
    const client = await BenchClient.connect(server.url)
    await client.request({ type: 'authenticate', user_id: userId, auth_token: `bench-${userId}` }, 'auth_success')
    // The frames as they arrived (BenchClient decodes and parses them too), for the reader's floor.
    const frames: Buffer[] = []
    client.socket.on('message', (data) => frames.push(data as Buffer))
    const pull = async (limit: number) => {
      frames.length = 0
      let since = 0
      let events = 0
      for (;;) {
        const page = await client.request({ type: 'get_changes', since_sequence: since, limit }, 'changes_since')
        const changes = page.changes as Array<{ sequence: number }>
        events += changes.length
        if (!page.has_more || changes.length === 0) return events
        since = changes.at(-1)!.sequence
      }
    }
    for (const limit of [PAGE, build.maxPage]) {
      const pulled = await pull(limit)
      if (pulled !== CATCH_UP) throw new Error(`pulled ${pulled} events in pages of ${limit}, expected ${CATCH_UP}`)
    }
    const ms = await median(3, () => pull(PAGE))
    const msMax = await median(3, () => pull(build.maxPage))
    const pages = frames.length
    const bytes = frames.reduce((n, f) => n + f.byteLength, 0)
    const parseMs = await median(3, async () => frames.map((f) => JSON.parse(f.toString()) as unknown))
    await client.close()
    await server.stop()
    return { ms, msMax, pages, bytes, parseMs, readMs: await median(3, () => readRows(database.url)) }
  } finally {
    await server.stop()
    await database.drop()
  }
}

/** The database's floor: every event row, in pages of PAGE by sequence, through the driver alone (JSON columns as text). */
async function readRows(url: string): Promise<number> {
  let rows = 0
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true })
    const page = db.prepare('select * from change_events where sequence > ? order by sequence limit ?')
    for (let since = 0; ;) {
      const got = page.all(since, PAGE) as Array<{ sequence: number }>
      rows += got.length
      if (got.length < PAGE) break
      since = got.at(-1)!.sequence
    }
    db.close()
    return rows
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const columns =
    'sequence, document_id, user_id, event_type, revision_id, forward_patch::text, reverse_patch::text, client_op_id, vector_clock::text, cause, created_at::text'
  for (let since = 0; ;) {
    const got = await client.query<{ sequence: string }>({
      name: 'page',
      text: `select ${columns} from change_events where sequence > $1 order by sequence limit $2`,
      values: [since, PAGE],
    })
    rows += got.rows.length
    if (got.rows.length < PAGE) break
    since = Number(got.rows.at(-1)!.sequence)
  }
  await client.end()
  return rows
}

/** An editing workload on a 100 KB document: log bytes (forward and reverse patches) against a snapshot per change. */
function logSize() {
  let doc: JsonObject = {
    title: 'notes',
    items: Array.from({ length: 1400 }, (_, i) => ({ id: i, text: 'lorem ipsum dolor sit amet, consectetur adipiscing', done: false })),
  }
  let seed = 1
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  let logBytes = 0
  let snapshotBytes = 0
  const changes = 2000
  for (let i = 0; i < changes; i++) {
    const items = (doc.items as unknown[]).length
    const kind = random(10)
    const patch: Operation[] =
      kind < 6
        ? [{ op: 'replace', path: `/items/${random(items)}/text`, value: `edit ${i}` }]
        : kind < 8
          ? [{ op: 'replace', path: `/items/${random(items)}/done`, value: true }]
          : kind < 9
            ? [{ op: 'add', path: `/items/${random(items)}`, value: { id: 10_000 + i, text: 'a new item', done: false } }]
            : [{ op: 'remove', path: `/items/${random(items)}` }]
    const result = applyPatch(doc, patch, { limits: { maxDocumentBytes: Infinity } })
    doc = result.doc as JsonObject
    logBytes += jsonBytes(patch as unknown as JsonObject[]) + jsonBytes(result.reverse as unknown as JsonObject[])
    snapshotBytes += jsonBytes(doc)
  }
  return { changes, documentBytes: jsonBytes(doc), logBytes, snapshotBytes }
}

const parts = (process.env.BENCH_PARTS ?? 'travel,catchup,log').split(',')
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(`node ${process.version}, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}; load average at start ${load()}`)

if (parts.includes('travel')) {
  const rows: string[] = []
  for (const dialect of dialects) {
    for (const build of builds) {
      process.stderr.write(`travel ${dialect} ${build.name}\n`)
      const r = await travel(dialect, build)
      const ms = [r.head, r.cold, r.one, r.hundred, r.middle, r.all].map((v) => fmt(v, 1)).join(' | ')
      rows.push(`| ${dialect} | ${build.name} | ${fmt(r.fillPerSecond)} | ${ms} |`)
    }
  }
  console.log('')
  console.log(
    `Time travel on a document of ${fmt(REVISIONS)} revisions (an array grown one short string at a time): fill rate (${IN_FLIGHT} in flight); get_document of the head (the floor), a cold read of the head through the Store, and get_document_at n steps back (median of ${RUNS}, ms).`,
  )
  console.log('')
  console.log(
    `| database | build | fill updates/s | get_document ms | cold head ms | 1 back ms | 100 back ms | ${fmt(Math.floor(REVISIONS / 2))} back ms | ${fmt(REVISIONS)} back ms |`,
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
}

if (parts.includes('catchup')) {
  const rows: string[] = []
  for (const dialect of dialects) {
    for (const build of builds) {
      process.stderr.write(`catch-up ${dialect} ${build.name}\n`)
      const r = await catchUp(dialect, build)
      rows.push(
        `| ${dialect} | ${build.name} | ${fmt(r.ms)} | ${fmt(build.maxPage)} | ${fmt(r.msMax)} | ${fmt(r.pages)} | ${fmt(r.bytes / 1024 / 1024, 1)} | ${fmt(r.parseMs)} | ${fmt(r.readMs)} |`,
      )
    }
  }
  console.log('')
  console.log(
    `Catch-up: a fresh reader pulls ${fmt(CATCH_UP)} changes with get_changes from sequence 0 (median of 3, end to end), in pages of ${fmt(PAGE)} and of the build's largest limit (its pages, and their MiB of JSON); the floors in the same run: decoding and parsing those frames on the reader (UTF-8 to text, JSON.parse), and the database read of the same rows alone (pages of ${fmt(PAGE)}, JSON as text).`,
  )
  console.log('')
  console.log('| database | build | pages of 1,000 ms | largest limit | pages of it ms | its pages | MiB | reader decode + parse ms | database read ms |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const row of rows) console.log(row)
}

if (parts.includes('log')) {
  const r = logSize()
  console.log('')
  console.log(
    `Log size: ${fmt(r.changes)} edits of a ${fmt(r.documentBytes / 1024)} KB document: forward and reverse patches ${fmt(r.logBytes / 1024)} KB, a full snapshot per change ${fmt(r.snapshotBytes / 1024 / 1024, 1)} MiB: the log is ${((1 - r.logBytes / r.snapshotBytes) * 100).toFixed(2)}% smaller (ratio ${(r.snapshotBytes / r.logBytes).toFixed(0)}x).`,
  )
}
console.log(`load average at end ${load()}`)
