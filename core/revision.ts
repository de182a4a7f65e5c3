import { canonicalJson } from './canonical-json.js'
import { PatchsyncError } from './errors.js'
import { sha256Hex } from './sha256.js'

const REVISION = /^([1-9][0-9]*)-([0-9a-f]{1,128})$/

/**
 * The revision id of a document state (spec §6): `<generation>-<sha256 of canonical JSON of
 * {content, parent, title}>`. `parent` is the previous revision id (null at create); after a
 * delete, content and title are null.
 */
export function revisionId(generation: number, parent: string | null, title: string | null, content: unknown): string {
  if (!Number.isSafeInteger(generation) || generation < 1) throw new RangeError(`generation must be a positive integer, got ${generation}`)
  const digest = sha256Hex(canonicalJson({ content, parent, title }))
  return `${generation}-${digest}`
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
