import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { parseArgs } from 'node:util'
import { LOG_LEVELS } from './activity-log.js'
import { acceptsDatabaseUrl, databaseUrlForms } from './storage/dialects.js'

/** The standalone server's configuration; flags and environment variables both map onto it. */
export const ServeConfig = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080, description: 'TCP port to listen on (0 = any free port)' }),
    host: Type.String({ minLength: 1, default: '0.0.0.0', description: 'address to listen on' }),
    databaseUrl: Type.String({ minLength: 1, default: 'sqlite:./data/patchsync.db', description: `the database: ${databaseUrlForms()}` }),
    monitoring: Type.Boolean({ default: false, description: 'colorized log of every message and patch instead of JSON lines' }),
    logLevel: Type.Union(
      LOG_LEVELS.map((level) => Type.Literal(level)),
      {
        default: 'info',
        description: 'least severe JSON log lines written; debug adds patches and rate-limited requests, trace every frame',
      },
    ),
    autoRegister: Type.Boolean({ default: true, description: 'register unknown users with the token they present' }),
    maxPayload: Type.Integer({ minimum: 1024, default: 1048576, description: 'largest WebSocket frame accepted, in bytes' }),
    maxOps: Type.Integer({ minimum: 1, default: 1000, description: 'most operations in one patch' }),
    maxDocumentBytes: Type.Integer({ minimum: 1, default: 1048576, description: 'largest document content, in bytes of canonical JSON' }),
    cacheBytes: Type.Integer({
      minimum: 0,
      default: 134217728,
      description: 'JSON bytes of document contents kept in memory for writes (in memory a few times that)',
    }),
    rateLimit: Type.Number({ minimum: 0, default: 200, description: 'requests per second per user (0 = no limit)' }),
    rateBurst: Type.Integer({ minimum: 1, default: 400, description: 'requests a user may send at once above the rate' }),
    sendHighWater: Type.Integer({
      minimum: 1024,
      default: 4194304,
      description: 'unsent bytes past which a connection is not read and its next request waits (§10.4)',
    }),
    sendLimit: Type.Integer({
      minimum: 2048,
      default: 16777216,
      description: 'unsent bytes past which a connection is closed with 4001 (§10.4); above --send-high-water',
    }),
    authTimeoutMs: Type.Integer({ minimum: 0, default: 10000, description: 'a connection not authenticated after this long is closed (0 = never)' }),
    addressConnections: Type.Integer({ minimum: 0, default: 256, description: 'most open connections per client address (0 = no limit)' }),
    addressRateLimit: Type.Number({ minimum: 0, default: 1000, description: 'requests per second per client address, all its users together (0 = no limit)' }),
    addressRateBurst: Type.Integer({ minimum: 1, default: 2000, description: 'requests a client address may send at once above the rate' }),
    trustedProxies: Type.String({
      default: '',
      description: 'comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (empty: the header is ignored)',
    }),
    heartbeatMs: Type.Integer({ minimum: 0, default: 30000, description: 'ping interval; a connection that misses a pong is dropped (0 = off)' }),
    reauthenticateMs: Type.Integer({
      minimum: 0,
      default: 60000,
      description: 'how often open connections are checked again: a removed user, or one given a new token, is cut off (0 = off; SIGHUP checks at once)',
    }),
    inspector: Type.Boolean({ default: true, description: 'serve the history inspector page at /inspect' }),
    tlsCert: Type.Optional(Type.String({ minLength: 1, description: 'PEM certificate (chain) file: serve wss:// and https:// (with --tls-key)' })),
    tlsKey: Type.Optional(Type.String({ minLength: 1, description: 'PEM private key file of the certificate' })),
  },
  { additionalProperties: false },
)

export type ServeConfig = Static<typeof ServeConfig>

const ENV: Record<string, keyof ServeConfig> = {
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  MONITORING: 'monitoring',
  LOG_LEVEL: 'logLevel',
  AUTO_REGISTER: 'autoRegister',
  MAX_PAYLOAD: 'maxPayload',
  MAX_OPS: 'maxOps',
  MAX_DOCUMENT_BYTES: 'maxDocumentBytes',
  CACHE_BYTES: 'cacheBytes',
  RATE_LIMIT: 'rateLimit',
  RATE_BURST: 'rateBurst',
  SEND_HIGH_WATER: 'sendHighWater',
  SEND_LIMIT: 'sendLimit',
  AUTH_TIMEOUT_MS: 'authTimeoutMs',
  ADDRESS_CONNECTIONS: 'addressConnections',
  ADDRESS_RATE_LIMIT: 'addressRateLimit',
  ADDRESS_RATE_BURST: 'addressRateBurst',
  TRUSTED_PROXIES: 'trustedProxies',
  HEARTBEAT_MS: 'heartbeatMs',
  REAUTHENTICATE_MS: 'reauthenticateMs',
  INSPECTOR: 'inspector',
  TLS_CERT: 'tlsCert',
  TLS_KEY: 'tlsKey',
}

/** A configuration that cannot be started with; the message says what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
const isBoolean = (key: string) => (ServeConfig.properties[key as keyof ServeConfig] as { type?: string }).type === 'boolean'

/** `patchsync serve`'s flags for node:util's parseArgs, one per schema property: on/off options also take `--no-`. */
const FLAGS = Object.fromEntries(Object.keys(ServeConfig.properties).map((key) => [kebab(key), { type: isBoolean(key) ? 'boolean' : 'string' } as const]))

/** Reads flags (`--port 9000`, `--monitoring`, `--no-auto-register`) over environment variables over defaults. */
export function parseServeConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServeConfig {
  const raw: Record<string, unknown> = {}
  for (const [name, key] of Object.entries(ENV)) if (env[name] !== undefined && env[name] !== '') raw[key] = env[name]
  let flags: Record<string, string | boolean | undefined>
  try {
    flags = parseArgs({ args: [...argv], options: FLAGS, allowNegative: true }).values
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (see patchsync serve --help)`)
  }
  for (const key of Object.keys(ServeConfig.properties)) if (flags[kebab(key)] !== undefined) raw[key] = flags[kebab(key)]
  for (const [key, value] of Object.entries(raw)) raw[key] = convert(ServeConfig.properties[key as keyof ServeConfig] as { type?: string }, value)
  const config = Value.Default(ServeConfig, raw) as ServeConfig
  const problems = [...Value.Errors(ServeConfig, config)]
  if (problems.length > 0) {
    const p = problems[0]!
    const key = p.path.slice(1)
    const name = Object.entries(ENV).find(([, k]) => k === key)?.[0]
    const choices = (p.schema as { anyOf?: Array<{ const: unknown }> }).anyOf?.map((c) => c.const)
    const expected = choices ? `expected one of ${choices.join(', ')}` : p.message
    throw new ConfigError(`invalid ${key ? `--${kebab(key)} (${name})` : 'configuration'}: ${expected}, got ${JSON.stringify(p.value)}`)
  }
  if (!acceptsDatabaseUrl(config.databaseUrl)) throw new ConfigError(invalidDatabaseUrl(config.databaseUrl))
  if ((config.tlsCert === undefined) !== (config.tlsKey === undefined)) throw new ConfigError('--tls-cert and --tls-key go together')
  if (config.sendLimit <= config.sendHighWater)
    throw new ConfigError(`--send-limit (SEND_LIMIT) must be above --send-high-water (${config.sendHighWater}), got ${config.sendLimit}`)
  return config
}

/** What is said of a database URL that no storage backend opens (by `patchsync serve` and `patchsync user`). */
export function invalidDatabaseUrl(databaseUrl: string): string {
  return `invalid --database-url (DATABASE_URL): expected ${databaseUrlForms()}, got ${JSON.stringify(databaseUrl)}`
}

/**
 * Text from a flag or the environment to the schema's type (a bare flag is already a boolean). Stricter than TypeBox's Convert, which
 * would read `--port 1.5` as 1 and `--port 0x10` as 16: anything else stays text, and the schema
 * check then names the option and the value.
 */
function convert(schema: { type?: string }, value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  switch (schema.type) {
    case 'integer':
      return /^[+-]?\d+$/.test(text) ? Number(text) : value
    case 'number':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : value
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(text)) return true
      if (/^(false|0|no|off)$/i.test(text)) return false
      return value
    default:
      return value
  }
}

/** The text of `patchsync serve --help`, made from the schema so it cannot drift. */
export function serveHelp(): string {
  const rows = Object.entries(ServeConfig.properties).map(([key, schema]) => {
    const s = schema as { type?: string; anyOf?: Array<{ const: unknown }>; description?: string; default?: unknown }
    const value = s.anyOf ? 'choice' : s.type === 'string' ? 'text' : s.type
    const flag = s.type === 'boolean' ? `--[no-]${kebab(key)}` : `--${kebab(key)} <${value}>`
    const variable = Object.entries(ENV).find(([, k]) => k === key)?.[0] ?? ''
    const choices = s.anyOf ? ` (${s.anyOf.map((c) => c.const).join(', ')})` : ''
    const text = `${s.description ?? ''}${choices}${s.default !== undefined ? ` (default ${JSON.stringify(s.default)})` : ''}`
    return { flag, variable, text }
  })
  const flagWidth = Math.max(...rows.map((r) => r.flag.length))
  const variableWidth = Math.max(...rows.map((r) => r.variable.length))
  return [
    'Usage: patchsync serve [options]',
    '',
    'Starts the patchsync server. Every option can also be set by the environment variable beside it;',
    'a flag wins over the variable. On/off options are --name or --no-name; their variables take',
    'true/false, 1/0, yes/no or on/off.',
    '',
    ...rows.map((r) => `  ${r.flag.padEnd(flagWidth)}  ${r.variable.padEnd(variableWidth)}  ${r.text}`),
  ].join('\n')
}
