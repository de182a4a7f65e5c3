import type { Operation } from '../generated/types.js'
import { PatchsyncError } from './errors.js'
import { isJsonObject, jsonBytes, jsonStringBytes, numberBytes, type JsonObject, type JsonValue } from './json.js'
import { resolveLimits, type Limits } from './limits.js'
import { formatPointer, parseArrayIndex, parsePointer } from './pointer.js'

export type { Operation }

const ADD = 0
const REMOVE = 1
const REPLACE = 2
const MOVE = 3
const COPY = 4
const TEST = 5

const NO_TOKENS: string[] = []

/** An operation whose pointers are parsed and whose shape is checked. */
interface CheckedOperation {
  kind: number
  /** The pointer as given; parsing succeeded, so it is canonical (see {@link parsePointer}). */
  path: string
  tokens: string[]
  from: string
  fromTokens: string[]
  value: unknown
}

function opKind(op: unknown): number {
  switch (op) {
    case 'add':
      return ADD
    case 'remove':
      return REMOVE
    case 'replace':
      return REPLACE
    case 'move':
      return MOVE
    case 'copy':
      return COPY
    case 'test':
      return TEST
    default:
      return -1
  }
}

/**
 * Checks a patch without a document: that it is an array of at most `maxOps` RFC 6902 operations,
 * each well formed, every pointer well formed and harmless. Throws a {@link PatchsyncError}.
 */
export function validatePatch(ops: unknown, limits?: Partial<Limits>): void {
  checkPatch(ops, resolveLimits(limits))
}

function checkPatch(ops: unknown, limits: Readonly<Limits>): CheckedOperation[] {
  if (!Array.isArray(ops)) throw new PatchsyncError('invalid_patch', 'a patch must be an array of operations')
  const count = ops.length
  if (count > limits.maxOps) {
    throw new PatchsyncError('patch_too_large', `a patch may hold ${limits.maxOps} operations, this one has ${count}`)
  }
  // Sized up front for a short patch (pushing onto [] would start with 16 slots); filled in order.
  const checked: CheckedOperation[] = count <= 64 ? new Array<CheckedOperation>(count) : []
  for (let i = 0; i < count; i++) {
    const raw: unknown = ops[i]
    if (!isJsonObject(raw)) throw new PatchsyncError('invalid_patch', `operation ${i} is not an object`)
    const op = raw.op
    const kind = opKind(op)
    if (kind < 0) throw new PatchsyncError('invalid_patch', `operation ${i} has unknown op ${JSON.stringify(op)}`)
    const path = raw.path
    if (typeof path !== 'string') throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a string path`)
    const tokens = parsePointer(path)
    let from = ''
    let fromTokens = NO_TOKENS
    if (kind === MOVE || kind === COPY) {
      const rawFrom = raw.from
      if (typeof rawFrom !== 'string') throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a string from`)
      fromTokens = parsePointer(rawFrom)
      from = rawFrom
    }
    let value: unknown
    if (kind === ADD || kind === REPLACE || kind === TEST) {
      value = raw.value
      if (value === undefined || !Object.hasOwn(raw, 'value')) {
        throw new PatchsyncError('invalid_patch', `operation ${i} (${op}) needs a value`)
      }
    }
    checked[i] = { kind, path, tokens, from, fromTokens, value }
  }
  return checked
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
  /**
   * UTF-8 bytes of the result's JSON: measured when no size was given (or the tracked one ran
   * over the limit), else tracked from the size given. A tracked size is never below the real one,
   * so the limit cannot be slipped past; it may run over by a byte per object member the patch
   * removed or added to an empty object (knowing whether an object is empty would cost a scan of
   * its keys), and is measured again before a patch is refused for it.
   */
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
    for (let i = 0; i < checked.length; i++) tx.apply(checked[i]!)
    if (options.requireObject && !isJsonObject(tx.root)) {
      throw new PatchsyncError('invalid_patch', 'the document content must stay a JSON object')
    }
    let size = options.size === undefined ? tx.measureRoot() : options.size + tx.sizeDelta
    // A tracked size may run over (never under) the real one: measure before refusing.
    if (size > limits.maxDocumentBytes && options.size !== undefined) size = tx.measureRoot()
    if (size > limits.maxDocumentBytes) {
      throw new PatchsyncError('document_too_large', `the document would be ${size} bytes, over the limit of ${limits.maxDocumentBytes}`)
    }
    tx.commit()
    return { doc: tx.root, reverse: tx.reverse(), size }
  } catch (error) {
    tx.rollback()
    throw error
  }
}

type Container = JsonObject | JsonValue[]

/**
 * Stands in, until the patch commits, for an object member that the patch removed. Leaving the
 * member in place with this marker keeps its position, so rolling back is one assignment, and the
 * success path never has to look for where the member was (which costs a walk of every member,
 * and for a large object in V8's dictionary mode a sort). Commit deletes the marked members; until
 * then every read treats a member holding the marker as absent. It never leaves this module.
 */
const HOLE: JsonObject = Object.freeze({}) as JsonObject

// Undo log entries, four slots each: kind, container, key, value.
/** `container[key] = value`: restores an overwritten array element or object member, or fills a hole. */
const UNDO_SET = 0
/** `delete container[key]`: a member the patch added. */
const UNDO_DELETE = 1
/** `container.splice(key, 1)`: an element the patch inserted. */
const UNDO_ARRAY_INSERT = 2
/** `container.splice(key, 0, value)`: an element the patch removed. */
const UNDO_ARRAY_REMOVE = 3
/** `root = value`. */
const UNDO_ROOT = 4
/** A hole the patch filled by adding its member again (which moves it last): put the hole back at index `value`. */
const UNDO_REFILL = 5

/** One patch application: the live root, an undo log for rollback, and the reverse patch. */
class PatchTransaction {
  root: JsonValue
  sizeDelta = 0
  private readonly limits: Readonly<Limits>
  private undo: unknown[] | null = null
  /** Containers and keys of the members marked with {@link HOLE}, in pairs (allocated on the first). */
  private holes: unknown[] | null = null
  /** Reverse operations, last first; a group that must stay in order is pushed back to front. */
  private reverseOps: Operation[] | null = null
  /** The pointer where the last {@link insert} landed. */
  private landed = ''
  /** The array index the last {@link remove} took its value from; -1 for an object member. */
  private removedIndex = -1

  constructor(root: JsonValue, limits: Readonly<Limits>) {
    this.root = root
    this.limits = limits
  }

  apply(op: CheckedOperation): void {
    switch (op.kind) {
      case ADD: {
        const value = this.copyIn(op.value, op.tokens)
        this.add(op.tokens, op.path, value, this.measured)
        return
      }
      case REMOVE: {
        const removed = this.remove(op.tokens, op.path, true)
        this.pushReverse({ op: 'add', path: op.path, value: removed })
        return
      }
      case REPLACE: {
        const value = this.copyIn(op.value, op.tokens)
        this.replace(op.tokens, op.path, value, this.measured)
        return
      }
      case MOVE:
        this.move(op)
        return
      case COPY: {
        const value = this.copyIn(this.get(op.fromTokens), op.tokens)
        this.add(op.tokens, op.path, value, this.measured)
        return
      }
      case TEST:
        if (!sameJson(this.get(op.tokens), op.value)) {
          throw new PatchsyncError('test_failed', `test at ${JSON.stringify(op.path)} did not match`)
        }
    }
  }

  reverse(): Operation[] {
    const ops = this.reverseOps
    if (ops === null) return []
    return ops.length > 1 ? ops.reverse() : ops
  }

  /** Makes the patch final: members marked as removed are deleted for real. */
  commit(): void {
    const holes = this.holes
    if (holes === null) return
    for (let i = 0; i < holes.length; i += 2) {
      const container = holes[i] as JsonObject
      const key = holes[i + 1] as string
      // Not a hole any more when a later operation added the member again.
      if (container[key] === HOLE) delete container[key]
    }
  }

  rollback(): void {
    const undo = this.undo
    if (undo === null) return
    for (let i = undo.length - 4; i >= 0; i -= 4) {
      const container = undo[i + 1] as Record<string | number, JsonValue> & JsonValue[]
      const key = undo[i + 2] as string & number
      const value = undo[i + 3] as JsonValue
      switch (undo[i] as number) {
        case UNDO_SET:
          container[key] = value
          break
        case UNDO_DELETE:
          delete container[key]
          break
        case UNDO_ARRAY_INSERT:
          container.splice(key, 1)
          break
        case UNDO_ARRAY_REMOVE:
          container.splice(key, 0, value)
          break
        case UNDO_ROOT:
          this.root = value
          break
        case UNDO_REFILL:
          delete container[key]
          insertMemberAt(container, key, HOLE, value as unknown as number)
          break
      }
    }
  }

  /** Bytes of the whole document's JSON, when the caller does not track the size. */
  measureRoot(): number {
    // Without holes the document is plain JSON and JSON.stringify measures it fastest.
    return this.holes === null ? jsonBytes(this.root) : measure(this.root)
  }

  private log(kind: number, container: unknown, key: unknown, value: unknown): void {
    // The arrays start as literals of the exact size: most patches are short, and an empty array
    // grows to 16 slots on its first push.
    if (this.undo === null) this.undo = [kind, container, key, value]
    else this.undo.push(kind, container, key, value)
  }

  private pushReverse(op: Operation): void {
    if (this.reverseOps === null) this.reverseOps = [op]
    else this.reverseOps.push(op)
  }

  /** Bytes of the value {@link copyIn} last returned. */
  private measured = 0

  /**
   * A detached copy of a value to insert at `tokens`, checked for JSON-ness and for depth; sets
   * {@link measured} to the bytes of its JSON.
   */
  private copyIn(value: unknown, tokens: string[]): JsonValue {
    const room = this.limits.maxDepth - tokens.length
    switch (typeof value) {
      case 'string':
        if (room < 1) throw tooDeep(room)
        this.measured = jsonStringBytes(value)
        return value
      case 'boolean':
        if (room < 1) throw tooDeep(room)
        this.measured = value ? 4 : 5
        return value
      case 'number':
        if (room < 1) throw tooDeep(room)
        if (!Number.isFinite(value)) throw notFinite()
        this.measured = numberBytes(value)
        return value
    }
    if (value === null) {
      if (room < 1) throw tooDeep(room)
      this.measured = 4
      return null
    }
    const copier = new Copier(room)
    const copy = copier.copy(value, 1)
    this.measured = copier.bytes
    return copy
  }

  /** The value at `tokens`. */
  private get(tokens: string[]): JsonValue {
    let node = this.root
    for (let i = 0; i < tokens.length; i++) node = this.child(node, tokens, i)
    return node
  }

  /** The member or element `tokens[i]` of `node`. */
  private child(node: JsonValue, tokens: string[], i: number): JsonValue {
    const token = tokens[i]!
    if (Array.isArray(node)) {
      const index = parseArrayIndex(token)
      if (index < 0) throw notAnIndex(token, tokens)
      if (index < node.length) return node[index]!
      throw new PatchsyncError('path_not_found', `${JSON.stringify(formatPointer(tokens.slice(0, i + 1)))} is beyond the end of the array`)
    }
    if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) {
      const value = node[token]!
      if (value !== HOLE) return value
    }
    throw new PatchsyncError('path_not_found', `${JSON.stringify(formatPointer(tokens.slice(0, i + 1)))} does not exist`)
  }

  /** The container that holds the last token of `tokens` (which is not empty). */
  private parent(tokens: string[]): Container {
    let node = this.root
    const last = tokens.length - 1
    for (let i = 0; i < last; i++) node = this.child(node, tokens, i)
    if (typeof node !== 'object' || node === null) {
      throw new PatchsyncError('path_not_found', `the parent of ${JSON.stringify(formatPointer(tokens))} is not a container`)
    }
    return node
  }

  private setRoot(value: JsonValue, bytes: number): JsonValue {
    const old = this.root
    this.root = value
    this.log(UNDO_ROOT, null, null, old)
    this.sizeDelta += bytes - measure(old)
    return old
  }

  /** Add: inserts or sets a value, and records the operations that undo it. */
  private add(tokens: string[], path: string, value: JsonValue, bytes: number): void {
    const old = this.insert(tokens, path, value, bytes)
    const landed = this.landed
    this.pushReverse(old === undefined ? { op: 'remove', path: landed } : { op: 'replace', path: landed, value: old })
  }

  /**
   * Inserts or sets a value of `bytes` bytes (-1: leave the size alone, the caller accounts for
   * it), sets {@link landed} to the pointer it landed at, and returns the value it overwrote, if
   * any.
   */
  private insert(tokens: string[], path: string, value: JsonValue, bytes: number): JsonValue | undefined {
    if (tokens.length === 0) {
      this.landed = ''
      return this.setRoot(value, bytes)
    }
    const parent = this.parent(tokens)
    const token = tokens[tokens.length - 1]!
    if (Array.isArray(parent)) {
      const length = parent.length
      let index: number
      if (token === '-') {
        index = length
        this.landed = path.slice(0, -1) + length
      } else {
        index = parseArrayIndex(token)
        if (index < 0) throw notAnIndex(token, tokens)
        this.landed = path
      }
      if (index > length) throw new PatchsyncError('path_not_found', `${JSON.stringify(path)} is beyond the end of the array`)
      if (index === length) parent.push(value)
      else parent.splice(index, 0, value)
      this.log(UNDO_ARRAY_INSERT, parent, index, null)
      this.sizeDelta += (bytes >= 0 ? bytes : 0) + (length === 0 ? 0 : 1) // a comma, unless it was empty
      return undefined
    }
    this.landed = path
    if (Object.hasOwn(parent, token)) {
      const old = parent[token]!
      if (old !== HOLE) {
        parent[token] = value
        this.log(UNDO_SET, parent, token, old)
        this.sizeDelta += (bytes >= 0 ? bytes : 0) - measure(old)
        return old
      }
      // The patch removed this member earlier: adding it again puts it last, as it would after a
      // real delete. Rolling back must put the hole back where it was, so find out where (rare).
      const index = Object.keys(parent).indexOf(token)
      delete parent[token]
      parent[token] = value
      this.log(UNDO_REFILL, parent, token, index)
    } else {
      parent[token] = value
      this.log(UNDO_DELETE, parent, token, null)
    }
    // Name, colon and a comma: one byte over when the object was empty (see ApplyResult.size).
    this.sizeDelta += (bytes >= 0 ? bytes : 0) + jsonStringBytes(token) + 2
    return undefined
  }

  /** Removes the value at `tokens` and returns it; `measure`: subtract its bytes from the size. */
  private remove(tokens: string[], path: string, measureValue: boolean): JsonValue {
    if (tokens.length === 0) throw new PatchsyncError('invalid_patch', 'the document root cannot be removed')
    const parent = this.parent(tokens)
    const token = tokens[tokens.length - 1]!
    if (Array.isArray(parent)) {
      const index = parseArrayIndex(token)
      if (index < 0) throw notAnIndex(token, tokens)
      if (index >= parent.length) throw new PatchsyncError('path_not_found', `${JSON.stringify(path)} is beyond the end of the array`)
      const removed = index === parent.length - 1 ? parent.pop()! : parent.splice(index, 1)[0]!
      this.removedIndex = index
      this.log(UNDO_ARRAY_REMOVE, parent, index, removed)
      this.sizeDelta -= (measureValue ? measure(removed) : 0) + (parent.length === 0 ? 0 : 1)
      return removed
    }
    const removed = Object.hasOwn(parent, token) ? parent[token]! : HOLE
    if (removed === HOLE) throw new PatchsyncError('path_not_found', `${JSON.stringify(path)} does not exist`)
    // Mark rather than delete: see HOLE.
    this.removedIndex = -1
    parent[token] = HOLE
    if (this.holes === null) this.holes = [parent, token]
    else this.holes.push(parent, token)
    this.log(UNDO_SET, parent, token, removed)
    // Name and colon but not the comma: one byte short of the saving unless the object is now empty.
    this.sizeDelta -= (measureValue ? measure(removed) : 0) + jsonStringBytes(token) + 1
    return removed
  }

  private replace(tokens: string[], path: string, value: JsonValue, bytes: number): void {
    if (tokens.length === 0) {
      this.pushReverse({ op: 'replace', path: '', value: this.setRoot(value, bytes) })
      return
    }
    const parent = this.parent(tokens)
    const token = tokens[tokens.length - 1]!
    let old: JsonValue
    if (Array.isArray(parent)) {
      const index = parseArrayIndex(token)
      if (index < 0) throw notAnIndex(token, tokens)
      if (index >= parent.length) throw new PatchsyncError('path_not_found', `${JSON.stringify(path)} is beyond the end of the array`)
      old = parent[index]!
      parent[index] = value
      this.log(UNDO_SET, parent, index, old)
    } else {
      old = Object.hasOwn(parent, token) ? parent[token]! : HOLE
      if (old === HOLE) throw new PatchsyncError('path_not_found', `${JSON.stringify(path)} does not exist`)
      parent[token] = value
      this.log(UNDO_SET, parent, token, old)
    }
    this.sizeDelta += bytes - measure(old)
    this.pushReverse({ op: 'replace', path, value: old })
  }

  private move(op: CheckedOperation): void {
    const from = op.fromTokens
    const path = op.tokens
    if (op.from === op.path) {
      this.get(from)
      return
    }
    if (path.length === 0) throw new PatchsyncError('invalid_patch', 'cannot move a value onto the document root')
    if (path.length > from.length && isPrefix(from, path, from.length)) {
      throw new PatchsyncError('invalid_patch', `cannot move ${JSON.stringify(op.from)} into its own child`)
    }
    // The value leaves and arrives unchanged, so its bytes cancel out: neither step measures it.
    const removed = this.remove(from, op.from, false)
    const fromIndex = this.removedIndex
    const depth = depthOf(removed)
    if (path.length + depth > this.limits.maxDepth) {
      throw new PatchsyncError('nesting_too_deep', `moving to ${JSON.stringify(op.path)} nests deeper than ${this.limits.maxDepth}`)
    }
    const old = this.insert(path, op.path, removed, -1)
    const landed = this.landed
    // Where the landing pointer differs from `path` it differs only in its last token ("-").
    const onAncestor = from.length > path.length && isPrefix(path, from, path.length - 1) && landed === formatPointer(from.slice(0, path.length))
    if (onAncestor) {
      // The value moved onto one of its own ancestors, so moving it back would be a move into its
      // own child, which RFC 6902 forbids: remove it, restore what it overwrote, re-add a copy.
      // (Pushed back to front: the reverse patch is built last first.)
      this.pushReverse({ op: 'add', path: op.from, value: detachedCopy(removed) })
      if (old !== undefined) this.pushReverse({ op: 'add', path: landed, value: old })
      this.pushReverse({ op: 'remove', path: landed })
      return
    }
    // Otherwise move back rather than re-adding the value: a stored reverse patch must not share
    // objects with the live document. Then restore what the value overwrote (an object member, so
    // `landed` is `path`), at its pointer in the document as it is once the value is back.
    if (old !== undefined) this.pushReverse({ op: 'add', path: pointerBeforeRemoval(path, landed, from, fromIndex), value: old })
    this.pushReverse({ op: 'move', from: landed, path: op.from })
  }
}

/**
 * `pointer` (whose tokens are `tokens`), a pointer into the document after the array element at
 * `from` (index `fromIndex`; -1 when `from` was an object member) was removed, as it reads with
 * that element back in place: when it leads through that array at or past `fromIndex`, the index
 * there is one higher.
 */
function pointerBeforeRemoval(tokens: string[], pointer: string, from: string[], fromIndex: number): string {
  const level = from.length - 1
  if (fromIndex < 0 || tokens.length <= level + 1 || !isPrefix(tokens, from, level)) return pointer
  const index = parseArrayIndex(tokens[level]!)
  if (index < fromIndex) return pointer
  const shifted = tokens.slice()
  shifted[level] = String(index + 1)
  return formatPointer(shifted)
}

/** Whether the first `length` tokens of `a` and `b` agree. */
function isPrefix(a: string[], b: string[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false
  return true
}

function tooDeep(room: number): PatchsyncError {
  return new PatchsyncError('nesting_too_deep', `value nests deeper than ${room}`)
}

function notFinite(): PatchsyncError {
  return new PatchsyncError('invalid_patch', 'numbers must be finite')
}

function notAnIndex(token: string, tokens: string[]): PatchsyncError {
  return new PatchsyncError('invalid_path', `${JSON.stringify(token)} in ${JSON.stringify(formatPointer(tokens))} is not an array index`)
}

/**
 * Copies a value to insert, checking that it is JSON (finite numbers, plain objects and arrays, no
 * undefined, no `__proto__` member) no deeper than `room`, and adds up the bytes of its JSON text
 * on the way (what `jsonBytes` of the copy would say).
 */
class Copier {
  bytes = 0
  private readonly room: number

  constructor(room: number) {
    this.room = room
  }

  copy(v: unknown, depth: number): JsonValue {
    if (depth > this.room) throw tooDeep(this.room)
    switch (typeof v) {
      case 'string':
        this.bytes += jsonStringBytes(v)
        return v
      case 'number':
        if (!Number.isFinite(v)) throw notFinite()
        this.bytes += numberBytes(v)
        return v
      case 'boolean':
        this.bytes += v ? 4 : 5
        return v
      case 'object': {
        if (v === null) {
          this.bytes += 4
          return null
        }
        if (Array.isArray(v)) {
          const length = v.length
          const out: JsonValue[] = []
          for (let i = 0; i < length; i++) out.push(this.copy(v[i], depth + 1))
          this.bytes += length === 0 ? 2 : length + 1 // brackets and commas
          return out
        }
        const proto = Object.getPrototypeOf(v)
        if (proto !== Object.prototype && proto !== null) break
        const out: JsonObject = {}
        const keys = Object.keys(v)
        let members = 0
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!
          if (key === '__proto__') throw new PatchsyncError('invalid_path', 'member name __proto__ is not allowed')
          const member = (v as Record<string, unknown>)[key]
          if (member === HOLE) continue // a member this patch removed from the document (copy op)
          out[key] = this.copy(member, depth + 1)
          this.bytes += jsonStringBytes(key) + 1 // name and colon
          members++
        }
        this.bytes += members === 0 ? 2 : members + 1 // braces and commas
        return out
      }
    }
    throw new PatchsyncError('invalid_patch', `${typeof v} is not a JSON value`)
  }
}

/** Bytes of a value's JSON text, as JSON.stringify writes it, skipping holes; -1 for what it omits. */
function measure(value: JsonValue | undefined): number {
  switch (typeof value) {
    case 'string':
      return jsonStringBytes(value)
    case 'number':
      return Number.isFinite(value) ? numberBytes(value) : 4 // JSON.stringify writes null
    case 'boolean':
      return value ? 4 : 5
    case 'object': {
      if (value === null) return 4
      if (Array.isArray(value)) {
        let bytes = value.length === 0 ? 2 : value.length + 1 // brackets and commas
        for (let i = 0; i < value.length; i++) {
          const item = measure(value[i])
          bytes += item < 0 ? 4 : item // an omitted item is written null
        }
        return bytes
      }
      let bytes = 1
      let members = 0
      const keys = Object.keys(value)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!
        const member = value[key]
        if (member === HOLE) continue
        const valueBytes = measure(member)
        if (valueBytes < 0) continue
        bytes += jsonStringBytes(key) + 1 + valueBytes + 1 // name, colon, value, comma or brace
        members++
      }
      return members === 0 ? 2 : bytes
    }
    default:
      return -1 // undefined, a function or a symbol: not JSON, left out
  }
}

/** Nesting depth of a document value (a scalar is 1), skipping holes. */
function depthOf(value: JsonValue): number {
  if (typeof value !== 'object' || value === null) return 1
  let deepest = 0
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepest = Math.max(deepest, depthOf(value[i]!))
  } else {
    for (const key of Object.keys(value)) {
      const member = value[key]!
      if (member !== HOLE) deepest = Math.max(deepest, depthOf(member))
    }
  }
  return deepest + 1
}

/** A deep copy of a document value that shares nothing with it, without its holes. */
function detachedCopy(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(detachedCopy)
  const out: JsonObject = {}
  for (const key of Object.keys(value)) {
    const member = value[key]!
    if (member !== HOLE) out[key] = detachedCopy(member)
  }
  return out
}

/** JSON equality of a document value (which may hold holes) and a test value; as `jsonEqual`. */
function sameJson(doc: JsonValue | undefined, value: unknown): boolean {
  if (doc === value) return true
  if (typeof doc !== 'object' || typeof value !== 'object' || doc === null || value === null) return false
  if (Array.isArray(doc) !== Array.isArray(value)) return false
  if (Array.isArray(doc)) {
    const other = value as unknown[]
    if (doc.length !== other.length) return false
    for (let i = 0; i < doc.length; i++) if (!sameJson(doc[i], other[i])) return false
    return true
  }
  let members = 0
  for (const key of Object.keys(doc)) {
    const member = doc[key]
    if (member === HOLE) continue
    if (!Object.hasOwn(value, key) || !sameJson(member, (value as Record<string, unknown>)[key])) return false
    members++
  }
  return members === Object.keys(value).length
}

/**
 * Puts `key` (absent from `object`) back at position `index` of its members: sets it, then moves
 * every member that was at `index` or later behind it. Only rollback calls this.
 */
function insertMemberAt(object: Record<string, JsonValue>, key: string, value: JsonValue, index: number): void {
  const later = Object.keys(object).slice(index)
  object[key] = value
  for (const k of later) {
    const v = object[k]!
    delete object[k]
    object[k] = v
  }
}
