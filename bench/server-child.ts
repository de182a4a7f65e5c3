/**
 * The server half of `npm run bench:server`, run as a child process so that the server's event loop
 * is not shared with the benchmark's clients (see bench/server.ts). Usage:
 * `node .bench/bench/server-child.js <database-url> [server-module]`; `server-module` (a path to
 * another build's `server/index.js`, e.g. a worktree of an older commit) runs that build's server
 * instead of this one, so the bench can put before and after side by side in one run. Prints
 * `{"url": …}` on stdout once listening, and closes cleanly on SIGTERM or when stdin closes (the
 * parent went away).
 */
import { pathToFileURL } from 'node:url'
import type { createSyncServer as CreateSyncServer } from '../server/index.js'

const [databaseUrl, serverModule] = process.argv.slice(2)
if (!databaseUrl) {
  console.error('usage: server-child <database-url> [server-module]')
  process.exit(2)
}
const { createSyncServer } = (await import(serverModule ? pathToFileURL(serverModule).href : '../server/index.js')) as {
  createSyncServer: typeof CreateSyncServer
}

const server = createSyncServer({
  databaseUrl,
  // Logins are not what is measured: cheap Argon2 parameters (the tests use the same).
  hashOptions: { memoryCost: 1024, timeCost: 1 },
  // One bench user sends far more than the production default of 200 requests a second.
  rateLimit: { perSecond: 0, burst: 1 },
  // Every bench client comes from 127.0.0.1: no per-address limits either, and no login throttle
  // (64 logins at once from one address take more tokens than its burst).
  addressLimit: { connections: 0, perSecond: 0, burst: 1 },
  loginLimit: { perUser: { perSecond: 0, burst: 1 }, perAddress: { perSecond: 0, burst: 1 } },
  heartbeatMs: 0,
})
await server.listen(0, '127.0.0.1')
process.stdout.write(JSON.stringify({ url: server.url }) + '\n')

let closing: Promise<void> | undefined
const stop = () => {
  closing ??= server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
process.stdin.resume()
