import { Bindings, setMember, substitute } from './placeholders.js'

/**
 * Turns a scenario's `send` template into the frame to send: placeholders are substituted (unbound
 * ones get fresh UUIDs), then the generators are expanded, so a scenario can send a 600 kB string,
 * a 1001-operation patch or content nested 64 deep without spelling it out:
 * - `{"$repeat": {"value": v, "times": n}}` becomes `v` repeated: a string when `v` is a string,
 *   otherwise an array of `n` copies;
 * - `{"$nest": {"key": k, "times": n, "value": v}}` becomes `v` wrapped in `n` objects `{k: …}`.
 */
export function renderFrame(template: unknown, bindings: Bindings): unknown {
  return expand(substitute(template, bindings, true))
}

/** Why `value`, an object with a `$` key in a frame to send, is not a well-formed generator. */
export function templateProblem(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value)
  if (keys.length !== 1 || (keys[0] !== '$repeat' && keys[0] !== '$nest')) {
    return `only {"$repeat": …} or {"$nest": …} may use a $ key in a frame to send, got ${keys.join(', ')}`
  }
  const spec = value[keys[0]] as { value?: unknown; times?: unknown; key?: unknown } | null
  if (spec === null || typeof spec !== 'object' || !('value' in spec) || !Number.isSafeInteger(spec.times) || (spec.times as number) < 0) {
    return `${keys[0]} needs {"value": …, "times": a whole number ≥ 0}`
  }
  if (keys[0] === '$nest' && typeof spec.key !== 'string') return '$nest needs a member name in "key"'
  return undefined
}

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  if ('$repeat' in record || '$nest' in record) {
    const problem = templateProblem(record)
    if (problem) throw new Error(problem)
    if ('$nest' in record) {
      const { key, times, value: inner } = record.$nest as { key: string; times: number; value: unknown }
      let nested = expand(inner)
      for (let i = 0; i < times; i++) nested = { [key]: nested }
      return nested
    }
    const { value: item, times } = record.$repeat as { value: unknown; times: number }
    const expanded = expand(item)
    return typeof expanded === 'string' ? expanded.repeat(times) : Array.from({ length: times }, () => structuredClone(expanded))
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(record)) setMember(out, key, expand(item))
  return out
}
