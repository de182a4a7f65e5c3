import t from 'tap'
import { runConformanceCli } from './cli.js'

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const status = await runConformanceCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { status, stdout, stderr }
}

t.test('exits 2 with usage when there is nothing to run', async (t) => {
  const { status, stderr } = await run([])
  t.equal(status, 2)
  t.match(stderr, /nothing to run/)
  t.match(stderr, /usage: patchsync conformance/)
})

t.test('exits 2 on an unknown option', async (t) => {
  const { status, stderr } = await run(['--vectorz'])
  t.equal(status, 2)
  t.match(stderr, /--vectorz/)
})

t.test('prints the usage and exits 0 for --help', async (t) => {
  const { status, stdout } = await run(['--help'])
  t.equal(status, 0)
  t.match(stdout, /--only <text>/)
})

t.test('runs the selected vectors and prints TAP with a summary', async (t) => {
  const { status, stdout } = await run(['--vectors', '--file', 'revision-id.json', '--only', 'generation 1'])
  t.equal(status, 0)
  t.match(
    stdout,
    /^TAP version 14\nok 1 - vectors\/revision-id\.json: revision id of a created document has generation 1 and a null parent \[§6.2\]\n1\.\.1\n# 1 passed, 0 failed, 1 total\n$/,
  )
})

t.test('exits 1 when no case matches the filters', async (t) => {
  const { status, stderr } = await run(['--vectors', '--only', 'no case is called this'])
  t.equal(status, 1)
  t.match(stderr, /no case matched/)
})

t.test('exits 1 with a reason per scenario when the server is unreachable', async (t) => {
  const { status, stdout } = await run([
    '--server',
    'ws://127.0.0.1:1/ws',
    '--file',
    'authentication.json',
    '--only',
    'second authenticate',
    '--timeout',
    '500',
  ])
  t.equal(status, 1)
  t.match(stdout, /not ok 1 - scenarios\/authentication\.json: rejects a second authenticate.*\n {2}---\n {2}spec: "§1.2"\n {2}reason: "step 1: cannot connect/)
  t.match(stdout, /# 0 passed, 1 failed, 1 total/)
})

t.test('reports pending cases as TODO and skipped ones as SKIP, neither failing the run', async (t) => {
  const { formatTestPoint, formatTrailer, summarize } = await import('./tap-report.js')
  const results = [
    { file: 'f', description: 'passes', spec: '§1', ok: true },
    { file: 'f', description: 'pending', spec: '§1', ok: false, reason: 'step 1: no', todo: 'issue 16' },
    { file: 'f', description: 'skipped', spec: '§1', ok: true, skip: 'needs a second server' },
  ]
  t.same(summarize(results), { total: 3, passed: 1, failed: 0, skipped: 1, todo: 1 })
  t.match(formatTestPoint(results[1]!, 2), /^not ok 2 - f: pending \[§1\] # TODO issue 16\n/)
  t.match(formatTestPoint(results[2]!, 3), /^ok 3 - f: skipped \[§1\] # SKIP needs a second server\n$/)
  t.match(formatTrailer(results), /# 1 passed, 0 failed, 3 total \(1 skipped, 1 todo\)/)
})
