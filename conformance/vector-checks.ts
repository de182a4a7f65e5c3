import { applyPatch, canonicalJson, chainedRevisionId, compare, detectConflict, increment, merge, PatchsyncError, revisionId } from '../core/index.js'
import { parseClientMessage, parseServerMessage } from '../core/messages.js'
import { deepEqual } from './matcher.js'
import type {
  CanonicalJsonCase,
  MessageCase,
  PatchApplyCase,
  PatchReverseCase,
  RevisionIdCase,
  VectorCases,
  VectorClockCase,
  VectorKind,
} from './suite-types.js'

/** Patches always apply to document content, which must stay a JSON object (§2.4). */
const CONTENT = { requireObject: true }

type Check<K extends VectorKind> = (vector: VectorCases[K]) => string | undefined

/** One checker per vector kind: each returns why the case failed, or undefined when it passed. */
const CHECKS: { [K in VectorKind]: Check<K> } = {
  patch_apply: checkPatchApply,
  patch_reverse: checkPatchReverse,
  revision_id: checkRevisionId,
  vector_clock: checkVectorClock,
  canonical_json: checkCanonicalJson,
  message: checkMessage,
}

/** Runs one vector case against this package's core; returns the failure reason or undefined. */
export function checkVectorCase<K extends VectorKind>(kind: K, vector: VectorCases[K]): string | undefined {
  try {
    return (CHECKS[kind] as Check<K>)(vector)
  } catch (error) {
    return `threw unexpectedly: ${describe(error)}`
  }
}

function checkPatchApply(vector: PatchApplyCase): string | undefined {
  return checkPatchOnTheWire(vector) ?? checkPatchInCore(vector)
}

/** The schema of `update_document` refuses exactly the patches marked `wire_error` (§2.12). */
function checkPatchOnTheWire(vector: PatchApplyCase): string | undefined {
  const frame = { type: 'update_document', patch: { document_id: '00000000-0000-4000-8000-000000000000', patch: vector.patch } }
  let code: string | undefined
  try {
    parseClientMessage(frame)
  } catch (error) {
    if (!(error instanceof PatchsyncError)) throw error
    code = error.code
  }
  if (code === vector.wire_error) return undefined
  return vector.wire_error === undefined
    ? `the update_document schema refuses this patch (${code}); mark the case with "wire_error": "${code}"`
    : `expected the update_document schema to answer ${vector.wire_error}, got ${code ?? 'a valid frame'}`
}

function checkPatchInCore(vector: PatchApplyCase): string | undefined {
  const input = structuredClone(vector.document)
  let content: unknown
  try {
    content = applyPatch(input, vector.patch, CONTENT).doc
  } catch (error) {
    if (!(error instanceof PatchsyncError)) return `threw a non-protocol error: ${describe(error)}`
    if (vector.error === undefined) return `expected success, got error ${error.code}: ${error.message}`
    if (error.code !== vector.error) return `expected error ${vector.error}, got ${error.code}: ${error.message}`
    if (!deepEqual(input, vector.document)) return `the failed patch changed its input to ${show(input)}`
    return undefined
  }
  if (vector.error !== undefined) return `expected error ${vector.error}, got ${show(content)}`
  return deepEqual(content, vector.expected) ? undefined : `expected ${show(vector.expected)}, got ${show(content)}`
}

function checkPatchReverse(vector: PatchReverseCase): string | undefined {
  const { doc, reverse } = applyPatch(structuredClone(vector.document), vector.patch, CONTENT)
  if (!deepEqual(reverse, vector.reverse)) return `expected reverse ${show(vector.reverse)}, got ${show(reverse)}`
  const restored = applyPatch(doc, reverse, CONTENT).doc
  return deepEqual(restored, vector.document) ? undefined : `the reverse patch gave ${show(restored)}, not the original document`
}

function checkRevisionId(vector: RevisionIdCase): string | undefined {
  const id =
    'event_type' in vector
      ? chainedRevisionId(vector.generation, vector.parent, vector.event_type, vector.forward_patch)
      : revisionId(vector.generation, vector.parent, vector.title, vector.content)
  return id === vector.expected ? undefined : `expected ${vector.expected}, got ${id}`
}

function checkVectorClock(vector: VectorClockCase): string | undefined {
  let actual: unknown
  if (vector.operation === 'compare') actual = compare(vector.a, vector.b)
  else if (vector.operation === 'merge') actual = merge(vector.a, vector.b)
  else if (vector.operation === 'increment') actual = increment(vector.clock, vector.actor)
  else {
    const { vector_clock: vectorClock, base_revision: baseRevision } = vector.incoming
    actual = detectConflict(vector.document_clock, { patch: [], vectorClock, baseRevision }, vector.revision)
  }
  return deepEqual(actual, vector.expected) ? undefined : `expected ${show(vector.expected)}, got ${show(actual)}`
}

function checkCanonicalJson(vector: CanonicalJsonCase): string | undefined {
  const text = canonicalJson(vector.input)
  return text === vector.expected ? undefined : `expected ${JSON.stringify(vector.expected)}, got ${JSON.stringify(text)}`
}

/** Message vectors run through the same generated validators the server and client use. */
function checkMessage(vector: MessageCase): string | undefined {
  const parse = vector.direction === 'client_to_server' ? parseClientMessage : parseServerMessage
  try {
    parse(vector.frame)
  } catch (error) {
    if (!(error instanceof PatchsyncError)) throw error
    if (vector.valid) return `expected a valid frame, got ${error.code}: ${error.message}`
    return error.code === vector.error ? undefined : `expected ${vector.error}, got ${error.code}: ${error.message}`
  }
  return vector.valid ? undefined : `expected ${vector.error}, but the frame was accepted`
}

function show(value: unknown): string {
  const text = JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
