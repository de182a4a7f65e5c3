/**
 * The C header target of `spec/generate.ts`: `ffi/include/patchsync_errors.h`, so the C API's result
 * codes are the registry's numbers and cannot drift from what the server and client send. It reads
 * the registry the generator has already checked (codes, unique numbers, meanings, retryable flags).
 */

/** The registry fields the header uses. */
export interface CErrorEntry {
  code: string
  number: number
  meaning: string
  retryable: boolean
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()
}

/** The header text for a registry, entries sorted by number. */
export function renderErrorsHeader(entries: readonly CErrorEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.number - b.number)
  const name = (e: CErrorEntry): string => `PATCHSYNC_ERR_${e.code.toUpperCase()}`
  const lines = [
    '/*',
    ' * THIS IS A GENERATED FILE, DO NOT EDIT.',
    ' * Generated from spec/errors.json by `npm run generate`.',
    ' */',
    '#ifndef PATCHSYNC_ERRORS_H',
    '#define PATCHSYNC_ERRORS_H',
    '',
    '/** Result of a patchsync C API call: PATCHSYNC_OK or an error registry number. */',
    'typedef enum patchsync_result {',
    '  PATCHSYNC_OK = 0,',
    ...sorted.flatMap((e) => [`  /** ${comment(e.meaning)} */`, `  ${name(e)} = ${e.number},`]),
    '} patchsync_result;',
    '',
    '/** The registry code of a result ("ok" for PATCHSYNC_OK), or NULL for an unknown number. */',
    'static inline const char *patchsync_result_code(int result) {',
    '  switch (result) {',
    '    case PATCHSYNC_OK: return "ok";',
    ...sorted.map((e) => `    case ${name(e)}: return "${e.code}";`),
    '    default: return 0;',
    '  }',
    '}',
    '',
    '/** 1 when retrying the same call later can succeed, else 0. */',
    'static inline int patchsync_result_retryable(int result) {',
    '  switch (result) {',
    ...sorted.filter((e) => e.retryable).map((e) => `    case ${name(e)}:`),
    ...(sorted.some((e) => e.retryable) ? ['      return 1;'] : []),
    '    default: return 0;',
    '  }',
    '}',
    '',
    '#endif',
    '',
  ]
  return lines.join('\n')
}
