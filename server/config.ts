import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** The standalone server's configuration; flags and environment variables both map onto it. */
export const ServeConfig = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080, description: 'PORT / --port' }),
  host: Type.String({ minLength: 1, default: '0.0.0.0', description: 'HOST / --host' }),
  databaseUrl: Type.String({
    pattern: '^(sqlite:.+|postgres(ql)?://.+)$',
    default: 'sqlite:./data/patchsync.db',
    description: 'DATABASE_URL / --database-url: sqlite:<path>, sqlite::memory: or postgres://…',
  }),
  monitoring: Type.Boolean({ default: false, description: 'MONITORING / --monitoring: colorized activity log' }),
  autoRegister: Type.Boolean({ default: true, description: 'AUTO_REGISTER / --auto-register: register unknown users on authenticate' }),
  maxPayload: Type.Integer({ minimum: 1024, default: 1048576, description: 'MAX_PAYLOAD / --max-payload: largest frame in bytes' }),
  maxOps: Type.Integer({ minimum: 1, default: 1000, description: 'MAX_OPS / --max-ops: operations per patch' }),
  maxDocumentBytes: Type.Integer({ minimum: 1, default: 1048576, description: 'MAX_DOCUMENT_BYTES / --max-document-bytes' }),
  rateLimit: Type.Number({ minimum: 0, default: 200, description: 'RATE_LIMIT / --rate-limit: requests per second per user (0 = off)' }),
  rateBurst: Type.Integer({ minimum: 1, default: 400, description: 'RATE_BURST / --rate-burst' }),
  heartbeatMs: Type.Integer({ minimum: 0, default: 30000, description: 'HEARTBEAT_MS / --heartbeat-ms (0 = off)' }),
  tlsCert: Type.Optional(Type.String({ minLength: 1, description: 'TLS_CERT / --tls-cert: PEM certificate file' })),
  tlsKey: Type.Optional(Type.String({ minLength: 1, description: 'TLS_KEY / --tls-key: PEM key file' })),
}, { additionalProperties: false })

export type ServeConfig = Static<typeof ServeConfig>

const ENV: Record<string, keyof ServeConfig> = {
  PORT: 'port', HOST: 'host', DATABASE_URL: 'databaseUrl', MONITORING: 'monitoring', AUTO_REGISTER: 'autoRegister',
  MAX_PAYLOAD: 'maxPayload', MAX_OPS: 'maxOps', MAX_DOCUMENT_BYTES: 'maxDocumentBytes', RATE_LIMIT: 'rateLimit',
  RATE_BURST: 'rateBurst', HEARTBEAT_MS: 'heartbeatMs', TLS_CERT: 'tlsCert', TLS_KEY: 'tlsKey',
}

/** A configuration that cannot be started with; the message says what is wrong. */
export class ConfigError extends Error {}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** Reads flags (`--port 9000`, `--monitoring`, `--no-auto-register`) over environment variables over defaults. */
export function parseServeConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServeConfig {
  const raw: Record<string, unknown> = {}
  for (const [name, key] of Object.entries(ENV)) if (env[name] !== undefined && env[name] !== '') raw[key] = env[name]
  const flags = new Map(Object.keys(ServeConfig.properties).map((k) => [`--${kebab(k)}`, k]))
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const negated = flag.startsWith('--no-') ? flags.get(`--${flag.slice(5)}`) : undefined
    const key = flags.get(flag) ?? negated
    if (!key) throw new ConfigError(`unknown option ${flag} (see patchsync serve --help)`)
    const schema = ServeConfig.properties[key as keyof ServeConfig] as { type?: string }
    if (negated) raw[key] = false
    else if (schema.type === 'boolean' && inline === undefined && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))) raw[key] = true
    else {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new ConfigError(`${flag} needs a value`)
      raw[key] = value
    }
  }
  const config = Value.Default(ServeConfig, Value.Convert(ServeConfig, raw)) as ServeConfig
  const problems = [...Value.Errors(ServeConfig, config)]
  if (problems.length > 0) {
    const p = problems[0]!
    const key = p.path.slice(1)
    const name = Object.entries(ENV).find(([, k]) => k === key)?.[0]
    throw new ConfigError(`invalid ${key ? `--${kebab(key)} (${name})` : 'configuration'}: ${p.message}, got ${JSON.stringify(p.value)}`)
  }
  if ((config.tlsCert === undefined) !== (config.tlsKey === undefined)) throw new ConfigError('--tls-cert and --tls-key go together')
  return config
}

/** The text of `patchsync serve --help`, made from the schema so it cannot drift. */
export function serveHelp(): string {
  const lines = ['Usage: patchsync serve [options]', '', 'Starts the patchsync server. Every option can also be set by the environment variable named.', '']
  for (const [key, schema] of Object.entries(ServeConfig.properties)) {
    const s = schema as { description?: string; default?: unknown }
    lines.push(`  --${kebab(key).padEnd(22)} ${s.description ?? ''}${s.default !== undefined ? ` (default ${JSON.stringify(s.default)})` : ''}`)
  }
  return lines.join('\n')
}
