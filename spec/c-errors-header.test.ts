import t from 'tap'
import { readFileSync } from 'node:fs'
import { renderErrorsHeader } from './c-errors-header.js'

// That the committed header is what the registry generates is the freshness test in spec.test.ts.

t.test('the C header gives every registry code a constant with its number and name', async (t) => {
  const header = readFileSync(new URL('../ffi/include/patchsync_errors.h', import.meta.url), 'utf8')
  const registry = JSON.parse(readFileSync(new URL('./errors.json', import.meta.url), 'utf8')).errors as Array<{ code: string; number: number }>
  t.ok(registry.length > 0)
  for (const { code, number } of registry) {
    const constant = `PATCHSYNC_ERR_${code.toUpperCase()}`
    t.ok(header.includes(`  ${constant} = ${number},`), `${constant} = ${number}`)
    t.ok(header.includes(`case ${constant}: return "${code}";`), `${constant} is named ${code}`)
  }
  t.match(header, /PATCHSYNC_OK = 0,/)
})

t.test('the C header sorts by number, marks retryable codes and escapes comment terminators', async (t) => {
  const header = renderErrorsHeader([
    { code: 'b', number: 2, meaning: 'not */ closed', retryable: false },
    { code: 'a', number: 1, meaning: 'first', retryable: true },
  ])
  t.ok(header.indexOf('PATCHSYNC_ERR_A = 1') < header.indexOf('PATCHSYNC_ERR_B = 2'), 'sorted by number')
  t.match(header, /\/\*\* not \* \/ closed \*\//)
  t.match(header, /case PATCHSYNC_ERR_A:\n {6}return 1;/)
})
