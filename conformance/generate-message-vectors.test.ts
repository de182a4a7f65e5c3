import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildMessageVectors, MESSAGE_VECTORS_FILE, renderMessageVectors } from './generate-message-vectors.js'
import { suiteRoot } from './load-suite.js'

const specDir = join(suiteRoot(), '..', 'spec')

t.test('the committed message vectors are what the generator makes from spec/', async (t) => {
  const committed = readFileSync(join(suiteRoot(), MESSAGE_VECTORS_FILE), 'utf8')
  t.ok(committed === renderMessageVectors(specDir), 'conformance/vectors/messages.json is stale: run npx tsx conformance/generate-message-vectors.ts')
})

t.test('derives minimal, full, missing, wrong-type, extra and boundary cases', async (t) => {
  const cases = buildMessageVectors(specDir).cases
  const byDescription = new Map(cases.map((c) => [c.description, c]))
  const expectations: [string, boolean][] = [
    ['get_changes: minimal valid frame', true],
    ['get_changes: full valid frame', true],
    ['get_changes: missing since_sequence', false],
    ['get_changes: since_sequence as string', false],
    ['get_changes: extra property at top level', false],
    ['get_changes: limit = 1 (minimum)', true],
    ['get_changes: limit = 1000 (maximum)', true],
    ['get_changes: limit = 0 (below minimum)', false],
    ['get_changes: limit = 1001 (above maximum)', false],
    ['authenticate: request_id of length 128 (maximum)', true],
    ['authenticate: request_id of length 129 (above maximum)', false],
    ['update_document: missing patch.patch[0]<op=move>.from', false],
  ]
  for (const [description, valid] of expectations) t.equal(byDescription.get(description)?.valid, valid, description)
  t.match(byDescription.get('get_changes: unknown type'), { valid: false, error: 'unknown_message_type', spec: '§1.1' })
  t.match(byDescription.get('get_changes: extra property at top level'), { error: 'invalid_message', spec: '§2.6' })
  t.same(byDescription.get('get_changes: minimal valid frame')?.frame, { type: 'get_changes', since_sequence: 0 })
})

t.test('covers every message of the catalog in both directions', async (t) => {
  const cases = buildMessageVectors(specDir).cases
  const types = new Set(cases.map((c) => c.message_type))
  t.equal(types.size, readdirSync(join(specDir, 'messages')).filter((f) => f.endsWith('.json')).length, 'one message type per schema file')
  t.ok(cases.some((c) => c.direction === 'client_to_server') && cases.some((c) => c.direction === 'server_to_client'))
})

t.test('refuses a schema whose message type is not a constant', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-spec-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(specDir, dir, { recursive: true })
  const path = join(dir, 'messages', 'redo.json')
  const schema = JSON.parse(readFileSync(path, 'utf8'))
  schema.properties.type = { type: 'string' }
  writeFileSync(path, JSON.stringify(schema))
  t.throws(() => buildMessageVectors(dir), /messages\/redo\.json has no constant "type" property/)
})
