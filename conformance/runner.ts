import { loadScenarioFiles, loadVectorFiles, selected, type CaseFilter } from './load-suite.js'
import { needsSecondServer, runScenario } from './scenario-runner.js'
import type { CaseResult, VectorFile } from './suite-types.js'
import { checkVectorCase } from './vector-checks.js'

export type { CaseFilter } from './load-suite.js'

export interface RunScenariosOptions {
  /** WebSocket URL of the server under test, e.g. ws://127.0.0.1:8080/ws. */
  serverUrl: string
  /**
   * A second instance of the server on the same database. Scenarios that need one are reported as
   * skipped (with the reason) when it is not given.
   */
  secondServerUrl?: string
  filter?: CaseFilter
  /** How long each expectation waits for its frame (default 5000 ms). */
  timeoutMs?: number
  /**
   * Fixed placeholder values, e.g. `{ user_a: '…', token_a: '…' }` for users created in advance on a
   * server without auto-registration. Unlisted placeholders get fresh UUIDs each run.
   */
  bindings?: Record<string, unknown>
  /** Called as each scenario finishes, for streaming output. */
  onResult?: (result: CaseResult) => void
  /**
   * Pending scenarios (marked in the suite) run and are reported as TODO (`run`, the default), or
   * are reported as skipped without running (`skip`).
   */
  pending?: 'run' | 'skip'
}

export interface RunVectorsOptions {
  filter?: CaseFilter
  onResult?: (result: CaseResult) => void
}

/**
 * Runs the selected wire scenarios one after another against a live server. Each scenario gets
 * fresh placeholder values and its own connections, so scenarios never depend on each other.
 */
export async function runScenarios(options: RunScenariosOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const file of loadScenarioFiles()) {
    for (const scenario of file.data.scenarios) {
      if (!selected(options.filter, file.name, scenario.description)) continue
      const result: CaseResult = { file: file.name, description: scenario.description, spec: scenario.spec, ok: true }
      if (needsSecondServer(scenario) && options.secondServerUrl === undefined) {
        result.skip = 'needs a second server instance on the same database (--second-server)'
      } else if (scenario.pending !== undefined && options.pending === 'skip') {
        result.skip = `pending: ${scenario.pending}`
      } else {
        const failure = await runScenario(scenario, {
          serverUrl: options.serverUrl,
          secondServerUrl: options.secondServerUrl,
          timeoutMs: options.timeoutMs ?? 5000,
          bindings: options.bindings,
        })
        result.ok = failure === undefined
        if (failure) result.reason = `step ${failure.step + 1}: ${failure.reason}`
        if (scenario.pending !== undefined) result.todo = scenario.pending
      }
      results.push(result)
      options.onResult?.(result)
    }
  }
  return results
}

/** Runs the selected pure-data vectors against this package's own core and generated validators. */
export async function runVectors(options: RunVectorsOptions = {}): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const file of loadVectorFiles()) {
    const vectorFile: VectorFile = file.data
    for (const vector of vectorFile.cases) {
      if (!selected(options.filter, file.name, vector.description)) continue
      const reason = checkVectorCase(vectorFile.kind, vector)
      const result: CaseResult = { file: file.name, description: vector.description, spec: vector.spec, ok: reason === undefined }
      if (reason !== undefined) result.reason = reason
      results.push(result)
      options.onResult?.(result)
    }
  }
  return results
}
