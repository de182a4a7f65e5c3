import t from 'tap'
import { readFileSync } from 'node:fs'
import { HEADER_PATH, REGISTRY_PATH, readRegistry, renderErrorsHeader } from './generate-header.js'
import { HOSTED_EVENTS } from './host-protocol.js'

t.test('the committed errors header is what spec/errors.json generates', async (t) => {
  const fresh = renderErrorsHeader(readRegistry(readFileSync(REGISTRY_PATH, 'utf8')))
  t.equal(readFileSync(HEADER_PATH, 'utf8'), fresh, 'stale: run `npx tsx ffi/generate-header.ts`')
})

t.test('gives every registry code a constant with its number and name', async (t) => {
  const header = readFileSync(HEADER_PATH, 'utf8')
  const registry = readRegistry(readFileSync(REGISTRY_PATH, 'utf8'))
  t.ok(registry.length > 0)
  for (const { code, number } of registry) {
    const constant = `PATCHSYNC_ERR_${code.toUpperCase()}`
    t.ok(header.includes(`  ${constant} = ${number},`), `${constant} = ${number}`)
    t.ok(header.includes(`case ${constant}: return "${code}";`), `${constant} is named ${code}`)
  }
  t.match(header, /PATCHSYNC_OK = 0,/)
})

t.test('refuses a registry it cannot turn into a header', async (t) => {
  const entry = { code: 'timeout', number: 103, meaning: 'no answer in time', retryable: true }
  t.throws(() => readRegistry('{"codes": []}'), /expected \{"errors"/)
  t.throws(() => readRegistry(JSON.stringify({ errors: [entry, { ...entry, code: 'late' }] })), /late needs a unique/)
  t.throws(() => readRegistry(JSON.stringify({ errors: [{ ...entry, code: 'Bad-Code' }] })), /snake_case/)
  t.throws(() => readRegistry(JSON.stringify({ errors: [{ ...entry, retryable: 'yes' }] })), /retryable/)
})

t.test('marks retryable codes and escapes comment terminators in meanings', async (t) => {
  const header = renderErrorsHeader([
    { code: 'b', number: 2, meaning: 'not */ closed', retryable: false },
    { code: 'a', number: 1, meaning: 'first', retryable: true },
  ])
  t.ok(header.indexOf('PATCHSYNC_ERR_A = 1') < header.indexOf('PATCHSYNC_ERR_B = 2'), 'sorted by number')
  t.match(header, /\/\*\* not \* \/ closed \*\//)
  t.match(header, /case PATCHSYNC_ERR_A:\n {6}return 1;/)
})

t.test('the event kinds agree: the C enum, the C name table and the host\'s list', async (t) => {
  const header = readFileSync(new URL('./include/patchsync.h', import.meta.url), 'utf8')
  const engine = readFileSync(new URL('./src/engine.c', import.meta.url), 'utf8')
  const enumerated = [...header.matchAll(/PATCHSYNC_EVENT_([A-Z_]+) = (\d+),/g)].filter(([, name]) => name !== 'KIND_COUNT')
  t.same(enumerated.map(([, , n]) => Number(n)), HOSTED_EVENTS.map((_, i) => i), 'the enum numbers 0 to n-1')
  t.same(enumerated.map(([, name]) => name!.toLowerCase()), [...HOSTED_EVENTS], 'the enum, in the host\'s order')
  t.match(header, new RegExp(`PATCHSYNC_EVENT_KIND_COUNT = ${HOSTED_EVENTS.length}\\b`))
  const table = /EVENT_NAMES\[PATCHSYNC_EVENT_KIND_COUNT\] = \{([^}]*)\}/.exec(engine)?.[1] ?? ''
  t.same([...table.matchAll(/"([a-z_]+)"/g)].map(([, name]) => name), [...HOSTED_EVENTS], 'engine.c names them in the same order')
})
