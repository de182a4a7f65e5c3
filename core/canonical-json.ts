/**
 * RFC 8785 (JCS) canonical JSON: no whitespace, object members sorted by the UTF-16 code units of
 * their names, strings and numbers as ECMAScript writes them. Revision ids hash this text, so any
 * language that follows RFC 8785 computes the same ids (spec §6.3).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set())
}

/**
 * Appends to one string rather than mapping and joining arrays of parts: every update hashes its
 * patch twice (request digest and revision id), and the parts' arrays were most of the garbage.
 */
function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no representation for non-finite numbers')
      return JSON.stringify(value)
    case 'object': {
      if (seen.has(value)) throw new TypeError('canonical JSON cannot represent a cycle')
      seen.add(value)
      let out: string
      if (Array.isArray(value)) {
        out = '['
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + write(value[i], seen)
        out += ']'
      } else {
        // Default sort compares UTF-16 code units, which is exactly what RFC 8785 asks for.
        const keys = Object.keys(value)
        if (keys.length > 1) keys.sort()
        out = '{'
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!
          out += (i === 0 ? '' : ',') + JSON.stringify(key) + ':' + write((value as Record<string, unknown>)[key], seen)
        }
        out += '}'
      }
      seen.delete(value)
      return out
    }
    default:
      throw new TypeError(`canonical JSON has no representation for ${typeof value}`)
  }
}
