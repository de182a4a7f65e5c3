import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { protocolSections } from '../check-suite.js'
import { mutate, sectionOf, whyNotApplicable } from './mutant.js'
import { MUTANTS } from './mutants.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const sections = protocolSections(join(ROOT, 'spec'))

t.test('every mutant still applies to the current source, once, and leaves code that parses', async (t) => {
  for (const mutant of MUTANTS) {
    const source = readFileSync(join(ROOT, mutant.file), 'utf8')
    t.equal(whyNotApplicable(mutant, source), undefined, `${mutant.id} applies to ${mutant.file}`)
    if (whyNotApplicable(mutant, source) !== undefined) continue
    const output = ts.transpileModule(mutate(mutant, source), {
      fileName: mutant.file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 },
    })
    t.same(
      (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
      [],
      `${mutant.id} leaves ${mutant.file} parseable`,
    )
  }
})

t.test('mutants have unique ids, plant bugs in the reference implementation only, and cite sections that exist', async (t) => {
  const ids = MUTANTS.map((m) => m.id)
  t.same(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'ids are unique',
  )
  for (const mutant of MUTANTS) {
    t.match(mutant.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${mutant.id} is kebab-case`)
    t.match(mutant.file, /^(core|server)\//, `${mutant.id} changes core/ or server/`)
    t.notMatch(mutant.file, /(\.test\.ts|test-support\/)/, `${mutant.id} changes no test code`)
    t.ok(sections.has(mutant.spec), `${mutant.id} cites ${mutant.spec}, which spec/PROTOCOL.md has`)
  }
})

t.test('every section of spec/PROTOCOL.md has mutants', async (t) => {
  const top = [...sections].filter((s) => !s.includes('.'))
  t.ok(top.length >= 11, 'PROTOCOL.md has its sections')
  const covered = new Set(MUTANTS.map((m) => sectionOf(m.spec)))
  t.same(
    top.filter((s) => !covered.has(s)),
    [],
    'no section without a mutant',
  )
})
