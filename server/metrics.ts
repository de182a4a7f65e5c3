import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { ERROR_CODES } from '../core/index.js'

/**
 * The process's own metrics (CPU, memory, heap, event-loop lag, GC, handles), under the standard
 * names (`process_cpu_seconds_total`, `nodejs_eventloop_lag_seconds`, …) that ready-made dashboards
 * use. One registry per process: several servers in one process share the process, and each
 * collector started would add another event-loop monitor.
 */
let processRegistry: Registry | undefined
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

/** What /metrics serves, in Prometheus text format: this server's counters, then the process's. */
export class Metrics {
  private readonly registry = new Registry()
  private open = 0
  private authenticatedCount = 0
  private sendBuffer: () => number = () => 0

  /**
   * Frames received since the last scrape, by type: a Map entry per frame, added to the counter
   * when it is read. prom-client hashes the labels of every `inc`, child counters included.
   */
  private readonly messagesSinceScrape = new Map<string, number>()
  private readonly messages: Counter = new Counter({
    name: 'patchsync_messages_total',
    help: 'Frames received, by message type.',
    labelNames: ['type'],
    registers: [this.registry],
    collect: () => {
      for (const [type, n] of this.messagesSinceScrape) this.messages.inc({ type }, n)
      this.messagesSinceScrape.clear()
    },
  })
  private readonly updates = new Counter({ name: 'patchsync_updates_total', help: 'Changes committed.', registers: [this.registry] })
  private readonly conflicts = new Counter({
    name: 'patchsync_conflicts_total',
    help: 'Updates that were concurrent with the server state (ServerWins).',
    registers: [this.registry],
  })
  private readonly errors = new Counter({
    name: 'patchsync_errors_total',
    help: 'Error replies, by registry code.',
    labelNames: ['code'],
    registers: [this.registry],
  })
  private readonly loginsFailed = new Counter({
    name: 'patchsync_logins_failed_total',
    help: 'Authentications refused (auth_failed).',
    registers: [this.registry],
  })
  private readonly rateLimited = new Counter({
    name: 'patchsync_rate_limited_total',
    help: 'Requests refused by the per-user rate limit.',
    registers: [this.registry],
  })
  private readonly commits = new Histogram({
    name: 'patchsync_commit_duration_seconds',
    help: 'Time to commit one group-commit batch of changes, until durable.',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  })

  constructor() {
    const metrics = this
    new Gauge({
      name: 'patchsync_connections',
      help: 'Open WebSocket connections, by state: unauthenticated or authenticated.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        this.set({ state: 'unauthenticated' }, metrics.open - metrics.authenticatedCount)
        this.set({ state: 'authenticated' }, metrics.authenticatedCount)
      },
    })
    new Gauge({
      name: 'patchsync_send_buffer_bytes',
      help: 'Bytes queued for sending on every connection and not yet written to the network.',
      registers: [this.registry],
      collect() {
        this.set(metrics.sendBuffer())
      },
    })
    // Every wire code from the start, so a query sees 0 rather than no series before the first one.
    for (const { code, scope } of ERROR_CODES) if (scope === 'wire') this.errors.labels({ code }).inc(0)
  }

  /** A connection opened; `connectionClosed` must follow. */
  connectionOpened(): void {
    this.open++
  }

  connectionAuthenticated(): void {
    this.authenticatedCount++
  }

  connectionClosed(authenticated: boolean): void {
    this.open--
    if (authenticated) this.authenticatedCount--
  }

  /** The connection code reports what its sockets hold unsent; read at each scrape. */
  measureSendBuffer(bytesQueued: () => number): void {
    this.sendBuffer = bytesQueued
  }

  message(type: string): void {
    this.messagesSinceScrape.set(type, (this.messagesSinceScrape.get(type) ?? 0) + 1)
  }

  error(code: string): void {
    this.errors.inc({ code })
    if (code === 'auth_failed') this.loginsFailed.inc()
    if (code === 'rate_limited') this.rateLimited.inc()
  }

  /** A group commit took this long, until durable. */
  commit(seconds: number): void {
    this.commits.observe(seconds)
  }

  updated(changes: number): void {
    this.updates.inc(changes)
  }

  conflict(): void {
    this.conflicts.inc()
  }

  /** The MIME type of {@link render}'s text. */
  readonly contentType = this.registry.contentType

  async render(): Promise<string> {
    return (await this.registry.metrics()) + (await processMetrics().metrics())
  }
}
