import { readFileSync } from 'node:fs'
import { createSecureContext } from 'node:tls'
import { jsonLog, monitoringLog } from './activity-log.js'
import { ConfigError, parseServeConfig, serveHelp } from './config.js'
import { redactDatabaseUrl } from './storage/dialects.js'
import { createSyncServer, type SyncServer } from './sync-server.js'

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
  const log = config.monitoring ? monitoringLog() : jsonLog({ level: config.logLevel })
  if (config.monitoring) console.log('🚀 Sync Server with Monitoring\n==============================\n\n📋 Activity Log:\n' + '─'.repeat(80))
  let server: SyncServer | undefined
  try {
    server = createSyncServer({
      databaseUrl: config.databaseUrl,
      autoRegister: config.autoRegister,
      maxPayload: config.maxPayload,
      limits: { maxOps: config.maxOps, maxDocumentBytes: config.maxDocumentBytes },
      cacheBytes: config.cacheBytes,
      rateLimit: { perSecond: config.rateLimit, burst: config.rateBurst },
      sendBuffer: { highWaterBytes: config.sendHighWater, limitBytes: config.sendLimit },
      authTimeoutMs: config.authTimeoutMs,
      addressLimit: { connections: config.addressConnections, perSecond: config.addressRateLimit, burst: config.addressRateBurst },
      trustedProxies: config.trustedProxies
        .split(',')
        .map((address) => address.trim())
        .filter((address) => address !== ''),
      heartbeatMs: config.heartbeatMs,
      reauthenticateMs: config.reauthenticateMs,
      inspector: config.inspector,
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
  // `patchsync user remove` runs in another process: SIGHUP has the server check its connections at once.
  const listening = server
  const recheck = () => {
    listening.reauthenticate().then(
      (closed) => log.info(`credentials checked again (SIGHUP): ${closed} connection(s) closed`, { closed }),
      (error) => log.fault('could not check credentials again', { error: String(error) }),
    )
  }
  process.on('SIGHUP', recheck)
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  process.off('SIGHUP', recheck)
  log.info(`patchsync shutting down (${signal})`)
  await server.close()
  log.info('patchsync stopped')
  return 0
}
