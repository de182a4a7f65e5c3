import { applyPatch, jsonBytes, parsePointer, type JsonObject, type JsonValue, type Limits, type Operation } from '../core/index.js'

/**
 * Documents the client holds are immutable: deeply frozen JSON that versions share. A change
 * copies only the containers on the paths it touches and freezes what it adds, so applying a
 * small patch to a large document costs what the patch touches, a document can be handed to the
 * app without a copy, and a reference that did not change means a document that did not change
 * (what React's `useSyncExternalStore` needs).
 */
/** Freezes a value and everything in it that is not frozen yet (a frozen part is shared, so frozen all through). */
export function freezeJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  if (Array.isArray(value)) for (const item of value) freezeJson(item)
  else for (const key in value) freezeJson((value as Record<string, unknown>)[key])
  return value
}

/** A document and the UTF-8 size of its JSON, which a patch then tracks instead of measuring. */
export interface SizedDocument {
  doc: JsonObject
  size: number
}

export function sized(doc: JsonObject): SizedDocument {
  return { doc: freezeJson(doc), size: jsonBytes(doc) }
}

/**
 * Applies a patch to a frozen document without changing it: returns a new frozen document that
 * shares every container the patch did not write into. Throws (a PatchsyncError) as `applyPatch`
 * does when the patch does not apply; `doc` is untouched either way.
 */
export function applyToFrozen(document: SizedDocument, ops: readonly Operation[], limits?: Partial<Limits>): SizedDocument {
  const copies = new Set<object>()
  const root = { ...document.doc }
  copies.add(root)
  let current: JsonValue = root
  let size = document.size
  // One operation at a time: an operation may write into a container that an earlier one of the
  // same patch moved into place (shared, so frozen), which must be copied first.
  for (const op of ops) {
    if (typeof op.path === 'string') current = thawPath(current, op.path, copies)
    if (op.op === 'move' && typeof op.from === 'string') current = thawPath(current, op.from, copies)
    const result = applyPatch(current, [op], { limits, size, requireObject: true })
    current = result.doc
    size = result.size
  }
  return { doc: freezeJson(current as JsonObject), size }
}

/** Replaces, along the pointer, every container a write at the pointer would change by a shallow copy. */
function thawPath(root: JsonValue, pointer: string, copies: Set<object>): JsonValue {
  const tokens = parsePointer(pointer)
  let container = root
  for (let i = 0; i < tokens.length - 1; i++) {
    if (typeof container !== 'object' || container === null) break
    const key = tokens[i]!
    const child: JsonValue | undefined = Array.isArray(container)
      ? /^(0|[1-9][0-9]*)$/.test(key)
        ? container[Number(key)]
        : undefined
      : Object.hasOwn(container, key)
        ? container[key]
        : undefined
    if (typeof child !== 'object' || child === null) break
    let copy = child
    if (!copies.has(child)) {
      copy = Array.isArray(child) ? child.slice() : { ...child }
      copies.add(copy)
      ;(container as Record<string, JsonValue>)[key] = copy
    }
    container = copy
  }
  return root
}
