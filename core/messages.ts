import { clientValidators, serverValidators } from '../generated/validators.js'
import type { ClientMessage, ServerMessage } from '../generated/types.js'
import { PatchsyncError } from './errors.js'
import { hasUnstorableText, holdsUnstorableText, nestedDeeperThan } from './json.js'
import { DEFAULT_LIMITS } from './limits.js'

type Validator = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }> | null
}

function describe(validator: Validator): string {
  const first = validator.errors?.[0]
  if (!first) return 'does not match its schema'
  const extra = first.params?.additionalProperty
  const where = first.instancePath || '(root)'
  return `${where} ${first.message ?? 'is invalid'}${typeof extra === 'string' ? ` (${extra})` : ''}`
}

function check<T>(table: Record<string, Validator>, frame: unknown): T {
  const type = typeof frame === 'object' && frame !== null ? (frame as { type?: unknown }).type : undefined
  if (typeof type !== 'string' || !Object.hasOwn(table, type)) {
    throw new PatchsyncError('unknown_message_type', `unknown message type ${JSON.stringify(type ?? null)}`)
  }
  const validator = table[type]!
  if (!validator(frame)) throw new PatchsyncError('invalid_message', `${type}: ${describe(validator)}`)
  return frame as T
}

/** Checks a decoded frame against the schema of its `type`; throws `unknown_message_type` or `invalid_message`. */
export function parseClientMessage(frame: unknown): ClientMessage {
  return check<ClientMessage>(clientValidators as Record<string, Validator>, frame)
}

/** Same as {@link parseClientMessage}, for frames a server sends. */
export function parseServerMessage(frame: unknown): ServerMessage {
  return check<ServerMessage>(serverValidators as Record<string, Validator>, frame)
}

/**
 * How much deeper than the content a valid request can nest: `update_document`'s
 * `/patch/patch/0/value` holds a whole content when it replaces the root (§10.1).
 */
export const FRAME_ENVELOPE_DEPTH = 4

/**
 * Decodes and checks a text frame, in the order §1.2 gives: malformed JSON is `invalid_json`; a
 * frame nested more than {@link FRAME_ENVELOPE_DEPTH} levels deeper than the content limit
 * `maxDepth` is `nesting_too_deep` (no valid request is, and deeper values must never reach code
 * that recurses over them); then the schema decides; then a string with U+0000 or an unpaired
 * surrogate anywhere is `invalid_text` (§2.9).
 */
export function decodeClientFrame(text: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): ClientMessage {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    throw new PatchsyncError('invalid_json', 'frame is not valid JSON')
  }
  if (nestedDeeperThan(frame, maxDepth + FRAME_ENVELOPE_DEPTH)) {
    throw new PatchsyncError('nesting_too_deep', `the frame nests deeper than any request may (content depth limit ${maxDepth})`)
  }
  const message = parseClientMessage(frame)
  // Such text reaches a string only through a \u escape, or raw in a string from this process: the
  // walk is skipped for the frames that have neither.
  if ((text.includes('\\u') || hasUnstorableText(text)) && holdsUnstorableText(message)) {
    throw new PatchsyncError('invalid_text', 'a string in the request holds U+0000 or an unpaired surrogate (§2.9)')
  }
  return message
}

/** Best-effort `request_id` of a frame that failed validation, so the error can still echo it. */
export function requestIdOf(frame: unknown): string | undefined {
  if (typeof frame !== 'object' || frame === null) return undefined
  const id = (frame as { request_id?: unknown }).request_id
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined
}
