import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True for a UUID in 8-4-4-4-12 hex form, in either case: what the protocol takes as a user or document id (§2.7). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/**
 * The namespace {@link userIdFromSubject} uses unless it is given one. A random UUID chosen once
 * for patchsync, so its user ids collide with no other system's name-based UUIDs.
 */
export const SUBJECT_NAMESPACE = 'df9aa4b6-4ce2-48bf-8911-30f8066159f6'

/**
 * A patchsync user id (a UUID, §2.7) for an identity that is not one, such as a JWT's `sub`:
 * the name-based UUID, version 5 (RFC 9562 §5.5), of `subject` in `namespace`. The same subject
 * always maps to the same id, in every language that implements RFC 9562, so a client can compute
 * the id it authenticates as from the subject it logged in with. Give each identity provider its
 * own namespace when several issue subjects that may be equal.
 */
export function userIdFromSubject(subject: string, namespace: string = SUBJECT_NAMESPACE): string {
  if (!isUuid(namespace)) throw new TypeError(`the namespace must be a UUID, got ${JSON.stringify(namespace)}`)
  if (subject === '') throw new TypeError('the subject is empty')
  const name = utf8ToBytes(subject)
  const input = new Uint8Array(16 + name.length)
  input.set(hexToBytes(namespace.replaceAll('-', '')), 0)
  input.set(name, 16)
  const hash = sha1(input).slice(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50 // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80 // the RFC 9562 variant
  const hex = bytesToHex(hash)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
