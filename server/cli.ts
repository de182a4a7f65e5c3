import { readFileSync } from 'node:fs'
import { createSecureContext } from 'node:tls'
import { jsonLog, monitoringLog } from './activity-log.js'
import { hashToken } from './auth.js'
import { ConfigError, parseServeConfig, serveHelp } from './config.js'
import { Store } from './storage/store.js'
import { createSyncServer, type SyncServer } from './sync-server.js'

/** A database URL fit for a log line: the password (in the userinfo or a parameter) is hidden. */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) return databaseUrl
  try {
    const url = new URL(databaseUrl)
    if (url.password) url.password = '***'
    if (url.searchParams.has('password')) url.searchParams.set('password', '***')
    return url.toString()
  } catch {
    return databaseUrl.replace(/\/\/[^@/]*@/, '//***@')
  }
}

/** Reads a PEM file named by an option; a missing or unreadable file is a configuration error. */
function readPem(path: string, option: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    throw new ConfigError(`${option} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
}

/**
 * `patchsync serve`: start the server until SIGINT/SIGTERM. Returns the exit code: 0 after a clean
 * shutdown, 2 for a configuration that cannot work (nothing is opened), 1 when starting failed.
 */
export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(serveHelp())
    return 0
  }
  let config
  let tls
  try {
    config = parseServeConfig(argv, env)
    tls = config.tlsCert && config.tlsKey ? { cert: readPem(config.tlsCert, '--tls-cert'), key: readPem(config.tlsKey, '--tls-key') } : undefined
    if (tls) {
      try {
        createSecureContext(tls)
      } catch (error) {
        throw new ConfigError(`--tls-cert/--tls-key: not a usable PEM certificate and key: ${(error as Error).message}`)
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`patchsync: ${error.message}`)
      return 2
    }
    throw error
  }
  const log = config.monitoring ? monitoringLog() : jsonLog()
  if (config.monitoring) console.log('🚀 Sync Server with Monitoring\n==============================\n\n📋 Activity Log:\n' + '─'.repeat(80))
  let server: SyncServer | undefined
  try {
    server = createSyncServer({
      databaseUrl: config.databaseUrl,
      autoRegister: config.autoRegister,
      maxPayload: config.maxPayload,
      limits: { maxOps: config.maxOps, maxDocumentBytes: config.maxDocumentBytes },
      rateLimit: { perSecond: config.rateLimit, burst: config.rateBurst },
      heartbeatMs: config.heartbeatMs,
      log,
      tls,
    })
    await server.listen(config.port, config.host)
  } catch (error) {
    // The database cannot be opened or migrated, the port is taken, the certificate is not PEM…
    console.error(`patchsync: could not start: ${(error as Error).message}`)
    await server?.close().catch(() => {})
    return 1
  }
  const database = redactDatabaseUrl(config.databaseUrl)
  log.info(`patchsync listening on ${server.url} (database ${database})`, { url: server.url, database })
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  log.info(`patchsync shutting down (${signal})`)
  await server.close()
  log.info('patchsync stopped')
  return 0
}

/** `patchsync user add --user <uuid> --token <token>`: create a user when auto-registration is off. */
export async function userAdd(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const usage = 'Usage: patchsync user add --user <uuid> --token <token> [--database-url <url>]\n\nThe database URL defaults to DATABASE_URL, then sqlite:./data/patchsync.db.'
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage)
    return 0
  }
  const values = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.indexOf('=')
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    if (!['--user', '--token', '--database-url'].includes(flag)) {
      console.error(`patchsync: unknown option ${arg}\n${usage}`)
      return 2
    }
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') {
      console.error(`patchsync: ${flag} needs a value\n${usage}`)
      return 2
    }
    values.set(flag, value)
  }
  const user = values.get('--user')
  const token = values.get('--token')
  const databaseUrl = values.get('--database-url') || env.DATABASE_URL || 'sqlite:./data/patchsync.db'
  if (!user || !token) {
    console.error(`patchsync: --user and --token are required\n${usage}`)
    return 2
  }
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(user)) {
    console.error(`patchsync: --user must be a UUID, got ${JSON.stringify(user)}`)
    return 2
  }
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    console.error(`patchsync: invalid --database-url (DATABASE_URL): expected sqlite:<path>, sqlite::memory: or postgres://…, got ${JSON.stringify(databaseUrl)}`)
    return 2
  }
  let store: Store
  try {
    store = Store.open(databaseUrl)
  } catch (error) {
    console.error(`patchsync: could not open the database: ${(error as Error).message}`)
    return 1
  }
  try {
    await store.migrate()
    if (!(await store.createUser(user.toLowerCase(), await hashToken(token)))) {
      console.error(`patchsync: user_exists: user ${user.toLowerCase()} already exists`)
      return 1
    }
    console.log(`added user ${user.toLowerCase()}`)
    return 0
  } catch (error) {
    console.error(`patchsync: could not add the user: ${(error as Error).message}`)
    return 1
  } finally {
    await store.close().catch(() => {})
  }
}
