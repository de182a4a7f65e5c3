import type { JsonObject, Limits, PatchsyncError } from '../core/index.js'
import { freezeJson, sized } from './frozen-json.js'
import { applyPending, OPERATIONS, type ViewState } from './operations.js'
import type { ConfirmedDocument, PendingOperation } from './storage.js'

/**
 * A document as this client sees it: the server's state with the pending local ops on top.
 * Frozen, and shared with the client: a new object whenever the document changes, the same one
 * while it does not.
 */
export interface LocalDocument {
  readonly id: string
  readonly title: string
  readonly content: JsonObject
  /** The last revision the server confirmed; null until the server has the document. */
  readonly revision_id: string | null
  readonly owner_id: string | null
  /** Unacknowledged local operations on this document. */
  readonly pending: number
}

/** A document's confirmed state (frozen) with its content's tracked size. */
export interface Known {
  confirmed: ConfirmedDocument
  state: ViewState
}

/** What a rebase found: the view before and after, and the pending ops that no longer apply. */
export interface Rebased {
  before: LocalDocument | undefined
  after: LocalDocument | undefined
  failed: Array<{ op: PendingOperation; error: PatchsyncError }>
}

/**
 * The local views: each document's confirmed state and, on top of it, its pending ops. A change
 * recomputes one document, from its confirmed state and its own pending ops, by applying patches
 * to frozen JSON (copying only what they touch): never the whole document, never every document.
 */
export class LocalViews {
  private readonly known = new Map<string, Known>()
  private readonly views = new Map<string, { state: ViewState; document: LocalDocument | undefined }>()

  constructor(
    private readonly userId: string,
    private readonly limits: Partial<Limits> | undefined,
  ) {}

  get(id: string): LocalDocument | undefined {
    return this.views.get(id)?.document
  }

  /** The view's state (with the content's size), for the next local write to build on. */
  state(id: string): ViewState {
    return this.views.get(id)?.state ?? null
  }

  list(): LocalDocument[] {
    const documents: LocalDocument[] = []
    for (const { document } of this.views.values()) if (document) documents.push(document)
    return documents.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
  }

  confirmed(id: string): Known | undefined {
    return this.known.get(id)
  }

  /** Sets a document's confirmed state (its content frozen in place and measured). */
  confirm(confirmed: ConfirmedDocument, state?: ViewState): void {
    this.known.set(confirmed.id, {
      confirmed,
      state: state !== undefined ? state : confirmed.state && { title: confirmed.state.title, content: sized(confirmed.state.content) },
    })
  }

  /** A local write's result: the view becomes `state`, with one more pending op when the op is visible. */
  applyLocal(id: string, state: ViewState, visible: boolean): Rebased {
    const before = this.views.get(id)?.document
    const confirmed = this.known.get(id)?.confirmed
    const document = state ? this.document(id, state, confirmed, (before?.pending ?? 0) + (visible ? 1 : 0)) : undefined
    this.views.set(id, { state, document })
    return { before, after: document, failed: [] }
  }

  /**
   * Recomputes a document's view from its confirmed state and `pending` (its pending ops, oldest
   * first). Ops that no longer apply are skipped and returned, for the caller to drop or keep.
   * With `keepState`, the view's content is known not to have changed (the confirmed state moved
   * by exactly the oldest pending ops, now acknowledged): only the counts and revision are new.
   */
  rebase(id: string, pending: readonly PendingOperation[], keepState = false): Rebased {
    const known = this.known.get(id)
    const before = this.views.get(id)?.document
    if (keepState && this.views.has(id)) {
      const state = this.views.get(id)!.state
      const count = pending.filter((op) => OPERATIONS[op.kind].visible).length
      const unchanged = before && before.pending === count && before.revision_id === (known?.confirmed.revision ?? null)
      const document = unchanged || !state ? before : this.document(id, state, known?.confirmed, count)
      this.views.set(id, { state, document })
      return { before, after: document, failed: [] }
    }
    let state: ViewState = known?.state ?? null
    let count = 0
    const failed: Rebased['failed'] = []
    for (const op of pending) {
      const next = applyPending(state, op, this.limits)
      if (next instanceof Error) {
        failed.push({ op, error: next })
        continue
      }
      state = next
      if (OPERATIONS[op.kind].visible) count++
    }
    const unchanged =
      before &&
      state &&
      before.title === state.title &&
      before.content === state.content.doc &&
      before.pending === count &&
      before.revision_id === (known?.confirmed.revision ?? null)
    const document = unchanged ? before : state ? this.document(id, state, known?.confirmed, count) : undefined
    this.views.set(id, { state, document })
    return { before, after: document, failed }
  }

  /** Forgets every document (before loading them again). */
  clear(): void {
    this.known.clear()
    this.views.clear()
  }

  /** Ids of every document held, confirmed or local only. */
  ids(): string[] {
    return [...new Set([...this.known.keys(), ...this.views.keys()])]
  }

  private document(id: string, state: NonNullable<ViewState>, confirmed: ConfirmedDocument | undefined, pending: number): LocalDocument {
    return freezeJson({
      id,
      title: state.title,
      content: state.content.doc,
      revision_id: confirmed?.revision ?? null,
      owner_id: confirmed?.ownerId ?? (confirmed?.state ? null : this.userId),
      pending,
    })
  }
}
