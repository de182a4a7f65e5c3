import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { checkSuite } from './check-suite.js'
import { suiteRoot } from './load-suite.js'

t.test('the committed suite is sound', async (t) => {
  t.same(checkSuite(), [])
})

/** A scratch copy of conformance/ and spec/ that a test may break. */
function scratchSuite(t: { teardown: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-suite-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(join(suiteRoot(), 'vectors'), join(dir, 'conformance', 'vectors'), { recursive: true })
  cpSync(join(suiteRoot(), 'scenarios'), join(dir, 'conformance', 'scenarios'), { recursive: true })
  cpSync(join(suiteRoot(), 'case-format.schema.json'), join(dir, 'conformance', 'case-format.schema.json'))
  cpSync(join(suiteRoot(), '..', 'spec'), join(dir, 'spec'), { recursive: true })
  return join(dir, 'conformance')
}

function edit(root: string, file: string, change: (data: any) => void): void {
  const path = join(root, file)
  const data = JSON.parse(readFileSync(path, 'utf8'))
  change(data)
  writeFileSync(path, JSON.stringify(data))
}

t.test('reports a file that is not JSON', async (t) => {
  const root = scratchSuite(t)
  writeFileSync(join(root, 'vectors', 'broken.json'), '{"kind": ')
  t.match(checkSuite(root), [/vectors\/broken\.json is not valid JSON/])
})

t.test('reports a case that does not match the case format', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'vectors/revision-id.json', (data) => delete data.cases[0].expected)
  t.match(checkSuite(root).join('\n'), /vectors\/revision-id\.json\/cases\/0: must have required property 'expected'/)
})

t.test('reports a description used twice', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'vectors/vector-clock.json', (data) => (data.cases[1].description = data.cases[0].description))
  t.match(checkSuite(root).join('\n'), /description "two empty clocks are equal" is also used/)
})

t.test('reports a section that spec/PROTOCOL.md does not have', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'vectors/vector-clock.json', (data) => (data.cases[0].spec = '§99'))
  t.match(checkSuite(root).join('\n'), /cites §99, which spec\/PROTOCOL\.md does not have/)
})

t.test('reports an error code missing from spec/errors.json', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'vectors/patch-apply.json', (data) => (data.cases.find((c: any) => c.error).error = 'no_such_error'))
  t.match(checkSuite(root).join('\n'), /expects unregistered error no_such_error/)
})

t.test('reports a placeholder used before anything binds it', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'scenarios/authentication.json', (data) => (data.scenarios[0].steps[1].expect.user_id = '${nobody}'))
  t.match(checkSuite(root).join('\n'), /step 2 uses \$\{nobody\} before anything binds it/)
})

t.test('reports an unknown matcher operator and a malformed $repeat', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'scenarios/authentication.json', (data) => {
    data.scenarios[0].steps[1].expect.latest_sequence = { $regex: '.*' }
    data.scenarios[0].steps[0].send.auth_token = { $repeat: { value: 'x' } }
  })
  const problems = checkSuite(root).join('\n')
  t.match(problems, /step 2 \$\.latest_sequence: unknown operator \$regex/)
  t.match(problems, /step 1 \$\.auth_token: \$repeat needs/)
})

t.test('reports an expectation that does not say whether it wants a reply or a broadcast', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'scenarios/authentication.json', (data) => delete data.scenarios[0].steps[1].expect.request_id)
  t.match(checkSuite(root), [/authentication\.json: ".*" step 2 must say whether it expects a reply .* or a broadcast/])
})

t.test('reports a wire error that no scenario expects', async (t) => {
  const root = scratchSuite(t)
  edit(root, 'scenarios/authentication.json', (data) => {
    data.scenarios = data.scenarios.filter((scenario: any) => !JSON.stringify(scenario).includes('already_authenticated'))
  })
  t.match(checkSuite(root), ['no scenario expects the wire error already_authenticated'])
})
