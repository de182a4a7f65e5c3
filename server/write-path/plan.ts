import { randomUUID } from 'node:crypto'
import {
  PatchsyncError,
  applyPatch,
  invertEvent,
  eventRevisionId,
  jsonBytes,
  revertEvent,
  jsonEqual,
  revisionId,
  stateAt,
  toWireDocument,
  undoPlan,
  type Cause,
  type ConflictStrategy,
  type DocState,
  type EventType,
  type JsonObject,
  type Limits,
  type Operation,
  type PlannedEvent,
  type VectorClock,
} from '../../core/index.js'
import { checkCreate, checkRedo, checkUndo, checkUndoExistence, checkWrite } from '../access.js'
import { takesSnapshot } from '../storage/snapshot-policy.js'
import { toHistoryEvent, type DocumentRow, type NewEvent, type PendingChange, type Store } from '../storage/store.js'
import type { DocumentCache, CachedDocument } from './document-cache.js'
import { requestDigest } from './replay.js'
import type { Mutation, SubmitRequest } from './submit-request.js'

/** Who made the events of one request, and why. */
interface EventMeta {
  userId: string
  clientOpId: string | null
  cause: Cause | null
  batchId: string | null
  requestDigest: string | null
}

type PlanOf<K extends Mutation['kind']> = (
  request: SubmitRequest & { mutation: Extract<Mutation, { kind: K }> },
  meta: EventMeta,
  journal: PlanJournal,
) => PendingChange[] | Promise<PendingChange[]>

/**
 * The plan step: a request becomes the changes it makes, computed on the documents in memory (the
 * state after every request planned before it, committed or in the same batch) and applied to
 * them, so the next request plans on top. Access is checked here, on that same state.
 */
export class Planner {
  constructor(
    private readonly cache: DocumentCache,
    private readonly store: Store,
    private readonly strategy: ConflictStrategy,
    private readonly limits: Partial<Limits> | undefined,
  ) {}

  /**
   * The changes a request makes; none for an undo with nothing left to undo. Throws the request's
   * error having changed nothing in memory: whatever step fails (a strategy, a revision id, a read
   * of the history half-way through an undo), what the plan changed so far is rolled back, so a
   * later request cannot commit a change that no event records.
   */
  async plan(request: SubmitRequest): Promise<PendingChange[]> {
    const meta: EventMeta = {
      userId: request.userId,
      clientOpId: request.clientOpId,
      cause: null,
      batchId: null,
      requestDigest: request.clientOpId === null ? null : requestDigest(request.mutation),
    }
    const plan = this.plans[request.mutation.kind] as PlanOf<Mutation['kind']>
    const journal = new PlanJournal(this.cache)
    try {
      return await plan(request, meta, journal)
    } catch (error) {
      journal.rollBack()
      throw error
    }
  }

  /** One plan per mutation kind. */
  private readonly plans: { [K in Mutation['kind']]: PlanOf<K> } = {
    create: ({ userId, mutation: m }, meta, journal) => {
      checkCreate(this.cache.get(m.id), m.id)
      const content = structuredClone(m.content)
      checkSize(content, this.limits)
      const now = new Date().toISOString()
      const row: DocumentRow = {
        id: m.id,
        ownerId: userId,
        title: m.title,
        content,
        revisionId: revisionId(1, null, m.title, content),
        generation: 1,
        snapshotGeneration: 1,
        tailBytes: 0,
        vectorClock: {},
        deleted: false,
        createdAt: now,
        updatedAt: now,
      }
      journal.added(m.id)
      this.cache.add(m.id, { row, size: jsonBytes(content), grants: new Map() })
      return [
        {
          document: { ...row },
          expectedRevisionId: null,
          event: event('create', row, null, { id: m.id, title: m.title, content: structuredClone(content) }, null, meta, 0),
        },
      ]
    },

    update: ({ userId, mutation: m }, meta, journal) => {
      const entry = this.cache.get(m.documentId)
      checkWrite(entry, userId, m.documentId, 'write')
      const before = entry.row
      let resolution
      try {
        resolution = this.strategy.resolve(
          { content: before.content, revisionId: before.revisionId, vectorClock: before.vectorClock, size: entry.size },
          { patch: m.patch, baseRevision: m.baseRevision, vectorClock: m.vectorClock },
          this.limits,
        )
      } catch (error) {
        throw withCurrentDocument(error, before)
      }
      journal.patched(entry, resolution.content, resolution.size, resolution.reverse)
      const after = { title: before.title, content: resolution.content, deleted: false }
      const row = advance(before, after, resolution.size, resolution.vectorClock, 'update', resolution.forward)
      entry.row = row
      const e = event('update', row, before.revisionId, resolution.forward, resolution.reverse, meta, 0)
      return [
        { document: { ...row }, expectedRevisionId: before.revisionId, event: { ...e, vectorClock: resolution.vectorClock, conflict: resolution.conflict } },
      ]
    },

    rename: ({ userId, mutation: m }, meta, journal) => {
      const entry = this.cache.get(m.documentId)
      checkWrite(entry, userId, m.documentId, 'write')
      return [this.append(entry, { event_type: 'rename', forward_patch: { title: m.title }, reverse_patch: { title: entry.row.title } }, meta, 0, journal)]
    },

    delete: ({ userId, mutation: m }, meta, journal) => {
      const entry = this.cache.get(m.documentId)
      checkWrite(entry, userId, m.documentId, 'owner')
      const { id, title, content } = entry.row
      return [
        this.append(entry, { event_type: 'delete', forward_patch: null, reverse_patch: { id, title, content: structuredClone(content) } }, meta, 0, journal),
      ]
    },

    /** §7.3: restore each document by appending the reverse of what came after the target. */
    undo: async ({ userId, mutation: m }, meta, journal) => {
      const named = m.documentId !== undefined
      const ids = named ? [m.documentId!] : await this.store.documentsChangedBy(userId, m.targetSequence)
      if (m.targetSequence > (await this.store.latestSequence()))
        throw new PatchsyncError('invalid_sequence', `sequence ${m.targetSequence} has not happened yet`)
      const undoMeta: EventMeta = { ...meta, cause: 'undo', batchId: randomUUID() }
      const changes: PendingChange[] = []
      for (const id of ids) {
        const entry = await this.cache.load(id)
        if (!checkUndo(entry, userId, id, named)) continue
        const history = (await this.store.documentEvents(id, m.targetSequence)).reverse().map(toHistoryEvent)
        const plan = undoPlan(id, stateOf(entry.row), history, m.targetSequence)
        if (!checkUndoExistence(entry, userId, named, plan.some(changesExistence))) continue
        for (const planned of plan) changes.push(this.append(entry, planned, undoMeta, changes.length, journal))
      }
      return changes
    },

    /**
     * §7.4: re-apply the user's most recent undo not redone yet, if its documents are as it left
     * them; access first (§7.5 step 5).
     */
    redo: async ({ userId, mutation: m }, meta, journal) => {
      if (m.documentId !== undefined) checkRedo(await this.cache.load(m.documentId), userId, m.documentId)
      const undone = await this.store.lastUndoBatch(userId, m.documentId)
      if (undone.length === 0) throw new PatchsyncError('nothing_to_redo', 'there is no undo to redo')
      const lastOfUndo = new Map(undone.map((e) => [e.documentId, e.sequence]))
      const entries = new Map<string, CachedDocument>()
      for (const id of lastOfUndo.keys()) {
        const entry = await this.cache.load(id)
        checkRedo(entry, userId, id)
        entries.set(id, entry)
      }
      for (const [id, sequence] of lastOfUndo) {
        const entry = entries.get(id)!
        if (!sameState(stateOf(entry.row), await this.stateAfter(entry.row, sequence))) {
          throw new PatchsyncError('conflict', `document ${id} changed after the undo`, { document: wireSnapshot(entry.row) })
        }
      }
      const redoMeta: EventMeta = { ...meta, cause: 'redo', batchId: undone[0]!.batchId }
      const changes: PendingChange[] = []
      for (const e of [...undone].reverse()) {
        const planned = invertEvent({ event_type: e.eventType, forward_patch: e.forwardPatch, reverse_patch: e.reversePatch })
        changes.push(this.append(entries.get(e.documentId)!, planned, redoMeta, changes.length, journal))
      }
      return changes
    },
  }

  /** A document as it was right after the event with `sequence`, walked back from its committed head. */
  private async stateAfter(head: DocumentRow, sequence: number): Promise<DocState> {
    const later = await this.store.documentEvents(head.id, sequence)
    return stateAt(stateOf(head), later.reverse().map(toHistoryEvent), sequence)
  }

  /** Applies a planned event to a cached document and returns the change that records it. */
  private append(entry: CachedDocument, planned: PlannedEvent, meta: EventMeta, opIndex: number, journal: PlanJournal): PendingChange {
    journal.touched(entry)
    const before = entry.row
    let { title, content } = before
    let { size } = entry
    let deleted = false
    switch (planned.event_type) {
      case 'create': {
        const doc = planned.forward_patch as { title: string; content: JsonObject }
        title = doc.title
        content = structuredClone(doc.content)
        size = jsonBytes(content)
        break
      }
      case 'update': {
        const patched = applyPatch(content, planned.forward_patch, { limits: this.limits, size, requireObject: true })
        journal.patched(entry, patched.doc as JsonObject, patched.size, patched.reverse)
        content = patched.doc as JsonObject
        size = patched.size
        break
      }
      case 'rename':
        title = (planned.forward_patch as { title: string }).title
        break
      case 'delete':
        deleted = true
    }
    const row = advance(before, { title, content, deleted }, size, before.vectorClock, planned.event_type, planned.forward_patch)
    entry.row = row
    entry.size = size
    return {
      document: { ...row },
      expectedRevisionId: before.revisionId,
      event: event(planned.event_type, row, before.revisionId, planned.forward_patch, planned.reverse_patch, meta, opIndex),
    }
  }
}

/** A document's title and content, or null when deleted (what undo and redo compare, §7.4). */
function stateOf(row: DocumentRow): DocState {
  return row.deleted ? null : { title: row.title, content: row.content }
}

function sameState(a: DocState, b: DocState): boolean {
  return a === null || b === null ? a === b : a.title === b.title && jsonEqual(a.content, b.content)
}

/** Whether an undo's event deletes or re-creates its document (§7.5 step 3). */
function changesExistence(planned: PlannedEvent): boolean {
  return planned.event_type === 'create' || planned.event_type === 'delete'
}

/**
 * What planning one request changed in memory, newest last, so that a plan that fails half-way
 * leaves memory as it was. Contents are patched in place (an update costs what its patch touches),
 * so a content is restored by the reverse of each patch applied to it, not from a copy.
 */
class PlanJournal {
  private readonly undo: Array<() => void> = []

  constructor(private readonly cache: DocumentCache) {}

  /** A document created in memory: forgotten on rollback. */
  added(id: string): void {
    this.undo.push(() => this.cache.delete(id))
  }

  /** An entry about to change: its row and size are put back on rollback. */
  touched(entry: CachedDocument): void {
    const { row, size } = entry
    this.undo.push(() => {
      entry.row = row
      entry.size = size
    })
  }

  /**
   * A patch that applied in place to the entry's content, making `content` (the same object unless
   * the root was replaced) of `size` bytes: the entry holds it from now, and on rollback the
   * patch's reverse applies to it, which restores the content before it.
   */
  patched(entry: CachedDocument, content: JsonObject, size: number, reverse: Operation[]): void {
    const { row: previous, size: previousSize } = entry
    entry.row = { ...previous, content }
    entry.size = size
    this.undo.push(() => {
      const restored = revertEvent(entry.row, { event_type: 'update', forward_patch: null, reverse_patch: reverse })!.content
      entry.row = restored === previous.content ? previous : { ...previous, content: restored }
      entry.size = previousSize
    })
  }

  /** Undoes everything recorded, newest first. */
  rollBack(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!()
  }
}

/**
 * The document as the wire shows it, copied: content in memory is patched in place by the requests
 * planned after this one, and an error reply is sent later.
 */
function wireSnapshot(row: DocumentRow) {
  return toWireDocument({ ...row, content: structuredClone(row.content) })
}

/** A `conflict` (§5.3) carries the state the update could not apply to. */
function withCurrentDocument(error: unknown, current: DocumentRow): unknown {
  if (!(error instanceof PatchsyncError) || error.code !== 'conflict') return error
  return new PatchsyncError('conflict', error.message, { document: wireSnapshot(current) })
}

function checkSize(content: JsonObject, limits?: Partial<Limits>): void {
  // Validates the content as a patch would (JSON-only values, depth, size) by adding it at the root.
  applyPatch({}, [{ op: 'replace', path: '', value: content }], { limits, requireObject: true })
}

/**
 * The row after one more event: generation + 1, the id of the revision the event makes (§6: the
 * chained form, over the parent and the change, for all but a create), and whether its commit
 * takes a snapshot (`snapshot-policy.ts`; a create carries the whole document anyway). `size`: the
 * content's JSON bytes after the event.
 */
function advance(
  before: DocumentRow,
  after: { title: string; content: JsonObject; deleted: boolean },
  size: number,
  vectorClock: VectorClock,
  eventType: EventType,
  forwardPatch: unknown,
): DocumentRow {
  const generation = before.generation + 1
  const revision = eventRevisionId(generation, before.revisionId, eventType, forwardPatch)
  const tailBytes = eventType === 'create' ? 0 : before.tailBytes + jsonBytes(forwardPatch)
  const snapshot = eventType === 'create' || takesSnapshot(generation - before.snapshotGeneration, tailBytes, size)
  const tail = snapshot ? { snapshotGeneration: generation, tailBytes: 0 } : { snapshotGeneration: before.snapshotGeneration, tailBytes }
  return { ...before, ...after, ...tail, vectorClock, generation, revisionId: revision, updatedAt: new Date().toISOString() }
}

function event(type: EventType, row: DocumentRow, previous: string | null, forward: unknown, reverse: unknown, meta: EventMeta, opIndex: number): NewEvent {
  return {
    documentId: row.id,
    userId: meta.userId,
    eventType: type,
    revisionId: row.revisionId,
    previousRevisionId: previous,
    forwardPatch: forward,
    reversePatch: reverse,
    clientOpId: meta.clientOpId,
    opIndex,
    vectorClock: null,
    cause: meta.cause,
    batchId: meta.batchId,
    requestDigest: meta.requestDigest,
    conflict: false,
  }
}
