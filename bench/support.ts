/**
 * What the server benches share: a bare WebSocket client, a server in a child process, the CPU time
 * of a process, and number formatting. Nothing here is run as a test.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import WebSocket from 'ws'

export const TIMEOUT_MS = 15_000

export type Frame = Record<string, unknown> & { type: string }

/** A bare client: frames in order, replies awaited in order (§3.4 replies keep request order). */
export class BenchClient {
  private readonly waiting: Array<{ resolve: (f: Frame) => void; reject: (e: Error) => void }> = []
  onBroadcast: (frame: Frame, at: number) => void = () => {}
  onReply: ((frame: Frame, at: number) => void) | undefined

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const at = performance.now()
      const frame = JSON.parse(data.toString()) as Frame
      if (frame.request_id === undefined && frame.type !== 'error') return this.onBroadcast(frame, at)
      if (this.onReply) return this.onReply(frame, at)
      this.waiting.shift()?.resolve(frame)
    })
    socket.on('close', () => {
      for (const w of this.waiting.splice(0)) w.reject(new Error('connection closed'))
    })
  }

  static async connect(url: string): Promise<BenchClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 })
    await within(once(socket, 'open'), 'connect')
    return new BenchClient(socket)
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame))
  }

  async request(frame: object, expect: string): Promise<Frame> {
    const reply = new Promise<Frame>((resolve, reject) => this.waiting.push({ resolve, reject }))
    this.send({ ...frame, request_id: randomUUID() })
    const got = await within(reply, expect)
    if (got.type !== expect) throw new Error(`expected ${expect}, got ${JSON.stringify(got).slice(0, 500)}`)
    return got
  }

  static async login(url: string): Promise<BenchClient & { userId: string; token: string }> {
    const client = await BenchClient.connect(url)
    const userId = randomUUID()
    const token = `bench-${userId}`
    await client.request({ type: 'authenticate', user_id: userId, auth_token: token }, 'auth_success')
    return Object.assign(client, { userId, token })
  }

  async createDocument(content: Record<string, unknown> = { text: 'Hello, World!', n: 0, tags: ['a', 'b'] }): Promise<string> {
    const id = randomUUID()
    await this.request({ type: 'create_document', document: { id, title: 'Bench', content } }, 'document_created')
    return id
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    const closed = once(this.socket, 'close')
    this.socket.close()
    await within(closed, 'close').catch(() => this.socket.terminate())
  }
}

export function within<T>(promise: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs a child script (`node <script> <args…>`) that prints `{"url": …}` once listening, and
 * resolves with that URL. BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is
 * passed to the child's node.
 */
export async function startChild(script: string, args: string[]): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...extra, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const first = await within(
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)))
    }),
    'server start',
  )
  const { url } = JSON.parse(first) as { url: string }
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await within(exited, 'server stop').catch(() => child.kill('SIGKILL'))
  }
  return { url, child, stop }
}

/** CPU time the process has used so far, in milliseconds (Linux /proc; NaN elsewhere). */
export function cpuMilliseconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in USER_HZ (100) ticks
  } catch {
    return NaN
  }
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN

export const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
