/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
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

const utf8 = new TextEncoder()

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
      // eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
      return /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length
    }
  }
}

/**
 * True when a value nests deeper than `limit`, depth counted as §10.1 counts it (a value is 1, each
 * container adds 1 to its deepest member: `{}` is 1, `{"a":1}` and `{"a":{}}` are 2). Walks with a
 * stack of its own rather than recursion, so a hostile value nested 10,000 deep cannot overflow the
 * call stack, and stops at the first container past the limit.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (limit < 1) return true
  const containers: object[] = []
  const depths: number[] = []
  if (typeof value === 'object' && value !== null) {
    containers.push(value)
    depths.push(1)
  }
  while (containers.length > 0) {
    const container = containers.pop()!
    const depth = depths.pop()!
    const members: unknown[] = Array.isArray(container) ? container : Object.values(container)
    if (members.length === 0) continue
    if (depth + 1 > limit) return true
    for (const member of members) {
      if (typeof member === 'object' && member !== null) {
        containers.push(member)
        depths.push(depth + 1)
      }
    }
  }
  return false
}

/** U+0000, or a UTF-16 surrogate without its partner (matched by code unit: no `u` flag). */
// eslint-disable-next-line no-control-regex -- U+0000 is what it looks for
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * True when a string holds U+0000 or an unpaired surrogate: text that no document may contain
 * (§2.9), because not every backend stores it (PostgreSQL's jsonb refuses both, SQLite replaces a
 * lone surrogate) and canonical JSON has no form for a lone surrogate.
 */
export function hasUnstorableText(s: string): boolean {
  return UNSTORABLE_TEXT.test(s)
}

/** True when any member name or string anywhere in `value` has unstorable text (see {@link hasUnstorableText}). */
export function holdsUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (hasUnstorableText(item)) return true
    } else if (Array.isArray(item)) {
      for (const member of item) pending.push(member)
    } else if (typeof item === 'object' && item !== null) {
      for (const key of Object.keys(item)) {
        if (hasUnstorableText(key)) return true
        pending.push((item as Record<string, unknown>)[key])
      }
    }
  }
  return false
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
