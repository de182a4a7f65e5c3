import { styleText } from 'node:util'

/** Where the server reports what it does. */
export interface ActivityLog {
  connected(connection: string): void
  disconnected(connection: string): void
  received(connection: string, type: string): void
  sent(connection: string, type: string): void
  patchApplied(documentId: string, patch: unknown): void
  conflict(documentId: string, userId: string): void
  error(connection: string, code: string, message: string): void
  info(message: string, fields?: Record<string, unknown>): void
}

/** Says nothing: the default when embedding. */
export const silentLog: ActivityLog = {
  connected() {},
  disconnected() {},
  received() {},
  sent() {},
  patchApplied() {},
  conflict() {},
  error() {},
  info() {},
}

type Write = (line: string) => void

/** One JSON object per line, for log collectors; per-message lines are left out. */
export function jsonLog(write: Write = (line) => process.stdout.write(line + '\n')): ActivityLog {
  const emit = (event: string, fields: Record<string, unknown>) => write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }))
  return {
    connected: (connection) => emit('connected', { connection }),
    disconnected: (connection) => emit('disconnected', { connection }),
    received() {},
    sent() {},
    patchApplied() {},
    conflict: (document_id, user_id) => emit('conflict', { document_id, user_id }),
    error: (connection, code, message) => emit('error', { connection, code, message }),
    info: (message, fields = {}) => emit('info', { message, ...fields }),
  }
}

function clock(): string {
  const d = new Date()
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

function pascal(type: string): string {
  return type.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())
}

/** The seed's monitoring mode: a colorized activity log of every message and patch. */
export function monitoringLog(write: Write = (line) => process.stdout.write(line + '\n'), color = process.stdout.isTTY && !process.env.NO_COLOR): ActivityLog {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text)
  const line = (text: string) => write(`${paint('gray', clock())} ${text}`)
  return {
    connected: (c) => line(paint('green', `→ Client connected: ${c}`)),
    disconnected: (c) => line(paint('yellow', `← Client disconnected: ${c}`)),
    received: (c, type) => line(`${paint('cyan', '↓')} ${pascal(type)} from ${c}`),
    sent: (c, type) => line(`${paint('magenta', '↑')} ${pascal(type)} to ${c}`),
    patchApplied: (documentId, patch) => {
      line(`🔧 Patch applied to document ${documentId}:`)
      for (const text of JSON.stringify(patch, null, 2).split('\n')) write(`     ${text}`)
    },
    conflict: (documentId, userId) => line(paint('red', `⚡ Conflict detected on document ${documentId} (update by ${userId}), resolved by ServerWins`)),
    error: (c, code, message) => line(paint('red', `✖ Error ${code} to ${c}: ${message}`)),
    info: (message) => line(message),
  }
}
