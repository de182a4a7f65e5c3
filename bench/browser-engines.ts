/**
 * The browser storage engine, chosen by measurement in headless Chromium (Debian's): IndexedDB
 * against SQLite compiled to WebAssembly over OPFS (@sqlite.org/sqlite-wasm, its opfs-sahpool VFS
 * in a worker, which needs no cross-origin isolation). For each: the time for one outbox write to
 * be durable (IndexedDB: a strict-durability transaction; SQLite: an autocommit INSERT with
 * synchronous=FULL), the time to open the storage and read 10,000 documents, and what it adds to
 * the download. Run: npx tsx bench/browser-engines.ts
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHROMIUM, CHROMIUM_ARGS } from '../client/test-support/chromium.js'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'

const DOCUMENTS = 10_000
const WRITES = 200
const root = fileURLToPath(new URL('..', import.meta.url))
const sqliteDist = join(root, 'node_modules/@sqlite.org/sqlite-wasm/dist')

/** A document like the client stores: a 1 KB JSON body. */
const BODY = JSON.stringify({ text: 'x'.repeat(900), n: 1, tags: ['a', 'b'] })

const IDB_BENCH = `
const DOCUMENTS = ${DOCUMENTS}, WRITES = ${WRITES}, BODY = ${JSON.stringify(BODY)}
const settle = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error) })
const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error) })
function open() {
  const r = indexedDB.open('bench', 1)
  r.onupgradeneeded = () => { r.result.createObjectStore('documents', { keyPath: 'id' }); r.result.createObjectStore('outbox', { keyPath: 'position', autoIncrement: true }) }
  return settle(r)
}
let db = await open()
const fill = db.transaction(['documents'], 'readwrite')
for (let i = 0; i < DOCUMENTS; i++) fill.objectStore('documents').put({ id: crypto.randomUUID(), title: 'doc ' + i, content: BODY, revision: '1-x', generation: 1, owner_id: null, vector_clock: {} })
await done(fill)
db.close()
const t0 = performance.now()
db = await open()
const docs = await settle(db.transaction(['documents']).objectStore('documents').getAll())
const openMs = performance.now() - t0
const writes = []
for (let i = 0; i < WRITES; i++) {
  const t = performance.now()
  const tx = db.transaction(['outbox'], 'readwrite', { durability: 'strict' })
  tx.objectStore('outbox').add({ op_id: crypto.randomUUID(), payload: '{"type":"update_document"}' })
  await done(tx)
  writes.push(performance.now() - t)
}
writes.sort((a, b) => a - b)
return { openMs, read: docs.length, writeMedianMs: writes[WRITES >> 1], writeP95Ms: writes[Math.floor(WRITES * 0.95)] }
`

const SQLITE_WORKER = `
import sqlite3InitModule from '/sqlite/index.mjs'
const DOCUMENTS = ${DOCUMENTS}, WRITES = ${WRITES}, BODY = ${JSON.stringify(BODY)}
onmessage = async () => {
  const t0 = performance.now()
  let sqlite3 = await sqlite3InitModule()
  let pool = await sqlite3.installOpfsSAHPoolVfs({ name: 'bench-pool' })
  const initMs = performance.now() - t0
  let db = new pool.OpfsSAHPoolDb('/bench.db')
  db.exec('pragma journal_mode = wal; pragma synchronous = full')
  db.exec('create table if not exists documents (id text primary key, base_title text, base_content text, base_revision text, base_generation integer, owner_id text, vector_clock text)')
  db.exec('create table if not exists outbox (position integer primary key autoincrement, op_id text unique, payload text)')
  db.exec('begin')
  const insert = db.prepare('insert into documents values (?, ?, ?, ?, ?, ?, ?)')
  for (let i = 0; i < DOCUMENTS; i++) insert.bind([crypto.randomUUID(), 'doc ' + i, BODY, '1-x', 1, null, '{}']).stepReset()
  insert.finalize()
  db.exec('commit')
  db.close()
  const t1 = performance.now()
  db = new pool.OpfsSAHPoolDb('/bench.db')
  const rows = db.selectObjects('select * from documents')
  const openMs = performance.now() - t1
  const writes = []
  const add = db.prepare('insert into outbox (op_id, payload) values (?, ?)')
  for (let i = 0; i < WRITES; i++) {
    const t = performance.now()
    add.bind([crypto.randomUUID(), '{"type":"update_document"}']).stepReset()
    writes.push(performance.now() - t)
  }
  add.finalize()
  db.close()
  writes.sort((a, b) => a - b)
  postMessage({ initMs, openMs, read: rows.length, writeMedianMs: writes[WRITES >> 1], writeP95Ms: writes[Math.floor(WRITES * 0.95)] })
}
`

const PAGE = `<!doctype html><meta charset="utf-8"><title>engines</title>`

async function main(): Promise<void> {
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    if (url === '/worker.mjs') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(SQLITE_WORKER)
    if (url.startsWith('/sqlite/')) {
      const file = join(sqliteDist, url.slice('/sqlite/'.length))
      const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript'
      return response.writeHead(200, { 'content-type': type }).end(readFileSync(file))
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
  const profile = mkdtempSync(join(tmpdir(), 'patchsync-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  try {
    const page = await context.newPage()
    await page.goto(url)
    const idb = (await page.evaluate(`(async () => { ${IDB_BENCH} })()`)) as Record<string, number>
    const sqlite = (await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker('/worker.mjs', { type: 'module' })
          worker.onmessage = (event) => resolve(event.data)
          worker.onerror = (event) => reject(new Error(event.message))
          worker.postMessage('go')
        }),
    )) as Record<string, number>
    const glue = await build({ entryPoints: [join(sqliteDist, 'index.mjs')], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'error' })
    const glueGzip = gzipSync(glue.outputFiles[0]!.contents, { level: 9 }).length
    const wasmGzip = gzipSync(readFileSync(join(sqliteDist, 'sqlite3.wasm')), { level: 9 }).length
    const ms = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)} ms`)
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`
    console.log(`Chromium ${context.browser()?.version() ?? ''}, ${DOCUMENTS} documents of ${BODY.length} bytes, ${WRITES} outbox writes`)
    console.log('| engine | outbox write durable (median / p95) | open + read 10,000 documents | added download (min + gzip) |')
    console.log('|---|---|---|---|')
    console.log(`| IndexedDB (strict durability) | ${ms(idb.writeMedianMs)} / ${ms(idb.writeP95Ms)} | ${ms(idb.openMs)} (${idb.read} read) | 0 (built in) |`)
    console.log(
      `| SQLite-WASM, OPFS (opfs-sahpool, synchronous=FULL) | ${ms(sqlite.writeMedianMs)} / ${ms(sqlite.writeP95Ms)} | ${ms(sqlite.openMs)} (${sqlite.read} read) + ${ms(sqlite.initMs)} to load the module | ${kb(glueGzip)} JS + ${kb(wasmGzip)} WASM |`,
    )
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
    server.close()
  }
}

await main()
