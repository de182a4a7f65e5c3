import type { CaseResult } from './suite-types.js'

/** Counts behind the one-line summary that ends every run. */
export interface Summary {
  total: number
  passed: number
  failed: number
}

export function summarize(results: readonly CaseResult[]): Summary {
  const passed = results.filter((result) => result.ok).length
  return { total: results.length, passed, failed: results.length - passed }
}

/**
 * TAP version 14, streamed: the header, one test point per case as it finishes (a YAML block with
 * the spec section and the reason under each failure), then the plan and a summary comment.
 */
export const TAP_HEADER = 'TAP version 14\n'

export function formatTestPoint(result: CaseResult, number: number): string {
  const name = `${result.file}: ${result.description} [${result.spec}]`.replace(/#/g, '\\#')
  const lines = [`${result.ok ? 'ok' : 'not ok'} ${number} - ${name}`]
  if (!result.ok) {
    lines.push('  ---', `  spec: ${JSON.stringify(result.spec)}`, `  reason: ${JSON.stringify(result.reason ?? 'failed')}`, '  ...')
  }
  return `${lines.join('\n')}\n`
}

export function formatTrailer(results: readonly CaseResult[]): string {
  const summary = summarize(results)
  return `1..${summary.total}\n# ${summary.passed} passed, ${summary.failed} failed, ${summary.total} total\n`
}

/** A whole finished run as one TAP document. */
export function formatTap(results: readonly CaseResult[]): string {
  return TAP_HEADER + results.map((result, index) => formatTestPoint(result, index + 1)).join('') + formatTrailer(results)
}
