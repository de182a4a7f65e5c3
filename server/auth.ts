import type Argon2 from 'argon2'
import { requirePeer } from './peer-dependency.js'

/** Argon2id cost parameters; lower them only in tests. */
export interface HashOptions {
  memoryCost?: number
  timeCost?: number
  parallelism?: number
}

/** OWASP's recommended Argon2id floor: 19 MiB, 2 passes, 1 lane. */
export const DEFAULT_HASH_OPTIONS: Required<HashOptions> = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

/**
 * Argon2 runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which
 * also syncs the SQLite log before commits are acknowledged. A burst of logins (every client
 * reconnecting after a restart) would otherwise fill the pool with tens of milliseconds of hashing
 * each, and every acknowledgement would wait behind it; two at a time leave it room.
 */
export const MAX_CONCURRENT_HASHES = 2

/**
 * Runs `work` when fewer than `limit` others run. The rest wait their turn: first come first served
 * among the calls of one `key`, and the keys take turns (round-robin), so a key with a thousand
 * waiting calls delays another key's next call by one turn, not by a thousand.
 */
export function limiter(limit: number): <T>(work: () => Promise<T>, key?: string) => Promise<T> {
  let running = 0
  /** The waiting calls by key; a key's place in the map's order is its place in the rotation. */
  const waiting = new Map<string, Array<() => void>>()
  const nextInTurn = (): (() => void) | undefined => {
    for (const [key, queue] of waiting) {
      const wake = queue.shift()!
      waiting.delete(key)
      if (queue.length > 0) waiting.set(key, queue) // to the back of the rotation
      return wake
    }
    return undefined
  }
  return async (work, key = '') => {
    if (running < limit) running++
    else await new Promise<void>((resolve) => (waiting.get(key) ?? waiting.set(key, []).get(key)!).push(resolve)) // a finishing one hands over its slot
    try {
      return await work()
    } finally {
      const next = nextInTurn()
      if (next) next()
      else running--
    }
  }
}

const hashing = limiter(MAX_CONCURRENT_HASHES)

const argon2 = (): typeof Argon2 => requirePeer<typeof Argon2>('argon2', 'Token hashing')

/**
 * Hashes a token for storage; the token itself is never stored (§1.3). `queue` names whose turn it
 * is in the hashing queue (a client's address), so one address cannot starve the others' logins.
 */
export async function hashToken(token: string, options: HashOptions = {}, queue?: string): Promise<string> {
  const { hash, argon2id } = argon2()
  return hashing(() => hash(token, { type: argon2id, ...DEFAULT_HASH_OPTIONS, ...options }), queue)
}

/** True when the token matches the stored hash (the hash carries its own parameters); `queue` as for {@link hashToken}. */
export async function verifyToken(hash: string, token: string, queue?: string): Promise<boolean> {
  const { verify } = argon2()
  try {
    return await hashing(() => verify(hash, token), queue)
  } catch {
    return false
  }
}
