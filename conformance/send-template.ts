import { Bindings, substitute } from './placeholders.js'

/**
 * Turns a scenario's `send` template into the frame to send: placeholders are substituted (unbound
 * ones get fresh UUIDs), then every `{"$repeat": {"value": v, "times": n}}` becomes `v` repeated —
 * a string when `v` is a string, otherwise an array of `n` copies — so a scenario can send a
 * 600 kB string or a 1001-operation patch without spelling it out.
 */
export function renderFrame(template: unknown, bindings: Bindings): unknown {
  return expandRepeats(substitute(template, bindings, true))
}

/** Why `value` is not a well-formed `$repeat`, or undefined when it is one. */
export function repeatProblem(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value)
  if (keys.length !== 1 || keys[0] !== '$repeat') return `only {"$repeat": …} may use a $ key in a frame to send, got ${keys.join(', ')}`
  const spec = value.$repeat as { value?: unknown; times?: unknown } | null
  if (spec === null || typeof spec !== 'object' || !('value' in spec) || !Number.isSafeInteger(spec.times) || (spec.times as number) < 0) {
    return '$repeat needs {"value": …, "times": a whole number ≥ 0}'
  }
  return undefined
}

function expandRepeats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandRepeats)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  if ('$repeat' in record) {
    const problem = repeatProblem(record)
    if (problem) throw new Error(problem)
    const { value: item, times } = record.$repeat as { value: unknown; times: number }
    const expanded = expandRepeats(item)
    return typeof expanded === 'string' ? expanded.repeat(times) : Array.from({ length: times }, () => structuredClone(expanded))
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(record)) out[key] = expandRepeats(item)
  return out
}
