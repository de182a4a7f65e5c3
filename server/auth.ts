import argon2 from 'argon2'

/** Argon2id cost parameters; lower them only in tests. */
export interface HashOptions {
  memoryCost?: number
  timeCost?: number
  parallelism?: number
}

/** OWASP's recommended Argon2id floor: 19 MiB, 2 passes, 1 lane. */
export const DEFAULT_HASH_OPTIONS: Required<HashOptions> = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** Hashes a token for storage; the token itself is never stored (§1.3). */
export function hashToken(token: string, options: HashOptions = {}): Promise<string> {
  return argon2.hash(token, { type: argon2.argon2id, ...DEFAULT_HASH_OPTIONS, ...options })
}

/** True when the token matches the stored hash (the hash carries its own parameters). */
export async function verifyToken(hash: string, token: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, token)
  } catch {
    return false
  }
}
