/**
 * An in-memory stand-in for SyncClient, so the host protocol can be tested without a server or a
 * client database. Applies patches with fast-json-patch and emits the events SyncClient emits.
 */
import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import jsonpatch, { type Operation } from 'fast-json-patch'
import type { HostedClient, HostedClientOptions } from '../host-protocol.js'

interface StoredDocument {
  id: string
  title: string
  content: Record<string, unknown>
}

export class MemoryClient extends EventEmitter implements HostedClient {
  readonly documents = new Map<string, StoredDocument>()
  online = false
  pending = 0
  closed = false

  constructor(readonly options: HostedClientOptions) {
    super()
  }

  async open(): Promise<void> {}

  connect(): void {
    this.emit('connection_attempting', { url: this.options.serverUrl })
    this.online = true
    this.emit('connection_established', { userId: this.options.userId })
  }

  disconnect(): void {
    this.online = false
    this.emit('connection_lost', { reason: 'disconnect' })
  }

  async close(): Promise<void> {
    this.closed = true
  }

  async create(input: { id?: string; title: string; content: Record<string, unknown> }): Promise<StoredDocument> {
    const document = { id: input.id ?? randomUUID(), title: input.title, content: input.content }
    if (this.documents.has(document.id)) throw Object.assign(new Error('exists'), { code: 'document_exists' })
    this.documents.set(document.id, document)
    this.pending++
    this.emit('document_created', { document_id: document.id, document })
    return document
  }

  async update(id: string, patch: never[]): Promise<void> {
    const document = this.documents.get(id)
    if (!document) throw Object.assign(new Error(`no document ${id}`), { code: 'document_not_found' })
    document.content = jsonpatch.applyPatch(document.content, patch as Operation[], true, false).newDocument
    this.pending++
    this.emit('document_updated', { document_id: id, patch })
  }

  async delete(id: string): Promise<void> {
    if (!this.documents.delete(id)) throw Object.assign(new Error(`no document ${id}`), { code: 'document_not_found' })
    this.pending++
    this.emit('document_deleted', { document_id: id })
  }

  async get(id: string): Promise<StoredDocument | undefined> {
    return this.documents.get(id)
  }

  async list(): Promise<StoredDocument[]> {
    return [...this.documents.values()]
  }

  status(): { online: boolean; pending: number; lastSequence: number } {
    return { online: this.online, pending: this.pending, lastSequence: 0 }
  }

  async whenSynced(): Promise<void> {
    this.pending = 0
  }
}
