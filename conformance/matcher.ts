/**
 * Frame matchers for scenario expectations. A matcher is plain JSON:
 * - an object whose keys all start with `$` is an operator (several operators on one object must
 *   all hold);
 * - any other object matches an object that has every listed key with a matching value; keys the
 *   matcher does not list are ignored;
 * - an array matches an array of the same length, element by element;
 * - any other value matches an equal value.
 * Placeholders are substituted before matching (see placeholders.ts); `$capture` binds afterwards.
 */

/** Named value formats for `$match`. */
export const FORMATS: Record<string, (value: unknown) => boolean> = {
  sequence: (value) => Number.isSafeInteger(value) && (value as number) >= 0,
  revision_id: (value) => typeof value === 'string' && /^[1-9][0-9]*-[0-9a-f]{64}$/.test(value),
  uuid: (value) => typeof value === 'string' && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value),
  timestamp: (value) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)),
}

const TYPES: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
  array: (value) => Array.isArray(value),
  object: (value) => isPlainObject(value),
}

/** Every operator a matcher may use; anything else starting with `$` is a mistake in the scenario. */
export const OPERATORS = ['$any', '$type', '$match', '$capture', '$gt', '$gte', '$absent', '$equals', '$contains', '$excludes', '$not'] as const

/** Outcome of matching: the first mismatch (with a JSON path) or the values to capture. */
export type MatchResult = { ok: true; captures: Record<string, unknown> } | { ok: false; reason: string }

/** Matches `actual` against an already-substituted matcher. */
export function match(actual: unknown, matcher: unknown): MatchResult {
  const captures: Record<string, unknown> = {}
  const reason = check(actual, matcher, '$', captures, true)
  return reason === undefined ? { ok: true, captures } : { ok: false, reason }
}

export function isOperator(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key.startsWith('$'))
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  }
  return false
}

function check(actual: unknown, matcher: unknown, path: string, captures: Record<string, unknown>, present: boolean): string | undefined {
  if (isOperator(matcher)) return checkOperators(actual, matcher, path, captures, present)
  if (!present) return `${path}: missing`
  if (Array.isArray(matcher)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    if (actual.length !== matcher.length) return `${path}: expected ${matcher.length} items, got ${actual.length}`
    for (let i = 0; i < matcher.length; i++) {
      const reason = check(actual[i], matcher[i], `${path}[${i}]`, captures, true)
      if (reason !== undefined) return reason
    }
    return undefined
  }
  if (isPlainObject(matcher)) {
    if (!isPlainObject(actual)) return `${path}: expected an object, got ${show(actual)}`
    for (const [key, sub] of Object.entries(matcher)) {
      const reason = check(actual[key], sub, `${path}.${key}`, captures, Object.hasOwn(actual, key))
      if (reason !== undefined) return reason
    }
    return undefined
  }
  return deepEqual(actual, matcher) ? undefined : `${path}: expected ${show(matcher)}, got ${show(actual)}`
}

function checkOperators(actual: unknown, ops: Record<string, unknown>, path: string, captures: Record<string, unknown>, present: boolean): string | undefined {
  for (const key of Object.keys(ops)) {
    if (!(OPERATORS as readonly string[]).includes(key)) return `${path}: unknown matcher operator ${key}`
  }
  if ('$absent' in ops) return present ? `${path}: expected no value, got ${show(actual)}` : undefined
  if (!present) return `${path}: missing`
  if ('$type' in ops) {
    const test = TYPES[String(ops.$type)]
    if (!test) return `${path}: unknown $type ${show(ops.$type)}`
    if (!test(actual)) return `${path}: expected type ${String(ops.$type)}, got ${show(actual)}`
  }
  if ('$match' in ops) {
    const test = FORMATS[String(ops.$match)]
    if (!test) return `${path}: unknown $match format ${show(ops.$match)}`
    if (!test(actual)) return `${path}: expected a ${String(ops.$match)}, got ${show(actual)}`
  }
  if ('$gt' in ops) {
    if (typeof actual !== 'number' || typeof ops.$gt !== 'number' || !(actual > ops.$gt)) {
      return `${path}: expected a number greater than ${show(ops.$gt)}, got ${show(actual)}`
    }
  }
  if ('$gte' in ops) {
    if (typeof actual !== 'number' || typeof ops.$gte !== 'number' || !(actual >= ops.$gte)) {
      return `${path}: expected a number at least ${show(ops.$gte)}, got ${show(actual)}`
    }
  }
  if ('$not' in ops && check(actual, ops.$not, path, {}, true) === undefined) {
    return `${path}: expected anything but ${show(ops.$not)}, got ${show(actual)}`
  }
  if ('$equals' in ops && !deepEqual(actual, ops.$equals)) {
    return `${path}: expected exactly ${show(ops.$equals)}, got ${show(actual)}`
  }
  if ('$contains' in ops) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    const wanted = Array.isArray(ops.$contains) ? ops.$contains : []
    for (const [i, sub] of wanted.entries()) {
      const found = actual.some((item) => check(item, sub, path, {}, true) === undefined)
      if (!found) return `${path}: no item matches $contains[${i}] ${show(sub)}`
    }
    for (const sub of wanted) {
      const item = actual.find((candidate) => check(candidate, sub, path, {}, true) === undefined)
      check(item, sub, path, captures, true)
    }
  }
  if ('$excludes' in ops) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    const unwanted = Array.isArray(ops.$excludes) ? ops.$excludes : []
    for (const [i, sub] of unwanted.entries()) {
      const item = actual.findIndex((candidate) => check(candidate, sub, path, {}, true) === undefined)
      if (item >= 0) return `${path}[${item}]: matches $excludes[${i}] ${show(sub)}, which must not be there`
    }
  }
  if ('$capture' in ops) captures[String(ops.$capture)] = actual
  return undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
