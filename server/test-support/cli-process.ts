import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `patchsync …` as a user runs it: a child process of bin/patchsync.ts through tsx. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'patchsync.ts')
/** Every child is killed after this long, whatever it is doing. */
const CHILD_TIMEOUT_MS = 30_000
const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'MONITORING',
  'LOG_LEVEL',
  'AUTO_REGISTER',
  'MAX_PAYLOAD',
  'MAX_OPS',
  'MAX_DOCUMENT_BYTES',
  'RATE_LIMIT',
  'RATE_BURST',
  'HEARTBEAT_MS',
  'REAUTHENTICATE_MS',
  'TLS_CERT',
  'TLS_KEY',
]

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
  for (const name of CONFIG_VARIABLES) delete env[name]
  return { ...env, ...extra }
}

export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import=tsx', BIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
}

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Collects a child's output until it exits (killed after CHILD_TIMEOUT_MS). */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS)
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      // Let the pipes deliver what is left.
      setImmediate(() => resolve({ code, signal, stdout, stderr }))
    })
  })
}

export const run = (args: string[], env: Record<string, string> = {}) => finished(spawnCli(args, env))

export interface Running {
  url: string
  line: string
  child: ChildProcess
  exit: Promise<Finished>
  /** SIGTERM, then the exit. */
  stop(): Promise<Finished>
}

/** Starts `patchsync serve …` and waits for the line that says where it listens. */
export async function serve(t: { teardown(fn: () => unknown): void }, args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawnCli(['serve', ...args], env)
  const exit = finished(child)
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const line = await new Promise<string>((resolve, reject) => {
    let seen = ''
    const onData = (d: Buffer) => {
      seen += d
      const found = seen.split('\n').find((l) => /listening on/.test(l))
      if (found) {
        child.stdout!.off('data', onData)
        resolve(found)
      }
    }
    child.stdout!.on('data', onData)
    void exit.then((f) => reject(new Error(`serve exited (${f.code}) before listening: ${f.stderr}${f.stdout}`)))
  })
  const url = /listening on (wss?:\/\/\S+)/.exec(line)![1]!
  return {
    url,
    line,
    child,
    exit,
    async stop() {
      child.kill('SIGTERM')
      return exit
    },
  }
}
