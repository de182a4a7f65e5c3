/**
 * Generates every artefact of `spec/`: TypeScript types, precompiled validators and the error
 * registry in `generated/`, the C API's error header `ffi/include/patchsync_errors.h`, and the
 * error table in `spec/PROTOCOL.md`.
 *
 * The spec is checked first; a malformed spec stops the run before anything is written.
 * Usage: `npm run generate` (writes), or `generateAll(specDir)` (in memory, for the freshness test).
 */
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import AjvModule from 'ajv'
import standaloneModule from 'ajv/dist/standalone/index.js'
import { compile } from 'json-schema-to-typescript'
import { renderErrorsHeader } from './c-errors-header.js'

const Ajv = AjvModule.default
const standaloneCode = standaloneModule.default

const HEADER = '// THIS IS A GENERATED FILE, DO NOT EDIT. Regenerate with: npm run generate\n'
/** The base of every schema's `$id` (§2.10): relative `$ref`s resolve against it. */
const SCHEMA_BASE = 'https://patchsync.dev/spec/'
const ERRORS_BEGIN = '<!-- errors:begin -->'
const ERRORS_END = '<!-- errors:end -->'

type Schema = Record<string, unknown>

interface ErrorEntry {
  code: string
  number: number
  meaning: string
  retryable: boolean
  scope: 'wire' | 'client'
}

interface MessageSchema {
  file: string
  type: string
  direction: 'client' | 'server'
  schema: Schema
}

export interface Spec {
  definitions: Schema
  messages: MessageSchema[]
  errors: ErrorEntry[]
  protocol: string
}

/** A spec that cannot be generated from; the message names the file and the problem. */
export class SpecError extends Error {}

async function readJson(path: string): Promise<Schema> {
  const text = await readFile(path, 'utf8')
  try {
    return JSON.parse(text) as Schema
  } catch (error) {
    throw new SpecError(`${path}: not valid JSON (${(error as Error).message})`)
  }
}

function newAjv(code: boolean): InstanceType<typeof Ajv> {
  const ajv = new Ajv({
    strict: true,
    allErrors: false,
    ...(code ? { code: { source: true, esm: true, lines: true } } : {}),
  })
  ajv.addKeyword('x-direction')
  return ajv
}

/** Reads and checks the whole spec: every schema against the meta-schema, refs, names, registry. */
export async function loadSpec(specDir: string): Promise<Spec> {
  const definitions = await readJson(join(specDir, 'definitions.json'))
  if (definitions.$id !== `${SCHEMA_BASE}definitions.json`) throw new SpecError(`definitions.json: $id must be "${SCHEMA_BASE}definitions.json"`)
  const files = (await readdir(join(specDir, 'messages'))).filter((f) => f.endsWith('.json')).sort()
  const messages: MessageSchema[] = []
  for (const file of files) {
    const schema = await readJson(join(specDir, 'messages', file))
    const properties = schema.properties as Record<string, Schema> | undefined
    const type = properties?.type?.const
    if (typeof type !== 'string') throw new SpecError(`messages/${file}: properties.type must be a const string`)
    if (`${type.replaceAll('_', '-')}.json` !== file) {
      throw new SpecError(`messages/${file}: file name must be the message type in kebab-case (${type})`)
    }
    if (schema.$id !== `${SCHEMA_BASE}messages/${file}`) throw new SpecError(`messages/${file}: $id must be "${SCHEMA_BASE}messages/${file}"`)
    const direction = schema['x-direction']
    if (direction !== 'client' && direction !== 'server') {
      throw new SpecError(`messages/${file}: x-direction must be "client" or "server"`)
    }
    messages.push({ file, type, direction, schema })
  }
  const errors = ((await readJson(join(specDir, 'errors.json'))).errors ?? []) as ErrorEntry[]
  checkErrors(errors)
  const protocol = await readFile(join(specDir, 'PROTOCOL.md'), 'utf8')
  if (!protocol.includes(ERRORS_BEGIN) || !protocol.includes(ERRORS_END)) {
    throw new SpecError(`PROTOCOL.md: the error table markers ${ERRORS_BEGIN} ... ${ERRORS_END} are missing`)
  }

  const ajv = newAjv(false)
  const all: Array<[string, Schema]> = [['definitions.json', definitions], ...messages.map((m): [string, Schema] => [m.file, m.schema])]
  for (const [name, schema] of all) {
    if (!ajv.validateSchema(schema)) {
      throw new SpecError(`${name}: not a valid JSON Schema: ${ajv.errorsText(ajv.errors)}`)
    }
  }
  ajv.addSchema(definitions)
  for (const m of messages) ajv.addSchema(m.schema)
  for (const m of messages) {
    try {
      ajv.getSchema(m.schema.$id as string)
    } catch (error) {
      throw new SpecError(`messages/${m.file}: ${(error as Error).message}`)
    }
  }
  const errorSchema = messages.find((m) => m.type === 'error')?.schema.properties as Record<string, Schema> | undefined
  const wire = errors.filter((e) => e.scope === 'wire').map((e) => e.code)
  if (JSON.stringify(errorSchema?.code?.enum) !== JSON.stringify(wire)) {
    throw new SpecError('messages/error.json: code.enum must list the wire-scope codes of errors.json, in order')
  }
  return { definitions, messages, errors, protocol }
}

function checkErrors(errors: ErrorEntry[]): void {
  const codes = new Set<string>()
  const numbers = new Set<number>()
  for (const e of errors) {
    if (!/^[a-z][a-z0-9_]*$/.test(e.code)) throw new SpecError(`errors.json: bad code ${JSON.stringify(e.code)}`)
    if (!Number.isInteger(e.number) || e.number <= 0) throw new SpecError(`errors.json: ${e.code} needs a positive number`)
    if (codes.has(e.code)) throw new SpecError(`errors.json: code ${e.code} appears twice`)
    if (numbers.has(e.number)) throw new SpecError(`errors.json: number ${e.number} appears twice`)
    if (typeof e.meaning !== 'string' || typeof e.retryable !== 'boolean' || !['wire', 'client'].includes(e.scope)) {
      throw new SpecError(`errors.json: ${e.code} needs meaning, retryable and scope (wire|client)`)
    }
    codes.add(e.code)
    numbers.add(e.number)
  }
}

function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())
}

/** Rewrites cross-file refs to local ones so one compile emits every type once. */
function localRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localRefs)
  if (value === null || typeof value !== 'object') return value
  const out: Schema = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string') out[key] = `#/definitions/${v.split('#/definitions/')[1]}`
    else if (key === '$id' || key === '$schema' || key === 'x-direction') continue
    else out[key] = localRefs(v)
  }
  return out
}

async function generateTypes(spec: Spec): Promise<string> {
  const definitions: Schema = {}
  for (const [name, schema] of Object.entries(spec.definitions.definitions as Schema)) {
    definitions[name] = { ...(localRefs(schema) as Schema), title: pascal(name) }
  }
  for (const m of spec.messages) {
    definitions[`${m.type}_message`] = { ...(localRefs(m.schema) as Schema), title: `${pascal(m.type)}Message` }
  }
  const root = { title: 'PatchsyncSpec', definitions } as Parameters<typeof compile>[0]
  const body = await compile(root, 'PatchsyncSpec', {
    bannerComment: '',
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: false,
    format: true,
    style: { singleQuote: true, semi: false, printWidth: 110 },
  })
  const union = (direction: string) =>
    spec.messages
      .filter((m) => m.direction === direction)
      .map((m) => `${pascal(m.type)}Message`)
      .join('\n  | ')
  const names = (direction: string) =>
    spec.messages
      .filter((m) => m.direction === direction)
      .map((m) => `'${m.type}'`)
      .join(', ')
  return [
    HEADER,
    body.replace(/export interface PatchsyncSpec \{[^}]*\}\n/, '').trim(),
    '',
    `/** Every message a client may send. */\nexport type ClientMessage =\n  | ${union('client')}`,
    `/** Every message a server may send. */\nexport type ServerMessage =\n  | ${union('server')}`,
    `export const CLIENT_MESSAGE_TYPES = [${names('client')}] as const`,
    `export const SERVER_MESSAGE_TYPES = [${names('server')}] as const`,
    'export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number]',
    'export type ServerMessageType = (typeof SERVER_MESSAGE_TYPES)[number]',
    '',
  ].join('\n')
}

function validatorName(type: string): string {
  return `validate${pascal(type)}`
}

function generateValidators(spec: Spec): string {
  const ajv = newAjv(true)
  ajv.addSchema(spec.definitions)
  for (const m of spec.messages) ajv.addSchema(m.schema)
  const exports: Record<string, string> = {}
  for (const m of spec.messages) exports[validatorName(m.type)] = m.schema.$id as string
  let code = standaloneCode(ajv, exports)
  // ajv's ESM output still requires its CommonJS runtime helpers; turn those into imports.
  const imports: string[] = []
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_, name: string, module: string) => {
    imports.push(`import ${name}Module from '${module}.js'`)
    return `const ${name} = ${name}Module.default;`
  })
  if (code.includes('require(')) throw new SpecError('ajv standalone output has a require() the generator does not handle')
  const table = (direction: string) =>
    spec.messages
      .filter((m) => m.direction === direction)
      .map((m) => `  ${m.type}: ${validatorName(m.type)},`)
      .join('\n')
  return [
    HEADER + '// @ts-nocheck',
    ...imports,
    code.replace(/^"use strict";/, ''),
    '',
    '/** Validators of client-to-server messages, by `type`. */',
    `export const clientValidators = {\n${table('client')}\n};`,
    '/** Validators of server-to-client messages, by `type`. */',
    `export const serverValidators = {\n${table('server')}\n};`,
    '',
  ].join('\n')
}

function generateErrors(spec: Spec): string {
  const entries = spec.errors
    .map((e) => `  { code: '${e.code}', number: ${e.number}, meaning: ${JSON.stringify(e.meaning)}, retryable: ${e.retryable}, scope: '${e.scope}' },`)
    .join('\n')
  return `${HEADER}
/** The error-code registry (spec/errors.json). */
export const ERROR_CODES = [
${entries}
] as const

export type ErrorEntry = (typeof ERROR_CODES)[number]
/** Every error code. */
export type ErrorCode = ErrorEntry['code']
/** Codes a server may send on the wire. */
export type WireErrorCode = Extract<ErrorEntry, { scope: 'wire' }>['code']

const BY_CODE = new Map<string, ErrorEntry>(ERROR_CODES.map((e) => [e.code, e]))

/** The registry entry of a code. */
export function errorInfo(code: ErrorCode): ErrorEntry {
  return BY_CODE.get(code)!
}

/** True when the string is a registered code. */
export function isErrorCode(code: string): code is ErrorCode {
  return BY_CODE.has(code)
}
`
}

/** The PROTOCOL.md text with its error table rebuilt from the registry. */
function protocolWithErrorTable(spec: Spec): string {
  const rows = spec.errors.map((e) => `| \`${e.code}\` | ${e.number} | ${e.scope} | ${e.retryable ? 'yes' : 'no'} | ${e.meaning.replaceAll('|', '\\|')} |`)
  const table = ['| code | number | scope | retryable | meaning |', '|---|---|---|---|---|', ...rows].join('\n')
  const start = spec.protocol.indexOf(ERRORS_BEGIN) + ERRORS_BEGIN.length
  const end = spec.protocol.indexOf(ERRORS_END)
  return `${spec.protocol.slice(0, start)}\n${table}\n${spec.protocol.slice(end)}`
}

/** Every generated file, by path relative to the repository root. Writes nothing. */
export async function generateAll(specDir: string): Promise<Map<string, string>> {
  const spec = await loadSpec(specDir)
  return new Map([
    ['generated/types.ts', await generateTypes(spec)],
    ['generated/validators.ts', generateValidators(spec)],
    ['generated/errors.ts', generateErrors(spec)],
    ['ffi/include/patchsync_errors.h', renderErrorsHeader(spec.errors)],
    ['spec/PROTOCOL.md', protocolWithErrorTable(spec)],
  ])
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const specDir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'spec')
  let files: Map<string, string>
  try {
    files = await generateAll(specDir)
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(`spec error: ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  for (const [path, contents] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), contents)
    console.log(`wrote ${path}`)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
