import { PatchsyncError } from './errors.js'

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Copies a JSON value, checking on the way that it is JSON (finite numbers, plain objects and
 * arrays, no undefined) and that it nests no deeper than `maxDepth`. Returns the copy and its depth.
 */
export function cloneJson(value: unknown, maxDepth: number): { value: JsonValue; depth: number } {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
    if (maxDepth < 1) throw new PatchsyncError('nesting_too_deep', `value nests deeper than ${maxDepth}`)
    return { value, depth: 1 }
  }
  let deepest = 0
  const copy = (v: unknown, depth: number): JsonValue => {
    if (depth > maxDepth) throw new PatchsyncError('nesting_too_deep', `value nests deeper than ${maxDepth}`)
    if (depth > deepest) deepest = depth
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new PatchsyncError('invalid_patch', 'numbers must be finite')
      return v
    }
    if (Array.isArray(v)) return v.map((item) => copy(item, depth + 1))
    if (typeof v === 'object' && isPlainObject(v)) {
      const out: JsonObject = {}
      for (const key of Object.keys(v)) {
        if (key === '__proto__') throw new PatchsyncError('invalid_path', 'member name __proto__ is not allowed')
        out[key] = copy((v as Record<string, unknown>)[key], depth + 1)
      }
      return out
    }
    throw new PatchsyncError('invalid_patch', `${typeof v} is not a JSON value`)
  }
  const result = copy(value, 1)
  return { value: result, depth: deepest }
}

/** JSON equality: member order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]))
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as JsonObject)[k], (b as JsonObject)[k]))
}

/** UTF-8 bytes of a value's JSON text, exactly (what the document size limit of §10 counts). */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value)
    case 'number':
    case 'boolean':
      return String(value).length
    default: {
      if (value === null) return 4
      const text = JSON.stringify(value) ?? ''
      // Pure ASCII text (the common case) is as many bytes as characters.
      return /^[\x00-\x7f]*$/.test(text) ? text.length : Buffer.byteLength(text, 'utf8')
    }
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** UTF-8 bytes of `JSON.stringify(s)`: quotes, escapes and all, without building the text. */
export function jsonStringBytes(s: string): number {
  const length = s.length
  let bytes = length + 2
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x20 && c < 0x7f) {
      if (c === 34 /* " */ || c === 92 /* \ */) bytes += 1
    } else if (c < 0x20) {
      // \b \t \n \f \r are two characters, the other controls \u00XX
      bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5
    } else if (c === 0x7f) {
      continue
    } else if (c < 0x800) bytes += 1
    else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2
        i++
      } else bytes += 5 // a lone surrogate is written \uDXXX
    } else bytes += 2
  }
  return bytes
}

/** Characters of a finite number's JSON text (`String(n)`, which JSON.stringify matches). */
export function numberBytes(n: number): number {
  if ((n | 0) === n) {
    // int32, including -0 (written "0")
    let digits = n < 0 ? 2 : 1
    let rest = n < 0 ? -n : n
    while (rest >= 10) {
      rest = (rest / 10) | 0
      digits++
    }
    return digits
  }
  return String(n).length
}
