import t from 'tap'
import BetterSqlite3 from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb'
import type { JsonObject } from '../core/index.js'
import { openIndexedDbStorage } from './indexeddb-storage.js'
import { openSqliteStorage } from './sqlite-storage.js'
import { TAIL_LIMIT, type ClientStorage, type ConfirmedDocument } from './storage.js'
import { tempDir } from './test-support/harness.js'
import type { Teardown } from '../server/test-support/teardown.js'

const ENGINES: Record<string, (t: Teardown) => () => Promise<ClientStorage>> = {
  sqlite: (t) => {
    const path = join(tempDir(t), 'client.db')
    return () => openSqliteStorage(path)
  },
  indexeddb: () => {
    const name = randomUUID()
    return () => openIndexedDbStorage(name, fakeIndexedDB)
  },
}

function confirmed(id: string, generation: number, title: string, content: JsonObject | null): ConfirmedDocument {
  return { id, state: content && { title, content }, revision: `${generation}-ab`, generation, ownerId: null, vectorClock: { c: generation } }
}

for (const [engine, opener] of Object.entries(ENGINES)) {
  t.test(`${engine}: a confirmed document kept as content plus a tail of patches reads back exactly, across reopening`, async (t) => {
    const open = opener(t)
    let storage = await open()
    const id = randomUUID()
    let content: JsonObject = { n: 0, list: [] }
    await storage.saveConfirmed(confirmed(id, 1, 'Doc', content))
    let generation = 1
    // More than two tails' worth, so the content is written whole again on the way.
    for (let i = 1; i <= 2 * TAIL_LIMIT + 10; i++) {
      const patch = [
        { op: 'replace' as const, path: '/n', value: i },
        { op: 'add' as const, path: '/list/-', value: i },
      ]
      content = { n: i, list: [...(content.list as number[]), i] }
      generation++
      await storage.transaction((trx) => trx.saveConfirmed(confirmed(id, generation, 'Doc', content), patch))
    }
    generation++
    await storage.saveConfirmed(confirmed(id, generation, 'Renamed', content), [])
    t.same(await storage.loadDocument(id), confirmed(id, generation, 'Renamed', content), 'read back with its tail replayed')
    await storage.saveConfirmed(confirmed(id, generation - 5, 'Older', { stale: true }), [])
    t.same((await storage.loadDocument(id))?.state?.title, 'Renamed', 'an older generation never replaces a newer one')
    await storage.close()

    storage = await open()
    t.teardown(() => storage.close())
    t.same(await storage.loadDocuments(), [confirmed(id, generation, 'Renamed', content)], 'and again after reopening')
    await storage.saveConfirmed(confirmed(id, generation + 1, 'Renamed', null))
    t.same((await storage.loadDocument(id))?.state, null, 'a deleted document has no content')
    await storage.saveConfirmed(confirmed(id, generation + 2, 'Back', { again: 1 }), [{ op: 'add', path: '/again', value: 1 }])
    t.same(
      (await storage.loadDocument(id))?.state,
      { title: 'Back', content: { again: 1 } },
      'a patch onto no stored content is not appended: the content is written whole',
    )
  })
}

t.test('a client database written by the first schema (content in the documents row) is migrated and reads the same', async (t) => {
  const path = join(tempDir(t), 'old.db')
  const old = new BetterSqlite3(path)
  old.exec(`
    create table settings (key text primary key, value text not null);
    create table documents (id text primary key, base_title text, base_content text, base_revision text, base_generation integer not null default 0, owner_id text, vector_clock text not null default '{}');
    create table outbox (position integer primary key autoincrement, op_id text not null unique, document_id text, kind text not null, payload text not null, created_at text not null);
    create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null);
    insert into kysely_migration values ('2026-11-25-client', '2026-11-25T00:00:00.000Z');
    insert into documents values ('d1', 'Kept', '{"a":[1,2]}', '3-ff', 3, 'u1', '{"c":3}');
    insert into documents values ('d2', null, null, '2-ee', 2, 'u1', '{}');
  `)
  old.close()
  const storage = await openSqliteStorage(path)
  t.teardown(() => storage.close())
  t.same(await storage.loadDocuments(), [
    { id: 'd1', state: { title: 'Kept', content: { a: [1, 2] } }, revision: '3-ff', generation: 3, ownerId: 'u1', vectorClock: { c: 3 } },
    { id: 'd2', state: null, revision: '2-ee', generation: 2, ownerId: 'u1', vectorClock: {} },
  ])
  await storage.saveConfirmed(confirmed('d1', 4, 'Kept', { a: [1, 2, 3] }), [{ op: 'add', path: '/a/-', value: 3 }])
  t.same((await storage.loadDocument('d1'))?.state?.content, { a: [1, 2, 3] }, 'a patch appends to the migrated content')
})
