/** Counters served at /metrics in Prometheus text format. */
export class Metrics {
  connections = 0
  updates = 0
  conflicts = 0
  private readonly messages = new Map<string, number>()
  private readonly errors = new Map<string, number>()
  private readonly commitBuckets = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000]
  private readonly commitCounts = new Array<number>(this.commitBuckets.length + 1).fill(0)
  private commitSum = 0
  private commitCount = 0

  message(type: string): void {
    this.messages.set(type, (this.messages.get(type) ?? 0) + 1)
  }

  error(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1)
  }

  commit(milliseconds: number): void {
    const i = this.commitBuckets.findIndex((b) => milliseconds <= b)
    this.commitCounts[i === -1 ? this.commitBuckets.length : i]!++
    this.commitSum += milliseconds
    this.commitCount++
  }

  render(): string {
    const lines = [
      '# HELP patchsync_connections Open WebSocket connections.',
      '# TYPE patchsync_connections gauge',
      `patchsync_connections ${this.connections}`,
      '# HELP patchsync_messages_total Frames received, by message type.',
      '# TYPE patchsync_messages_total counter',
      ...[...this.messages].map(([type, n]) => `patchsync_messages_total{type="${type}"} ${n}`),
      '# HELP patchsync_updates_total Changes committed.',
      '# TYPE patchsync_updates_total counter',
      `patchsync_updates_total ${this.updates}`,
      '# HELP patchsync_conflicts_total Updates that were concurrent with the server state.',
      '# TYPE patchsync_conflicts_total counter',
      `patchsync_conflicts_total ${this.conflicts}`,
      '# HELP patchsync_errors_total Error replies, by code.',
      '# TYPE patchsync_errors_total counter',
      ...[...this.errors].map(([code, n]) => `patchsync_errors_total{code="${code}"} ${n}`),
      '# HELP patchsync_commit_milliseconds Time to commit one batch of changes.',
      '# TYPE patchsync_commit_milliseconds histogram',
    ]
    let cumulative = 0
    this.commitBuckets.forEach((b, i) => {
      cumulative += this.commitCounts[i]!
      lines.push(`patchsync_commit_milliseconds_bucket{le="${b}"} ${cumulative}`)
    })
    lines.push(`patchsync_commit_milliseconds_bucket{le="+Inf"} ${this.commitCount}`)
    lines.push(`patchsync_commit_milliseconds_sum ${this.commitSum}`, `patchsync_commit_milliseconds_count ${this.commitCount}`)
    return lines.join('\n') + '\n'
  }
}
