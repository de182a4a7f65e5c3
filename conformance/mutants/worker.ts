/*
 * Runs the conformance suite against the reference implementation of the package copy this file
 * sits in (run.ts plants one bug there first), and prints one JSON line: whether the suite caught
 * it, and by which case. Vectors first (they are instant), then the scenarios of the bug's own
 * section, then the others; the first failing case ends the run. Pending scenarios (the spec and
 * the reference server disagree) and the multi-instance ones (SQLite) do not run.
 *
 * Usage: node --import tsx conformance/mutants/worker.ts <section>   (in the copy's root)
 */
import { createSyncServer } from '../../server/index.js'
import { createTestDatabase } from '../../server/test-support/databases.js'
import { loadScenarioFiles } from '../load-suite.js'
import { runVectors } from '../runner.js'
import { needsSecondServer, runScenario } from '../scenario-runner.js'
import type { Scenario } from '../suite-types.js'
import { sectionOf } from './mutant.js'

/** What a worker prints. */
export interface WorkerVerdict {
  caught: boolean
  /** The case that failed, and why. */
  by?: string
  reason?: string
  /** How many cases ran. */
  cases: number
}

const section = process.argv[2] ?? ''

async function verdict(): Promise<WorkerVerdict> {
  let cases = 0
  for (const result of await runVectors()) {
    cases++
    if (!result.ok) return { caught: true, by: `${result.file}: ${result.description}`, reason: result.reason, cases }
  }
  const database = await createTestDatabase('sqlite')
  const server = createSyncServer({ databaseUrl: database.url })
  await server.listen(0, '127.0.0.1')
  try {
    for (const { file, scenario } of inOrder(section)) {
      cases++
      const failure = await runScenario(scenario, { serverUrl: server.url, timeoutMs: 5000 })
      if (failure) return { caught: true, by: `${file}: ${scenario.description}`, reason: `step ${failure.step + 1}: ${failure.reason}`, cases }
    }
    return { caught: false, cases }
  } finally {
    await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 5000).unref())])
    await database.drop()
  }
}

/** The scenarios that run, those of `section` first. */
function inOrder(section: string): Array<{ file: string; scenario: Scenario }> {
  const all = loadScenarioFiles().flatMap((file) => file.data.scenarios.map((scenario) => ({ file: file.name, scenario })))
  const runnable = all.filter(({ scenario }) => scenario.pending === undefined && !needsSecondServer(scenario))
  const own = runnable.filter(({ scenario }) => sectionOf(scenario.spec) === section)
  return [...own, ...runnable.filter((s) => !own.includes(s))]
}

verdict().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    // A bug that breaks the server outright (it does not start) is caught by any suite.
    process.stdout.write(`${JSON.stringify({ caught: true, by: 'the server did not start', reason: String(error), cases: 0 })}\n`)
    process.exit(0)
  },
)
