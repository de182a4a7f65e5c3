import { styleText } from 'node:util'
import { pino, type DestinationStream, type Level, type Logger } from 'pino'

/** What a log line says about the connection it concerns. */
export interface ConnectionInfo {
  readonly id: string
  /** Set once the connection has authenticated. */
  readonly userId: string | undefined
  /** The peer's IP address (the proxy's, behind a reverse proxy). */
  readonly address: string | undefined
}

/** Where the server reports what it does. */
export interface ActivityLog {
  connected(connection: ConnectionInfo): void
  authenticated(connection: ConnectionInfo): void
  disconnected(connection: ConnectionInfo): void
  received(connection: ConnectionInfo, type: string): void
  sent(connection: ConnectionInfo, type: string): void
  patchApplied(documentId: string, patch: unknown): void
  conflict(documentId: string, userId: string): void
  /** A request answered with an error frame: the client's mistake or refusal, unless `internal_error`. */
  refused(connection: ConnectionInfo, code: string, message: string): void
  /** A fault of the server itself (a bug, a database that failed): always worth an operator's look. */
  fault(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
}

/** Says nothing: the default when embedding. */
export const silentLog: ActivityLog = {
  connected() {},
  authenticated() {},
  disconnected() {},
  received() {},
  sent() {},
  patchApplied() {},
  conflict() {},
  refused() {},
  fault() {},
  info() {},
}

type Write = (line: string) => void

/** The pino levels, from most to least verbose, and `silent`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/**
 * The level of a refused request. Client mistakes (a bad frame, a missing document, a wrong token)
 * are warnings: the server is fine. Refusals that are expected under load or at shutdown are
 * counted by /metrics and logged at debug, so a flood of them cannot flood the log. Only an
 * internal error is an error.
 */
export function refusalLevel(code: string): Level {
  if (code === 'internal_error') return 'error'
  if (code === 'rate_limited' || code === 'server_shutting_down') return 'debug'
  return 'warn'
}

const connectionFields = (c: ConnectionInfo) => ({ connection: c.id, user_id: c.userId, address: c.address })

/**
 * JSON lines through pino: `{"level":"info","time":"…","msg":"…",…}`. Lines about one connection
 * carry its `connection` id, `user_id` (once authenticated) and `address`. Every frame in and out
 * is logged at trace and every applied patch at debug, so the default level (info) leaves them out.
 */
export function jsonLog(options: { level?: LogLevel; write?: Write } = {}): ActivityLog {
  const { write } = options
  const destination: DestinationStream | undefined = write && { write: (line: string) => write(line.replace(/\n$/, '')) }
  const logger: Logger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
  return {
    connected: (c) => logger.info(connectionFields(c), 'connected'),
    authenticated: (c) => logger.info(connectionFields(c), 'authenticated'),
    disconnected: (c) => logger.info(connectionFields(c), 'disconnected'),
    received: (c, type) => logger.isLevelEnabled('trace') && logger.trace({ ...connectionFields(c), type }, 'received'),
    sent: (c, type) => logger.isLevelEnabled('trace') && logger.trace({ ...connectionFields(c), type }, 'sent'),
    patchApplied: (document_id, patch) => logger.isLevelEnabled('debug') && logger.debug({ document_id, patch }, 'patch applied'),
    conflict: (document_id, user_id) => logger.info({ document_id, user_id }, 'concurrent update resolved by ServerWins'),
    refused: (c, code, message) => logger[refusalLevel(code)]({ ...connectionFields(c), code }, message),
    fault: (message, fields = {}) => logger.error(fields, message),
    info: (message, fields = {}) => logger.info(fields, message),
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
    connected: (c) => line(paint('green', `→ Client connected: ${c.id}${c.address ? ` from ${c.address}` : ''}`)),
    authenticated: (c) => line(paint('green', `✔ ${c.id} is user ${c.userId}`)),
    disconnected: (c) => line(paint('yellow', `← Client disconnected: ${c.id}`)),
    received: (c, type) => line(`${paint('cyan', '↓')} ${pascal(type)} from ${c.id}`),
    sent: (c, type) => line(`${paint('magenta', '↑')} ${pascal(type)} to ${c.id}`),
    patchApplied: (documentId, patch) => {
      line(`🔧 Patch applied to document ${documentId}:`)
      for (const text of JSON.stringify(patch, null, 2).split('\n')) write(`     ${text}`)
    },
    conflict: (documentId, userId) => line(paint('red', `⚡ Conflict detected on document ${documentId} (update by ${userId}), resolved by ServerWins`)),
    refused: (c, code, message) => line(paint(refusalLevel(code) === 'error' ? 'red' : 'yellow', `✖ Error ${code} to ${c.id}: ${message}`)),
    fault: (message, fields) => line(paint('red', `‼ ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`)),
    info: (message) => line(message),
  }
}
