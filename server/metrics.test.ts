import t from 'tap'
import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import { Metrics } from './metrics.js'
import { startTestServer } from './test-support/servers.js'

/** The value of one sample in Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

t.test('/metrics: connections by state, failed logins, rate limits, durations in seconds, process and runtime', async (t) => {
  const server = await startTestServer(t, 'sqlite', { rateLimit: { perSecond: 1, burst: 3 } })
  const base = server.url.replace('ws://', 'http://').replace(/\/ws$/, '')
  const userId = randomUUID()
  const user = await server.login(userId)
  await server.connect()
  const stranger = await server.connect()
  t.equal((await stranger.request({ type: 'authenticate', user_id: userId, auth_token: 'wrong' })).code, 'auth_failed')
  await user.request({ type: 'create_document', document: { id: randomUUID(), title: 't', content: {} } })
  const replies = await Promise.all([1, 2, 3].map(() => user.request({ type: 'list_documents' })))
  t.ok(
    replies.some((r) => r.code === 'rate_limited'),
    'a request was rate-limited',
  )

  const response = await fetch(`${base}/metrics`)
  t.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/)
  const text = await response.text()
  t.equal(sample(text, 'patchsync_connections{state="authenticated"}'), 1)
  t.equal(sample(text, 'patchsync_connections{state="unauthenticated"}'), 2)
  t.equal(sample(text, 'patchsync_logins_failed_total'), 1)
  t.ok(sample(text, 'patchsync_rate_limited_total')! >= 1)
  t.equal(sample(text, 'patchsync_errors_total{code="forbidden"}'), 0, 'every wire error code is there from the start')
  t.equal(sample(text, 'patchsync_commit_duration_seconds_count'), 1)
  t.ok(sample(text, 'patchsync_commit_duration_seconds_bucket{le="0.0005"}') !== undefined, 'buckets are in seconds')
  t.ok(sample(text, 'patchsync_commit_duration_seconds_sum')! < 5, 'one commit took seconds, not milliseconds')
  t.equal(sample(text, 'patchsync_send_buffer_bytes'), 0, 'every reply written')
  for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
    t.ok(sample(text, name)! >= 0, `${name} (process and runtime)`)
  }
})

t.test('/metrics: bytes queued for a client that stops reading', async (t) => {
  const server = await startTestServer(t, 'sqlite')
  const base = server.url.replace('ws://', 'http://').replace(/\/ws$/, '')
  const reader = await server.login()
  const id = randomUUID()
  await reader.request({ type: 'create_document', document: { id, title: 'big', content: { text: 'x'.repeat(500_000) } } })
  // The client's TCP socket stops reading: what the server sends piles up in the kernel's buffers,
  // then in the server's.
  ;(reader.socket as unknown as { _socket: Duplex })._socket.pause()
  for (let i = 0; i < 40; i++) reader.send({ type: 'get_document', document_id: id })
  let queued = 0
  for (let attempt = 0; attempt < 100 && queued === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    queued = sample(await (await fetch(`${base}/metrics`)).text(), 'patchsync_send_buffer_bytes') ?? 0
  }
  t.ok(queued > 0, `${queued} bytes queued`)
  ;(reader.socket as unknown as { _socket: Duplex })._socket.resume()
})

t.test('several servers in one process share one set of process metrics', async (t) => {
  const [a, b] = [new Metrics(), new Metrics()]
  a.measureSendBuffer(() => 1234)
  const [textA, textB] = await Promise.all([a.render(), b.render()])
  t.equal(sample(textA, 'patchsync_send_buffer_bytes'), 1234)
  t.equal(sample(textB, 'patchsync_send_buffer_bytes'), 0)
  t.equal(textA.match(/^# TYPE process_cpu_seconds_total /gm)?.length, 1)
  t.ok(sample(textB, 'process_cpu_seconds_total')! >= 0)
})
