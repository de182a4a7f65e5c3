/**
 * Writes ffi/include/patchsync_errors.h from spec/errors.json, so the C result codes are the
 * registry's numbers and cannot drift from what the server and client send.
 * Run: npx tsx ffi/generate-header.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const REGISTRY_PATH = fileURLToPath(new URL('../spec/errors.json', import.meta.url))
export const HEADER_PATH = fileURLToPath(new URL('./include/patchsync_errors.h', import.meta.url))

interface RegistryEntry {
  code: string
  number: number
  meaning: string
  retryable: boolean
}

/** Checks the parts of the registry the header relies on, naming the first bad entry. */
export function readRegistry(text: string): RegistryEntry[] {
  const parsed: unknown = JSON.parse(text)
  const errors = (parsed as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) throw new Error('spec/errors.json: expected {"errors": [...]}')
  const seen = new Set<number>()
  return errors.map((entry: unknown, index) => {
    const e = entry as Partial<RegistryEntry> | null
    if (!e || typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code)) {
      throw new Error(`spec/errors.json: entry ${index} has no snake_case code`)
    }
    if (typeof e.number !== 'number' || !Number.isInteger(e.number) || e.number <= 0 || seen.has(e.number)) {
      throw new Error(`spec/errors.json: ${e.code} needs a unique positive integer number`)
    }
    if (typeof e.meaning !== 'string' || typeof e.retryable !== 'boolean') {
      throw new Error(`spec/errors.json: ${e.code} needs a meaning and a retryable flag`)
    }
    seen.add(e.number)
    return { code: e.code, number: e.number, meaning: e.meaning, retryable: e.retryable }
  })
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()
}

/** The header text for a registry. */
export function renderErrorsHeader(entries: RegistryEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.number - b.number)
  const name = (e: RegistryEntry): string => `PATCHSYNC_ERR_${e.code.toUpperCase()}`
  const lines = [
    '/*',
    ' * THIS IS A GENERATED FILE, DO NOT EDIT.',
    ' * Generated from spec/errors.json by `npx tsx ffi/generate-header.ts`.',
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(HEADER_PATH, renderErrorsHeader(readRegistry(readFileSync(REGISTRY_PATH, 'utf8'))))
}
