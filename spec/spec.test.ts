import t from 'tap'
import { readFile, cp, writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AjvModule from 'ajv'
import { generateAll, loadSpec, SpecError } from './generate.js'
import { parseClientMessage, parseServerMessage, decodeClientFrame } from '../core/messages.js'
import { clientValidators, serverValidators } from '../generated/validators.js'
import { ERROR_CODES } from '../generated/errors.js'
import { PatchsyncError } from '../core/errors.js'

const root = new URL('..', import.meta.url).pathname
const specDir = join(root, 'spec')

t.test('generated files are fresh: regenerating gives the committed bytes', async (t) => {
  const files = await generateAll(specDir)
  for (const [path, contents] of files) {
    t.equal(await readFile(join(root, path), 'utf8'), contents, `${path} is up to date (run npm run generate)`)
  }
})

t.test('every seed README example validates unchanged', async (t) => {
  const { examples } = JSON.parse(await readFile(join(specDir, 'fixtures/seed-examples.json'), 'utf8'))
  t.equal(examples.length, 5)
  for (const example of examples) {
    const parse = example.type === 'changes_since' ? parseServerMessage : parseClientMessage
    t.doesNotThrow(() => parse(example), example.type)
  }
})

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return error instanceof PatchsyncError ? error.code : 'not-a-patchsync-error'
  }
  return undefined
}

const DOC = '550e8400-e29b-41d4-a716-446655440001'
const REV = `1-${'a'.repeat(64)}`
const invalid: Array<[string, unknown]> = [
  ['authenticate without token', { type: 'authenticate', user_id: DOC }],
  ['authenticate with a user id that is not a uuid', { type: 'authenticate', user_id: 'bob', auth_token: 'x' }],
  ['authenticate with an extra member', { type: 'authenticate', user_id: DOC, auth_token: 'x', admin: true }],
  ['create_document whose content is an array', { type: 'create_document', document: { id: DOC, title: 't', content: [] } }],
  ['create_document without a title', { type: 'create_document', document: { id: DOC, content: {} } }],
  ['update_document with an unknown op', { type: 'update_document', patch: { document_id: DOC, patch: [{ op: 'merge', path: '/a', value: 1 }] } }],
  ['update_document move without from', { type: 'update_document', patch: { document_id: DOC, patch: [{ op: 'move', path: '/a' }] } }],
  ['update_document add without value', { type: 'update_document', patch: { document_id: DOC, patch: [{ op: 'add', path: '/a' }] } }],
  ['update_document with a path not starting with /', { type: 'update_document', patch: { document_id: DOC, patch: [{ op: 'remove', path: 'a' }] } }],
  ['update_document with a bad base revision', { type: 'update_document', patch: { document_id: DOC, patch: [], base_revision: '0-ab' } }],
  ['update_document with a negative clock', { type: 'update_document', patch: { document_id: DOC, patch: [], vector_clock: { a: -1 } } }],
  ['update_document whose patch is not an array', { type: 'update_document', patch: { document_id: DOC, patch: {} } }],
  ['rename_document without a title', { type: 'rename_document', document_id: DOC }],
  ['delete_document with a numeric id', { type: 'delete_document', document_id: 7 }],
  ['get_document with an empty request id', { type: 'get_document', document_id: DOC, request_id: '' }],
  ['list_documents with a member', { type: 'list_documents', all: true }],
  ['get_changes with limit 0', { type: 'get_changes', since_sequence: 0, limit: 0 }],
  ['get_changes with limit 1001', { type: 'get_changes', since_sequence: 0, limit: 1001 }],
  ['get_changes with a negative sequence', { type: 'get_changes', since_sequence: -1 }],
  ['get_changes with a fractional sequence', { type: 'get_changes', since_sequence: 1.5 }],
  ['get_document_at without a sequence', { type: 'get_document_at', document_id: DOC }],
  ['undo_to_sequence with a string target', { type: 'undo_to_sequence', target_sequence: '1' }],
  ['redo with an over-long client op id', { type: 'redo', client_op_id: 'x'.repeat(129) }],
  ['share_document with role admin', { type: 'share_document', document_id: DOC, user_id: DOC, role: 'admin' }],
]

t.test('invalid client frames are rejected with invalid_message', async (t) => {
  for (const [description, frame] of invalid)
    t.equal(
      codeOf(() => parseClientMessage(frame)),
      'invalid_message',
      description,
    )
})

t.test('frames of unknown or missing type are rejected with unknown_message_type', async (t) => {
  t.equal(
    codeOf(() => parseClientMessage({ type: 'drop_tables' })),
    'unknown_message_type',
  )
  t.equal(
    codeOf(() => parseClientMessage({ user_id: DOC })),
    'unknown_message_type',
  )
  t.equal(
    codeOf(() => parseClientMessage({ type: '__proto__' })),
    'unknown_message_type',
  )
  t.equal(
    codeOf(() => parseClientMessage({ type: 'document' })),
    'unknown_message_type',
    'a server message is not a request',
  )
  t.equal(
    codeOf(() => parseClientMessage(null)),
    'unknown_message_type',
  )
})

t.test('malformed JSON text is rejected with invalid_json', async (t) => {
  t.equal(
    codeOf(() => decodeClientFrame('{"type":')),
    'invalid_json',
  )
  t.equal(
    codeOf(() => decodeClientFrame('{"type":"list_documents","request_id":"r1"}')),
    undefined,
  )
})

t.test('a frame nested past the content limit plus the envelope is nesting_too_deep, before its schema (§1.2, §10.1)', async (t) => {
  const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
  const replaceRoot = (depth: number) =>
    `{"type":"update_document","patch":{"document_id":"${DOC}","patch":[{"op":"replace","path":"","value":${nested(depth)}}]}}`
  t.equal(
    codeOf(() => decodeClientFrame(replaceRoot(64))),
    undefined,
    'replacing the root with content at the limit',
  )
  t.equal(
    codeOf(() => decodeClientFrame(replaceRoot(65))),
    'nesting_too_deep',
    'one level more',
  )
  t.equal(
    codeOf(() => decodeClientFrame(replaceRoot(10), 5)),
    'nesting_too_deep',
    "the limit is the server's",
  )
  t.equal(
    codeOf(() => decodeClientFrame(`{"type":"no_such_type","x":${nested(10_000)}}`)),
    'nesting_too_deep',
    'depth is checked before the type',
  )
  t.equal(
    codeOf(() => decodeClientFrame('{"type":"no_such_type"}')),
    'unknown_message_type',
  )
})

t.test('text with U+0000 or an unpaired surrogate anywhere in a request is invalid_text, after its schema (§1.2, §2.9)', async (t) => {
  const create = (title: string, content: string, opId = 'op') =>
    `{"type":"create_document","client_op_id":"${opId}","document":{"id":"${DOC}","title":"${title}","content":${content}}}`
  const update = (value: string) => `{"type":"update_document","patch":{"document_id":"${DOC}","patch":[{"op":"add","path":"/a","value":${value}}]}}`
  t.equal(
    codeOf(() => decodeClientFrame(create('a\\u0000b', '{}'))),
    'invalid_text',
    'U+0000 in a title',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('t', '{"x":"\\ud800"}'))),
    'invalid_text',
    'a lone high surrogate in a value',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('t', '{"\\udc00x":1}'))),
    'invalid_text',
    'a lone low surrogate in a member name',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('t', '{}', 'op\\u0000'))),
    'invalid_text',
    'U+0000 in a client_op_id',
  )
  t.equal(
    codeOf(() => decodeClientFrame(update('{"deep":[["\\u0000"]]}'))),
    'invalid_text',
    'deep in a patch value',
  )
  t.equal(
    codeOf(() => decodeClientFrame(`{"type":"update_document","patch":{"document_id":"${DOC}","patch":[{"op":"add","path":"/\\ud800","value":1}]}}`)),
    'invalid_text',
    'in a pointer',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('t', '{"x":"\ud800"}'))),
    'invalid_text',
    'raw in a string from this process (no escape)',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('\\ud83d\\ude00', '{"\\ud83d\\ude00":"\\u00e9\\u0001"}'))),
    undefined,
    'a surrogate pair, other escapes and control characters pass',
  )
  t.equal(
    codeOf(() => decodeClientFrame(create('a\\u0000b', '{}').replace('"op"', '1'))),
    'invalid_message',
    'the schema is checked first',
  )
})

t.test('server messages: valid replies pass, broken ones fail', async (t) => {
  const event = {
    sequence: 3,
    document_id: DOC,
    user_id: DOC,
    event_type: 'update',
    revision_id: REV,
    forward_patch: [],
    reverse_patch: [],
    created_at: '2026-01-01T00:00:00.000Z',
    client_op_id: null,
    vector_clock: { a: 1 },
    cause: null,
  }
  t.doesNotThrow(() => parseServerMessage({ type: 'changes_since', changes: [event], latest_sequence: 3, has_more: false }))
  t.equal(
    codeOf(() => parseServerMessage({ type: 'changes_since', changes: [{ ...event, event_type: 'merge' }] })),
    'invalid_message',
  )
  t.doesNotThrow(() => parseServerMessage({ type: 'error', code: 'conflict', message: 'm', request_id: 'r', details: { document: {} } }))
  t.equal(
    codeOf(() => parseServerMessage({ type: 'error', code: 'not_a_code', message: 'm' })),
    'invalid_message',
  )
  t.equal(
    codeOf(() => parseServerMessage({ type: 'error', code: 'timeout', message: 'm' })),
    'invalid_message',
    'client-scope codes never go on the wire',
  )
})

t.test('the generator refuses a malformed spec before writing anything', async (t) => {
  const cases: Array<[string, (dir: string) => Promise<void>, RegExp]> = [
    ['broken JSON', (dir) => writeFile(join(dir, 'messages/redo.json'), '{"type": '), /messages\/redo\.json: not valid JSON/],
    [
      'a schema the meta-schema rejects',
      async (dir) => {
        const s = JSON.parse(await readFile(join(dir, 'messages/redo.json'), 'utf8'))
        s.required = 'type'
        await writeFile(join(dir, 'messages/redo.json'), JSON.stringify(s))
      },
      /redo\.json: not a valid JSON Schema/,
    ],
    [
      'an unresolvable $ref',
      async (dir) => {
        const s = JSON.parse(await readFile(join(dir, 'messages/redo.json'), 'utf8'))
        s.properties.document_id = { $ref: '../definitions.json#/definitions/nope' }
        await writeFile(join(dir, 'messages/redo.json'), JSON.stringify(s))
      },
      /messages\/redo\.json: .*nope/,
    ],
    [
      'a duplicate error number',
      async (dir) => {
        const e = JSON.parse(await readFile(join(dir, 'errors.json'), 'utf8'))
        e.errors[1].number = e.errors[0].number
        await writeFile(join(dir, 'errors.json'), JSON.stringify(e))
      },
      /errors\.json: number 1 appears twice/,
    ],
    [
      'an error schema out of step with the registry',
      async (dir) => {
        const e = JSON.parse(await readFile(join(dir, 'errors.json'), 'utf8'))
        e.errors.push({
          code: 'brand_new',
          number: Math.max(...e.errors.map((x: { number: number }) => x.number)) + 1,
          meaning: 'm',
          retryable: false,
          scope: 'wire',
        })
        await writeFile(join(dir, 'errors.json'), JSON.stringify(e))
      },
      /code\.enum must list the wire-scope codes/,
    ],
  ]
  for (const [description, breakIt, expected] of cases) {
    const dir = await mkdtemp(join(tmpdir(), 'patchsync-spec-'))
    await cp(specDir, dir, { recursive: true })
    await breakIt(dir)
    await t.rejects(generateAll(dir), expected, description)
    const error = await loadSpec(dir).catch((e: unknown) => e)
    t.ok(error instanceof SpecError, `${description} is a SpecError`)
  }
})

t.test('the PROTOCOL.md error table lists every registry code', async (t) => {
  const protocol = await readFile(join(specDir, 'PROTOCOL.md'), 'utf8')
  const registry = JSON.parse(await readFile(join(specDir, 'errors.json'), 'utf8')).errors
  t.equal(registry.length, ERROR_CODES.length, 'generated registry has every entry')
  for (const e of registry) t.match(protocol, `| \`${e.code}\` | ${e.number} | ${e.scope} |`, e.code)
})

t.test('interpreted ajv and the generated standalone validators agree', async (t) => {
  const spec = await loadSpec(specDir)
  const ajv = new AjvModule.default({ strict: true, allErrors: true })
  ajv.addKeyword('x-direction')
  ajv.addSchema(spec.definitions)
  for (const m of spec.messages) ajv.addSchema(m.schema)
  const { examples } = JSON.parse(await readFile(join(specDir, 'fixtures/seed-examples.json'), 'utf8'))
  const corpus: unknown[] = [...examples, ...invalid.map(([, frame]) => frame)]
  const tables = { ...clientValidators, ...serverValidators } as Record<string, (x: unknown) => boolean>
  let compared = 0
  for (const m of spec.messages) {
    const interpreted = ajv.getSchema(m.schema.$id as string)!
    for (const frame of corpus) {
      t.equal(tables[m.type]!(frame), interpreted(frame), `${m.type} on ${JSON.stringify(frame).slice(0, 60)}`)
      compared++
    }
  }
  t.ok(compared > 500, `compared ${compared} verdicts`)
})
