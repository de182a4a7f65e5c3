import type { Operation } from '../generated/types.js'
import { PatchsyncError } from './errors.js'
import { cloneJson, isJsonObject, jsonBytes, jsonEqual, type JsonObject, type JsonValue } from './json.js'
import { resolveLimits, type Limits } from './limits.js'
import { arrayIndex, formatPointer, parsePointer } from './pointer.js'

export type { Operation }

/** An operation whose pointers are parsed and whose shape is checked. */
interface CheckedOperation {
  op: Operation['op']
  path: string[]
  from?: string[]
  value?: unknown
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test'])

/**
 * Checks a patch without a document: that it is an array of at most `maxOps` RFC 6902 operations,
 * each well formed, every pointer well formed and harmless. Throws a {@link PatchsyncError}.
 */
export function validatePatch(ops: unknown, limits?: Partial<Limits>): void {
  checkPatch(ops, resolveLimits(limits))
}

function checkPatch(ops: unknown, limits: Readonly<Limits>): CheckedOperation[] {
  if (!Array.isArray(ops)) throw new PatchsyncError('invalid_patch', 'a patch must be an array of operations')
  if (ops.length > limits.maxOps) {
    throw new PatchsyncError('patch_too_large', `a patch may hold ${limits.maxOps} operations, this one has ${ops.length}`)
  }
  return ops.map((raw, i) => {
    if (!isJsonObject(raw)) throw new PatchsyncError('invalid_patch', `operation ${i} is not an object`)
    const { op, path, from } = raw as Record<string, unknown>
    if (typeof op !== 'string' || !OPS.has(op)) throw new PatchsyncError('invalid_patch', `operation ${i} has unknown op ${JSON.stringify(op)}`)
    if (typeof path !== 'string') throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a string path`)
    const checked: CheckedOperation = { op: op as Operation['op'], path: parsePointer(path) }
    if (op === 'move' || op === 'copy') {
      if (typeof from !== 'string') throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a string from`)
      checked.from = parsePointer(from)
    }
    if (op === 'add' || op === 'replace' || op === 'test') {
      if (!Object.hasOwn(raw, 'value') || raw.value === undefined) {
        throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a value`)
      }
      checked.value = raw.value
    }
    return checked
  })
}

export interface ApplyOptions {
  limits?: Partial<Limits>
  /**
   * The UTF-8 size of the document's JSON before the patch, when the caller tracks it. The size
   * after the patch is then this plus the bytes the patch adds minus those it removes, instead of a
   * full re-serialisation of the document.
   */
  size?: number
  /** Refuse a result that is not a JSON object (document content always is, §2.4). */
  requireObject?: boolean
}

export interface ApplyResult {
  /** The patched document: the same object as the input unless the root was replaced. */
  doc: JsonValue
  /** Applied to `doc`, restores the input document exactly (up to member order). */
  reverse: Operation[]
  /** UTF-8 bytes of the result's JSON (estimated from the size given, or measured). */
  size: number
}

/**
 * Applies an RFC 6902 patch IN PLACE and builds, in the same pass, the patch that undoes it.
 *
 * Atomic: when any operation fails, every change already made is rolled back and the error is
 * thrown, so the input is exactly as it was (member order included). Work is proportional to what
 * the patch touches — values it inserts are copied, never the whole document — so callers that
 * must keep the old version keep it through the reverse patch, not a clone.
 */
export function applyPatch(doc: unknown, ops: unknown, options: ApplyOptions = {}): ApplyResult {
  const limits = resolveLimits(options.limits)
  const checked = checkPatch(ops, limits)
  const tx = new PatchTransaction(doc as JsonValue, limits)
  try {
    for (const op of checked) tx.apply(op)
    if (options.requireObject && !isJsonObject(tx.root)) {
      throw new PatchsyncError('invalid_patch', 'the document content must stay a JSON object')
    }
    const size = options.size === undefined ? jsonBytes(tx.root) : options.size + tx.sizeDelta
    if (size > limits.maxDocumentBytes) {
      throw new PatchsyncError('document_too_large', `the document would be ${size} bytes, over the limit of ${limits.maxDocumentBytes}`)
    }
    return { doc: tx.root, reverse: tx.reverse(), size }
  } catch (error) {
    tx.rollback()
    throw error
  }
}

type Container = JsonObject | JsonValue[]

/** One patch application: the live root, an undo log for rollback, and the reverse patch. */
class PatchTransaction {
  root: JsonValue
  sizeDelta = 0
  private readonly undo: Array<() => void> = []
  private readonly limits: Readonly<Limits>
  private readonly reverseGroups: Operation[][] = []

  constructor(root: JsonValue, limits: Readonly<Limits>) {
    this.root = root
    this.limits = limits
  }

  apply(op: CheckedOperation): void {
    switch (op.op) {
      case 'add':
        this.reverseGroups.push(this.add(op.path, this.copyIn(op.value, op.path)).reverse)
        return
      case 'remove': {
        const { removed, pointer } = this.remove(op.path)
        this.reverseGroups.push([{ op: 'add', path: pointer, value: removed }])
        return
      }
      case 'replace':
        this.reverseGroups.push(this.replace(op.path, this.copyIn(op.value, op.path)))
        return
      case 'move':
        this.reverseGroups.push(this.move(op.from!, op.path))
        return
      case 'copy':
        this.reverseGroups.push(this.add(op.path, this.copyIn(this.get(op.from!), op.path)).reverse)
        return
      case 'test':
        if (!jsonEqual(this.get(op.path), op.value)) {
          throw new PatchsyncError('test_failed', `test at ${JSON.stringify(formatPointer(op.path))} did not match`)
        }
    }
  }

  reverse(): Operation[] {
    const out: Operation[] = []
    for (let i = this.reverseGroups.length - 1; i >= 0; i--) for (const op of this.reverseGroups[i]!) out.push(op)
    return out
  }

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!()
    this.undo.length = 0
  }

  /** A detached copy of a value to insert at `path`, checked for JSON-ness and depth. */
  private copyIn(value: unknown, path: string[]): JsonValue {
    const { value: copy } = cloneJson(value, this.limits.maxDepth - path.length)
    return copy
  }

  /** The value at the first `length` tokens of `path` (all of them by default). */
  private get(path: string[], length = path.length): JsonValue {
    let node = this.root
    for (let i = 0; i < length; i++) node = this.child(node, path[i]!, path, i)
    return node
  }

  private child(node: JsonValue, token: string, path: string[], i: number): JsonValue {
    if (Array.isArray(node)) {
      const index = arrayIndex(token, formatPointer(path))
      if (index < node.length) return node[index]!
      throw new PatchsyncError('path_not_found', `${JSON.stringify(formatPointer(path.slice(0, i + 1)))} is beyond the end of the array`)
    }
    if (isJsonObject(node) && Object.hasOwn(node, token)) return node[token]!
    throw new PatchsyncError('path_not_found', `${JSON.stringify(formatPointer(path.slice(0, i + 1)))} does not exist`)
  }

  private parent(path: string[]): Container {
    const parent = this.get(path, path.length - 1)
    if (typeof parent !== 'object' || parent === null) {
      throw new PatchsyncError('path_not_found', `the parent of ${JSON.stringify(formatPointer(path))} is not a container`)
    }
    return parent
  }

  private setRoot(value: JsonValue): JsonValue {
    const old = this.root
    this.root = value
    this.undo.push(() => {
      this.root = old
    })
    this.sizeDelta += jsonBytes(value) - jsonBytes(old)
    return old
  }

  /** Inserts or sets a value; returns the pointer it landed at and the ops that undo it. */
  private add(path: string[], value: JsonValue): { pointer: string; reverse: Operation[] } {
    if (path.length === 0) {
      const old = this.setRoot(value)
      return { pointer: '', reverse: [{ op: 'replace', path: '', value: old }] }
    }
    const parent = this.parent(path)
    const token = path[path.length - 1]!
    if (Array.isArray(parent)) {
      const index = token === '-' ? parent.length : arrayIndex(token, formatPointer(path))
      if (index > parent.length) {
        throw new PatchsyncError('path_not_found', `${JSON.stringify(formatPointer(path))} is beyond the end of the array`)
      }
      parent.splice(index, 0, value)
      this.undo.push(() => parent.splice(index, 1))
      this.sizeDelta += jsonBytes(value) + 1
      const pointer = formatPointer([...path.slice(0, -1), String(index)])
      return { pointer, reverse: [{ op: 'remove', path: pointer }] }
    }
    const pointer = formatPointer(path)
    if (Object.hasOwn(parent, token)) {
      const old = parent[token]!
      parent[token] = value
      this.undo.push(() => {
        parent[token] = old
      })
      this.sizeDelta += jsonBytes(value) - jsonBytes(old)
      return { pointer, reverse: [{ op: 'replace', path: pointer, value: old }] }
    }
    parent[token] = value
    this.undo.push(() => {
      delete parent[token]
    })
    this.sizeDelta += jsonBytes(value) + memberBytes(token)
    return { pointer, reverse: [{ op: 'remove', path: pointer }] }
  }

  private remove(path: string[]): { removed: JsonValue; pointer: string } {
    if (path.length === 0) throw new PatchsyncError('invalid_patch', 'the document root cannot be removed')
    const parent = this.parent(path)
    const token = path[path.length - 1]!
    const pointer = formatPointer(path)
    if (Array.isArray(parent)) {
      const index = arrayIndex(token, pointer)
      if (index >= parent.length) throw new PatchsyncError('path_not_found', `${JSON.stringify(pointer)} is beyond the end of the array`)
      const [removed] = parent.splice(index, 1) as [JsonValue]
      this.undo.push(() => parent.splice(index, 0, removed))
      this.sizeDelta -= jsonBytes(removed) + 1
      return { removed, pointer }
    }
    if (!Object.hasOwn(parent, token)) throw new PatchsyncError('path_not_found', `${JSON.stringify(pointer)} does not exist`)
    const removed = parent[token]!
    const keys = Object.keys(parent)
    const later = keys.slice(keys.indexOf(token) + 1)
    delete parent[token]
    this.undo.push(() => {
      // Re-insert in the original position so a rolled-back document keeps its member order.
      parent[token] = removed
      for (const key of later) {
        const v = parent[key]!
        delete parent[key]
        parent[key] = v
      }
    })
    this.sizeDelta -= jsonBytes(removed) + memberBytes(token)
    return { removed, pointer }
  }

  private replace(path: string[], value: JsonValue): Operation[] {
    if (path.length === 0) return [{ op: 'replace', path: '', value: this.setRoot(value) }]
    const parent = this.parent(path)
    const pointer = formatPointer(path)
    const token = path[path.length - 1]!
    const old = this.child(parent, token, path, path.length - 1)
    const key: string | number = Array.isArray(parent) ? arrayIndex(token, pointer) : token
    const target = parent as Record<string | number, JsonValue>
    target[key] = value
    this.undo.push(() => {
      target[key] = old
    })
    this.sizeDelta += jsonBytes(value) - jsonBytes(old)
    return [{ op: 'replace', path: pointer, value: old }]
  }

  private move(from: string[], path: string[]): Operation[] {
    const fromPointer = formatPointer(from)
    if (fromPointer === formatPointer(path)) {
      this.get(from)
      return []
    }
    if (path.length === 0) throw new PatchsyncError('invalid_patch', 'cannot move a value onto the document root')
    if (path.length > from.length && from.every((token, i) => token === path[i])) {
      throw new PatchsyncError('invalid_patch', `cannot move ${JSON.stringify(fromPointer)} into its own child`)
    }
    const { removed } = this.remove(from)
    const depth = cloneDepth(removed)
    if (path.length + depth > this.limits.maxDepth) {
      throw new PatchsyncError('nesting_too_deep', `moving to ${JSON.stringify(formatPointer(path))} nests deeper than ${this.limits.maxDepth}`)
    }
    const { pointer, reverse } = this.add(path, removed)
    const overwritten: Operation[] = reverse[0]!.op === 'replace' ? [{ ...reverse[0]!, op: 'add' }] : []
    const landed = parsePointer(pointer)
    if (from.length > landed.length && landed.every((token, i) => token === from[i])) {
      // The value moved onto one of its own ancestors, so moving it back would be a move into its
      // own child, which RFC 6902 forbids: remove it, restore what it overwrote, re-add a copy.
      return [{ op: 'remove', path: pointer }, ...overwritten, { op: 'add', path: fromPointer, value: structuredClone(removed) }]
    }
    // Otherwise move back rather than re-adding the value: a stored reverse patch must not share
    // objects with the live document.
    return [{ op: 'move', from: pointer, path: fromPointer }, ...overwritten]
  }
}

function memberBytes(key: string): number {
  return Buffer.byteLength(JSON.stringify(key), 'utf8') + 2
}

function cloneDepth(value: JsonValue): number {
  if (typeof value !== 'object' || value === null) return 1
  let deepest = 0
  for (const child of Array.isArray(value) ? value : Object.values(value)) deepest = Math.max(deepest, cloneDepth(child))
  return deepest + 1
}
