import type { RawData } from 'ws'
import type { ClientMessage, ClientMessageType } from '../generated/types.js'
import { PatchsyncError, decodeClientFrame, requestIdOf } from '../core/index.js'

/** A frame decoded into a message, or the error it is answered with (echoing its request id if it has one). */
export type DecodedFrame = { message: ClientMessage } | { error: unknown; requestId?: string }

/** A frame's size in bytes, however ws delivered it. */
export function frameSize(data: RawData): number {
  return Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength
}

/**
 * Decodes one frame (of `size` bytes, see {@link frameSize}): its size, its kind, its JSON, its depth (the content limit `maxDepth` plus the
 * request's envelope) and its schema (§1.1, §10.2), then puts its ids in lower case. Pure, so it may
 * run as soon as the frame arrives.
 */
export function decodeFrame(data: RawData, size: number, isBinary: boolean, maxPayload: number, maxDepth?: number): DecodedFrame {
  if (size > maxPayload) return { error: new PatchsyncError('frame_too_large', `frames may be at most ${maxPayload} bytes`) }
  if (isBinary) return { error: new PatchsyncError('invalid_message', 'binary frames are not part of the protocol') }
  const text = data.toString()
  try {
    return { message: decodeRequest(text, maxDepth) }
  } catch (error) {
    let requestId: string | undefined
    try {
      requestId = requestIdOf(JSON.parse(text))
    } catch {
      requestId = undefined
    }
    return { error, requestId }
  }
}

/**
 * A request's JSON text as a checked message (§1.2 steps 3 to 7: JSON, depth, schema, text) with its
 * ids in lower case; throws what it is answered with. Frames come here, and so do the requests of
 * the server's in-process sessions, so both are checked alike.
 */
export function decodeRequest(text: string, maxDepth?: number): ClientMessage {
  const message = decodeClientFrame(text, maxDepth)
  LOWERCASE_IDS[message.type](message as never)
  return message
}

const lower = (id: string) => id.toLowerCase()
const lowerDocumentId = (m: { document_id: string }) => void (m.document_id = lower(m.document_id))
const lowerOptionalDocumentId = (m: { document_id?: string }) => {
  if (m.document_id !== undefined) m.document_id = lower(m.document_id)
}

/**
 * Ids are UUIDs, which the schema takes in either case; the server stores and compares them in lower
 * case, so every id is lowered here, once, and nowhere else. One entry per message type, so a new
 * message type must say where its ids are. The frame was just parsed, so it is changed in place.
 */
const LOWERCASE_IDS: { [T in ClientMessageType]: (message: Extract<ClientMessage, { type: T }>) => void } = {
  authenticate: (m) => void (m.user_id = lower(m.user_id)),
  create_document: (m) => void (m.document.id = lower(m.document.id)),
  update_document: (m) => void (m.patch.document_id = lower(m.patch.document_id)),
  rename_document: lowerDocumentId,
  delete_document: lowerDocumentId,
  get_document: lowerDocumentId,
  get_document_at: lowerDocumentId,
  list_documents: () => {},
  get_changes: lowerOptionalDocumentId,
  list_access: lowerDocumentId,
  undo_to_sequence: lowerOptionalDocumentId,
  redo: lowerOptionalDocumentId,
  share_document: (m) => {
    lowerDocumentId(m)
    m.user_id = lower(m.user_id)
  },
}
