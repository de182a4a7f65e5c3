import { randomUUID } from 'node:crypto'

/**
 * `${name}` inside a scenario string; names are identifiers so ordinary text never collides.
 * `${name|upper}` is the bound text in upper case (a UUID as a client may write it, §2.7).
 */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(\|upper)?\}/g
const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(\|upper)?\}$/

/**
 * Values bound during one scenario run. A name is bound either by `$capture` in an expectation or,
 * the first time a frame to send mentions it, to a fresh lowercase UUID — so every run uses new
 * document ids, user ids and tokens and never collides with earlier runs against the same server.
 */
export class Bindings {
  readonly #values = new Map<string, unknown>()

  constructor(initial: Record<string, unknown> = {}) {
    for (const [name, value] of Object.entries(initial)) this.#values.set(name, value)
  }

  has(name: string): boolean {
    return this.#values.has(name)
  }

  get(name: string): unknown {
    if (!this.#values.has(name)) throw new Error(`placeholder \${${name}} is not bound yet`)
    return this.#values.get(name)
  }

  bind(name: string, value: unknown): void {
    if (this.#values.has(name)) throw new Error(`placeholder \${${name}} is already bound`)
    this.#values.set(name, value)
  }

  /** Binds `name` to a fresh UUID unless it already has a value. */
  ensure(name: string): void {
    if (!this.#values.has(name)) this.#values.set(name, randomUUID())
  }
}

/** Names of every placeholder mentioned anywhere inside `value` (keys are not scanned). */
export function placeholderNames(value: unknown): string[] {
  const names = new Set<string>()
  visitStrings(value, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!)
  })
  return [...names]
}

/**
 * Replaces placeholders inside `value`. A string that is exactly one placeholder becomes the bound
 * value itself (a captured number stays a number); a placeholder inside longer text is interpolated
 * as text. With `fresh`, unbound names get a fresh UUID first (used for frames being sent).
 */
export function substitute(value: unknown, bindings: Bindings, fresh = false): unknown {
  if (typeof value === 'string') {
    if (fresh) for (const name of placeholderNames(value)) bindings.ensure(name)
    const whole = WHOLE_PLACEHOLDER.exec(value)
    if (whole) return modified(bindings.get(whole[1]!), whole[2])
    return value.replace(PLACEHOLDER, (_, name: string, modifier?: string) => String(modified(bindings.get(name), modifier)))
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, bindings, fresh))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) setMember(out, key, substitute(item, bindings, fresh))
    return out
  }
  return value
}

function modified(value: unknown, modifier: string | undefined): unknown {
  return modifier === '|upper' && typeof value === 'string' ? value.toUpperCase() : value
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value)
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit)
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visitStrings(item, visit)
}

/**
 * Sets an own member, even one named `__proto__` (a scenario sends such content on purpose, §10.3),
 * which plain assignment would take as the object's prototype instead.
 */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
