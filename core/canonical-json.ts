/**
 * RFC 8785 (JCS) canonical JSON: no whitespace, object members sorted by the UTF-16 code units of
 * their names, strings and numbers as ECMAScript writes them. Revision ids hash this text, so any
 * language that follows RFC 8785 computes the same ids (spec §6.3).
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set())
}

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
        out = `[${value.map((item) => write(item, seen)).join(',')}]`
      } else {
        // Default sort compares UTF-16 code units, which is exactly what RFC 8785 asks for.
        const keys = Object.keys(value).sort()
        out = `{${keys.map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], seen)}`).join(',')}}`
      }
      seen.delete(value)
      return out
    }
    default:
      throw new TypeError(`canonical JSON has no representation for ${typeof value}`)
  }
}
