import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { isOperator, OPERATORS } from './matcher.js'
import { placeholderNames } from './placeholders.js'
import { readSuiteFolder, suiteRoot, type SuiteFile } from './load-suite.js'
import { templateProblem } from './send-template.js'
import type { Scenario, ScenarioFile, VectorFile } from './suite-types.js'

/**
 * Wire error codes no black-box scenario can provoke on a correctly configured server, and why.
 * Every other code with scope "wire" in spec/errors.json must be expected by some scenario.
 */
export const UNPROVOKABLE_ERRORS: Record<string, string> = {
  internal_error: 'only an unexpected server failure produces it',
  server_shutting_down: 'needs the server to be stopped during the scenario',
  user_exists: 'only user administration (`patchsync user add`) produces it; no wire message creates users',
}

/**
 * Errors a server cannot tie to a request (the frame could not be read), so their expectations may
 * leave `request_id` unmentioned and take the error from either stream (see scenario-runner.ts).
 */
export const UNADDRESSED_ERRORS: readonly string[] = ['invalid_json', 'frame_too_large']

/**
 * Checks the suite itself: every file parses, matches case-format.schema.json, descriptions are
 * unique, cited sections exist in spec/PROTOCOL.md, error codes exist in spec/errors.json,
 * scenario expectations are well-formed and name their stream (reply or broadcast), and every
 * provokable wire error is covered.
 * Returns one readable problem per finding; an empty list means the suite is sound.
 */
export function checkSuite(root = suiteRoot()): string[] {
  const problems: string[] = []
  let vectors: SuiteFile<unknown>[]
  let scenarios: SuiteFile<unknown>[]
  try {
    vectors = readSuiteFolder('vectors', root)
    scenarios = readSuiteFolder('scenarios', root)
  } catch (error) {
    return [(error as Error).message]
  }

  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ajv.addSchema(JSON.parse(readFileSync(join(root, 'case-format.schema.json'), 'utf8')) as object, 'case-format')
  const schemaChecks = [
    { files: vectors, ref: 'case-format#/$defs/vector_file' },
    { files: scenarios, ref: 'case-format#/$defs/scenario_file' },
  ]
  for (const { files, ref } of schemaChecks) {
    const validate = ajv.getSchema(ref)!
    for (const file of files) {
      if (!validate(file.data)) {
        for (const error of (validate.errors ?? []).slice(0, 5)) problems.push(`${file.name}${error.instancePath}: ${error.message}`)
      }
    }
  }
  if (problems.length > 0) return problems

  const specDir = join(root, '..', 'spec')
  const sections = protocolSections(specDir)
  const registry = errorRegistry(specDir)
  const seen = new Map<string, string>()
  const cite = (file: string, description: string, spec: string): void => {
    const previous = seen.get(description)
    if (previous !== undefined) problems.push(`${file}: description "${description}" is also used in ${previous}`)
    seen.set(description, file)
    if (!sections.has(spec)) problems.push(`${file}: "${description}" cites ${spec}, which spec/PROTOCOL.md does not have`)
  }

  for (const file of vectors as SuiteFile<VectorFile>[]) {
    for (const vector of file.data.cases) {
      cite(file.name, vector.description, vector.spec)
      if ('error' in vector && typeof vector.error === 'string' && !registry.has(vector.error)) {
        problems.push(`${file.name}: "${vector.description}" expects unregistered error ${vector.error}`)
      }
    }
  }
  const covered = new Set<string>()
  for (const file of scenarios as SuiteFile<ScenarioFile>[]) {
    for (const scenario of file.data.scenarios) {
      cite(file.name, scenario.description, scenario.spec)
      for (const problem of checkScenario(scenario, registry, covered)) problems.push(`${file.name}: "${scenario.description}" ${problem}`)
    }
  }
  for (const [code, scope] of registry) {
    if (scope === 'wire' && !covered.has(code) && !(code in UNPROVOKABLE_ERRORS)) {
      problems.push(`no scenario expects the wire error ${code}`)
    }
  }
  return problems
}

/** Static checks of one scenario: placeholders bound before use, known operators, known codes. */
function checkScenario(scenario: Scenario, registry: Map<string, string>, covered: Set<string>): string[] {
  const problems: string[] = []
  const bound = new Set<string>()
  const connected = new Set<string>()
  for (const [index, step] of scenario.steps.entries()) {
    const at = `step ${index + 1}`
    if (step.server !== undefined && connected.has(step.client)) {
      problems.push(`${at} names a server for client ${step.client}, which is connected already (only a client's connecting step may)`)
    }
    if ('disconnect' in step) connected.delete(step.client)
    else connected.add(step.client)
    const sent = 'send' in step ? [step.send] : 'send_all' in step ? step.send_all : []
    for (const template of sent) {
      for (const name of placeholderNames(template)) bound.add(name)
      for (const problem of checkSendTemplate(template, '$')) problems.push(`${at} ${problem}`)
    }
    const expectation = 'expect' in step ? step.expect : 'expect_none' in step ? step.expect_none : undefined
    if (expectation === undefined) continue
    for (const name of placeholderNames(expectation)) {
      if (!bound.has(name)) problems.push(`${at} uses \${${name}} before anything binds it`)
    }
    for (const problem of checkMatcher(expectation, '$', bound)) problems.push(`${at} ${problem}`)
    if (!Object.hasOwn(expectation, 'request_id') && !(expectation.type === 'error' && UNADDRESSED_ERRORS.includes(String(expectation.code)))) {
      problems.push(`${at} must say whether it expects a reply ("request_id": the id sent) or a broadcast ("request_id": {"$absent": true})`)
    }
    if (expectation.type === 'error') {
      const code = expectation.code
      if (typeof code !== 'string') problems.push(`${at} expects an error without a literal code`)
      else if (registry.get(code) !== 'wire') problems.push(`${at} expects ${code}, which is not a wire error in spec/errors.json`)
      else if ('expect' in step) covered.add(code)
    }
  }
  return problems
}

function checkSendTemplate(template: unknown, path: string): string[] {
  if (Array.isArray(template)) return template.flatMap((item, i) => checkSendTemplate(item, `${path}[${i}]`))
  if (template === null || typeof template !== 'object') return []
  const record = template as Record<string, unknown>
  if (Object.keys(record).some((key) => key.startsWith('$'))) {
    const problem = templateProblem(record)
    return problem === undefined ? [] : [`${path}: ${problem}`]
  }
  return Object.entries(record).flatMap(([key, value]) => checkSendTemplate(value, `${path}.${key}`))
}

function checkMatcher(matcher: unknown, path: string, bound: Set<string>): string[] {
  if (Array.isArray(matcher)) return matcher.flatMap((item, i) => checkMatcher(item, `${path}[${i}]`, bound))
  if (matcher === null || typeof matcher !== 'object') return []
  if (!isOperator(matcher)) {
    const problems: string[] = []
    for (const [key, value] of Object.entries(matcher)) {
      if (key.startsWith('$')) problems.push(`${path}: mixes the operator ${key} with plain keys`)
      problems.push(...checkMatcher(value, `${path}.${key}`, bound))
    }
    return problems
  }
  const problems: string[] = []
  for (const key of Object.keys(matcher)) {
    if (!(OPERATORS as readonly string[]).includes(key)) problems.push(`${path}: unknown operator ${key}`)
  }
  if ('$capture' in matcher) {
    const name = matcher.$capture
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`${path}: $capture needs a placeholder name`)
    else if (bound.has(name)) problems.push(`${path}: $capture ${name} is already bound`)
    else bound.add(name)
  }
  if ('$contains' in matcher) problems.push(...checkMatcher(matcher.$contains, `${path}.$contains`, bound))
  if ('$excludes' in matcher) problems.push(...checkMatcher(matcher.$excludes, `${path}.$excludes`, bound))
  if ('$not' in matcher) problems.push(...checkMatcher(matcher.$not, `${path}.$not`, bound))
  return problems
}

/** Sections (`## §3 …` headings) and numbered paragraphs (`3.2 …` at a line start) of spec/PROTOCOL.md. */
export function protocolSections(specDir: string): Set<string> {
  const path = join(specDir, 'PROTOCOL.md')
  if (!existsSync(path)) return new Set()
  const text = readFileSync(path, 'utf8')
  const sections = new Set<string>()
  for (const match of text.matchAll(/^#{1,6}\s+§(\d+)\s/gm)) sections.add(`§${match[1]!}`)
  for (const match of text.matchAll(/^(\d+\.\d+)\s/gm)) sections.add(`§${match[1]!}`)
  return sections
}

/** code → scope from spec/errors.json. */
function errorRegistry(specDir: string): Map<string, string> {
  const path = join(specDir, 'errors.json')
  if (!existsSync(path)) return new Map()
  const data = JSON.parse(readFileSync(path, 'utf8')) as { errors: { code: string; scope: string }[] }
  return new Map(data.errors.map((entry) => [entry.code, entry.scope]))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkSuite()
  for (const problem of problems) console.error(problem)
  console.log(problems.length === 0 ? 'conformance suite is sound' : `${problems.length} problem(s)`)
  process.exitCode = problems.length === 0 ? 0 : 1
}
