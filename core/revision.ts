import { canonicalJson } from './canonical-json.js'
import { PatchsyncError } from './errors.js'
import type { EventType } from './history.js'
import { sha256Hex } from './sha256.js'

const REVISION = /^([1-9][0-9]*)-([0-9a-f]{1,128})$/

/**
 * The content form of a revision id (spec §6.2): `<generation>-<sha256 of canonical JSON of
 * {content, parent, title}>`. `parent` is the previous revision id (null at create); after a
 * delete, content and title are null. A create's id has this form (the create carries the whole
 * document anyway); so do every id of a log written before chained ids (§6.5).
 */
export function revisionId(generation: number, parent: string | null, title: string | null, content: unknown): string {
  checkGeneration(generation)
  return `${generation}-${sha256Hex(canonicalJson({ content, parent, title }))}`
}

/**
 * The chained form (spec §6.4), for every event but a create: `<generation>-<sha256 of canonical
 * JSON of {event_type, forward_patch, parent}>`. It hashes the change, not the document, so it
 * costs what the change costs.
 */
export function chainedRevisionId(generation: number, parent: string, eventType: Exclude<EventType, 'create'>, forwardPatch: unknown): string {
  checkGeneration(generation)
  return `${generation}-${sha256Hex(canonicalJson({ event_type: eventType, forward_patch: forwardPatch, parent }))}`
}

/**
 * The id of the revision an event makes (§6.1, §6.2, §6.4): the content form for a create (its forward
 * patch is the document `{id, title, content}`), the chained form for anything else.
 */
export function eventRevisionId(generation: number, parent: string | null, eventType: EventType, forwardPatch: unknown): string {
  if (eventType === 'create') {
    const { title, content } = forwardPatch as { title: string; content: unknown }
    return revisionId(generation, parent, title, content)
  }
  if (parent === null) throw new PatchsyncError('invalid_message', `a ${eventType} event needs a parent revision`)
  return chainedRevisionId(generation, parent, eventType, forwardPatch)
}

/**
 * Whether `id` is the revision an event makes from `parent` (§6.5): the event's own id form, or,
 * for an event of a log written before chained ids, the content form over the state it left
 * (`state()`, computed only then: it costs what the document weighs).
 */
export function isRevisionOf(
  id: string,
  generation: number,
  parent: string | null,
  event: { eventType: EventType; forwardPatch: unknown },
  state: () => { title: string; content: unknown } | null,
): boolean {
  if (eventRevisionId(generation, parent, event.eventType, event.forwardPatch) === id) return true
  if (event.eventType === 'create') return false
  const after = state()
  return revisionId(generation, parent, after?.title ?? null, after?.content ?? null) === id
}

/**
 * The full-content digest of a document state (spec §6.6): lowercase hex SHA-256 of the canonical
 * JSON of `{content, title}`. It costs what the document weighs, so it is computed on demand (a
 * read), never on the path of a change.
 */
export function contentDigest(title: string, content: unknown): string {
  return sha256Hex(canonicalJson({ content, title }))
}

function checkGeneration(generation: number): void {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new RangeError(`generation must be a positive integer, got ${generation}`)
}

/** Splits a revision id; throws `invalid_message` for anything else. */
export function parseRevisionId(id: string): { generation: number; digest: string } {
  const match = REVISION.exec(id)
  if (!match) throw new PatchsyncError('invalid_message', `${JSON.stringify(id)} is not a revision id`)
  return { generation: Number(match[1]), digest: match[2]! }
}

/** The generation that follows a revision. */
export function nextGeneration(id: string): number {
  return parseRevisionId(id).generation + 1
}
