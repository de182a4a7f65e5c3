/*
 * npm run conformance:mutants [-- --only <text>] [--jobs <n>]
 *
 * Measures the conformance suite: plants each bug of `mutants.ts` in a copy of the reference
 * implementation, one at a time, runs the suite against it (worker.ts, on SQLite) and counts the
 * bugs the suite catches, per section of spec/PROTOCOL.md. The checkout is never modified: each job
 * works in a temporary copy of the package, and puts every file back after its mutant. Before the
 * mutants, the unmodified copy must pass the suite (else a "catch" would mean nothing).
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyMutant, sectionOf, type Mutant } from './mutant.js'
import { MUTANTS } from './mutants.js'
import type { WorkerVerdict } from './worker.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** What the worker needs of the package: the reference implementation and the suite. */
const COPIED = ['core', 'server', 'generated', 'spec', 'conformance', 'package.json', 'tsconfig.json']
/** A suite run that takes longer than this counts as caught (the bug hangs the server), as in Stryker. */
const WORKER_TIMEOUT_MS = 10 * 60_000

interface Outcome {
  mutant: Mutant
  verdict: WorkerVerdict | { caught: true; by: 'timeout'; cases: 0 }
  seconds: number
}

function options(argv: string[]): { only: string[]; jobs: number } {
  const only: string[] = []
  let jobs = 1
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[++i]
    if (flag === '--only' && value !== undefined) only.push(value.toLowerCase())
    else if (flag === '--jobs' && value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0) jobs = Number(value)
    else throw new Error(`usage: conformance:mutants [--only <text>]… [--jobs <n>] (got ${flag ?? ''} ${value ?? ''})`)
  }
  return { only, jobs }
}

/** A temporary copy of the package, its node_modules linked; removed at exit. */
function copyOfPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'patchsync-mutants-'))
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(root, entry), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  process.on('exit', () => rmSync(root, { recursive: true, force: true }))
  return root
}

/** Runs the suite against the copy at `root` as it is now. */
function runSuite(root: string, section: string): Promise<Outcome['verdict']> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'conformance/mutants/worker.ts'), section], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      process.kill(-child.pid!, 'SIGKILL')
    }, WORKER_TIMEOUT_MS)
    child.on('close', () => {
      clearTimeout(timer)
      if (timedOut) return resolve({ caught: true, by: 'timeout', cases: 0 })
      const line = out.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(line) as WorkerVerdict)
      } catch {
        reject(new Error(`the suite run gave no verdict:\n${out}\n${err}`))
      }
    })
  })
}

async function main(): Promise<void> {
  const { only, jobs } = options(process.argv.slice(2))
  const chosen = MUTANTS.filter((m) => only.length === 0 || only.some((text) => m.id.includes(text)))
  const copies = Array.from({ length: Math.min(jobs, chosen.length) }, copyOfPackage)
  const control = await runSuite(copies[0]!, '')
  if (control.caught)
    throw new Error(`the unmodified reference server fails the suite, so no mutant can be judged: ${control.by}: ${'reason' in control ? control.reason : ''}`)
  console.log(`# control: the unmodified reference server passes all ${control.cases} cases`)
  const queue = [...chosen]
  const outcomes: Outcome[] = []
  const notApplied: string[] = []
  await Promise.all(
    copies.map(async (root) => {
      for (let mutant = queue.shift(); mutant !== undefined; mutant = queue.shift()) {
        const started = performance.now()
        let restore: () => void
        try {
          restore = applyMutant(root, mutant)
        } catch (error) {
          // The code moved under it (mutants.test.ts fails too): report it and go on with the others.
          notApplied.push(`${mutant.id}: ${error instanceof Error ? error.message : String(error)}`)
          continue
        }
        try {
          const verdict = await runSuite(root, sectionOf(mutant.spec))
          const outcome = { mutant, verdict, seconds: (performance.now() - started) / 1000 }
          outcomes.push(outcome)
          console.log(line(outcome))
        } finally {
          restore()
        }
      }
    }),
  )
  console.log(report(outcomes))
  if (notApplied.length > 0) {
    console.log(['', 'Not applied (move them with the code):', ...notApplied.map((why) => `- ${why}`)].join('\n'))
    process.exitCode = 1
  }
}

function line({ mutant, verdict, seconds }: Outcome): string {
  const how = verdict.caught ? `caught by ${verdict.by}` : `ESCAPED (${verdict.cases} cases passed)`
  return `${verdict.caught ? 'caught ' : 'ESCAPED'} ${mutant.spec} ${mutant.id} (${seconds.toFixed(0)} s): ${how}`
}

/** The per-section table (markdown, for conformance/README.md) and the escaped mutants. */
function report(outcomes: Outcome[]): string {
  const sections = [...new Set(MUTANTS.map((m) => sectionOf(m.spec)))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
  const rows = sections.flatMap((section) => {
    const mine = outcomes.filter((o) => sectionOf(o.mutant.spec) === section)
    if (mine.length === 0) return []
    const caught = mine.filter((o) => o.verdict.caught).length
    return [`| ${section} | ${caught} / ${mine.length} |`]
  })
  const caught = outcomes.filter((o) => o.verdict.caught).length
  const share = outcomes.length === 0 ? 0 : (100 * caught) / outcomes.length
  const escaped = outcomes.filter((o) => !o.verdict.caught).map((o) => `- ${o.mutant.spec} ${o.mutant.id}: ${o.mutant.description}`)
  return [
    '',
    '| section | caught |',
    '|---|---|',
    ...rows,
    `| all | ${caught} / ${outcomes.length} (${share.toFixed(0)}%) |`,
    ...(escaped.length > 0 ? ['', 'Escaped:', ...escaped] : []),
  ].join('\n')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
