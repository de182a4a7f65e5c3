import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { runScenarios, runVectors } from './runner.js'
import type { CaseResult } from './suite-types.js'
import { formatTestPoint, formatTrailer, summarize, TAP_HEADER } from './tap-report.js'

const USAGE = `usage: patchsync conformance [--server ws://host:port/ws] [--vectors] [options]

  --server <url>     run every wire scenario against the server at <url>
  --second-server <url>
                     another instance of that server on the same database, for the
                     multi-instance scenarios (reported as skipped without it)
  --vectors          run the pure-data vectors against this package's core
  --only <text>      run only cases whose description contains <text> (repeatable)
  --file <name>      run only cases from suite files named <name>, e.g. undo-redo.json (repeatable)
  --timeout <ms>     how long each expected frame may take (default 5000)
  --skip-pending     report pending scenarios (marked in the suite) as skipped instead of
                     running them as TODO
  --users <file>     JSON object of fixed placeholder values, e.g. {"user_a": "…", "token_a": "…"},
                     for servers without auto-registration
  --help             show this text

Prints TAP on stdout. Exit status: 0 all selected cases passed (pending ones, marked TODO, and
skipped ones aside), 1 a case failed or none was selected, 2 bad arguments.
`

/** Where the CLI writes; tests pass their own sinks. */
export interface CliOutput {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

const PROCESS_OUTPUT: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

/**
 * `patchsync conformance …`: `argv` is the arguments after the subcommand. Resolves to the exit
 * status rather than exiting, so the caller (bin/patchsync.ts, or a test) decides what to do with it.
 */
export async function runConformanceCli(argv: readonly string[], output: CliOutput = PROCESS_OUTPUT): Promise<number> {
  let values: ReturnType<typeof parse>
  try {
    values = parse(argv)
  } catch (error) {
    output.stderr(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    output.stdout(USAGE)
    return 0
  }
  if (values.server === undefined && !values.vectors) {
    output.stderr(`nothing to run: give --server <url>, --vectors, or both\n\n${USAGE}`)
    return 2
  }
  const timeoutMs = values.timeout === undefined ? 5000 : Number(values.timeout)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    output.stderr(`--timeout must be a positive whole number of milliseconds, got ${values.timeout}\n`)
    return 2
  }
  let bindings: Record<string, unknown> | undefined
  if (values.users !== undefined) {
    try {
      bindings = readUsers(values.users)
    } catch (error) {
      output.stderr(`--users ${values.users}: ${(error as Error).message}\n`)
      return 2
    }
  }

  const filter = { only: values.only ?? [], files: values.file ?? [] }
  const results: CaseResult[] = []
  const onResult = (result: CaseResult): void => {
    results.push(result)
    output.stdout(formatTestPoint(result, results.length))
  }
  output.stdout(TAP_HEADER)
  if (values.vectors) await runVectors({ filter, onResult })
  if (values.server !== undefined) {
    const pending = values['skip-pending'] ? 'skip' : 'run'
    await runScenarios({ serverUrl: values.server, secondServerUrl: values['second-server'], filter, timeoutMs, bindings, onResult, pending })
  }
  output.stdout(formatTrailer(results))
  if (results.length === 0) {
    output.stderr('no case matched the given --only/--file filters\n')
    return 1
  }
  return summarize(results).failed === 0 ? 0 : 1
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      server: { type: 'string' },
      'second-server': { type: 'string' },
      vectors: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      file: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'skip-pending': { type: 'boolean' },
      users: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values
}

function readUsers(path: string): Record<string, unknown> {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected a JSON object')
  return data as Record<string, unknown>
}
