import { hash } from 'node:crypto'
import { PatchsyncError, canonicalJson, jsonEqual } from '../../core/index.js'
import type { ChangeEventRow, DocumentRow, Store } from '../storage/store.js'
import type { Mutation, MutationResult, SubmitRequest } from './submit-request.js'

type KeyOf<K extends Mutation['kind']> = (mutation: Extract<Mutation, { kind: K }>) => unknown

/**
 * The key members of each request (§4.1's table): what two requests with one client op id must
 * share to be the same. Not `update`'s base revision and clock (a resend may update them); an
 * absent document id is a value of its own.
 */
const KEY_MEMBERS: { [K in Mutation['kind']]: KeyOf<K> } = {
  create: (m) => [m.id, m.title, m.content],
  update: (m) => [m.documentId, m.patch],
  rename: (m) => [m.documentId, m.title],
  delete: (m) => [m.documentId],
  undo: (m) => [m.targetSequence, m.documentId ?? null],
  redo: (m) => [m.documentId ?? null],
}

/**
 * What a request's events record of it (every event of a request with a client op id): the
 * SHA-256 of the canonical JSON (§6.3) of its kind and key members. The events alone do not tell
 * an undo's target, or whether an undo or redo named its document.
 */
export function requestDigest(mutation: Mutation): string {
  const key = [mutation.kind, (KEY_MEMBERS[mutation.kind] as KeyOf<Mutation['kind']>)(mutation)]
  return hash('sha256', canonicalJson(key), 'hex')
}

type SameOf<K extends Mutation['kind']> = (mutation: Extract<Mutation, { kind: K }>, first: ChangeEventRow) => boolean

/**
 * For events logged before requests had digests: what the event itself tells of the request that
 * made it, which for undo and redo is only their kind.
 */
const SAME_AS_LOGGED: { [K in Mutation['kind']]: SameOf<K> } = {
  create: (m, e) => e.eventType === 'create' && jsonEqual(e.forwardPatch, { id: m.id, title: m.title, content: m.content }),
  update: (m, e) => e.eventType === 'update' && e.documentId === m.documentId && jsonEqual(e.forwardPatch, m.patch),
  rename: (m, e) => e.eventType === 'rename' && e.documentId === m.documentId && (e.forwardPatch as { title: string }).title === m.title,
  delete: (m, e) => e.eventType === 'delete' && e.documentId === m.documentId,
  undo: (_, e) => e.cause === 'undo',
  redo: (_, e) => e.cause === 'redo',
}

/** Whether the first logged event of a client op was made by this request (§4.1). */
function sameRequest(mutation: Mutation, first: ChangeEventRow): boolean {
  if (first.requestDigest !== null) return first.requestDigest === requestDigest(mutation)
  return (SAME_AS_LOGGED[mutation.kind] as SameOf<Mutation['kind']>)(mutation, first)
}

/** The original result for a resubmission, or `op_id_reused` when the request differs (§4.2). */
function replay(mutation: Mutation, events: ChangeEventRow[], documents: DocumentRow[]): MutationResult {
  const first = events[0]
  if (first === undefined || !sameRequest(mutation, first))
    throw new PatchsyncError('op_id_reused', 'this client_op_id was already used for a different request')
  return { events, documents, replayed: true }
}

/**
 * Idempotent replay (§4.1): a request whose (user, client op id) is already in the log, or on its
 * way there, gets the original result instead of applying again.
 */
export class Resubmissions {
  private readonly inFlight = new Map<string, Promise<MutationResult>>()

  constructor(private readonly store: Store) {}

  /**
   * The answer for a request whose client op id is in flight (submitted and not answered yet): the
   * first one's result, once it has one. Otherwise undefined, and the request is in flight from now.
   */
  whileInFlight(request: SubmitRequest): Promise<MutationResult> | undefined {
    if (request.clientOpId === null) return undefined
    const key = `${request.userId}\u0000${request.clientOpId}`
    const pending = this.inFlight.get(key)
    if (pending) return pending.then((result) => replay(request.mutation, result.events, result.documents))
    this.inFlight.set(key, request.result)
    const forget = () => this.inFlight.delete(key)
    request.result.then(forget, forget)
    return undefined
  }

  /**
   * Answers the requests whose client op id is already in the log with their original result, and
   * returns the others, in order.
   */
  async answer(requests: SubmitRequest[]): Promise<SubmitRequest[]> {
    const keyed = requests.filter((r) => r.clientOpId !== null)
    if (keyed.length === 0) return requests
    const found = await this.store.findOps(keyed.map((r) => ({ userId: r.userId, clientOpId: r.clientOpId! })))
    if (found.length === 0) return requests
    const fresh: SubmitRequest[] = []
    for (const request of requests) {
      const events = found.filter((e) => e.userId === request.userId && e.clientOpId === request.clientOpId).sort((a, b) => a.opIndex - b.opIndex)
      if (events.length === 0) {
        fresh.push(request)
        continue
      }
      try {
        const documents = await Promise.all(events.map(async (e) => (await this.store.getDocument(e.documentId))!))
        request.resolve(replay(request.mutation, events, documents))
      } catch (error) {
        request.reject(error)
      }
    }
    return fresh
  }
}
