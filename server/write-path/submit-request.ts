import type { JsonObject, Operation, VectorClock } from '../../core/index.js'
import type { ChangeEventRow, DocumentRow } from '../storage/store.js'

/** What a mutation asks for; one per client request. */
export type Mutation =
  | { kind: 'create'; id: string; title: string; content: JsonObject }
  | { kind: 'update'; documentId: string; patch: Operation[]; baseRevision?: string; vectorClock?: VectorClock }
  | { kind: 'rename'; documentId: string; title: string }
  | { kind: 'delete'; documentId: string }
  | { kind: 'undo'; targetSequence: number; documentId?: string }
  | { kind: 'redo'; documentId?: string }

/** A committed mutation: its events, and each document right after its event. */
export interface MutationResult {
  events: ChangeEventRow[]
  documents: DocumentRow[]
  /** True when the request was a resubmission answered from the log (§4.1). */
  replayed: boolean
}

/**
 * One mutation on its way through the write path (ShareDB's `SubmitRequest`): queued, planned on
 * the loaded state, committed, published; or answered from the log as a resubmission, or refused.
 * It is answered exactly once.
 */
export class SubmitRequest {
  readonly result: Promise<MutationResult>
  /** Commits tried for it so far (see the write path's retry step). */
  attempts = 0
  private settle!: { resolve: (result: MutationResult) => void; reject: (error: unknown) => void }

  /**
   * `origin` is whoever sent it (a connection), left out of its broadcast: it gets the reply
   * instead. The write path only compares it.
   */
  constructor(
    readonly userId: string,
    readonly clientOpId: string | null,
    readonly mutation: Mutation,
    readonly origin?: object,
  ) {
    this.result = new Promise((resolve, reject) => {
      this.settle = { resolve, reject }
    })
  }

  /**
   * Undo and redo read the history before they plan, so each runs in a batch of its own: a batch
   * plans in memory, and they must see every change before them committed.
   */
  get alone(): boolean {
    return this.mutation.kind === 'undo' || this.mutation.kind === 'redo'
  }

  /** The document a request names, loaded before its batch is planned. */
  get documentId(): string | undefined {
    const m = this.mutation
    return m.kind === 'create' ? m.id : m.documentId
  }

  resolve(result: MutationResult): void {
    this.settle.resolve(result)
  }

  reject(error: unknown): void {
    this.settle.reject(error)
  }
}
