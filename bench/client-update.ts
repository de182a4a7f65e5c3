/**
 * The client's cost per change on a small and a large document: the local side of the aim that an
 * update costs what its patch touches. Each change replaces one short field.
 * - `update`: SyncClient.update offline, the outbox write and its flush included;
 * - `store remote change`: what folding a server change writes (the confirmed state, through
 *   the SQLite engine, with the change's patch appended to the document's tail), next to the same
 *   write of the whole document, which is what every fold did before the tail;
 * - `revision id`: the check of a server change's revision id, which hashes the parent and the
 *   change (spec §6.4, chained ids), not the content.
 * Run: npm run bench:client
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chainedRevisionId, type JsonObject } from '../core/index.js'
import { SyncClient } from '../client/node.js'
import { openSqliteStorage } from '../client/sqlite-storage.js'

const CHANGES = 200
const LIMITS = { maxDocumentBytes: 4 * 1024 * 1024 }

function documentOf(bytes: number): JsonObject {
  return { field: 0, items: Array.from({ length: Math.max(1, Math.floor(bytes / 100)) }, (_, i) => ({ id: i, text: 'x'.repeat(80) })) }
}

async function timed(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(i)
  const start = performance.now()
  for (let i = 0; i < n; i++) await fn(i)
  return (performance.now() - start) / n
}

async function measure(bytes: number, dir: string): Promise<Record<'update' | 'store' | 'whole' | 'revision', number>> {
  const client = new SyncClient({
    databasePath: join(dir, `${bytes}-client.db`),
    serverUrl: 'ws://127.0.0.1:9/ws',
    userId: crypto.randomUUID(),
    authToken: 'bench',
    limits: LIMITS,
  })
  await client.open()
  const doc = await client.create({ title: 'bench', content: documentOf(bytes) })
  const update = await timed(CHANGES, (i) => client.update(doc.id, [{ op: 'replace', path: '/field', value: i }]))
  await client.close()

  const storage = await openSqliteStorage(join(dir, `${bytes}-storage.db`))
  const content = documentOf(bytes)
  const id = crypto.randomUUID()
  let generation = 1
  await storage.saveConfirmed({ id, state: { title: 'bench', content }, revision: '1-a', generation, ownerId: null, vectorClock: {} })
  const store = await timed(CHANGES, (i) => {
    generation++
    content.field = i
    return storage.transaction((trx) =>
      trx.saveConfirmed({ id, state: { title: 'bench', content }, revision: `${generation}-a`, generation, ownerId: null, vectorClock: {} }, [
        { op: 'replace', path: '/field', value: i },
      ]),
    )
  })
  const whole = await timed(CHANGES, (i) => {
    generation++
    content.field = i
    return storage.transaction((trx) =>
      trx.saveConfirmed({ id, state: { title: 'bench', content }, revision: `${generation}-a`, generation, ownerId: null, vectorClock: {} }),
    )
  })
  await storage.close()
  const revision = await timed(20, async () => chainedRevisionId(2, '1-a', 'update', [{ op: 'replace', path: '/field', value: 1 }]))
  return { update, store, whole, revision }
}

const dir = mkdtempSync(join(tmpdir(), 'patchsync-bench-client-'))
try {
  console.log(`${CHANGES} changes each, one short field replaced (ms per change; ratio to 1 KB)`)
  console.log('| document | update | store remote change | the same, written whole (before) | revision id (chained) |')
  console.log('|---|---|---|---|---|')
  let base: Record<'update' | 'store' | 'whole' | 'revision', number> | undefined
  for (const [name, bytes] of [
    ['1 KB', 1024],
    ['64 KB', 64 * 1024],
    ['256 KB', 256 * 1024],
    ['1 MiB', 1024 * 1024],
  ] as const) {
    const m = await measure(bytes, dir)
    base ??= m
    const cell = (v: number, b: number) => `${v.toFixed(3)} (${(v / b).toFixed(2)}x)`
    console.log(
      `| ${name} | ${cell(m.update, base.update)} | ${cell(m.store, base.store)} | ${cell(m.whole, base.whole)} | ${cell(m.revision, base.revision)} |`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
