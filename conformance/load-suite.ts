import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ScenarioFile, VectorFile } from './suite-types.js'

/**
 * The conformance folder holding vectors/ and scenarios/: beside this module when run from source,
 * two levels up (the package root's conformance/) when run from the compiled dist/conformance/.
 */
export function suiteRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url))
  for (const candidate of [here, join(here, '..', '..', 'conformance')]) {
    if (existsSync(join(candidate, 'vectors')) && existsSync(join(candidate, 'scenarios'))) return candidate
  }
  throw new Error(`cannot find the conformance vectors and scenarios near ${here}`)
}

/** One parsed suite file and the name it is reported under (e.g. `vectors/revision-id.json`). */
export interface SuiteFile<T> {
  name: string
  path: string
  data: T
}

/** Parses every `.json` file of one suite folder, sorted by name; a syntax error names the file. */
export function readSuiteFolder(folder: 'vectors' | 'scenarios', root = suiteRoot()): SuiteFile<unknown>[] {
  const dir = join(root, folder)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name)
      try {
        return { name: `${folder}/${name}`, path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }
      } catch (error) {
        throw new Error(`${folder}/${name} is not valid JSON: ${(error as Error).message}`, { cause: error })
      }
    })
}

export function loadVectorFiles(root?: string): SuiteFile<VectorFile>[] {
  return readSuiteFolder('vectors', root) as SuiteFile<VectorFile>[]
}

export function loadScenarioFiles(root?: string): SuiteFile<ScenarioFile>[] {
  return readSuiteFolder('scenarios', root) as SuiteFile<ScenarioFile>[]
}

/** Which cases to run: `only` matches inside descriptions, `files` matches file names; both case-insensitive. */
export interface CaseFilter {
  only?: string[]
  files?: string[]
}

export function selected(filter: CaseFilter | undefined, fileName: string, description: string): boolean {
  const only = filter?.only ?? []
  const files = filter?.files ?? []
  const inFile = files.length === 0 || files.some((wanted) => fileMatches(fileName, wanted))
  const inOnly = only.length === 0 || only.some((wanted) => description.toLowerCase().includes(wanted.toLowerCase()))
  return inFile && inOnly
}

function fileMatches(fileName: string, wanted: string): boolean {
  const name = fileName.toLowerCase()
  const want = basename(wanted).toLowerCase()
  return name.endsWith(`/${want}`) || name.endsWith(`/${want}.json`) || name === want
}
