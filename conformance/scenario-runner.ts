import { ClientConnection, type FrameStream } from './client-connection.js'
import { isOperator, match } from './matcher.js'
import { Bindings, substitute } from './placeholders.js'
import { renderFrame } from './send-template.js'
import type { Scenario, Step } from './suite-types.js'

/** How long an `expect_none` step watches when it does not say. */
export const DEFAULT_WATCH_MS = 500

export interface ScenarioOptions {
  /** WebSocket URL of the server under test, e.g. ws://127.0.0.1:8080/ws. */
  serverUrl: string
  /** Another instance of the server on the same database, for steps that name `"server": "second"`. */
  secondServerUrl?: string
  /** How long one expectation waits for its frame. */
  timeoutMs: number
  /** Fixed placeholder values (pre-created users); everything else is fresh per run. */
  bindings?: Record<string, unknown>
  /**
   * Whether every frame received must be a valid `server_to_client` message (default true; off
   * only for tests of the runner against scripted servers that send made-up messages).
   */
  checkSchemas?: boolean
}

/** Why a scenario failed: the step (0-based) and what went wrong there. */
export interface ScenarioFailure {
  step: number
  reason: string
}

/**
 * Runs one scenario against a live server: steps run strictly in order; a client connects at its
 * first step (and again after `disconnect`); the first failing step ends the scenario.
 * Every connection is closed afterwards, pass or fail.
 */
export async function runScenario(scenario: Scenario, options: ScenarioOptions): Promise<ScenarioFailure | undefined> {
  const bindings = new Bindings(options.bindings)
  const clients = new Map<string, ClientConnection>()
  try {
    for (const [index, step] of scenario.steps.entries()) {
      try {
        await runStep(step, clients, bindings, options)
      } catch (error) {
        return { step: index, reason: error instanceof Error ? error.message : String(error) }
      }
    }
    // A frame nobody expected must still be a valid message: one that was not is reported here.
    for (const client of clients.values()) {
      const problem = client.problem()
      if (problem !== undefined) return { step: scenario.steps.length - 1, reason: problem }
    }
    return undefined
  } finally {
    await Promise.all([...clients.values()].map((client) => client.close()))
  }
}

async function runStep(step: Step, clients: Map<string, ClientConnection>, bindings: Bindings, options: ScenarioOptions): Promise<void> {
  if ('disconnect' in step) {
    await clients.get(step.client)?.close()
    clients.delete(step.client)
    return
  }
  let client = clients.get(step.client)
  if (!client) {
    const url = step.server === 'second' ? options.secondServerUrl : options.serverUrl
    if (url === undefined) throw new Error('this step needs a second server instance on the same database, and none was given')
    client = await ClientConnection.open(url, options.timeoutMs, options.checkSchemas ?? true)
    clients.set(step.client, client)
  }
  if ('send' in step) {
    const text = JSON.stringify(renderFrame(step.send, bindings))
    const frame = step.pad_to_bytes === undefined ? text : text.padEnd(step.pad_to_bytes, ' ')
    await Promise.all(Array.from({ length: step.repeat ?? 1 }, () => client.send(frame)))
  } else if ('send_all' in step) {
    // Rendered first, then written in one turn of the event loop: the frames leave together.
    const frames = step.send_all.map((template) => JSON.stringify(renderFrame(template, bindings)))
    await Promise.all(frames.map((frame) => client.send(frame)))
  } else if ('send_raw' in step) {
    await client.send(step.send_raw)
  } else if ('send_binary' in step) {
    await client.sendBinary(step.send_binary)
  } else if ('expect_none' in step) {
    const matcher = substitute(step.expect_none, bindings) as Record<string, unknown>
    const waitMs = step.wait_ms ?? DEFAULT_WATCH_MS
    const unwanted = await client.watchFor(String(matcher.type), streamOf(matcher), (frame) => match(frame, matcher).ok, waitMs)
    if (unwanted !== undefined) throw new Error(`received a frame that must not arrive: ${truncate(JSON.stringify(unwanted))}`)
  } else {
    const matcher = substitute(step.expect, bindings) as Record<string, unknown>
    const frame = await client.take(String(matcher.type), options.timeoutMs, streamOf(matcher))
    const result = match(frame, matcher)
    if (!result.ok) throw new Error(`${result.reason} in ${truncate(JSON.stringify(frame))}`)
    for (const [name, value] of Object.entries(result.captures)) bindings.bind(name, value)
  }
}

/** Whether a scenario has a client on a second server instance. */
export function needsSecondServer(scenario: Scenario): boolean {
  return scenario.steps.some((step) => step.server === 'second')
}

/**
 * Which frames an expectation draws from, decided by how it matches `request_id`: `{"$absent": true}`
 * expects a broadcast, any other matcher for it (normally the literal id that was sent) expects a
 * reply, and an expectation that does not mention `request_id` takes any frame of its type.
 * Replies and broadcasts are separate streams because a connection receives other connections'
 * changes interleaved with the replies to its own requests, in an order no scenario can know.
 */
export function streamOf(matcher: Record<string, unknown>): FrameStream {
  if (!Object.hasOwn(matcher, 'request_id')) return 'any'
  const requestId = matcher.request_id
  return isOperator(requestId) && '$absent' in requestId ? 'broadcast' : 'reply'
}

function truncate(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}…` : text
}
