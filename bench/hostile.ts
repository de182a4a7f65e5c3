/**
 * `npm run bench:hostile` (issue 10): an honest user's login and get_document, quiet and under
 * attack, side by side in one run, with the server's peak RSS in each phase; and the answer time of
 * the pathological frame of finding 1. The server runs in a child process with the production
 * defaults (bench/hostile-child.ts). Attackers come from other loopback addresses (127.0.0.2…), as
 * they would from other hosts; the honest user from 127.0.0.1.
 *
 * Phases:
 * - quiet: nothing else runs;
 * - guessing: 600 unauthenticated connections (200 from each of 3 addresses) sending `authenticate`
 *   with wrong tokens for another user, each as fast as it is answered, reconnecting when closed;
 * - non-readers: 20 connections (from 127.0.0.5) each pipelining 200 `get_document` of a (nearly) 1 MiB
 *   document and never reading a reply.
 */
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import { decodeRequest } from '../server/decode-frame.js'
import { BenchClient, cpuMilliseconds, fmt, percentile, sleep, startChild, within } from './support.js'

const LOGINS = Number(process.env.BENCH_LOGINS ?? 30)
const READS = Number(process.env.BENCH_READS ?? 200)
const GUESSERS_PER_ADDRESS = 200
const GUESSING_ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4']
const NON_READERS = 20
const PIPELINED = 200
const MIB = 1024 * 1024

interface Honest {
  url: string
  userId: string
  token: string
  documentId: string
  reader: BenchClient
}

/** Milliseconds of each call, sorted. */
async function timed(times: number, call: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await call()
    samples.push(performance.now() - start)
  }
  return samples.sort((a, b) => a - b)
}

/** A fresh connection that authenticates, as a returning user does. */
async function login(honest: Honest): Promise<void> {
  const socket = new WebSocket(honest.url, { localAddress: '127.0.0.1' })
  await within(once(socket, 'open'), 'honest connect')
  const reply = once(socket, 'message')
  socket.send(JSON.stringify({ type: 'authenticate', user_id: honest.userId, auth_token: honest.token, request_id: 'login' }))
  const [data] = (await within(reply, 'honest login', 60_000)) as [Buffer]
  const frame = JSON.parse(data.toString()) as { type: string }
  if (frame.type !== 'auth_success') throw new Error(`honest login failed: ${data.toString()}`)
  socket.close()
}

/** The honest user's timings, and the share of one core the server used meanwhile (its CPU time over the wall time). */
async function measure(honest: Honest, pid: number | undefined): Promise<{ login: number[]; read: number[]; serverCpu: number }> {
  const [cpu, start] = [cpuMilliseconds(pid), performance.now()]
  const loginTimes = await timed(LOGINS, () => login(honest))
  const readTimes = await timed(READS, () => honest.reader.request({ type: 'get_document', document_id: honest.documentId }, 'document'))
  return { login: loginTimes, read: readTimes, serverCpu: (cpuMilliseconds(pid) - cpu) / (performance.now() - start) }
}

/** Starts an attack; the returned function stops it and resolves once its sockets are gone. */
type Attack = () => Promise<void>

/** 600 connections guessing a victim's token, in a worker thread (bench/hostile-guessers.ts). */
function guess(url: string, victim: string): Attack {
  const worker = new Worker(fileURLToPath(new URL('./hostile-guessers.js', import.meta.url)), {
    workerData: { url, victim, addresses: GUESSING_ADDRESSES, perAddress: GUESSERS_PER_ADDRESS },
  })
  return async () => {
    const done = once(worker, 'message')
    worker.postMessage('stop')
    const [{ attempts, refusedHandshakes }] = (await within(done, 'guessers stop')) as [{ attempts: number; refusedHandshakes: number }]
    console.log(`  (guessing: ${attempts} login attempts sent, ${refusedHandshakes} handshakes refused)`)
    await worker.terminate()
  }
}

/** Connections that pipeline reads of a large document and read nothing. */
async function hog(url: string, userId: string, token: string, documentId: string): Promise<Attack> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < NON_READERS; i++) {
    const socket = new WebSocket(url, { localAddress: '127.0.0.5' })
    sockets.push(socket)
    socket.on('error', () => {})
    await within(once(socket, 'open'), 'non-reader connect')
    const reply = once(socket, 'message')
    socket.send(JSON.stringify({ type: 'authenticate', user_id: userId, auth_token: token, request_id: 'a' }))
    await within(reply, 'non-reader login', 60_000)
    socket.pause()
    for (let j = 0; j < PIPELINED; j++) socket.send(JSON.stringify({ type: 'get_document', document_id: documentId, request_id: `r${j}` }))
  }
  return async () => {
    for (const socket of sockets) socket.terminate()
  }
}

/** The pathological frame of finding 1: 28 slashes and a `~` in a patch path. */
const PATHOLOGICAL = JSON.stringify({
  type: 'update_document',
  patch: { document_id: randomUUID(), patch: [{ op: 'add', path: `${'/'.repeat(28)}~`, value: 1 }] },
})

async function pathological(reader: BenchClient): Promise<{ roundTrip: number[]; decode: number[] }> {
  const roundTrip = await timed(200, () => reader.request(JSON.parse(PATHOLOGICAL) as object, 'error'))
  const decode = await timed(2000, async () => {
    try {
      decodeRequest(PATHOLOGICAL)
    } catch {
      // invalid_message is the answer
    }
  })
  return { roundTrip, decode }
}

const row = (name: string, samples: number[], quiet?: number[]) => {
  const p50 = percentile(samples, 50)
  const p99 = percentile(samples, 99)
  const ratio = quiet ? ` (${fmt(p99 / percentile(quiet, 99), 2)}x quiet p99)` : ''
  return `  ${name.padEnd(28)} p50 ${fmt(p50, 2).padStart(8)} ms   p99 ${fmt(p99, 2).padStart(8)} ms${ratio}`
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'patchsync-hostile-'))
  const { url, child, stop } = await startChild(fileURLToPath(new URL('./hostile-child.js', import.meta.url)), [`sqlite:${join(dir, 'bench.db')}`])
  const lines = createInterface({ input: child.stdout! })
  const peakRss = async (): Promise<number> => {
    const line = once(lines, 'line')
    child.stdin!.write('peak\n')
    const [text] = (await within(line, 'peak rss')) as [string]
    return (JSON.parse(text) as { peakRss: number }).peakRss
  }
  try {
    const reader = await BenchClient.login(url)
    const documentId = await reader.createDocument({ text: 'x'.repeat(1000) })
    const honest: Honest = { url, userId: reader.userId, token: reader.token, documentId, reader }
    const victim = await BenchClient.login(url)
    await victim.close()
    const owner = await BenchClient.login(url)
    const big = await owner.createDocument({ text: 'x'.repeat(MIB - 512) })

    console.log(`bench:hostile — ${LOGINS} honest logins and ${READS} honest get_document per phase (production limits, real Argon2id)`)
    await peakRss()
    const quiet = await measure(honest, child.pid)
    const quietRss = await peakRss()

    const stopGuessing = guess(url, victim.userId)
    await sleep(2000)
    await peakRss()
    const guessing = await measure(honest, child.pid)
    const guessingRss = await peakRss()
    await stopGuessing()
    await sleep(1000)

    const stopHogs = await hog(url, owner.userId, owner.token, big)
    await sleep(2000)
    await peakRss()
    const hogged = await measure(honest, child.pid)
    const hoggedRss = await peakRss()
    await stopHogs()

    const patho = await pathological(reader)

    console.log('\nquiet')
    console.log(row('login', quiet.login))
    console.log(row('get_document (1 KB)', quiet.read))
    console.log(`  server peak RSS ${fmt(quietRss / MIB, 1)} MiB, server CPU ${fmt(quiet.serverCpu * 100)}% of a core, load average ${fmt(loadavg()[0]!, 1)}`)
    console.log(`\n${GUESSERS_PER_ADDRESS * GUESSING_ADDRESSES.length} unauthenticated connections guessing tokens`)
    console.log(row('login', guessing.login, quiet.login))
    console.log(row('get_document (1 KB)', guessing.read, quiet.read))
    console.log(
      `  server peak RSS ${fmt(guessingRss / MIB, 1)} MiB, server CPU ${fmt(guessing.serverCpu * 100)}% of a core, load average ${fmt(loadavg()[0]!, 1)}`,
    )
    console.log(`\n${NON_READERS} non-readers pipelining ${PIPELINED} get_document of a 1 MiB document`)
    console.log(row('login', hogged.login, quiet.login))
    console.log(row('get_document (1 KB)', hogged.read, quiet.read))
    console.log(`  server peak RSS ${fmt(hoggedRss / MIB, 1)} MiB, server CPU ${fmt(hogged.serverCpu * 100)}% of a core, load average ${fmt(loadavg()[0]!, 1)}`)
    console.log('\nthe pathological frame of finding 1 (28 slashes and ~)')
    console.log(row('answer, round trip', patho.roundTrip))
    console.log(row('decode and schema check only', patho.decode))
    await reader.close()
    await owner.close()
  } finally {
    await stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
