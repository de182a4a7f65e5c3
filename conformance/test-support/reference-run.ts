import type { Test } from 'tap'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../server/index.js'
import { loadScenarioFiles } from '../load-suite.js'
import { needsSecondServer } from '../scenario-runner.js'
import type { CaseResult } from '../suite-types.js'

const scenarios = loadScenarioFiles().flatMap((file) => file.data.scenarios)
const needsTwo = new Set(scenarios.filter(needsSecondServer).map((s) => s.description))
const pending = new Set(scenarios.filter((s) => s.pending !== undefined).map((s) => s.description))

/**
 * How long a step of a reference run waits for a frame it expects. A passing step returns as soon as
 * its frame arrives, so this costs nothing when the suite passes; it is long because replies come in
 * request order (§3.4): a step that expects the 1,400th reply of a pipelined burst waits for the
 * 1,399 before it, which on a loaded 2-core machine took over the runner's 5 s default.
 */
export const REFERENCE_STEP_TIMEOUT_MS = 20_000

/**
 * Checks a run of the whole suite against the reference server: every scenario ran and passed,
 * except pending ones (marked in the suite with the reason; run and reported as TODO, their outcome
 * printed, or skipped when the run skips them) and, without a second instance, the multi-instance
 * ones (skipped).
 */
export function checkReferenceRun(t: Test, results: CaseResult[], run: { secondServer: boolean; label?: string }): void {
  const label = run.label ?? ''
  t.equal(results.length, scenarios.length, `${label}every scenario ran or was reported skipped`)
  for (const result of results) {
    const name = `${label}${result.file}: ${result.description}`
    if (result.skip !== undefined) {
      const why = (!run.secondServer && needsTwo.has(result.description)) || pending.has(result.description)
      t.ok(why, `${name} is skipped only when pending or for want of a second server`)
    } else if (result.todo !== undefined) t.comment(`TODO ${name}: ${result.ok ? 'passes now, its pending mark can go' : result.reason}`)
    else if (!result.ok) t.fail(`${name}: ${result.reason}`)
  }
}

/** A listening reference server, closed at teardown. */
export async function startReferenceServer(t: Test, options: SyncServerOptions): Promise<SyncServer> {
  const server = createSyncServer(options)
  t.teardown(() => server.close())
  await server.listen(0, '127.0.0.1')
  return server
}
