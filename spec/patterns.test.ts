import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { checkSync } from 'recheck'

// recheck's default synchronous backend hands the check to a native binary or a JAR when one is
// installed; the pure JavaScript backend needs neither and gives the same verdicts.
process.env.RECHECK_SYNC_BACKEND = 'pure'

const root = new URL('..', import.meta.url).pathname

/** Every regular expression a schema holds: `pattern` values and `patternProperties` keys. */
function patternsIn(value: unknown, where: string, out: Array<{ where: string; source: string }>): void {
  if (Array.isArray(value)) value.forEach((item, i) => patternsIn(item, `${where}/${i}`, out))
  if (value === null || typeof value !== 'object') return
  for (const [key, item] of Object.entries(value)) {
    if (key === 'pattern' && typeof item === 'string') out.push({ where: `${where}/pattern`, source: item })
    if (key === 'patternProperties' && item !== null && typeof item === 'object') {
      for (const source of Object.keys(item)) out.push({ where: `${where}/patternProperties`, source })
    }
    patternsIn(item, `${where}/${key}`, out)
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return jsonFiles(path)
    return entry.name.endsWith('.json') ? [path] : []
  })
}

const files = [...jsonFiles(join(root, 'spec')), join(root, 'conformance/case-format.schema.json')]
const patterns: Array<{ where: string; source: string }> = []
for (const file of files) patternsIn(JSON.parse(readFileSync(file, 'utf8')), relative(root, file), patterns)

t.test('every pattern in spec/ is proven free of super-linear backtracking', async (t) => {
  t.ok(patterns.length >= 5, `found ${patterns.length} patterns`)
  t.ok(
    patterns.some((p) => p.where.includes('json_pointer')),
    'the JSON Pointer pattern is among them',
  )
  for (const { where, source } of patterns) {
    // The automaton checker decides from the pattern's structure (no fuzzing, no time limit): "safe"
    // is a proof that matching is linear or better in the input's length. Validators compile
    // patterns with the `u` flag (ajv does; §2.10 says patterns are ECMA-262 with `u`).
    const result = checkSync(source, 'u', { checker: 'automaton', timeout: null })
    const detail = result.status === 'vulnerable' ? ` (${result.complexity.type}; attack ${result.attack.pattern})` : ''
    t.equal(result.status, 'safe', `${where} ${JSON.stringify(source)}${detail}`)
  }
})

t.test('the checker catches the pointer pattern that froze the server (issue 10)', async (t) => {
  const result = checkSync('^(/([^~]|~[01])*)*$', 'u', { checker: 'automaton', timeout: null })
  t.equal(result.status, 'vulnerable')
  t.equal(result.status === 'vulnerable' && result.complexity.type, 'exponential')
})

t.test('every pattern means the same in the common engines (§2.10)', async (t) => {
  for (const { where, source } of patterns.filter((p) => !p.where.startsWith('conformance/'))) {
    t.ok(source.startsWith('^') && source.endsWith('$'), `${where}: anchored at both ends`)
    // \d, \w, \s and \b are Unicode-aware in some engines (Python) and ASCII in others (ECMA-262
    // without `v`); `.` differs on line terminators; lookaround and backreferences are missing
    // from RE2 (Go, Rust); `\p{…}` from several.
    t.notMatch(source, /\\[dDwWsSbBp1-9]|(?<!\\)\.|\(\?/, `${where}: no construct outside the portable subset`)
    t.notMatch(source.slice(1, -1), /(?<!\\)[$^](?![^[]*\])/, `${where}: no inner anchors`)
  }
})
