import type { JsonObject, Operation, VectorClock } from '../core/index.js'
import { replayTail, TAIL_LIMIT, type ClientStorage, type ConfirmedDocument, type OperationKind, type PendingOperation } from './storage.js'

/**
 * A document's confirmed header. Its content is in `contents` (as last written whole, JSON text,
 * cheaper to clone than a tree) and `patches` (the tail since): a fold writes neither whole.
 */
interface DocumentRecord {
  id: string
  title: string | null
  revision: string | null
  generation: number
  owner_id: string | null
  vector_clock: VectorClock
}

interface ContentRecord {
  id: string
  content: string
  generation: number
}

interface PatchRecord {
  document_id: string
  generation: number
  patch: string
}

interface OutboxRecord {
  position?: number
  op_id: string
  document_id: string | null
  kind: OperationKind
  payload: string
  created_at: string
}

const STORES = ['settings', 'documents', 'contents', 'patches', 'outbox']
const VERSION = 1

/** Opens (creating if needed) the IndexedDB database `name`. `factory` is the browser's `indexedDB` unless given. */
export async function openIndexedDbStorage(name: string, factory: IDBFactory = indexedDB): Promise<IndexedDbStorage> {
  const request = factory.open(name, VERSION)
  request.onupgradeneeded = () => {
    const db = request.result
    db.createObjectStore('settings', { keyPath: 'key' })
    db.createObjectStore('documents', { keyPath: 'id' })
    db.createObjectStore('contents', { keyPath: 'id' })
    db.createObjectStore('patches', { keyPath: ['document_id', 'generation'] }).createIndex('document_id', 'document_id')
    db.createObjectStore('outbox', { keyPath: 'position', autoIncrement: true }).createIndex('op_id', 'op_id', { unique: true })
  }
  const db = await settled(request)
  // A tab that opens a newer version of the schema asks the others to let go.
  db.onversionchange = () => db.close()
  return new IndexedDbStorage(db)
}

/**
 * The browser storage engine: IndexedDB, which every tab of an origin shares and whose
 * transactions are atomic across tabs. An outbox entry is written with `durability: 'strict'`
 * (the browser flushes it to disk before the transaction completes), so it is durable when
 * `addPending` resolves; everything else is written relaxed, like SQLite's NORMAL commits in
 * Node: losing it costs only work (a page pulled again, an acknowledgement replayed).
 */
export class IndexedDbStorage implements ClientStorage {
  constructor(
    private readonly db: IDBDatabase,
    private readonly tx?: IDBTransaction,
  ) {}

  async transaction<T>(fn: (storage: ClientStorage) => Promise<T>): Promise<T> {
    if (this.tx) return fn(this)
    const tx = this.db.transaction(STORES, 'readwrite', { durability: 'relaxed' })
    const done = completion(tx)
    try {
      const result = await fn(new IndexedDbStorage(this.db, tx))
      await done
      return result
    } catch (error) {
      try {
        tx.abort()
      } catch {
        // Already finished (committed or aborted by the failure itself).
      }
      await done.catch(() => {})
      throw error
    }
  }

  /** Outbox entries are durable once written; nothing is left to flush. */
  async flush(): Promise<void> {}

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.run('readonly', (tx) => settled<{ value: string } | undefined>(tx.objectStore('settings').get(key)))
    return row?.value
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.run('readwrite', (tx) => settled(tx.objectStore('settings').put({ key, value })))
  }

  async loadDocument(id: string): Promise<ConfirmedDocument | undefined> {
    return this.run('readonly', async (tx) => {
      const record = await settled<DocumentRecord | undefined>(tx.objectStore('documents').get(id))
      if (!record) return undefined
      const content = await settled<ContentRecord | undefined>(tx.objectStore('contents').get(id))
      // Index entries sort by document, then by primary key: the tail comes out in order.
      const tail = await settled<PatchRecord[]>(tx.objectStore('patches').index('document_id').getAll(id))
      return toConfirmed(record, content, tail)
    })
  }

  async loadDocuments(): Promise<ConfirmedDocument[]> {
    return this.run('readonly', async (tx) => {
      const [records, contents, patches] = await Promise.all([
        settled<DocumentRecord[]>(tx.objectStore('documents').getAll()),
        settled<ContentRecord[]>(tx.objectStore('contents').getAll()),
        settled<PatchRecord[]>(tx.objectStore('patches').getAll()),
      ])
      const byId = new Map(contents.map((c) => [c.id, c]))
      const tails = new Map<string, PatchRecord[]>()
      // Keys sort by document, then generation: each tail comes out in order.
      for (const p of patches) {
        const tail = tails.get(p.document_id)
        if (tail) tail.push(p)
        else tails.set(p.document_id, [p])
      }
      return records.map((record) => toConfirmed(record, byId.get(record.id), tails.get(record.id) ?? []))
    })
  }

  async saveConfirmed(doc: ConfirmedDocument, patch?: readonly Operation[]): Promise<void> {
    await this.run('readwrite', async (tx) => {
      const documents = tx.objectStore('documents')
      const contents = tx.objectStore('contents')
      const patches = tx.objectStore('patches')
      const stored = await settled<DocumentRecord | undefined>(documents.get(doc.id))
      if (stored && stored.generation > doc.generation) return
      const record: DocumentRecord = {
        id: doc.id,
        title: doc.state?.title ?? null,
        revision: doc.revision,
        generation: doc.generation,
        owner_id: doc.ownerId,
        vector_clock: doc.vectorClock,
      }
      await settled(documents.put(record))
      const dropTail = async () => {
        for (const key of await settled(patches.index('document_id').getAllKeys(doc.id))) await settled(patches.delete(key))
      }
      if (doc.state === null) {
        await settled(contents.delete(doc.id))
        await dropTail()
        return
      }
      const written = await settled<ContentRecord | undefined>(contents.get(doc.id))
      const appends =
        patch !== undefined &&
        stored?.title != null &&
        stored.generation === doc.generation - 1 &&
        written !== undefined &&
        doc.generation - written.generation <= TAIL_LIMIT
      if (appends) {
        if (patch.length > 0)
          await settled(patches.put({ document_id: doc.id, generation: doc.generation, patch: JSON.stringify(patch) } satisfies PatchRecord))
        return
      }
      await settled(contents.put({ id: doc.id, content: JSON.stringify(doc.state.content), generation: doc.generation } satisfies ContentRecord))
      await dropTail()
    })
  }

  async addPending(op: Omit<PendingOperation, 'position' | 'createdAt'>): Promise<PendingOperation> {
    const createdAt = new Date().toISOString()
    const record: OutboxRecord = { op_id: op.opId, document_id: op.documentId, kind: op.kind, payload: JSON.stringify(op.payload), created_at: createdAt }
    const position = await this.run('readwrite', (tx) => settled(tx.objectStore('outbox').add(record)), 'strict')
    return { ...op, position: position as number, createdAt }
  }

  async loadOutbox(): Promise<PendingOperation[]> {
    const records = await this.run('readonly', (tx) => settled<OutboxRecord[]>(tx.objectStore('outbox').getAll()))
    return records.map((record) => ({
      position: record.position!,
      opId: record.op_id,
      documentId: record.document_id,
      kind: record.kind,
      payload: JSON.parse(record.payload) as PendingOperation['payload'],
      createdAt: record.created_at,
    }))
  }

  async removePending(opId: string): Promise<void> {
    await this.run('readwrite', async (tx) => {
      const outbox = tx.objectStore('outbox')
      const key = await settled(outbox.index('op_id').getKey(opId))
      if (key !== undefined) await settled(outbox.delete(key))
    })
  }

  async close(): Promise<void> {
    this.db.close()
  }

  /** Runs `fn` in this storage's transaction, or in a transaction of its own that has completed when this resolves. */
  private async run<T>(mode: IDBTransactionMode, fn: (tx: IDBTransaction) => Promise<T>, durability: IDBTransactionDurability = 'relaxed'): Promise<T> {
    if (this.tx) return fn(this.tx)
    const tx = this.db.transaction(STORES, mode, { durability })
    const done = completion(tx)
    try {
      const result = await fn(tx)
      await done
      return result
    } catch (error) {
      await done.catch(() => {})
      throw error
    }
  }
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new Error('the IndexedDB transaction was aborted'))
  })
}

function toConfirmed(record: DocumentRecord, content: ContentRecord | undefined, tail: PatchRecord[]): ConfirmedDocument {
  return {
    id: record.id,
    state:
      record.title === null
        ? null
        : {
            title: record.title,
            content: replayTail(
              JSON.parse(content?.content ?? '{}') as JsonObject,
              tail.map((p) => JSON.parse(p.patch)),
            ),
          },
    revision: record.revision,
    generation: record.generation,
    ownerId: record.owner_id,
    vectorClock: record.vector_clock,
  }
}
