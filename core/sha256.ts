import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

type NodeCrypto = {
  createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'hex'): string } }
  /** One-shot hashing (Node 20.12 and later): a third of createHash's cost on the short texts of a change. */
  hash?(algorithm: 'sha256', text: string, encoding: 'hex'): string
}

/**
 * Node's native hash when the runtime has one, reached through `process.getBuiltinModule` so that
 * no bundler sees a `node:crypto` import; in browsers, @noble/hashes. Web Crypto is no option here:
 * `crypto.subtle.digest` is asynchronous only, and revision ids are computed inside synchronous
 * folds (client) and commit planning (server). Native is kept in Node because it is about 15 times
 * faster on large documents (bench/RESULTS.md).
 */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as
  NodeCrypto | undefined

/** SHA-256 of the UTF-8 encoding of `text`, in lowercase hex, computed in JavaScript. */
export function portableSha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** SHA-256 of the UTF-8 encoding of `text`, in lowercase hex. */
export function sha256Hex(text: string): string {
  if (!nodeCrypto) return portableSha256Hex(text)
  return nodeCrypto.hash ? nodeCrypto.hash('sha256', text, 'hex') : nodeCrypto.createHash('sha256').update(text).digest('hex')
}
