import { PatchsyncError } from './errors.js'

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/

/**
 * Parses an RFC 6901 JSON Pointer into unescaped tokens, refusing pointers that could reach
 * `Object.prototype`: a `__proto__` token, or `constructor` followed by `prototype` (spec §10.3).
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (pointer.charCodeAt(0) !== 47 /* "/" */) throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} must start with "/"`)
  const tokens = pointer.slice(1).split('/')
  const escaped = pointer.includes('~')
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!
    if (escaped && token.includes('~')) {
      if (/~(?![01])/.test(token)) throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} has a bad "~" escape`)
      token = tokens[i] = token.replaceAll('~1', '/').replaceAll('~0', '~')
    }
    if (token === '__proto__' || (token === 'prototype' && tokens[i - 1] === 'constructor')) {
      throw new PatchsyncError('invalid_path', `pointer ${JSON.stringify(pointer)} targets a prototype`)
    }
  }
  return tokens
}

/** Escapes tokens back into a pointer. */
export function formatPointer(tokens: readonly string[]): string {
  let out = ''
  for (const t of tokens) out += '/' + (t.includes('~') || t.includes('/') ? t.replaceAll('~', '~0').replaceAll('/', '~1') : t)
  return out
}

/** The index an array token names, or throws `invalid_path` for tokens outside `0|[1-9][0-9]*`. */
export function arrayIndex(token: string, pointer: string): number {
  if (!ARRAY_INDEX.test(token)) {
    throw new PatchsyncError('invalid_path', `${JSON.stringify(token)} in ${JSON.stringify(pointer)} is not an array index`)
  }
  return Number(token)
}
