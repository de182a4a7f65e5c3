import { PatchsyncError } from './errors.js'

/**
 * Parses an RFC 6901 JSON Pointer into unescaped tokens, refusing pointers that could reach
 * `Object.prototype`: a `__proto__` token, or `constructor` followed by `prototype` (spec §10.3).
 *
 * A pointer that parses is canonical: `formatPointer(parsePointer(p)) === p`, because the only
 * escapes accepted are `~0` and `~1` and formatting writes exactly those back.
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (pointer.charCodeAt(0) !== 47 /* "/" */) throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} must start with "/"`)
  // One pass over the characters rather than split() (a runtime call) or indexOf(): for the
  // short pointers patches carry, the plain loop is the fastest of the three.
  // The first token waits in `first` so that the common one-token pointer returns an array of
  // exactly one slot (an empty array grows to 16 on its first push).
  let first: string | undefined
  let tokens: string[] | undefined
  const length = pointer.length
  let start = 1
  let escaped = false
  let previous = ''
  for (let i = 1; i <= length; i++) {
    const c = i === length ? 47 : pointer.charCodeAt(i)
    if (c === 126 /* "~" */) {
      escaped = true
    } else if (c === 47) {
      let token = pointer.slice(start, i)
      if (escaped) {
        if (/~(?![01])/.test(token)) throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} has a bad "~" escape`)
        token = token.replaceAll('~1', '/').replaceAll('~0', '~')
        escaped = false
      }
      // Both names are 9 characters long; comparing lengths rules out nearly every token.
      if (token.length === 9 && (token === '__proto__' || (token === 'prototype' && previous === 'constructor'))) {
        throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} targets a prototype`)
      }
      if (first === undefined) first = token
      else if (tokens === undefined) tokens = [first, token]
      else tokens.push(token)
      previous = token
      start = i + 1
    }
  }
  return tokens ?? [first!]
}

/** Escapes tokens back into a pointer. */
export function formatPointer(tokens: readonly string[]): string {
  let out = ''
  for (const t of tokens) out += '/' + (t.includes('~') || t.includes('/') ? t.replaceAll('~', '~0').replaceAll('/', '~1') : t)
  return out
}

/** The index an array token names (grammar `0|[1-9][0-9]*`), or -1 when it names none. */
export function parseArrayIndex(token: string): number {
  const length = token.length
  if (length === 0) return -1
  let first = token.charCodeAt(0) - 48
  if (first < 0 || first > 9 || (first === 0 && length > 1)) return -1
  if (length > 15) {
    // Past 2^53 the loop below would lose digits; Number() rounds the same way the regex-based
    // check it replaces did, and such an index is beyond the end of any array anyway.
    for (let i = 1; i < length; i++) {
      const d = token.charCodeAt(i) - 48
      if (d < 0 || d > 9) return -1
    }
    return Number(token)
  }
  for (let i = 1; i < length; i++) {
    const d = token.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    first = first * 10 + d
  }
  return first
}
