import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv'
import { Ajv2019 } from 'ajv/dist/2019.js'
import { Ajv2020 } from 'ajv/dist/2020.js'

/** A schema position: the (sub)schema and the URI its relative `$ref`s resolve against. */
export interface SchemaNode {
  schema: Record<string, unknown> | boolean
  base: string
}

/** One JSON document of the spec folder, by its path relative to that folder. */
export interface SpecDocument {
  file: string
  /** `$id` as written (often relative to the spec folder), or the file path when there is none. */
  id: string
  /** `id` made absolute against a fixed base, for resolving `$ref`s. */
  uri: string
  data: Record<string, unknown>
}

/** Relative `$id`s in spec/ are relative to the spec folder; this base makes them absolute. */
const SPEC_BASE = 'https://patchsync.invalid/spec/'

/**
 * Every JSON Schema under spec/, indexed by `$id` and by file URL so `$ref`s resolve the way a
 * validator resolves them, plus an Ajv instance holding the same documents — the oracle that
 * decides whether a generated frame is valid.
 */
export class SchemaSet {
  readonly documents: SpecDocument[]
  readonly #byUri = new Map<string, SpecDocument>()
  readonly #ajv: Ajv

  constructor(specDir: string) {
    this.documents = jsonFiles(specDir).map((path) => {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
      const file = relative(specDir, path).split('\\').join('/')
      const id = typeof data.$id === 'string' ? data.$id : file
      return { file, id, uri: new URL(id, SPEC_BASE).href, data }
    })
    for (const document of this.documents) this.#byUri.set(document.uri, document)
    this.#ajv = createAjv(this.documents.map((document) => document.data.$schema))
    for (const document of this.documents.filter(isSchemaDocument)) {
      this.#ajv.addSchema(document.data as AnySchema, document.id)
    }
  }

  /** The compiled validator of a whole document (a message schema). */
  validator(document: SpecDocument): ValidateFunction {
    const validate = this.#ajv.getSchema(document.id)
    if (!validate) throw new Error(`spec/${document.file} did not compile`)
    return validate
  }

  root(document: SpecDocument): SchemaNode {
    return { schema: document.data, base: document.uri }
  }

  /** Follows `$ref` chains until a schema without one. */
  deref(node: SchemaNode): SchemaNode {
    let current = node
    for (let hops = 0; typeof current.schema === 'object' && typeof current.schema.$ref === 'string'; hops++) {
      if (hops > 32) throw new Error(`$ref loop at ${current.base}`)
      const target = new URL(current.schema.$ref, current.base)
      const pointer = decodeURIComponent(target.hash.replace(/^#/, ''))
      target.hash = ''
      const document = this.#byUri.get(target.href)
      if (!document) throw new Error(`cannot resolve $ref ${current.schema.$ref} from ${current.base}`)
      current = { schema: resolvePointer(document.data, pointer, target.href), base: document.uri }
    }
    return current
  }

  /** A subschema reached from `node`, keeping its base URI. */
  child(node: SchemaNode, schema: unknown): SchemaNode {
    if (schema === undefined) return { schema: true, base: node.base }
    return { schema: schema as SchemaNode['schema'], base: node.base }
  }
}

/** Schemas declare a dialect or an id, or live in messages/; data files such as errors.json do not. */
function isSchemaDocument(document: SpecDocument): boolean {
  return typeof document.data.$schema === 'string' || typeof document.data.$id === 'string' || document.file.startsWith('messages/')
}

function createAjv(dialects: unknown[]): Ajv {
  const options = { strict: false, allErrors: false, validateFormats: true } as const
  const ajv = dialects.some((dialect) => String(dialect).includes('2020-12'))
    ? new Ajv2020(options)
    : dialects.some((dialect) => String(dialect).includes('2019-09'))
      ? new Ajv2019(options)
      : new Ajv(options)
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i)
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  return ajv
}

function resolvePointer(data: unknown, pointer: string, where: string): SchemaNode['schema'] {
  let current = data
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (current === null || typeof current !== 'object' || !(key in current)) throw new Error(`cannot resolve #${pointer} in ${where}`)
    current = (current as Record<string, unknown>)[key]
  }
  return current as SchemaNode['schema']
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return jsonFiles(path)
      return name.endsWith('.json') ? [path] : []
    })
}
