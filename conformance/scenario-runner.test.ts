import t, { type Test } from 'tap'
import { WebSocketServer, type WebSocket } from 'ws'
import { runScenario, streamOf } from './scenario-runner.js'
import type { Scenario, Step } from './suite-types.js'

/** A scripted server: `reply` maps each received frame to the frames sent back. */
async function scriptedServer(t: Test, reply: (frame: Record<string, unknown>, socket: WebSocket, connection: number) => unknown[]) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  let connections = 0
  server.on('connection', (socket) => {
    const connection = ++connections
    socket.on('message', (data) => {
      for (const frame of reply(JSON.parse(data.toString()) as Record<string, unknown>, socket, connection)) socket.send(JSON.stringify(frame))
    })
  })
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { port } = server.address() as { port: number }
  return `ws://127.0.0.1:${port}`
}

const scenario = (steps: Step[]): Scenario => ({ description: 'test', spec: '§1', steps })

t.test('an expectation takes the first frame of its type and leaves the others queued', async (t) => {
  const url = await scriptedServer(t, () => [
    { type: 'b', n: 1 },
    { type: 'a', n: 2 },
    { type: 'a', n: 3 },
  ])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'a', n: 2 } },
      { client: 'x', expect: { type: 'b', n: 1 } },
      { client: 'x', expect: { type: 'a', n: 3 } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
})

t.test('a reply expectation skips broadcasts of its type, and a broadcast expectation skips replies', async (t) => {
  // A connection gets other connections' changes interleaved with the replies to its own requests.
  const url = await scriptedServer(t, () => [
    { type: 'updated', n: 1 },
    { type: 'updated', request_id: 'r1', n: 2 },
    { type: 'updated', n: 3 },
  ])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go', request_id: 'r1' } },
      { client: 'x', expect: { type: 'updated', request_id: 'r1', n: 2 } },
      { client: 'x', expect: { type: 'updated', request_id: { $absent: true }, n: 1 } },
      { client: 'x', expect: { type: 'updated', request_id: { $absent: true }, n: 3 } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
})

t.test('replies are taken in arrival order, so a reply sent out of request order fails', async (t) => {
  const url = await scriptedServer(t, () => [
    { type: 'created', request_id: 'r2' },
    { type: 'created', request_id: 'r1' },
  ])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'created', request_id: 'r1' } },
      { client: 'x', expect: { type: 'created', request_id: 'r2' } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure?.step, 1)
  t.match(failure?.reason, /\$\.request_id: expected "r1", got "r2"/)
})

t.test('a reply that comes without its request_id is not taken for the reply', async (t) => {
  const url = await scriptedServer(t, () => [{ type: 'error', code: 'forbidden' }])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go', request_id: 'r1' } },
      { client: 'x', expect: { type: 'error', code: 'forbidden', request_id: 'r1' } },
    ]),
    { serverUrl: url, timeoutMs: 200, checkSchemas: false },
  )
  t.match(failure?.reason, /^no error reply \(a frame with request_id\) within 200 ms; unconsumed frames: \{"type":"error","code":"forbidden"\}/)
})

t.test('chooses the stream from how the expectation matches request_id', async (t) => {
  t.equal(streamOf({ type: 'a', request_id: 'r1' }), 'reply')
  t.equal(streamOf({ type: 'a', request_id: { $type: 'string' } }), 'reply')
  t.equal(streamOf({ type: 'a', request_id: { $absent: true } }), 'broadcast')
  t.equal(streamOf({ type: 'a' }), 'any')
})

t.test('a mismatching frame fails the scenario at that step with the reason', async (t) => {
  const url = await scriptedServer(t, () => [{ type: 'a', n: 1 }])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'a', n: 2 } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure?.step, 1)
  t.match(failure?.reason, /\$\.n: expected 2, got 1/)
})

t.test('a frame that never comes fails after the timeout, listing what did come', async (t) => {
  const url = await scriptedServer(t, () => [{ type: 'other' }])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'a' } },
    ]),
    { serverUrl: url, timeoutMs: 200, checkSchemas: false },
  )
  t.match(failure?.reason, /no a frame within 200 ms; unconsumed frames: \{"type":"other"\}/)
})

t.test('captured values and fresh ids are reused by later steps', async (t) => {
  const url = await scriptedServer(t, (frame) => [{ type: 'reply', echo: frame.id, sequence: frame.n ?? 10 }])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go', id: '${doc1}' } },
      { client: 'x', expect: { type: 'reply', echo: '${doc1}', sequence: { $capture: 'seq' } } },
      { client: 'x', send: { type: 'go', id: '${doc1}', n: '${seq}' } },
      { client: 'x', expect: { type: 'reply', sequence: '${seq}' } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
})

t.test('each client has its own connection and disconnect starts a new one', async (t) => {
  const url = await scriptedServer(t, (_frame, _socket, connection) => [{ type: 'hello', connection }])
  const failure = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'hello', connection: 1 } },
      { client: 'y', send: { type: 'go' } },
      { client: 'y', expect: { type: 'hello', connection: 2 } },
      { client: 'x', disconnect: true },
      { client: 'x', send: { type: 'go' } },
      { client: 'x', expect: { type: 'hello', connection: 3 } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
})

t.test('sends raw text verbatim and pads frames to the requested size', async (t) => {
  const received: string[] = []
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  server.on('connection', (socket) =>
    socket.on('message', (data) => {
      received.push(data.toString())
      socket.send(JSON.stringify({ type: 'got' }))
    }),
  )
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`
  const failure = await runScenario(
    scenario([
      { client: 'x', send_raw: '{"type": ' },
      { client: 'x', expect: { type: 'got' } },
      { client: 'x', send: { type: 'go' }, pad_to_bytes: 5000 },
      { client: 'x', expect: { type: 'got' } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
  t.equal(received[0], '{"type": ')
  t.equal(received[1]?.length, 5000)
  t.same(JSON.parse(received[1]!), { type: 'go' })
})

t.test('an unreachable server fails the first step with a readable reason', async (t) => {
  const failure = await runScenario(scenario([{ client: 'x', send: { type: 'go' } }]), { serverUrl: 'ws://127.0.0.1:1/ws', timeoutMs: 1000 })
  t.match(failure, { step: 0, reason: /cannot connect to ws:\/\/127\.0\.0\.1:1\/ws/ })
})

t.test('expect_none passes when no such frame comes and fails as soon as one does', async (t) => {
  const url = await scriptedServer(t, (frame) => (frame.type === 'go' ? [{ type: 'reply', request_id: 'r1' }] : [{ type: 'note' }]))
  const quiet = await runScenario(
    scenario([
      { client: 'x', send: { type: 'go', request_id: 'r1' } },
      { client: 'x', expect: { type: 'reply', request_id: 'r1' } },
      { client: 'x', expect_none: { type: 'note', request_id: { $absent: true } }, wait_ms: 100 },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(quiet, undefined)
  const started = Date.now()
  const noisy = await runScenario(
    scenario([
      { client: 'x', send: { type: 'poke' } },
      { client: 'x', expect_none: { type: 'note', request_id: { $absent: true } }, wait_ms: 5000 },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.match(noisy, { step: 1, reason: /received a frame that must not arrive: \{"type":"note"\}/ })
  t.ok(Date.now() - started < 4000, 'it fails when the frame arrives, not at the end of the wait')
  const other = await runScenario(
    scenario([
      { client: 'x', send: { type: 'poke' } },
      { client: 'x', expect_none: { type: 'note', request_id: { $absent: true }, extra: 1 }, wait_ms: 100 },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(other, undefined, 'a frame of the type that does not match the matcher is not the unwanted one')
})

t.test('sends binary frames, and several frames at once with send_all', async (t) => {
  const received: Array<{ binary: boolean; text: string }> = []
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  server.on('connection', (socket) =>
    socket.on('message', (data, isBinary) => {
      received.push({ binary: isBinary, text: data.toString() })
      socket.send(JSON.stringify({ type: 'got', request_id: `r${received.length}` }))
    }),
  )
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`
  const failure = await runScenario(
    scenario([
      { client: 'x', send_binary: '{"type":"go"}' },
      { client: 'x', expect: { type: 'got', request_id: 'r1' } },
      {
        client: 'x',
        send_all: [
          { type: 'a', id: '${doc1}' },
          { type: 'b', id: '${doc1}' },
        ],
      },
      { client: 'x', expect: { type: 'got', request_id: 'r2' } },
      { client: 'x', expect: { type: 'got', request_id: 'r3' } },
    ]),
    { serverUrl: url, timeoutMs: 2000, checkSchemas: false },
  )
  t.equal(failure, undefined)
  t.same(received[0], { binary: true, text: '{"type":"go"}' })
  t.same(
    received.slice(1).map((r) => JSON.parse(r.text).type),
    ['a', 'b'],
  )
  t.equal(JSON.parse(received[1]!.text).id, JSON.parse(received[2]!.text).id, 'one placeholder, one value')
})

t.test('a client may connect to a second server, and a scenario without one fails that step', async (t) => {
  const first = await scriptedServer(t, () => [{ type: 'hello', from: 'first' }])
  const second = await scriptedServer(t, () => [{ type: 'hello', from: 'second' }])
  const steps: Step[] = [
    { client: 'x', send: { type: 'go' } },
    { client: 'x', expect: { type: 'hello', from: 'first' } },
    { client: 'y', server: 'second', send: { type: 'go' } },
    { client: 'y', expect: { type: 'hello', from: 'second' } },
  ]
  t.equal(await runScenario(scenario(steps), { serverUrl: first, secondServerUrl: second, timeoutMs: 2000, checkSchemas: false }), undefined)
  t.match(await runScenario(scenario(steps), { serverUrl: first, timeoutMs: 2000, checkSchemas: false }), { step: 2, reason: /needs a second server/ })
})

t.test('every frame received must match its schema, the frames no step expects too', async (t) => {
  const valid = { type: 'document_shared', document_id: '6f1c2b8e-4d3a-4f5e-9a7b-1c2d3e4f5a6b', user_id: '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b', role: 'read' }
  const url = await scriptedServer(t, (frame) => (frame.type === 'bad' ? [{ ...valid, shared_at: 'now' }] : [{ ...valid, request_id: 'r1' }]))
  const expectShared = { client: 'x', expect: { type: 'document_shared', request_id: 'r1' } } as const
  t.equal(
    await runScenario(scenario([{ client: 'x', send: { type: 'go' } }, expectShared]), { serverUrl: url, timeoutMs: 2000 }),
    undefined,
    'a valid reply passes',
  )
  t.match(
    await runScenario(scenario([{ client: 'x', send: { type: 'bad' } }, { client: 'x', send: { type: 'go' } }, expectShared]), {
      serverUrl: url,
      timeoutMs: 2000,
    }),
    { step: 2, reason: /does not match its schema.*shared_at/ },
    'a frame with a member its schema does not have fails the next expectation',
  )
  t.match(
    await runScenario(
      scenario([
        { client: 'x', send: { type: 'bad' } },
        { client: 'x', expect_none: { type: 'error' }, wait_ms: 200 },
      ]),
      { serverUrl: url, timeoutMs: 2000 },
    ),
    { reason: /does not match its schema/ },
    'and one nobody expects fails the scenario at its end at the latest',
  )
})
