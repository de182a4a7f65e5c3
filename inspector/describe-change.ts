import { applyPatch, type Operation } from '../core/patch.js'
import { parsePointer } from '../core/pointer.js'
import { jsonEqual, type JsonValue } from '../core/json.js'
import type { ChangeEvent } from '../generated/types.js'

/** One thing a change did, in a person's words: what was added, removed, replaced, moved… and where. */
export interface ChangeLine {
  kind: 'created' | 'deleted' | 'renamed' | 'added' | 'removed' | 'replaced' | 'moved' | 'copied' | 'checked'
  /** Where, as a JSON Pointer into the content (`/` for the whole content); for a move or copy, where to. */
  path: string
  /** For a move or copy: where from. */
  from?: string
  /** The value there before the change (removed, replaced, a title renamed). */
  before?: JsonValue
  /** The value there after it (added, replaced, moved, a title, the created content). */
  after?: JsonValue
}

/**
 * What a change event did to the document as it was before it (`before`: its content, or null
 * when it did not exist). An update is read operation by operation, each against the content the
 * operations before it left, so a replaced value shows what it replaced there and then.
 */
export function describeChange(event: Pick<ChangeEvent, 'event_type' | 'forward_patch' | 'reverse_patch'>, before: JsonValue | null): ChangeLine[] {
  switch (event.event_type) {
    case 'create':
      return [{ kind: 'created', path: '/', after: (event.forward_patch as { content?: JsonValue } | null)?.content ?? null }]
    case 'delete':
      return [{ kind: 'deleted', path: '/', before }]
    case 'rename':
      return [
        {
          kind: 'renamed',
          path: 'title',
          before: (event.reverse_patch as { title?: string } | null)?.title ?? null,
          after: (event.forward_patch as { title?: string } | null)?.title ?? null,
        },
      ]
    case 'update':
      return describeOperations((event.forward_patch ?? []) as Operation[], before ?? {})
  }
}

function describeOperations(operations: Operation[], content: JsonValue): ChangeLine[] {
  const lines: ChangeLine[] = []
  // applyPatch changes what it is given; the content shown beside the change must stay as it was.
  let current = structuredClone(content)
  for (const op of operations) {
    const shown = op.path === '' ? '/' : op.path
    switch (op.op) {
      case 'add': {
        const old = valueAt(current, op.path)
        lines.push(
          old === undefined
            ? { kind: 'added', path: shown, after: op.value as JsonValue }
            : { kind: 'replaced', path: shown, before: old, after: op.value as JsonValue },
        )
        break
      }
      case 'remove':
        lines.push({ kind: 'removed', path: shown, before: valueAt(current, op.path) ?? null })
        break
      case 'replace':
        lines.push({ kind: 'replaced', path: shown, before: valueAt(current, op.path) ?? null, after: op.value as JsonValue })
        break
      case 'move':
        lines.push({ kind: 'moved', path: shown, from: op.from, after: valueAt(current, op.from) ?? null })
        break
      case 'copy':
        lines.push({ kind: 'copied', path: shown, from: op.from, after: valueAt(current, op.from) ?? null })
        break
      case 'test':
        lines.push({ kind: 'checked', path: shown, after: op.value as JsonValue })
        break
    }
    // A history holds only patches that applied; one that no longer does ends the reading here.
    try {
      current = applyPatch(current, [op]).doc as JsonValue
    } catch {
      break
    }
  }
  return lines
}

/** The value a pointer names, or undefined where there is none (an append's `-`, a missing member). */
function valueAt(document: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = document
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined
    else if (node !== null && typeof node === 'object') node = Object.hasOwn(node, token) ? node[token] : undefined
    else return undefined
    if (node === undefined) return undefined
  }
  return node
}

/**
 * The patch that turns content `before` into `after`: member by member in objects (so that an
 * edit in the page sends only what changed, and merges with others' edits to other members), a
 * `replace` for a changed array or value.
 */
export function contentPatch(before: JsonValue, after: JsonValue, path = ''): Operation[] {
  if (!isObject(before) || !isObject(after)) return jsonEqual(before, after) ? [] : [{ op: 'replace', path, value: after }]
  const ops: Operation[] = []
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) ops.push({ op: 'remove', path: `${path}/${escapeToken(key)}` })
  for (const [key, value] of Object.entries(after)) {
    const member = `${path}/${escapeToken(key)}`
    if (!Object.hasOwn(before, key)) ops.push({ op: 'add', path: member, value })
    else ops.push(...contentPatch(before[key]!, value, member))
  }
  return ops
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}
