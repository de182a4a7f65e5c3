import type { CaseResult } from './suite-types.js'

/** Counts behind the one-line summary that ends every run. */
export interface Summary {
  total: number
  passed: number
  /** Cases that failed, pending ones aside: a run with none succeeded. */
  failed: number
  skipped: number
  /** Pending cases (TODO), whatever their outcome. */
  todo: number
}

export function summarize(results: readonly CaseResult[]): Summary {
  const counted = results.filter((result) => result.skip === undefined && result.todo === undefined)
  const passed = counted.filter((result) => result.ok).length
  return {
    total: results.length,
    passed,
    failed: counted.length - passed,
    skipped: results.filter((result) => result.skip !== undefined).length,
    todo: results.filter((result) => result.todo !== undefined).length,
  }
}

/**
 * TAP version 14, streamed: the header, one test point per case as it finishes (a YAML block with
 * the spec section and the reason under each failure; `# SKIP` and `# TODO` directives with their
 * reasons), then the plan and a summary comment.
 */
export const TAP_HEADER = 'TAP version 14\n'

export function formatTestPoint(result: CaseResult, number: number): string {
  const name = `${result.file}: ${result.description} [${result.spec}]`.replace(/#/g, '\\#')
  const directive = result.skip !== undefined ? ` # SKIP ${result.skip}` : result.todo !== undefined ? ` # TODO ${result.todo}` : ''
  const lines = [`${result.ok ? 'ok' : 'not ok'} ${number} - ${name}${directive}`]
  if (!result.ok) {
    lines.push('  ---', `  spec: ${JSON.stringify(result.spec)}`, `  reason: ${JSON.stringify(result.reason ?? 'failed')}`, '  ...')
  }
  return `${lines.join('\n')}\n`
}

export function formatTrailer(results: readonly CaseResult[]): string {
  const summary = summarize(results)
  const aside = [summary.skipped > 0 ? `${summary.skipped} skipped` : '', summary.todo > 0 ? `${summary.todo} todo` : ''].filter(Boolean)
  return `1..${summary.total}\n# ${summary.passed} passed, ${summary.failed} failed, ${summary.total} total${aside.length > 0 ? ` (${aside.join(', ')})` : ''}\n`
}

/** A whole finished run as one TAP document. */
export function formatTap(results: readonly CaseResult[]): string {
  return TAP_HEADER + results.map((result, index) => formatTestPoint(result, index + 1)).join('') + formatTrailer(results)
}
