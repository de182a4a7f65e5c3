/**
 * SyncClient.update on a small and a large document, offline (the outbox write and its flush
 * included): the local side of issue 15's aim, an update costs what its patch touches. Each
 * update replaces one short field. Run: npm run bench:client
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SyncClient } from '../client/node.js'


const UPDATES = 200

async function perUpdate(bytes: number, dir: string): Promise<number> {
  const client = new SyncClient({ databasePath: join(dir, `${bytes}.db`), serverUrl: 'ws://127.0.0.1:9/ws', userId: crypto.randomUUID(), authToken: 'bench', limits: { maxDocumentBytes: 4 * 1024 * 1024 } })
  await client.open()
  const items = Array.from({ length: Math.max(1, Math.floor(bytes / 100)) }, (_, i) => ({ id: i, text: 'x'.repeat(80) }))
  const doc = await client.create({ title: 'bench', content: { field: 0, items } })
  for (let i = 0; i < 20; i++) await client.update(doc.id, [{ op: 'replace', path: '/field', value: i }])
  const start = performance.now()
  for (let i = 0; i < UPDATES; i++) await client.update(doc.id, [{ op: 'replace', path: '/field', value: i }])
  const ms = (performance.now() - start) / UPDATES
  await client.close()
  return ms
}

const dir = mkdtempSync(join(tmpdir(), 'patchsync-bench-client-'))
try {
  const small = await perUpdate(1024, dir)
  console.log(`${UPDATES} updates each, one short field replaced, offline (outbox write + flush included)`)
  console.log('| document | ms per update | ratio to 1 KB |')
  console.log('|---|---|---|')
  for (const [name, bytes] of [['1 KB', 1024], ['64 KB', 64 * 1024], ['256 KB', 256 * 1024], ['1 MiB', 1024 * 1024]] as const) {
    const ms = bytes === 1024 ? small : await perUpdate(bytes, dir)
    console.log(`| ${name} | ${ms.toFixed(3)} | ${(ms / small).toFixed(2)} |`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
