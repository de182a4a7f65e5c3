import type { ChangeEvent, Operation } from '../generated/types.js'
import { isJsonObject, jsonEqual, type JsonObject } from './json.js'
import { applyPatch, type ApplyOptions } from './patch.js'

/** What a document is at one point of its history; null when it does not exist. */
export type DocState = { title: string; content: JsonObject } | null

/** What a change event records (§8.1). */
export type EventType = ChangeEvent['event_type']

/** The parts of a change event history navigation needs (spec §8.1). */
export interface HistoryEvent {
  sequence: number
  event_type: EventType
  forward_patch: unknown
  reverse_patch: unknown
}

/** An event to append, before the server gives it a sequence and revision. */
export interface PlannedEvent {
  event_type: EventType
  forward_patch: unknown
  reverse_patch: unknown
}

interface DocumentSnapshot {
  id?: string
  title: string
  content: JsonObject
}

function snapshot(value: unknown): DocState {
  if (!isJsonObject(value) || typeof value.title !== 'string' || !isJsonObject(value.content)) {
    throw new TypeError('a create or delete event must carry {title, content}')
  }
  return { title: value.title, content: structuredClone(value.content) }
}

/**
 * Stored patches were checked against the server's limits when they were accepted, and their
 * reverses may be longer (a move's reverse can take two operations): replaying history applies
 * them unbounded, and skips measuring the document (a size of 0 is carried, never checked).
 */
const REPLAY: ApplyOptions = { limits: { maxOps: Infinity, maxDepth: Infinity, maxDocumentBytes: Infinity }, size: 0 }

function patched(state: DocState, ops: unknown): DocState {
  if (state === null) throw new TypeError('an update event applies to a document that does not exist')
  return { title: state.title, content: applyPatch(state.content, ops as Operation[], REPLAY).doc as JsonObject }
}

/** Applies one event forward. An update patches `state.content` in place; pass a copy to keep the original. */
export function applyEvent(state: DocState, event: PlannedEvent): DocState {
  switch (event.event_type) {
    case 'create':
      return snapshot(event.forward_patch)
    case 'update':
      return patched(state, event.forward_patch)
    case 'rename':
      if (state === null) throw new TypeError('a rename event applies to a document that does not exist')
      return { ...state, title: (event.forward_patch as { title: string }).title }
    case 'delete':
      return null
  }
}

/** Undoes one event, from the state right after it to the state right before it (in place, like {@link applyEvent}). */
export function revertEvent(state: DocState, event: PlannedEvent): DocState {
  switch (event.event_type) {
    case 'create':
      return null
    case 'update':
      return patched(state, event.reverse_patch)
    case 'rename':
      if (state === null) throw new TypeError('a rename event reverts a document that does not exist')
      return { ...state, title: (event.reverse_patch as { title: string }).title }
    case 'delete':
      return snapshot(event.reverse_patch)
  }
}

function copyState(state: DocState): DocState {
  return state === null ? null : { title: state.title, content: structuredClone(state.content) }
}

/**
 * The document as it was after every event with sequence ≤ `target` (spec §7.2), walking back
 * from the head by reverse patches. `newestFirst` are the document's events after `target` or
 * more; the head is not modified.
 */
export function stateAt(head: DocState, newestFirst: readonly HistoryEvent[], target: number): DocState {
  let state = copyState(head)
  for (const event of newestFirst) {
    if (event.sequence <= target) break
    state = revertEvent(state, event)
  }
  return state
}

/** The document after applying `oldestFirst` from nothing. */
export function replay(oldestFirst: readonly PlannedEvent[]): DocState {
  let state: DocState = null
  for (const event of oldestFirst) state = applyEvent(state, event)
  return state
}

/**
 * The events to append so that a document goes from `head` back to its state at `target`
 * (spec §7.3). When only updates and renames lie in between, the content is restored by their
 * reverse patches, newest first; otherwise (a delete or create in between) by one whole-content
 * replace, which is still exactly invertible.
 */
export function undoPlan(documentId: string, head: DocState, newestFirst: readonly HistoryEvent[], target: number): PlannedEvent[] {
  const undone = newestFirst.filter((e) => e.sequence > target)
  const goal = stateAt(head, undone, target)
  if (head === null && goal === null) return []
  if (goal === null) return [{ event_type: 'delete', forward_patch: null, reverse_patch: document(documentId, head!) }]
  if (head === null) return [{ event_type: 'create', forward_patch: document(documentId, goal), reverse_patch: null }]
  const plan: PlannedEvent[] = []
  if (!jsonEqual(head.content, goal.content)) {
    const onlyEdits = undone.every((e) => e.event_type === 'update' || e.event_type === 'rename')
    const updates = undone.filter((e) => e.event_type === 'update')
    plan.push(
      onlyEdits
        ? {
            event_type: 'update',
            forward_patch: updates.flatMap((e) => e.reverse_patch as Operation[]),
            reverse_patch: [...updates].reverse().flatMap((e) => e.forward_patch as Operation[]),
          }
        : {
            event_type: 'update',
            forward_patch: [{ op: 'replace', path: '', value: goal.content }],
            reverse_patch: [{ op: 'replace', path: '', value: structuredClone(head.content) }],
          },
    )
  }
  if (head.title !== goal.title) {
    plan.push({ event_type: 'rename', forward_patch: { title: goal.title }, reverse_patch: { title: head.title } })
  }
  return plan
}

/** The event that undoes `event`: forward and reverse swapped, create and delete exchanged. */
export function invertEvent(event: PlannedEvent): PlannedEvent {
  const type: EventType = event.event_type === 'create' ? 'delete' : event.event_type === 'delete' ? 'create' : event.event_type
  return { event_type: type, forward_patch: event.reverse_patch, reverse_patch: event.forward_patch }
}

function document(id: string, state: NonNullable<DocState>): DocumentSnapshot {
  return { id, title: state.title, content: structuredClone(state.content) }
}
