import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ValidateFunction } from 'ajv'
import { suiteRoot } from './load-suite.js'
import { SchemaSet, type SchemaNode, type SpecDocument } from './schema-set.js'
import type { MessageCase } from './suite-types.js'
import { formatVectorFile } from './vector-format.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]
type Direction = MessageCase['direction']

/** Sections of spec/PROTOCOL.md the message cases cite: frames need a known type, extra members are rejected, the rest is the catalog. */
const TYPE_SECTION = '§1.1'
const EXTRA_MEMBER_SECTION = '§2.6'
const CATALOG_SECTION = '§2'

/** Strings tried, in order, for a string schema with a `pattern` and no `examples`. */
const PATTERN_SAMPLES = ['550e8400-e29b-41d4-a716-446655440000', `1-${'0123456789abcdef'.repeat(4)}`, '2024-01-01T12:00:00Z', '/text', 'x']

/**
 * Named changes to a pattern-checked string; the schema decides which of them are valid. A change
 * that returns undefined does not apply to that sample.
 */
const PATTERN_VARIANTS: [string, (sample: string) => string | undefined][] = [
  ['in uppercase', (sample) => sample.toUpperCase()],
  ['one character short', (sample) => sample.slice(0, -1)],
  ['one character long', (sample) => `${sample}0`],
  ['with a leading space', (sample) => ` ${sample}`],
  ['with a trailing newline', (sample) => `${sample}\n`],
  ['empty', () => ''],
  // A pattern that backtracks (the pointer pattern once did) takes hours on this string (§10.3).
  ['as 40 slashes and a bad escape', (sample) => (sample.startsWith('/') ? `${'/'.repeat(40)}~` : undefined)],
]

/** Values tried for "wrong type" cases, one per JSON type. */
const TYPE_SAMPLES: [string, Json][] = [
  ['string', 'text'],
  ['integer', 7],
  ['boolean', true],
  ['null', null],
  ['array', []],
  ['object', {}],
  ['fraction', 1.5],
]

/** Longest string generated for a maxLength boundary; longer limits are left to the limit scenarios. */
const MAX_GENERATED_LENGTH = 4096

/**
 * Derives valid and invalid frames for every message schema in `specDir`: a minimal and a full
 * valid frame, each required field missing, wrong types, extra properties, each branch of a oneOf,
 * and boundary values of every minimum/maximum, length, enum and pattern. Every frame is checked
 * against the schema (Ajv) before it is written, so the vectors say exactly what the spec says.
 */
export function buildMessageVectors(specDir: string): { kind: 'message'; description: string; cases: MessageCase[] } {
  const schemas = new SchemaSet(specDir)
  // Requests first: servers must reject bad ones, so shared definitions are explored where they matter most.
  const messages = schemas.documents
    .filter((document) => document.file.startsWith('messages/'))
    .sort((a, b) => Number(directionOf(a) === 'server_to_client') - Number(directionOf(b) === 'server_to_client'))
  if (messages.length === 0) throw new Error(`no message schemas in ${join(specDir, 'messages')}`)
  const cases: MessageCase[] = []
  const expanded = new Set<string>()
  for (const document of messages) cases.push(...new MessageCaseBuilder(schemas, document, expanded).build())
  const seen = new Set<string>()
  for (const vector of cases) {
    if (seen.has(vector.description)) throw new Error(`generated the description "${vector.description}" twice`)
    seen.add(vector.description)
  }
  return {
    kind: 'message',
    description: 'Frames valid and invalid per the message schemas, generated from spec/ by conformance/generate-message-vectors.ts',
    cases,
  }
}

class MessageCaseBuilder {
  readonly #schemas: SchemaSet
  readonly #validate: ValidateFunction
  readonly #type: string
  readonly #direction: Direction
  readonly #root: SchemaNode
  readonly #cases: MessageCase[] = []
  /** Shared object and array definitions already explored in depth by an earlier message. */
  readonly #expanded: Set<string>

  constructor(schemas: SchemaSet, document: SpecDocument, expanded: Set<string>) {
    this.#schemas = schemas
    this.#expanded = expanded
    this.#validate = schemas.validator(document)
    this.#root = schemas.root(document)
    const root = schemas.deref(this.#root).schema as Record<string, unknown>
    const typeSchema = (root.properties as Record<string, { const?: unknown }> | undefined)?.type
    if (typeof typeSchema?.const !== 'string') throw new Error(`spec/${document.file} has no constant "type" property`)
    this.#type = typeSchema.const
    this.#direction = directionOf(document)
  }

  build(): MessageCase[] {
    const minimal = this.#sample(this.#root, 'minimal') as Record<string, Json>
    const full = this.#sample(this.#root, 'full') as Record<string, Json>
    this.#add('minimal valid frame', minimal, true)
    this.#add('full valid frame', full, true)
    const { type: _type, ...withoutType } = minimal
    this.#add('missing type', withoutType, false, 'unknown_message_type')
    this.#add('unknown type', { ...minimal, type: `${this.#type}_unknown` }, false, 'unknown_message_type')
    this.#add('type as integer', { ...minimal, type: 7 }, false, 'unknown_message_type')
    this.#walk(this.#root, [], '', full)
    return this.#cases
  }

  #walk(node: SchemaNode, path: Path, label: string, frame: Json): void {
    const resolved = this.#schemas.deref(node)
    const schema = resolved.schema
    if (typeof schema !== 'object') return
    if (this.#seenBefore(node)) {
      if (path.length > 0) this.#wrongType(path, label, frame)
      return
    }
    const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined
    if (branches) {
      for (const [index, branch] of branches.entries()) {
        const branchNode = this.#schemas.child(resolved, branch)
        const branchLabel = `${label}<${this.#branchName(branchNode, index)}>`
        const branchFrame = setAt(frame, path, this.#sample(branchNode, 'full'))
        if (branches.length > 1) this.#add(`${branchLabel} valid`, branchFrame, true)
        this.#walk(branchNode, path, branchLabel, branchFrame)
      }
      return
    }
    if (path.length > 0) this.#wrongType(path, label, frame)
    const type = primaryType(schema)
    if (type === 'object') this.#walkObject(resolved, path, label, frame)
    else if (type === 'array') this.#walkArray(resolved, path, label, frame)
    else this.#boundaries(schema, path, label, frame)
  }

  /**
   * True for a `$ref` to a shared definition that an earlier message of the same direction already
   * explored: its inner cases would repeat, so only the reference point is tested again.
   */
  #seenBefore(node: SchemaNode): boolean {
    if (typeof node.schema !== 'object' || typeof node.schema.$ref !== 'string') return false
    const key = `${this.#direction} ${new URL(node.schema.$ref, node.base).href}`
    if (this.#expanded.has(key)) return true
    this.#expanded.add(key)
    return false
  }

  #walkObject(node: SchemaNode, path: Path, label: string, frame: Json): void {
    const schema = node.schema as Record<string, unknown>
    const properties = (schema.properties ?? {}) as Record<string, unknown>
    const required = (schema.required ?? []) as string[]
    const here = label === '' ? 'top level' : label
    for (const name of required) {
      if (path.length === 0 && name === 'type') continue
      this.#add(`missing ${join2(label, name)}`, deleteAt(frame, [...path, name]), false)
    }
    if (schema.additionalProperties === false) {
      this.#add(`extra property at ${here}`, setAt(frame, [...path, 'unexpected_property'], true), false)
    }
    for (const [name, sub] of Object.entries(properties)) {
      if (path.length === 0 && name === 'type') continue
      this.#walk(this.#schemas.child(node, sub), [...path, name], join2(label, name), frame)
    }
    const additional = schema.additionalProperties
    if (Object.keys(properties).length === 0 && additional !== undefined && typeof additional === 'object') {
      const key = sampleKey(schema)
      const withKey = setAt(frame, [...path, key], this.#sample(this.#schemas.child(node, additional), 'full'))
      this.#keyBoundaries(schema, path, label, withKey, key)
      this.#walk(this.#schemas.child(node, additional), [...path, key], `${label}.${key}`, withKey)
    }
  }

  #keyBoundaries(schema: Record<string, unknown>, path: Path, label: string, frame: Json, key: string): void {
    const names = schema.propertyNames as { minLength?: number; maxLength?: number } | undefined
    if (!names) return
    const value = getAt(frame, [...path, key])
    const withKey = (name: string): Json => setAt(deleteAt(frame, [...path, key]), [...path, name], value as Json)
    if (names.minLength !== undefined && names.minLength > 0) {
      this.#add(`${label} key of ${names.minLength} characters (minimum)`, withKey('k'.repeat(names.minLength)), true)
      this.#add(`${label} key of ${names.minLength - 1} characters (below minimum)`, withKey('k'.repeat(names.minLength - 1)), false)
    }
    if (names.maxLength !== undefined && names.maxLength <= MAX_GENERATED_LENGTH) {
      this.#add(`${label} key of ${names.maxLength} characters (maximum)`, withKey('k'.repeat(names.maxLength)), true)
      this.#add(`${label} key of ${names.maxLength + 1} characters (above maximum)`, withKey('k'.repeat(names.maxLength + 1)), false)
    }
  }

  #walkArray(node: SchemaNode, path: Path, label: string, frame: Json): void {
    const schema = node.schema as Record<string, unknown>
    const items = getAt(frame, path) as Json[]
    if (schema.items !== undefined && typeof schema.items === 'object' && items.length > 0) {
      const item = items[0]!
      const sized = (count: number): Json =>
        setAt(
          frame,
          path,
          Array.from({ length: count }, () => item),
        )
      if (typeof schema.minItems === 'number' && schema.minItems > 0) {
        this.#add(`${label} with ${schema.minItems} items (minimum)`, sized(schema.minItems), true)
        this.#add(`${label} with ${schema.minItems - 1} items (below minimum)`, sized(schema.minItems - 1), false)
      }
      if (typeof schema.maxItems === 'number' && schema.maxItems <= MAX_GENERATED_LENGTH) {
        this.#add(`${label} with ${schema.maxItems} items (maximum)`, sized(schema.maxItems), true)
        this.#add(`${label} with ${schema.maxItems + 1} items (above maximum)`, sized(schema.maxItems + 1), false)
      }
      this.#walk(this.#schemas.child(node, schema.items), [...path, 0], `${label}[0]`, frame)
    }
  }

  #boundaries(schema: Record<string, unknown>, path: Path, label: string, frame: Json): void {
    const at = (value: Json): Json => setAt(frame, path, value)
    if (Array.isArray(schema.enum)) {
      for (const member of schema.enum as Json[]) this.#add(`${label} = ${JSON.stringify(member)}`, at(member), true)
      this.#add(`${label} outside the enumeration`, at('not_a_member'), false)
      return
    }
    if ('const' in schema) {
      this.#add(`${label} other than ${JSON.stringify(schema.const)}`, at(`not_${String(schema.const)}`), false)
      return
    }
    const type = primaryType(schema)
    if (type === 'integer' || type === 'number') {
      const low = numberBound(schema, 'minimum', 'exclusiveMinimum', 1)
      const high = numberBound(schema, 'maximum', 'exclusiveMaximum', -1)
      if (low !== undefined) {
        this.#add(`${label} = ${low} (minimum)`, at(low), true)
        this.#add(`${label} = ${low - 1} (below minimum)`, at(low - 1), false)
      }
      if (high !== undefined) {
        this.#add(`${label} = ${high} (maximum)`, at(high), true)
        this.#add(`${label} = ${high + 1} (above maximum)`, at(high + 1), false)
      }
      if (type === 'integer') this.#add(`${label} = ${(low ?? 0) + 0.5} (not an integer)`, at((low ?? 0) + 0.5), false)
      return
    }
    if (type !== 'string') return
    if (typeof schema.pattern === 'string' || typeof schema.format === 'string') {
      const sample = getAt(frame, path) as string
      for (const [name, change] of PATTERN_VARIANTS) {
        const changed = change(sample)
        if (changed !== undefined) this.#oracle(`${label} ${name}`, at(changed))
      }
      return
    }
    if (typeof schema.minLength === 'number' && schema.minLength > 0) {
      this.#add(`${label} of length ${schema.minLength} (minimum)`, at('x'.repeat(schema.minLength)), true)
      this.#add(`${label} of length ${schema.minLength - 1} (below minimum)`, at('x'.repeat(schema.minLength - 1)), false)
    }
    if (typeof schema.maxLength === 'number' && schema.maxLength <= MAX_GENERATED_LENGTH) {
      this.#add(`${label} of length ${schema.maxLength} (maximum)`, at('x'.repeat(schema.maxLength)), true)
      this.#add(`${label} of length ${schema.maxLength + 1} (above maximum)`, at('x'.repeat(schema.maxLength + 1)), false)
    }
  }

  /** One wrong-type case per field: the first JSON type the schema rejects there. */
  #wrongType(path: Path, label: string, frame: Json): void {
    const current = getAt(frame, path)
    for (const [name, value] of TYPE_SAMPLES) {
      if (jsonType(value) === jsonType(current)) continue
      const candidate = setAt(frame, path, value)
      if (!this.#validate(candidate)) {
        this.#add(`${label} as ${name}`, candidate, false)
        return
      }
    }
  }

  #sample(node: SchemaNode, mode: 'minimal' | 'full'): Json {
    const resolved = this.#schemas.deref(node)
    const schema = resolved.schema
    if (typeof schema !== 'object') return 'value'
    if ('const' in schema) return schema.const as Json
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0] as Json)
    if (Array.isArray(schema.enum)) return schema.enum[0] as Json
    const branches = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined
    if (branches) return this.#sample(this.#schemas.child(resolved, branches[0]), mode)
    if (schema.allOf !== undefined) throw new Error(`allOf is not supported by the generator (at ${resolved.base})`)
    switch (primaryType(schema)) {
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, unknown>
        const required = (schema.required ?? []) as string[]
        const names = mode === 'minimal' ? required : [...new Set([...required, ...Object.keys(properties)])]
        const out: Record<string, Json> = {}
        for (const name of names) out[name] = this.#sample(this.#schemas.child(resolved, properties[name]), mode)
        const additional = schema.additionalProperties
        if (mode === 'full' && names.length === 0 && additional !== undefined && typeof additional === 'object') {
          out[sampleKey(schema)] = this.#sample(this.#schemas.child(resolved, additional), mode)
        }
        return out
      }
      case 'array': {
        const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 0, mode === 'full' ? 1 : 0)
        return Array.from({ length: count }, () => this.#sample(this.#schemas.child(resolved, schema.items), mode))
      }
      case 'string':
        return sampleString(schema)
      case 'integer':
      case 'number':
        return mode === 'full' && typeof schema.default === 'number' ? schema.default : (numberBound(schema, 'minimum', 'exclusiveMinimum', 1) ?? 0)
      case 'boolean':
        return true
      case 'null':
        return null
      default:
        return 'value'
    }
  }

  #branchName(node: SchemaNode, index: number): string {
    const schema = this.#schemas.deref(node).schema
    if (typeof schema === 'object') {
      for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, { const?: unknown }>)) {
        if (typeof sub === 'object' && sub !== null && typeof sub.const === 'string' && name !== 'type') return `${name}=${sub.const}`
      }
      const type = primaryType(schema)
      if (type !== undefined) return type
    }
    return `option ${index + 1}`
  }

  /** Adds a case whose validity the schema alone decides (pattern and format variants). */
  #oracle(what: string, frame: Json): void {
    this.#add(what, frame, this.#validate(frame) as boolean)
  }

  /** Adds a case whose validity the generator knows; throws when the schema disagrees. */
  #add(what: string, frame: Json, valid: boolean, error: MessageCase['error'] = 'invalid_message'): void {
    const actual = this.#validate(frame) as boolean
    if (actual !== valid) throw new Error(`${this.#type}: expected "${what}" to be ${valid ? 'valid' : 'invalid'}: ${JSON.stringify(this.#validate.errors)}`)
    const vector: MessageCase = {
      description: `${this.#type}: ${what.replace(/^\./, '')}`,
      spec: error === 'unknown_message_type' && !valid ? TYPE_SECTION : what.startsWith('extra property') ? EXTRA_MEMBER_SECTION : CATALOG_SECTION,
      message_type: this.#type,
      direction: this.#direction,
      frame,
      valid,
    }
    if (!valid) vector.error = error
    this.#cases.push(vector)
  }
}

function directionOf(document: SpecDocument): Direction {
  const declared = document.data['x-direction']
  if (declared === 'client') return 'client_to_server'
  if (declared === 'server') return 'server_to_client'
  throw new Error(`spec/${document.file} has no "x-direction" of "client" or "server"`)
}

function primaryType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type
  if (typeof type === 'string') return type
  if (Array.isArray(type)) return (type as string[]).find((name) => name !== 'null') ?? 'null'
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return 'object'
  if (schema.items !== undefined) return 'array'
  return undefined
}

function numberBound(schema: Record<string, unknown>, inclusive: string, exclusive: string, step: number): number | undefined {
  if (typeof schema[inclusive] === 'number') return schema[inclusive] as number
  if (typeof schema[exclusive] === 'number') return (schema[exclusive] as number) + step
  return undefined
}

function sampleString(schema: Record<string, unknown>): string {
  if (schema.format === 'uuid') return PATTERN_SAMPLES[0]!
  if (schema.format === 'date-time') return PATTERN_SAMPLES[2]!
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u')
    const sample = PATTERN_SAMPLES.find((candidate) => pattern.test(candidate))
    if (sample === undefined) throw new Error(`no sample string matches the pattern ${schema.pattern}; give the schema an "examples" entry`)
    return sample
  }
  const length = Math.max(typeof schema.minLength === 'number' ? schema.minLength : 1, 1)
  return 'x'.repeat(typeof schema.maxLength === 'number' ? Math.min(length, schema.maxLength) : length)
}

function sampleKey(schema: Record<string, unknown>): string {
  const names = schema.propertyNames as { minLength?: number } | undefined
  return 'client-1'.padEnd(names?.minLength ?? 0, 'x')
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'fraction'
  return typeof value
}

function join2(label: string, name: string): string {
  return label === '' ? name : `${label}.${name}`
}

function getAt(value: Json, path: Path): Json | undefined {
  let current: Json | undefined = value
  for (const key of path) current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, Json>)[key]
  return current
}

/** A copy of `value` with `path` set to `replacement`. */
function setAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return structuredClone(replacement)
  const copy = structuredClone(value) as Record<string | number, Json>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
  parent[path.at(-1)!] = structuredClone(replacement)
  return copy as Json
}

/** A copy of `value` without the member at `path`. */
function deleteAt(value: Json, path: Path): Json {
  const copy = structuredClone(value) as Record<string | number, Json>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
  delete parent[path.at(-1)!]
  return copy as Json
}

/** Where the generated file lives in the suite. */
export const MESSAGE_VECTORS_FILE = 'vectors/messages.json'

/** The exact text `npm run`-free regeneration writes, for the freshness test. */
export function renderMessageVectors(specDir = join(suiteRoot(), '..', 'spec')): string {
  return formatVectorFile(buildMessageVectors(specDir))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = join(suiteRoot(), MESSAGE_VECTORS_FILE)
  const text = renderMessageVectors(process.argv[2])
  writeFileSync(target, text)
  console.log(`wrote ${target}`)
}
