/**
 * Programmatic entry to the conformance suite: run the wire scenarios against any server, or the
 * vectors against this package's core, and get one result per case.
 */
export { runScenarios, runVectors } from './runner.js'
export type { CaseFilter, RunScenariosOptions, RunVectorsOptions } from './runner.js'
export type { CaseResult } from './suite-types.js'
export { runConformanceCli } from './cli.js'
export { formatTap, summarize } from './tap-report.js'
export type { Summary } from './tap-report.js'
