import fc from 'fast-check'
import type { Operation } from '../../generated/types.js'
import { applyPatch } from '../patch.js'
import { formatPointer } from '../pointer.js'
import type { JsonObject, JsonValue } from '../json.js'

/** Seed and run count for every property, from FC_SEED / FC_RUNS so a failure can be replayed. */
export function propertyOptions(defaultRuns = 200): { seed: number; numRuns: number } {
  return { seed: Number(process.env.FC_SEED ?? 20261125), numRuns: Number(process.env.FC_RUNS ?? defaultRuns) }
}

const keys = fc.constantFrom('a', 'b', 'c', 'x~y', 's/l', '', 'ü')
export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 6 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
  ),
})).value

export const jsonDocument: fc.Arbitrary<JsonObject> = fc.dictionary(keys, jsonValue, { maxKeys: 5 })

type Path = string[]

function walk(node: JsonValue, path: Path, out: { all: Path[]; containers: Path[] }): void {
  if (path.length > 0) out.all.push(path)
  if (Array.isArray(node)) {
    out.containers.push(path)
    node.forEach((child, i) => walk(child, [...path, String(i)], out))
  } else if (node !== null && typeof node === 'object') {
    out.containers.push(path)
    for (const [k, child] of Object.entries(node)) walk(child, [...path, k], out)
  }
}

function at(node: JsonValue, path: Path): JsonValue {
  return path.reduce<JsonValue>((n, t) => (Array.isArray(n) ? n[Number(t)]! : (n as JsonObject)[t]!), node)
}

const isPrefix = (a: Path, b: Path): boolean => a.length <= b.length && a.every((t, i) => t === b[i])

export interface Step {
  kind: number
  pick: number
  pick2: number
  key: string
  value: JsonValue
}
export const step: fc.Arbitrary<Step> = fc.record({ kind: fc.nat(5), pick: fc.nat(), pick2: fc.nat(), key: keys, value: jsonValue })

/** One valid operation against `doc`, chosen by the random numbers of `s`; null if none fits. */
function opFor(doc: JsonObject, s: Step): Operation | null {
  const found = { all: [] as Path[], containers: [] as Path[] }
  walk(doc, [], found)
  const target = (container: Path): Path => {
    const node = at(doc, container)
    if (Array.isArray(node)) return [...container, s.pick2 % 3 === 0 ? '-' : String(s.pick2 % (node.length + 1))]
    return [...container, s.key]
  }
  const anyPath = found.all[s.pick % Math.max(found.all.length, 1)]
  switch (s.kind) {
    case 0:
      return { op: 'add', path: formatPointer(target(found.containers[s.pick % found.containers.length]!)), value: s.value }
    case 1:
      return anyPath ? { op: 'remove', path: formatPointer(anyPath) } : null
    case 2:
      return anyPath ? { op: 'replace', path: formatPointer(anyPath), value: s.value } : null
    case 3: {
      if (!anyPath) return null
      const destinations = found.containers.filter((c) => !isPrefix(anyPath, c))
      if (destinations.length === 0) return null
      const to = target(destinations[s.pick2 % destinations.length]!)
      return { op: 'move', from: formatPointer(anyPath), path: formatPointer(to) }
    }
    case 4:
      return anyPath ? { op: 'copy', from: formatPointer(anyPath), path: formatPointer(target(found.containers[s.pick2 % found.containers.length]!)) } : null
    default:
      return anyPath ? { op: 'test', path: formatPointer(anyPath), value: structuredClone(at(doc, anyPath)) } : null
  }
}

/** A patch built from random choices that applies to `doc` (which is not modified). */
export function patchFor(doc: JsonObject, steps: readonly Step[]): Operation[] {
  let scratch = structuredClone(doc)
  const patch: Operation[] = []
  for (const s of steps) {
    const op = opFor(scratch, s)
    if (!op) continue
    try {
      scratch = applyPatch(scratch, [op], { requireObject: true }).doc as JsonObject
    } catch {
      continue // the random choice did not fit the document (a move onto a vanished index, say)
    }
    patch.push(op)
  }
  return patch
}

/** A document with a patch that applies to it. */
export const documentWithPatch: fc.Arbitrary<{ doc: JsonObject; patch: Operation[] }> = fc
  .tuple(jsonDocument, fc.array(step, { maxLength: 8 }))
  .map(([doc, steps]) => ({ doc, patch: patchFor(doc, steps) }))
