import { readFileSync } from 'node:fs'
import { jsonLog, monitoringLog } from './activity-log.js'
import { hashToken } from './auth.js'
import { ConfigError, parseServeConfig, serveHelp } from './config.js'
import { Store } from './storage/store.js'
import { createSyncServer } from './sync-server.js'

/** `patchsync serve`: start the server until SIGINT/SIGTERM. Returns the exit code. */
export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(serveHelp())
    return 0
  }
  let config
  try {
    config = parseServeConfig(argv, env)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`patchsync: ${error.message}`)
      return 2
    }
    throw error
  }
  const log = config.monitoring ? monitoringLog() : jsonLog()
  if (config.monitoring) console.log('🚀 Sync Server with Monitoring\n==============================\n\n📋 Activity Log:\n' + '─'.repeat(80))
  const server = createSyncServer({
    databaseUrl: config.databaseUrl,
    autoRegister: config.autoRegister,
    maxPayload: config.maxPayload,
    limits: { maxOps: config.maxOps, maxDocumentBytes: config.maxDocumentBytes },
    rateLimit: { perSecond: config.rateLimit, burst: config.rateBurst },
    heartbeatMs: config.heartbeatMs,
    log,
    tls: config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : undefined,
  })
  try {
    await server.listen(config.port, config.host)
  } catch (error) {
    console.error(`patchsync: could not start: ${(error as Error).message}`)
    await server.close().catch(() => {})
    return 1
  }
  const database = config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')
  log.info(`patchsync listening on ${server.url} (database ${database})`, { url: server.url, database })
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  log.info('patchsync shutting down')
  await server.close()
  return 0
}

/** `patchsync user add --user <uuid> --token <token>`: create a user when auto-registration is off. */
export async function userAdd(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const value = (flag: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const user = value('--user')
  const token = value('--token')
  const databaseUrl = value('--database-url') ?? env.DATABASE_URL ?? 'sqlite:./data/patchsync.db'
  if (!user || !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(user) || !token) {
    console.error('Usage: patchsync user add --user <uuid> --token <token> [--database-url <url>]')
    return 2
  }
  const store = Store.open(databaseUrl)
  try {
    await store.migrate()
    if (!(await store.createUser(user.toLowerCase(), await hashToken(token)))) {
      console.error(`patchsync: user_exists: user ${user} already exists`)
      return 1
    }
    console.log(`added user ${user.toLowerCase()}`)
    return 0
  } finally {
    await store.close()
  }
}
